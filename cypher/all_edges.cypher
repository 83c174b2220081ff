// Every relationship of the graph's types ($types), sorted by (source, type, target) (export).
MATCH (a)-[x]->(b)
WHERE type(x) IN $types
RETURN a.id AS source, type(x) AS type, b.id AS target, properties(x) AS props
ORDER BY source, type, target
