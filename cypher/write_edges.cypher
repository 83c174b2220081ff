// Template: merge a batch of relationships of one type between nodes of two labels.
// __SOURCE__ and __TARGET__ are replaced by members of graph.Label, __TYPE__ by a member of graph.Rel.
// $rows: [{source, target, props, null_props, evidence}], prepared as in write_nodes.cypher, whose
// evidence list is kept in key order the same way.
// The endpoints are found by separate MATCH clauses (a comma-joined pattern would be a cartesian
// product), each a seek on the label's id constraint; a missing endpoint drops the row.
UNWIND $rows AS r
MATCH (a:__SOURCE__ {id: r.source})
MATCH (b:__TARGET__ {id: r.target})
MERGE (a)-[x:__TYPE__]->(b)
WITH x, r, coalesce(x.evidence, []) AS old
SET x += r.props, x._null_props = r.null_props,
    x._evidence_sorted = coalesce(x._evidence_sorted, false) OR size(old) = 0,
    x.evidence = reduce(l = old, i IN r.evidence |
      CASE WHEN any(y IN l WHERE y STARTS WITH i.k) THEN l
           ELSE l[..size([y IN l WHERE y < i.e])] + [i.e] + l[size([y IN l WHERE y < i.e])..] END)
