// name: region-policies
// zh: 某地区及其下辖地区（含园区）的政策，可按年份或年份范围、类型和主题筛选
// en: Policies of a region, including those of the regions and zones within it, optionally by year or year range, kind and theme
// short: 一个地区的政策 | A region's policies
// topic: regions
// param: region: region
// param: years: years = any
// param: kind: str = any
// param: theme: theme = any
// param: status: status = current
// example: --param region=广东
// columns: region_zh, title_zh, kind, issued, period_end

// A policy falls in a year range when its period (or, without one, the year
// it was issued) overlaps the range.
MATCH (top:Region {code: $region})<-[:PART_OF*0..]-(region:Region)<-[:APPLIES_TO]-(p:Policy)
WHERE ($kind IS NULL OR p.kind = $kind)
  AND ($years IS NULL OR (coalesce(p.period_end, p.period_start, toInteger(left(p.issued, 4))) >= $years[0]
                          AND coalesce(p.period_start, toInteger(left(p.issued, 4)), p.period_end) <= $years[1]))
  AND ($theme IS NULL OR EXISTS { (p)-[:ADDRESSES]->(:Theme)-[:BROADER*0..]->(:Theme {id: $theme}) })
WITH region, p, p AS fact, date().year AS asof
// include: policy-status-filter
MATCH (p)-[s:SOURCED_FROM]->(doc:SourceDocument)
OPTIONAL MATCH (p)-[:ISSUED_BY]->(org:Organization)
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       p.key AS key,
       p.title_zh AS title_zh,
       coalesce(p.title_en, p.title_zh) AS title_en,
       p.kind AS kind,
       p.issued AS issued,
       p.period_start AS period_start,
       p.period_end AS period_end,
       coalesce(org.name_en, org.name_zh) AS issued_by,
       policy_status,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
ORDER BY region, issued, key, source
