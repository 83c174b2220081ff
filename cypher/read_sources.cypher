// Source stamps of files already loaded ({stamp, doc_id}): a re-load skips those files unread.
// The store keeps only stamps whose document is stored.
MATCH (s:SourceFile)
RETURN s.stamp AS stamp, s.doc_id AS doc_id
