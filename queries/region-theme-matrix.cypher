// name: region-theme-matrix
// zh: 地区 × 主题覆盖矩阵：每个地区（含下辖地区）有多少政策、措施、目标和项目涉及每个主题
// en: Region × theme coverage: how many policies, measures, targets and projects of each region (with the regions within it) address each theme
// short: 地区 × 主题 | Region × theme counts
// topic: regions
// param: level: str = province
// example: --param level=province
// limit: 0
// pivot: theme_zh, region_short, facts

// One row per (region, theme) that has at least one fact; the terminal and
// CSV show it pivoted (one line per theme, one column per region, 0 where
// a region states nothing on a theme). The counts come from the summary that
// ingest keeps, (:Region)-[:COVERS]->(:Theme) (ingest/summary.py): a distinct
// fact of the region or of any region within it counts once, so the matrix
// reads one relationship per cell instead of walking every fact. The sources
// of a cell are what regions-targeting-theme lists (with region= and theme=).
MATCH (region:Region {level: $level})-[c:COVERS]->(theme:Theme)
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       coalesce(region.short[0], region.name_zh) AS region_short,
       theme.id AS theme,
       theme.name_zh AS theme_zh,
       theme.name_en AS theme_en,
       c.policies AS policies,
       c.measures AS measures,
       c.targets AS targets,
       c.projects AS projects,
       c.facts AS facts
ORDER BY region, theme
