"""Exports: GraphML (Gephi / networkx), node-link JSON, and neo4j-admin import CSVs."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from graph_loader.export import (
    NEO4J_ARRAY_DELIMITER,
    export_graphml,
    export_json,
    export_neo4j_csv,
    neo4j_import_command,
)
from graph_loader.graph import Edge, Label, Node, Rel, evidence_from_json
from graph_loader.models import Evidence

# A quote with Chinese and ASCII commas and semicolons, both kinds of double quotes, a backslash,
# a vertical bar and a line break: everything that trips CSV, JSON-in-CSV and XML.
QUOTE = '张三指出：“要压实责任，严格整改；决不手软”, he said "fix it; now" | C:\\tmp\n完'


def ev(doc: str, quote: str = QUOTE, start: int = 0) -> Evidence:
    return Evidence(
        doc_id=doc,
        sentence=f"句子：{quote}。",
        sentence_start=start,
        sentence_end=start + len(quote) + 4,
        start=start + 3,
        end=start + 3 + len(quote),
        quote=quote,
        rule="test.rule",
        confidence=0.9,
    )


def small_graph() -> tuple[list[Node], list[Edge]]:
    nodes = [
        Node(
            id="person:aaa",
            label=Label.PERSON,
            name="张三",
            props={"province": "四川省", "aliases": ["张三", "老张;张书记", 'Zhang "San", Jr.']},
            evidence=[ev("doc1"), ev("doc2", "张三，书记", 40), ev("doc1", "再次；提到", 80)],
        ),
        Node(
            id="post:bbb",
            label=Label.POST,
            name="攀枝花市委书记",
            props={"role": "书记", "title": "市委书记", "head": True, "locality": None, "rank": 3},
            evidence=[ev("doc1")],
        ),
        Node(
            id="post:ccc",
            label=Label.POST,
            name="攀枝花市副市长",
            props={"role": "副市长", "title": "副市长", "head": False, "locality": "510400", "rank": 7},
        ),
        Node(
            id="loc:510400",
            label=Label.LOCALITY,
            name="攀枝花市",
            props={"level": "prefecture", "code": "510400", "population": 1_220_000, "area": 7414.0},
            evidence=[ev("doc2", "攀枝花市", 5)],
        ),
        Node(
            id="body:ddd",
            label=Label.BODY,
            name="中共攀枝花市委",
            props={"kind": "party_committee", "aliases": [], "score": 1},
            evidence=[ev("doc1", "市委", 9)],
        ),
        Node(
            id="body:eee",
            label=Label.BODY,
            name="攀枝花市生态环境局",
            props={"kind": "department", "aliases": ["市生态环境局"], "score": "高"},
        ),
        Node(
            id="doc:doc1",
            label=Label.DOCUMENT,
            name="关于“督察整改”的通报, 第1号",
            props={
                "doc": "a.txt",
                "doc_id": "doc1",
                "title": "通报，第1号",
                "date": None,
                "source": "新华网",
            },
        ),
    ]
    edges = [
        Edge(
            source="person:aaa",
            type=Rel.HOLDS,
            target="post:bbb",
            props={"dates": ["2021-05", "2022;01"]},
            evidence=[ev("doc1"), ev("doc2", "任书记", 60)],
        ),
        Edge(source="person:aaa", type=Rel.HOLDS, target="post:ccc", props={"dates": []}),
        Edge(source="post:bbb", type=Rel.OF, target="body:ddd", evidence=[ev("doc1", "市委", 9)]),
        Edge(source="body:ddd", type=Rel.LOCATED_IN, target="loc:510400"),
        Edge(source="body:eee", type=Rel.ASSIGNED_TO, target="loc:510400", props={"task": ["整改, 销号"]}),
        Edge(source="doc:doc1", type=Rel.ATTESTS, target="person:aaa", evidence=[ev("doc1")]),
        Edge(source="doc:doc1", type=Rel.ATTESTS, target="body:ddd"),
        # a second relationship between the same pair: the graph is a multigraph
        Edge(
            source="person:aaa",
            type=Rel.POSSIBLY_SAME,
            target="post:bbb",
            props={"reason": "同名，同省"},
        ),
    ]
    return nodes, edges


def node_by_id() -> dict[str, Node]:
    return {n.id: n for n in small_graph()[0]}


# --------------------------------------------------------------------------------------------- #
# GraphML
# --------------------------------------------------------------------------------------------- #


def test_graphml_round_trips_through_networkx(tmp_path: Path) -> None:
    nodes, edges = small_graph()
    out = tmp_path / "g.graphml"
    assert export_graphml(nodes, edges, out) == (len(nodes), len(edges))

    g = nx.read_graphml(out, force_multigraph=True)
    assert g.is_directed() and g.is_multigraph()
    assert set(g.nodes) == {n.id for n in nodes}
    assert g.number_of_edges() == len(edges)
    assert Counter(t for _, _, t in g.edges(data="type")) == Counter(e.type.value for e in edges)
    assert {(u, d["type"], v) for u, v, d in g.edges(data=True)} == {e.key for e in edges}
    # edge ids are unique (Gephi needs that) and come back as keys
    assert {k for _, _, k in g.edges(keys=True)} == {f"{s}--{t}--{o}" for s, t, o in (e.key for e in edges)}

    p = g.nodes["person:aaa"]
    assert p["label"] == "Person"
    assert p["name"] == "张三"
    assert p["province"] == "四川省"
    assert p["aliases"] == '张三;老张;张书记;Zhang "San", Jr.'
    assert p["evidence_count"] == 3
    assert p["evidence_quote"] == QUOTE
    assert p["evidence_docs"] == "doc1;doc2"
    assert json.loads(p["evidence_json"]) == [e.model_dump() for e in node_by_id()["person:aaa"].evidence]

    post = g.nodes["post:bbb"]
    assert post["head"] is True and g.nodes["post:ccc"]["head"] is False
    assert post["rank"] == 3 and isinstance(post["rank"], int)
    assert "locality" not in post  # None is left out
    assert g.nodes["post:ccc"]["locality"] == "510400"
    assert "evidence_quote" not in g.nodes["post:ccc"]
    assert g.nodes["post:ccc"]["evidence_count"] == 0
    assert json.loads(g.nodes["post:ccc"]["evidence_json"]) == []

    loc = g.nodes["loc:510400"]
    assert loc["population"] == 1_220_000 and loc["area"] == 7414.0
    # mixed int / str property becomes a string everywhere
    assert g.nodes["body:ddd"]["score"] == "1" and g.nodes["body:eee"]["score"] == "高"
    assert g.nodes["body:ddd"]["aliases"] == ""
    assert "date" not in g.nodes["doc:doc1"]
    assert g.nodes["doc:doc1"]["name"] == "关于“督察整改”的通报, 第1号"

    holds = g.edges["person:aaa", "post:bbb", "person:aaa--HOLDS--post:bbb"]
    assert holds["type"] == "HOLDS"
    assert holds["dates"] == "2021-05;2022;01"
    assert holds["evidence_count"] == 2 and holds["evidence_docs"] == "doc1;doc2"
    assert g.edges["doc:doc1", "body:ddd", "doc:doc1--ATTESTS--body:ddd"]["evidence_count"] == 0


def test_graphml_declares_one_type_per_attribute(tmp_path: Path) -> None:
    nodes, edges = small_graph()
    out = tmp_path / "g.graphml"
    export_graphml(nodes, edges, out)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = ET.parse(out).getroot().findall("g:key", ns)
    names = [(k.get("for"), k.get("attr.name")) for k in keys]
    assert len(names) == len(set(names))
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert types["node", "head"] == "boolean"
    assert types["node", "rank"] == "long"
    assert types["node", "area"] == "double"
    assert types["node", "score"] == "string"
    assert types["node", "aliases"] == "string"
    assert types["node", "evidence_count"] == "long"
    assert types["edge", "type"] == "string"
    assert ("node", "date") not in types  # only ever None


def test_graphml_survives_characters_xml_forbids(tmp_path: Path) -> None:
    bad = "控制\x0b字符\x01"
    node = Node(id="person:x", label=Label.PERSON, name=bad, evidence=[ev("d", bad)])
    out = tmp_path / "g.graphml"
    export_graphml([node], [], out)
    g = nx.read_graphml(out)
    assert g.nodes["person:x"]["name"] == "控制\ufffd字符\ufffd"
    assert json.loads(g.nodes["person:x"]["evidence_json"])[0]["quote"] == bad  # nothing lost


# --------------------------------------------------------------------------------------------- #
# Node-link JSON
# --------------------------------------------------------------------------------------------- #


def test_json_round_trips_through_networkx(tmp_path: Path) -> None:
    nodes, edges = small_graph()
    out = tmp_path / "g.json"
    assert export_json(nodes, edges, out) == (len(nodes), len(edges))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["directed"] is True and data["multigraph"] is True
    assert [n["id"] for n in data["nodes"]] == sorted(n.id for n in nodes)

    g = nx.node_link_graph(data, edges="links")
    assert g.is_directed() and g.is_multigraph()
    assert set(g.nodes) == {n.id for n in nodes}
    assert g.number_of_edges() == len(edges)
    for n in nodes:
        attrs = g.nodes[n.id]
        assert attrs["label"] == n.label.value and attrs["name"] == n.name
        for k, v in n.props.items():
            assert attrs[k] == v
        assert [Evidence.model_validate(x) for x in attrs["evidence"]] == n.evidence
    for e in edges:
        attrs = g.edges[e.source, e.target, e.type.value]
        assert attrs["type"] == e.type.value
        for k, v in e.props.items():
            assert attrs[k] == v
        assert [Evidence.model_validate(x) for x in attrs["evidence"]] == e.evidence


# --------------------------------------------------------------------------------------------- #
# neo4j-admin CSV
# --------------------------------------------------------------------------------------------- #


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def split_array(field: str) -> list[str]:
    return field.split(NEO4J_ARRAY_DELIMITER) if field else []


def test_neo4j_csv_files_and_headers(tmp_path: Path) -> None:
    nodes, edges = small_graph()
    assert export_neo4j_csv(nodes, edges, tmp_path) == (len(nodes), len(edges))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "import.sh",
        "nodes_Body.csv",
        "nodes_Document.csv",
        "nodes_Locality.csv",
        "nodes_Person.csv",
        "nodes_Post.csv",
        "rels_ASSIGNED_TO.csv",
        "rels_ATTESTS.csv",
        "rels_HOLDS.csv",
        "rels_LOCATED_IN.csv",
        "rels_OF.csv",
        "rels_POSSIBLY_SAME.csv",
    ]
    headers = {p.name: read_csv(p)[0] for p in tmp_path.glob("*.csv")}
    assert headers["nodes_Person.csv"] == [
        "id:ID",
        "name",
        "aliases:string[]",
        "province",
        "evidence:string[]",
        ":LABEL",
    ]
    assert headers["nodes_Post.csv"] == [
        "id:ID",
        "name",
        "head:boolean",
        "locality",
        "rank:int",
        "role",
        "title",
        "evidence:string[]",
        ":LABEL",
    ]
    assert headers["nodes_Locality.csv"] == [
        "id:ID",
        "name",
        "area:double",
        "code",
        "level",
        "population:int",
        "evidence:string[]",
        ":LABEL",
    ]
    assert headers["nodes_Body.csv"] == [
        "id:ID",
        "name",
        "aliases:string[]",
        "kind",
        "score",
        "evidence:string[]",
        ":LABEL",
    ]
    # ``date`` is None everywhere: no column
    assert headers["nodes_Document.csv"] == [
        "id:ID",
        "name",
        "doc",
        "doc_id",
        "source",
        "title",
        "evidence:string[]",
        ":LABEL",
    ]
    assert headers["rels_HOLDS.csv"] == [
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "dates:string[]",
        "evidence:string[]",
    ]
    assert headers["rels_OF.csv"] == [":START_ID", ":END_ID", ":TYPE", "evidence:string[]"]
    assert headers["rels_POSSIBLY_SAME.csv"] == [
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "reason",
        "evidence:string[]",
    ]


def test_neo4j_csv_rows_parse_back(tmp_path: Path) -> None:
    nodes, edges = small_graph()
    export_neo4j_csv(nodes, edges, tmp_path)
    by_id = node_by_id()

    seen: set[str] = set()
    for path in tmp_path.glob("nodes_*.csv"):
        header, *rows = read_csv(path)
        assert rows == sorted(rows)  # sorted by id
        for row in rows:
            rec = dict(zip(header, row, strict=True))
            n = by_id[rec["id:ID"]]
            seen.add(n.id)
            assert rec[":LABEL"] == n.label.value == path.stem.removeprefix("nodes_")
            assert rec["name"] == n.name
            assert evidence_from_json(split_array(rec["evidence:string[]"])) == n.evidence
            for col, field in rec.items():
                prop, _, typ = col.partition(":")
                if prop in ("", "id", "name", "evidence"):
                    continue
                value = n.props.get(prop)
                if value is None:
                    assert field == ""
                elif typ == "string[]":
                    assert split_array(field) == value
                elif typ == "boolean":
                    assert field == ("true" if value else "false")
                elif typ == "int":
                    assert int(field) == value
                elif typ == "double":
                    assert float(field) == value
                else:
                    assert field == str(value)
    assert seen == set(by_id)

    person = dict(zip(*read_csv(tmp_path / "nodes_Person.csv"), strict=True))
    assert split_array(person["aliases:string[]"]) == ["张三", "老张;张书记", 'Zhang "San", Jr.']
    quotes = [json.loads(s)["quote"] for s in split_array(person["evidence:string[]"])]
    assert quotes == [QUOTE, "张三，书记", "再次；提到"]

    header, *rows = read_csv(tmp_path / "rels_HOLDS.csv")
    assert [r[:3] for r in rows] == [["person:aaa", "post:bbb", "HOLDS"], ["person:aaa", "post:ccc", "HOLDS"]]
    first = dict(zip(header, rows[0], strict=True))
    assert split_array(first["dates:string[]"]) == ["2021-05", "2022;01"]
    assert evidence_from_json(split_array(first["evidence:string[]"])) == small_graph()[1][0].evidence
    second = dict(zip(header, rows[1], strict=True))
    assert second["dates:string[]"] == "" and second["evidence:string[]"] == ""
    total = sum(len(read_csv(p)) - 1 for p in tmp_path.glob("rels_*.csv"))
    assert total == len(edges)


def test_neo4j_import_script(tmp_path: Path) -> None:
    nodes, edges = small_graph()
    export_neo4j_csv(nodes, edges, tmp_path)
    script = (tmp_path / "import.sh").read_text(encoding="utf-8")
    assert script.startswith("#!/bin/sh\n")
    assert "database import full" in script
    assert "--array-delimiter=U+001F" in script
    for p in sorted(tmp_path.glob("nodes_*.csv")):
        assert f"--nodes={p.name}" in script
    for p in sorted(tmp_path.glob("rels_*.csv")):
        assert f"--relationships={p.name}" in script
    assert (tmp_path / "import.sh").stat().st_mode & 0o111

    cmd = neo4j_import_command(["nodes_Person.csv"], ["rels_HOLDS.csv"])
    assert cmd == [
        "neo4j-admin",
        "database",
        "import",
        "full",
        "--array-delimiter=U+001F",
        "--legacy-style-quoting=false",
        "--multiline-fields=true",
        "--nodes=nodes_Person.csv",
        "--relationships=rels_HOLDS.csv",
        "neo4j",
    ]


def test_neo4j_csv_int_beyond_32_bits_is_long(tmp_path: Path) -> None:
    node = Node(id="loc:1", label=Label.LOCALITY, name="x", props={"big": 2**40})
    export_neo4j_csv([node], [], tmp_path)
    header, row = read_csv(tmp_path / "nodes_Locality.csv")
    assert "big:long" in header and row[header.index("big:long")] == str(2**40)


def test_neo4j_csv_rejects_the_array_delimiter_in_a_value(tmp_path: Path) -> None:
    node = Node(id="person:x", label=Label.PERSON, name="x", props={"aliases": ["a\x1fb"]})
    with pytest.raises(ValueError, match="array delimiter"):
        export_neo4j_csv([node], [], tmp_path)


# --------------------------------------------------------------------------------------------- #
# All formats
# --------------------------------------------------------------------------------------------- #


def test_empty_graph_exports(tmp_path: Path) -> None:
    assert export_graphml([], [], tmp_path / "g.graphml") == (0, 0)
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert g.number_of_nodes() == 0 and g.number_of_edges() == 0

    assert export_json([], [], tmp_path / "g.json") == (0, 0)
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert data["nodes"] == [] and data["links"] == []
    assert nx.node_link_graph(data, edges="links").number_of_nodes() == 0

    assert export_neo4j_csv([], [], tmp_path / "csv") == (0, 0)
    assert [p.name for p in (tmp_path / "csv").iterdir()] == ["import.sh"]


def test_generators_duplicates_and_dangling_edges(tmp_path: Path) -> None:
    nodes, edges = small_graph()
    extra_person = Node(
        id="person:aaa",
        label=Label.PERSON,
        name="张三",
        props={"aliases": ["张同志"]},
        evidence=[ev("doc3", "张同志", 1)],
    )
    dangling = Edge(source="person:aaa", type=Rel.ATTENDED, target="event:missing")
    all_nodes = [*nodes, extra_person]
    all_edges = [*edges, edges[0], dangling]

    for fn, name in ((export_graphml, "g.graphml"), (export_json, "g.json"), (export_neo4j_csv, "csv")):
        written = fn(iter(all_nodes), iter(all_edges), tmp_path / name)
        assert written == (len(nodes), len(edges))

    g = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert "event:missing" not in g
    assert g.nodes["person:aaa"]["aliases"].endswith(";张同志")
    assert g.nodes["person:aaa"]["evidence_count"] == 4
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert len(data["links"]) == len(edges)


def test_output_is_deterministic(tmp_path: Path) -> None:
    nodes, edges = small_graph()
    for run, order in (("a", 1), ("b", -1)):
        export_graphml(nodes[::order], edges[::order], tmp_path / run / "g.graphml")
        export_json(nodes[::order], edges[::order], tmp_path / run / "g.json")
        export_neo4j_csv(nodes[::order], edges[::order], tmp_path / run / "csv")
    for p in (tmp_path / "a").rglob("*"):
        if p.is_file():
            assert p.read_bytes() == (tmp_path / "b" / p.relative_to(tmp_path / "a")).read_bytes(), p


def test_reserved_property_names_are_refused(tmp_path: Path) -> None:
    node = Node(id="person:x", label=Label.PERSON, name="x", props={"name": "oops"})
    for fn, name in ((export_graphml, "g.graphml"), (export_json, "g.json"), (export_neo4j_csv, "csv")):
        with pytest.raises(ValueError, match="clash"):
            fn([node], [], tmp_path / name)
