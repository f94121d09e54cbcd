"""End to end in headless Chromium: log in to Neo4j Browser, run a canned question from the guide, see the graph.

Drives Debian's Chromium (``apt-get install chromium``) through Playwright;
Playwright's own browser downloads are never used. The screenshot is kept
in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from policykg.graph.browser import GUIDE_FILE, STYLE_FILE, browser_url
from policykg.graph.browser_style import NODE_STYLES
from policykg.graph.connection import Graph
from policykg.schema.vocabulary import Label
from tests.conftest import TEST_HTTP_PORT, Neo4jUnderTest

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
SCREENSHOT = ARTIFACTS / "browser-regions-targeting-theme.png"
QUERY = "regions-targeting-theme"




def _log_in(page: Page, neo4j_under_test: Neo4jUnderTest) -> None:
    settings = neo4j_under_test.settings
    page.goto(browser_url(TEST_HTTP_PORT, settings.uri, settings.username))
    page.fill("input[data-testid=password]", settings.password.get_secret_value() if settings.password else "")
    page.click("button[data-testid=connect]")


def _run_block(page: Page, variant: str) -> None:
    """Click a guide code block (Browser copies it into the editor), then press Run."""
    page.locator(f'pre.runnable[data-query="{QUERY}"][data-variant="{variant}"]').click()
    page.click("[data-testid=editor-Run]")


def test_guide_runs_regions_targeting_theme_as_a_styled_graph(chromium: Browser, demo_graph: Graph,
                                                              neo4j_under_test: Neo4jUnderTest) -> None:
    if neo4j_under_test.http_url != f"http://localhost:{TEST_HTTP_PORT}":
        pytest.skip("the guide and style are served by the local test server; this run uses another Neo4j")
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    _log_in(page, neo4j_under_test)

    # browser.post_connect_cmd opened both on connect.
    frame_of = lambda text: page.locator("[data-testid=frame]", has=page.locator(  # noqa: E731
        "[data-testid=frameCommand]", has_text=text)).first
    style_frame, guide = frame_of(STYLE_FILE), frame_of(f"/{GUIDE_FILE}")
    guide.wait_for(timeout=60_000)
    style_frame.wait_for(timeout=10_000)
    assert "node.Region" in style_frame.inner_text()
    # the guide and the style sheet are the two newest frames, above Browser's own start frame (which of the
    # two is on top depends on which fetch finishes last)
    commands = page.locator("[data-testid=frame] [data-testid=frameCommand]").all_inner_texts()
    assert sorted(c.rsplit("/", 1)[-1] for c in commands[:2]) == sorted([GUIDE_FILE, STYLE_FILE]), commands

    params = page.locator(f'pre.runnable[data-query="{QUERY}"][data-variant="params"]')
    for _ in range(40):
        if params.count():
            break
        guide.locator("button.next-slide:not(.rounded)").click()
    assert params.count() == 1, f"no slide for {QUERY} in the guide"

    _run_block(page, "params")
    frame_of(":params").wait_for(timeout=10_000)
    _run_block(page, "graph")

    # the result frame is titled by the question (the runnable's first line), not by a remark in the Cypher
    result = frame_of(f"· {QUERY}")
    graph = result.locator("svg .node")
    graph.first.wait_for(timeout=30_000)
    page.wait_for_timeout(2_000)  # let the force layout settle before the screenshot
    # A caption wraps over one or more <text> lines inside its circle.
    captions = graph.evaluate_all("nodes => nodes.map(n => Array.from(n.querySelectorAll('text'))"
                                  ".map(t => t.textContent.trim()).join(' '))")
    assert {"北京市 Beijing", "贵州省 Guizhou"} <= set(captions), captions

    fills = result.locator("svg .node circle.b-outline").evaluate_all("els => els.map(e => e.getAttribute('fill'))")
    assert NODE_STYLES[Label.REGION].color in fills
    assert NODE_STYLES[Label.POLICY].color in fills
    assert len(set(fills)) >= 4, fills  # regions, facts of several kinds and documents, each in its colour

    overview = result.inner_text()
    assert re.search(r"Region \(\d+\)", overview), overview

    ARTIFACTS.mkdir(exist_ok=True)
    result.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
    page.close()
