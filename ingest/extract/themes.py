"""Themes from the vocabulary's keywords_zh (schema/reference_data/themes.yaml), by dictionary match."""

from __future__ import annotations

from functools import cache

import ahocorasick

from policykg.schema.reference import themes as vocabulary


@cache
def _automaton() -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    forms: dict[str, list[str]] = {}
    for theme in vocabulary().themes.values():
        for kw in theme.keywords_zh:
            forms.setdefault(kw, []).append(theme.id)
    for kw, ids in forms.items():
        a.add_word(kw, ids)
    a.make_automaton()
    return a


def find(text: str) -> list[str]:
    """Theme ids whose keywords occur in ``text``, in order of first occurrence."""
    out: list[str] = []
    for _end, ids in _automaton().iter(text):
        for tid in ids:
            if tid not in out:
                out.append(tid)
    return out


def recurring(text: str, times: int = 2) -> list[str]:
    """Theme ids whose keywords occur at least ``times`` times in ``text``, most frequent first."""
    counts: dict[str, int] = {}
    for _end, ids in _automaton().iter(text):
        for tid in ids:
            counts[tid] = counts.get(tid, 0) + 1
    return [tid for tid, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n >= times]
