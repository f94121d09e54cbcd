// name: region-figures
// zh: 某地区（含下辖地区）报告的各项数值，可按年份或年份范围和指标筛选
// en: The figures reported for a region and the regions within it, optionally by year or year range and by indicator
// short: 一个地区的数值 | A region's figures
// topic: figures
// param: region: region
// param: years: years = any
// param: indicator: str = any
// example: --param region=广东
// columns: region_zh, indicator_zh, period, amount, yoy_change_pct, cited

// `indicator` is an indicator's key, its exact Chinese or English name or a catalogue alias.
MATCH (top:Region {code: $region})<-[:PART_OF*0..]-(region:Region)<-[:OBSERVED_IN]-(o:Observation)
WHERE $years IS NULL OR o.year >= $years[0] AND o.year <= $years[1]
MATCH (o)-[:OF_INDICATOR]->(i:Indicator)
WHERE $indicator IS NULL OR i.key = $indicator OR i.name_zh = $indicator OR $indicator IN coalesce(i.aliases_zh, [])
   OR toLower(i.name_en) = toLower($indicator)
MATCH (o)-[s:SOURCED_FROM]->(doc:SourceDocument)
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       i.key AS indicator,
       i.name_zh AS indicator_zh,
       coalesce(i.name_en, i.name_zh) AS indicator_en,
       o.year AS year,
       o.period AS period,
       o.value AS value,
       o.unit AS unit,
       o.yoy_change_pct AS yoy_change_pct,
       o.share_pct AS share_pct,
       o.share_of AS share_of,
       o.note_en AS note,
       o.key AS key,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
ORDER BY region, indicator, year, period, key, source
