"""Export the graph to files other tools read: GraphML (Gephi), node-link JSON (networkx, D3), and
the CSV files ``neo4j-admin database import`` loads.

All three exporters take the same input — iterables of :class:`~graph_loader.graph.Node` and
:class:`~graph_loader.graph.Edge`, e.g. ``store.iter_nodes()`` / ``store.iter_edges()`` — and agree
on what they write:

* nodes are sorted by id and edges by ``(source, type, target)``, so the same graph gives
  byte-identical files;
* a node id given twice is written once, its properties and evidence merged as the stores merge
  them (:func:`~graph_loader.graph.merge_props`, :func:`~graph_loader.graph.merge_evidence`); the
  same for an edge given twice;
* an edge whose source or target is not among the nodes is left out (and logged), so every file
  loads without dangling references; the returned counts are what was written.

Neo4j bulk import
-----------------
:func:`export_neo4j_csv` writes ``nodes_<Label>.csv`` per label, ``rels_<TYPE>.csv`` per type and
an ``import.sh`` running, from that directory::

    neo4j-admin database import full \\
        --array-delimiter=U+001F \\
        --legacy-style-quoting=false \\
        --multiline-fields=true \\
        --nodes=nodes_Body.csv --nodes=nodes_Document.csv ... \\
        --relationships=rels_ATTESTS.csv --relationships=rels_HOLDS.csv ... \\
        neo4j

Array properties (lists, and ``evidence`` — one JSON string per piece of evidence) are joined with
U+001F (the ASCII unit separator), not Neo4j's default ``;``: JSON and Chinese quotes hold ``;`` and
``,``, Neo4j has no escape for the array delimiter, and JSON never holds a raw control character.
Hence ``--array-delimiter=U+001F``, which must be given. ``--legacy-style-quoting=false`` (the
default in Neo4j 5) keeps the ``\\"`` inside JSON from being read as an escaped quote; fields are
quoted the RFC 4180 way (``""``) by the :mod:`csv` module. ``--multiline-fields=true`` allows
names and sentences holding line breaks. The target database must not exist (or add
``--overwrite-destination=true``); the import is for a stopped DBMS, as ``neo4j-admin`` requires.
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import math
import os
import re
import shlex
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Literal
from xml.sax.saxutils import escape, quoteattr

from graph_loader.graph import Edge, Node, evidence_json, merge_evidence, merge_props
from graph_loader.models import Evidence

__all__ = [
    "GRAPHML_LIST_SEPARATOR",
    "NEO4J_ARRAY_DELIMITER",
    "NEO4J_ARRAY_DELIMITER_OPTION",
    "export_graphml",
    "export_json",
    "export_neo4j_csv",
    "neo4j_import_command",
]

log = logging.getLogger(__name__)

NEO4J_ARRAY_DELIMITER = "\x1f"
"""Separator of array elements in the Neo4j CSV files (ASCII unit separator, never in JSON)."""
NEO4J_ARRAY_DELIMITER_OPTION = "U+001F"
"""How ``neo4j-admin`` is told the array delimiter: ``--array-delimiter=U+001F``."""

GRAPHML_LIST_SEPARATOR = ";"
"""List properties are joined with this in GraphML (Gephi has no list attributes)."""

Kind = Literal["bool", "int", "float", "str", "list"]

_GRAPHML_TYPE: dict[Kind, str] = {
    "bool": "boolean",
    "int": "long",
    "float": "double",
    "str": "string",
    "list": "string",
}
_INT32 = (-(2**31), 2**31 - 1)

# Names the exporters write themselves; a property of the same name would be overwritten.
_GRAPHML_NODE_FIXED = ("label", "name")
_GRAPHML_EVIDENCE_FIXED = ("evidence_count", "evidence_quote", "evidence_docs", "evidence_json")
_GRAPHML_EDGE_FIXED = ("type",)
_JSON_NODE_FIXED = ("id", "label", "name", "evidence")
_JSON_EDGE_FIXED = ("source", "target", "type", "key", "evidence")
_CSV_NODE_FIXED = ("id", "name", "evidence")
_CSV_EDGE_FIXED = ("evidence",)

# Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# --------------------------------------------------------------------------------------------- #
# Shared preparation
# --------------------------------------------------------------------------------------------- #


def _prepare(nodes: Iterable[Node], edges: Iterable[Edge]) -> tuple[list[Node], list[Edge]]:
    """Deduplicate, drop dangling edges, and sort (nodes by id, edges by key)."""
    by_id: dict[str, Node] = {}
    for n in nodes:
        old = by_id.get(n.id)
        if old is None:
            by_id[n.id] = n
            continue
        if old.label is not n.label:
            raise ValueError(f"node {n.id!r} given with two labels: {old.label.value} and {n.label.value}")
        by_id[n.id] = Node(
            id=n.id,
            label=n.label,
            name=old.name or n.name,
            props=merge_props(old.props, n.props),
            evidence=merge_evidence(old.evidence, n.evidence),
        )
    by_key: dict[tuple[str, str, str], Edge] = {}
    dangling = 0
    for e in edges:
        if e.source not in by_id or e.target not in by_id:
            dangling += 1
            continue
        prev = by_key.get(e.key)
        if prev is None:
            by_key[e.key] = e
        else:
            by_key[e.key] = Edge(
                source=e.source,
                type=e.type,
                target=e.target,
                props=merge_props(prev.props, e.props),
                evidence=merge_evidence(prev.evidence, e.evidence),
            )
    if dangling:
        log.warning("export: left out %d edge(s) whose source or target is not among the nodes", dangling)
    return [by_id[k] for k in sorted(by_id)], [by_key[k] for k in sorted(by_key)]


def _kind_of(value: Any) -> Kind:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, list | tuple):
        return "list"
    raise TypeError(f"unsupported property value {value!r} ({type(value).__name__})")


def _infer_kinds(props: Iterable[Mapping[str, Any]]) -> dict[str, Kind]:
    """One kind per property key across all records: the narrowest that holds every non-None value.

    ``int`` with ``float`` is ``float``; a list with anything is ``list``; any other mix is ``str``.
    Keys whose values are all ``None`` are left out.
    """
    seen: dict[str, set[Kind]] = {}
    for p in props:
        for k, v in p.items():
            if v is None:
                continue
            if not isinstance(k, str):
                raise TypeError(f"property names must be strings, got {k!r}")
            seen.setdefault(k, set()).add(_kind_of(v))
    out: dict[str, Kind] = {}
    for k, kinds in seen.items():
        if len(kinds) == 1:
            out[k] = next(iter(kinds))
        elif "list" in kinds:
            out[k] = "list"
        elif kinds == {"int", "float"}:
            out[k] = "float"
        else:
            out[k] = "str"
    return out


def _check_reserved(names: Iterable[str], reserved: Sequence[str], what: str, fmt: str) -> None:
    clash = sorted(set(names) & set(reserved))
    if clash:
        raise ValueError(f"{what} properties {clash} clash with the names the {fmt} export writes itself")


def _float_str(x: float) -> str:
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return repr(x)


def _scalar_str(value: Any) -> str:
    """A scalar as text: ``true``/``false`` for booleans, shortest round-trip repr for floats."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _float_str(value)
    return str(value)


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [_scalar_str(x) for x in value]
    return [_scalar_str(value)]


