// name: regions-compared-on-indicator
// zh: 各地区在某项指标上的比较：最近一期实际数值与目标并列
// en: Regions compared on one indicator: each region's latest reported figure beside its targets
// short: 各地区同一指标 | Regions on one indicator
// topic: figures
// param: indicator: str
// param: status: status = current
// example: --param indicator=数字经济核心产业增加值占GDP比重
// columns: region_zh, figure, year, amount, yoy_change_pct, cited

// The indicator may be given by its key, its Chinese or English name or a
// catalogue alias (核心产业增加值占比). `figure` is reported or target; a
// target's year is its deadline.
MATCH (i:Indicator)
WHERE i.key = $indicator OR i.name_zh = $indicator OR $indicator IN coalesce(i.aliases_zh, [])
   OR toLower(i.name_en) = toLower($indicator)
CALL (i) {
  // Latest reported figure per region that has a value (one that states only
  // a change does not compare); without one, the latest change. A year's
  // figure outranks one for a quarter or month of it (2022 over 2022-Q1); then
  // an exact figure outranks a bound (突破200亿元), a later source an earlier one
  // (an undated source counts as the oldest).
  MATCH (region:Region)<-[:OBSERVED_IN]-(o:Observation)-[:OF_INDICATOR]->(i)
  WITH region, o
  ORDER BY o.value IS NULL, o.year DESC, coalesce(o.period, '') =~ '[0-9]{4}-(Q.*|[0-9]{2})', o.period DESC, o.comparator IS NOT NULL,
           coalesce(COLLECT { MATCH (o)-[:SOURCED_FROM]->(d:SourceDocument) WHERE d.published IS NOT NULL
                            RETURN d.published ORDER BY d.published DESC }[0], date('0001-01-01')) DESC, o.key
  WITH region, collect(o)[0] AS o
  RETURN region, o AS fact, 'reported' AS figure, o.year AS year
  UNION
  MATCH (region:Region)<-[:APPLIES_TO]-(fact:Target)-[:TRACKS]->(i)
  WITH region, fact, date().year AS asof
  // include: policy-status-filter
  RETURN region, fact, 'target' AS figure, fact.deadline AS year
}
MATCH (fact)-[s:SOURCED_FROM]->(doc:SourceDocument)
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       figure,
       year,
       fact.period AS period,
       fact.comparator AS comparator,
       fact.value AS value,
       fact.unit AS unit,
       fact.value_text AS value_text,
       fact.yoy_change_pct AS yoy_change_pct,
       i.key AS indicator,
       fact.key AS key,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
ORDER BY region, figure, year, key, source
