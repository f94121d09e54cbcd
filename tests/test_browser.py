"""The Browser style and guide: complete, current, runnable against the demo graph, and served."""

from __future__ import annotations

import re
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from neo4j.graph import Node

from policykg.graph.browser import (
    ASSET_DIR,
    DOCKER_ASSET_PORT,
    GUIDE_FILE,
    STYLE_FILE,
    asset_base,
    browser_url,
    connect_commands,
    post_connect_cmd,
)
from policykg.graph.browser_style import NODE_STYLES, grass
from policykg.graph.connection import Graph
from policykg.queries.guide import graph_cypher, guide_html, params_command
from policykg.queries.loader import NamedQuery, load_all
from policykg.schema.vocabulary import Label
from tests.cli import run_cli
from tests.conftest import TEST_BOLT_PORT, TEST_HTTP_PORT, local_test_server

ROOT = Path(__file__).resolve().parent.parent
BEIJING, GUIZHOU = "110000", "520000"


class _Runnables(HTMLParser):
    """The text of every <pre class="runnable">, as Browser puts it in the editor, by (query, variant)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: dict[tuple[str, str], str] = {}
        self._open: tuple[str, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "pre" and "runnable" in (a.get("class") or "").split():
            self._open, self._text = (a["data-query"] or "", a["data-variant"] or ""), []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._open:
            self.blocks[self._open] = "".join(self._text).strip()
            self._open = None


def runnables(html_text: str) -> dict[tuple[str, str], str]:
    parser = _Runnables()
    parser.feed(html_text)
    return parser.blocks


def test_style_gives_every_label_its_own_colour_and_a_chinese_caption() -> None:
    text = grass()
    rules = dict(re.findall(r"^node\.(\w+) \{\n(.*?)^\}", text, re.MULTILINE | re.DOTALL))
    assert set(rules) == {label.value for label in Label}
    colours = {re.search(r"^  color: (#[0-9A-F]{6});", body, re.MULTILINE).group(1) for body in rules.values()}
    assert len(colours) == len(Label)
    assert "caption: '{name_zh} {name_en}';" in rules["Region"]
    assert "caption: '{title_zh} {title_en}';" in rules["Policy"]
    for label, style in NODE_STYLES.items():
        if label is not Label.INGEST_RUN:  # the only label without Chinese text
            assert re.match(r"\{(name|title)_zh\}", style.caption), label


def test_committed_copies_match_what_is_generated() -> None:
    """docker-compose serves graph/browser_assets/*; regenerate with `policykg browser guide --out graph/browser_assets`."""
    assert (ASSET_DIR / STYLE_FILE).read_text(encoding="utf-8") == grass()
    assert (ASSET_DIR / GUIDE_FILE).read_text(encoding="utf-8") == guide_html()


def test_guide_has_every_query_with_both_descriptions_and_its_runnable_cypher() -> None:
    queries = load_all()
    html_text = guide_html()
    blocks = runnables(html_text)
    assert html_text.count("<slide ") == len(queries) + 1
    for query in queries:
        assert f">{query.name}<" in html_text
        # frames are titled by the question: Browser shows the first line as the frame's title
        assert blocks[(query.name, "table")] == f"// {query.description_zh} · {query.name}\n{query.cypher.strip()}"
        values = query.example_cypher_params()
        assert blocks.get((query.name, "params")) == (params_command(values) if values else None)
        graph = graph_cypher(query)
        assert blocks.get((query.name, "graph")) == (graph and f"// {query.description_zh} · {query.name}\n{graph}")
    # descriptions survive HTML escaping: compare on the text a browser shows
    shown = _visible_text(html_text)
    for query in queries:
        assert query.description_zh in shown and query.description_en in shown
    assert blocks[("regions-targeting-theme", "params")] == (
        ':params {theme: "cross-border-data-flows", region: null, kind: null, status: "current", __row_limit: 101}')


def _visible_text(html_text: str) -> str:
    parts: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

    Text(convert_charrefs=True).feed(html_text)
    return "".join(parts)


def test_sanitiser_cannot_eat_guide_text() -> None:
    """Browser deletes ' on…=value' from remote guides; the guide writes such an 'o' as a reference."""
    strips = re.compile(r"""(\s+(on[^\s=]+)[^\s=]*\s*=\s*("[^"]*"|'[^']*'|[\w\-.:]+\s*))""", re.IGNORECASE)
    html_text = guide_html()
    assert strips.sub("", html_text) == html_text
    fake = NamedQuery(name="fake", description_zh="测试", description_en="x", params=[], example={},
                      cypher="MATCH (n:Region) WHERE n.online = 1 RETURN n", path=Path("fake.cypher"))
    text = guide_html([fake])
    assert strips.sub("", text) == text
    assert runnables(text)[("fake", "table")] == f"// 测试 · fake\n{fake.cypher}"


@pytest.mark.parametrize("query", load_all(), ids=lambda q: q.name)
def test_every_guide_block_runs_on_the_demo_graph(demo_graph: Graph, query: NamedQuery) -> None:
    params = query.example_cypher_params()
    with demo_graph.session() as session:
        table = session.execute_read(lambda tx: list(tx.run(query.cypher, params)))
        graph = graph_cypher(query)
        if graph is not None:
            drawn = session.execute_read(lambda tx: list(tx.run(graph, params)))
            assert bool(drawn) == bool(table)  # RETURN * keeps every row the table came from


def test_graph_variant_of_regions_targeting_theme_draws_beijing_and_guizhou(demo_graph: Graph) -> None:
    query = next(q for q in load_all() if q.name == "regions-targeting-theme")
    graph = graph_cypher(query)
    assert graph is not None and graph.endswith("RETURN *")
    with demo_graph.session() as session:
        rows = session.execute_read(lambda tx: list(tx.run(graph, query.example_cypher_params())))
        table = session.execute_read(lambda tx: list(tx.run(query.cypher, query.example_cypher_params())))
    drawn = {(v["code"], v["name_zh"]) for row in rows for v in row.values()
             if isinstance(v, Node) and "Region" in v.labels}
    assert {(BEIJING, "北京市"), (GUIZHOU, "贵州省")} <= drawn
    assert {code for code, _ in drawn} == {row["region"] for row in table}


def test_post_connect_commands_open_style_and_guide_in_both_setups() -> None:
    assert post_connect_cmd(17474) == ("style http://localhost:17474/browser/policykg/policykg.grass; "
                                       "play http://localhost:17474/browser/policykg/guide.html")
    compose = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    assert f'NEO4J_browser_post__connect__cmd: "{connect_commands(f"http://localhost:{DOCKER_ASSET_PORT}")}"' in compose
    for name in (GUIDE_FILE, STYLE_FILE):
        assert f"./graph/browser_assets/{name}:/usr/share/nginx/html/{name}:ro" in compose


def test_browser_url_carries_the_connection() -> None:
    assert browser_url(7474, "neo4j://localhost:7687", "neo4j", "neo4j") == \
        "http://localhost:7474/browser/?dbms=neo4j://neo4j@localhost:7687&db=neo4j"
    assert browser_url(17474, "bolt://localhost:17687") == "http://localhost:17474/browser/?dbms=bolt://neo4j@localhost:17687"


def test_local_test_server_serves_guide_and_style(neo4j_under_test) -> None:
    if neo4j_under_test.http_url != f"http://localhost:{TEST_HTTP_PORT}":
        pytest.skip("the guide and style are served by a local server (policykg server start); not this one")
    conf = (local_test_server().home / "conf" / "neo4j.conf").read_text(encoding="utf-8")
    assert f"browser.post_connect_cmd={post_connect_cmd(TEST_HTTP_PORT)}" in conf.splitlines()
    for name, expected in ((GUIDE_FILE, guide_html()), (STYLE_FILE, grass())):
        with urllib.request.urlopen(f"{asset_base(TEST_HTTP_PORT)}/{name}", timeout=10) as response:
            assert response.read().decode("utf-8") == expected
    with urllib.request.urlopen(f"{neo4j_under_test.http_url}/browser/", timeout=10) as response:
        assert b"Neo4j Browser" in response.read()


def test_cli_prints_address_and_play_line(neo4j_under_test) -> None:
    if neo4j_under_test.http_url != f"http://localhost:{TEST_HTTP_PORT}":
        pytest.skip("needs the local test server's HTTP port")
    result = run_cli("browser", "--print", "--http-port", str(TEST_HTTP_PORT), env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"http://localhost:{TEST_HTTP_PORT}/browser/?dbms=bolt://neo4j@localhost:{TEST_BOLT_PORT}",
        f"Guide (opens on connect; or type in Browser): :play {asset_base(TEST_HTTP_PORT)}/{GUIDE_FILE}",
    ]


def test_cli_writes_the_guide(tmp_path: Path) -> None:
    result = run_cli("browser", "guide", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / GUIDE_FILE).read_text(encoding="utf-8") == guide_html()
    assert (tmp_path / "out" / STYLE_FILE).read_text(encoding="utf-8") == grass()
