// Template: merge a batch of relationships of one type between nodes of two labels.
// __SOURCE__ and __TARGET__ are replaced by members of graph.Label, __TYPE__ by a member of graph.Rel.
// $rows: [{source, target, props, null_props, evidence}], prepared as in write_nodes.cypher.
// The endpoints are found by separate MATCH clauses (a comma-joined pattern would be a cartesian
// product), each a seek on the label's id constraint; a missing endpoint drops the row.
UNWIND $rows AS r
MATCH (a:__SOURCE__ {id: r.source})
MATCH (b:__TARGET__ {id: r.target})
MERGE (a)-[x:__TYPE__]->(b)
SET x += r.props, x._null_props = r.null_props
SET x.evidence = coalesce(x.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(x.evidence, [])]
