"""Helpers for the extractor tests: run the pipeline on a few sentences and look at the answers."""

from __future__ import annotations

from policykg.ingest.extract.pipeline import Extraction, extract


def run(text: str, published: str | None = "2024-06-01", title: str | None = None, **meta: str) -> Extraction:
    return extract(text, "test.txt", {"published": published or "", "title": title or "", **meta})


def figures(text: str, published: str | None = "2024-06-01", title: str | None = None) -> list[tuple]:
    """(value, unit, kind, period, region name or None) of every figure, in order."""
    return [(float(f.value), f.unit, f.kind, f.period, f.region.name if f.region else None)
            for f in run(text, published, title).figures]


def values(text: str, **kw) -> list[tuple[float, str]]:
    return [(v, u) for v, u, *_ in figures(text, **kw)]
