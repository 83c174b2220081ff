// Template: merge a batch of nodes of one label (__LABEL__ is replaced by a member of graph.Label).
// $rows: [{id, name, props, null_props, evidence}], computed by the store from what it read of
// these nodes in the same transaction:
//   props       the merged properties (graph.merge_props), values that are not null;
//   null_props  names of the properties whose value is null (a null cannot be stored in Neo4j);
//   evidence    the batch's evidence of the node, [{k, e}]: `e` is what is stored, the piece's sort
//               key `k` (its graph.evidence_key written so that strings compare as the keys do)
//               followed by its JSON (graph.evidence_json).
// The stored list stays in key order: each piece not stored yet (no stored string starts with its
// key) is inserted where it belongs, here, under the node's write lock, so that a concurrent load
// neither loses nor misplaces a piece, and no load reads or resends the whole list. Reads then take
// the first pieces of a list on the server; `_evidence_sorted` is false only on a list written
// before lists were kept in order (reads sort those themselves).
// An existing node keeps its name, like the embedded store.
UNWIND $rows AS r
MERGE (n:__LABEL__ {id: r.id})
  ON CREATE SET n.name = r.name
WITH n, r, coalesce(n.evidence, []) AS old
SET n += r.props, n._null_props = r.null_props,
    n._evidence_sorted = coalesce(n._evidence_sorted, false) OR size(old) = 0,
    n.evidence = reduce(l = old, i IN r.evidence |
      CASE WHEN any(x IN l WHERE x STARTS WITH i.k) THEN l
           ELSE l[..size([x IN l WHERE x < i.e])] + [i.e] + l[size([x IN l WHERE x < i.e])..] END)
