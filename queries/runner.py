"""Run canned queries, ad-hoc Cypher and full-text search, always in read transactions.

Results come back as plain Python rows (dicts of str, int, float, list,
date): the CLI renders them, tests compare them, and nothing downstream has
to know the driver's temporal or graph types.
"""

from __future__ import annotations

import json
import re
from typing import Any

from neo4j import unit_of_work
from neo4j.exceptions import ClientError
from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Duration, Time
from policykg.graph.connection import Graph, one_line, read
from policykg.queries.cypher_text import mask_literals
from policykg.queries.loader import NamedQuery, get

from policykg.errors import QueryError


def plain(value: Any) -> Any:
    """Driver values → JSON-friendly Python values (dates as datetime.date, nodes as property dicts)."""
    if isinstance(value, (Date, DateTime, Time)):
        return value.to_native()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _records(graph: Graph, cypher: str, parameters: dict[str, Any], timeout: float | None = None) -> list[dict[str, Any]]:
    @unit_of_work(timeout=timeout)
    def work(tx):
        return [{key: plain(record[key]) for key in record.keys()} for record in tx.run(cypher, parameters)]

    return read(graph, work)


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


def run_named(graph: Graph, query: NamedQuery, params: dict[str, str]) -> list[dict[str, Any]]:
    bound = query.bind(params)
    rows = _records(graph, query.cypher, bound)
    return expand_json_column(rows, query.expand) if query.expand else rows


def run_query(graph: Graph, name: str, params: dict[str, str]) -> list[dict[str, Any]]:
    """Run the canned query ``name`` with raw parameter values (as typed); rows as plain dicts."""
    return run_named(graph, get(name), params)


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


# Lucene's query syntax: these characters mean something unless escaped.
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')
_LUCENE_WORDS = re.compile(r"\b(AND|OR|NOT|TO)\b")

SEARCH_CYPHER = """\
CALL db.index.fulltext.queryNodes('names', $q, {limit: $limit}) YIELD node, score
OPTIONAL MATCH (node)-[:SOURCED_FROM]->(d:SourceDocument)
WITH node, score, collect(DISTINCT d.id) AS sources
RETURN labels(node)[0] AS label,
       coalesce(node.key, node.code, node.id) AS key,
       coalesce(node.name_zh, node.title_zh) AS name_zh,
       coalesce(node.name_en, node.title_en) AS name_en,
       round(score, 3) AS score,
       sources
ORDER BY score DESC, label, key"""


def lucene_escape(text: str) -> str:
    """User text as literal Lucene terms: operators and special characters lose their meaning."""
    escaped = _LUCENE_SPECIAL.sub(lambda m: "".join("\\" + c for c in m.group(1)), text)
    return _LUCENE_WORDS.sub(lambda m: m.group(1).lower(), escaped)


def lucene_query(text: str) -> str:
    """Any of the words, with names holding the whole text as a phrase ranked first.

    Ranking by words alone puts short names that share one common word
    ("Jilin City" for "benchmark city") above the name that holds the phrase;
    for Chinese, where the CJK analyzer indexes overlapping bigrams, the phrase
    is what makes "数据跨境" behave like a substring search.
    """
    escaped = lucene_escape(" ".join(text.split()))
    return f'"{escaped}"^4 {escaped}'


def search(graph: Graph, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Ranked nodes whose Chinese or English names or titles match ``text`` (index ``names``)."""
    if not text.strip():
        raise QueryError("search text is empty")
    if limit < 1:
        raise QueryError(f"--limit must be at least 1, got {limit}")
    try:
        return _records(graph, SEARCH_CYPHER, {"q": lucene_query(text), "limit": limit})
    except ClientError as exc:
        if "names" in (exc.message or "") and "index" in (exc.message or "").lower():
            raise QueryError("the full-text index 'names' is missing; run `policykg schema apply`") from None
        raise
