// name: projects-by-theme
// zh: 涉及某一主题（含其下位主题）的项目
// en: Projects that address a theme or a narrower one
// param: theme: theme = digital-infrastructure
// example: --param theme=数字基础设施

MATCH (asked:Theme {id: $theme})<-[:BROADER*0..]-(theme:Theme)<-[:ADDRESSES]-(pr:Project)
WITH DISTINCT pr, theme.id AS theme
ORDER BY theme
WITH pr, collect(theme) AS themes
MATCH (pr)-[s:SOURCED_FROM]->(doc:SourceDocument)
OPTIONAL MATCH (pr)-[:LOCATED_IN]->(region:Region)
OPTIONAL MATCH (p:Policy)-[:INCLUDES]->(pr)
RETURN region.code AS region,
       region.name_en AS region_en,
       pr.key AS key,
       pr.name_zh AS name_zh,
       pr.name_en AS name_en,
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
