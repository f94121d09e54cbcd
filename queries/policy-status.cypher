// name: policy-status
// zh: 某地区及其下辖地区的政策状态：有效、已到期或已被取代（被哪项政策取代、何时）
// en: Policies of a region and the regions within it with their status: in force, expired, or superseded (by which policy, and when)
// short: 政策状态 | Policy status
// topic: regions
// param: region: region
// param: year: int = 0
// example: --param region=辽宁 --param year=2024
// columns: region_zh, title_zh, period_end, status_zh, successor_zh, superseded_on

// Status as of `year` (0: this year). A policy is superseded once a policy
// that SUPERSEDES it was issued (or, without an issue date, once the stating
// document was published) no later than that year; otherwise expired after
// its period ends; otherwise in force (also when it states no period).
MATCH (top:Region {code: $region})<-[:PART_OF*0..]-(region:Region)<-[:APPLIES_TO]-(p:Policy)
WITH region, p, CASE WHEN $year = 0 THEN date().year ELSE $year END AS asof
OPTIONAL MATCH (p)<-[l:SUPERSEDES]-(next:Policy)
OPTIONAL MATCH (d:SourceDocument {id: l.doc})
WITH region, p, asof, next, l, coalesce(next.issued, toString(d.published)) AS since
ORDER BY since
WITH region, p, asof,
     [x IN collect(CASE WHEN next IS NOT NULL THEN {next: next, since: since, link: l} END)
      WHERE toInteger(left(x.since, 4)) <= asof] AS successors
WITH region, p, asof, successors[0] AS sup,
     CASE WHEN size(successors) > 0 THEN 'superseded'
          WHEN p.period_end IS NOT NULL AND p.period_end < asof THEN 'expired'
          WHEN coalesce(p.period_start, toInteger(left(p.issued, 4))) > asof THEN 'not yet in force'
          ELSE 'in force' END AS status
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       p.key AS key,
       p.title_zh AS title_zh,
       coalesce(p.title_en, p.title_zh) AS title_en,
       p.kind AS kind,
       p.issued AS issued,
       p.period_start AS period_start,
       p.period_end AS period_end,
       status,
       CASE status WHEN 'superseded' THEN '已被取代' WHEN 'expired' THEN '已到期' WHEN 'not yet in force' THEN '尚未生效'
            ELSE '有效' END AS status_zh,
       asof AS as_of,
       sup.next.key AS successor,
       sup.next.title_zh AS successor_zh,
       coalesce(sup.next.title_en, sup.next.title_zh) AS successor_en,
       sup.since AS superseded_on,
       sup.link.doc AS superseded_source,
       sup.link.locator AS superseded_locator,
       sup.link.quote AS superseded_quote
ORDER BY region, coalesce(p.issued, toString(p.period_start), ''), key
