"""Open a driver from settings and run work in managed transactions.

The driver is always passed in explicitly: there is no module-level driver,
so tests, the CLI and library users each decide which server they talk to.
Reads go through ``execute_read`` and writes through ``execute_write`` so that
``neo4j://`` and ``neo4j+s://`` routing (Aura, clusters) send them to the right
member. Driver exceptions are translated here, once, into policykg's tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, Record, unit_of_work
from neo4j import exceptions as neo

from policykg.errors import (
    AuthFailed,
    ConfigError,
    DatabaseNotFound,
    GraphUnavailable,
    PolicyKGError,
    ServerNotAnswering,
    WriteRefused,
)
from policykg.graph.settings import Settings, resolve_settings

T = TypeVar("T")


class Endpoint(Protocol):
    """What error messages name: where, as whom, which database (Settings and Graph both fit)."""

    uri: str
    username: str
    database: str | None

    @property
    def address(self) -> str: ...


@dataclass(frozen=True)
class Graph:
    """A connected driver and the database to use: what every reader and writer takes.

    It names the server for messages but holds no password, so it can be handed
    to any layer (and printed) where Settings, which hold the password, should not go.
    """

    driver: Driver
    database: str | None = None
    uri: str = ""
    username: str = ""

    @property
    def address(self) -> str:
        return f"{self.uri} (database {self.database or 'default'})"

    def session(self, **config: Any):  # noqa: ANN201 - the driver's Session
        return self.driver.session(database=self.database, **config)

    def close(self) -> None:
        self.driver.close()


def open_graph(settings: Settings) -> Graph:
    """A driver that has proven it can reach the server, log in and see the database."""
    auth = (settings.username, settings.password.get_secret_value() if settings.password else "")
    try:
        driver = GraphDatabase.driver(
            settings.uri,
            auth=auth,
            connection_timeout=10,
            max_transaction_retry_time=10,
            user_agent="policykg",
            notifications_min_severity="OFF",  # the driver would log them as warnings on stderr
        )
    except (neo.ConfigurationError, ValueError) as exc:
        raise ConfigError(f"malformed Neo4j URI {settings.uri!r}: {exc}") from None
    try:
        with translate_errors(settings):
            driver.verify_connectivity()
            with driver.session(database=settings.database) as session:
                session.run("RETURN 1").consume()
    except BaseException:
        driver.close()
        raise
    return Graph(driver, settings.database, settings.uri, settings.username)


@contextmanager
def connect(settings: Settings | None = None) -> Iterator[Graph]:
    """The graph for ``settings`` (default: resolved from the environment and .env), closed on exit."""
    graph = open_graph(settings if settings is not None else resolve_settings())
    try:
        yield graph
    finally:
        graph.close()


@contextmanager
def translate_errors(where: Endpoint) -> Iterator[None]:
    """Turn the driver's exceptions into one-line policykg errors naming the address."""
    try:
        yield
    except PolicyKGError:
        raise
    except neo.AuthError:
        raise AuthFailed(f"Neo4j at {where.uri} refused user {where.username!r}: wrong username or password") from None
    except neo.ServiceUnavailable as exc:
        raise ServerNotAnswering(f"no Neo4j answers at {where.uri}: {_first_line(exc)}") from None
    except neo.SessionExpired as exc:
        raise GraphUnavailable(f"connection to {where.uri} was lost: {_first_line(exc)}") from None
    except neo.ClientError as exc:
        code = exc.code or ""
        if code == "Neo.ClientError.Database.DatabaseNotFound":
            raise DatabaseNotFound(f"database {where.database!r} does not exist at {where.uri}") from None
        if code.startswith("Neo.ClientError.Statement.AccessMode") or code.endswith("ForbiddenOnReadOnlyDatabase"):
            raise WriteRefused(f"the server refused a write in a read-only transaction at {where.address}") from None
        raise
    except neo.ConfigurationError as exc:
        raise ConfigError(f"Neo4j at {where.uri}: {_first_line(exc)}") from None


def one_line(text: str, limit: int = 240) -> str:
    """A driver or server message on one line (they spread the cause over several), cut at ``limit``."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _first_line(exc: BaseException) -> str:
    return one_line(str(exc)) or type(exc).__name__


def read(graph: Graph, work: Callable[[ManagedTransaction], T]) -> T:
    with translate_errors(graph), graph.session() as session:
        return session.execute_read(work)


def write(graph: Graph, work: Callable[[ManagedTransaction], T]) -> T:
    with translate_errors(graph), graph.session() as session:
        return session.execute_write(work)


def read_records(graph: Graph, cypher: str, parameters: dict[str, Any] | None = None,
                 timeout: float | None = None) -> list[Record]:
    """Run one read query (at most ``timeout`` seconds, if given); its records as the driver gives them.

    A record is indexable by column name; readers that convert every value
    themselves (the export, the query runner) take them so, since
    ``record.data()`` would copy every value once more.
    """

    @unit_of_work(timeout=timeout)
    def work(tx: ManagedTransaction) -> list[Record]:
        return list(tx.run(cypher, parameters or {}))

    return read(graph, work)


def read_rows(graph: Graph, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run one read query and return its records as dicts (``record.data()``)."""
    return [record.data() for record in read_records(graph, cypher, parameters)]


COMPONENTS = "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition"
HOME_DATABASE = "CALL db.info() YIELD name RETURN name"


def server_info(graph: Graph) -> dict[str, str]:
    rows = read_rows(graph, COMPONENTS)
    info = rows[0] if rows else {"name": "unknown", "version": "unknown", "edition": "unknown"}
    return {"address": graph.uri, "name": info["name"], "version": info["version"],
            "edition": info["edition"], "database": graph.database or _default_db(graph)}


def _default_db(graph: Graph) -> str:
    """The home database a session without a name lands in (asked, since Aura may differ)."""
    with translate_errors(graph), graph.driver.session() as session:
        rows = session.execute_read(lambda tx: [r.data() for r in tx.run(HOME_DATABASE)])
    return rows[0]["name"] if rows else "neo4j"
