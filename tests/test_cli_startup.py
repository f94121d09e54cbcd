"""The CLI starts fast: `policykg --help` imports neither the driver nor pydantic nor rich; -h and --version work.

Speed itself is measured by bench/startup.py, not here; this test holds the
cause of a slow start (heavy imports before arguments are parsed) in place.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.cli import run_cli

HEAVY = ("neo4j", "pydantic_settings", "rich", "yaml", "pandas")

PROBE = """
import json, sys
sys.argv = ["policykg", *json.loads(sys.argv[1])]
try:
    from policykg.cli import main
    main()
except SystemExit:
    pass
sys.__stderr__.write("\\nMODULES " + json.dumps(sorted({m.split('.')[0] for m, v in sys.modules.items() if v is not None})) + "\\n")
"""


def _imported(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, timeout=60)
    line = next(line for line in done.stderr.splitlines() if line.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES ")))


@pytest.mark.parametrize("args", [("--help",), ("query", "run", "--help"), ("server", "--help"), ("search", "-h")],
                         ids=" ".join)
def test_help_imports_nothing_heavy(args):
    assert _imported(*args) & set(HEAVY) == set()


def test_root_help_does_not_even_import_pydantic():
    # typer itself coerces a subcommand's parameters with pydantic; the root help needs none of it
    assert "pydantic" not in _imported("--help")


def test_short_help_and_version():
    assert "Usage: policykg [OPTIONS] COMMAND" in run_cli("-h").output
    assert "Usage: policykg query run" in run_cli("query", "run", "-h").output
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.output.startswith("policykg 0.")


def test_help_has_no_type_badges_or_dangling_full_stops():
    for path in (["ingest"], ["validate"], ["server", "start"], ["query", "run"], ["search"], ["browser"]):
        text = run_cli(*path, "--help").output
        assert "<bool>" not in text, path
        assert " ." not in text, (path, text)
    assert "Record files or folders (default: data/documents)." in run_cli("ingest", "--help").output
    assert "Instance directory (default: ~/.cache/policykg/server)." in run_cli("server", "start", "--help").output
