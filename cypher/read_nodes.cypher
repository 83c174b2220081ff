// Template, one branch per label joined with UNION ALL by the store (__LABEL__ is a member of
// graph.Label): the nodes of that label among $ids, each found by a seek on the id constraint.
UNWIND $ids AS id
MATCH (n:__LABEL__ {id: id})
RETURN '__LABEL__' AS label, properties(n) AS props
