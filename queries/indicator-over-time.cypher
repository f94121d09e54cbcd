// name: indicator-over-time
// zh: 某地区某项指标历年的数值（实际数值与目标）
// en: A region's figures for one indicator over time, reported figures and targets
// short: 指标历年数值 | An indicator over time
// topic: figures
// param: region: region
// param: indicator: str
// param: status: status = current
// example: --param region=中国 --param indicator=数字经济核心产业增加值占GDP比重
// columns: year, figure, amount, yoy_change_pct, cited

// The indicator may be given by its key, its Chinese or English name or a
// catalogue alias. Reported figures come by their year, targets by their
// deadline (`figure` tells them apart).
MATCH (i:Indicator)
WHERE i.key = $indicator OR i.name_zh = $indicator OR $indicator IN coalesce(i.aliases_zh, [])
   OR toLower(i.name_en) = toLower($indicator)
MATCH (region:Region {code: $region})
CALL (i, region) {
  MATCH (region)<-[:OBSERVED_IN]-(o:Observation)-[:OF_INDICATOR]->(i)
  RETURN o AS fact, 'reported' AS figure, o.year AS year
  UNION
  MATCH (region)<-[:APPLIES_TO]-(fact:Target)-[:TRACKS]->(i)
  WITH fact, date().year AS asof
  // include: policy-status-filter
  RETURN fact, 'target' AS figure, fact.deadline AS year
}
MATCH (fact)-[s:SOURCED_FROM]->(doc:SourceDocument)
RETURN year,
       figure,
       fact.period AS period,
       fact.comparator AS comparator,
       fact.value AS value,
       fact.unit AS unit,
       fact.value_text AS value_text,
       fact.yoy_change_pct AS yoy_change_pct,
       fact.share_pct AS share_pct,
       fact.share_of AS share_of,
       i.key AS indicator,
       region.code AS region,
       fact.key AS key,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
ORDER BY year, figure, period, key, source
