// name: targets-vs-latest-figure
// zh: 各项目标与同一地区同一指标最近一期实际数值的对照（完成百分比，同一单位）
// en: Targets set against the latest reported figure of the same indicator in the same region, with the per cent of the target reached (in one unit)
// param: deadline: int = 0
// example: --param deadline=2025

// deadline 0 lists targets of every deadline; a year lists those due that year.
MATCH (t:Target)-[:TRACKS]->(i:Indicator)
WHERE $deadline = 0 OR t.deadline = $deadline
MATCH (t)-[ts:SOURCED_FROM]->(tdoc:SourceDocument)
OPTIONAL MATCH (t)-[:APPLIES_TO]->(region:Region)
// The latest figure of the target's own region (a region within it reports
// its own quantity, not the region's): highest year first, and within it a
// figure with a value before one with only a change.
OPTIONAL MATCH (region)<-[:OBSERVED_IN]-(o:Observation)-[:OF_INDICATOR]->(i)
WITH t, i, ts, tdoc, region, o
ORDER BY o.year DESC, o.value IS NULL, o.period DESC, o.key
WITH t, i, ts, tdoc, region, collect(o)[0] AS latest
OPTIONAL MATCH (latest)-[os:SOURCED_FROM]->(odoc:SourceDocument)
WITH t, i, ts, tdoc, region, latest, os, odoc
ORDER BY odoc.published DESC
WITH t, i, ts, tdoc, region, latest, collect({doc: odoc, locator: os.locator})[0] AS figure_source
RETURN t.key AS target,
       t.name_en AS target_en,
       region.code AS region,
       i.key AS indicator,
       i.kind AS indicator_kind,
       t.comparator AS comparator,
       t.value AS target_value,
       t.unit AS target_unit,
       t.value_text AS target_text,
       t.deadline AS deadline,
       latest.value AS latest_value,
       latest.unit AS latest_unit,
       latest.period AS latest_period,
       latest.year AS latest_year,
       // Levels, counts and shares alike, compared in one base unit (亿元 and 万亿元, 家 and 个).
       CASE WHEN t.value_base IS NOT NULL AND t.value_base <> 0 AND latest.value_base IS NOT NULL
                 AND t.unit_base = latest.unit_base
            THEN round(100.0 * latest.value_base / t.value_base, 1) END AS pct_of_target,
       tdoc.id AS source,
       coalesce(tdoc.title_zh, tdoc.title_en) AS source_title,
       tdoc.published AS published,
       ts.locator AS locator,
       figure_source.doc.id AS figure_source,
       figure_source.locator AS figure_locator
ORDER BY region, deadline, target, source
