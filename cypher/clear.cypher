// Delete up to $limit nodes with their relationships; the store repeats it, one transaction each,
// until nothing is left (a whole graph in one transaction could exhaust the server's memory).
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
