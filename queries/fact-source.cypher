// name: fact-source
// zh: 某一事实（按键，任意类型）出自哪份文件的哪一处
// en: Where a fact comes from: the documents and locators that state it (by key, any kind of fact)
// param: key: str
// example: --param key=bj-highland-data-factor-hub

MATCH (fact)-[s:SOURCED_FROM]->(doc:SourceDocument)
WHERE fact.key = $key
OPTIONAL MATCH (run:IngestRun)-[:INGESTED]->(doc)
WITH fact, s, doc, max(run.started_at) AS last_ingested
RETURN labels(fact)[0] AS label,
       fact.key AS key,
       coalesce(fact.name_zh, fact.title_zh) AS name_zh,
       coalesce(fact.name_en, fact.title_en) AS name_en,
       doc.id AS source,
       doc.title_zh AS source_title_zh,
       doc.title_en AS source_title_en,
       doc.publisher_en AS publisher,
       doc.published AS published,
       doc.url AS url,
       doc.path AS path,
       s.locator AS locator,
       last_ingested
ORDER BY published, source, locator
