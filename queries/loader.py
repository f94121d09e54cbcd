"""Read the canned queries: one ``queries/<name>.cypher`` file per question.

Each file starts with a header of ``// key: value`` comment lines (the model
is aiosql's named queries in SQL files), followed by a blank line and the
Cypher. Because the header is made of comments, the whole file can be pasted
into Neo4j Browser as it is::

    // name: regions-targeting-theme
    // zh: 哪些地区的政策、措施、目标或项目涉及某一主题
    // en: Regions whose policies, measures, targets or projects address a theme
    // param: theme: theme = cross-border-data-flows
    // example: --param theme=数据跨境流动

    MATCH ...

A body line ``// include: NAME`` is followed, in the query read, by the
Cypher of ``queries/fragments/NAME.cypher`` (indented like the line): one
text for a rule several questions share (which policies count, by status),
whose $parameters count as the query's. Such a file is pasted into Browser
from ``policykg query show``, which prints it whole.

Keys: ``name`` (the file name), ``zh`` and ``en`` (the question), ``param``
(``NAME: TYPE [= DEFAULT]``, once per parameter; without a default it is
required), ``example`` (``--param`` arguments), and the optional ``short``,
``topic``, ``expand``, ``columns``, ``limit``, ``pivot`` and ``one_of``
(docs/queries.md says what each does, and how a query may place the row
limit ``$__row_limit`` itself). Each key has one small parser here.

The loader refuses a file whose header is malformed or whose declared
parameters differ from the $parameters its body uses, naming file and line:
a query that silently ignores a parameter would answer a different question
than the one asked.
"""

from __future__ import annotations

import difflib
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from policykg.errors import QueryError
from policykg.queries.cypher_text import mask_literals
from policykg.queries.params import PARAM_TYPES, coerce, parse_assignments

QUERY_DIR = Path(__file__).resolve().parent
#: Cypher shared by several queries: a body line ``// include: NAME`` stands for ``fragments/NAME.cypher``.
FRAGMENT_DIR = QUERY_DIR / "fragments"
INCLUDE_RE = re.compile(r"^(?P<indent>\s*)//\s*include:\s*(?P<name>\S+)\s*$")
HEADER_KEYS = ("name", "zh", "en", "short", "topic", "param", "example", "expand", "columns", "limit", "pivot", "one_of")
#: What a question is about, in the order `query list` groups them (``// topic:``; ``other`` when not given).
TOPICS = ("regions", "targets", "figures", "sources", "changes", "other")
#: Rows a query returns unless its header or the caller says otherwise.
DEFAULT_LIMIT = 100
REQUIRED_KEYS = ("name", "zh", "en", "example")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PARAM_RE = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<type>[A-Za-z_]+)\s*(?:=\s*(?P<default>.*?))?\s*$")
HEADER_LINE_RE = re.compile(r"^(?P<key>[A-Za-z_-]+)\s*:\s?(?P<value>.*)$")
SHELL_PLAIN_RE = re.compile(r"^[^\s'\"\\$`!*?;&|<>(){}\[\]#~]+$")
PARAMETER_USE_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
#: The row limit's parameter: appended by the runner, or placed by the query (see the module docstring).
LIMIT_PARAMETER = "__row_limit"
_BARE_LIMIT = re.compile(r"\b(LIMIT|SKIP)\s+\$(\w+)", re.IGNORECASE)
#: $__row_limit when every row is wanted (LIMIT takes any 64-bit count).
UNLIMITED = 2**63 - 1


