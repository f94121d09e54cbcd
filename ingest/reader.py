"""Read one record file into Python data plus a map from field path to line.

PyYAML's ``safe_load`` forgets where things were; composing the node tree
first keeps each node's position, so that a validation error can name the
line a user has to fix. Size, encoding and emptiness are checked before
parsing, so that a 50 MB or binary file is refused at once instead of hanging.

A record is plain data, so the reader refuses what YAML offers beyond that
before anything is constructed: aliases (an alias bomb expands to billions
of paths, a self-referencing alias never ends), nesting deeper than any record
needs, and scalars that cannot be built (``2021-02-30``, ``!!int abc``). The
checks walk the composed node graph iteratively, so they work the same with
libyaml's C loader (used when PyYAML was built with it) and the pure-Python one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.reader import ReaderError

from policykg.errors import Problem
from policykg.schema.reference import SAFE_LOADER

#: One record file describes one source document; even a long law stays far
#: below this. Larger files are refused before they are read.
MAX_BYTES = 2 * 1024 * 1024
#: A record nests section → list → fact → field → list: far below this.
MAX_DEPTH = 16

Loader = SAFE_LOADER  # libyaml's when present, as for the reference data

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class RawRecord:
    path: Path
    data: Any
    lines: dict[FieldPath, int]
    content: bytes

    def line_of(self, path: FieldPath) -> int | None:
        """The line of ``path``, or of its nearest ancestor that exists in the file."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


