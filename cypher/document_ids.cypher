// Content ids of every stored document, sorted.
MATCH (d:DocumentFacts)
RETURN d.doc_id AS doc_id
ORDER BY doc_id
