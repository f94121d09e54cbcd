"""Read one record file into Python data plus a map from field path to line.

PyYAML's ``safe_load`` forgets where things were; composing the node tree
first keeps each node's position, so that a validation error can name the
line a user has to fix. Size, encoding and emptiness are checked before
parsing, so that a 50 MB or binary file is refused at once instead of hanging.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from policykg.errors import Problem

#: One record file describes one source document; even a long law stays far
#: below this. Larger files are refused before they are read.
MAX_BYTES = 2 * 1024 * 1024

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
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        context = ""
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            context = f" ({exc.context} started at line {exc.context_mark.line + 1})"
        raise ReadFailed(Problem(name, line, "", f"malformed YAML: {exc.problem or exc.context}{context}")) from None
    except yaml.YAMLError as exc:
        raise ReadFailed(Problem(name, None, "", f"malformed YAML: {exc}")) from None
    finally:
        loader.dispose()
    lines: dict[FieldPath, int] = {}
    duplicates: list[Problem] = []
    if node is not None:
        _walk(node, (), lines, duplicates, name)
    if duplicates:
        raise ReadFailed(duplicates[0])
    return RawRecord(path, data, lines, content)


def _walk(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int], duplicates: list[Problem], name: str) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                duplicates.append(Problem(name, key_node.start_mark.line + 1, format_path(path + (key,)),
                                          "field given twice in the same mapping"))
            seen.add(key)
            lines[path + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, path + (key,), lines, duplicates, name)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, duplicates, name)


def format_path(path: FieldPath) -> str:
    """('targets', 3, 'value') → 'targets[3].value'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
