"""Fixtures that give every test a real Neo4j, never a mock.

Where the server comes from, in order: NEO4J_URI when set; otherwise
testcontainers' Neo4jContainer when a Docker engine answers; otherwise a
local server started by ``graph.server.LocalServer`` on ports 17687/17474 in
its own directory, so a developer's own server on 7687 is never touched.
A local server the run started is stopped at its end and its store deleted
(the downloaded jars stay); ``pytest --keep`` keeps the store.

Tests leave the database as they found it: the session refuses a database
that already holds nodes, every test that writes gets ``graph`` which wipes
the nodes afterwards, and constraints and indexes created by the session are
dropped at its end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from policykg.graph.browser import post_connect_cmd
from policykg.graph.connection import Graph, open_graph, read_rows, write
from policykg.graph.server import LocalServer, cache_root
from policykg.graph.settings import Settings, resolve_settings
from policykg.ingest.pipeline import ingest_paths
from policykg.queries.guide import assets

DEMO_DOCUMENTS = Path(__file__).resolve().parent.parent / "data" / "documents"
# Overridable so that several developers' test runs on one machine don't share a database.
TEST_BOLT_PORT = int(os.environ.get("POLICYKG_TEST_BOLT_PORT", "17687"))
TEST_HTTP_PORT = int(os.environ.get("POLICYKG_TEST_HTTP_PORT", "17474"))


@dataclass(frozen=True)
class Neo4jUnderTest:
    settings: Settings
    http_url: str | None  # Browser/HTTP base URL when known
    env: dict[str, str]  # environment for CLI subprocesses


def _docker_answers() -> bool:
    docker = shutil.which("docker")
    if docker is None:
        return False
    try:
        return subprocess.run([docker, "info"], capture_output=True, timeout=10).returncode == 0
    except subprocess.TimeoutExpired:
        return False


def local_test_server() -> LocalServer:
    """The local test instance (also used by the Browser test for its HTTP port)."""
    return LocalServer(home=cache_root() / f"test-server-{TEST_BOLT_PORT}", bolt_port=TEST_BOLT_PORT, http_port=TEST_HTTP_PORT,
                       post_connect_cmd=post_connect_cmd(TEST_HTTP_PORT), web_files=assets())


@pytest.fixture(scope="session")
def neo4j_under_test(request: pytest.FixtureRequest) -> Iterator[Neo4jUnderTest]:
    if os.environ.get("NEO4J_URI"):
        settings = resolve_settings()
        yield Neo4jUnderTest(settings, None, {})
        return
    if _docker_answers():
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer("neo4j:5.26-community", password="policykg-test") as container:
            uri = container.get_connection_url()
            settings = resolve_settings(uri=uri, username="neo4j", password="policykg-test")
            host = container.get_container_host_ip()
            http = f"http://{host}:{container.get_exposed_port(7474)}"
            yield Neo4jUnderTest(settings, http, {"NEO4J_URI": uri, "NEO4J_PASSWORD": "policykg-test"})
        return
    server = local_test_server()
    started = server.start()
    keep = request.config.getoption("--keep")
    password = server.password() or ""
    settings = resolve_settings(uri=server.uri, username="neo4j", password=password)
    try:
        yield Neo4jUnderTest(settings, f"http://localhost:{server.http_port}",
                             {"NEO4J_URI": server.uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": password})
    finally:
        if started:
            server.stop()
            if not keep:
                discard_store(server.home)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--keep", action="store_true",
                     help="keep the local test server's store (about 500 MB) after the run, to start faster next time")


def discard_store(home: Path) -> None:
    """Delete a stopped test server's folder: its store, logs and password, not the shared jars its lib links to.

    A test run would otherwise leave about 500 MB behind in ~/.cache/policykg
    per port; the jars (in <cache>/jars) are kept, so the next run does not
    download them again.
    """
    if home.is_dir():
        shutil.rmtree(home)  # lib is a symbolic link: rmtree removes the link, never what it points to


@pytest.fixture(scope="session")
def settings(neo4j_under_test: Neo4jUnderTest) -> Settings:
    return neo4j_under_test.settings


def _schema_names(db: Graph) -> tuple[set[str], set[str]]:
    constraints = {r["name"] for r in read_rows(db, "SHOW CONSTRAINTS YIELD name RETURN name")}
    indexes = {r["name"] for r in read_rows(db,
                                             "SHOW INDEXES YIELD name, owningConstraint, type "
                                             "WHERE owningConstraint IS NULL AND type <> 'LOOKUP' RETURN name")}
    return constraints, indexes


@pytest.fixture(scope="session")
def db(settings: Settings) -> Iterator[Graph]:
    """The connected test database (a Graph: driver + database name)."""
    db = open_graph(settings)
    nodes = read_rows(db, "MATCH (n) RETURN count(n) AS n")[0]["n"]
    if nodes:
        db.close()
        pytest.exit(f"the test database at {settings.address} holds {nodes} nodes; "
                    "tests need an empty database (they wipe what they write)", returncode=1)
    before = _schema_names(db)
    yield db
    after = _schema_names(db)
    for name in after[0] - before[0]:
        write(db, lambda tx, n=name: tx.run("DROP CONSTRAINT $name IF EXISTS", name=n).consume())
    for name in after[1] - before[1]:
        write(db, lambda tx, n=name: tx.run("DROP INDEX $name IF EXISTS", name=n).consume())
    db.close()


@pytest.fixture
def graph(db: Graph) -> Iterator[Graph]:
    """The test database, for a test that writes: the graph is emptied again afterwards."""
    yield db
    wipe(db)


@pytest.fixture(scope="module")
def demo_graph(db: Graph) -> Iterator[Graph]:
    """The demo corpus ingested once per test module; emptied again at module end."""
    ingest_paths(db, [DEMO_DOCUMENTS])
    yield db
    wipe(db)


def wipe(db: Graph) -> None:
    """Delete every node, in batches (an auto-commit transaction, as CALL IN TRANSACTIONS needs)."""
    with db.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def node_count(db: Graph) -> int:
    return read_rows(db, "MATCH (n) RETURN count(n) AS n")[0]["n"]


def rel_count(db: Graph) -> int:
    return read_rows(db, "MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]


CHROMIUM = "/usr/bin/chromium"  # Debian's; scripts/test installs it
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Headless Chromium driven by Playwright, for the Browser and the review end-to-end tests."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (scripts/test does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
