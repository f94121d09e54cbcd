// name: policy-status
// zh: 某地区及其下辖地区的政策状态：有效、已到期或已被取代（被哪项政策取代、何时）
// en: Policies of a region and the regions within it with their status: in force, expired, or superseded (by which policy, and when)
// short: 政策状态 | Policy status
// topic: regions
// param: region: region
// param: year: int = 0
// param: status: status = any
// example: --param region=辽宁 --param year=2024
// columns: region_zh, title_zh, period_end, status_zh, successor_zh, superseded_on

// Status as of `year` (0: this year), by the rule every question that counts
// policies applies (queries/fragments/policy-status-filter.cypher): a policy is
// superseded once a policy that SUPERSEDES it was issued (or, without an issue
// date, once the stating document was published) no later than that year;
// otherwise expired after its period ends; otherwise not yet in force before
// its period starts (or the year it was issued); otherwise in force (also when
// it states no period). `status` narrows the list as it narrows every answer:
// current (in force, or expired with no successor yet), in-force, or any.
MATCH (top:Region {code: $region})<-[:PART_OF*0..]-(region:Region)<-[:APPLIES_TO]-(fact:Policy)
WITH region, fact, CASE WHEN $year = 0 THEN date().year ELSE $year END AS asof
// include: policy-status-filter
WITH region, fact AS p, asof, sup, policy_status AS status
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