def _evidence_docs(evidence: Sequence[Evidence]) -> list[str]:
    return list(dict.fromkeys(e.doc_id for e in evidence))


@contextlib.contextmanager
def _atomic_text(path: Path, *, newline: str | None = None) -> Iterator[IO[str]]:
    """Write a text file next to ``path`` and move it into place only once complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with open(fd, "w", encoding="utf-8", newline=newline) as f:
            yield f
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------------------------- #
# GraphML
# --------------------------------------------------------------------------------------------- #


def _xml_clean(s: str) -> str:
    """Replace characters XML cannot carry with U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", s)


def _xml_text(s: str) -> str:
    return escape(_xml_clean(s), {"\r": "&#13;"})


def _json_xml_safe(s: str) -> str:
    """JSON text made XML-safe losslessly: characters XML forbids become ``\\uXXXX`` escapes.

    Such characters can only stand inside JSON string literals (the syntax is ASCII), where the
    escape means the same character.
    """
    return _XML_ILLEGAL.sub(lambda m: f"\\u{ord(m.group()):04x}", s)


def _graphml_value(value: Any, kind: Kind) -> str:
    if kind == "list":
        return GRAPHML_LIST_SEPARATOR.join(_as_list(value))
    if kind == "float":
        return _float_str(float(value))
    return _scalar_str(value)


