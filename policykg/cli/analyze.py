"""`policykg analyze …`: networkx analyses of the graph, as tables and, with --plot, pictures.

The commands parse, connect and render; the analyses are in
``queries.analytics`` and the pictures in ``queries.plots``. networkx and
matplotlib are imported only when a command runs, so the CLI starts fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from policykg.cli import TYPER_SETTINGS
from policykg.cli.context import graph_of
from policykg.cli.output import ColumnsOption, FormatOption, LimitOption, WideOption, emit, say
from policykg.cli.render import Format, note

analyze_app = typer.Typer(help="Network analyses of the graph (networkx): similarity, centrality, communities, "
                               "diffusion, and pictures.", no_args_is_help=True, **TYPER_SETTINGS)

PlotOption = Annotated[Path | None, typer.Option("--plot", help="Draw the answer to FILE.png or FILE.svg "
                                                 "(the table only with --show).")]
ShowOption = Annotated[bool, typer.Option("--show", help="With --plot: print the table too.")]
OverlapOption = Annotated[int, typer.Option("--min-overlap", help="Themes or indicators a pair must share.")]
StatusOption = Annotated[str, typer.Option(
    "--status", metavar="STATUS", help="Policies counted: current (not superseded), in-force (not expired either) "
                                       "or any.")]


@dataclass(frozen=True)
class Output:
    """How an analysis is shown: the shared output options of every command, and the picture's."""

    fmt: Format = Format.table
    columns: str | None = None
    wide: bool = False
    plot: Path | None = None
    show: bool = False


def _output(fmt: Format, columns: str | None, wide: bool, plot: Path | None, show: bool) -> Output:
    """The options checked before connecting: a bad picture path or no CJK font is refused first."""
    if plot is not None:
        from policykg.queries.plots import check_path, cjk_font

        cjk_font()
        plot = check_path(plot)
    return Output(fmt, columns, wide, plot, show)


def _exported(ctx: typer.Context):  # noqa: ANN202 - networkx.MultiDiGraph
    from policykg.graph.export import to_networkx

    with graph_of(ctx) as graph:
        return to_networkx(graph)


def _emit(rows: list[dict[str, Any]], out: Output, title: str, default_columns: tuple[str, ...],
          draw: Callable[[Path], Path] | None = None) -> None:
    """With --plot: the picture's path first, the table only with --show; without: the table.

    Rows of a question that filters policies by status end with the line saying which it counts (--status).
    """
    from policykg.queries.policy_status import counting_note

    footer = counting_note(getattr(rows, "status", None), "--status ")
    if out.plot is not None and draw is not None:
        typer.echo(f"picture → {draw(out.plot)}")
        if footer:
            note(footer)
        if not out.show:
            note("(--show prints the table too)")
            return
    say(emit(rows, out.fmt, default_columns=default_columns, columns=out.columns, wide=out.wide, title=title,
             footer=footer))


@analyze_app.callback()
def _allow_numpy() -> None:
    # networkx's PageRank (scipy) and matplotlib need numpy, which the command otherwise keeps from the driver
    from policykg.cli import dataframes

    dataframes.allow()


@analyze_app.command("similarity")
def similarity(
    ctx: typer.Context,
    min_overlap: OverlapOption = 2,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table, columns: ColumnsOption = None, wide: WideOption = False,
    plot: PlotOption = None, show: ShowOption = False,
) -> None:
    """Pairs of regions by shared themes (not the root theme), indicators with targets and measures, most similar first."""
    from policykg.queries import analytics, plots

    out = _output(fmt, columns, wide, plot, show)
    rows = analytics.similarity(_exported(ctx), min_overlap, limit)

    def draw(path: Path) -> Path:
        cells = rows + [{**r, "region_a": r["region_b"], "region_a_zh": r["region_b_zh"], "region_a_en": r["region_b_en"],
                         "region_b": r["region_a"], "region_b_zh": r["region_a_zh"], "region_b_en": r["region_a_en"]}
                        for r in rows]
        return plots.heatmap(cells, path, "region_a", "region_b", "similarity", "region_a_zh", "region_b_zh",
                             "地区相似度 Region similarity", ("region_a_en", "region_b_en"))

    _emit(rows, out, "Region similarity (weighted Jaccard; the root theme left out)",
          ("region_a_zh", "region_b_zh", "similarity", "overlap", "shared_zh"), draw)


@analyze_app.command("centrality")
def centrality(
    ctx: typer.Context,
    fmt: FormatOption = Format.table, columns: ColumnsOption = None, wide: WideOption = False,
    plot: PlotOption = None, show: ShowOption = False,
) -> None:
    """Themes by centrality in the region–theme graph: regions, facts, degree centrality, PageRank."""
    from policykg.queries import analytics, plots

    out = _output(fmt, columns, wide, plot, show)
    rows = analytics.centrality(_exported(ctx))
    _emit(rows, out, "Theme centrality", ("theme_zh", "theme_en", "regions", "facts", "pagerank"),
          lambda path: plots.ranking([{**r, "name": f"{r['theme_zh'] or r['theme']}  {r['theme_en'] or ''}"}
                                      for r in rows], path, "name", "pagerank",
                                     "主题中心度 Theme centrality (PageRank)"))