def row_limit(limit: int) -> int:
    """The value of $__row_limit for at most ``limit`` rows (0: all): one more, so a cut can be told."""
    return limit + 1 if limit else UNLIMITED


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None = None  # as typed in the header; None: the parameter is required

    @property
    def required(self) -> bool:
        return self.default is None

    def signature(self) -> str:
        return f"{self.name}: {self.type}" + ("" if self.default is None else f" = {self.default}")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description_zh: str
    description_en: str
    params: list[Param]
    example: dict[str, str]  # raw values, as a user types them
    cypher: str  # the body, without the header
    path: Path
    expand: str | None = None
    columns: tuple[str, ...] = ()
    limit: int = DEFAULT_LIMIT
    pivot: tuple[str, str, str] | None = None
    one_of: tuple[str, ...] = ()
    param_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    places_limit: bool = False  # the body uses $__row_limit itself
    short_zh: str = ""  # ``// short: 中文 | English``: the question in a few words, for `query list`
    short_en: str = ""
    topic: str = "other"


    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def bind(self, given: dict[str, str], limit: int | None = None) -> dict[str, Any]:
        """Typed, resolved $parameters for ``given`` raw values, defaults filling the gaps.

        Unknown and missing names are refused rather than ignored: a typo in a
        parameter name would otherwise run the query with its default and
        return a plausible but wrong answer. The row limit ($__row_limit, the
        one place it is bound) is for at most ``limit`` rows (0: all), or the
        query's default; without ``limit`` it is bound only when the query
        places it (so Browser and EXPLAIN can run the text as it is).
        """
        unknown = [k for k in given if self.param(k) is None]
        if unknown:
            takes = ", ".join(p.name for p in self.params) or "no parameters"
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r}; it takes {takes}")
        bound: dict[str, Any] = {}
        for param in self.params:
            raw = given.get(param.name, param.default)
            if raw is None:
                raise QueryError(f"query {self.name!r} needs --param {param.name}=… ({param.type}); "
                                 f"example: {self.example_args() or '(none)'}")
            try:
                bound[param.name] = coerce(param.type, raw)
            except QueryError as exc:
                raise type(exc)(f"parameter {param.name!r} of query {self.name!r}: {exc}") from None
        if self.one_of and all(bound.get(name) is None for name in self.one_of):
            raise QueryError(f"query {self.name!r} needs " + " or ".join(f"--param {n}=…" for n in self.one_of))
        if self.places_limit or limit is not None:
            bound[LIMIT_PARAMETER] = row_limit(self.limit if limit is None else limit)
        return bound

    def example_cypher_params(self) -> dict[str, Any]:
        """The example's values as the Cypher receives them (region codes, theme ids), for display."""
        return self.bind(self.example)

    def example_args(self) -> str:
        """The example as command-line arguments: ``--param theme=数据跨境流动``."""
        return " ".join(f"--param {_shell_word(f'{k}={v}')}" for k, v in self.example.items())


def _shell_word(text: str) -> str:
    """Quote for a POSIX shell only when needed, so Chinese names stay readable."""
    return text if SHELL_PLAIN_RE.match(text) else shlex.quote(text)


def display_path(path: Path) -> str:
    """``queries/x.cypher`` for the bundled files (stable in messages and docs), else the path given."""
    try:
        return f"queries/{path.resolve().relative_to(QUERY_DIR)}"
    except ValueError:
        return str(path)


def parameters_used(cypher: str) -> dict[str, int]:
    """$parameter names in a Cypher body → the 1-based body line of each first use."""
    used: dict[str, int] = {}
    for number, line in enumerate(mask_literals(cypher).splitlines(), start=1):
        for match in PARAMETER_USE_RE.finditer(line):
            used.setdefault(match.group(1), number)
    return used


Fail = Callable[[int, str], QueryError]
Header = dict[str, list[tuple[int, str]]]  # key -> (line number, value) of each of its lines


def parse(text: str, path: Path) -> NamedQuery:
    """One query from the text of its file; QueryError ``file:line: problem`` when malformed."""
    where = display_path(path)

    def fail(line: int, message: str) -> QueryError:
        return QueryError(f"{where}:{line}: {message}")

    lines = text.splitlines()
    header, body_start = _read_header(lines, fail)
    _check_header(header, max(body_start, 1), path, fail)
    params, param_lines = _params(header, fail)
    example_line = header["example"][0][0]
    example = _example(header, fail)
    options = {key: parser(*header[key][0], fail, params) if key in header else default
               for key, (parser, default) in OPTIONS.items()}
    body, used = _body(lines, body_start, param_lines, fail)
    short_zh, short_en, topic = _listing(header, fail)
    query = NamedQuery(header["name"][0][1], header["zh"][0][1], header["en"][0][1], params, example, body, path,
                       param_lines=param_lines, places_limit=LIMIT_PARAMETER in used,
                       short_zh=short_zh, short_en=short_en, topic=topic, **options)
    try:
        query.example_cypher_params()
    except QueryError as exc:
        raise fail(example_line, f"example does not bind: {exc}") from None
    return query


def _read_header(lines: list[str], fail: Fail) -> tuple[Header, int]:
    """The ``// key: value`` lines before the first other line, and that line's index (the body's start)."""
    header: Header = {}
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith("//"):
            return header, index
        content = stripped[2:].strip()
        if not content:
            continue
        match = HEADER_LINE_RE.match(content)
        if not match or match.group("key") not in HEADER_KEYS:
            raise fail(index + 1, f"header lines are '// key: value' with key one of {', '.join(HEADER_KEYS)}; "
                                  f"got {stripped!r}")
        header.setdefault(match.group("key"), []).append((index + 1, match.group("value").strip()))
    return header, len(lines)


