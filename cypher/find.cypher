// Template, one branch per wanted label joined with UNION ALL by the store (__LABEL__ is a member
// of graph.Label): nodes whose name or one of whose aliases contains one of $terms.
// Order: exact name or alias first, then shorter names, then id; the store merges the branches in
// the same order and keeps the first $limit. Nodes come without their evidence.
MATCH (n:__LABEL__)
WHERE any(t IN $terms WHERE n.name CONTAINS t)
   OR any(a IN coalesce(n.aliases, []) WHERE any(t IN $terms WHERE a CONTAINS t))
WITH n, CASE WHEN n.name IN $terms OR any(a IN coalesce(n.aliases, []) WHERE a IN $terms) THEN 0 ELSE 1 END AS exact
RETURN '__LABEL__' AS label, n{.*, evidence: null} AS props, exact
ORDER BY exact, size(n.name), n.id
LIMIT $limit
