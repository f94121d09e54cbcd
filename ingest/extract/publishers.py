"""The organizations behind a publisher line, as a source header or the metadata writes it.

A header's publisher often carries a note for the reader, not part of the name: the document number
(（某政发〔2024〕3号）), where the copy was found (转载自…, reprint at …, ", mirror"), a byline (记者 …).
Reviewers removed these by hand (review log: "publisher organisation carries the header's note"), and
split joint issuers (甲厅、乙厅) into one organization each ("joint issuers read as one organisation").
"""

from __future__ import annotations

import regex

from policykg.ingest.extract import regions as regions_mod

# a bracketed note, any bracket pair, nested document numbers (〔2024〕) inside included
_BRACKETED = regex.compile(r"\s*[（(［\[【][^（()）［\]］【】]*(?:〔[^〕]*〕[^（()）［\]］【】]*)*[)）\]］】]")
# from a repost or byline marker to the end of the line
_TRAILING = regex.compile(r"\s*(?:[,;]\s|[，；]|转载自|转自|来源[:：]|记者|通讯员|via\s|reprint|mirror|repost).*$",
                          regex.IGNORECASE)
_DOC_NUMBER = regex.compile(r"\S*〔\d{4}〕\d+号")


def clean(raw: str) -> str:
    """The publisher line without its notes: brackets, repost and byline tails, document numbers, spaces
    at the ends (a name's inner layout is left alone)."""
    text = _BRACKETED.sub("", raw)
    text = _TRAILING.sub("", text)
    text = _DOC_NUMBER.sub("", text)
    return text.strip(" \t\u3000,，;；")


def names(raw: str) -> list[str]:
    """One name per issuer (split on 、), each cleaned; a short name that starts with the level word alone
    (省发展改革委 after 山东省工业和信息化厅) gets the first issuer's place, so it keeps its region."""
    parts = [p for p in (clean(part) for part in clean(raw).split("、")) if p]
    if not parts:
        return []
    place = _leading_place(parts[0])
    out = []
    for part in parts:
        if place and part[0] in "省市" and place.endswith(part[0]):
            part = place[:-1] + part
        if part not in out:
            out.append(part)
    return out


def _leading_place(name: str) -> str | None:
    """The place name a name starts with (山东省 of 山东省工业和信息化厅), if the gazetteer knows it."""
    found = regions_mod.find(name)
    if found and found[0].start == 0 and found[0].region is not None:
        return found[0].surface
    return None