def _check_header(header: Header, last_line: int, path: Path, fail: Fail) -> None:
    """Required keys present, others once, the name the file's, the question given in both languages."""
    for key in REQUIRED_KEYS:
        if key not in header:
            raise fail(last_line, f"the header has no '// {key}:' line")
    for key in HEADER_KEYS:
        if key != "param" and len(header.get(key, [])) > 1:
            raise fail(header[key][1][0], f"'// {key}:' appears more than once")
    name_line, name = header["name"][0]
    if not NAME_RE.match(name):
        raise fail(name_line, f"query name {name!r} must be lower-case words joined by '-'")
    if name != path.stem:
        raise fail(name_line, f"query name {name!r} differs from the file name {path.name!r}")
    for key in ("zh", "en"):
        if not header[key][0][1]:
            raise fail(header[key][0][0], f"'// {key}:' is empty; describe the question")


def _params(header: Header, fail: Fail) -> tuple[list[Param], dict[str, int]]:
    """The declared parameters, and the header line of each."""
    params: list[Param] = []
    param_lines: dict[str, int] = {}
    for number, value in header.get("param", []):
        match = PARAM_RE.match(value)
        if not match:
            raise fail(number, f"expected '// param: NAME: TYPE' or '// param: NAME: TYPE = DEFAULT', got {value!r}")
        param = Param(match.group("name"), match.group("type"), match.group("default"))
        if param.type not in PARAM_TYPES:
            raise fail(number, f"parameter {param.name!r} has unknown type {param.type!r}; "
                               f"expected one of {', '.join(PARAM_TYPES)}")
        if param.name in param_lines:
            raise fail(number, f"parameter {param.name!r} is declared twice")
        if param.name == LIMIT_PARAMETER:
            raise fail(number, f"${LIMIT_PARAMETER} is the runner's row limit, not a parameter to declare")
        if param.default is not None:
            try:
                coerce(param.type, param.default)
            except QueryError as exc:
                raise fail(number, f"default of {param.name!r}: {exc}") from None
        params.append(param)
        param_lines[param.name] = number
    return params, param_lines


def _example(header: Header, fail: Fail) -> dict[str, str]:
    """The example's ``--param NAME=VALUE`` arguments as raw values."""
    example_line, example_text = header["example"][0]
    try:
        tokens = shlex.split(example_text)
    except ValueError as exc:
        raise fail(example_line, f"example: {exc}") from None
    pairs: list[str] = []
    while tokens:
        flag = tokens.pop(0)
        if flag == "--param" and tokens:
            pairs.append(tokens.pop(0))
        elif flag.startswith("--param="):
            pairs.append(flag.removeprefix("--param="))
        else:
            raise fail(example_line, f"example must be '--param NAME=VALUE …', got {flag!r}")
    try:
        return parse_assignments(pairs)
    except QueryError as exc:
        raise fail(example_line, f"example: {exc}") from None


def _expand(number: int, value: str, fail: Fail, params: list[Param]) -> str:
    return value


def _columns(number: int, value: str, fail: Fail, params: list[Param]) -> tuple[str, ...]:
    columns = tuple(c.strip() for c in value.split(",") if c.strip())
    if not columns or any(not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", c) for c in columns):
        raise fail(number, f"expected '// columns: NAME, NAME, …', got {value!r}")
    return columns


def _limit(number: int, value: str, fail: Fail, params: list[Param]) -> int:
    if not value.isdigit():
        raise fail(number, f"expected '// limit: N' (a whole number; 0 for all rows), got {value!r}")
    return int(value)


def _pivot(number: int, value: str, fail: Fail, params: list[Param]) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in value.split(","))
    if len(parts) != 3 or not all(parts):
        raise fail(number, f"expected '// pivot: ROW, COLUMN, VALUE', got {value!r}")
    return parts


def _one_of(number: int, value: str, fail: Fail, params: list[Param]) -> tuple[str, ...]:
    one_of = tuple(p.strip() for p in value.split(",") if p.strip())
    undeclared = [p for p in one_of if p not in {param.name for param in params}]
    if len(one_of) < 2 or undeclared:
        raise fail(number, f"expected '// one_of: PARAM, PARAM, …' naming declared parameters, got {value!r}")
    return one_of


#: The optional header keys that set a NamedQuery field of the same name: parser (line, value, fail, params) and default.
OPTIONS: dict[str, tuple[Callable[[int, str, Fail, list[Param]], Any], Any]] = {
    "expand": (_expand, None),
    "columns": (_columns, ()),
    "limit": (_limit, DEFAULT_LIMIT),
    "pivot": (_pivot, None),
    "one_of": (_one_of, ()),
}


