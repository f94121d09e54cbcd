"""The reference data: the gazetteer of regions, the theme vocabulary and the indicator catalogue.

Analysts and documents name places, themes and indicators the way people do
(北京, 北京市, 京, Beijing, 110000; 核心产业增加值占比); each lookup resolves any
of these forms to one stable code, id or key, and suggests the closest names
when nothing matches.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from policykg.errors import UnknownName
from policykg.schema.models import IndicatorKind, PolicyKind


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


class IndicatorEntry(BaseModel):
    """A catalogue indicator: one quantity that many documents report or target under several names."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    name_zh: str
    name_en: str
    aliases_zh: list[str] = []
    unit: str | None
    kind: IndicatorKind
    share_of: str | None = None
    definition: str | None = None
    note_en: str | None = None

    @model_validator(mode="after")
    def _share_in_per_cent(self) -> IndicatorEntry:
        # A share compares with another share only when both are in per cent.
        if self.kind == "share" and (self.unit != "%" or not self.share_of):
            raise ValueError(f"indicator {self.key}: a share has unit '%' and names what it is a share of")
        return self

    def names(self) -> list[str]:
        return [self.key, self.name_zh, self.name_en, *self.aliases_zh]


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
    def build(cls, kind: str, entries: dict[str, list[str]]) -> Lookup:
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


SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[assignment]


def load_yaml(text: str) -> Any:
    """Safe YAML through libyaml's C loader when present: the reference data parse 10× faster than in Python."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


def _load(name: str) -> dict[str, Any]:
    return load_yaml(files("policykg.schema").joinpath("reference_data", name).read_text(encoding="utf-8"))


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


@dataclass(frozen=True)
class IndicatorCatalogue:
    source: str
    as_of: str
    indicators: dict[str, IndicatorEntry]
    lookup: Lookup

    def resolve(self, name: str) -> IndicatorEntry:
        """The entry whose key, Chinese or English name or Chinese alias is ``name``, or UnknownName."""
        return self.indicators[self.lookup.resolve(name)]

    def find(self, name: str) -> IndicatorEntry | None:
        """Like resolve, but None when ``name`` names no entry (or more than one)."""
        found = self.lookup.find(name)
        return self.indicators[found[0]] if len(found) == 1 else None


@cache
def indicators() -> IndicatorCatalogue:
    data = _load("indicators.yaml")
    entries = {i.key: i for i in (IndicatorEntry(**item) for item in data["indicators"])}
    lookup = Lookup.build("indicator", {key: i.names() for key, i in entries.items()})
    return IndicatorCatalogue(data["source"], str(data["as_of"]), entries, lookup)


class NationalPolicyEntry(BaseModel):
    """A national plan that local plans cite: its shared key and the names texts give it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    title_zh: str
    title_en: str
    aliases: list[str] = []
    kind: PolicyKind
    issuer: str
    number: str | None = None
    issued: dt.date
    published: dt.date
    period_start: int | None = None
    period_end: int | None = None

    def names(self) -> list[str]:
        return [self.key, self.title_zh, self.title_en, *self.aliases]


@dataclass(frozen=True)
class NationalPolicies:
    source: str
    as_of: str
    policies: dict[str, NationalPolicyEntry]
    lookup: Lookup

    def find(self, title: str) -> NationalPolicyEntry | None:
        """The entry a cited title (《…》 stripped, full or short) names, or None."""
        title = title.strip("《》 ")
        found = self.lookup.find(title) or self.lookup.find(title.translate(_QUOTES))
        return self.policies[found[0]] if len(found) == 1 else None


_QUOTES = str.maketrans({"“": "", "”": "", '"': ""})


@cache
def national_policies() -> NationalPolicies:
    data = _load("national_policies.yaml")
    entries = {p.key: p for p in (NationalPolicyEntry(**item) for item in data["policies"])}
    lookup = Lookup.build("national policy", {key: p.names() for key, p in entries.items()})
    return NationalPolicies(data["source"], str(data["as_of"]), entries, lookup)
