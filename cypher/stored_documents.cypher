// Which of $doc_ids are stored (has_document, and the new-document count of a write).
UNWIND $doc_ids AS doc_id
MATCH (d:DocumentFacts {doc_id: doc_id})
RETURN d.doc_id AS doc_id
