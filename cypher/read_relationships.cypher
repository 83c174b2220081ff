// Template, one branch per label joined with UNION ALL by the store (__LABEL__ is a member of
// graph.Label): relationships asked for by key. $keys maps each label to [{id, type, target}] whose
// source `id` the store expects to carry that label; $limit: pieces of evidence per relationship
// (null: all; see read_nodes.cypher). The source is found by a seek on the id constraint; a key
// that is not stored gives a row with a null `type` when its source exists, none when it does not.
UNWIND $keys.__LABEL__ AS k
MATCH (n:__LABEL__ {id: k.id})
OPTIONAL MATCH (n)-[x]->(m)
WHERE type(x) = k.type AND m.id = k.target
RETURN n.id AS id, '__LABEL__' AS label, n.id AS source, type(x) AS type, m.id AS target, labels(m) AS labels,
       CASE WHEN x IS NULL THEN null
            WHEN $limit = 0 THEN x{.*, evidence: null}
            WHEN $limit IS NOT NULL AND x._evidence_sorted THEN x{.*, evidence: x.evidence[..$limit]}
            ELSE properties(x) END AS props
