// name: themes-without-measures
// zh: 某地区（含下辖地区）没有任何措施涉及的主题，及其政策是否提到这些主题
// en: Themes a region (with the regions within it) has no measure for, and how many of its policies name each
// short: 无措施的主题 | Themes without measures
// topic: regions
// param: region: region
// param: status: status = current
// example: --param region=贵州
// columns: theme, theme_zh, policies

// A measure for a narrower theme counts for the broader one too. Measures and
// policies count by their status (the rule is applied inside each subquery,
// so that a theme whose only policies are left out is listed with 0).
MATCH (top:Region {code: $region})
WITH top, date().year AS asof
CALL (top, asof) {
  OPTIONAL MATCH (top)<-[:PART_OF*0..]-(:Region)<-[:APPLIES_TO]-(fact:Measure)
  // include: policy-status-filter
  OPTIONAL MATCH (fact)-[:ADDRESSES]->(:Theme)-[:BROADER*0..]->(covered:Theme)
  RETURN collect(DISTINCT covered) AS covered
}
MATCH (theme:Theme)
WHERE theme.id IS NOT NULL AND NOT theme IN covered  // id IS NOT NULL: read from the id index
CALL (top, theme, asof) {
  OPTIONAL MATCH (top)<-[:PART_OF*0..]-(:Region)<-[:APPLIES_TO]-(fact:Policy)-[:ADDRESSES]->(theme)
  // include: policy-status-filter
  OPTIONAL MATCH (fact)-[:SOURCED_FROM]->(doc:SourceDocument)
  WITH fact, doc
  ORDER BY doc.id  // sources listed in the same order every run
  RETURN count(DISTINCT fact) AS policies, collect(DISTINCT doc.id) AS sources
}
RETURN top.code AS region,
       theme.id AS theme,
       theme.name_zh AS theme_zh,
       theme.name_en AS theme_en,
       policies,
       sources
ORDER BY policies DESC, theme
