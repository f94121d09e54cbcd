// name: targets-due-by
// zh: 在某年（含）之前（或某几年内）到期的目标，可按地区（含下辖地区）、主题和指标类型筛选
// en: Targets due by a given year (deadline in or before it) or within a range of years, optionally in a region (with the regions within it), on a theme or of a kind of indicator
// short: 某年前到期的目标 | Targets due by a year
// topic: targets
// param: year: int = 2025
// param: years: years = any
// param: region: region = any
// param: theme: theme = any
// param: kind: str = any
// param: status: status = current
// example: --param year=2025
// columns: deadline, region_zh, name_zh, amount, cited

// The deadline index answers the year (or the range of years, which then
// replaces it); region, theme and kind (of the indicator the target tracks:
// level, share, count, growth, rank) only narrow it.
// The rows are ordered and cut ($__row_limit, placed here) before the
// policy and indicator of each are looked up.
MATCH (t:Target)
WHERE t.deadline <= coalesce($years[1], $year) AND t.deadline >= coalesce($years[0], 0)
  AND ($kind IS NULL OR EXISTS { (t)-[:TRACKS]->(:Indicator {kind: toLower($kind)}) })
OPTIONAL MATCH (t)-[:APPLIES_TO]->(region:Region)
WITH t, region
WHERE $region IS NULL OR EXISTS { (region)-[:PART_OF*0..]->(:Region {code: $region}) }
WITH t, region
WHERE $theme IS NULL OR EXISTS { (t)-[:ADDRESSES]->(:Theme)-[:BROADER*0..]->(:Theme {id: $theme}) }
MATCH (t)-[s:SOURCED_FROM]->(doc:SourceDocument)
WITH t, region, s, doc
ORDER BY t.deadline, region.code, t.key, doc.id
// the status rule runs on the sorted rows, so the cut below stops it after the rows it keeps
WITH t, region, s, doc, t AS fact, date().year AS asof
// include: policy-status-filter
WITH t, region, policy_status, s, doc
LIMIT toInteger($__row_limit)
OPTIONAL MATCH (p:Policy)-[:SETS]->(t)
OPTIONAL MATCH (t)-[:TRACKS]->(i:Indicator)
RETURN t.deadline AS deadline,
       region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       t.key AS key,
       t.name_zh AS name_zh,
       coalesce(t.name_en, t.name_zh) AS name_en,
       t.comparator AS comparator,
       t.value AS value,
       t.unit AS unit,
       t.value_text AS value_text,
       i.key AS indicator,
       p.key AS policy,
       policy_status,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
ORDER BY deadline, region, key, source
LIMIT toInteger($__row_limit)
