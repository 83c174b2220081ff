// Template, one branch per label joined with UNION ALL by the store (__LABEL__ is a member of
// graph.Label): the nodes of that label among $ids.__LABEL__ ($ids maps each label to the ids the
// store expects to carry it), each found by a seek on the id constraint.
// Without $evidence (or with a $limit of 0) the evidence list stays on the server; with $limit
// (null: all) only its first pieces travel when the list is kept in graph.evidence_key order
// (`_evidence_sorted`, see write_nodes.cypher), else the whole list and the store sorts it.
UNWIND $ids.__LABEL__ AS id
MATCH (n:__LABEL__ {id: id})
RETURN n.id AS id, '__LABEL__' AS label,
       CASE WHEN NOT $evidence OR $limit = 0 THEN n{.*, evidence: null}
            WHEN $limit IS NOT NULL AND n._evidence_sorted THEN n{.*, evidence: n.evidence[..$limit]}
            ELSE properties(n) END AS props
