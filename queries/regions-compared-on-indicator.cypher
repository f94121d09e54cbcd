// name: regions-compared-on-indicator
// zh: 各地区在某项指标上的比较（各取最近一期数值）
// en: Regions compared on one indicator, each by its latest reported figure
// param: indicator: str
// example: --param indicator=cn-hightech-firm-tech-revenue
// columns: region_zh, year, value, unit, yoy_change_pct, share_pct

MATCH (i:Indicator)
WHERE i.key = $indicator OR i.name_zh = $indicator OR toLower(i.name_en) = toLower($indicator)
MATCH (region:Region)<-[:OBSERVED_IN]-(o:Observation)-[:OF_INDICATOR]->(i)
// Latest figure per region: the highest year, and within it a figure with a
// level before one that only reports a change.
WITH region, i, o
ORDER BY o.year DESC, o.value IS NULL, o.period DESC, o.key
WITH region, i, collect(o)[0] AS o
MATCH (o)-[s:SOURCED_FROM]->(doc:SourceDocument)
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       o.year AS year,
       o.period AS period,
       o.value AS value,
       o.unit AS unit,
       o.yoy_change_pct AS yoy_change_pct,
       o.share_pct AS share_pct,
       i.key AS indicator,
       o.key AS key,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
ORDER BY value IS NULL, value DESC, region, source
