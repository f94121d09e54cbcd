// name: region-theme-matrix
// zh: 地区 × 主题覆盖矩阵：每个地区（含下辖地区）有多少政策、措施、目标和项目涉及每个主题
// en: Region × theme coverage: how many policies, measures, targets and projects of each region (with the regions within it) address each theme
// param: level: str = province
// example: --param level=province
// limit: 0
// pivot: theme_zh, region_short, facts

// One row per (region, theme) that has at least one fact; the terminal and
// CSV show it pivoted (one line per theme, one column per region, 0 where
// a region states nothing on a theme). Each fact is matched once, from the
// facts up to their regions, instead of once per pair of region and theme.
MATCH (fact)-[:APPLIES_TO|LOCATED_IN]->(:Region)-[:PART_OF*0..]->(region:Region {level: $level})
WHERE fact:Policy OR fact:Measure OR fact:Target OR fact:Project
MATCH (fact)-[:ADDRESSES]->(theme:Theme)
WITH region, theme, collect(DISTINCT fact) AS facts
UNWIND facts AS fact
OPTIONAL MATCH (fact)-[:SOURCED_FROM]->(doc:SourceDocument)
WITH region, theme, facts, collect(DISTINCT doc.id) AS sources
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       coalesce(region.short[0], region.name_zh) AS region_short,
       theme.id AS theme,
       theme.name_zh AS theme_zh,
       theme.name_en AS theme_en,
       size([f IN facts WHERE f:Policy]) AS policies,
       size([f IN facts WHERE f:Measure]) AS measures,
       size([f IN facts WHERE f:Target]) AS targets,
       size([f IN facts WHERE f:Project]) AS projects,
       size(facts) AS facts,
       sources
ORDER BY region, theme
