// name: target-ambition
// zh: 某指标某年的全国目标与各地区目标：与全国目标之比、最新数值及完成进度
// en: The national target for an indicator and deadline beside each region's own: its ratio to the national one, the region's latest figure and its progress towards its own target
// short: 地方目标与全国目标 | Targets vs national ones
// topic: targets
// param: indicator: str
// param: deadline: int = 2025
// param: status: status = current
// example: --param indicator=cn-core-digital-industries-va-share-gdp --param deadline=2025
// columns: region_zh, goal, level_target, ratio, latest, progress_pct

// The indicator may be given by its key, its Chinese or English name or a
// catalogue alias. A region's target is the one its latest-published
// document sets (earlier ones are its revisions: target-revisions); `times_set`
// counts them. A change (比2020年提高3个百分点) becomes a level only when its
// baseline figure is stated; a worded target (超过全国平均水平) has no ratio.
MATCH (i:Indicator)
WHERE i.key = $indicator OR i.name_zh = $indicator OR $indicator IN coalesce(i.aliases_zh, [])
   OR toLower(i.name_en) = toLower($indicator)
MATCH (t:Target {deadline: $deadline})-[:TRACKS]->(i)
MATCH (t)-[:APPLIES_TO]->(region:Region)
WITH i, region, t, t AS fact, date().year AS asof
// include: policy-status-filter
MATCH (t)-[:SOURCED_FROM]->(doc:SourceDocument)
WITH i, region, t, max(doc.published) AS published
ORDER BY published DESC, t.key
WITH i, region, collect({t: t, published: published}) AS set
WITH i, region, set[0].t AS t, set[0].published AS published, size(set) AS times_set
WITH i, region, t, published, times_set,
     CASE WHEN t.change IS NULL THEN t.value
          WHEN t.change = 'increase' AND t.baseline_value IS NOT NULL THEN t.baseline_value + t.value END AS level
WITH i, collect({region: region, t: t, published: published, times_set: times_set, level: level}) AS rows
WITH i, rows, head([r IN rows WHERE r.region.level = 'country']) AS national
UNWIND rows AS row
WITH i, row, national, row.region AS region
CALL (i, region) {
  OPTIONAL MATCH (region)<-[:OBSERVED_IN]-(o:Observation)-[:OF_INDICATOR]->(i)
  WITH o ORDER BY o.year DESC, coalesce(o.period, '') =~ '[0-9]{4}-(Q.*|[0-9]{2})', o.period DESC, o.comparator IS NOT NULL,
           coalesce(COLLECT { MATCH (o)-[:SOURCED_FROM]->(d:SourceDocument) WHERE d.published IS NOT NULL
                            RETURN d.published ORDER BY d.published DESC }[0], date('0001-01-01')) DESC
  RETURN head(collect(o)) AS latest
}
WITH row, national, region, latest, row.t AS t, row.level AS level
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       region.level AS region_level,
       t.key AS target,
       t.name_zh AS target_zh,
       coalesce(t.name_en, t.name_zh) AS target_en,
       CASE WHEN t.value IS NULL THEN coalesce(t.comparator, '') + coalesce(t.value_text, '')
            WHEN t.change = 'increase' THEN '+' + toString(t.value) + coalesce(t.unit, '') + ' vs ' + toString(t.baseline_year)
            WHEN t.change = 'multiple' THEN '×' + toString(t.value)
            WHEN t.change = 'annual_growth' THEN toString(t.value) + '%/yr'
            ELSE coalesce(t.comparator, '') + toString(t.value) + coalesce(t.unit, '') END AS goal,
       t.change AS change,
       t.binding AS binding,
       level AS level_target,
       national.t.key AS national_target,
       national.level AS national_level,
       CASE WHEN level IS NOT NULL AND national.level IS NOT NULL AND national.level <> 0
            THEN round(level / national.level, 2) END AS ratio,
       latest.value AS latest,
       latest.year AS latest_year,
       CASE WHEN level IS NOT NULL AND level <> 0 AND latest.value IS NOT NULL AND latest.unit = t.unit
            THEN round(100.0 * latest.value / level, 1) END AS progress_pct,
       row.times_set AS times_set,
       row.published AS set_on
ORDER BY region_level <> 'country', ratio IS NULL, ratio DESC, region
