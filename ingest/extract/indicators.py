"""Indicator names: a figure's indicator phrase → a catalogue entry, or a new draft indicator.

The catalogue is a list of dicts as in schema/reference_data/indicators.yaml (key, name_zh, name_en,
aliases_zh, unit, kind: level|share|count|growth|rank, share_of); pass it to IndicatorMatcher. A
phrase matches the longest catalogue name or alias it contains whose kind fits the figure (a growth
figure may use a level indicator: the observation carries the change). Without a match, a draft
indicator is made from the phrase, keyed by a hash of its Chinese name so that two drafts naming the
same indicator share one key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import ahocorasick
import regex

from policykg.ingest.extract.gloss import gloss

#: figure measure → catalogue kinds that can carry it
FITS = {"level": ("level",), "share": ("share",), "count": ("count", "level"), "rank": ("rank",),
        "growth": ("growth", "level", "share")}

# precompiled patterns of the helpers below
_SHARE_WORD = regex.compile(r"占|比重|份额|比例")
_FOLD_DROP = regex.compile(r"的|[(（](?:GDP|地区生产总值|国内生产总值)[)）]|(?<=占)(?:全省|全市|全区|全国)")
_FOLD_GDP = regex.compile(r"地区生产总值|国内生产总值|生产总值")


def _fold(text: str) -> str:
    """The spelling-free form of an indicator phrase: 占地区生产总值的比重, 占GDP比重 and 占全市GDP的比重 are one."""
    return _FOLD_GDP.sub("GDP", _FOLD_DROP.sub("", text))


@dataclass(frozen=True)
class IndicatorChoice:
    key: str
    name_zh: str
    name_en: str
    unit: str | None
    from_catalogue: bool


def draft_key(name_zh: str) -> str:
    return "draft-ind-" + hashlib.sha1(name_zh.encode("utf-8")).hexdigest()[:10]


class IndicatorMatcher:
    def __init__(self, catalogue: list[dict] | None = None):
        self.catalogue = list(catalogue or [])
        self._automaton = None
        if self.catalogue:
            a = ahocorasick.Automaton()
            forms: dict[str, list[dict]] = {}
            for entry in self.catalogue:
                for form in {_fold(f) for f in (entry["name_zh"], *(entry.get("aliases_zh") or []))}:
                    forms.setdefault(form, []).append(entry)
            for form, entries in forms.items():
                a.add_word(form, (form, entries))
            a.make_automaton()
            self._automaton = a

    def match(self, phrase: str, measure: str) -> dict | None:
        """The catalogue entry for ``phrase`` measured as ``measure``, or None."""
        if self._automaton is None or not phrase:
            return None
        best: tuple[int, dict] | None = None
        for _end, (form, entries) in self._automaton.iter(_fold(phrase)):
            for entry in entries:
                if entry.get("kind") not in FITS.get(measure, ()):
                    continue
                if measure != "share" and entry.get("kind") != "share" and _mentions_share(_fold(phrase), form):
                    continue  # 增加值占GDP比重 is a share, not the level 增加值
                if best is None or len(form) > best[0]:
                    best = (len(form), entry)
        return best[1] if best else None

    def choose(self, phrase: str, measure: str, unit: str | None) -> IndicatorChoice:
        entry = self.match(phrase, measure)
        if entry is not None:
            return IndicatorChoice(entry["key"], entry["name_zh"], entry["name_en"], entry.get("unit"), True)
        name = phrase or "未命名指标"
        base_unit = None if measure == "growth" else unit
        return IndicatorChoice(draft_key(name), name, gloss(name), base_unit, False)


def _mentions_share(phrase: str, form: str) -> bool:
    rest = phrase.replace(form, "", 1)
    return bool(_SHARE_WORD.search(rest))
