"""`policykg cypher` stays read-only: no LOAD CSV, no admin commands, a time limit; the server agrees.

The client refuses what a read transaction would let through (so this holds
against any server), and the local server is configured so that LOAD CSV can
read no file and reach no address even when the client is bypassed.
"""

from __future__ import annotations

import http.server
import threading

import pytest
from neo4j.exceptions import ClientError

from policykg.errors import QueryError
from policykg.graph.connection import read_rows, write
from policykg.graph.server import HARDENING
from policykg.queries.runner import refused_clause, run_cypher
from tests.cli import run_cli
from tests.conftest import local_test_server, node_count

REFUSED = {
    "LOAD CSV from loopback": "LOAD CSV FROM 'http://127.0.0.1:7474/' AS row RETURN row",
    "LOAD CSV with headers, lower case": "load csv with headers from $url as row return row",
    "LOAD CSV split by a comment": "LOAD /* x */ CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "LOAD CSV in a subquery": "CALL () { LOAD CSV FROM 'http://10.0.0.1/x' AS r RETURN r } RETURN r",
    "TERMINATE TRANSACTIONS": "TERMINATE TRANSACTIONS 'neo4j-transaction-42'",
    "SHOW TRANSACTIONS": "SHOW TRANSACTIONS YIELD currentQuery, parameters",
    "SHOW USERS": "SHOW USERS",
    "SHOW CURRENT USER": "SHOW CURRENT USER",
    "SHOW PRIVILEGES": "SHOW ALL PRIVILEGES AS COMMANDS",
    "SHOW SETTINGS": "SHOW SETTINGS YIELD name, value",
    "SHOW DATABASES": "SHOW DATABASES",
    "USE system": "USE system SHOW USERS",
    "USE a quoted name": "USE `system` MATCH (n) RETURN n",
    "CREATE USER": "CREATE USER mallory SET PASSWORD 'secret123'",
    "ALTER USER": "ALTER USER neo4j SET PASSWORD 'changed123'",
    "DROP DATABASE": "DROP DATABASE neo4j",
    "GRANT": "GRANT ROLE admin TO mallory",
    "REVOKE": "REVOKE ROLE admin FROM neo4j",
    "STOP DATABASE": "STOP DATABASE neo4j",
    "dbms.listConfig": "CALL dbms.listConfig() YIELD name, value RETURN name, value",
    "dbms procedure, spaced": "CALL dbms . showCurrentUser()",
}
ALLOWED = {
    "a string that says LOAD CSV": ("RETURN 'LOAD CSV FROM x; TERMINATE TRANSACTIONS' AS text",
                                    [{"text": "LOAD CSV FROM x; TERMINATE TRANSACTIONS"}]),
    "a comment that says SHOW USERS": ("RETURN 1 AS one // SHOW USERS", [{"one": 1}]),
    "properties named like keywords": ("WITH {use: 1, grant: 2} AS m RETURN m.use AS u, m.grant AS g",
                                       [{"u": 1, "g": 2}]),
    "dbms.components": ("CALL dbms.components() YIELD edition RETURN edition <> '' AS ok", [{"ok": True}]),
}


@pytest.mark.parametrize("kind", REFUSED, ids=list(REFUSED))
def test_the_console_refuses_before_sending(kind, db):
    with pytest.raises(QueryError, match=r"^`policykg cypher` is read-only: .* is refused"):
        run_cypher(db, REFUSED[kind])


def test_refused_on_the_command_line_with_one_error_line(graph, neo4j_under_test):
    write(graph, lambda tx: tx.run("CREATE (:Region {code: 'T-1'})").consume())
    result = run_cli("cypher", "LOAD CSV FROM 'http://127.0.0.1:1/' AS r CREATE (:Region {code: r[0]})",
                     env=neo4j_under_test.env)
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: `policykg cypher` is read-only: LOAD CSV is refused "
                                     "(an administrator can use cypher-shell or Browser)")
    assert node_count(graph) == 1


@pytest.mark.parametrize("kind", ALLOWED, ids=list(ALLOWED))
def test_lookalikes_in_strings_comments_and_names_still_run(kind, db):
    statement, rows = ALLOWED[kind]
    assert refused_clause(statement) is None
    assert run_cypher(db, statement) == rows


def test_a_runaway_query_is_stopped_at_the_time_limit(db):
    with pytest.raises(QueryError, match=r"^the query ran longer than 1 s and was stopped$"):
        run_cypher(db, "UNWIND range(1, 1000000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n", timeout=1)


@pytest.fixture
def loopback_service():
    """A web service on loopback that a LOAD CSV would be able to read without the server's block list."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"secret,internal-only\n")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/data.csv"
    server.shutdown()


def test_the_local_server_blocks_load_csv_even_when_the_client_is_bypassed(db, loopback_service):
    for url, reason in ((loopback_service, "blocked via the configuration property internal.dbms.cypher_ip_blocklist"),
                        ("file:///etc/passwd", "'dbms.security.allow_csv_import_from_file_urls' is false")):
        with pytest.raises(ClientError, match=reason):
            read_rows(db, "LOAD CSV FROM $url AS row RETURN row", {"url": url})


def test_the_local_server_runs_with_the_hardening_settings(db):
    settings = {row["name"]: row["value"] for row in read_rows(db, "SHOW SETTINGS YIELD name, value")}
    assert settings["dbms.security.allow_csv_import_from_file_urls"] == "false"
    assert settings["db.transaction.timeout"] == "10m"
    assert settings["server.default_listen_address"] == "127.0.0.1"
    conf = (local_test_server().home / "conf" / "neo4j.conf").read_text(encoding="utf-8").splitlines()
    assert set(HARDENING) <= set(conf)  # the block list is internal, so SHOW SETTINGS does not list it
