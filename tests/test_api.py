"""The API over a graph loaded from the seeds and the samples, on every store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import ROOT, SHARED, dicts_with
from fastapi.testclient import TestClient

from api.main import create_app
from graph_loader.loader import load
from graph_loader.store.base import GraphStore
from graph_loader.store.embedded import EmbeddedStore

PATHS = [str(ROOT / "data" / "samples")] + ([str(SHARED / "seeds")] if (SHARED / "seeds").is_dir() else [])


@pytest.fixture(scope="module", params=["embedded", "neo4j"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    if request.param == "embedded":
        store: GraphStore = EmbeddedStore(tmp_path_factory.mktemp("api") / "g.sqlite")
    else:
        neo4j_support = pytest.importorskip("neo4j_support", reason="Neo4j support module unavailable")
        store = neo4j_support.neo4j_store_or_skip()
    load(PATHS, store)
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def find(client: TestClient, q: str, label: str | None = None) -> dict:
    params = {"q": q} | ({"label": label} if label else {})
    r = client.get("/search", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def the(client: TestClient, name: str, label: str) -> str:
    hits = [h for h in find(client, name, label)["data"] if h["name"] == name]
    assert hits, f"{name} not found"
    return hits[0]["id"]


def all_hops(obj: object) -> Iterator[dict]:
    return dicts_with(obj, {"source", "type", "target", "evidence"})


def test_search_by_name_traditional_pinyin_and_initials(client: TestClient) -> None:
    pid = the(client, "刘春林", "Person")
    for q in ("刘春林", "劉春林", "liu chunlin", "Liu Chunlin", "liuchunlin", "lcl"):
        assert pid in [h["id"] for h in find(client, q, "Person")["data"]], q
    partial = find(client, "春林")["data"]
    assert pid in [h["id"] for h in partial]


def test_person_posts_and_chain_with_evidence_on_every_hop(client: TestClient) -> None:
    pid = the(client, "刘春林", "Person")
    person = client.get(f"/persons/{pid}").json()
    assert "永兴县委书记" in {h["target"]["name"] for h in person["posts"]}
    chain = client.get(f"/chains/person/{pid}").json()
    hops = list(all_hops(chain))
    assert hops and all(h["evidence"] and h["evidence"][0]["quote"] for h in hops)
    assert any(e["role"] == "SPOKE_AT" for e in chain["events"])
    places = {h["target"]["name"] for p in chain["posts"] if p["chain"] for h in p["chain"]["localities"]}
    assert {"永兴县", "郴州市", "湖南省"} <= places


def test_working_group_chain_reaches_the_leading_group_head(client: TestClient) -> None:
    [group] = [
        h
        for h in find(client, "综合协调组", "Body")["data"]
        if "安吉县" in str(client.get(f"/chains/body/{h['id']}").json()["steps"][-1]["body"]["name"])
    ]
    chain = client.get(f"/chains/body/{group['id']}").json()
    names = [s["body"]["name"] for s in chain["steps"]]
    assert names[-1] == "安吉县迎接中央第二轮生态环境保护督察工作领导小组"
    heads = {h["person"]["name"] for h in chain["steps"][-1]["heads"]}
    assert {"沈立新", "郑海波"} <= heads
    assert [h["target"]["name"] for h in chain["localities"]][:2] == ["安吉县", "湖州市"]


def test_locality_chain_and_entity_pages(client: TestClient) -> None:
    lid = the(client, "永兴县", "Locality")
    view = client.get(f"/chains/locality/{lid}").json()
    assert view["parents"][0]["target"]["name"] == "郴州市"
    assert any(b["body"]["props"].get("kind") == "leading_group" for b in view["bodies"])
    assert view["events"] and view["events"][0]["chairs"]
    loc = client.get(f"/localities/{lid}").json()
    assert loc["parents"] and loc["bodies"]
    ev = view["events"][0]["event"]["id"]
    event = client.get(f"/events/{ev}").json()
    assert event["chair"] and event["attendees"]


def test_document_page_has_spans_into_its_text(client: TestClient) -> None:
    pid = the(client, "刘春林", "Person")
    doc_id = client.get(f"/persons/{pid}").json()["posts"][0]["evidence"][0]["doc_id"]
    doc = client.get(f"/documents/{doc_id}").json()
    assert doc["spans"]
    for span in doc["spans"][:50]:
        assert 0 <= span["start"] < span["end"] <= len(doc["text"])


def test_paths_between_two_officials(client: TestClient) -> None:
    a, b = the(client, "刘春林", "Person"), the(client, "戴国栋", "Person")
    paths = client.get("/paths", params={"from": a, "to": b, "max_hops": 3}).json()
    assert paths and len(paths[0]["hops"]) == 2  # both at the same meeting
    assert all(h["evidence"] for p in paths for h in p["hops"])


def test_evidence_pages_list_what_answers_quote_and_more(client: TestClient) -> None:
    pid = the(client, "刘春林", "Person")
    hops = list(all_hops(client.get(f"/chains/person/{pid}").json()))
    for hop in hops[:20]:
        params = {
            "source": hop["source"]["id"],
            "type": hop["type"],
            "target": hop["target"]["id"],
            "limit": 100,
        }
        page = client.get("/evidence", params=params).json()
        assert page["data"][: len(hop["evidence"])] == hop["evidence"]
        assert hop["more_evidence"] == (page["count"] > len(hop["evidence"]))
    mentions = client.get("/evidence", params={"id": pid, "limit": 100}).json()
    assert mentions["count"] >= len(mentions["data"]) > 0
    assert all("刘春林" in m["sentence"] for m in mentions["data"])
    assert client.get("/evidence", params={"id": pid, "source": pid}).status_code == 400
    missing = {"source": pid, "type": "HOLDS", "target": "post:none"}
    assert client.get("/evidence", params=missing).status_code == 404


def test_errors_are_json_in_one_shape(client: TestClient) -> None:
    r = client.get("/persons/person:doesnotexist")
    assert r.status_code == 404 and r.json()["error"]["type"] == "NotFound"
    r = client.get("/paths", params={"from": "a", "to": "b", "max_hops": 99})
    assert r.status_code == 422 and r.json()["error"]["status"] == 422
    r = client.get("/search", params={"q": ""})
    assert r.status_code == 422
    bid = the(client, "永兴县", "Locality")
    assert client.get(f"/persons/{bid}").status_code == 404  # a locality is not a person


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="the shared seeds are not beside the repository")
def test_seed_answers(client: TestClient) -> None:
    # the 济南 meeting's chair is 王忠林
    mid = list(find(client, "落实中央环境保护督察组反馈问题整改工作专题会议", "Event")["data"])[0]["id"]
    assert [h["source"]["name"] for h in client.get(f"/events/{mid}").json()["chair"]] == ["王忠林"]
    # 谢忠华's posts are three 攀枝花市 posts
    pid = the(client, "谢忠华", "Person")
    posts = client.get(f"/persons/{pid}").json()["posts"]
    assert len(posts) == 3 and all(p["target"]["props"]["locality"] == "510400" for p in posts)
    # the four sub-groups report to 迎接中央环保督察专项工作组
    for name in ("综合调度组", "现场督导组", "资料档案组", "案件处置组"):
        bid = the(client, name, "Body")
        parent = client.get(f"/bodies/{bid}").json()["parent"]
        assert [p["target"]["name"] for p in parent] == ["迎接中央环保督察专项工作组"]
    # wang wentao finds 王文涛
    assert "王文涛" in [h["name"] for h in find(client, "wang wentao")["data"]]


def test_concurrent_requests_get_the_same_answers_as_one_by_one(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    import anyio
    import httpx

    store = EmbeddedStore(tmp_path_factory.mktemp("concurrent") / "g.sqlite")
    load(PATHS, store)
    app = create_app(store)
    with TestClient(app) as c:
        pid = the(c, "刘春林", "Person")
        lid = the(c, "永兴县", "Locality")
        urls = [
            f"/chains/person/{pid}",
            f"/chains/locality/{lid}",
            f"/persons/{pid}",
            "/search?q=县委书记",
        ] * 5
        alone = [c.get(u).json() for u in urls]

    async def together() -> list[object]:
        # a fresh app: nothing in its response cache, every answer computed while others wait
        transport = httpx.ASGITransport(app=create_app(store))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            out: list[object] = [None] * len(urls)

            async def fetch(i: int) -> None:
                r = await client.get(urls[i])
                assert r.status_code == 200
                out[i] = r.json()

            async with anyio.create_task_group() as tg:
                for i in range(len(urls)):
                    tg.start_soon(fetch, i)
            return out

    assert anyio.run(together) == alone
    store.close()
