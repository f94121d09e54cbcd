// name: target-revisions
// zh: 某地区某指标的目标沿革：每个目标年份先后由哪些文件设定、何时、如何变化
// en: A region's targets for one indicator as they were set and set again: for each deadline, every value, by which document, when, and the change from the one before
// short: 目标的修订 | Target revisions
// topic: targets
// param: region: region
// param: indicator: str
// example: --param region=江苏 --param indicator=cn-core-digital-industries-va-share-gdp
// columns: deadline, revision, goal, published, cited, change

// Each document's statement of a target counts (its values are on its
// SOURCED_FROM), so a target restated by a later document is a revision that
// changed nothing. A chain is one deadline, in publication order.
MATCH (i:Indicator)
WHERE i.key = $indicator OR i.name_zh = $indicator OR $indicator IN coalesce(i.aliases_zh, [])
   OR toLower(i.name_en) = toLower($indicator)
MATCH (region:Region {code: $region})<-[:APPLIES_TO]-(t:Target)-[:TRACKS]->(i)
MATCH (t)-[s:SOURCED_FROM]->(doc:SourceDocument)
OPTIONAL MATCH (p:Policy)-[:SETS]->(t)
WITH region, t, s, doc, p ORDER BY t.deadline, doc.published, doc.id
WITH region, t.deadline AS deadline, collect({t: t, s: s, doc: doc, p: p}) AS chain
UNWIND range(0, size(chain) - 1) AS n
WITH region, deadline, n, chain[n] AS cur, CASE WHEN n > 0 THEN chain[n - 1] END AS prev
WITH region, deadline, n, cur, prev,
     CASE WHEN cur.s.value IS NULL THEN coalesce(cur.s.comparator, '') + coalesce(cur.s.value_text, '')
          ELSE coalesce(cur.s.comparator, '') + toString(cur.s.value) + coalesce(cur.s.unit, '') END AS goal
RETURN region.code AS region,
       region.name_zh AS region_zh,
       deadline,
       n + 1 AS revision,
       cur.t.key AS target,
       cur.t.name_zh AS target_zh,
       coalesce(cur.t.name_en, cur.t.name_zh) AS target_en,
       goal,
       cur.s.value AS value,
       cur.s.unit AS unit,
       cur.s.change AS kind_of_change,
       cur.p.key AS policy,
       cur.p.title_zh AS policy_zh,
       cur.doc.id AS source,
       coalesce(cur.doc.title_zh, cur.doc.title_en) AS source_title,
       cur.doc.published AS published,
       cur.s.locator AS locator,
       cur.s.quote AS quote,
       CASE WHEN prev IS NULL THEN 'first'
            WHEN cur.s.value IS NULL AND prev.s.value IS NULL
              THEN CASE WHEN coalesce(cur.s.value_text, '') = coalesce(prev.s.value_text, '') THEN 'restated'
                        ELSE 'reworded' END
            WHEN cur.s.value IS NULL OR prev.s.value IS NULL OR coalesce(cur.s.unit, '') <> coalesce(prev.s.unit, '')
                 OR coalesce(cur.s.change, '') <> coalesce(prev.s.change, '') THEN 'reworded'
            WHEN cur.s.value > prev.s.value THEN 'raised'
            WHEN cur.s.value < prev.s.value THEN 'lowered'
            ELSE 'restated' END AS change,
       CASE WHEN prev IS NOT NULL AND cur.s.unit = prev.s.unit THEN cur.s.value - prev.s.value END AS delta
ORDER BY deadline, revision
