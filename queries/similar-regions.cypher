// name: similar-regions
// zh: 政策组合最相似的地区对（按所涉主题的 Jaccard 相似度，至少共有 min_shared 个主题）
// en: Pairs of regions with the most similar policy portfolios (Jaccard similarity of the themes they address), sharing at least min_shared themes
// param: limit: int = 10
// param: min_shared: int = 3
// example: --param limit=5
// columns: region_a_en, region_b_en, jaccard, shared_count, shared_themes

// A pair must share at least $min_shared themes (default 3): Jaccard over
// tiny portfolios is 1.0 by accident. The US and the EU, each named once as
// "strengthening digital technology", share one theme; Fujian and Xiong'an,
// named once in the same list of pilot zones, share two. Neither says
// anything about their policies.
// A region's portfolio: the themes its policies, measures, targets and
// projects address (the region's own facts, not those of regions within it).
MATCH (region:Region)<-[:APPLIES_TO|LOCATED_IN]-(fact)-[:ADDRESSES]->(theme:Theme)
WHERE fact:Policy OR fact:Measure OR fact:Target OR fact:Project
WITH DISTINCT region, theme.id AS theme
ORDER BY theme
WITH region, collect(theme) AS themes
WITH collect({region: region, themes: themes}) AS portfolios
UNWIND portfolios AS a
UNWIND portfolios AS b
WITH a, b
WHERE a.region.code < b.region.code
WITH a, b, [t IN a.themes WHERE t IN b.themes] AS shared
WHERE size(shared) >= $min_shared AND size(shared) > 0
WITH a, b, shared, size(a.themes) + size(b.themes) - size(shared) AS union
RETURN a.region.code AS region_a,
       a.region.name_en AS region_a_en,
       b.region.code AS region_b,
       b.region.name_en AS region_b_en,
       round(toFloat(size(shared)) / union, 3) AS jaccard,
       size(shared) AS shared_count,
       union AS union_count,
       shared AS shared_themes
ORDER BY jaccard DESC, shared_count DESC, region_a, region_b
LIMIT $limit
