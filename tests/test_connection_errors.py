"""Each bad connection setting is one line naming cause and address, exit code 1, no traceback."""

from __future__ import annotations

import socket

import pytest

from tests.cli import run_cli


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _assert_one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]


def test_wrong_password(neo4j_under_test):
    env = {**neo4j_under_test.env, "NEO4J_PASSWORD": "definitely-wrong-password"}
    result = run_cli("status", env=env)
    _assert_one_line_error(result, "wrong username or password", neo4j_under_test.settings.uri)


def test_server_down():
    uri = f"bolt://127.0.0.1:{_free_port()}"
    result = run_cli("status", env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "x" * 10})
    _assert_one_line_error(result, "no Neo4j answers", uri, "Connection refused")


def test_unresolvable_host():
    uri = "neo4j://no-such-host.invalid:7687"
    result = run_cli("status", env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "x" * 10})
    _assert_one_line_error(result, "no Neo4j answers", uri)


@pytest.mark.parametrize("uri", ["http://localhost:7474", "bolt://localhost:port", "localhost"])
def test_malformed_uri(uri):
    result = run_cli("--uri", uri, "status", env={"NEO4J_PASSWORD": "x" * 10})
    _assert_one_line_error(result, "malformed Neo4j URI", uri)


def test_unknown_database(neo4j_under_test):
    result = run_cli("--database", "nosuchdatabase", "status", env=neo4j_under_test.env)
    _assert_one_line_error(result, "database 'nosuchdatabase' does not exist", neo4j_under_test.settings.uri)
