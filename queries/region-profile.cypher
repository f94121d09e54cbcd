// name: region-profile
// zh: 某地区（含下辖地区和园区）的概况：政策、目标、数据、项目和措施，按时间由近及远，附出处
// en: A region's profile: its policies, targets, figures, projects and measures (and those of the regions within it), newest first, with sources
// param: region: region
// example: --param region=湖北
// columns: year, label, name_zh, detail

// `year` is when the fact dates from: a policy's issue year, a figure's year,
// a project's year; a target or a measure dates from the document that
// states it (a target's deadline is in `detail`). Newest first; within a
// year, newest source first.
MATCH (top:Region {code: $region})<-[:PART_OF*0..]-(region:Region)
CALL (region) {
  MATCH (region)<-[:APPLIES_TO]-(p:Policy)
  RETURN p AS fact, 'Policy' AS label, p.title_zh AS name_zh, p.title_en AS name_en,
         toInteger(left(p.issued, 4)) AS year, p.kind AS detail
  UNION
  MATCH (region)<-[:APPLIES_TO]-(t:Target)
  RETURN t AS fact, 'Target' AS label, t.name_zh AS name_zh, t.name_en AS name_en, null AS year,
         trim(coalesce(t.comparator + ' ', '') + coalesce(toString(t.value) + ' ' + coalesce(t.unit, ''), t.value_text, '')
              + coalesce(' by ' + toString(t.deadline), '')) AS detail
  UNION
  MATCH (region)<-[:OBSERVED_IN]-(o:Observation)
  RETURN o AS fact, 'Observation' AS label, o.name_zh AS name_zh, o.name_en AS name_en, o.year AS year,
         trim(coalesce(o.comparator + ' ', '') + coalesce(toString(o.value) + ' ' + coalesce(o.unit, ''), o.value_text, '')
              + coalesce(' (' + toString(o.yoy_change_pct) + '% y/y)', '')) AS detail
  UNION
  MATCH (region)<-[:LOCATED_IN]-(j:Project)
  RETURN j AS fact, 'Project' AS label, j.name_zh AS name_zh, j.name_en AS name_en, j.year AS year, j.kind AS detail
  UNION
  MATCH (region)<-[:APPLIES_TO]-(m:Measure)
  RETURN m AS fact, 'Measure' AS label, m.name_zh AS name_zh, m.name_en AS name_en, null AS year, m.status AS detail
}
MATCH (fact)-[s:SOURCED_FROM]->(doc:SourceDocument)
WITH region, fact, label, name_zh, name_en, detail, s, doc, coalesce(year, doc.published.year) AS year
RETURN year,
       label,
       region.code AS region,
       region.name_en AS region_en,
       fact.key AS key,
       name_zh,
       name_en,
       detail,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
ORDER BY year DESC, published DESC, label, key, source
