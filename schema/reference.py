"""The reference data: the gazetteer of regions and the theme vocabulary.

Analysts and documents name places and themes the way people do (北京,
北京市, 京, Beijing, 110000); both lookups resolve any of these forms to one
stable code or id, and suggest the closest names when nothing matches.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from policykg.errors import UnknownName


class RegionEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    name_zh: str
    name_en: str
    level: str
    parent: str | None
    short: list[str] = []
    aliases: list[str] = []

    def names(self) -> list[str]:
        return [self.code, self.name_zh, self.name_en, *self.short, *self.aliases]


class StipTheme(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str | None
    label: str


class ThemeEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    label_zh: str
    label_en: str
    broader: list[str] = []
    keywords_zh: list[str] = []
    keywords_en: list[str] = []
    stip: StipTheme | None = None
    description_en: str | None = None

    def names(self) -> list[str]:
        return [self.id, self.label_zh, self.label_en]


def _fold(name: str) -> str:
    """Case, width and punctuation variants of a name compare equal."""
    table = str.maketrans({"（": "(", "）": ")", "·": "", "・": "", " ": "", "-": "", "–": "", "'": "", "’": ""})
    return name.strip().casefold().translate(table)


@dataclass(frozen=True)
class Lookup:
    """Names → ids for one kind of reference entry; a name may be ambiguous."""

    kind: str
    by_name: dict[str, tuple[str, ...]]
    #: folded name → the name as written, so suggestions read "cross-border-data-flows", not "crossborderdataflows"
    spelled: dict[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def build(cls, kind: str, entries: dict[str, list[str]]) -> "Lookup":
        index: dict[str, list[str]] = {}
        spelled: dict[str, str] = {}
        for key, names in entries.items():
            for name in names:
                spelled.setdefault(_fold(name), name)
                ids = index.setdefault(_fold(name), [])
                if key not in ids:
                    ids.append(key)
        return cls(kind, {name: tuple(ids) for name, ids in index.items()}, spelled)

    def find(self, name: str) -> tuple[str, ...]:
        return self.by_name.get(_fold(name), ())

    def closest(self, name: str, n: int = 5) -> list[str]:
        matches = difflib.get_close_matches(_fold(name), list(self.by_name), n=n, cutoff=0.4)
        return [self.spelled.get(m, m) for m in matches]

    def resolve(self, name: str) -> str:
        """One id for ``name`` or UnknownName listing the closest names."""
        found = self.find(name)
        if len(found) == 1:
            return found[0]
        if found:
            raise UnknownName(f"{self.kind} {name!r} is ambiguous: it names {', '.join(found)}; use a code")
        close = self.closest(name)
        hint = f"; closest: {', '.join(close)}" if close else ""
        raise UnknownName(f"unknown {self.kind} {name!r}{hint}")


def _load(name: str) -> dict[str, Any]:
    return yaml.safe_load(files("policykg.schema").joinpath("reference_data", name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Gazetteer:
    source: str
    as_of: str
    regions: dict[str, RegionEntry]
    lookup: Lookup

    def resolve(self, name: str) -> RegionEntry:
        return self.regions[self.lookup.resolve(name)]

    def ancestors(self, code: str) -> list[str]:
        chain, parent = [], self.regions[code].parent
        while parent:
            chain.append(parent)
            parent = self.regions[parent].parent
        return chain


@dataclass(frozen=True)
class ThemeVocabulary:
    source: str
    as_of: str
    themes: dict[str, ThemeEntry]
    lookup: Lookup

    def resolve(self, name: str) -> ThemeEntry:
        return self.themes[self.lookup.resolve(name)]


@cache
def gazetteer() -> Gazetteer:
    data = _load("regions.yaml")
    regions = {r.code: r for r in (RegionEntry(**item) for item in data["regions"])}
    lookup = Lookup.build("region", {code: r.names() for code, r in regions.items()})
    return Gazetteer(data["source"], str(data["as_of"]), regions, lookup)


@cache
def themes() -> ThemeVocabulary:
    data = _load("themes.yaml")
    entries = {t.id: t for t in (ThemeEntry(**item) for item in data["themes"])}
    lookup = Lookup.build("theme", {tid: t.names() for tid, t in entries.items()})
    return ThemeVocabulary(data["source"], str(data["as_of"]), entries, lookup)
