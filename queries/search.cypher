// name: search
// zh: 全文检索：名称、标题、别名、摘要和说明中含有所查文字的节点，整句或整词的匹配排在只有部分字词重合的前面
// en: Full-text search over names, titles, aliases, summaries and notes: the whole text or a whole word first, hits that share only parts of words after them (and only when nothing better matched)
// short: 全文检索 | Search names and notes
// topic: sources
// param: text: fulltext
// example: --param text=机器人
// columns: label, region, name_zh, match
// limit: 20

// The indexes (schema/constraints.cypher) find candidates: search_cjk by
// overlapping Chinese bigrams, search_en by English stems. A candidate
// is then ranked by what it shares with the text: 2, a field holds the whole
// text (case aside); 1, a field holds one of its words; 0, only bigrams or
// stems (机器 of 机器人 in 机器学习, or one common character). Hits of rank 0
// are listed only when nothing ranks higher, and then only those scoring at
// least half the best, so a single shared character does not make a hit.
// `match` shows the matched text in its field, marked **like this**.
// A hit's region comes by the relationships that place a fact in a region:
// schema/sections.py REGION_RELS (tests/test_search.py holds the list here to it).
CALL () {
  CALL db.index.fulltext.queryNodes('search_cjk', $text.lucene, {limit: 200}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('search_en', $text.lucene, {limit: 200}) YIELD node, score
  RETURN node, score
}
WITH node, max(score) AS score
WITH node, score, [f IN [node.name_zh, node.name_en, node.title_zh, node.title_en, node.aliases_text,
                         node.summary_en, node.description_en, node.note_en] WHERE f IS NOT NULL] AS fields
WITH node, score, fields, head([f IN fields WHERE toLower(f) CONTAINS $text.text]) AS whole
WITH node, score, whole,
     CASE WHEN whole IS NULL THEN head([f IN fields WHERE any(w IN $text.words WHERE toLower(f) CONTAINS w)]) END AS part
WITH node, score, coalesce(whole, part) AS field,
     CASE WHEN whole IS NOT NULL THEN 2 WHEN part IS NOT NULL THEN 1 ELSE 0 END AS rank,
     CASE WHEN whole IS NOT NULL THEN $text.text ELSE head([w IN $text.words WHERE toLower(part) CONTAINS w]) END AS term
WITH collect({node: node, score: score, field: field, rank: rank, term: term}) AS hits
WITH hits, reduce(best = 0, h IN hits | CASE WHEN h.rank > best THEN h.rank ELSE best END) AS best_rank,
     reduce(best = 0.0, h IN hits | CASE WHEN h.score > best THEN h.score ELSE best END) AS best_score
UNWIND hits AS h
WITH h, best_rank, best_score
WHERE h.rank > 0 OR (best_rank = 0 AND h.score >= 0.5 * best_score)
WITH h.node AS node, h.score AS score, h.rank AS rank, h.field AS field, h.term AS term,
     CASE WHEN h.term IS NULL THEN null ELSE size(split(toLower(h.field), h.term)[0]) END AS at
WITH node, score, rank,
     CASE WHEN at IS NULL THEN null ELSE
       CASE WHEN at > 10 THEN '…' + substring(field, at - 10, 10) ELSE left(field, at) END
       + '**' + substring(field, at, size(term)) + '**'
       + CASE WHEN size(field) > at + size(term) + 10 THEN substring(field, at + size(term), 10) + '…'
              ELSE substring(field, at + size(term)) END
     END AS match
OPTIONAL MATCH (node)-[:APPLIES_TO|LOCATED_IN|OBSERVED_IN]->(place:Region)
WITH node, score, rank, match, collect(DISTINCT place.name_zh) AS places
OPTIONAL MATCH (node)-[:SOURCED_FROM]->(d:SourceDocument)
WITH node, score, rank, match, places, collect(DISTINCT d.id) AS sources
RETURN labels(node)[0] AS label,
       coalesce(node.kind, node.status, node.level) AS kind,
       CASE WHEN node:Region THEN node.name_zh
            ELSE reduce(s = '', p IN places | s + CASE s WHEN '' THEN '' ELSE '; ' END + p) END AS region,
       coalesce(node.key, node.code, node.id) AS key,
       coalesce(node.name_zh, node.title_zh) AS name_zh,
       coalesce(node.name_en, node.title_en, node.name_zh, node.title_zh) AS name_en,
       match,
       CASE rank WHEN 2 THEN 'whole text' WHEN 1 THEN 'a word' ELSE 'parts of words' END AS matched,
       CASE WHEN node:Observation OR node:Target THEN
         trim(coalesce(node.comparator + ' ', '')
              + coalesce(CASE WHEN node.value = toInteger(node.value) THEN toString(toInteger(node.value))
                              ELSE toString(node.value) END, node.value_text, '')
              + CASE WHEN node.value IS NULL THEN '' ELSE coalesce(' ' + node.unit, '') END
              + coalesce(' (' + toString(node.share_pct) + '% of ' + node.share_of + ')', ''))
       END AS figure,
       round(score, 3) AS score,
       sources
ORDER BY rank DESC, score DESC, label, key
