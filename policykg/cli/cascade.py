"""`policykg analyze cascade` and `analyze ambition`: the strategy cascade as tables and pictures.

Kept apart from policykg/cli/analyze.py (the network analyses): these two
run canned queries (implementations-of, target-ambition) and draw their
answers, registered on the same `analyze` group.
"""

from __future__ import annotations

from typing import Annotated

import typer

from policykg.cli.analyze import PlotOption, ShowOption, StatusOption, _emit, _output, analyze_app
from policykg.cli.context import graph_of
from policykg.cli.output import ColumnsOption, FormatOption, WideOption
from policykg.cli.render import Format


@analyze_app.command("cascade")
def cascade(
    ctx: typer.Context,
    policy: Annotated[str, typer.Option("--policy", help="Key or Chinese title of the policy implemented, e.g. "
                                                         "cn-14th-fyp-digital-economy-plan.")],
    fmt: FormatOption = Format.table, columns: ColumnsOption = None, wide: WideOption = False,
    plot: PlotOption = None, show: ShowOption = False,
) -> None:
    """Which regions implemented a policy and how many months after it (timeline by level with --plot)."""
    from policykg.queries import plots
    from policykg.queries.runner import run_query

    out = _output(fmt, columns, wide, plot, show)
    with graph_of(ctx) as graph:
        rows = run_query(graph, "implementations-of", {"policy": policy}, limit=0)
    title = f"落实《{rows[0]['implements_zh']}》 Implementations" if rows else f"Implementations of {policy}"
    _emit(rows, out, title, ("region_zh", "level", "title_zh", "issued", "lag_months", "status"),
          lambda path: plots.cascade([r for r in rows if r["status"] == "implemented"], path, title))


@analyze_app.command("ambition")
def ambition(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Option("--indicator", help="Indicator key or name, e.g. "
                                                               "cn-core-digital-industries-va-share-gdp.")],
    deadline: Annotated[int, typer.Option("--deadline", help="The target year.")] = 2025,
    status: StatusOption = "current",
    fmt: FormatOption = Format.table, columns: ColumnsOption = None, wide: WideOption = False,
    plot: PlotOption = None, show: ShowOption = False,
) -> None:
    """Regions' targets for an indicator and year against the national target (bars with --plot)."""
    from policykg.queries import plots
    from policykg.queries.runner import run_query

    out = _output(fmt, columns, wide, plot, show)
    with graph_of(ctx) as graph:
        rows = run_query(graph, "target-ambition", {"indicator": indicator, "deadline": str(deadline),
                                                     "status": status}, limit=0)
    title = f"{deadline}年目标 Targets for {deadline}: {indicator}"
    _emit(rows, out, title, ("region_zh", "goal", "level_target", "ratio", "latest", "progress_pct"),
          lambda path: plots.ambition(rows, path, title))


def register(app: typer.Typer) -> None:
    """The commands live on analyze_app, which policykg.cli.analyze registers; importing them is enough."""