def _graphml_evidence(evidence: Sequence[Evidence]) -> list[tuple[str, str]]:
    """``(name, text)`` of the flattened evidence attributes (text already XML-escaped)."""
    out = [("evidence_count", str(len(evidence)))]
    if evidence:
        out.append(("evidence_quote", _xml_text(evidence[0].quote)))
        out.append(("evidence_docs", _xml_text(GRAPHML_LIST_SEPARATOR.join(_evidence_docs(evidence)))))
    dumped = json.dumps([e.model_dump() for e in evidence], ensure_ascii=False, sort_keys=True)
    out.append(("evidence_json", escape(_json_xml_safe(dumped), {"\r": "&#13;"})))
    return out


def _graphml_keys(
    domain: Literal["node", "edge"], fixed: Sequence[tuple[str, str]], kinds: Mapping[str, Kind]
) -> dict[str, tuple[str, str]]:
    """``{attribute name: (key id, GraphML type)}`` in declaration order."""
    prefix = "n" if domain == "node" else "e"
    decl = [
        *fixed,
        *((k, _GRAPHML_TYPE[kinds[k]]) for k in sorted(kinds)),
        ("evidence_count", "long"),
        ("evidence_quote", "string"),
        ("evidence_docs", "string"),
        ("evidence_json", "string"),
    ]
    return {name: (f"{prefix}{i}", typ) for i, (name, typ) in enumerate(decl)}


def _write_data(f: IO[str], keys: Mapping[str, tuple[str, str]], items: Iterable[tuple[str, str]]) -> None:
    for name, text in items:
        f.write(f'      <data key="{keys[name][0]}">{text}</data>\n')


def export_graphml(nodes: Iterable[Node], edges: Iterable[Edge], out: Path) -> tuple[int, int]:
    """Write the graph as GraphML that Gephi, yEd and ``networkx.read_graphml`` open.

    Every node carries the attributes ``label`` (its Neo4j label), ``name`` and each of its
    properties; every edge carries ``type`` and its properties. List properties are joined with
    ``;`` (Gephi has no list attributes). Evidence is flattened to ``evidence_count`` (int),
    ``evidence_quote`` (the first quote), ``evidence_docs`` (``;``-joined doc ids, each once) and
    ``evidence_json`` (a JSON array of the full evidence records, so nothing is lost).

    GraphML declares one type per attribute name, so a property gets the narrowest type holding
    all its non-None values: ``boolean``, ``long``, ``double`` (ints mixed with floats), or
    ``string`` (lists, and any other mix, cast to text). ``None`` values are left out. Edge ids
    are ``<source>--<TYPE>--<target>``, unique as Gephi requires; ``networkx.read_graphml(path,
    force_multigraph=True)`` gives them back as edge keys.

    Parameters
    ----------
    nodes : Iterable[Node]
        The nodes to write; an id given twice is merged.
    edges : Iterable[Edge]
        The edges to write; edges to or from an unknown node are left out.
    out : Path
        The ``.graphml`` file to write (replaced atomically; parent directories are created).

    Returns
    -------
    tuple[int, int]
        Nodes written, edges written.

    Raises
    ------
    ValueError
        If a property is named like an attribute the export writes itself (``label``, ``name``,
        ``type``, ``evidence_*``), or a node id comes with two labels.
    TypeError
        If a property value is neither a scalar nor a list.

    Notes
    -----
    The file is written as a stream, but all nodes and edges are first held in memory (they are
    sorted, and attribute types must be declared before the first node). Characters XML 1.0
    forbids (most control characters) are replaced by U+FFFD in names, properties and
    ``evidence_quote``; ``evidence_json`` keeps them as ``\\uXXXX`` escapes. Gephi takes the
    ``label`` attribute as the node's display label, so nodes show their Neo4j label until
    another column (``name``) is chosen for labels in Gephi's data laboratory; the ``;`` join of
    lists cannot be split back exactly when an item itself holds ``;``.
    """
    node_list, edge_list = _prepare(nodes, edges)
    node_kinds = _infer_kinds(n.props for n in node_list)
    edge_kinds = _infer_kinds(e.props for e in edge_list)
    _check_reserved(node_kinds, _GRAPHML_NODE_FIXED + _GRAPHML_EVIDENCE_FIXED, "node", "GraphML")
    _check_reserved(edge_kinds, _GRAPHML_EDGE_FIXED + _GRAPHML_EVIDENCE_FIXED, "edge", "GraphML")
    node_keys = _graphml_keys("node", [("label", "string"), ("name", "string")], node_kinds)
    edge_keys = _graphml_keys("edge", [("type", "string")], edge_kinds)

    with _atomic_text(out, newline="\n") as f:
        f.write("<?xml version='1.0' encoding='utf-8'?>\n")
        f.write(
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
        )
        for domain, keys in (("node", node_keys), ("edge", edge_keys)):
            for name, (key_id, typ) in keys.items():
                f.write(
                    f'  <key id="{key_id}" for="{domain}" attr.name={quoteattr(_xml_clean(name))} '
                    f'attr.type="{typ}"/>\n'
                )
        f.write('  <graph id="G" edgedefault="directed">\n')
        for n in node_list:
            f.write(f"    <node id={quoteattr(_xml_clean(n.id))}>\n")
            items = [("label", _xml_text(n.label.value)), ("name", _xml_text(n.name))]
            items += [
                (k, _xml_text(_graphml_value(n.props[k], node_kinds[k])))
                for k in sorted(n.props)
                if n.props[k] is not None
            ]
            _write_data(f, node_keys, [*items, *_graphml_evidence(n.evidence)])
            f.write("    </node>\n")
        for e in edge_list:
            edge_id = f"{e.source}--{e.type.value}--{e.target}"
            f.write(
                f"    <edge id={quoteattr(_xml_clean(edge_id))} source={quoteattr(_xml_clean(e.source))} "
                f"target={quoteattr(_xml_clean(e.target))}>\n"
            )
            items = [("type", _xml_text(e.type.value))]
            items += [
                (k, _xml_text(_graphml_value(e.props[k], edge_kinds[k])))
                for k in sorted(e.props)
                if e.props[k] is not None
            ]
            _write_data(f, edge_keys, [*items, *_graphml_evidence(e.evidence)])
            f.write("    </edge>\n")
        f.write("  </graph>\n</graphml>\n")
    return len(node_list), len(edge_list)


