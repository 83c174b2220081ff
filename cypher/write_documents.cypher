// Store the facts of new documents: $rows: [{doc_id, name, title, date, source, text, facts}],
// facts being the DocumentFacts JSON without its text (kept once, in `text`).
// A document already stored keeps its facts (ON CREATE), like the embedded store. These nodes carry
// no `id`, so a lookup of graph nodes by id never meets them.
UNWIND $rows AS r
MERGE (d:DocumentFacts {doc_id: r.doc_id})
  ON CREATE SET d.name = r.name, d.title = r.title, d.date = r.date, d.source = r.source, d.text = r.text, d.facts = r.facts
