// name: fact-source
// zh: 某一事实出自哪份文件的哪一处（按键，或按名称、说明中的词查找，任意类型）
// en: Where a fact comes from: the documents and locators that state it (by its key, or by words in its names and notes; any kind of fact)
// short: 事实的出处 | Where a fact is stated
// topic: sources
// param: key: str = any
// param: text: search = any
// example: --param key=bj-highland-data-factor-hub
// columns: label, name_zh, locator, published
// one_of: key, text

// Give `key` (exact) or `text` (words, Chinese or English, as `policykg
// search` takes them). Each label's key is looked up in its own index.
CALL () {
  MATCH (fact:Policy {key: $key}) RETURN fact, 1.0e9 AS score
  UNION
  MATCH (fact:Target {key: $key}) RETURN fact, 1.0e9 AS score
  UNION
  MATCH (fact:Project {key: $key}) RETURN fact, 1.0e9 AS score
  UNION
  MATCH (fact:Measure {key: $key}) RETURN fact, 1.0e9 AS score
  UNION
  MATCH (fact:Observation {key: $key}) RETURN fact, 1.0e9 AS score
  UNION
  MATCH (fact:Indicator {key: $key}) RETURN fact, 1.0e9 AS score
  UNION
  MATCH (fact:Organization {key: $key}) RETURN fact, 1.0e9 AS score
  UNION
  CALL db.index.fulltext.queryNodes('search_cjk', coalesce($text, '"__no search__"'), {limit: 20}) YIELD node, score
  WHERE $text IS NOT NULL
  RETURN node AS fact, score
  UNION
  // English stems only for text with Latin letters: Chinese text there splits into single characters
  // (数字 of 数字吉林办 in a summary), and search_cjk reads the same fields by bigrams
  CALL db.index.fulltext.queryNodes('search_en', coalesce($text, '"__no search__"'), {limit: 20}) YIELD node, score
  WHERE $text =~ '(?s).*[A-Za-z].*'
  RETURN node AS fact, score
}
WITH fact, max(score) AS score
MATCH (fact)-[s:SOURCED_FROM]->(doc:SourceDocument)
OPTIONAL MATCH (run:IngestRun)-[:INGESTED]->(doc)
WITH fact, score, s, doc, max(run.started_at) AS last_ingested
RETURN labels(fact)[0] AS label,
       fact.key AS key,
       coalesce(fact.name_zh, fact.title_zh) AS name_zh,
       coalesce(fact.name_en, fact.title_en, fact.name_zh, fact.title_zh) AS name_en,
       doc.id AS source,
       doc.title_zh AS source_title_zh,
       coalesce(doc.title_en, doc.title_zh) AS source_title_en,
       doc.publisher_en AS publisher,
       doc.published AS published,
       doc.url AS url,
       doc.path AS path,
       s.locator AS locator,
       s.quote AS quote,
       last_ingested
ORDER BY score DESC, key, published, source, locator
