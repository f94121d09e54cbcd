"""Small things a new user trips over: exit codes scripts can test, messages that say what to do next,
`changes` readable in a terminal, and the Browser of the server actually in use."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len

from policykg.ingest.pipeline import ingest_paths
from tests.cli import run_cli
from tests.conftest import TEST_BOLT_PORT, TEST_HTTP_PORT

SHENZHEN = Path(__file__).parent / "data" / "shenzhen.yaml"


def test_server_status_exits_3_when_stopped(tmp_path):
    result = run_cli("server", "status", "--home", str(tmp_path))
    assert result.exit_code == 3
    assert result.output.strip() == f"Not running ({tmp_path})"


def test_changes_are_grouped_by_document_one_line_each(graph, neo4j_under_test, tmp_path):
    ingest_paths(graph, [SHENZHEN])
    changed = tmp_path / "shenzhen.yaml"
    changed.write_text(SHENZHEN.read_text(encoding="utf-8").replace("value: 8446.6", "value: 8500"), encoding="utf-8")
    ingest_paths(graph, [changed])
    result = run_cli("changes", env={**neo4j_under_test.env, "COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith(": 0 new, 1 changed, 0 unchanged, 0 removed")
    assert lines[1] == "test-shenzhen-brief  (1 changed)"
    assert lines[2].split() == ["~", "Observation", "test-sz-core-digital-va-2020", "value:", "8446.6", "→", "8500"]
    assert len(lines) == 3
    as_json = run_cli("changes", "-f", "json", env=neo4j_under_test.env)
    assert as_json.exit_code == 0 and '"document": "test-shenzhen-brief"' in as_json.stdout


def test_changes_lines_are_cut_to_the_terminal_and_a_cut_name_is_shown_whole_below(graph, neo4j_under_test):
    ingest_paths(graph, [SHENZHEN])
    result = run_cli("changes", env={**neo4j_under_test.env, "COLUMNS": "64"})
    lines = result.stdout.splitlines()
    assert lines[1] == "test-shenzhen-brief  (7 added)"
    changes = [line for line in lines[2:] if not line.startswith("      ")]
    assert len(changes) == 7
    assert all(cell_len(line) <= 64 for line in changes)
    cut = [i for i, line in enumerate(lines) if line.endswith("…")]
    assert cut  # long names are cut, not wrapped, and the next line has the whole name
    for i in cut:
        whole = lines[i + 1].strip()
        assert lines[i + 1].startswith("      ") and whole.startswith(lines[i].split()[3].rstrip("…"))
    assert ["+", "Organization", "test-sz-gov", "深圳市人民政府"] in [line.split() for line in lines]
    # keys are aligned: the names start in one column
    assert len({line.index(line.split()[3]) for line in changes}) == 1


def test_browser_print_picks_the_browser_of_the_local_instance_in_use(neo4j_under_test):
    if not neo4j_under_test.http_url or str(TEST_HTTP_PORT) not in neo4j_under_test.http_url:
        raise AssertionError("this test needs the local test server (no NEO4J_URI, no Docker)")
    result = run_cli("browser", "--print", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"http://localhost:{TEST_HTTP_PORT}/browser/?dbms=bolt://neo4j@localhost:{TEST_BOLT_PORT}")
    assert f":play http://localhost:{TEST_HTTP_PORT}/browser/policykg/guide.html" in result.output


def test_browser_says_when_it_cannot_know():
    result = run_cli("browser", "--print", env={"NEO4J_URI": "neo4j+s://example.databases.neo4j.io"})
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot tell which Browser belongs to neo4j+s://example.databases.neo4j.io "
                                    "(example.databases.neo4j.io, which is not this machine")
    assert "--http-port" in result.output
    given = run_cli("browser", "--print", "--http-port", "7474",
                    env={"NEO4J_URI": "bolt://db.example.org:7687"})
    assert given.exit_code == 0
    assert given.output.startswith("http://db.example.org:7474/browser/?dbms=bolt://neo4j@db.example.org:7687")


def test_server_down_error_says_how_to_start_one(tmp_path):
    result = run_cli("status", env={"NEO4J_URI": "bolt://localhost:1", "NEO4J_PASSWORD": "x"})
    assert result.exit_code == 1
    assert result.output.startswith("Error: no Neo4j answers at bolt://localhost:1")
    assert "policykg server start" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_quoted_date_says_to_drop_the_quotes(tmp_path):
    record = tmp_path / "quoted.yaml"
    record.write_text('document:\n  id: quoted\n  title_en: Quoted\n  published: "2023-03-15"\n  language: zh\n',
                      encoding="utf-8")
    result = run_cli("validate", str(record))
    assert result.exit_code == 1
    assert result.output.strip() == (f"Error: {record}:4: document.published: Input should be a valid date "
                                     "(got '2023-03-15'); drop the quotes: YAML reads a quoted date as text")


def test_theme_suggestions_are_spelled_as_written():
    result = run_cli("query", "run", "regions-targeting-theme", "-p", "theme=cross border data flow",
                     env={"NEO4J_URI": "bolt://localhost:1"})
    assert result.exit_code == 1
    assert "; closest: cross-border-data-flows, " in result.output


def test_query_show_never_wraps_the_example_command():
    result = run_cli("query", "show", "regions-targeting-theme", env={"COLUMNS": "40"})
    assert "example: policykg query run regions-targeting-theme --param theme=数据跨境流动\n" in result.output


def test_ingest_without_prune_says_which_stored_documents_lost_their_file(graph, neo4j_under_test, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "shenzhen.yaml").write_text(SHENZHEN.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli("ingest", str(folder), env=neo4j_under_test.env).exit_code == 0
    (folder / "shenzhen.yaml").unlink()
    (folder / "other.yaml").write_text(SHENZHEN.read_text(encoding="utf-8").replace("test-shenzhen-brief", "test-other")
                                       .replace("key: test-", "key: other-").replace("policy: test-", "policy: other-")
                                       .replace("indicator: test-", "indicator: other-")
                                       .replace("issued_by: test-", "issued_by: other-"), encoding="utf-8")
    result = run_cli("ingest", str(folder), env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(
        "; 1 stored document no longer has a file (test-shenzhen-brief): kept, --prune retracts")


def test_browser_home_names_the_instance(neo4j_under_test, tmp_path):
    from tests.conftest import local_test_server

    home = local_test_server().home
    result = run_cli("browser", "--print", "--home", str(home), env={"NEO4J_URI": "bolt://localhost:1"})
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"http://localhost:{TEST_HTTP_PORT}/browser/?dbms=bolt://neo4j@localhost:{TEST_BOLT_PORT}")
    stopped = run_cli("browser", "--print", "--home", str(tmp_path))
    assert stopped.exit_code == 1
    assert stopped.output.startswith(f"Error: no local server runs in {tmp_path}: start it with `policykg server start")


def test_fact_source_needs_a_key_or_words():
    result = run_cli("query", "run", "fact-source", env={"NEO4J_URI": "bolt://localhost:1"})
    assert result.exit_code == 1
    assert result.output.strip() == "Error: query 'fact-source' needs --param key=… or --param text=…"
