// name: implementations-of
// zh: 哪些地区制定了落实某项政策的本地政策，何时发布、滞后几个月（按滞后排序）；同级尚未制定的地区也列出
// en: Regions that implemented a policy, with which policy, when, and how many months after it (by lag); the regions of the same level that have not (yet) are listed too
// short: 政策的落实情况 | Implementations of a policy
// topic: regions
// param: policy: str
// example: --param policy=cn-14th-fyp-digital-economy-plan
// columns: region_zh, level, title_zh, issued, lag_months, status
// limit: 60

// The policy is named by its key or its Chinese title. A date is the
// policy's `issued` or, without one, the earliest publication of a document
// that states it; the lag in months needs both dates to the month (a year
// alone gives none). A region that has several implementing policies gets
// one row each. The regions listed as not (yet) implementing are the
// policy region's direct subdivisions at a level some implementer has.
MATCH (target:Policy)
WHERE target.key = $policy OR target.title_zh = $policy
MATCH (target)-[:APPLIES_TO]->(home:Region)
OPTIONAL MATCH (target)-[:SOURCED_FROM]->(td:SourceDocument)
WITH target, home, coalesce(target.issued, toString(min(td.published))) AS target_date
CALL (target, target_date) {
  MATCH (impl:Policy)-[l:IMPLEMENTS]->(target)
  MATCH (impl)-[:APPLIES_TO]->(region:Region)
  MATCH (d:SourceDocument {id: l.doc})
  WITH impl, region, collect(l)[0] AS l, min(d.published) AS first_published
  WITH impl, region, l, coalesce(impl.issued, toString(first_published)) AS date
  RETURN region, impl, l, date,
         CASE WHEN size(date) >= 7 AND size(target_date) >= 7
              THEN (toInteger(left(date, 4)) * 12 + toInteger(substring(date, 5, 2)))
                   - (toInteger(left(target_date, 4)) * 12 + toInteger(substring(target_date, 5, 2))) END AS lag
}
WITH target, home, target_date, collect({region: region, impl: impl, l: l, date: date, lag: lag}) AS done
WITH target, home, target_date, done, [x IN done | x.region.level] AS levels, [x IN done | x.region.code] AS codes
CALL (home, levels, codes) {
  OPTIONAL MATCH (r:Region)-[:PART_OF]->(home)
  WHERE r.level IN levels AND NOT r.code IN codes
  RETURN collect(r) AS pending
}
UNWIND done + [r IN pending | {region: r}] AS row
RETURN target.key AS implements,
       target.title_zh AS implements_zh,
       target_date AS implements_date,
       row.region.code AS region,
       row.region.name_zh AS region_zh,
       row.region.name_en AS region_en,
       row.region.level AS level,
       row.impl.key AS policy,
       row.impl.title_zh AS title_zh,
       coalesce(row.impl.title_en, row.impl.title_zh) AS title_en,
       row.date AS issued,
       row.lag AS lag_months,
       CASE WHEN row.impl IS NULL THEN 'not yet' ELSE 'implemented' END AS status,
       row.l.doc AS source,
       row.l.locator AS locator,
       row.l.quote AS quote
ORDER BY row.impl IS NULL, coalesce(row.lag, 9999), issued, region
