// name: targets-vs-latest-figure
// zh: 各项目标与同一指标最近一期实际数值的对照（同一地区或其下辖地区）
// en: Targets set against the latest reported figure of the indicator they track, in the same region or a region within it
// example:
// columns: region, target_en, target_value, deadline, latest_value, pct_of_target

MATCH (t:Target)-[:TRACKS]->(i:Indicator)
MATCH (t)-[ts:SOURCED_FROM]->(tdoc:SourceDocument)
OPTIONAL MATCH (t)-[:APPLIES_TO]->(region:Region)
// The latest figure: highest year first; the target's own region before a
// region within it; a figure with a level before one with only a change.
OPTIONAL MATCH hops = (region)<-[:PART_OF*0..]-(:Region)<-[:OBSERVED_IN]-(o:Observation)-[:OF_INDICATOR]->(i)
WITH t, i, ts, tdoc, region, o, length(hops) AS distance
ORDER BY o.year DESC, o.value IS NULL, distance, o.period DESC, o.key
WITH t, i, ts, tdoc, region, collect(o)[0] AS latest
OPTIONAL MATCH (latest)-[:OBSERVED_IN]->(observed_in:Region)
OPTIONAL MATCH (latest)-[os:SOURCED_FROM]->(odoc:SourceDocument)
WITH t, i, ts, tdoc, region, latest, observed_in, collect({doc: odoc, locator: os.locator})[0] AS figure_source
RETURN t.key AS target,
       t.name_en AS target_en,
       region.code AS region,
       t.comparator AS comparator,
       t.value AS target_value,
       t.unit AS target_unit,
       t.deadline AS deadline,
       i.key AS indicator,
       latest.value AS latest_value,
       latest.unit AS latest_unit,
       latest.period AS latest_period,
       latest.year AS latest_year,
       observed_in.code AS observed_in,
       CASE WHEN t.value IS NOT NULL AND t.value <> 0 AND latest.value IS NOT NULL AND t.unit = latest.unit
            THEN round(100.0 * latest.value / t.value, 1) END AS pct_of_target,
       tdoc.id AS source,
       coalesce(tdoc.title_zh, tdoc.title_en) AS source_title,
       tdoc.published AS published,
       ts.locator AS locator,
       figure_source.doc.id AS figure_source,
       figure_source.locator AS figure_locator
ORDER BY region, deadline, target, source
