// Template of two statements, each used as one branch per label joined with UNION ALL by the store
// (__LABEL__ is a member of graph.Label): the relationships leaving, then those arriving at, the
// nodes of that label among $ids.__LABEL__ ($ids maps each label to the ids the store expects to
// carry it). $types: relationship type names, or null for every type; $limit: pieces of evidence
// per relationship (null: all; the first ones travel alone when the list is kept in order, see
// read_nodes.cypher).
// Each node is found first, by a seek on the id constraint, and its relationships are expanded from
// it: the pattern written the other way round, `(m)-[x]->(n:Label {id: …})`, made ArcadeDB scan
// every node. OPTIONAL MATCH gives a node without such relationships one row with a null `type`,
// which tells the store that the node exists under that label. `labels`: the other end's labels.
// Two directed patterns rather than one undirected one: a hub (a province, say) is expanded only
// in the direction asked.
UNWIND $ids.__LABEL__ AS id
MATCH (n:__LABEL__ {id: id})
OPTIONAL MATCH (n)-[x]->(m)
WHERE $types IS NULL OR type(x) IN $types
RETURN n.id AS id, '__LABEL__' AS label, n.id AS source, type(x) AS type, m.id AS target, labels(m) AS labels,
       CASE WHEN x IS NULL THEN null
            WHEN $limit = 0 THEN x{.*, evidence: null}
            WHEN $limit IS NOT NULL AND x._evidence_sorted THEN x{.*, evidence: x.evidence[..$limit]}
            ELSE properties(x) END AS props;

UNWIND $ids.__LABEL__ AS id
MATCH (n:__LABEL__ {id: id})
OPTIONAL MATCH (n)<-[x]-(m)
WHERE $types IS NULL OR type(x) IN $types
RETURN n.id AS id, '__LABEL__' AS label, m.id AS source, type(x) AS type, n.id AS target, labels(m) AS labels,
       CASE WHEN x IS NULL THEN null
            WHEN $limit = 0 THEN x{.*, evidence: null}
            WHEN $limit IS NOT NULL AND x._evidence_sorted THEN x{.*, evidence: x.evidence[..$limit]}
            ELSE properties(x) END AS props;
