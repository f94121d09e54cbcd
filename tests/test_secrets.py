"""The password stays off command lines, and the instance's auth data and logs are owner-only."""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from pathlib import Path

from policykg.graph import server as server_module
from policykg.graph.connection import connect, read_rows
from policykg.graph.server import LocalServer
from policykg.graph.settings import resolve_settings
from tests.cli import run_cli

TEST_DOC = Path(__file__).parent / "data" / "shenzhen.yaml"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _command_lines() -> list[str]:
    lines = []
    for entry in Path("/proc").iterdir():
        try:
            lines.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace"))
        except OSError:
            continue
    return lines


def test_a_new_instance_keeps_its_password_off_command_lines_and_its_files_private(tmp_path, monkeypatch):
    instance = LocalServer(home=tmp_path / "instance", bolt_port=17732, http_port=17733)
    commands: list[list[str]] = []
    real_run = subprocess.run

    def recording_run(command, *args, **kwargs):  # the real subprocess.run, with its arguments kept
        commands.append([str(part) for part in command])
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(server_module.subprocess, "run", recording_run)
    seen: list[str] = []
    done = threading.Event()

    def watch_proc() -> None:  # every process's command line while the instance is set up and started
        while not done.is_set():
            password = instance.password()
            if password:
                seen.extend(line for line in _command_lines() if password in line)
            done.wait(0.005)

    watcher = threading.Thread(target=watch_proc)
    watcher.start()
    try:
        assert instance.start() is True
    finally:
        done.set()
        watcher.join()
    try:
        password = instance.password()
        assert password and len(password) == 32
        assert seen == []
        assert not any(password in " ".join(command) for command in commands)
        assert ["dbms", "set-initial-password", f"@{instance.password_file.resolve()}"] in [c[-3:] for c in commands]
        # the argument file really carried the password: the server accepts it
        with connect(resolve_settings(uri=instance.uri, username="neo4j", password=password)) as graph:
            assert read_rows(graph, "RETURN 1 AS one") == [{"one": 1}]

        home = instance.home
        assert {name: _mode(home / name) for name in ("", "data", "logs")} == {"": 0o700, "data": 0o700, "logs": 0o700}
        private = [home / "password", home / "data" / "dbms" / "auth.ini", *sorted((home / "logs").iterdir())]
        assert {p.name for p in private} >= {"password", "auth.ini", "neo4j.log", "debug.log", "security.log"}
        assert {str(p.relative_to(home)): oct(_mode(p)) for p in private} == {
            str(p.relative_to(home)): "0o600" for p in private}
    finally:
        instance.stop()


def test_an_instance_made_before_the_hardening_is_tightened_on_start(tmp_path):
    instance = LocalServer(home=tmp_path / "old", bolt_port=17734, http_port=17735)
    (instance.home / "logs").mkdir(parents=True)
    (instance.home / "data" / "dbms").mkdir(parents=True)
    old_log, old_auth = instance.home / "logs" / "neo4j.log", instance.home / "data" / "dbms" / "auth.ini"
    for path in (old_log, old_auth):
        path.write_text("x", encoding="utf-8")
        path.chmod(0o644)
    os.chmod(instance.home, 0o755)
    instance.install()
    assert (_mode(instance.home), _mode(old_log), _mode(old_auth)) == (0o700, 0o600, 0o600)


def test_password_on_the_command_line_warns(tmp_path):
    (tmp_path / "a.yaml").write_text(TEST_DOC.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("--password", "not-a-secret-anymore", "validate", str(tmp_path))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Warning: --password is visible to other users in `ps` and in shell history; "
        "set NEO4J_PASSWORD or put it in .env instead",
        "1 document valid."]
    quiet = run_cli("validate", str(tmp_path), env={"NEO4J_PASSWORD": "from-the-environment"})
    assert quiet.output.splitlines() == ["1 document valid."]