def fragment(name: str) -> str:
    """The text of ``queries/fragments/<name>.cypher``; QueryError naming the fragments there are."""
    path = FRAGMENT_DIR / f"{name}.cypher"
    if not NAME_RE.match(name) or not path.is_file():
        known = ", ".join(sorted(p.stem for p in FRAGMENT_DIR.glob("*.cypher"))) or "none"
        raise QueryError(f"no fragment {name!r} in {display_path(FRAGMENT_DIR)}/ (there are: {known})")
    return path.read_text(encoding="utf-8").rstrip()


def _include(body: str, fail: Fail, first: int) -> tuple[str, dict[str, int]]:
    """``body`` with each ``// include: NAME`` line followed by the fragment (indented like the line).

    Also the $parameters the fragments use, each at the body line of its
    include, so that the declared-and-used check covers them.
    """
    out: list[str] = []
    used: dict[str, int] = {}
    for number, line in enumerate(body.splitlines(), start=1):
        out.append(line)
        match = INCLUDE_RE.match(line)
        if not match:
            continue
        try:
            text = fragment(match.group("name"))
        except QueryError as exc:
            raise fail(first + number, str(exc)) from None
        out.extend(match.group("indent") + part if part else part for part in text.splitlines())
        for pname in parameters_used(text):
            used.setdefault(pname, number)
    return "\n".join(out), used


def _body(lines: list[str], body_start: int, param_lines: dict[str, int], fail: Fail) -> tuple[str, dict[str, int]]:
    """The Cypher after the header (fragments included), and the $parameters it uses; each used one declared and each declared one used."""
    first = body_start
    while first < len(lines) and not lines[first].strip():
        first += 1
    body = "\n".join(lines[first:]).rstrip()
    if not body:
        raise fail(max(body_start, 1), "the file has a header but no Cypher after it")
    used = parameters_used(body)
    expanded, from_fragments = _include(body, fail, first)
    for pname, line in from_fragments.items():
        used.setdefault(pname, line)
    for pname, line in used.items():
        if pname not in param_lines and pname != LIMIT_PARAMETER:
            raise fail(first + line, f"${pname} is used but not declared; add '// param: {pname}: TYPE'")
    for match in _BARE_LIMIT.finditer(mask_literals(body)):
        clause, pname = match.group(1).upper(), match.group(2)
        raise fail(first + 1 + body.count("\n", 0, match.start()),
                   f"write {clause} toInteger(${pname}): Browser sends numbers as floats")
    for pname, line in param_lines.items():
        if pname not in used:
            raise fail(line, f"parameter {pname!r} is declared but the Cypher never uses ${pname}")
    return expanded, used


def _listing(header: Header, fail: Fail) -> tuple[str, str, str]:
    """``// short: 中文 | English`` and ``// topic: T``, both optional (a missing short line: `query list` cuts ``en``)."""
    short_zh = short_en = ""
    if "short" in header:
        number, value = header["short"][0]
        short_zh, bar, short_en = (part.strip() for part in value.partition("|"))
        if not (bar and short_zh and short_en):
            raise fail(number, f"expected '// short: 中文 | English', got {value!r}")
    topic = header["topic"][0][1] if "topic" in header else "other"
    if topic not in TOPICS:
        raise fail(header["topic"][0][0], f"topic {topic!r} is not one of {', '.join(TOPICS)}")
    return short_zh, short_en, topic


def load_file(path: Path) -> NamedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise QueryError(f"{display_path(path)}:1: not UTF-8 text ({exc.reason})") from None
    return parse(text, path)


def load_dir(directory: Path) -> list[NamedQuery]:
    return sorted((load_file(p) for p in directory.glob("*.cypher")), key=lambda q: q.name)


@cache
def _bundled() -> tuple[NamedQuery, ...]:
    return tuple(load_dir(QUERY_DIR))


def load_all() -> list[NamedQuery]:
    """Every canned query, sorted by name (read once per process)."""
    return list(_bundled())


def get(name: str) -> NamedQuery:
    """The query called ``name``; QueryError naming the closest names when there is none."""
    by_name = {q.name: q for q in _bundled()}
    if name in by_name:
        return by_name[name]
    close = difflib.get_close_matches(name, list(by_name), n=3, cutoff=0.4)
    hint = f"; closest: {', '.join(close)}" if close else "; see `policykg query list`"
    raise QueryError(f"unknown query {name!r}{hint}")
