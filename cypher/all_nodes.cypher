// Every node of the graph's labels ($labels), sorted by id (export).
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY n.id
