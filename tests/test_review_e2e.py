"""`policykg review` end to end in headless Chromium: from a fresh draft to facts in the graph, by a reviewer.

Open a draft, reject one fact, change one fact's unit, add one the rules missed
from a selection, accept the rest by keyboard, reload (nothing lost), publish
with ingest; the canned question then shows the edited value, and a request
without the token gets 403. The page's screenshot goes to docs/review-page.png
(README, "Reviewing drafts"). Debian's Chromium, driven by Playwright, as in
tests/test_browser_e2e.py.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from policykg.graph.connection import Graph
from tests.conftest import Neo4jUnderTest
from tests.review_util import make_draft

pytestmark = pytest.mark.review

SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "review-page.png"
FIVE_G = "targets/draft-jiangxi-tisu-t002"
SOFTWARE = "observations/draft-jiangxi-tisu-o003"
MISSED = "培育省级工业互联网平台二十个"




@pytest.fixture
def review_server(tmp_path: Path, graph: Graph, neo4j_under_test: Neo4jUnderTest) -> Iterator[tuple[str, Path]]:
    """`policykg review DRAFTS --ingest` as a user starts it: (its first line, the records folder)."""
    _, draft = make_draft(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = tmp_path / "documents"
    process = subprocess.Popen([sys.executable, "-m", "policykg", "review", str(draft.parent), "--port", str(port),
                                "--no-browser", "--ingest", "--out", str(out), "--reviewer", "Wang Fang"],
                               stdout=subprocess.PIPE, text=True, cwd=tmp_path,
                               env={**_environ(), **neo4j_under_test.env})
    try:
        yield process.stdout.readline().strip(), out
    finally:
        process.terminate()
        process.wait(timeout=10)


def _environ() -> dict[str, str]:
    return dict(os.environ)


def _card(page: Page, fact_id: str):
    return page.locator(f'article.card[data-id="{fact_id}"]')


def _select_text(page: Page, text: str) -> None:
    """Select ``text`` in the source as a mouse would, and let the page see the mouse go up."""
    page.evaluate("""(text) => {
        const walker = document.createTreeWalker(document.getElementById("source"), NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent.indexOf(text);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            document.getElementById("source").dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
            return;
        }
        throw new Error("not in the source: " + text);
    }""", text)


def test_a_reviewer_takes_a_draft_to_the_graph(chromium: Browser, review_server: tuple[str, Path],
                                               neo4j_under_test: Neo4jUnderTest) -> None:
    url, out = review_server
    page = chromium.new_page(viewport={"width": 1500, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.get_by_role("link", name="江西省数字经济提速行动计划(2024—2026年)").click()
    expect(page.locator("#progress")).to_contain_text("0 /")

    # reject the software revenue figure: click its card, press r
    _card(page, SOFTWARE).locator(".card-head").click()
    page.keyboard.press("r")
    expect(_card(page, SOFTWARE)).to_have_class(has_class("state-rejected"))

    _edit_unit(page)
    _add_from_selection(page)
    _accept_the_rest_by_keyboard(page)

    # a reload (or a crash, or a closed tab) loses nothing
    page.reload()
    expect(_card(page, SOFTWARE)).to_have_class(has_class("state-rejected"))
    expect(_card(page, FIVE_G).locator(".card-head .text")).to_contain_text("> 120000个")
    expect(page.locator("article.card.state-undecided")).to_have_count(0)
    expect(page.locator("#progress")).to_contain_text(f"{page.locator('article.card').count()} / ")

    _card(page, FIVE_G).locator(".card-head").click()
    _card(page, FIVE_G).evaluate("card => card.scrollIntoView({block: 'center'})")
    page.screenshot(path=str(SCREENSHOT))

    # publish with ingest: P, then Enter
    page.keyboard.press("P")
    page.keyboard.press("Enter")
    expect(page.locator("#publish-result")).to_contain_text("Ingested: documents: 1 new", timeout=60_000)
    assert (out / "jiangxi-tisu.yaml").is_file()
    assert errors == []

    # the canned question shows the edited value
    _check_canned_question(neo4j_under_test)

    # and without the token, nothing
    assert httpx.get(url.split("?")[0], timeout=5).status_code == 403


def _edit_unit(page: Page) -> None:
    """The 5G target counts base stations, not 万个: edit unit and value (Enter saves)."""
    _card(page, FIVE_G).locator(".card-head").click()
    page.keyboard.press("e")
    form = _card(page, FIVE_G).locator("form")
    form.locator('input[name="value"]').fill("many")
    expect(form.locator('[data-err="value"]')).to_have_text("give a number")  # checked as typed
    form.locator('input[name="value"]').fill("120000")
    form.locator('input[name="unit"]').fill("个")
    expect(form.locator('[data-err="value"]')).to_have_text("")
    form.locator('input[name="unit"]').press("Enter")
    expect(_card(page, FIVE_G)).to_have_class(has_class("state-edited"))
    expect(_card(page, FIVE_G).locator(".card-head .text")).to_contain_text("> 120000个")


def _add_from_selection(page: Page) -> None:
    """What the rules missed: select it in the source, make a target of it."""
    _select_text(page, MISSED)
    page.locator('#selection-tools button[data-new="targets"]').click()
    new = page.locator('.new-fact[data-section="targets"] form')
    expect(new.locator('input[name="value"]')).to_have_value("20")
    expect(new.locator('input[name="deadline"]')).to_have_value("2026")
    new.locator('input[name="value"]').fill("")
    expect(new.locator('[data-err="value"]')).to_have_text("")  # a target may be a word (value_text)
    new.locator('select[name="policy"]').select_option("")
    expect(new.locator('[data-err="policy"]')).to_have_text("this is required")  # checked as typed
    new.locator('select[name="policy"]').select_option("pol-885693ca")
    new.locator('input[name="value"]').fill("20")
    expect(new.locator(".field.bad")).to_have_count(0)
    new.locator('input[name="name_en"]').fill("Provincial industrial internet platforms")
    new.locator('input[name="name_en"]').press("Enter")
    added = page.locator("article.card.state-accepted", has_text=MISSED)
    expect(added).to_have_count(1)


def _accept_the_rest_by_keyboard(page: Page) -> None:
    """`A` accepts the rest of a section; once per section."""
    page.locator("body").click(position={"x": 5, "y": 5})
    for _ in range(10):
        if page.locator("article.card.state-undecided").count() == 0:
            break
        page.keyboard.press("A")
        page.wait_for_timeout(300)
    expect(page.locator("article.card.state-undecided")).to_have_count(0)


def _check_canned_question(neo4j_under_test: Neo4jUnderTest) -> None:
    """targets-due-by (as a user runs it) shows the edited value and the added target."""
    done = subprocess.run([sys.executable, "-m", "policykg", "query", "run", "targets-due-by", "--param", "year=2026",
                           "--format", "json"], capture_output=True, text=True, env={**_environ(), **neo4j_under_test.env},
                          check=True)
    rows = json.loads(done.stdout)
    rows = rows["rows"] if isinstance(rows, dict) else rows
    five_g = [r for r in rows if r["name_zh"] == "5G基站"]
    assert [(r["value"], r["unit"]) for r in five_g] == [(120000.0, "个")]
    assert any(r["value"] == 20.0 and r["deadline"] == 2026 for r in rows)  # the one added from a selection
    assert not any(r["name_zh"] == "软件业务收入" for r in rows)


def has_class(name: str) -> re.Pattern[str]:
    """A class-attribute matcher: the element's classes include ``name``."""
    return re.compile(rf"(^|\s){re.escape(name)}(\s|$)")
