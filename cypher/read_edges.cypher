// Template of two statements, each used as one branch per label joined with UNION ALL by the store
// (__LABEL__ is a member of graph.Label): the relationships leaving, then those arriving at, the
// nodes of that label among $ids. $types: relationship type names, or null for every type.
// Two directed patterns rather than one undirected one: a hub (a province, say) is expanded only
// in the direction asked.
UNWIND $ids AS id
MATCH (n:__LABEL__ {id: id})-[x]->(m)
WHERE $types IS NULL OR type(x) IN $types
RETURN n.id AS source, type(x) AS type, m.id AS target, properties(x) AS props;

UNWIND $ids AS id
MATCH (m)-[x]->(n:__LABEL__ {id: id})
WHERE $types IS NULL OR type(x) IN $types
RETURN m.id AS source, type(x) AS type, n.id AS target, properties(x) AS props;