@analyze_app.command("communities")
def communities(
    ctx: typer.Context,
    min_overlap: OverlapOption = 2,
    seed: Annotated[int, typer.Option("--seed", help="Louvain's random seed (fixed: the same answer every run).")] = 42,
    fmt: FormatOption = Format.table, columns: ColumnsOption = None, wide: WideOption = False,
    plot: PlotOption = None, show: ShowOption = False,
) -> None:
    """Communities of regions (Louvain) by what their policies address."""
    from policykg.queries import analytics, plots

    out = _output(fmt, columns, wide, plot, show)
    g = _exported(ctx)
    rows = analytics.communities(g, min_overlap, seed)

    def draw(path: Path) -> Path:
        labels = {code: name for r in rows for code, name in zip(r["regions"], r["regions_zh"])}
        return plots.network(analytics.similarity_graph(g, min_overlap), rows, labels, path,
                             "地区社群 Communities of regions")

    _emit(rows, out, "Communities of regions", ("community", "size", "regions_zh", "common_themes"), draw)


@analyze_app.command("diffusion")
def diffusion(
    ctx: typer.Context,
    fmt: FormatOption = Format.table, columns: ColumnsOption = None, wide: WideOption = False,
    plot: PlotOption = None, show: ShowOption = False,
) -> None:
    """For each theme: the region that addressed it first, the year, and who followed."""
    from policykg.queries import analytics, plots

    out = _output(fmt, columns, wide, plot, show)
    g = _exported(ctx)
    rows = analytics.diffusion(g)
    _emit(rows, out, "Diffusion of themes", ("theme_zh", "first_region_zh", "first_year", "regions", "years_to_last"),
          lambda path: plots.timeline(rows, path, "主题扩散 Diffusion of themes", analytics.region_names(g)))


@analyze_app.command("matrix")
def matrix(
    ctx: typer.Context,
    own: Annotated[bool, typer.Option("--own", help="Count each region's own facts only, not those of the regions "
                                                    "within it.")] = False,
    fmt: FormatOption = Format.table, columns: ColumnsOption = None, wide: WideOption = False,
    plot: PlotOption = None, show: ShowOption = False,
) -> None:
    """Region × theme: how many facts of each region address each theme (heatmap with --plot).

    A table shows one line per region (its themes and those it says most
    about); --wide, records, JSON and CSV one row per region and theme.
    """
    from policykg.queries import analytics, plots

    out = _output(fmt, columns, wide, plot, show)
    g = _exported(ctx)
    rows = analytics.region_theme_matrix(g, within=not own)
    scope = "each region's own facts" if own else "a region with the regions within it"
    title = f"Region × theme: facts per cell ({scope})"
    shown = analytics.matrix_by_region(rows) if out.fmt is Format.table and not (out.wide or out.columns) else rows
    _emit(shown, out, title, ("region_zh", "themes", "most"),
          lambda path: plots.heatmap(rows, path, "region", "theme", "facts", "region_zh", "theme_zh",
                                     f"地区 × 主题 Region × theme ({scope})", ("region_en", "theme_en"),
                                     analytics.theme_groups(g)))


@analyze_app.command("indicator")
def indicator(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Indicator key or name, e.g. cn-core-digital-industries-va.")],
    status: StatusOption = "current",
    fmt: FormatOption = Format.table, columns: ColumnsOption = None, wide: WideOption = False,
    plot: PlotOption = None, show: ShowOption = False,
) -> None:
    """One indicator compared across regions, each by its latest figure (bars with year and source)."""
    from policykg.queries import loader, plots
    from policykg.queries.runner import run_query

    out = _output(fmt, columns, wide, plot, show)
    with graph_of(ctx) as graph:
        rows = run_query(graph, "regions-compared-on-indicator", {"indicator": name, "status": status})
    if not rows and plot is not None:
        from policykg.errors import UnknownName

        raise UnknownName(f"no region reports indicator {name!r}; see `policykg search {name}`")
    _emit(rows, out, f"Regions compared on {name}", loader.get("regions-compared-on-indicator").columns,
          lambda path: plots.bars(rows, path, name))


@analyze_app.command("targets")
def targets(
    ctx: typer.Context,
    status: StatusOption = "current",
    fmt: FormatOption = Format.table, columns: ColumnsOption = None, wide: WideOption = False,
    plot: PlotOption = None, show: ShowOption = False,
) -> None:
    """Targets against the latest figure of the indicator they track (bullet chart with --plot)."""
    from policykg.queries import loader, plots
    from policykg.queries.runner import run_query

    out = _output(fmt, columns, wide, plot, show)
    with graph_of(ctx) as graph:
        rows = run_query(graph, "targets-vs-latest-figure", {"status": status})
    _emit(rows, out, "Targets against the latest figure", loader.get("targets-vs-latest-figure").columns,
          lambda path: plots.bullet(rows, path, "目标与最新数值 Targets against the latest figure"))


def register(app: typer.Typer) -> None:
    app.add_typer(analyze_app, name="analyze")