class ReadFailed(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def read_record(path: Path) -> RawRecord:
    name = str(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReadFailed(Problem(name, None, "", f"file is {size / 1e6:.1f} MB, above the "
                                                  f"{MAX_BYTES / 1024 / 1024:.0f} MiB limit for one record file"))
    content = path.read_bytes()
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        raise ReadFailed(Problem(name, line, "", f"not UTF-8: byte 0x{content[exc.start]:02x} "
                                                 f"at offset {exc.start} (save the file as UTF-8)")) from None
    if not text.strip():
        raise ReadFailed(Problem(name, None, "", "file is empty: expected a record with a `document:` section"))
    loader: yaml.SafeLoader | None = None
    try:
        loader = Loader(text)  # the pure-Python reader checks for unprintable characters here
        try:
            node = loader.get_single_node()
        except RecursionError:  # the pure-Python composer recurses per level; libyaml stops at 1000
            raise ReadFailed(Problem(name, None, "", f"malformed YAML: nested deeper than {MAX_DEPTH} levels")) from None
        walk = _Walk(loader, name)
        data = None
        if node is not None:
            data = walk.run(node)  # ReadFailed at the first refused node
            if not walk.plain:
                data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        context = ""
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            context = f" ({exc.context} started at line {exc.context_mark.line + 1})"
        raise ReadFailed(Problem(name, line, "", f"malformed YAML: {exc.problem or exc.context}{context}")) from None
    except ReaderError as exc:  # a character YAML does not allow; libyaml gives no line, only the position
        before = text[: exc.position] if Loader is yaml.SafeLoader else content[: exc.position]  # libyaml: bytes
        line = before.count("\n" if isinstance(before, str) else b"\n") + 1
        raise ReadFailed(Problem(name, line, "", f"malformed YAML: unacceptable character "
                                                 f"#x{ord(exc.character) if isinstance(exc.character, str) else exc.character:04x}: "
                                                 f"{exc.reason}")) from None
    except yaml.YAMLError as exc:
        raise ReadFailed(Problem(name, None, "", f"malformed YAML: {' '.join(str(exc).split())}")) from None
    finally:
        if loader is not None:
            loader.dispose()
    return RawRecord(path, data, walk.lines, content)


_MAP_TAG, _SEQ_TAG, _STR_TAG = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:str"
_SPECIAL_KEY_TAGS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")


#: What the walk visits: (node, field path, its line, the line to name if it is an alias, depth, the container
#: its value goes into, its slot there). A plain tuple: the walk makes one for every node of every record.
_Visit = tuple[yaml.Node, FieldPath, int, int, int, Any, Any]


class _Walk:
    """One pass over the composed nodes: the safety checks, and the plain value a record is built from.

    Iterative, with every node visited once: a node reached a second time is
    an alias (composition shares the anchored node), so an alias bomb or a
    self-referencing alias is refused after a few steps instead of expanded.
    The checks (``_refuse``, ``_check_key``, ``_scalar``) raise ReadFailed
    with the first problem: an alias, over-deep nesting, a repeated field or
    an unbuildable scalar. The same walk builds the plain dicts, lists and
    scalars a record is made of (``container[slot] = value``), which halves
    the Python work of reading a record; a tagged collection (``!!set``,
    ``!!omap``) or a merge key (``<<``) sets ``plain`` False, and
    read_record lets PyYAML's constructor build the value instead.
    """

    def __init__(self, loader: yaml.SafeLoader, name: str) -> None:
        self.loader, self.name = loader, name
        self.lines: dict[FieldPath, int] = {}
        self.seen: set[int] = set()
        self.plain = True

    def run(self, root: yaml.Node) -> Any:
        holder: list[Any] = [None]
        # a shared node's own mark is its anchor's, so an alias is located by its key or by where its list starts
        stack: list[_Visit] = [(root, (), root.start_mark.line + 1, 1, 0, holder, 0)]
        while stack:
            node, path, line, alias_line, depth, container, slot = stack.pop()
            self._refuse(node, path, line, alias_line, depth)
            if isinstance(node, yaml.MappingNode):
                value: Any = {}
                stack.extend(reversed(self._mapping(node, path, depth, value)))
            elif isinstance(node, yaml.SequenceNode):
                if node.tag != _SEQ_TAG:
                    self.plain = False
                value = [None] * len(node.value)
                stack.extend(reversed([(item, path + (index,), item.start_mark.line + 1, node.start_mark.line + 1,
                                        depth + 1, value, index) for index, item in enumerate(node.value)]))
            else:
                value = self._scalar(node, path, line)
            if container is not None:
                container[slot] = value
        return holder[0]

    def _fail(self, line: int | None, path: FieldPath, message: str) -> ReadFailed:
        return ReadFailed(Problem(self.name, line, format_path(path), message))

    def _refuse(self, node: yaml.Node, path: FieldPath, line: int, alias_line: int, depth: int) -> None:
        """An alias or a node nested too deep; otherwise the node is seen and its line kept."""
        if id(node) in self.seen:
            raise self._fail(alias_line, path, "YAML aliases (*name) are not allowed in a record: write the value out")
        self.seen.add(id(node))
        self.lines.setdefault(path, line)
        if depth > MAX_DEPTH:
            raise self._fail(line, path, f"nested deeper than {MAX_DEPTH} levels")

    def _mapping(self, node: yaml.MappingNode, path: FieldPath, depth: int, value: dict[Any, Any]) -> list[_Visit]:
        """The mapping's fields checked, their slots in ``value`` made in the file's order; its children to visit."""
        if node.tag != _MAP_TAG:
            self.plain = False
        keys: set[str] = set()
        children: list[_Visit] = []
        for key_node, value_node in node.value:
            key, key_line = self._check_key(key_node, path, keys)
            if self.plain:
                built_key = key if key_node.tag == _STR_TAG else self.loader.construct_object(key_node)
                value[built_key] = None  # filled when the child is visited
                children.append((value_node, path + (key,), key_line, key_line, depth + 1, value, built_key))
            else:
                children.append((value_node, path + (key,), key_line, key_line, depth + 1, None, None))
        return children

    def _check_key(self, key_node: yaml.Node, path: FieldPath, keys: set[str]) -> tuple[str, int]:
        """A field name: plain text, once per mapping, buildable; its text and line."""
        if id(key_node) in self.seen or not isinstance(key_node, yaml.ScalarNode):
            raise self._fail(key_node.start_mark.line + 1, path, "a field name must be plain text (no alias, list or mapping)")
        self.seen.add(id(key_node))
        key, key_line = str(key_node.value), key_node.start_mark.line + 1
        if key in keys:
            raise self._fail(key_line, path + (key,), "field given twice in the same mapping")
        keys.add(key)
        self.lines[path + (key,)] = key_line
        if key_node.tag in _SPECIAL_KEY_TAGS:
            self.plain = False
        elif key_node.tag != _STR_TAG:  # a key like 2021 or true is built as PyYAML builds it, or refused
            self._scalar(key_node, path + (key,), key_line)
        return key, key_line

    def _scalar(self, node: yaml.Node, path: FieldPath, line: int) -> Any:
        if node.tag == _STR_TAG:  # SafeConstructor's str is the scalar's text: nothing can fail
            return node.value
        problem = _scalar_problem(node, self.loader, path, line, self.name)
        if problem is not None:
            raise ReadFailed(problem)
        return self.loader.construct_object(node)  # cached by the loader: built once


def _scalar_problem(node: yaml.Node, loader: yaml.SafeLoader, path: FieldPath, line: int, name: str) -> Problem | None:
    """Build a scalar now, so that a value Python cannot hold is a located problem, not a ValueError."""
    try:
        loader.construct_object(node)
    except (ValueError, OverflowError) as exc:
        kind = node.tag.rsplit(":", 1)[-1]
        what = "a real calendar date" if kind == "timestamp" else f"a valid {kind}"
        return Problem(name, line, format_path(path), f"{shorten(repr(node.value))} is not {what} ({shorten(str(exc), 120)})")
    return None


def shorten(text: str, limit: int = 80) -> str:
    """A hostile value (a 5,000-digit number, a 200,000-character name) cut so that its problem stays one line."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def format_path(path: FieldPath) -> str:
    """('targets', 3, 'value') → 'targets[3].value'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
