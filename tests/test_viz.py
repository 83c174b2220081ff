"""The neighbourhood visualization: what it collects, what the page holds, and that it draws.

The browser test opens a rendered page in a real headless Chromium with every host name resolving
to nothing, reads the counts the page writes into the DOM once vis-network has drawn, checks from
Chromium's network log that the page asked for nothing over the network, and looks at the
screenshot's pixels.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_loader.errors import NotFound
from graph_loader.graph import Edge, Label, Node, Rel
from graph_loader.loader import load
from graph_loader.models import Evidence
from graph_loader.store.embedded import EmbeddedStore
from graph_loader.viz import STYLE, neighbourhood, render_html

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SAMPLE_PERSON = "戴国栋"  # 永兴县县长 in sample 01: posts, bodies, a meeting, other attendees

WEB_ADDRESS = re.compile(r"https?:(?:\\?/){2}", re.IGNORECASE)  # also catches JS-escaped http:\/\/
NOT_FETCHED = [
    "http:\\/\\/www.w3.org/2000/svg",  # document.createElementNS(namespace, ...), twice
    "http:\\/\\/www.w3.org/2000/svg",
    "https:\\/\\/github.com/zloirock/core-js/blob/v3.21.1/LICENSE",  # core-js's {license, source}
    "https:\\/\\/github.com/zloirock/core-js",
    "https:\\/\\/github.com/uuidjs/uuid#getrandomvalues-not-supported",  # text of an Error
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    s = EmbeddedStore(tmp_path_factory.mktemp("viz") / "g.sqlite")
    load([str(SAMPLES)], s)
    yield s
    s.close()


@pytest.fixture(scope="module")
def person(store: EmbeddedStore) -> Node:
    hits = [n for n in store.find([SAMPLE_PERSON], [Label.PERSON]) if n.name == SAMPLE_PERSON]
    assert len(hits) == 1, hits
    return hits[0]


def _options(page: str) -> dict:
    match = re.search(r"var options = (\{.*?\});\n", page)
    assert match, "the page holds no vis-network options"
    return json.loads(match.group(1))


# --------------------------------------------------------------------------- neighbourhood


def test_neighbourhood_grows_with_depth_and_leaves_out_documents(store: EmbeddedStore, person: Node) -> None:
    n1, e1 = neighbourhood(store, person.id, depth=1)
    n2, e2 = neighbourhood(store, person.id, depth=2)
    assert n1[0].id == person.id and n2[0].id == person.id
    assert 1 < len(n1) < len(n2)
    assert len(e1) < len(e2)
    assert {n.id for n in n1} < {n.id for n in n2}
    for nodes, edges in ((n1, e1), (n2, e2)):
        ids = {n.id for n in nodes}
        assert all(n.label is not Label.DOCUMENT for n in nodes)
        assert all(e.type is not Rel.ATTESTS for e in edges)
        assert all(e.source in ids and e.target in ids for e in edges)
        assert [e.key for e in edges] == sorted(e.key for e in edges)
    # depth 1 is exactly the focus and its direct neighbours (documents aside)
    direct = {
        other
        for e in store.edges([person.id], "both")
        if e.type is not Rel.ATTESTS
        for other in (e.source, e.target)
    }
    assert {n.id for n in n1} == direct | {person.id}


def test_neighbourhood_is_deterministic_capped_and_can_include_documents(
    store: EmbeddedStore, person: Node
) -> None:
    n3, e3 = neighbourhood(store, person.id, depth=3)
    deep, _ = neighbourhood(store, person.id, depth=9)
    assert [n.id for n in deep] == [n.id for n in n3]  # depth is capped at 3
    assert neighbourhood(store, person.id, depth=3) == (n3, e3)

    few, few_edges = neighbourhood(store, person.id, depth=3, max_nodes=5)
    assert len(few) == 5
    assert [n.id for n in few] == [n.id for n in n3][:5]  # nearer nodes first, ties by id
    kept = {n.id for n in few}
    assert all(e.source in kept and e.target in kept for e in few_edges)

    with_docs, doc_edges = neighbourhood(store, person.id, depth=1, include_documents=True)
    assert any(n.label is Label.DOCUMENT for n in with_docs)
    assert any(e.type is Rel.ATTESTS for e in doc_edges)


def test_neighbourhood_of_an_unknown_id_is_not_found(store: EmbeddedStore) -> None:
    with pytest.raises(NotFound):
        neighbourhood(store, "person:0000000000000000")


# --------------------------------------------------------------------------- the page


def test_page_holds_names_legend_links_and_no_web_address(store: EmbeddedStore, person: Node) -> None:
    nodes, edges = neighbourhood(store, person.id, depth=2)
    page = render_html(nodes, edges, person.id)

    assert page.startswith("<!DOCTYPE html>")
    assert f"<title>{person.name} · 人物关系图</title>" in page
    for node in nodes:
        assert f'"label": "{node.name}"' in page
    for zh, *_ in STYLE.values():
        assert zh in page  # the legend
    assert "window.vizReady = {nodes: nodes.length, edges: edges.length}" in page
    assert '"href": "/viz/person%3A' in page  # ids are URL-encoded, ":" included
    # vis-network is inlined, and nothing anywhere in the page is a web address
    assert "vis.Network" in page and len(page) > 400_000
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=", page)
    assert "http://" not in page and "https://" not in page
    # inside vis-network's inlined bundle a few strings still name addresses (written http:\/\/),
    # none of them fetched: the SVG namespace, core-js's licence metadata, an error message of uuid
    named = sorted(m.group(0) for m in re.finditer(r"https?:(?:\\?/){2}[^\"' ]*", page))
    assert named == sorted(NOT_FETCHED), named

    options = _options(page)
    assert options["physics"]["enabled"] is True
    assert options["physics"]["stabilization"]["enabled"] is True
    assert 'network.once("stabilizationIterationsDone"' in page
    assert "physics: {enabled: false}" in page

    # only link_base may be a web address
    linked = render_html(nodes, edges, person.id, link_base="https://example.org/viz/")
    assert set(re.findall(r"https?://[^\"' ]*?/viz/", linked)) == {"https://example.org/viz/"}
    assert len(re.findall(r"https?://", linked)) == len(nodes)


def test_page_with_asset_base_links_local_assets(store: EmbeddedStore, person: Node) -> None:
    nodes, edges = neighbourhood(store, person.id, depth=1)
    page = render_html(nodes, edges, person.id, asset_base="/static")
    assert '<script src="/static/vis-network.min.js"></script>' in page
    assert '<link rel="stylesheet" href="/static/vis-network.min.css">' in page
    assert len(page) < 40_000  # nothing inlined
    assert not WEB_ADDRESS.search(page)
    static = ROOT / "graph_loader" / "static"
    for name in ("vis-network.min.js", "vis-network.min.css", "LICENSE-vis-network-MIT.txt"):
        assert (static / name).is_file()


def test_hierarchical_page_lays_out_top_down_without_physics(store: EmbeddedStore, person: Node) -> None:
    nodes, edges = neighbourhood(store, person.id, depth=2)
    options = _options(render_html(nodes, edges, person.id, hierarchical=True))
    hierarchical = options["layout"]["hierarchical"]
    assert hierarchical["enabled"] is True
    assert hierarchical["direction"] == "UD"
    assert hierarchical["sortMethod"] == "directed"
    assert options["physics"]["enabled"] is False


def _evil_graph() -> tuple[list[Node], list[Edge]]:
    ev = Evidence(
        doc_id="doc<b>1</b>",
        sentence="<img src=x onerror=alert(2)>",
        sentence_start=0,
        sentence_end=10,
        start=0,
        end=5,
        quote='"</script><script>alert(3)</script>',
        rule="rule&<i>",
        confidence=0.5,
    )
    evil = Node(id="person:evil", label=Label.PERSON, name='<script>alert("x")</script>', evidence=[ev])
    post = Node(id="post:p", label=Label.POST, name="县长<b>", props={"kind": "<u>k</u>", "aliases": ["<s>"]})
    town = Node(id="loc:450321:兴坪镇", label=Label.LOCALITY, name="兴坪镇")
    edges = [
        Edge(source="person:evil", type=Rel.HOLDS, target="post:p", evidence=[ev]),
        Edge(source="post:p", type=Rel.LOCATED_IN, target="loc:450321:兴坪镇"),
    ]
    return [evil, post, town], edges


def test_page_escapes_scraped_text() -> None:
    nodes, edges = _evil_graph()
    page = render_html(nodes, edges, "post:p")
    neighbour = render_html(nodes, edges, "person:evil")
    for text in (page, neighbour):
        assert "<script>alert" not in text
        assert "</script><script>" not in text
        assert "<img src=x" not in text
        assert "<b>1</b>" not in text and "<u>k</u>" not in text
        # exactly our two script elements end: vis-network's and the page's own
        assert text.count("</script>") == 2
    # in the title and heading the name is entity-escaped
    assert "<title>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; · 人物关系图</title>" in neighbour
    assert "<h1>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</h1>" in neighbour
    # in tooltips it is HTML-escaped, then JSON-escaped inside the script
    assert "\\u0026lt;script\\u0026gt;alert(\\u0026quot;x\\u0026quot;)" in page
    assert "\\u0026lt;/script\\u0026gt;\\u0026lt;script\\u0026gt;alert(3)" in page  # the quote
    assert "doc\\u0026lt;b\\u0026gt;1" in page and "rule\\u0026amp;\\u0026lt;i\\u0026gt;" in page
    # the click target is URL-encoded
    assert '"href": "/viz/loc%3A450321%3A%E5%85%B4%E5%9D%AA%E9%95%87"' in page


# --------------------------------------------------------------------------- a real browser


def _chromium() -> str | None:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None and os.environ.get("BROWSER_TESTS_REQUIRED") == "1":
        pytest.fail("BROWSER_TESTS_REQUIRED=1 but chromium is not installed", pytrace=False)
    return exe


def _run_chromium(exe: str, url: str, profile: Path, *extra: str) -> str:
    """Load ``url`` in headless Chromium with no way to reach any host; return stdout."""
    args = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--no-proxy-server",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
        "--force-device-scale-factor=1",
        "--window-size=1200,800",
        "--hide-scrollbars",
        "--virtual-time-budget=5000",
        *extra,
        url,
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _page_requests(netlog: Path) -> list[str]:
    """URLs the page itself asked the network stack for (Chromium's own services left out)."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        e["params"]["url"]
        for e in log["events"]
        if e["type"] == start
        and "url" in e.get("params", {})
        and e["params"].get("initiator") != "not an origin"  # browser-internal requests
    ]


