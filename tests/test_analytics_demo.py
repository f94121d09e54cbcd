"""The networkx analyses on the demo corpus (13 reviewed records), answers worked out by hand from the records."""

from __future__ import annotations

from policykg.graph.export import to_networkx
from policykg.queries import analytics


def test_diffusion_of_cross_border_data_flows(demo_graph):
    rows = {r["theme"]: r for r in analytics.diffusion(to_networkx(demo_graph))}
    row = rows["cross-border-data-flows"]
    # Beijing's benchmark-city plan, issued 2021-07 (seed ¶4), is the first; Shanghai's international data port
    # is dated by its document (2021-10-24); Guizhou's data channel and the national monitoring measure by the
    # seed article (2021-11-09). Same date: codes in order.
    assert (row["first_region"], row["first_date"], row["basis"]) == ("110000", "2021-07", "issued")
    assert row["followers"] == ["310000 Shanghai 2021", "520000 Guizhou 2021", "CN China 2021"]
    assert (row["regions"], row["years_to_last"]) == (4, 0)
