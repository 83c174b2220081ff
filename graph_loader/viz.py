"""Interactive neighbourhood pages: a node, what surrounds it, drawn with pyvis / vis-network.

:func:`neighbourhood` collects the nodes and edges around one node; :func:`render_html` turns them
into one self-contained HTML page. The page never loads anything from the network: vis-network's
script and stylesheet are inlined from ``graph_loader/static/`` (or, with ``asset_base``, linked
from a local URL such as the API's ``/static``), and nothing links a CDN.

Names, quotes and sentences come from scraped web text, so every piece of it is HTML-escaped before
it reaches a tooltip, and the node and edge data sit in the page as JSON with ``<``, ``>``, ``&``
and ``'`` written as ``\\uXXXX`` escapes.

After the network first draws, the page sets ``window.vizReady = {nodes: N, edges: M}`` and copies
the counts into ``<div id="viz-status">`` (``data-nodes``, ``data-edges``, ``data-rect``) so a
browser test can read them from the DOM.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from graph_loader.errors import NotFound
from graph_loader.graph import Edge, Label, Node, Rel
from graph_loader.store.base import GraphStore

MAX_DEPTH = 3
MAX_EVIDENCE_SHOWN = 5

# Label → (Chinese name, vis-network shape, background, border).
STYLE: dict[Label, tuple[str, str, str, str]] = {
    Label.PERSON: ("人物", "ellipse", "#fbb4ae", "#d62728"),
    Label.POST: ("职务", "box", "#fed9a6", "#e07b00"),
    Label.BODY: ("机构", "hexagon", "#b3cde3", "#1f5fa8"),
    Label.LOCALITY: ("地区", "diamond", "#ccebc5", "#2e8b3a"),
    Label.EVENT: ("事件", "star", "#decbe4", "#7b3f9e"),
    Label.DOCUMENT: ("文档", "square", "#e5e5e5", "#707070"),
}

REL_NAMES: dict[Rel, str] = {
    Rel.HOLDS: "任职",
    Rel.OF: "所属机构",
    Rel.REPORTS_TO: "上级机构",
    Rel.LOCATED_IN: "所在地",
    Rel.PART_OF: "上级行政区",
    Rel.HELD_IN: "举办地",
    Rel.CHAIRED: "主持",
    Rel.ATTENDED: "出席",
    Rel.SPOKE_AT: "讲话",
    Rel.ORGANIZED: "组织",
    Rel.ASSIGNED_TO: "交办",
    Rel.POSSIBLY_SAME: "可能为同一人",
    Rel.ATTESTS: "提及",
}

FONT_FACE = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', "
    "'PingFang SC', 'Hiragino Sans GB', sans-serif"
)

FOCUS_BORDER = "#111111"

# --------------------------------------------------------------------------- neighbourhood


def _wanted(edge: Edge, include_documents: bool) -> bool:
    return include_documents or edge.type is not Rel.ATTESTS


def neighbourhood(
    store: GraphStore,
    node_id: str,
    depth: int = 1,
    max_nodes: int = 300,
    include_documents: bool = False,
) -> tuple[list[Node], list[Edge]]:
    """The nodes within ``depth`` hops of ``node_id`` and every edge among them.

    Breadth-first over edges in both directions. ``depth`` is capped at 3; at most ``max_nodes``
    nodes are kept (the focus node first, then nearer nodes before farther ones, ties by id), so
    the result is the same on every call. ``ATTESTS`` edges and ``Document`` nodes are left out
    unless ``include_documents``.

    Returns
    -------
    The nodes (focus first, then in breadth-first order) and the edges whose both ends are kept,
    sorted by (source, type, target).

    Raises
    ------
    NotFound
        When no node has this id.
    """
    found = store.nodes([node_id])
    if not found:
        raise NotFound(f"no node with id {node_id!r}")
    depth = max(0, min(depth, MAX_DEPTH))
    max_nodes = max(1, max_nodes)

    kept: dict[str, Node] = {node_id: found[0]}
    frontier = [node_id]
    for _ in range(depth):
        if not frontier or len(kept) >= max_nodes:
            break
        touching = store.edges(sorted(frontier), "both", evidence_limit=0)
        new_ids = sorted(
            {
                other
                for e in touching
                if _wanted(e, include_documents)
                for other in (e.source, e.target)
                if other not in kept
            }
        )
        frontier = []
        for node in store.nodes(new_ids):
            if node.label is Label.DOCUMENT and not include_documents:
                continue
            if len(kept) >= max_nodes:
                break
            kept[node.id] = node
            frontier.append(node.id)

    edges = [
        e
        for e in store.edges(sorted(kept), "both", evidence_limit=5)
        if e.source in kept and e.target in kept and _wanted(e, include_documents)
    ]
    edges.sort(key=lambda e: e.key)
    return list(kept.values()), edges


# --------------------------------------------------------------------------- tooltips


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _prop_value(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _node_title(node: Node) -> str:
    """Tooltip HTML for a node: name, label and kind, properties, where it is attested."""
    zh = STYLE[node.label][0]
    kind = node.props.get("kind")
    head = f"{zh} · {node.label.value}" + (f" · {kind}" if kind else "")
    rows = [f"<b>{_esc(node.name)}</b>", _esc(head)]
    for key in sorted(node.props):
        if key == "kind" or node.props[key] in (None, "", []):
            continue
        rows.append(f"{_esc(key)}: {_esc(_shorten(_prop_value(node.props[key]), 160))}")
    docs = sorted({ev.doc_id for ev in node.evidence})
    if docs:
        rows.append(f"证据 {len(node.evidence)} 条 · 文档 {_esc(', '.join(docs[:5]))}")
    rows.append(f"<small>{_esc(node.id)}</small>")
    return "<br>".join(rows)


def _edge_title(edge: Edge, names: dict[str, str]) -> str:
    """Tooltip HTML for an edge: type, ends, properties, then each piece of evidence."""
    rows = [
        f"<b>{_esc(edge.type.value)}</b> {_esc(REL_NAMES.get(edge.type, ''))}",
        f"{_esc(names.get(edge.source, edge.source))} → {_esc(names.get(edge.target, edge.target))}",
    ]
    for key in sorted(edge.props):
        if edge.props[key] not in (None, "", []):
            rows.append(f"{_esc(key)}: {_esc(_shorten(_prop_value(edge.props[key]), 160))}")
    for ev in edge.evidence[:MAX_EVIDENCE_SHOWN]:
        rows.append(
            f"“{_esc(_shorten(ev.quote, 120))}”<br>"
            f"<small>文档 {_esc(ev.doc_id)} · 规则 {_esc(ev.rule)} · 置信度 {ev.confidence:.2f}</small>"
        )
    if len(edge.evidence) > MAX_EVIDENCE_SHOWN:
        rows.append(f"<small>…另有 {len(edge.evidence) - MAX_EVIDENCE_SHOWN} 条证据</small>")
    return "<br>".join(rows)


# --------------------------------------------------------------------------- assets


def _static_text(name: str) -> str:
    return resources.files("graph_loader").joinpath("static", name).read_text(encoding="utf-8")


def _no_web_addresses(text: str) -> str:
    """Write ``://`` as ``:\\/\\/``: the same string to JavaScript, but no web address in the page."""
    return text.replace("://", ":\\/\\/")


