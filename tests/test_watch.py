"""Scheduled re-ingest: runs on an interval and rides out a real Neo4j restart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policykg.errors import ConfigError
from policykg.graph.connection import connect, read_rows
from policykg.graph.server import LocalServer
from policykg.graph.settings import resolve_settings
from policykg.ingest.watch import parse_interval, watch

TEST_DOC = Path(__file__).parent / "data" / "shenzhen.yaml"


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("10m", 600), ("1h", 3600), ("45", 45), ("1.5m", 90)])
def test_parse_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "10 minutes", "-5m", "0s", "m"])
def test_bad_interval_is_a_config_error(text):
    with pytest.raises(ConfigError, match="is not a duration"):
        parse_interval(text)


def test_watch_survives_a_server_restart(tmp_path):
    """Run 1 ingests, then the server stops; the watcher backs off and run 2 lands after restart."""
    server = LocalServer(home=tmp_path / "instance", bolt_port=27787, http_port=27574)
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(TEST_DOC, folder / "a.yaml")
    log: list[str] = []
    events: list[str] = []

    def sleep(seconds: float) -> None:
        # the watcher's only pause: after run 1 stop the server; on the second back-off start it again
        if not events:
            server.stop()
            events.append("stopped")
        elif len(events) == 2:
            server.start()
            events.append("started")
        else:
            events.append(f"waited {seconds:g}")

    server.start()
    try:
        settings = resolve_settings(uri=server.uri, username="neo4j", password=server.password())
        done = watch(settings, [folder], interval=600, runs=2, log=log.append, sleep=sleep)
        assert done == 2
        assert events == ["stopped", "waited 1", "started"]
        assert "1 new, 0 changed" in log[0]
        assert "no Neo4j answers at bolt://localhost:27787" in log[1] and log[1].endswith("retrying in 1s")
        assert log[2].endswith("retrying in 2s")
        assert "0 new, 0 changed, 1 unchanged" in log[3]
        with connect(settings) as db:
            runs = read_rows(db, "MATCH (r:IngestRun) RETURN count(r) AS n")
        assert runs == [{"n": 2}]
    finally:
        server.stop()


def test_an_invalid_file_is_logged_and_the_watcher_goes_on(settings, tmp_path, graph):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bad.yaml").write_text("document: {id: x}\n", encoding="utf-8")
    log: list[str] = []
    assert watch(settings, [folder], interval=1, runs=2, log=log.append, sleep=lambda s: None) == 2
    assert len(log) == 2
    assert all("ingest refused, nothing written" in line and "bad.yaml:1: document.language: Field required" in line
               for line in log)
