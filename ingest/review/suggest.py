"""What the rules missed: a fact prefilled from a span of the source the reviewer selected.

The extractor itself reads the span (ingest/extract: figures, periods, regions,
indicators, the draft builder), with the document's date so that relative
years resolve; the first fact it drafts (of the section asked for, else any
figure) fills the card. What it cannot fill stays empty for the reviewer, and
the quote is the selected text itself, so the highlight lands where it was selected.
"""

from __future__ import annotations

from typing import Any

import regex

from policykg.errors import PolicyKGError
from policykg.ingest.extract import draft as draft_mod
from policykg.ingest.extract import numerals, periods
from policykg.ingest.extract.pipeline import extract
from policykg.ingest.review.facts import SECTION_BY_NAME, field_specs
from policykg.ingest.review.session import Review
from policykg.schema.reference import indicators

#: Sections whose drafted facts are figures, tried when the section asked for has none.
FIGURES = ("targets", "observations")


def suggest(review: Review, section: str, text: str, paragraph: int | None) -> dict[str, Any]:
    """A new fact of ``section`` for the selected ``text`` (in paragraph ``paragraph``), as a form prefill."""
    if section not in SECTION_BY_NAME:
        raise PolicyKGError(f"no section {section!r}")
    text = text.strip()
    if not text:
        raise PolicyKGError("select some source text first")
    drafted = _drafted(review, section, text, paragraph) or _parsed(review, section, text, paragraph)
    names = {spec.name for spec in field_specs(section)}
    fact = {k: v for k, v in drafted.items() if k in names and k not in ("key", "extracted")}
    fact["quote"] = text
    fact["locator"] = _label(review, paragraph) or drafted.get("locator", "¶1")
    own = {i.get("key") for i in review.record.get("indicators") or []}
    if fact.get("indicator") and fact["indicator"] not in own and indicators().find(fact["indicator"]) is None:
        fact.pop("indicator")  # the extractor drafted a new indicator: the reviewer picks one
    for name in ("name_zh", "title_zh"):
        if name in names and not fact.get(name):
            fact[name] = text[:2000]
    if "policy" in names and not fact.get("policy"):
        policy = next((f.fact["key"] for f in review.facts if f.section == "policies" and f.state != "rejected"), None)
        if policy:
            fact["policy"] = policy
    if "region" in names and not fact.get("region"):
        regions = review.record.get("regions") or []
        if regions:
            fact["region"] = regions[0]
    return fact


def _label(review: Review, paragraph: int | None) -> str | None:
    if review.source is not None and paragraph and 0 < paragraph <= len(review.source.paragraphs):
        return review.source.paragraphs[paragraph - 1].label
    return f"¶{paragraph}" if paragraph else None


def _drafted(review: Review, section: str, text: str, paragraph: int | None) -> dict[str, Any]:
    """The extractor's first fact inside the selection: read in its whole paragraph first (where the
    year or the 到…年 that makes a figure a target may stand before the selection), else read alone."""
    par = None
    if review.source is not None and paragraph and 0 < paragraph <= len(review.source.paragraphs):
        par = review.source.paragraphs[paragraph - 1].text
    for context in ([par] if par and text in par else []) + [text]:
        found = _extracted(review, context)
        inside = [(s, f) for s, f in ((s, f) for s in (section, *FIGURES) for f in found.get(s) or [])
                  if f.get("quote") and f["quote"] in text]
        for wanted in (section, *FIGURES):
            match = next((f for s, f in inside if s == wanted), None)
            if match is not None:
                return match
    return {}


#: A number and its unit, when the figure rules found none (a Chinese numeral such as 二十个, say).
_AMOUNT = regex.compile(r"((?:\d[\d,]*(?:\.\d+)?)|[〇零一二两三四五六七八九十百千]+)\s*(万亿|亿|万|千)?"
                        r"(%|个|家|项|所|座|台|套|架|户|条|元|人|吨|平方米|千瓦|兆瓦|公里)")


def _parsed(review: Review, section: str, text: str, paragraph: int | None) -> dict[str, Any]:
    """The extractor's numeral and period readers on the selection, when its figure rules drafted nothing:
    the amount in the selection, and the year marked last before its end in the paragraph."""
    out: dict[str, Any] = {}
    amount = _AMOUNT.search(text)
    if amount:
        try:
            out["value"] = float(numerals.number(amount.group(1)))
            out["unit"] = (amount.group(2) or "") + amount.group(3)
        except ValueError:
            pass
    par = text
    if review.source is not None and paragraph and 0 < paragraph <= len(review.source.paragraphs):
        par = review.source.paragraphs[paragraph - 1].text
    end = par.find(text) + len(text) if text in par else len(par)
    published = str((review.record.get("document") or {}).get("published") or "")[:4]
    marks = [m for m in periods.marks(par, int(published) if published.isdigit() else None)
             if m.start < end and m.year]
    if marks:
        names = {spec.name for spec in field_specs(section)}
        year = marks[-1].year
        if "deadline" in names:
            out["deadline"] = year
        if "year" in names:
            out["year"] = year
        if "period" in names:
            out["period"] = marks[-1].period() or str(year)
    return out


def _extracted(review: Review, text: str) -> dict[str, Any]:
    doc = review.record.get("document") or {}
    meta = {"published": str(doc.get("published") or ""), "title": str(doc.get("title_zh") or "")}
    try:
        ex = extract(text, "selection", {k: v for k, v in meta.items() if v})
        record, _ = draft_mod.build(ex)
    except PolicyKGError:
        return {}
    return record
