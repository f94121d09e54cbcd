// name: region-theme-matrix
// zh: 地区 × 主题覆盖矩阵：每个地区（含下辖地区）有多少政策、措施、目标和项目涉及每个主题
// en: Region × theme coverage: how many policies, measures, targets and projects of each region (with the regions within it) address each theme
// param: level: str = province
// example: --param level=province

// Rows for every pair of a region at the level that states any fact and a
// theme any such fact addresses, so an empty cell shows as 0, not as absent.
MATCH (region:Region {level: $level})<-[:PART_OF*0..]-(:Region)<-[:APPLIES_TO|LOCATED_IN]-(fact)-[:ADDRESSES]->(theme:Theme)
WHERE fact:Policy OR fact:Measure OR fact:Target OR fact:Project
WITH collect(DISTINCT region) AS regions, collect(DISTINCT theme) AS themes
UNWIND regions AS region
UNWIND themes AS theme
OPTIONAL MATCH (region)<-[:PART_OF*0..]-(:Region)<-[:APPLIES_TO|LOCATED_IN]-(fact)-[:ADDRESSES]->(theme)
WHERE fact:Policy OR fact:Measure OR fact:Target OR fact:Project
OPTIONAL MATCH (fact)-[:SOURCED_FROM]->(doc:SourceDocument)
WITH region, theme, collect(DISTINCT fact) AS facts, collect(DISTINCT doc.id) AS sources
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       theme.id AS theme,
       theme.name_en AS theme_en,
       size([f IN facts WHERE f:Policy]) AS policies,
       size([f IN facts WHERE f:Measure]) AS measures,
       size([f IN facts WHERE f:Target]) AS targets,
       size([f IN facts WHERE f:Project]) AS projects,
       size(facts) AS facts,
       sources
ORDER BY region, theme
