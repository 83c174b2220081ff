// Template, one branch per label joined with UNION ALL by the store (__LABEL__ is a member of
// graph.Label): the id of every node of that label (export). The store sorts the ids itself and
// reads the nodes, and their relationships, a page of ids at a time: one ORDER BY over every node
// or relationship with its properties exceeded ArcadeDB's query heap budget at a few thousand
// documents (the evidence lists make records large).
MATCH (n:__LABEL__)
RETURN n.id AS id, '__LABEL__' AS label