# --------------------------------------------------------------------------------------------- #
# Node-link JSON
# --------------------------------------------------------------------------------------------- #


def _props_json(props: Mapping[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in props.items()}


def export_json(nodes: Iterable[Node], edges: Iterable[Edge], out: Path) -> tuple[int, int]:
    """Write the graph as node-link JSON, as ``networkx.node_link_data`` shapes it.

    The file is ``{"directed": true, "multigraph": true, "graph": {}, "nodes": [...],
    "links": [...]}``; a node is ``{"id", "label", "name", <props>..., "evidence": [...]}`` and a
    link ``{"source", "target", "type", "key", <props>..., "evidence": [...]}``, ``key`` being the
    relationship type (one edge per ``(source, type, target)``). Evidence items are the full
    evidence records; properties keep their JSON types, lists and ``None`` included. Read it back
    with ``networkx.node_link_graph(data, edges="links")``.

    Parameters
    ----------
    nodes : Iterable[Node]
        The nodes to write; an id given twice is merged.
    edges : Iterable[Edge]
        The edges to write; edges to or from an unknown node are left out.
    out : Path
        The ``.json`` file to write (UTF-8, replaced atomically; parent directories are created).

    Returns
    -------
    tuple[int, int]
        Nodes written, edges written.

    Raises
    ------
    ValueError
        If a property is named ``id``, ``label``, ``name`` or ``evidence`` (nodes), or
        ``source``, ``target``, ``type``, ``key`` or ``evidence`` (edges).

    Notes
    -----
    Written one record per line as a stream; all nodes and edges are held in memory to be sorted.
    """
    node_list, edge_list = _prepare(nodes, edges)
    _check_reserved({k for n in node_list for k in n.props}, _JSON_NODE_FIXED, "node", "JSON")
    _check_reserved({k for e in edge_list for k in e.props}, _JSON_EDGE_FIXED, "edge", "JSON")

    def dumps(record: dict[str, Any]) -> str:
        return json.dumps(record, ensure_ascii=False)

    with _atomic_text(out, newline="\n") as f:
        f.write('{"directed": true, "multigraph": true, "graph": {}, "nodes": [')
        for i, n in enumerate(node_list):
            record = {"id": n.id, "label": n.label.value, "name": n.name, **_props_json(n.props)}
            record["evidence"] = [e.model_dump() for e in n.evidence]
            f.write(("," if i else "") + "\n" + dumps(record))
        f.write('\n], "links": [')
        for i, e in enumerate(edge_list):
            record = {"source": e.source, "target": e.target, "type": e.type.value, "key": e.type.value}
            record.update(_props_json(e.props))
            record["evidence"] = [x.model_dump() for x in e.evidence]
            f.write(("," if i else "") + "\n" + dumps(record))
        f.write("\n]}\n")
    return len(node_list), len(edge_list)


# --------------------------------------------------------------------------------------------- #
# neo4j-admin CSV
# --------------------------------------------------------------------------------------------- #


def _neo4j_column_types(kinds: Mapping[str, Kind], records: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """``{property: header type suffix}``; ``""`` for plain strings."""
    out: dict[str, str] = {}
    for k, kind in kinds.items():
        if kind == "list":
            out[k] = ":string[]"
        elif kind == "bool":
            out[k] = ":boolean"
        elif kind == "float":
            out[k] = ":double"
        elif kind == "int":
            lo, hi = _INT32
            fits = all(lo <= r[k] <= hi for r in records if r.get(k) is not None)
            out[k] = ":int" if fits else ":long"
        else:
            out[k] = ""
    return out


def _neo4j_array(items: Sequence[str], where: str) -> str:
    for item in items:
        if NEO4J_ARRAY_DELIMITER in item:
            raise ValueError(f"{where}: an array item holds the array delimiter U+001F: {item!r}")
    return NEO4J_ARRAY_DELIMITER.join(items)


def _neo4j_value(value: Any, kind: Kind, where: str) -> str:
    if value is None:
        return ""
    if kind == "list":
        return _neo4j_array(_as_list(value), where)
    if kind == "float":
        return _float_str(float(value))
    return _scalar_str(value)


def _check_csv_names(names: Iterable[str], what: str) -> None:
    bad = sorted(k for k in names if not k or ":" in k or k.strip() != k)
    if bad:
        raise ValueError(f"{what} property names {bad} cannot be neo4j-admin header columns")


def neo4j_import_command(
    node_files: Sequence[str], rel_files: Sequence[str], database: str = "neo4j"
) -> list[str]:
    """The ``neo4j-admin database import full`` argument list for the exported files.

    Parameters
    ----------
    node_files : Sequence[str]
        Node CSV paths, as ``neo4j-admin`` will see them (relative to its working directory).
    rel_files : Sequence[str]
        Relationship CSV paths.
    database : str
        The database to create.

    Returns
    -------
    list[str]
        The command and its arguments, e.g. for :func:`subprocess.run` or :func:`shlex.join`.
    """
    return [
        "neo4j-admin",
        "database",
        "import",
        "full",
        f"--array-delimiter={NEO4J_ARRAY_DELIMITER_OPTION}",
        "--legacy-style-quoting=false",
        "--multiline-fields=true",
        *(f"--nodes={p}" for p in node_files),
        *(f"--relationships={p}" for p in rel_files),
        database,
    ]


def _import_script(node_files: Sequence[str], rel_files: Sequence[str]) -> str:
    options = neo4j_import_command(node_files, rel_files)[4:-1]
    command = " \\\n  ".join(
        [
            '"${NEO4J_ADMIN:-neo4j-admin}" database import full',
            *map(shlex.quote, options),
            '"$@" "${DATABASE:-neo4j}"',
        ]
    )
    return (
        "#!/bin/sh\n"
        "# Bulk-load these CSV files into a new Neo4j database (the DBMS stopped), e.g.\n"
        "#   ./import.sh                      # database 'neo4j'\n"
        "#   DATABASE=officials ./import.sh --overwrite-destination=true\n"
        "# Generated by graph_loader.export; the array delimiter is U+001F (unit separator).\n"
        "set -eu\n"
        'cd "$(dirname "$0")"\n'
        f"{command}\n"
    )


def export_neo4j_csv(nodes: Iterable[Node], edges: Iterable[Edge], out_dir: Path) -> tuple[int, int]:
    """Write CSV files for ``neo4j-admin database import full``, and an ``import.sh`` running it.

    One ``nodes_<Label>.csv`` per label, headed ``id:ID,name,<prop>[:type],...,evidence:string[],
    :LABEL``, and one ``rels_<TYPE>.csv`` per relationship type, headed ``:START_ID,:END_ID,:TYPE,
    <prop>[:type],...,evidence:string[]``. Property columns are sorted by name and typed from their
    values: lists ``:string[]``, booleans ``:boolean``, integers ``:int`` (``:long`` beyond 32
    bits), floats ``:double`` (Neo4j's ``:float`` is 32-bit), text untyped (string); a mix of
    types is a string column. ``evidence`` holds one JSON string per piece of evidence, as the
    Neo4j store keeps it (:func:`~graph_loader.graph.evidence_json`). Array elements are joined
    with :data:`NEO4J_ARRAY_DELIMITER` (U+001F), so the import needs
    ``--array-delimiter=U+001F``; see the module docstring for the whole command, which
    ``import.sh`` runs (``NEO4J_ADMIN`` and ``DATABASE`` override the binary and database, extra
    arguments are passed on).

    Parameters
    ----------
    nodes : Iterable[Node]
        The nodes to write; an id given twice is merged. Ids must be unique across labels (they
        share one id space), as node ids are.
    edges : Iterable[Edge]
        The edges to write; edges to or from an unknown node are left out.
    out_dir : Path
        Directory for the files (created if missing). Files are replaced one by one; CSV files of
        labels or types not in this export are left alone, and ``import.sh`` names only the
        files written now.

    Returns
    -------
    tuple[int, int]
        Nodes written, edges written.

    Raises
    ------
    ValueError
        If a property is named ``id``, ``name`` or ``evidence`` (nodes) or ``evidence`` (edges),
        a property name holds ``:``, or an array item holds U+001F.

    Notes
    -----
    ``None``, empty strings and empty lists are written as empty fields, which ``neo4j-admin``
    imports as absent properties. Rows are written as a stream per file; all nodes and edges are
    held in memory to be grouped and sorted.
    """
    node_list, edge_list = _prepare(nodes, edges)
    out_dir.mkdir(parents=True, exist_ok=True)

    node_files: list[str] = []
    by_label: dict[str, list[Node]] = {}
    for n in node_list:
        by_label.setdefault(n.label.value, []).append(n)
    for label in sorted(by_label):
        group = by_label[label]
        kinds = _infer_kinds(n.props for n in group)
        _check_reserved(kinds, _CSV_NODE_FIXED, f"{label} node", "Neo4j CSV")
        _check_csv_names(kinds, f"{label} node")
        types = _neo4j_column_types(kinds, [n.props for n in group])
        cols = sorted(kinds)
        name = f"nodes_{label}.csv"
        with _atomic_text(out_dir / name, newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id:ID", "name", *(k + types[k] for k in cols), "evidence:string[]", ":LABEL"])
            for n in group:
                w.writerow(
                    [
                        n.id,
                        n.name,
                        *(_neo4j_value(n.props.get(k), kinds[k], n.id) for k in cols),
                        _neo4j_array(evidence_json(n.evidence), n.id),
                        label,
                    ]
                )
        node_files.append(name)

    rel_files: list[str] = []
    by_type: dict[str, list[Edge]] = {}
    for e in edge_list:
        by_type.setdefault(e.type.value, []).append(e)
    for rel in sorted(by_type):
        rgroup = by_type[rel]
        kinds = _infer_kinds(e.props for e in rgroup)
        _check_reserved(kinds, _CSV_EDGE_FIXED, f"{rel} relationship", "Neo4j CSV")
        _check_csv_names(kinds, f"{rel} relationship")
        types = _neo4j_column_types(kinds, [e.props for e in rgroup])
        cols = sorted(kinds)
        name = f"rels_{rel}.csv"
        with _atomic_text(out_dir / name, newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow([":START_ID", ":END_ID", ":TYPE", *(k + types[k] for k in cols), "evidence:string[]"])
            for e in rgroup:
                where = f"{e.source}-[{rel}]->{e.target}"
                w.writerow(
                    [
                        e.source,
                        e.target,
                        rel,
                        *(_neo4j_value(e.props.get(k), kinds[k], where) for k in cols),
                        _neo4j_array(evidence_json(e.evidence), where),
                    ]
                )
        rel_files.append(name)

    script = out_dir / "import.sh"
    with _atomic_text(script, newline="\n") as f:
        f.write(_import_script(node_files, rel_files))
    script.chmod(0o755)
    return len(node_list), len(edge_list)
