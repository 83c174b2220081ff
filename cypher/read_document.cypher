// The stored facts and normalized text of one document.
MATCH (d:DocumentFacts {doc_id: $doc_id})
RETURN d.facts AS facts, d.text AS text
