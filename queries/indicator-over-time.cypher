// name: indicator-over-time
// zh: 某地区某项指标历年的数值
// en: A region's figures for one indicator over time
// param: region: region
// param: indicator: str
// example: --param region=深圳 --param indicator=数字经济核心产业增加值
// columns: year, period, value, unit, yoy_change_pct, share_pct, locator

// The indicator may be given by its key or by its Chinese or English name.
MATCH (i:Indicator)
WHERE i.key = $indicator OR i.name_zh = $indicator OR toLower(i.name_en) = toLower($indicator)
MATCH (region:Region {code: $region})<-[:OBSERVED_IN]-(o:Observation)-[:OF_INDICATOR]->(i)
MATCH (o)-[s:SOURCED_FROM]->(doc:SourceDocument)
RETURN o.year AS year,
       o.period AS period,
       o.value AS value,
       o.unit AS unit,
       o.yoy_change_pct AS yoy_change_pct,
       o.share_pct AS share_pct,
       o.share_of AS share_of,
       i.key AS indicator,
       region.code AS region,
       o.key AS key,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
ORDER BY year, period, key, source
