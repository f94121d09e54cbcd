"""Library errors name the parameter; the CLI names the flag, and picks its hint by the error's type."""

from __future__ import annotations

import pytest

from policykg.cli.flags import flag, message
from policykg.errors import (
    ExportError,
    ExtractError,
    GraphUnavailable,
    PolicyKGError,
    QueryError,
    ServerNotAnswering,
)
from policykg.ingest.extract import normalise
from policykg.ingest.extract.readers import text as text_reader
from policykg.queries.runner import run_query
from tests.cli import run_cli


def test_an_error_about_a_parameter_names_it_and_the_cli_names_the_flag():
    exc = QueryError("must be at least 1, got 0", parameter="min_overlap")
    assert (str(exc), exc.parameter, exc.reason) == ("min_overlap must be at least 1, got 0", "min_overlap",
                                                     "must be at least 1, got 0")
    assert message(exc) == "--min-overlap must be at least 1, got 0"
    assert message(ExportError("cannot write x")) == "cannot write x"
    assert (flag("limit"), flag("page_size")) == ("--limit", "--page-size")


def test_the_tree_holds_the_extractor_error_and_the_server_that_does_not_answer():
    assert normalise.ExtractError is ExtractError and issubclass(ExtractError, PolicyKGError)
    assert issubclass(ServerNotAnswering, GraphUnavailable)
    with pytest.raises(ExtractError, match="the file is empty"):
        text_reader.decode(b"", "empty.txt")


def test_a_bad_row_limit_is_the_parameter_in_python_and_the_flag_on_the_command_line(db, neo4j_under_test):
    with pytest.raises(QueryError, match=r"^limit must be 0 \(all rows\) or more, got -1$") as raised:
        run_query(db, "targets-due-by", {"year": "2025"}, limit=-1)
    assert raised.value.parameter == "limit"
    result = run_cli("query", "run", "targets-due-by", "-p", "year=2025", "--limit", "-1", env=neo4j_under_test.env)
    assert (result.exit_code, result.output) == (1, "Error: --limit must be 0 (all rows) or more, got -1\n")
