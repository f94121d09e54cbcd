// name: region-policies
// zh: 某地区及其下辖地区（含园区）的全部政策
// en: All policies of a region, including those of the regions and zones within it
// param: region: region
// example: --param region=广东

MATCH (top:Region {code: $region})<-[:PART_OF*0..]-(region:Region)<-[:APPLIES_TO]-(p:Policy)
MATCH (p)-[s:SOURCED_FROM]->(doc:SourceDocument)
OPTIONAL MATCH (p)-[:ISSUED_BY]->(org:Organization)
RETURN region.code AS region,
       region.name_zh AS region_zh,
       region.name_en AS region_en,
       p.key AS key,
       p.title_zh AS title_zh,
       p.title_en AS title_en,
       p.kind AS kind,
       p.issued AS issued,
       p.period_start AS period_start,
       p.period_end AS period_end,
       org.name_en AS issued_by,
       doc.id AS source,
       coalesce(doc.title_zh, doc.title_en) AS source_title,
       doc.published AS published,
       s.locator AS locator
ORDER BY region, issued, key, source
