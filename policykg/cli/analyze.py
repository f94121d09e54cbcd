"""`policykg analyze …`: networkx analyses of the graph, as tables and, with --plot, pictures.

The commands parse, connect and render; the analyses are in
``queries.analytics`` and the pictures in ``queries.plots``. networkx and
matplotlib are imported only when a command runs, so the CLI starts fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from policykg.cli.context import graph_of
from policykg.cli.render import Format, render

analyze_app = typer.Typer(help="Network analyses of the graph (networkx): similarity, centrality, communities, "
                               "diffusion, and pictures.", no_args_is_help=True)

FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
PlotOption = Annotated[Path | None, typer.Option("--plot", help="Also draw the answer to FILE.png or FILE.svg.")]
OverlapOption = Annotated[int, typer.Option("--min-overlap", help="Themes or indicators a pair must share.")]


def _checked_plot(plot: Path | None) -> Path | None:
    """Refuse a bad picture path, or a machine without a CJK font, before connecting."""
    if plot is None:
        return None
    from policykg.queries.plots import check_path, cjk_font

    cjk_font()
    return check_path(plot)


def _exported(ctx: typer.Context):  # noqa: ANN202 - networkx.MultiDiGraph
    from policykg.graph.export import to_networkx

    with graph_of(ctx) as graph:
        return to_networkx(graph)


def _emit(rows: list[dict[str, Any]], fmt: Format, title: str, plot: Path | None,
          draw: Callable[[Path], Path] | None = None) -> None:
    text = render(rows, fmt, title=title)
    if text is not None:
        typer.echo(text)
    elif not rows:
        typer.echo("(no rows)", err=True)
    if plot is not None and draw is not None:
        typer.echo(f"picture → {draw(plot)}", err=True)


@analyze_app.callback()
def _allow_numpy() -> None:
    # networkx's PageRank (scipy) and matplotlib need numpy, which the command otherwise keeps from the driver
    from policykg.cli import dataframes

    dataframes.allow()


@analyze_app.command("similarity")
def similarity(
    ctx: typer.Context,
    min_overlap: OverlapOption = 2,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="At most this many pairs.")] = None,
    fmt: FormatOption = Format.table,
    plot: PlotOption = None,
) -> None:
    """Pairs of regions by shared themes, indicators with targets and measures (Jaccard), most similar first."""
    from policykg.queries import analytics, plots

    plot = _checked_plot(plot)
    rows = analytics.similarity(_exported(ctx), min_overlap, limit)

    def draw(path: Path) -> Path:
        cells = rows + [{**r, "region_a": r["region_b"], "region_a_zh": r["region_b_zh"],
                         "region_b": r["region_a"], "region_b_zh": r["region_a_zh"]} for r in rows]
        return plots.heatmap(cells, path, "region_a", "region_b", "similarity", "region_a_zh", "region_b_zh",
                             "地区相似度 Region similarity")

    _emit(rows, fmt, "Region similarity", plot, draw)


@analyze_app.command("centrality")
def centrality(ctx: typer.Context, fmt: FormatOption = Format.table, plot: PlotOption = None) -> None:
    """Themes by centrality in the region–theme graph: regions, facts, degree centrality, PageRank."""
    from policykg.queries import analytics, plots

    plot = _checked_plot(plot)
    rows = analytics.centrality(_exported(ctx))
    _emit(rows, fmt, "Theme centrality", plot,
          lambda path: plots.ranking([{**r, "name": r["theme_zh"] or r["theme"]} for r in rows], path, "name",
                                     "pagerank", "主题中心度 Theme centrality (PageRank)"))


@analyze_app.command("communities")
def communities(
    ctx: typer.Context,
    min_overlap: OverlapOption = 2,
    seed: Annotated[int, typer.Option("--seed", help="Louvain's random seed (fixed: the same answer every run).")] = 42,
    fmt: FormatOption = Format.table,
    plot: PlotOption = None,
) -> None:
    """Communities of regions (Louvain) by what their policies address."""
    from policykg.queries import analytics, plots

    plot = _checked_plot(plot)
    g = _exported(ctx)
    rows = analytics.communities(g, min_overlap, seed)

    def draw(path: Path) -> Path:
        labels = {code: name for r in rows for code, name in zip(r["regions"], r["regions_zh"])}
        return plots.network(analytics.similarity_graph(g, min_overlap), rows, labels, path,
                             "地区社群 Communities of regions")

    _emit(rows, fmt, "Communities of regions", plot, draw)


@analyze_app.command("diffusion")
def diffusion(ctx: typer.Context, fmt: FormatOption = Format.table, plot: PlotOption = None) -> None:
    """For each theme: the region that addressed it first, the year, and who followed."""
    from policykg.queries import analytics, plots

    plot = _checked_plot(plot)
    g = _exported(ctx)
    rows = analytics.diffusion(g)
    _emit(rows, fmt, "Diffusion of themes", plot,
          lambda path: plots.timeline(rows, path, "主题扩散 Diffusion of themes", analytics.region_names(g)))


@analyze_app.command("matrix")
def matrix(ctx: typer.Context, fmt: FormatOption = Format.table, plot: PlotOption = None) -> None:
    """Region × theme: how many of each region's facts address each theme (heatmap with --plot)."""
    from policykg.queries import analytics, plots

    plot = _checked_plot(plot)
    rows = analytics.region_theme_matrix(_exported(ctx))
    _emit(rows, fmt, "Region × theme", plot,
          lambda path: plots.heatmap(rows, path, "region", "theme", "facts", "region_zh", "theme_zh",
                                     "地区 × 主题 Region × theme (facts)"))


@analyze_app.command("indicator")
def indicator(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Indicator key or name, e.g. cn-core-digital-industries-va.")],
    fmt: FormatOption = Format.table,
    plot: PlotOption = None,
) -> None:
    """One indicator compared across regions, each by its latest figure (bars with year and source)."""
    from policykg.queries import plots
    from policykg.queries.runner import run_query

    plot = _checked_plot(plot)
    with graph_of(ctx) as graph:
        rows = run_query(graph, "regions-compared-on-indicator", {"indicator": name})
    if not rows and plot is not None:
        from policykg.errors import UnknownName

        raise UnknownName(f"no region reports indicator {name!r}; see `policykg search {name}`")
    _emit(rows, fmt, f"Regions compared on {name}", plot, lambda path: plots.bars(rows, path, name))


@analyze_app.command("targets")
def targets(ctx: typer.Context, fmt: FormatOption = Format.table, plot: PlotOption = None) -> None:
    """Targets against the latest figure of the indicator they track (bullet chart with --plot)."""
    from policykg.queries import plots
    from policykg.queries.runner import run_query

    plot = _checked_plot(plot)
    with graph_of(ctx) as graph:
        rows = run_query(graph, "targets-vs-latest-figure", {})
    _emit(rows, fmt, "Targets against the latest figure", plot,
          lambda path: plots.bullet(rows, path, "目标与最新数值 Targets against the latest figure"))


def register(app: typer.Typer) -> None:
    app.add_typer(analyze_app, name="analyze")
