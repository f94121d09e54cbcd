"""Run canned queries, ad-hoc Cypher and full-text search, always in read transactions.

Results come back as plain Python rows (dicts of str, int, float, list,
date; ``graph.values.plain``): the CLI renders them, tests compare them, and
nothing downstream has to know the driver's temporal or graph types.
"""

from __future__ import annotations

import json
import re
from typing import Any

from neo4j.exceptions import ClientError

from policykg.errors import QueryError
from policykg.graph.connection import Graph, one_line, read_records
from policykg.graph.values import plain
from policykg.queries import policy_status
from policykg.queries.cells import add_cells
from policykg.queries.cypher_text import mask_literals
from policykg.queries.loader import LIMIT_PARAMETER, NamedQuery, get


def _records(graph: Graph, cypher: str, parameters: dict[str, Any], timeout: float | None = None) -> list[dict[str, Any]]:
    return [{key: plain(value) for key, value in record.items()}
            for record in read_records(graph, cypher, parameters, timeout)]


def expand_json_column(rows: list[dict[str, Any]], column: str) -> list[dict[str, Any]]:
    """One row per object of the JSON list in ``column``, beside the row's other columns.

    Cypher has no JSON parser without APOC, so a list stored as JSON text
    (IngestRun.changes) is unpacked here; a row whose list is empty yields no rows.
    """
    out: list[dict[str, Any]] = []
    for row in rows:
        text = row.get(column)
        items = json.loads(text) if isinstance(text, str) and text.strip() else (text or [])
        if not isinstance(items, list):
            raise QueryError(f"column {column!r} should hold a JSON list, got {type(items).__name__}")
        rest = {k: v for k, v in row.items() if k != column}
        for item in items:
            out.append({**rest, **(item if isinstance(item, dict) else {column: item})})
    return out


class Rows(list):
    """A query's rows (a plain list of dicts), whether a limit cut them short, and which policies they count.

    ``status`` is the policy status the question filtered on (``current`` or
    ``in-force``, queries/policy_status.py), None when it counts every policy
    or does not ask about policies: the CLI ends the answer with a line saying so.
    """

    def __init__(self, rows: list[dict[str, Any]], limit: int = 0, truncated: bool = False,
                 status: str | None = None) -> None:
        super().__init__(rows)
        self.limit = limit
        self.truncated = truncated
        self.status = status


_ENDS_WITH_LIMIT = re.compile(r"\bLIMIT\s+(\$\w+|\d+|toInteger\(\s*\$\w+\s*\))\s*$", re.IGNORECASE)


def _limited_cypher(cypher: str) -> str | None:
    """The query with ``LIMIT $__row_limit`` appended, or None when it ends with a LIMIT of its own."""
    body = mask_literals(cypher)
    code = "\n".join(line.split("//", 1)[0] for line in body.splitlines()).rstrip()
    return None if _ENDS_WITH_LIMIT.search(code) else f"{cypher}\nLIMIT ${LIMIT_PARAMETER}"


def run_named(graph: Graph, query: NamedQuery, params: dict[str, str], limit: int | None = None) -> Rows:
    """Rows of ``query``; at most ``limit`` of them (None: the query's default; 0: all).

    The server is asked for one row more than the limit, so the caller can say
    that rows were cut without counting them all.
    """
    limit = query.limit if limit is None else limit
    if limit < 0:
        raise QueryError(f"must be 0 (all rows) or more, got {limit}", parameter="limit")
    cut = 0 if query.expand else limit  # an expanded query's rows are cut after they are unpacked
    bound = query.bind(params, cut)
    cypher = query.cypher
    if cut and not query.places_limit:  # a query may place the cut itself, where it saves work (docs/queries.md)
        cypher = _limited_cypher(cypher) or cypher
    rows = _records(graph, cypher, bound)
    if query.expand:
        rows = expand_json_column(rows, query.expand)
    add_cells(rows)
    status = bound.get(policy_status.PARAMETER) if _filters_status(query) else None
    if limit and len(rows) > limit:
        return Rows(rows[:limit], limit, truncated=True, status=status)
    return Rows(rows, limit, status=status)


def _filters_status(query: NamedQuery) -> bool:
    param = query.param(policy_status.PARAMETER)
    return param is not None and param.type == policy_status.PARAMETER


def run_query(graph: Graph, name: str, params: dict[str, str] | None = None, limit: int | None = None) -> Rows:
    """Run the canned query ``name`` with raw parameter values (as typed); rows as plain dicts.

    ``limit``: at most this many rows (None: the query's default, see ``// limit:``; 0: all);
    ``rows.truncated`` tells whether more were there.
    """
    return run_named(graph, get(name), params or {}, limit)


