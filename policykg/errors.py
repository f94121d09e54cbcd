"""One exception tree for policykg, so callers catch one base class.

    PolicyKGError                 anything a user can act on; str() is one line
    ├── ConfigError               settings that cannot work (malformed URI, ...)
    ├── ServerError               the local Neo4j cannot be installed or started
    ├── BrowserError              the Neo4j Browser bundle (style, guide) cannot be built
    ├── GraphUnavailable          the server cannot be reached, or the connection was lost
    │   └── ServerNotAnswering    no Neo4j answers at the address (start one, or point elsewhere)
    ├── AuthFailed                Neo4j answered but refused the credentials
    ├── DatabaseNotFound          the named database does not exist
    ├── ValidationFailed          records that do not fit the format (all problems)
    ├── ExportError               an export that cannot be written (format, path, depth)
    ├── ExtractError              a document the extractor cannot read (missing, binary, no known encoding, hostile, too large)
    ├── PlotError                 a picture that cannot be drawn (no CJK font, file type, nothing to draw)
    ├── QueryError                a query file, name or parameter is wrong
    │   └── UnknownName           a region or theme name that resolves to nothing
    ├── WriteRefused              a write sent through a read-only path
    └── ReviewError               a draft review that cannot go on (unknown draft, undecided facts, ...)
        └── ReviewConflict        someone else decided the same fact first (carries their decision)

The CLI prints ``Error: <str(exc)>`` and exits 1 for every one of these; any
other exception is a bug and keeps its traceback (without locals, because
settings hold passwords). An error about one argument of a library call
names the argument (``parameter``, and its message starts with it: "limit
must be ..."); the CLI names the flag that sets it instead (policykg/cli/flags.py).
"""

from __future__ import annotations

from dataclasses import dataclass


class PolicyKGError(Exception):
    """Base class: the message is meant for the user and fits on one line.

    ``parameter``: the argument of the call that is wrong; ``str()`` is then
    "<parameter> <reason>", and a caller that knows the argument by another
    name (the CLI, by its flag) says that name before ``reason``.
    """

    def __init__(self, reason: str = "", *, parameter: str | None = None) -> None:
        super().__init__(f"{parameter} {reason}" if parameter else reason)
        self.reason = reason
        self.parameter = parameter


class ConfigError(PolicyKGError):
    pass


class ServerError(PolicyKGError):
    pass


class BrowserError(PolicyKGError):
    pass


class GraphUnavailable(PolicyKGError):
    pass


class ServerNotAnswering(GraphUnavailable):
    pass


class AuthFailed(PolicyKGError):
    pass


class DatabaseNotFound(PolicyKGError):
    pass


class ExportError(PolicyKGError):
    pass


class ExtractError(PolicyKGError):
    """Input that cannot be read as Chinese text (one line, for the CLI)."""


class PlotError(PolicyKGError):
    pass


class QueryError(PolicyKGError):
    pass


class UnknownName(QueryError):
    pass


class ReviewError(PolicyKGError):
    pass


class ReviewConflict(ReviewError):
    """A decision written against a stale revision: ``current`` is the other writer's decision."""

    def __init__(self, message: str, current: dict | None):
        super().__init__(message)
        self.current = current


class WriteRefused(PolicyKGError):
    pass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one record file, located well enough to fix it."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class ValidationFailed(PolicyKGError):
    """Carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = str(problems[0]) if problems else "no problems recorded"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)
