// name: targets-due-by
// zh: 在某年（含）之前到期的目标
// en: Targets due by a given year (deadline in or before it)
// param: year: int = 2025
// example: --param year=2025

MATCH (t:Target)
WHERE t.deadline <= $year
MATCH (t)-[s:SOURCED_FROM]->(doc:SourceDocument)
OPTIONAL MATCH (t)-[:APPLIES_TO]->(region:Region)
OPTIONAL MATCH (p:Policy)-[:SETS]->(t)
OPTIONAL MATCH (t)-[:TRACKS]->(i:Indicator)
RETURN t.deadline AS deadline,
       region.code AS region,
       region.name_en AS region_en,
       t.key AS key,
       t.name_zh AS name_zh,
       t.name_en AS name_en,
       t.comparator AS comparator,
       t.value AS value,
       t.unit AS unit,
       t.value_text AS value_text,
       i.key AS indicator,
       p.key AS policy,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
ORDER BY deadline, region, key, source
