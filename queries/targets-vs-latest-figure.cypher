// name: targets-vs-latest-figure
// zh: 各项目标与同一地区同一指标最近一期实际数值的对照（完成百分比，同一单位）
// en: Targets set against the latest reported figure of the same indicator in the same region, with the per cent of the target reached (in one unit)
// short: 目标与最新数值 | Targets vs latest figure
// topic: targets
// param: deadline: int = 0
// param: status: status = current
// example: --param deadline=2025
// columns: region_zh, target_zh, goal, deadline, latest, status

// deadline 0 lists targets of every deadline; a year lists those due that year.
// The rows are ordered and cut ($__row_limit, placed by this query) before
// the latest figures are looked up, so the work grows with the rows asked
// for, not with the corpus: regions are walked in code order (the index
// gives it), each one's targets sorted, until enough rows; targets that
// apply to no region (they sort last) are looked for only when rows remain.
CALL () {
  MATCH (region:Region)
  WHERE region.code IS NOT NULL
  WITH region
  ORDER BY region.code
  CALL (region) {
    MATCH (region)<-[:APPLIES_TO]-(t:Target)-[:TRACKS]->(i:Indicator)
    WHERE $deadline = 0 OR t.deadline = $deadline
    WITH t, i, t AS fact, date().year AS asof
    // include: policy-status-filter
    MATCH (t)-[ts:SOURCED_FROM]->(tdoc:SourceDocument)
    RETURN t, i, ts, tdoc
    ORDER BY t.deadline, t.key, tdoc.id
  }
  WITH t, i, ts, tdoc, region
  LIMIT toInteger($__row_limit)
  RETURN collect({t: t, i: i, ts: ts, tdoc: tdoc, region: region}) AS placed
}
CALL (placed) {
  UNWIND CASE WHEN size(placed) < $__row_limit THEN [true] ELSE [] END AS wanted
  MATCH (t:Target)-[:TRACKS]->(i:Indicator)
  WHERE ($deadline = 0 OR t.deadline = $deadline) AND NOT EXISTS { (t)-[:APPLIES_TO]->(:Region) }
  WITH t, i, t AS fact, date().year AS asof
  // include: policy-status-filter
  MATCH (t)-[ts:SOURCED_FROM]->(tdoc:SourceDocument)
  WITH t, i, ts, tdoc
  ORDER BY t.deadline, t.key, tdoc.id
  LIMIT toInteger($__row_limit)
  RETURN collect({t: t, i: i, ts: ts, tdoc: tdoc, region: null}) AS unplaced
}
UNWIND placed + unplaced AS row
WITH row.t AS t, row.i AS i, row.ts AS ts, row.tdoc AS tdoc, row.region AS region
// The latest figure of the target's own region (a region within it reports
// its own quantity, not the region's) that has a value: a figure that only
// states a change cannot be set against a target. Without one, the latest change.
// A whole year's figure outranks a quarter's or a month's of the same year; then an
// exact figure outranks a bound (突破200亿元), a later source an earlier one (an undated
// source counts as the oldest).
OPTIONAL MATCH (region)<-[:OBSERVED_IN]-(o:Observation)-[:OF_INDICATOR]->(i)
WITH t, i, ts, tdoc, region, o
ORDER BY o.value IS NULL, o.year DESC, coalesce(o.period, '') =~ '[0-9]{4}-(Q.*|[0-9]{2})', o.period DESC, o.comparator IS NOT NULL,
         coalesce(COLLECT { MATCH (o)-[:SOURCED_FROM]->(d:SourceDocument) WHERE d.published IS NOT NULL
                          RETURN d.published ORDER BY d.published DESC }[0], date('0001-01-01')) DESC, o.key
WITH t, i, ts, tdoc, region, collect(o)[0] AS latest
OPTIONAL MATCH (latest)-[os:SOURCED_FROM]->(odoc:SourceDocument)
WITH t, i, ts, tdoc, region, latest, os, odoc
ORDER BY odoc.published DESC
WITH t, i, ts, tdoc, region, latest, collect({doc: odoc, locator: os.locator})[0] AS figure_source
// Target and figure in one base unit, so that levels, counts and shares compare alike: a Chinese
// multiplier (万亿, 亿, 万, 千) before 元 or a count word is multiplied out, and the count words
// (个 家 项 件 …) all count items. Any other unit (%, EB, EFLOPS, 位 …) is its own base.
WITH t, i, ts, tdoc, region, latest, figure_source,
     [x IN [t, latest] | CASE WHEN x.value IS NULL OR x.unit IS NULL THEN null ELSE head(
        [p IN [['万亿', 1.0e12], ['亿', 1.0e8], ['万', 1.0e4], ['千', 1.0e3], ['', 1.0]]
         WHERE x.unit STARTS WITH p[0]
           AND (p[0] = '' OR substring(x.unit, size(p[0])) IN ['', '元', '美元', '人', '吨', 'G', '个', '家', '项', '件',
                                                               '座', '台', '架', '条', '部', '所', '户', '套', '辆'])
         | [x.value * p[1],
            CASE WHEN substring(x.unit, size(p[0])) IN ['个', '家', '项', '件', '座', '台', '架', '条', '部', '所', '户',
                                                          '套', '辆'] THEN '个'
                 ELSE substring(x.unit, size(p[0])) END]]) END] AS base
// The status says why a cell is empty: no figure for the region yet, or one from before the target was
// set (it cannot show progress), or one in another unit; else how far the figure has come.
WITH t, i, ts, tdoc, region, latest, figure_source,
     CASE WHEN base[0] IS NOT NULL AND base[1] IS NOT NULL AND base[0][0] <> 0 AND base[0][1] = base[1][1]
          THEN round(100.0 * base[1][0] / base[0][0], 1) END AS pct
RETURN t.key AS target,
       t.name_zh AS target_zh,
       coalesce(t.name_en, t.name_zh) AS target_en,
       region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
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
       pct AS pct_of_target,
       CASE WHEN latest IS NULL THEN 'no figure yet'
            WHEN latest.year < tdoc.published.year THEN 'figure older than target'
            WHEN pct IS NULL THEN 'not comparable'
            WHEN pct >= 100 THEN 'reached'
            ELSE CASE WHEN pct = toInteger(pct) THEN toString(toInteger(pct)) ELSE toString(pct) END + '% of target'
       END AS status,
       tdoc.id AS source,
       coalesce(tdoc.title_zh, tdoc.title_en) AS source_title,
       tdoc.published AS published,
       ts.locator AS locator,
       figure_source.doc.id AS figure_source,
       coalesce(figure_source.doc.title_zh, figure_source.doc.title_en) AS figure_source_title,
       figure_source.locator AS figure_locator
ORDER BY region, deadline, target, source
LIMIT toInteger($__row_limit)
