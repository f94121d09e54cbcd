"""regions-targeting-theme reaches its rows two ways (few facts: from the themes; many: region by region).

The demo graph is small, so its runs always take the first way; here the
query is also run with the switch moved so that it takes the second, and both
must give the same rows, cut or not, with every filter.
"""

from __future__ import annotations

import dataclasses

import pytest

from policykg.queries.loader import get
from policykg.queries.runner import run_named

FEW, MANY = "WHERE stated <= 2000", "WHERE stated > 2000"


def both_ways(graph, params: dict[str, str], limit: int | None = None):
    query = get("regions-targeting-theme")
    assert query.cypher.count(FEW) == 1 and query.cypher.count(MANY) == 1
    walked = dataclasses.replace(query, cypher=query.cypher.replace(FEW, "WHERE stated < 0")
                                 .replace(MANY, "WHERE stated >= 0"))
    return run_named(graph, query, params, limit), run_named(graph, walked, params, limit)


@pytest.mark.parametrize("params", [
    {},
    {"theme": "数据治理"},
    {"theme": "数据治理", "kind": "measure"},
    {"theme": "数据治理", "region": "贵州"},
    {"theme": "数据治理", "kind": "Policy", "region": "北京"},
    {"theme": "digital-economy"},
])
def test_both_ways_give_the_same_rows(demo_graph, params):
    from_themes, by_region = both_ways(demo_graph, params, limit=0)
    assert from_themes, params  # each case has rows, so the comparison can fail
    assert list(by_region) == list(from_themes)


def test_both_ways_cut_at_the_same_row(demo_graph):
    everything, _ = both_ways(demo_graph, {"theme": "digital-economy"}, limit=0)
    assert len(everything) > 7
    from_themes, by_region = both_ways(demo_graph, {"theme": "digital-economy"}, limit=7)
    assert list(from_themes) == list(by_region) == list(everything)[:7]
    assert from_themes.truncated and by_region.truncated


def test_a_region_that_states_nothing_gives_no_rows_either_way(demo_graph):
    # every mainland province states something now; no record states a fact of Taiwan
    from_themes, by_region = both_ways(demo_graph, {"theme": "digital-economy", "region": "台湾"}, limit=0)
    assert list(from_themes) == list(by_region) == []
