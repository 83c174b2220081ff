// Template: merge a batch of nodes of one label (__LABEL__ is replaced by a member of graph.Label).
// $rows: [{id, name, props, null_props, evidence}], computed by the store from what is already stored:
//   props       the merged properties (graph.merge_props), values that are not null;
//   null_props  names of the properties whose value is null (a null cannot be stored in Neo4j);
//   evidence    JSON strings (graph.evidence_json) not yet on the node; the comprehension keeps
//               a repeat out even when two loads race.
// An existing node keeps its name, like the embedded store.
UNWIND $rows AS r
MERGE (n:__LABEL__ {id: r.id})
  ON CREATE SET n.name = r.name
SET n += r.props, n._null_props = r.null_props
SET n.evidence = coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]
