"""The scorer's prediction shape (../shared/corpus/score.py): figures, policies and regions per file."""

from __future__ import annotations

from policykg.ingest.extract import numerals
from policykg.ingest.extract.pipeline import Extraction
from policykg.schema.reference import gazetteer

#: The scorer's words (score.py, ANNOTATION.md) for the records' kinds and comparators the extractor uses.
SCORER_KIND = {"growth": "growth_yoy"}
SCORER_COMPARATOR = {"≥": ">=", "≤": "<=", "≈": "~"}


def region_name(fig) -> str | None:
    """The region the draft records the figure under: a unit the gazetteer lacks (a county, a park, 海南自由贸易港)
    is recorded under the gazetteer unit it lies in (draft._ref), so the prediction names that unit too."""
    region = fig.region
    if region is None:
        return None
    if not region.in_gazetteer:
        host = gazetteer().regions.get(region.record_ref)
        if host is not None and host.code != "CN":
            return host.name_zh
    return region.name


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
        "regions": _regions(ex),
    }


def _regions(ex: Extraction) -> list[str]:
    """The regions named, by canonical name; a zone or area also as written when that differs (火炬高新区 for
    厦门火炬高技术产业开发区, 海南自贸港 for 海南自由贸易港), since that is the name a reader knows it by."""
    names = [r.name for r in ex.regions()]
    for mn in ex.region_mentions:
        if mn.region is not None and mn.region.level in ("zone", "area") and mn.surface != mn.region.name:
            names.append(mn.surface)
    return list(dict.fromkeys(names))
