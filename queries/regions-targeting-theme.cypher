// name: regions-targeting-theme
// zh: 哪些地区的政策、措施、目标或项目涉及某一主题（含其下位主题），以及依据和出处；可按地区（含下辖地区）和事实类型筛选
// en: Regions whose policies, measures, targets or projects address a theme (or a narrower one), with what shows it and its source; optionally in one region (with the regions within it) or of one kind
// short: 涉及某主题的地区 | Regions on a theme
// topic: regions
// param: theme: theme = cross-border-data-flows
// param: region: region = any
// param: kind: str = any
// param: status: status = current
// example: --param theme=数据跨境流动
// columns: region_zh, label, status, name_zh, cited

// `status` is set on measures: adopted, planned, recommended (an author's
// advice, not policy) or reported (what another economy does).
// A fact counts for the theme when it addresses the theme itself or any
// theme below it in the vocabulary (BROADER points from narrow to broad).
// `kind` is the kind of fact: Policy, Measure, Target or Project (any case).
//
// Two ways to the same rows, chosen by how many facts the summary (COVERS,
// kept by ingest) counts on the themes. Few: from the themes to their facts
// and regions, then sorted. Many: region by region in code order, cut at
// $__row_limit (placed by this query), so the work grows with the rows asked
// for, not with the corpus; the regions walked are those whose summary counts
// facts of their own on one of the themes (of the kind asked for, if any).
MATCH (asked:Theme {id: $theme})<-[:BROADER*0..]-(theme:Theme)
WITH collect(DISTINCT theme) AS themes, date().year AS asof
CALL (themes) {
  UNWIND themes AS theme
  OPTIONAL MATCH (theme)<-[c:COVERS]-(:Region)
  RETURN coalesce(sum(c.own), 0) AS stated
}
CALL (themes, stated, asof) {
  WITH themes, stated, asof
  WHERE stated <= 2000
  UNWIND themes AS theme
  MATCH (theme)<-[:ADDRESSES]-(fact)-[:APPLIES_TO|LOCATED_IN]->(region:Region)
  WHERE (fact:Policy OR fact:Measure OR fact:Target OR fact:Project)
    AND ($kind IS NULL OR toLower(labels(fact)[0]) = toLower($kind))
    AND ($region IS NULL OR EXISTS { (region)-[:PART_OF*0..]->(:Region {code: $region}) })
  WITH DISTINCT fact, region, asof, theme.id AS theme
  ORDER BY theme
  WITH fact, region, asof, collect(theme) AS addressed
  // include: policy-status-filter
  MATCH (fact)-[s:SOURCED_FROM]->(doc:SourceDocument)
  RETURN region, fact, addressed, s, doc
  ORDER BY region.code, labels(fact)[0], fact.key, doc.id, s.locator
  LIMIT toInteger($__row_limit)
  UNION ALL
  WITH themes, stated, asof
  WHERE stated > 2000
  UNWIND themes AS theme
  MATCH (theme)<-[c:COVERS]-(region:Region)
  WHERE c.own > 0
    AND ($kind IS NULL OR CASE toLower($kind) WHEN 'policy' THEN c.policies WHEN 'measure' THEN c.measures
                                              WHEN 'target' THEN c.targets WHEN 'project' THEN c.projects
                                              ELSE 0 END > 0)
    AND ($region IS NULL OR EXISTS { (region)-[:PART_OF*0..]->(:Region {code: $region}) })
  WITH DISTINCT region
  ORDER BY region.code
  CALL (region, themes, asof) {
    MATCH (region)<-[:APPLIES_TO|LOCATED_IN]-(fact)-[:ADDRESSES]->(theme:Theme)
    WHERE theme IN themes
      AND (fact:Policy OR fact:Measure OR fact:Target OR fact:Project)
      AND ($kind IS NULL OR toLower(labels(fact)[0]) = toLower($kind))
    WITH DISTINCT fact, theme.id AS theme
    ORDER BY theme
    WITH fact, asof, collect(theme) AS addressed
    // include: policy-status-filter
    MATCH (fact)-[s:SOURCED_FROM]->(doc:SourceDocument)
    RETURN fact, addressed, s, doc
    ORDER BY labels(fact)[0], fact.key, doc.id, s.locator
  }
  RETURN region, fact, addressed, s, doc
  LIMIT toInteger($__row_limit)
}
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       labels(fact)[0] AS label,
       fact.key AS key,
       fact.status AS status,
       coalesce(fact.name_zh, fact.title_zh) AS name_zh,
       coalesce(fact.name_en, fact.title_en, fact.name_zh, fact.title_zh) AS name_en,
       addressed AS themes,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
