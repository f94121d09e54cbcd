"""Pictures: real PNG/SVG files drawn with a CJK font, of the right size, not blank."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import warnings

import pytest

from policykg.graph.export import to_networkx
from policykg.queries import analytics, plots
from policykg.queries.runner import run_query
from tests.cli import run_cli
from tests.fixture_corpus import fixture_graph  # noqa: F401 - the module's fixture


@pytest.fixture(scope="module")
def g(fixture_graph):  # noqa: F811
    return to_networkx(fixture_graph)


def _pixels(path):
    import matplotlib.image as mpimg

    return mpimg.imread(path)


def _assert_picture(path, min_width=600, min_height=300):
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = _pixels(path)
    height, width = image.shape[:2]
    assert width >= min_width and height >= min_height, (width, height)
    assert image[..., :3].std() > 0.05  # not a blank page: a white image has 0


def test_the_font_draws_chinese():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    family = plots.cjk_font()
    font = FT2Font(font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False))
    assert all(font.get_char_index(ord(ch)) for ch in "北京市数据跨境流动")


def _margins(path) -> tuple[int, int, int, int]:
    """Empty pixels left, top, right and bottom of the drawing (white rows and columns at each edge)."""
    import numpy as np

    ink = (np.asarray(_pixels(path))[..., :3] < 0.97).any(axis=2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return int(cols[0]), int(rows[0]), int(ink.shape[1] - 1 - cols[-1]), int(ink.shape[0] - 1 - rows[-1])


def test_heatmap_png_of_the_region_theme_matrix(g, tmp_path):
    path = tmp_path / "matrix.png"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would warn ("Glyph … missing from font")
        plots.heatmap(analytics.region_theme_matrix(g), path, "region", "theme", "facts", "region_zh", "theme_zh",
                      "地区 × 主题 Region × theme", ("region_en", "theme_en"), analytics.theme_groups(g))
    _assert_picture(path)
    # tight: at 120 dpi the 0.1-inch pad is 12 pixels (a label's faint edge a few more), no wide empty margin
    assert all(margin <= 20 for margin in _margins(path)), _margins(path)


def test_heatmap_labels_are_bilingual_and_themes_grouped(g, tmp_path):
    path = plots.heatmap(analytics.region_theme_matrix(g), tmp_path / "matrix.svg", "region", "theme", "facts",
                         "region_zh", "theme_zh", "地区 × 主题", ("region_en", "theme_en"), analytics.theme_groups(g))
    svg = path.read_text(encoding="utf-8")
    assert "北京市 Beijing" in svg and "数据跨境流动 Cross-border data flows" in svg
    # smart manufacturing sits beside the other industrial-digitalisation themes, after the digital-governance ones
    ticks = {label.split()[0]: float(x) for x, label in re.findall(r'<text [^>]*\bx="([\d.]+)"[^>]*rotate\(-60[^>]*>([^<]+)</text>', svg)}
    order = [ticks[zh] for zh in ("数据跨境流动", "数据要素", "数字政府", "智能制造")]
    assert order == sorted(order), ticks


def test_svg_keeps_the_chinese_text_in_the_cjk_font(g, tmp_path):
    path = plots.heatmap(analytics.region_theme_matrix(g), tmp_path / "matrix.svg", "region", "theme", "facts",
                         "region_zh", "theme_zh", "地区 × 主题")
    svg = path.read_text(encoding="utf-8")
    assert "北京市" in svg and "数据跨境流动" in svg  # text, not outlines: svg.fonttype none
    assert f"font-family: '{plots.cjk_font()}', 'DejaVu Sans', sans-serif" in svg


def test_bars_and_bullet_from_the_canned_queries(fixture_graph, tmp_path):  # noqa: F811
    compared = run_query(fixture_graph, "regions-compared-on-indicator", {"indicator": "test-core-va"})
    assert sorted((r["region"], r["value"], r["year"]) for r in compared if r["figure"] == "reported") == [
        ("110000", 8900.0, 2021), ("310000", 5400.0, 2021), ("330000", 8300.0, 2021), ("440300", 9100.0, 2022)]
    _assert_picture(plots.bars(compared, tmp_path / "bars.png", "数字经济核心产业增加值"))
    targets = run_query(fixture_graph, "targets-vs-latest-figure", {})
    _assert_picture(plots.bullet(targets, tmp_path / "bullet.png", "目标与最新数值"))


def test_network_ranking_and_timeline(g, tmp_path):
    rows = analytics.communities(g)
    labels = {code: zh for r in rows for code, zh in zip(r["regions"], r["regions_zh"])}
    _assert_picture(plots.network(analytics.similarity_graph(g), rows, labels, tmp_path / "c.png", "社群"))
    _assert_picture(plots.ranking(analytics.centrality(g), tmp_path / "r.png", "theme_zh", "pagerank", "中心度"))
    _assert_picture(plots.timeline(analytics.diffusion(g), tmp_path / "t.png", "扩散", analytics.region_names(g)))


def test_nothing_to_draw_and_bad_paths(tmp_path):
    with pytest.raises(plots.PlotError, match="nothing to draw"):
        plots.bullet([], tmp_path / "b.png", "x")
    with pytest.raises(plots.PlotError, match=r"the file must end in \.png or \.svg"):
        plots.check_path(tmp_path / "b.gif")
    with pytest.raises(plots.PlotError, match="does not exist"):
        plots.check_path(tmp_path / "missing" / "b.png")


def test_no_cjk_font_is_one_error(monkeypatch):
    from matplotlib import font_manager

    monkeypatch.setattr(font_manager.fontManager, "ttflist", [f for f in font_manager.fontManager.ttflist
                                                              if not plots._has_glyphs(f.fname)])
    plots.cjk_font.cache_clear()
    try:
        with pytest.raises(plots.PlotError, match=r"^no installed font draws Chinese characters; install one"):
            plots.cjk_font()
    finally:
        plots.cjk_font.cache_clear()


def test_cli_plot(fixture_graph, neo4j_under_test, tmp_path):  # noqa: F811
    path = tmp_path / "m.png"
    result = run_cli("analyze", "matrix", "--format", "csv", "--plot", str(path), env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == (f"picture → {path}\n", "(--show prints the table too)\n")
    _assert_picture(path)
    shown = run_cli("analyze", "matrix", "--format", "csv", "--plot", str(path), "--show", env=neo4j_under_test.env)
    assert shown.stdout.splitlines()[:2] == [f"picture → {path}", "region,region_zh,region_en,theme,theme_zh,theme_en,facts"]
    result = run_cli("analyze", "targets", "--plot", str(tmp_path / "t.png"), "--format", "json", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    _assert_picture(tmp_path / "t.png")
    result = run_cli("analyze", "matrix", "--plot", str(tmp_path / "m.gif"))  # refused before connecting
    assert (result.exit_code, result.output) == (1, f"Error: cannot draw {tmp_path / 'm.gif'}: "
                                                    "the file must end in .png or .svg\n")


def test_the_console_command_plots_and_ranks(fixture_graph, neo4j_under_test, tmp_path):  # noqa: F811
    """Through `python -m policykg` (the console script's main): it keeps pandas and numpy from the driver,
    and analyze must get them back (matplotlib and scipy's PageRank need numpy)."""
    env = {**os.environ, **neo4j_under_test.env}
    path = tmp_path / "m.png"
    done = subprocess.run([sys.executable, "-m", "policykg", "analyze", "matrix", "--plot", str(path), "-f", "csv"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    _assert_picture(path)
    ranked = subprocess.run([sys.executable, "-m", "policykg", "analyze", "centrality", "-f", "json"],
                            env=env, capture_output=True, text=True, timeout=300)
    assert ranked.returncode == 0, ranked.stderr
    assert json.loads(ranked.stdout) and all("pagerank" in row for row in json.loads(ranked.stdout))