def _png_pixels(data: bytes) -> tuple[int, int, int, bytes]:
    """Width, height, bytes per pixel and raw pixels of an 8-bit RGB/RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    width = height = bpp = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    out = bytearray()
    prev = bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev, strict=True))
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        out += line
        prev = line
    return width, height, bpp, bytes(out)


def _hex(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@pytest.mark.browser
@pytest.mark.skipif(
    _chromium() is None,
    reason="chromium is not installed (apt-get install chromium chromium-driver fonts-wqy-zenhei)",
)
@pytest.mark.parametrize("hierarchical", [False, True], ids=["physics", "hierarchical"])
def test_page_draws_in_headless_chromium_without_network(
    store: EmbeddedStore, person: Node, tmp_path: Path, hierarchical: bool
) -> None:
    exe = _chromium()
    assert exe is not None
    nodes, edges = neighbourhood(store, person.id, depth=2)
    page = tmp_path / "viz.html"
    page.write_text(render_html(nodes, edges, person.id, hierarchical=hierarchical), encoding="utf-8")
    shot, netlog = tmp_path / "viz.png", tmp_path / "netlog.json"

    dom = _run_chromium(
        exe,
        page.as_uri(),
        tmp_path / "profile",
        "--dump-dom",
        f"--screenshot={shot}",
        f"--log-net-log={netlog}",
    )

    # the page drew the whole graph: the counts it wrote after vis-network's first drawing
    status = re.search(r'<div id="viz-status"([^>]*)>', dom)
    assert status, dom[-2000:]
    attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', status.group(1)))
    assert attrs.get("data-ready") == "1", attrs
    if not hierarchical:  # physics ran, settled and was switched off
        assert attrs.get("data-stabilized") == "1", attrs
    assert int(attrs["data-nodes"]) == len(nodes)
    assert int(attrs["data-edges"]) == len(edges)
    assert f"vizReady {len(nodes)} {len(edges)}" in dom

    # and asked the network for nothing (file:// loads never reach the network stack)
    assert _page_requests(netlog) == []

    # the canvas region of the screenshot is drawn on, in the node colours
    width, height, bpp, pixels = _png_pixels(shot.read_bytes())
    left, top, canvas_width, _h = (int(v) for v in attrs["data-rect"].split(","))
    assert (width, height) == (1200, 800) and top < 120 and canvas_width == width
    drawn, colours = 0, set()
    for y in range(top + 2, height):
        row = pixels[y * width * bpp : (y + 1) * width * bpp]
        for x in range(left, left + canvas_width):
            r, g, b = row[x * bpp : x * bpp + 3]
            if r < 235 or g < 235 or b < 235:
                drawn += 1
                colours.add((r, g, b))
    area = (height - top - 2) * canvas_width
    assert drawn > 0.02 * area, (drawn, area)
    for label in (Label.PERSON, Label.POST, Label.BODY, Label.LOCALITY, Label.EVENT):
        assert _hex(STYLE[label][2]) in colours, f"no {label.value} node fill on the canvas"

    if not hierarchical and (target := os.environ.get("VIZ_SCREENSHOT")):  # e.g. docs/viz.png
        shutil.copyfile(shot, ROOT / target)


@pytest.mark.browser
@pytest.mark.skipif(_chromium() is None, reason="chromium is not installed")
def test_network_log_sees_a_page_that_does_reach_out(tmp_path: Path) -> None:
    """The no-request check above is not vacuous: a page linking a CDN shows up in the log."""
    exe = _chromium()
    assert exe is not None
    page = tmp_path / "cdn.html"
    page.write_text(
        '<!DOCTYPE html><script src="https://cdn.example.org/vis.js"></script><p>x</p>', encoding="utf-8"
    )
    netlog = tmp_path / "netlog.json"
    _run_chromium(exe, page.as_uri(), tmp_path / "profile", "--dump-dom", f"--log-net-log={netlog}")
    assert _page_requests(netlog) == ["https://cdn.example.org/vis.js"]
