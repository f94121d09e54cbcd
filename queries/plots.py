"""Pictures of the answers, for people who would rather look than read: PNG or SVG with matplotlib.

matplotlib is imported only when a picture is drawn (the CLI starts without
it) and always with the Agg backend (no display, no internet). Chinese labels
need a font with CJK glyphs; one installed font is picked through
matplotlib's font manager (fonts-noto-cjk on Debian) and a missing one is one
``PlotError`` line rather than a picture of empty boxes.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from policykg.errors import PlotError

#: Families tried first, in order; any other font that has the glyphs of 中文 will do.
PREFERRED = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC", "Source Han Sans SC",
             "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN")
PROBE = "中文数据"
#: Fonts that map every character to a box (matplotlib ships Last Resort): they "have" the glyphs but draw none.
PLACEHOLDER_FONTS = ("Last Resort",)
SUFFIXES = (".png", ".svg")


def _pyplot():  # noqa: ANN202 - matplotlib.pyplot, imported late on purpose
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _has_glyphs(path: str) -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(path)
    except (OSError, RuntimeError, ValueError):
        return False
    return all(font.get_char_index(ord(ch)) for ch in PROBE)


@cache
def cjk_font() -> str:
    """The family name of an installed font that draws Chinese; PlotError when there is none."""
    from matplotlib import font_manager

    fonts = [f for f in font_manager.fontManager.ttflist if not f.name.startswith(PLACEHOLDER_FONTS)]
    ranked = sorted(fonts, key=lambda f: (PREFERRED.index(f.name) if f.name in PREFERRED else len(PREFERRED),
                                          f.weight != 400 and f.weight != "normal", f.name))
    for font in ranked:
        if font.name in PREFERRED or "CJK" in font.name or "Hei" in font.name or "Ming" in font.name:
            if _has_glyphs(font.fname):
                return font.name
    for font in ranked:  # any other font that happens to have the glyphs
        if _has_glyphs(font.fname):
            return font.name
    raise PlotError("no installed font draws Chinese characters; install one (Debian: apt-get install fonts-noto-cjk)")


def check_path(path: Path) -> Path:
    """Refuse a file type matplotlib should not guess, or a folder that is not there, before any work."""
    if path.suffix.lower() not in SUFFIXES:
        raise PlotError(f"cannot draw {path}: the file must end in {' or '.join(SUFFIXES)}")
    if not path.parent.is_dir():
        raise PlotError(f"cannot write {path}: folder {path.parent} does not exist")
    if path.is_dir():
        raise PlotError(f"cannot write {path}: it is a folder")
    return path


def _figure(width: float, height: float):  # noqa: ANN202
    plt = _pyplot()
    family = cjk_font()
    plt.rcParams.update({"font.family": "sans-serif", "font.sans-serif": [family, "DejaVu Sans"],
                         "axes.unicode_minus": False, "svg.fonttype": "none"})
    return plt, plt.subplots(figsize=(width, height), dpi=120)


def _save(plt, fig, path: Path) -> Path:  # noqa: ANN001
    fig.tight_layout()
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("error", message="Glyph .* missing from font")
            fig.savefig(path, bbox_inches="tight", pad_inches=0.1)  # no empty margins
    except UserWarning as exc:
        raise PlotError(f"{path}: the font {cjk_font()!r} lacks a character: {exc}") from None
    except OSError as exc:
        raise PlotError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        plt.close(fig)
    return path


def _integer_ticks():  # noqa: ANN202 - a matplotlib Locator
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def _need(rows: Sequence[Any], what: str) -> None:
    if not rows:
        raise PlotError(f"nothing to draw: {what}")


def _axis_labels(cells: Sequence[dict[str, Any]], key: str, zh: str, en: str | None,
                 order: dict[str, str] | None = None) -> list[tuple[Any, str]]:
    """(key, "中文\nEnglish") per distinct ``key``, sorted by ``order`` (a group key per key) and then key."""
    labels = {c[key]: "\n".join(t for t in (c.get(zh), c.get(en) if en else None) if t) or str(c[key]) for c in cells}
    return sorted(labels.items(), key=lambda item: ((order or {}).get(item[0], ""), item[0]))


def heatmap(cells: Sequence[dict[str, Any]], path: Path, row: str, column: str, value: str,
            row_label: str, column_label: str, title: str, english: tuple[str, str] | None = None,
            column_groups: dict[str, str] | None = None) -> Path:
    """A matrix of ``value`` by ``row`` × ``column`` (e.g. facts per region and theme), labelled in Chinese and English.

    ``column_groups`` (a column key → its group, e.g. a theme's broader theme)
    puts related columns side by side instead of in the order of their ids.
    """
    _need(cells, title)
    rows = _axis_labels(cells, row, row_label, english[0] if english else None)
    cols = _axis_labels(cells, column, column_label, english[1] if english else None, column_groups)
    ri, ci = {k: i for i, (k, _) in enumerate(rows)}, {k: i for i, (k, _) in enumerate(cols)}
    grid = [[0.0] * len(cols) for _ in rows]
    for c in cells:
        grid[ri[c[row]]][ci[c[column]]] = float(c[value] or 0)
    plt, (fig, ax) = _figure(max(6.0, 0.5 * len(cols) + 3), max(3.5, 0.5 * len(rows) + 2.5))
    image = ax.imshow(grid, cmap="YlGnBu", aspect="auto")
    ax.set_xticks(range(len(cols)), [label.replace("\n", " ") for _, label in cols], rotation=60, ha="right",
                  rotation_mode="anchor", fontsize=8)
    ax.set_yticks(range(len(rows)), [label.replace("\n", " ") for _, label in rows], fontsize=8)
    top = max(max(r) for r in grid) or 1
    for i, line in enumerate(grid):
        for j, cell in enumerate(line):
            if cell:
                ax.text(j, i, f"{cell:g}", ha="center", va="center", fontsize=7,
                        color="white" if cell > top / 2 else "black")
    groups = [(column_groups or {}).get(key) for key, _ in cols]
    for j in range(1, len(cols)):  # a thin line where the broader theme changes
        if column_groups and groups[j] != groups[j - 1]:
            ax.axvline(j - 0.5, color="grey", linewidth=0.6)
    bar = fig.colorbar(image, ax=ax, label=value, fraction=0.03, pad=0.01)
    if all(cell.is_integer() for line in grid for cell in line):  # counts: no 1.25 facts on the scale
        bar.locator = _integer_ticks()
        bar.update_ticks()
    ax.set_title(title)
    return _save(plt, fig, path)


def bars(rows: Sequence[dict[str, Any]], path: Path, title: str) -> Path:
    """An indicator compared across regions: one bar per region, its year and source beside it.

    Only reported figures are bars (regions-compared-on-indicator also lists targets), largest first.
    """
    rows = sorted((r for r in rows if r.get("value") is not None and r.get("figure", "reported") == "reported"),
                  key=lambda r: -r["value"])
    _need(rows, f"no region reports a level for {title}")
    labels = [r.get("region_zh") or r["region"] for r in rows]
    plt, (fig, ax) = _figure(9, max(3.0, 0.5 * len(rows) + 1.5))
    ax.barh(range(len(rows)), [r["value"] for r in rows], color="#4C78A8")
    ax.set_yticks(range(len(rows)), labels)
    ax.invert_yaxis()
    for i, r in enumerate(rows):
        note = f" {r['value']:g} {r.get('unit') or ''} · {r.get('period') or r.get('year')} · {r.get('source')} {r.get('locator') or ''}"
        ax.text(r["value"], i, note, va="center", fontsize=7)
    ax.set_xlim(0, max(r["value"] for r in rows) * 1.9)
    ax.set_xlabel(rows[0].get("unit") or "")
    ax.set_title(title)
    return _save(plt, fig, path)


def bullet(rows: Sequence[dict[str, Any]], path: Path, title: str) -> Path:
    """Targets against the latest figure: the figure as a bar, the target as a tick, per cent of target beside."""
    rows = [r for r in rows if r.get("target_value") is not None and r.get("latest_value") is not None
            and r.get("target_unit") == r.get("latest_unit")]
    _need(rows, "no target has a figure in its own unit to compare with")
    plt, (fig, ax) = _figure(9, max(3.0, 0.6 * len(rows) + 1.5))
    for i, r in enumerate(rows):
        scale = r["target_value"] or 1
        ax.barh(i, 1.25, color="#EEEEEE", height=0.8)
        ax.barh(i, r["latest_value"] / scale, color="#4C78A8", height=0.35)
        ax.plot([1, 1], [i - 0.35, i + 0.35], color="#D62728", linewidth=2.5)
        ax.text(1.27, i, f"{r['latest_value']:g} / {r.get('comparator') or ''}{r['target_value']:g} {r['target_unit']}"
                         f" ({r['latest_year']} → {r.get('deadline') or '?'})", va="center", fontsize=7)
    ax.set_yticks(range(len(rows)), [f"{r.get('region') or ''} {r.get('target_en') or r['target']}" for r in rows],
                  fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 2.1)
    ax.set_xticks([0, 0.5, 1.0], ["0", "50%", "100%"])
    ax.set_xlabel("latest figure as a share of the target (red line: target)")
    ax.set_title(title)
    return _save(plt, fig, path)


def ranking(rows: Sequence[dict[str, Any]], path: Path, label: str, value: str, title: str) -> Path:
    """One horizontal bar per row, largest on top (theme centrality)."""
    _need(rows, title)
    plt, (fig, ax) = _figure(8, max(3.0, 0.4 * len(rows) + 1.5))
    ax.barh(range(len(rows)), [r[value] for r in rows], color="#4C78A8")
    ax.set_yticks(range(len(rows)), [r[label] for r in rows])
    ax.invert_yaxis()
    ax.set_xlabel(value)
    ax.set_title(title)
    return _save(plt, fig, path)


def timeline(rows: Sequence[dict[str, Any]], path: Path, title: str, names: dict[str, str] | None = None) -> Path:
    """Diffusion: per theme, a dot per region at the year it first addressed the theme (red: the first).

    ``names`` maps region codes to the names to print (Chinese); regions of
    the same year are stacked above the dot rather than printed over each other.
    """
    _need(rows, title)
    names = names or {}
    plt, (fig, ax) = _figure(10, max(3.0, 0.8 * len(rows) + 1.5))
    for i, r in enumerate(rows):
        points = [(r["first_year"], r["first_region"])]
        for follower in r["followers"]:
            code, *_, year = follower.split(" ")
            points.append((int(year), code))
        ax.plot([p[0] for p in points], [i] * len(points), color="#BBBBBB", zorder=1)
        ax.scatter([p[0] for p in points[1:]], [i] * (len(points) - 1), color="#4C78A8", zorder=2)
        ax.scatter([points[0][0]], [i], color="#D62728", zorder=3)  # the first, on top of a follower of its year
        stacked: dict[int, int] = {}
        for year, code in points:
            level = stacked[year] = stacked.get(year, -1) + 1
            ax.annotate(names.get(code, code), (year, i), textcoords="offset points", xytext=(0, 6 + 9 * level),
                        ha="center", fontsize=7)
    ax.set_yticks(range(len(rows)), [r["theme_zh"] or r["theme"] for r in rows])
    ax.set_ylim(len(rows) - 0.5, -0.9)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title)
    return _save(plt, fig, path)


def network(graph: Any, groups: Sequence[dict[str, Any]], labels: dict[str, str], path: Path, title: str) -> Path:
    """Communities: the similarity graph drawn with one colour per community (fixed layout seed)."""
    import networkx as nx

    _need(groups, title)
    plt, (fig, ax) = _figure(8, 6)
    colour = {m: i for group in groups for m in group["regions"] for i in [group["community"] - 1]}
    layout = nx.spring_layout(graph, seed=42, weight="weight")
    cmap = plt.get_cmap("tab10")
    nx.draw_networkx_edges(graph, layout, ax=ax, width=[1 + 4 * d["weight"] for *_, d in graph.edges(data=True)],
                           edge_color="#999999")
    nx.draw_networkx_nodes(graph, layout, ax=ax, node_color=[cmap(colour[n] % 10) for n in graph.nodes], node_size=600)
    nx.draw_networkx_labels(graph, layout, labels={n: labels.get(n, n) for n in graph.nodes}, ax=ax,
                            font_family=cjk_font(), font_size=9)
    ax.set_axis_off()
    ax.set_title(title)
    return _save(plt, fig, path)


#: One colour per region level in the cascade picture.
LEVEL_COLOURS = {"province": "#D62728", "prefecture": "#1F77B4", "zone": "#2CA02C", "country": "#7F7F7F"}


def cascade(rows: Sequence[dict[str, Any]], path: Path, title: str) -> Path:
    """The adoption timeline of a policy: months after it, one row per implementing policy, coloured by level.

    Rows from implementations-of; those without a lag (a year alone, or not yet) are left out.
    """
    rows = [r for r in rows if r.get("lag_months") is not None]
    _need(rows, f"no implementation with a known lag: {title}")
    plt, (fig, ax) = _figure(9, max(3.0, 0.45 * len(rows) + 1.5))
    for i, r in enumerate(rows):
        colour = LEVEL_COLOURS.get(r.get("level") or "", "#9467BD")
        ax.barh(i, r["lag_months"], color=colour)
        label = f"{r['lag_months']}  {r.get('issued') or ''}"  # beyond the bar's end, on the side it grows to
        early = r["lag_months"] < 0
        ax.text(r["lag_months"], i, f"{label} " if early else f" {label}", va="center", fontsize=7,
                ha="right" if early else "left")
    lags = [r["lag_months"] for r in rows]
    room = max(3.0, 0.3 * (max(lags + [0]) - min(lags + [0])))  # for the labels: none runs past the frame
    ax.set_xlim(min(lags + [0]) - (room if min(lags) < 0 else 0.5), max(lags + [0]) + room)
    ax.set_yticks(range(len(rows)), [f"{r.get('region_zh') or r['region']} · {(r.get('title_zh') or '')[:18]}"
                                     for r in rows], fontsize=8)
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("距国家政策发布的月数 Months after the policy")
    levels = [level for level in LEVEL_COLOURS if any(r.get("level") == level for r in rows)]
    handles = [plt.Rectangle((0, 0), 1, 1, color=LEVEL_COLOURS[level]) for level in levels]
    # outside the plot, right of it: inside, it covered the last rows' bars and labels
    ax.legend(handles, levels, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    ax.set_title(title)
    return _save(plt, fig, path)


def ambition(rows: Sequence[dict[str, Any]], path: Path, title: str) -> Path:
    """Regions' targets against the national one: a bar per region's level target, the national as a line."""
    levels = [r for r in rows if r.get("level_target") is not None and r.get("region_level") != "country"]
    _need(levels, f"no regional target with a level: {title}")
    national = next((r["level_target"] for r in rows if r.get("region_level") == "country"
                     and r.get("level_target") is not None), None)
    plt, (fig, ax) = _figure(8, max(3.0, 0.5 * len(levels) + 1.5))
    ax.barh(range(len(levels)), [r["level_target"] for r in levels], color="#FF7F0E", label="目标 target")
    latest = [(i, r["latest"]) for i, r in enumerate(levels) if r.get("latest") is not None]
    if latest:
        ax.scatter([v for _, v in latest], [i for i, _ in latest], color="black", zorder=3, label="最新数值 latest")
    if national is not None:
        ax.axvline(national, color="#7F7F7F", linestyle="--", label=f"全国目标 national {national:g}")
    ax.set_yticks(range(len(levels)), [r.get("region_zh") or r["region"] for r in levels])
    ax.invert_yaxis()
    top = max([r["level_target"] for r in levels] + [national or 0])
    ax.set_xlim(0, top * 1.3)  # room for each bar's label inside the frame
    for i, r in enumerate(levels):
        ratio = f" ×{r['ratio']:g}" if r.get("ratio") is not None else ""
        ax.text(r["level_target"], i, f" {r['goal']}{ratio}", va="center", fontsize=7)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)  # off the bars
    ax.set_title(title)
    return _save(plt, fig, path)
