"""The scorer's prediction shape (../shared/corpus/score.py): figures, policies and regions per file."""

from __future__ import annotations

from policykg.ingest.extract import numerals
from policykg.ingest.extract.pipeline import Extraction

#: The scorer's words (score.py, ANNOTATION.md) for the records' kinds and comparators the extractor uses.
SCORER_KIND = {"growth": "growth_yoy"}
SCORER_COMPARATOR = {"≥": ">=", "≤": "<=", "≈": "~"}


def region_name(fig) -> str | None:
    if fig.region is None:
        return None
    return fig.region.name


def entry(ex: Extraction) -> dict:
    figures = []
    for f in ex.figures:
        figures.append({
            "region": region_name(f),
            "value": numerals.as_float(f.value),
            "unit": f.unit,
            "kind": SCORER_KIND.get(f.kind, f.kind),
            "period": f.period,
            "comparator": SCORER_COMPARATOR.get(f.comparator, f.comparator),
            "indicator": f.indicator,
            "quote": ex.source.quote(*f.quote_span),
            "locator": f"¶{f.paragraph}",
        })
    return {
        "figures": figures,
        "policies": [t.title for t in ex.titles],
        "regions": [r.name for r in ex.regions()],
    }
