// Template of two statements, each used as one branch per member joined with UNION ALL by the store:
// how many nodes carry a label (__LABEL__, a member of graph.Label), then how many relationships
// have a type (__TYPE__, a member of graph.Rel). Neo4j answers both from its count store.
MATCH (n:__LABEL__)
RETURN '__LABEL__' AS key, count(n) AS n;

MATCH ()-[x:__TYPE__]->()
RETURN '__TYPE__' AS key, count(x) AS n;