@lru_cache(maxsize=1)
def _inline_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, ready to sit inside ``<script>`` / ``<style>``."""
    js = _static_text("vis-network.min.js")
    if js.startswith("/**"):
        # the licence banner holds web addresses; keep the notice, point at the licence files
        js = js[js.index("*/") + 2 :].lstrip("\n")
    banner = (
        "/* vis-network 9.1.2, (c) 2011-2017 Almende B.V., (c) 2017-2019 visjs contributors;"
        " dual licensed Apache-2.0 / MIT, see graph_loader/static/LICENSE-vis-network-*.txt */\n"
    )
    js = banner + _no_web_addresses(js)
    css = _no_web_addresses(_static_text("vis-network.min.css"))
    for text, end in ((js, "</script"), (css, "</style")):
        if end in text.lower():  # pragma: no cover - guards a future asset update
            raise ValueError(f"a vis-network asset contains {end!r} and cannot be inlined")
    return js, css


# --------------------------------------------------------------------------- page

_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{ page_title }}</title>
{% if asset_base %}<link rel="stylesheet" href="{{ asset_base }}vis-network.min.css">
<script src="{{ asset_base }}vis-network.min.js"></script>
{% else %}<style>{{ vis_css|safe }}</style>
<script>{{ vis_js|safe }}</script>
{% endif %}<style>
  html, body { margin: 0; padding: 0; height: 100%; background: {{ bgcolor }}; color: #222;
    font-family: {{ font_face|safe }}; }
  body { display: flex; flex-direction: column; }
  header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 18px;
    padding: 8px 14px; border-bottom: 1px solid #ddd; }
  header h1 { margin: 0; font-size: 18px; font-weight: 600; }
  header .counts { color: #666; font-size: 13px; }
  ul.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0; padding: 0; list-style: none;
    font-size: 13px; }
  ul.legend li { display: flex; align-items: center; gap: 5px; }
  ul.legend .swatch { display: inline-block; width: 14px; height: 14px; border: 2px solid; border-radius: 3px; }
  ul.legend .focus .swatch { background: #fff; border: 4px solid {{ focus_border }}; }
  #mynetwork { width: {{ width }}; flex: 1 1 auto; min-height: 420px; position: relative; }
  div.vis-tooltip { white-space: normal; max-width: 440px; line-height: 1.45;
    font-family: {{ font_face|safe }}; font-size: 13px; }
  #viz-status { display: none; }
</style>
</head>
<body>
<header>
  <h1>{{ heading }}</h1>
  <span class="counts">{{ nodes|length }} 个节点 · {{ edges|length }} 条关系</span>
  <ul class="legend">
    {% for item in legend %}<li><span class="swatch" style="background: {{ item.background }};
      border-color: {{ item.border }}"></span>{{ item.zh }} {{ item.label }}</li>
    {% endfor %}<li class="focus"><span class="swatch"></span>当前节点</li>
  </ul>
</header>
<div id="mynetwork"></div>
<div id="viz-status" data-ready="0"></div>
<script>
(function () {
  "use strict";
  var status = document.getElementById("viz-status");
  function tooltip(markup) {
    // the markup was built from HTML-escaped text on the server
    var element = document.createElement("div");
    element.innerHTML = markup;
    return element;
  }
  var nodeData = {{ nodes|tojson }};
  var edgeData = {{ edges|tojson }};
  nodeData.forEach(function (n) { if (n.title) { n.title = tooltip(n.title); } });
  edgeData.forEach(function (e) { if (e.title) { e.title = tooltip(e.title); } });
  var nodes = new vis.DataSet(nodeData);
  var edges = new vis.DataSet(edgeData);
  var options = {{ options|safe }};
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  window.vizNetwork = network;
  if (options.physics && options.physics.enabled) {
    // a stable picture: settle once, then stop moving
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      status.setAttribute("data-stabilized", "1");
    });
  }
  network.once("afterDrawing", function () {
    var rect = container.getBoundingClientRect();
    window.vizReady = {nodes: nodes.length, edges: edges.length};
    status.setAttribute("data-nodes", String(nodes.length));
    status.setAttribute("data-edges", String(edges.length));
    status.setAttribute("data-rect", [rect.left, rect.top, rect.width, rect.height].map(Math.round).join(","));
    status.setAttribute("data-ready", "1");
    status.textContent = "vizReady " + nodes.length + " " + edges.length;
  });
  if (!(options.physics && options.physics.enabled)) {
    // no stabilization run to fit the view: fit now, and draw at once rather than on the next frame
    network.fit({animation: false});
    network.redraw();
  }
  // keep the whole graph in view when the window changes size, until the reader zooms or pans
  var moved = false;
  network.on("zoom", function () { moved = true; });
  network.on("dragStart", function (params) { if (!params.nodes.length) { moved = true; } });
  window.addEventListener("resize", function () {
    if (moved) { return; }
    network.redraw();  // takes the container's new size
    network.fit({animation: false});
    network.redraw();
  });
  network.on("click", function (params) {
    if (params.nodes.length === 1) {
      var node = nodes.get(params.nodes[0]);
      if (node && node.href) { window.location.href = node.href; }
    }
  });
  network.on("hoverNode", function () { container.style.cursor = "pointer"; });
  network.on("blurNode", function () { container.style.cursor = "default"; });
})();
</script>
</body>
</html>
"""


