// name: region-theme-matrix
// zh: 地区 × 主题覆盖矩阵：每个地区（含下辖地区）有多少政策、措施、目标和项目涉及每个主题
// en: Region × theme coverage: how many policies, measures, targets and projects of each region (with the regions within it) address each theme
// short: 地区 × 主题 | Region × theme counts
// topic: regions
// param: level: str = province
// param: status: status = current
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
// The summary counts every policy's facts; the facts the status leaves out
// are taken off it: they are found from the policies that may be out
// (superseded, not yet in force, or for in-force expired: few of all), each
// judged by the rule every question applies, and each takes one off the
// cells it counts in, as ingest added it (its own regions and those they lie
// within, its own themes).
WITH date().year AS asof
CALL (asof) {
  MATCH (region:Region {level: $level})-[c:COVERS]->(theme:Theme)
  RETURN region, theme, c.policies AS policies, c.measures AS measures, c.targets AS targets,
         c.projects AS projects, c.facts AS facts
  UNION ALL
  CALL (asof) {  // each from its index; an issue date is text, and one of a later year sorts from 'asof + 1' on
    MATCH ()-[:SUPERSEDES]->(p:Policy) WHERE $status IS NOT NULL RETURN p  // from the type index
    UNION
    MATCH (p:Policy) WHERE p.period_start > asof AND $status IS NOT NULL RETURN p
    UNION
    MATCH (p:Policy) WHERE p.issued >= toString(asof + 1) AND $status IS NOT NULL RETURN p
    UNION
    MATCH (p:Policy) WHERE p.period_end < asof AND $status = 'in-force' RETURN p
  }
  MATCH (p)-[:SETS|INCLUDES*0..1]->(fact)
  WHERE fact:Policy OR fact:Measure OR fact:Target OR fact:Project
  WITH DISTINCT fact, asof
  WHERE NOT EXISTS {
    // include: policy-status-filter
    RETURN policy_status
  }
  MATCH (fact)-[:APPLIES_TO|LOCATED_IN]->(:Region)-[:PART_OF*0..]->(region:Region {level: $level})
  WITH DISTINCT fact, region
  MATCH (fact)-[:ADDRESSES]->(theme:Theme)
  WITH DISTINCT fact, region, theme, labels(fact)[0] AS label
  RETURN region, theme, -toInteger(label = 'Policy') AS policies, -toInteger(label = 'Measure') AS measures,
         -toInteger(label = 'Target') AS targets, -toInteger(label = 'Project') AS projects, -1 AS facts
}
WITH region, theme, sum(policies) AS policies, sum(measures) AS measures, sum(targets) AS targets,
     sum(projects) AS projects, sum(facts) AS facts
WHERE facts > 0
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       coalesce(region.short[0], region.name_zh) AS region_short,
       theme.id AS theme,
       theme.name_zh AS theme_zh,
       theme.name_en AS theme_en,
       policies,
       measures,
       targets,
       projects,
       facts
ORDER BY region, theme
