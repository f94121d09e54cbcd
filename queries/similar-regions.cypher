// name: similar-regions
// zh: 政策组合最相似的地区对（按所涉主题的 Jaccard 相似度，至少共有 min_shared 个主题）
// en: Pairs of regions with the most similar policy portfolios (Jaccard similarity of the themes they address), sharing at least min_shared themes
// short: 主题相近的地区 | Regions alike in themes
// topic: regions
// param: limit: int = 10
// param: min_shared: int = 3
// example: --param limit=5
// columns: region_a_en, region_b_en, jaccard, shared_count, shared_themes

// A pair must share at least $min_shared themes (default 3): Jaccard over
// tiny portfolios is 1.0 by accident. The US and the EU, each named once as
// "strengthening digital technology", share one theme; Tianjin and Xiong'an,
// whose facts here are all on the digital economy and pilot zones, share two.
// Neither says much about their policies.
// A region's portfolio: the themes its policies, measures, targets and
// projects address (the region's own facts, not those of regions within it),
// read from the summary ingest keeps: COVERS with own > 0 (ingest/summary.py).
// Regions with the same portfolio are compared once, as a group (in a large
// corpus most regions address every theme, and comparing 70,000 pairs of
// regions one by one takes a second). Only a group's first $limit + 1 regions
// by code can be in the answer: a later one's pairs rank below $limit pairs of
// the same similarity with earlier members of its group.
MATCH (region:Region)-[c:COVERS]->(theme:Theme)
WHERE c.own > 0
WITH region, theme.id AS theme
ORDER BY theme
WITH region, collect(theme) AS themes
ORDER BY region.code
WITH themes, collect(region)[..$limit + 1] AS members
WITH collect({themes: themes, members: members}) AS groups
UNWIND range(0, size(groups) - 1) AS i
UNWIND range(i, size(groups) - 1) AS j
WITH groups[i] AS g, groups[j] AS h, i = j AS same
WITH g, h, same, [t IN g.themes WHERE t IN h.themes] AS shared
WHERE size(shared) >= $min_shared AND size(shared) > 0
WITH g, h, same, shared, size(g.themes) + size(h.themes) - size(shared) AS union
UNWIND g.members AS x
UNWIND h.members AS y
WITH x, y, shared, union
WHERE x.code < y.code OR NOT same
WITH CASE WHEN x.code < y.code THEN x ELSE y END AS a, CASE WHEN x.code < y.code THEN y ELSE x END AS b,
     shared, union
RETURN a.code AS region_a,
       a.name_en AS region_a_en,
       b.code AS region_b,
       b.name_en AS region_b_en,
       round(toFloat(size(shared)) / union, 3) AS jaccard,
       size(shared) AS shared_count,
       union AS union_count,
       shared AS shared_themes
ORDER BY jaccard DESC, shared_count DESC, region_a, region_b
LIMIT toInteger($limit)