def _options(hierarchical: bool) -> dict[str, Any]:
    options: dict[str, Any] = {
        "nodes": {
            "font": {"face": FONT_FACE, "size": 15, "color": "#222222"},
            "borderWidth": 1.5,
            "widthConstraint": {"maximum": 170},
            "shapeProperties": {"borderRadius": 4},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "font": {"face": FONT_FACE, "size": 10, "color": "#555555", "strokeWidth": 3, "align": "middle"},
            "color": {"color": "#9a9a9a", "highlight": "#333333", "hover": "#333333"},
            "smooth": {"enabled": True, "type": "dynamic"},
            "width": 1.2,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "keyboard": False},
        "layout": {"randomSeed": 7, "improvedLayout": True},
    }
    if hierarchical:
        options["layout"]["hierarchical"] = {
            "enabled": True,
            "direction": "UD",
            "sortMethod": "directed",
            "levelSeparation": 110,
            "nodeSpacing": 170,
        }
        options["edges"]["smooth"] = {"enabled": True, "type": "cubicBezier", "forceDirection": "vertical"}
        options["physics"] = {"enabled": False}
    else:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "centralGravity": 0.01,
                "springLength": 120,
                "springConstant": 0.08,
                "avoidOverlap": 0.4,
            },
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50, "fit": True},
        }
    return options


