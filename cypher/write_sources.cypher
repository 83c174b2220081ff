// Remember which file (its stamp: path, size, modification time) holds which stored document:
// $rows: [{stamp, doc_id}]. A later stamp for the same file replaces the document it points to.
UNWIND $rows AS r
MERGE (s:SourceFile {stamp: r.stamp})
SET s.doc_id = r.doc_id