def pivot(rows: list[dict[str, Any]], row: str, column: str, value: str, empty: Any = 0) -> list[dict[str, Any]]:
    """A long-format matrix (one row per cell) as one dict per ``row`` value with a key per ``column`` value.

    Cells missing from the long form (a region that states nothing on a theme)
    become ``empty``; columns keep the order first seen.
    """
    columns = list(dict.fromkeys(r[column] for r in rows))
    out: dict[Any, dict[str, Any]] = {}
    for r in rows:
        line = out.setdefault(r[row], {row: r[row], **dict.fromkeys(columns, empty)})
        line[r[column]] = r[value]
    return list(out.values())


#: Seconds an ad-hoc query may run; the client asks for it, so it holds on any server.
CYPHER_TIMEOUT = 60.0

#: What a read transaction still allows but the console must not: reaching out
#: of the graph (LOAD CSV, a request forgery from the server's address), other
#: sessions (SHOW/TERMINATE TRANSACTIONS, with their queries and parameters),
#: accounts, settings and databases. Matched on code only (literals masked).
REFUSED: tuple[tuple[str, re.Pattern[str]], ...] = tuple((what, re.compile(pattern, re.IGNORECASE)) for what, pattern in (
    ("LOAD CSV", r"\bLOAD\s+CSV\b"),
    ("TERMINATE TRANSACTIONS", r"\bTERMINATE\s+TRANSACTIONS?\b"),
    ("SHOW of transactions, users, roles, privileges, servers, settings or databases",
     r"\bSHOW\s+(?:(?:ALL|POPULATED|CURRENT|DEFAULT|HOME|SUPPORTED)\s+)*"
     r"(?:TRANSACTIONS?|USERS?(?!\s+DEFINED)|ROLES?|PRIVILEGES?|SERVERS?|SETTINGS?|DATABASES?|ALIAS(?:ES)?)\b"),
    ("administration of users, roles, databases, aliases or servers",
     r"\b(?:CREATE|ALTER|DROP|RENAME)\s+(?:OR\s+REPLACE\s+)?(?:USER|ROLE|(?:COMPOSITE\s+)?DATABASE|ALIAS|SERVER)\b"),
    ("GRANT, DENY or REVOKE", r"^\s*(?:GRANT|DENY|REVOKE)\b"),
    ("starting, stopping or moving databases and servers",
     r"\b(?:START|STOP|ENABLE|DEALLOCATE|REALLOCATE|DRYRUN)\s+(?:DATABASE|SERVER|DATABASES)\b"),
    ("USE (another database)", r"(?<![.\w$])USE\s+\S"),
    ("dbms procedures", r"(?<![.\w$])dbms\s*\.\s*(?!components\b)\w"),
))


def refused_clause(cypher: str) -> str | None:
    """What in ``cypher`` the read-only console refuses, or None; strings and comments do not count."""
    code = mask_literals(cypher)
    for what, pattern in REFUSED:
        if pattern.search(code):
            return what
    return None


def run_cypher(graph: Graph, cypher: str, parameters: dict[str, Any] | None = None,
               timeout: float = CYPHER_TIMEOUT) -> list[dict[str, Any]]:
    """Ad-hoc Cypher in a read transaction with a time limit: the server refuses writes (WriteRefused).

    The client also refuses what a read transaction would let through (see
    REFUSED), so the console stays read-only against a server we did not
    configure. A mistake in typed Cypher (syntax, unknown function) is the
    user's to fix, so the server's message becomes a one-line QueryError.
    """
    if not cypher.strip():
        raise QueryError("the Cypher statement is empty")
    refused = refused_clause(cypher)
    if refused:
        raise QueryError(f"`policykg cypher` is read-only: {refused} is refused "
                         "(an administrator can use cypher-shell or Browser)")
    try:
        return _records(graph, cypher, parameters or {}, timeout)
    except ClientError as exc:
        if "TransactionTimedOut" in (exc.code or ""):
            raise QueryError(f"the query ran longer than {timeout:g} s and was stopped") from None
        raise QueryError(f"{exc.code}: {one_line(exc.message or '', 300)}") from None


#: The two full-text indexes `policykg search` asks (schema/constraints.cypher): Chinese bigrams and
#: stemmed English. A node found by both keeps its better score.
SEARCH_INDEXES = ("search_cjk", "search_en")

def search(graph: Graph, text: str, limit: int = 20) -> Rows:
    """Ranked nodes whose names, titles, aliases, summaries, descriptions or notes match ``text`` (queries/search.cypher).

    Each hit says what it is (label, kind), where (its region or regions),
    what matched (``match``, the text marked ``**…**``), and for a figure or
    a target its value; an empty list when nothing matches.
    """
    if not text.strip():
        raise QueryError("search text is empty")
    if limit < 1:
        raise QueryError(f"must be at least 1, got {limit}", parameter="limit")
    try:
        return run_query(graph, "search", {"text": text}, limit)
    except ClientError as exc:
        message = exc.message or ""
        missing = [name for name in SEARCH_INDEXES if name in message]
        if missing and "index" in message.lower():
            raise QueryError(f"the full-text index {missing[0]!r} is missing; run `policykg schema apply`") from None
        raise