def render_html(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    focus_id: str,
    *,
    hierarchical: bool = False,
    link_base: str = "/viz/",
    asset_base: str | None = None,
) -> str:
    """One self-contained HTML page drawing ``nodes`` and ``edges`` around ``focus_id``.

    Parameters
    ----------
    nodes, edges
        What to draw, e.g. from :func:`neighbourhood`; edges whose ends are not among ``nodes``
        are left out.
    focus_id
        The node drawn larger with a dark border, and named in the page title.
    hierarchical
        Lay out top-down along edge direction (for chains) with physics off, instead of a
        force-directed layout that settles and then stops.
    link_base
        Clicking a node opens ``link_base`` followed by its URL-encoded id.
    asset_base
        If given (e.g. ``"/static/"``), link vis-network's script and stylesheet from there instead
        of inlining them.
    """
    from jinja2 import DictLoader, Environment, select_autoescape
    from pyvis.network import Network  # imported here: pyvis pulls in IPython, which is slow

    by_id = {n.id: n for n in nodes}
    names = {n.id: n.name for n in nodes}
    focus = by_id.get(focus_id)
    focus_name = focus.name if focus else focus_id

    net = Network(height="100%", width="100%", directed=True, heading=focus_name)
    for node in nodes:
        _zh, shape, background, border = STYLE[node.label]
        is_focus = node.id == focus_id
        extra: dict[str, Any] = {}
        if is_focus:
            extra = {
                "mass": 3,
                "borderWidth": 4,
                "font": {"size": 18, "face": FONT_FACE, "color": "#000000"},
                "shadow": {"enabled": True, "size": 12, "x": 0, "y": 0, "color": "rgba(0,0,0,0.35)"},
            }
            if not hierarchical:
                extra.update(x=0, y=0)  # start (and so settle) near the middle
        net.add_node(
            node.id,
            label=node.name,
            shape=shape,
            color={
                "background": background,
                "border": FOCUS_BORDER if is_focus else border,
                "highlight": {"background": background, "border": FOCUS_BORDER},
                "hover": {"background": background, "border": FOCUS_BORDER},
            },
            title=_node_title(node),
            href=link_base + quote(node.id, safe=""),
            size=32 if is_focus else 18,
            **extra,
        )
    for edge in edges:
        if edge.source not in by_id or edge.target not in by_id:
            continue
        net.add_edge(
            edge.source,
            edge.target,
            id="\x1f".join(edge.key),
            label=edge.type.value,
            title=_edge_title(edge, names),
            dashes=edge.type is Rel.POSSIBLY_SAME,
        )
    net.options = _options(hierarchical)

    vis_js, vis_css = ("", "") if asset_base else _inline_assets()
    if asset_base and not asset_base.endswith("/"):
        asset_base += "/"
    env = Environment(loader=DictLoader({"viz.html": _TEMPLATE}), autoescape=select_autoescape(default=True))
    # |tojson still writes < > & ' as \uXXXX escapes; Chinese stays readable
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.globals.update(
        page_title=f"{focus_name} · {STYLE[focus.label][0] if focus else ''}关系图",
        asset_base=asset_base,
        vis_js=vis_js,
        vis_css=vis_css,
        font_face=FONT_FACE,
        focus_border=FOCUS_BORDER,
        legend=[
            {"label": label.value, "zh": zh, "background": bg, "border": bd}
            for label, (zh, _shape, bg, bd) in STYLE.items()
        ],
    )
    net.templateEnv = env
    net.path = "viz.html"
    page: str = net.generate_html(name="viz.html")
    return page
