"""`policykg server …`: a second local instance on its own ports, through its whole life."""

from __future__ import annotations

import os
import re
import shutil
import stat
import urllib.request

import pytest

from policykg.errors import ServerError
from policykg.graph.server import LocalServer, cache_root, new_password
from tests.cli import run_cli

BOLT, HTTP = 27687, 27474


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    # The jar cache is shared with the test server (cache_root), the instance is not.
    return tmp_path_factory.mktemp("instance")


def test_lifecycle(home):
    args = ("--home", str(home))
    ports = ("--bolt-port", str(BOLT), "--http-port", str(HTTP))
    try:
        started = run_cli("server", "start", *args, *ports)
        assert started.exit_code == 0, started.output
        assert started.output.startswith(f"Started Neo4j at bolt://localhost:{BOLT}")

        again = run_cli("server", "start", *args, *ports)
        assert again.exit_code == 0 and again.output.startswith("Already running:"), again.output

        assert stat.S_IMODE(os.stat(home / "password").st_mode) == 0o600
        password = (home / "password").read_text().strip()
        assert len(password) >= 16

        env = run_cli("server", "env", *args)
        assert env.output.splitlines() == [f"export NEO4J_URI=bolt://localhost:{BOLT}",
                                           "export NEO4J_USERNAME=neo4j", f"export NEO4J_PASSWORD={password}"]

        with urllib.request.urlopen(f"http://localhost:{HTTP}/browser/", timeout=10) as response:
            assert response.status == 200
            assert b"Neo4j Browser" in response.read()

        conn = {"NEO4J_URI": f"bolt://localhost:{BOLT}", "NEO4J_PASSWORD": password}
        status = run_cli("status", env=conn)
        assert status.exit_code == 0, status.output
        assert "community" in status.output.splitlines()[0] and "5.26." in status.output

        assert "Running at" in run_cli("server", "status", *args).output
        assert "Started." in run_cli("server", "logs", *args).output
    finally:
        stopped = run_cli("server", "stop", *args)
    assert stopped.output.strip() == "Stopped."
    assert run_cli("server", "status", *args).output.startswith("Not running")
    down = run_cli("status", env=conn)
    assert down.exit_code == 1 and down.output.startswith("Error: no Neo4j answers")
    assert run_cli("server", "stop", *args).output.strip() == "Not running."


def test_a_taken_port_is_refused(neo4j_under_test, tmp_path):
    if neo4j_under_test.http_url is None:
        pytest.skip("needs a Neo4j on a known local port")
    port = int(neo4j_under_test.http_url.rsplit(":", 1)[1])
    with pytest.raises(ServerError, match=f"port {port} on localhost is already taken"):
        LocalServer(home=tmp_path, bolt_port=BOLT + 1, http_port=port).start()


def test_missing_java_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    result = run_cli("server", "start", "--home", str(tmp_path / "x"), "--bolt-port", "27688", "--http-port", "27475")
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: `java` not found on PATH: install Java 17 or newer "
                                     "(e.g. apt-get install openjdk-17-jre-headless)")


def test_missing_maven_says_what_to_install(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "java").symlink_to(shutil.which("java"))
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("POLICYKG_HOME", str(tmp_path / "empty-cache"))  # no jars cached yet
    result = run_cli("server", "start", "--bolt-port", "27688", "--http-port", "27475")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: `mvn` not found on PATH: install Maven (e.g. apt-get install maven)"


def test_env_without_a_server_is_an_error(tmp_path):
    result = run_cli("server", "env", "--home", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: no local server has been set up in {tmp_path}")


def test_generated_passwords_are_never_read_as_options():
    # token_urlsafe once produced a password starting with '-' and set-initial-password failed
    passwords = {new_password() for _ in range(200)}
    assert len(passwords) == 200
    assert all(re.fullmatch(r"[0-9a-f]{32}", p) for p in passwords)


def test_jar_cache_is_shared():
    assert LocalServer(home=cache_root() / "x").jar_dir == LocalServer().jar_dir
