// Template (__LABEL__ is a member of graph.Label): the nodes of that label whose name is exactly
// one of $names, each found through the label's name index (schema.cypher), with the first $limit
// pieces of evidence (null: all; see read_nodes.cypher).
UNWIND $names AS name
MATCH (n:__LABEL__ {name: name})
RETURN n.id AS id, '__LABEL__' AS label,
       CASE WHEN $limit IS NOT NULL AND n._evidence_sorted THEN n{.*, evidence: n.evidence[..$limit]}
            ELSE properties(n) END AS props
