"""Models built from trusted rows behave like validated ones."""

from __future__ import annotations

from graph_loader.graph import Label, Node
from graph_loader.models import Evidence
from graph_loader.trusted import trusted


def test_trusted_models_equal_validated_ones_and_serialize_alike() -> None:
    fields = {
        "doc_id": "d1",
        "sentence": "县委书记甲主持会议。",
        "sentence_start": 0,
        "sentence_end": 10,
        "start": 4,
        "end": 5,
        "quote": "甲",
        "rule": "test",
        "confidence": 0.9,
    }
    fast, checked = trusted(Evidence, dict(fields)), Evidence(**fields)
    assert fast == checked and fast.model_dump_json() == checked.model_dump_json()
    node = {"id": "person:1", "label": Label.PERSON, "name": "甲", "props": {}, "evidence": [fast]}
    assert trusted(Node, dict(node)) == Node(**node)
    assert trusted(Node, dict(node)).model_copy(update={"name": "乙"}).name == "乙"


def test_facts_and_graph_objects_survive_pickling_between_processes() -> None:
    import pickle

    from graph_loader.extract.document import extract

    facts = extract("t.txt", "县委书记张三主持召开中央环保督察迎检工作会议。县长李四出席。")
    again = pickle.loads(pickle.dumps(facts))
    assert again == facts and again.model_dump_json() == facts.model_dump_json()
    assert again.persons and again.persons[0].evidence[0] == facts.persons[0].evidence[0]
