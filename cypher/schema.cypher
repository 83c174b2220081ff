// Schema of the officials graph (Neo4j 5 syntax). Neo4jStore.ensure_schema() runs these statements
// one by one when it opens; each is idempotent (IF NOT EXISTS), so opening a store twice changes nothing.
// A statement the server refuses (an older server, or a Bolt server without this schema feature) is
// logged once and skipped: the store works without it, only slower.

// One node per id for every label: MERGE on id relies on these to stay unique under concurrent loads,
// and each constraint brings the index that makes `MATCH (n:Label {id: …})` a seek.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT body_id IF NOT EXISTS FOR (n:Body) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT locality_id IF NOT EXISTS FOR (n:Locality) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;

// The stored facts of each document (JSON and normalized text), one node per content id; they are
// kept apart from the graph's own Document nodes so that reads of the graph never carry article text.
CREATE CONSTRAINT document_facts_doc_id IF NOT EXISTS FOR (n:DocumentFacts) REQUIRE n.doc_id IS UNIQUE;

// Which file (path, size, modification time) holds which stored document: re-loads skip them unread.
CREATE CONSTRAINT source_file_stamp IF NOT EXISTS FOR (n:SourceFile) REQUIRE n.stamp IS UNIQUE;

// Range indexes on display names: exact-name lookups (namesakes, `{name: …}` in ad-hoc queries).
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX body_name IF NOT EXISTS FOR (n:Body) ON (n.name);
CREATE INDEX locality_name IF NOT EXISTS FOR (n:Locality) ON (n.name);
CREATE INDEX event_name IF NOT EXISTS FOR (n:Event) ON (n.name);
