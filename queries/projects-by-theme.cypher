// name: projects-by-theme
// zh: 涉及某一主题（含其下位主题）的项目，可按地区（含下辖地区）和年份筛选
// en: Projects that address a theme or a narrower one, optionally in a region (with the regions within it) or by year or year range
// short: 某主题的项目 | Projects on a theme
// topic: regions
// param: theme: theme = digital-infrastructure
// param: region: region = any
// param: years: years = any
// param: status: status = current
// example: --param theme=数字基础设施
// columns: region_zh, name_zh, kind, count, year, themes

MATCH (asked:Theme {id: $theme})<-[:BROADER*0..]-(theme:Theme)<-[:ADDRESSES]-(pr:Project)
WHERE $years IS NULL OR pr.year >= $years[0] AND pr.year <= $years[1]
WITH DISTINCT pr, theme.id AS theme
ORDER BY theme
WITH pr, collect(theme) AS themes
OPTIONAL MATCH (pr)-[:LOCATED_IN]->(region:Region)
WITH pr, themes, region
WHERE $region IS NULL OR EXISTS { (region)-[:PART_OF*0..]->(:Region {code: $region}) }
MATCH (pr)-[s:SOURCED_FROM]->(doc:SourceDocument)
// ordered and cut ($__row_limit, placed here) before each one's policy is looked up; the status
// rule runs on the sorted rows, so the cut stops it after the rows it keeps
WITH pr, themes, region, s, doc
ORDER BY region.code, pr.key, doc.id
WITH pr, themes, region, s, doc, pr AS fact, date().year AS asof
// include: policy-status-filter
WITH pr, themes, region, s, doc
LIMIT toInteger($__row_limit)
OPTIONAL MATCH (p:Policy)-[:INCLUDES]->(pr)
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       pr.key AS key,
       pr.name_zh AS name_zh,
       coalesce(pr.name_en, pr.name_zh) AS name_en,
       pr.kind AS kind,
       pr.count AS count,
       pr.year AS year,
       themes,
       p.key AS policy,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
ORDER BY region, key, source
LIMIT toInteger($__row_limit)
