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
        a.add_word(kw, (kw, ids))
    a.make_automaton()
    return a


def _matches(text: str) -> list[list[str]]:
    """The theme ids of each keyword occurrence, in text order, leaving out an occurrence that lies inside a
    longer keyword of another theme: 城市数字化转型 is urban digital transformation, not also the
    industrial 数字化转型 it contains (a theme keeps its broader themes through the vocabulary)."""
    hits = sorted(((end - len(kw) + 1, end + 1, ids) for end, (kw, ids) in _automaton().iter(text)),
                  key=lambda h: (h[0], -h[1]))
    kept: list[tuple[int, list[str]]] = []
    reach, owner = -1, ()
    for _start, end, ids in hits:
        if end <= reach and not set(ids) & set(owner):
            continue  # inside a longer keyword of another theme
        if end > reach:
            reach, owner = end, ids
        kept.append((end, ids))
    return [ids for _end, ids in sorted(kept, key=lambda k: k[0])]


def find(text: str) -> list[str]:
    """Theme ids whose keywords occur in ``text``, in order of first occurrence."""
    out: list[str] = []
    for ids in _matches(text):
        for tid in ids:
            if tid not in out:
                out.append(tid)
    return out


def recurring(text: str, times: int = 2) -> list[str]:
    """Theme ids whose keywords occur at least ``times`` times in ``text``, most frequent first."""
    counts: dict[str, int] = {}
    for ids in _matches(text):
        for tid in ids:
            counts[tid] = counts.get(tid, 0) + 1
    return [tid for tid, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n >= times]
