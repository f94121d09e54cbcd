// name: region-profile
// zh: 某地区（含下辖地区和园区）的概况：政策、目标、数据、项目和措施，按时间由近及远，附出处
// en: A region's profile: its policies, targets, figures, projects and measures (and those of the regions within it), newest first, with sources
// short: 一个地区的全部事实 | One region's facts
// topic: regions
// param: region: region
// param: status: status = current
// example: --param region=湖北
// columns: year, label, name_zh, detail, cited

// `year` is when the fact dates from: a policy's issue year (without one, the
// first year it covers: a plan cited by a later text is not of that text's year), a figure's year,
// a project's year; a target or a measure dates from the document that
// states it (a target's deadline is in `detail`). Newest first; within a
// year, newest source first.
// The rows are sorted and cut ($__row_limit, placed by this query) on the
// sort keys alone; names and details are read for the kept rows only.
MATCH (top:Region {code: $region})<-[:PART_OF*0..]-(region:Region)
WITH DISTINCT region
MATCH (region)<-[r:APPLIES_TO|OBSERVED_IN|LOCATED_IN]-(fact)
WITH region, fact, type(r) AS via, labels(fact)[0] AS label
WHERE CASE via WHEN 'APPLIES_TO' THEN label IN ['Policy', 'Target', 'Measure']
               WHEN 'OBSERVED_IN' THEN label = 'Observation'
               ELSE label = 'Project' END
WITH region, fact, label,
     CASE label WHEN 'Policy' THEN coalesce(toInteger(left(fact.issued, 4)), fact.period_start)
                WHEN 'Observation' THEN fact.year
                WHEN 'Project' THEN fact.year END AS own_year, date().year AS asof
MATCH (fact)-[s:SOURCED_FROM]->(doc:SourceDocument)
WITH region, fact, label, s, doc, asof, coalesce(own_year, doc.published.year) AS year
ORDER BY year DESC, doc.published DESC, label, fact.key, doc.id
// the status rule runs on the sorted rows, so the cut below stops it after the rows it keeps
// include: policy-status-filter
WITH region, fact, label, s, doc, year
LIMIT toInteger($__row_limit)
RETURN year,
       label,
       region.code AS region,
       region.name_en AS region_en,
       fact.key AS key,
       CASE label WHEN 'Policy' THEN fact.title_zh ELSE fact.name_zh END AS name_zh,
       CASE label WHEN 'Policy' THEN coalesce(fact.title_en, fact.title_zh) ELSE coalesce(fact.name_en, fact.name_zh) END AS name_en,
       CASE label
         WHEN 'Policy' THEN fact.kind
         WHEN 'Target' THEN trim(coalesce(fact.comparator + ' ', '')
                                 + coalesce(CASE WHEN fact.value = toInteger(fact.value) THEN toString(toInteger(fact.value)) ELSE toString(fact.value) END + ' ' + coalesce(fact.unit, ''), fact.value_text, '')
                                 + coalesce(' by ' + toString(fact.deadline), ''))
         WHEN 'Observation' THEN trim(coalesce(fact.comparator + ' ', '')
                                      + coalesce(CASE WHEN fact.value = toInteger(fact.value) THEN toString(toInteger(fact.value)) ELSE toString(fact.value) END + ' ' + coalesce(fact.unit, ''), fact.value_text, '')
                                      + coalesce(' (' + toString(fact.yoy_change_pct) + '% y/y)', ''))
         WHEN 'Project' THEN fact.kind
         WHEN 'Measure' THEN fact.status
       END AS detail,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
