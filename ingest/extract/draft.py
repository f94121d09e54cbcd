"""Assemble a draft record (the DocumentRecord shape) from an extraction, and write it as YAML.

Decisions, as an analyst reviewing the draft would want them:
  * document.draft is true and `policykg ingest` refuses the file until a reviewer removes the flag;
    document.guessed names the metadata guessed from the text (title, date).
  * every fact has extracted: true, a locator (the heading of the section it sits in and its paragraph:
    二、发展基础 ¶7; ¶N before any heading) and quote (the exact source span, original punctuation).
  * a figure for a future year (到2025年, “十四五”末, 力争…) is a target, set by the policy its sentence
    names (a 《》 title or abbreviation), else by the document's own policy; if the document names none,
    a policy is drafted from the document's title so the targets have one.
  * an estimate (预计) for the document's year or earlier is an observation with a note saying so; a
    forecast for a later year is a target. A figure without a stated year gets the document's year and a
    note; with no document date either it is not drafted, and the header lists it.
  * regions: only names the project gazetteer resolves; a county, zone or new area it does not know
    is recorded as the unit it lies in (nearest gazetteer entry), and listed in the header comment.
  * English is built from the structure and the catalogues (gloss.py: region, indicator, value, deadline;
    title patterns; a glossary of issuing bodies); where none can be built soundly the field is left out.
  * measures and projects come from commitment clauses (measures.py), policy links from 为贯彻落实《X》.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import regex
import yaml
from pydantic import ValidationError

from policykg.errors import PolicyKGError
from policykg.ingest.extract import numerals, themes
from policykg.ingest.extract import regions as regions_mod
from policykg.ingest.extract.figures import Figure
from policykg.ingest.extract.gloss import amount_en, gloss, target_en, title_en
from policykg.ingest.extract.indicators import IndicatorChoice, IndicatorMatcher, draft_key
from policykg.ingest.extract.normalise import ExtractError
from policykg.ingest.extract.pipeline import PUBLISHED_NOTES, Extraction
from policykg.ingest.extract.publishers import names as publisher_names
from policykg.ingest.extract.regions import Region
from policykg.ingest.extract.titles import policy_kind
from policykg.schema.reference import NationalPolicyEntry, gazetteer, national_policies
from policykg.schema.reference import indicators as reference_indicators
from policykg.schema.reference import themes as vocabulary
from policykg.schema.sections import DocumentRecord

# precompiled patterns of the helpers below
_NOT_KEY_CHAR = regex.compile(r"[^a-z0-9._-]+")
_YEAR_SPAN = regex.compile(r"((?:19|20)\d\d)\s*[-—–~至]\s*((?:19|20)\d\d)")
_SHARE_OF = regex.compile(r"占(.{1,30}?)(?:的)?(?:比重|份额|比例)?$")
_QUOTED_TITLE = regex.compile(r"《([^》]+)》")
_PERIODICAL = regex.compile(r"(?:日报|晚报|早报|时报|商报|杂志|周刊|月刊|期刊|学报|频道|联播)$")
_NATIONAL_TITLE = regex.compile(r"(?:中共中央|国务院|党中央|全国人民代表大会|国家发展和改革委员会|国家发展改革委|"
                                r"工业和信息化部|中华人民共和国)")
_IMPLEMENTS = regex.compile(r"(?:为了?|为进一步)?(?:深入)?(?:全面)?(?:贯彻落实|贯彻|落实|根据|按照|依据)"
                           r"(?:党中央、国务院|国务院|省委、省政府|市委、市政府)?(?:关于)?(?:印发的)?《(?P<title>[^《》]{2,150})》")
_ISSUED = regex.compile(r"(?:出台|印发|发布|公布|制定)(?:了)?$")
_SINCE_YEAR = regex.compile(r"(?:比|较|相比|与)\s*((?:19|20)\d\d)\s*年")
_GROW_BY = regex.compile(r"(?:增长|提高|提升|增加)了?\s*[\d.]+\s*倍$")
_GROWTH_SUFFIX = regex.compile(r"(?:年均)?(?:同比)?(?:增长|增速|增幅|增长率)$")


def doc_id(name: str, published: dt.date | None) -> str:
    stem = Path(name).stem.lower()
    slug = _NOT_KEY_CHAR.sub("-", stem).strip("-._")
    if not slug or not slug[0].isalnum():
        digest = hashlib.sha1(name.encode()).hexdigest()[:8]
        slug = f"{published.isoformat()}-{digest}" if published is not None else f"doc-{digest}"
    return f"draft-{slug}"[:120]


def _h(text: str, n: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def _ref(region: Region | None) -> str:
    """What a record writes for a region: its gazetteer name, else the gazetteer unit it lies in."""
    if region is None:
        return "CN"
    if region.in_gazetteer:
        return region.name if region.code != "CN" else "CN"
    host = gazetteer().regions.get(region.record_ref)
    return host.name_zh if host is not None and host.code != "CN" else region.record_ref


@dataclass
class _Draft:
    """The record being built, section by section, with the keys its facts point at."""

    ex: Extraction
    matcher: IndicatorMatcher
    did: str
    title: str
    notes: list[str] = field(default_factory=list)
    organizations: list[dict] = field(default_factory=list)
    org_keys: dict[str, str] = field(default_factory=dict)
    policies: list[dict] = field(default_factory=list)
    policy_keys: dict[str, str] = field(default_factory=dict)
    main_policy: str | None = None
    indicators: dict[str, dict] = field(default_factory=dict)
    targets: list[dict] = field(default_factory=list)
    observations: list[dict] = field(default_factory=list)


def _actor(region: Region | None) -> str:
    """The region a policy or measure is recorded for: a pilot or free-trade zone's is its province (or city),
    the jurisdiction that acts there and that the zone's measures count for."""
    ref = _ref(region)
    entry = gazetteer().regions.get(region.record_ref) if region is not None else None
    if entry is not None and entry.level == "zone" and entry.parent:
        host = gazetteer().regions.get(entry.parent)
        return host.name_zh if host is not None and host.code != "CN" else ref
    return ref


def build(ex: Extraction, matcher: IndicatorMatcher | None = None) -> tuple[dict, list[str]]:
    """(record as plain data, review notes for the header comment)."""
    d = _Draft(ex, matcher or IndicatorMatcher(), doc_id(ex.name, ex.published),
               ex.meta.get("title") or Path(ex.name).stem)
    document = _document(d)
    regions = _regions(d)
    _policies(d)
    for n, f in enumerate(ex.figures, 1):
        _figure(d, n, f)
    measures, projects = _commitments(d)
    links = _policy_links(d)
    record = {
        "document": document, "regions": regions, "organizations": d.organizations,
        "indicators": list(d.indicators.values()), "policies": d.policies, "targets": d.targets,
        "projects": projects, "observations": d.observations, "measures": measures, "policy_links": links,
    }
    return _prune(record), d.notes


def _document(d: _Draft) -> dict:
    """The document section: metadata given (or guessed, and said so); its publisher as an organization."""
    ex, title = d.ex, d.title
    publishers = publisher_names(ex.meta.get("publisher") or "")
    publisher_zh = "、".join(publishers) or None
    document = {
        "id": d.did,
        "title_zh": title[:2000],
        "title_en": ex.meta.get("title_en") or title_en(title),
        "publisher_zh": publisher_zh,
        "publisher_en": ex.meta.get("publisher_en") or (gloss(publisher_zh) if publisher_zh else None),
        "published": ex.published,
        "url": ex.meta.get("url") or None,
        "language": "zh",
        "draft": True,
        "guessed": [g for g in ex.guessed if g in ("title_zh", "title_en", "publisher_zh", "published", "url")],
        "summary_en": None,
    }
    if not ex.meta.get("title_en"):
        document["guessed"].append("title_en")
    if ex.published_how in PUBLISHED_NOTES:
        d.notes.append(PUBLISHED_NOTES[ex.published_how])
    keys = [_org(d, name, "document metadata", None) for name in publishers]  # joint issuers: one each
    if keys:
        document["publisher"] = keys[0]
    return document


def _regions(d: _Draft) -> list[str]:
    """The regions section: gazetteer names; a unit the gazetteer lacks is a note (its facts go to its host)."""
    regions: list[str] = []
    for r in d.ex.regions():
        if r.in_gazetteer:
            regions.append(_ref(r))
        else:
            d.notes.append(f"region {r.name} ({r.level}{', ' + r.code if r.code else ''}) is not in the gazetteer; "
                           f"facts about it are recorded under {r.record_ref}")
    return list(dict.fromkeys(regions))


def _org(d: _Draft, name: str, locator: str, quote: str | None) -> str:
    """The key of an organization (an issuer or the publisher), added on first use; its region from its name."""
    if name in d.org_keys:
        return d.org_keys[name]
    key = f"org-{_h(name)}"
    region = None
    found = regions_mod.find(name)
    if found and found[0].start == 0 and found[0].region is not None:
        region = _ref(found[0].region)
    elif name.startswith(("国务院", "国家", "中共中央")):
        region = "CN"
    d.organizations.append({"key": key, "locator": locator, "quote": quote, "extracted": True,
                            "name_zh": name, "name_en": gloss(name), "region": region})
    d.org_keys[name] = key
    return key


def _policies(d: _Draft) -> None:
    """The policies section: every 《》 title (not newspapers); the document's own policy gets the recurring themes."""
    ex = d.ex
    for t in ex.titles:
        if _PERIODICAL.search(t.title):
            d.notes.append(f"《{t.title}》 looks like a newspaper or journal, not a policy: left out")
            continue
        known = national_policies().find(t.title)  # a national plan: its shared key, so documents link to one node
        d.policy_keys[t.title] = known.key if known is not None else f"pol-{_h(t.title)}"
        if all(p["key"] != d.policy_keys[t.title] for p in d.policies):
            d.policies.append(_policy(d, t, known))
    for abbr, full in ex.abbreviations.items():
        if full in d.policy_keys:
            d.policy_keys.setdefault(abbr, d.policy_keys[full])
    d.main_policy = _main_policy(ex, d.policy_keys, d.title)
    for policy in d.policies:  # the document's own policy is about what the whole text keeps returning to
        if policy["key"] == d.main_policy:
            policy["themes"] = list(dict.fromkeys(policy["themes"] + themes.recurring(ex.source.text)))


def _policy(d: _Draft, t, known: NationalPolicyEntry | None = None) -> dict:
    """One cited title as a policy: its region from the title's own issuer (中共中央、国务院…: CN) or a region it
    names, else its issuer's, else the document's; a known national plan as national_policies.yaml has it."""
    ex = d.ex
    span = _YEAR_SPAN.search(t.title)
    title_regions = [m.region for m in regions_mod.find(t.title) if m.region is not None]
    issuer_keys = [_org(d, i, ex.locator(t.paragraph), None) for i in t.issuers]
    issuer = next((o for o in d.organizations if issuer_keys and o["key"] == issuer_keys[0]), None)
    if known is not None or _NATIONAL_TITLE.match(t.title):
        region = "CN"
    elif title_regions:
        region = _actor(title_regions[0])
    elif issuer is not None and issuer["region"]:
        region = issuer["region"]
    else:
        region = _ref(ex.doc_region) if ex.doc_region else "CN"
    return {
        "key": d.policy_keys[t.title], "locator": ex.locator(t.paragraph), "quote": ex.source.quote(*t.quote_span),
        "extracted": True, "title_zh": t.title, "title_en": title_en(t.title), "kind": policy_kind(t.title),
        "region": region, "issued_by": issuer_keys[0] if issuer_keys else None, "issued": t.issued,
        "period_start": int(span.group(1)) if span else None, "period_end": int(span.group(2)) if span else None,
        "summary_en": None, "themes": themes.find(t.title),
        **({"title_zh": known.title_zh, "title_en": known.title_en, "kind": known.kind, "issued": known.issued.isoformat(),
            "period_start": known.period_start, "period_end": known.period_end} if known is not None else {}),
    }


def _figure(d: _Draft, n: int, f: Figure) -> None:
    """A figure as a target (a goal) or an observation, with its indicator defined when the draft must."""
    quote = d.ex.source.quote(*f.quote_span)
    if f.kind != "target" and f.year is None and d.ex.published is None:
        # an observation needs a year: with no period beside it and no document date there is none to give
        d.notes.append(f"¶{f.paragraph} “{quote}”: no period beside the figure and no document date: not drafted; "
                       "add it once the publication date is known")
        return
    phrase = f.indicator
    if f.measure == "growth" and f.unit in ("%", "‰"):
        # a change of a level: the observation carries it in yoy_change_pct on the level's indicator
        phrase = _GROWTH_SUFFIX.sub("", phrase) or phrase
    choice = d.matcher.choose(phrase, f.measure, f.unit)
    if choice.from_catalogue and f.kind == "target" and f.measure != "growth" and _unit_clash(choice.key, f.unit):
        choice = IndicatorChoice(draft_key(phrase or quote), phrase or quote, gloss(phrase or quote), None, False)
    if not phrase and not choice.from_catalogue:
        # no name to share: the document's own key, never one node every unnamed figure of every draft joins
        choice = dataclasses.replace(choice, key=draft_key(f"{d.did} {quote} {f.unit}"))
    # a record names a project-catalogue indicator without defining it (ingest refuses a redefinition);
    # entries of another catalogue (--catalogue) are defined in the draft like new ones
    if choice.key not in d.indicators and not (choice.from_catalogue and choice.key in reference_indicators().indicators):
        d.indicators[choice.key] = {"key": choice.key, "locator": d.ex.locator(f.paragraph), "quote": None, "extracted": True,
                                    "name_zh": choice.name_zh, "name_en": choice.name_en,
                                    "unit": None if f.measure == "growth" else choice.unit or None}
        if not choice.from_catalogue:
            d.indicators[choice.key]["quote"] = phrase if phrase and phrase in quote else None
    if f.kind == "target":
        d.targets.append(_target(d, n, f, quote, choice.key))
        d.notes.extend(f"¶{f.paragraph} “{quote}”: {note}" for note in f.notes)  # a target has no note field
    else:
        d.observations.append(_observation(d, n, f, quote, choice.key))


def _unit_clash(key: str, unit: str) -> bool:
    """What `policykg validate` refuses: a share not in per cent, a percentage on a level, count or rank."""
    entry = reference_indicators().indicators.get(key)
    kind = entry.kind if entry is not None else None
    return (kind == "share" and unit != "%") or (unit == "%" and kind in ("level", "count", "rank"))


def _target(d: _Draft, n: int, f: Figure, quote: str, indicator: str) -> dict:
    """A goal: set by the policy its sentence names, else the document's own (drafted from its title if none)."""
    policy = d.policy_keys.get(f.policy_hint or "") or d.main_policy
    if policy is None:
        policy = d.main_policy = _document_policy(d.ex, d.title, d.policies, d.policy_keys)
    target = {
        "key": f"{d.did}-t{n:03d}"[:120], "locator": d.ex.locator(f.paragraph), "quote": quote, "extracted": True,
        "name_zh": (f.indicator or quote)[:2000], "name_en": None, "policy": policy,
        "region": _ref(f.region) if f.region else None, "indicator": indicator,
        "comparator": f.comparator, "value": float(numerals.as_float(f.value)), "unit": f.unit or None,
        "deadline": f.year, "themes": themes.find(f.indicator or quote), **_table_marks(f),
        **_change(d, f),
    }
    region = target["region"] or next((p["region"] for p in d.policies if p["key"] == policy), "")
    target["name_en"] = target_en(region_en(region), _indicator_en(d, indicator), target["comparator"],
                                  target["value"], target["unit"], target["deadline"], target.get("change"))
    return target


def _indicator_en(d: _Draft, key: str) -> str | None:
    """The indicator's English name: the catalogue's, else the draft indicator's (when it has sound English)."""
    entry = reference_indicators().indicators.get(key)
    if entry is not None:
        return entry.name_en
    own = d.indicators.get(key)
    return own.get("name_en") if own else None


def _change(d: _Draft, f: Figure) -> dict:
    """A goal stated as a change, not as the level to reach: 比2020年提高3个百分点 (increase, baseline 2020),
    年均增长10% (annual_growth), 增长1倍 (multiple: 2 倍). Value and unit are then the change's own."""
    if f.measure != "growth":
        return {}
    said = d.ex.source.text[f.quote_span[0]:f.quote_span[1]]
    since = _SINCE_YEAR.search(said)
    out: dict = {"baseline_year": int(since.group(1)) if since else None}
    if f.unit == "%" and "年均" in said:
        return {**out, "change": "annual_growth"}
    if f.unit == "倍":
        grown = bool(_GROW_BY.search(said))  # 增长1倍 is twice the start; 达到…的2倍 is the multiple itself
        return {**out, "change": "multiple", "value": float(numerals.as_float(f.value)) + (1 if grown else 0)}
    return {**out, "change": "increase"}


def _table_marks(f: Figure) -> dict:
    """An indicator table's binding mark (属性) and the row's baseline, for a target read from a table."""
    return {"binding": f.binding, "baseline_year": f.baseline_year,
            "baseline_value": float(f.baseline_value) if f.baseline_value is not None else None}


def _observation(d: _Draft, n: int, f: Figure, quote: str, indicator: str) -> dict:
    """A reported figure: a level, a change (yoy_change_pct) or a share (share_pct), with notes on what was assumed."""
    value = numerals.as_float(f.value)
    note = list(f.notes)
    year = f.year
    if year is None and d.ex.published is not None:
        year = d.ex.published.year
        note.append("period not stated next to the figure; the document's year is assumed")
    if f.estimate:
        note.append("an estimate or forecast in the source, not a reported figure and not a target")
    if f.fall:
        note.append("a fall: yoy_change_pct is negative, the source writes the number without sign")
    obs = {"key": f"{d.did}-o{n:03d}"[:120], "locator": d.ex.locator(f.paragraph), "quote": quote, "extracted": True,
           "region": _ref(f.region) if f.region else "CN", "indicator": indicator,
           "value": None, "unit": f.unit or None, "period": f.period or str(year), "year": year,
           "yoy_change_pct": None, "share_pct": None, "share_of": None, "note_en": None}
    if f.measure == "growth" and f.unit in ("%",):
        obs["yoy_change_pct"] = -float(value) if f.fall else float(value)
        obs["unit"] = None
    elif f.measure == "share" and f.unit == "%" and 0 <= value <= 100 and not _share_indicator(d, indicator):
        obs["share_pct"] = float(value)
        share_of = _SHARE_OF.search(f.indicator or "")
        obs["share_of"] = share_of.group(1) if share_of else None
    else:
        obs["value"] = float(value)
        if f.measure == "growth":
            note.append(f"a change of {amount_en(float(value), f.unit) or 'the figure quoted'}" + (" (a fall)" if f.fall else ""))
    obs["note_en"] = "; ".join(note) or None
    return obs


def _share_indicator(d: _Draft, key: str) -> bool:
    """Whether the indicator is itself a share (a catalogue share, or one drafted in per cent): its figure
    is then the observation's value; share_pct is only for a level indicator with no share of its own
    (review log: "share put in share_pct beside a share indicator")."""
    entry = reference_indicators().indicators.get(key)
    if entry is not None:
        return entry.kind == "share"
    drafted = d.indicators.get(key)
    return drafted is not None and drafted.get("unit") == "%"


PROJECT_KINDS_EN = {"工程": "programme", "计划": "programme", "行动": "action", "平台": "platform", "基地": "base",
                    "中心": "centre", "project": "project"}


def _commitments(d: _Draft) -> tuple[list[dict], list[dict]]:
    """The measures and projects sections: one measure per (region, themes) a clause commits to, in text
    order (the first clause that says it is the quote); a named project once per name."""
    measures: list[dict] = []
    projects: list[dict] = []
    seen: set[tuple] = set()
    for c in d.ex.commitments:
        region = "CN" if c.national or c.region is None else _actor(c.region)
        policy = d.policy_keys.get(c.policy_hint or "") or d.main_policy
        if policy is None:
            policy = d.main_policy = _document_policy(d.ex, d.title, d.policies, d.policy_keys)
        if c.aim is not None:  # an aim, frame or past progress: no measure (review log rule 3)
            _aim_themes(d, c, region, policy)
            continue
        common = {"locator": d.ex.locator(c.paragraph), "quote": d.ex.source.quote(*c.quote_span), "extracted": True,
                  "region": region, "policy": policy, "themes": c.themes}
        if c.project and ("project", c.project) not in seen:
            seen.add(("project", c.project))
            projects.append({"key": f"{d.did}-p{len(projects) + 1:03d}"[:120], **common, "name_zh": c.project,
                             "name_en": _project_en(region, c.project),
                             "kind": PROJECT_KINDS_EN[c.project_kind or "project"], "count": c.count, "year": c.year})
        key = (region, tuple(c.themes))
        if c.themes and key not in seen:
            seen.add(key)
            measures.append({"key": f"{d.did}-m{len(measures) + 1:03d}"[:120], **common, "name_zh": c.text[:2000],
                             "name_en": _commitment_en(region, c.themes, "measure"), "status": c.status})
    return measures, projects


def _aim_themes(d: _Draft, c, region: str, policy: str) -> None:
    """A plan's aim (以…为主线, 到2027年…基本建成) is what its policy is about: its themes join the policy's
    when the clause is about the policy's own region. Past progress (发展基础) adds nothing."""
    if c.aim == "past":
        return
    for p in d.policies:
        if p["key"] == policy and p.get("region") == region:
            p["themes"] = list(dict.fromkeys(p["themes"] + c.themes))


def region_en(ref: str) -> str:
    """The gazetteer's English name of a region a record writes (a code or a name), else ''."""
    try:
        entry = gazetteer().resolve(ref)
    except PolicyKGError:
        return ""
    return "China" if entry.code == "CN" else entry.name_en


def _project_en(region: str, name: str) -> str | None:
    """'Ningxia: digital industry growth programme' when the project's name has sound English, else None."""
    where, what = region_en(region), gloss(name)
    return f"{where}: {what}" if where and what else None


def _commitment_en(region: str, theme_ids: list[str], what: str) -> str:
    """'Zhejiang: measure on cross-border data flows' from the gazetteer and the theme vocabulary."""
    where = region_en(region)
    labels = [vocabulary().themes[t].label_en for t in theme_ids if t in vocabulary().themes]
    about = f" on {', '.join(label[0].lower() + label[1:] for label in labels)}" if labels else ""
    return f"{where}: {what}{about}" if where else f"{what.capitalize()}{about}"


def _policy_links(d: _Draft) -> list[dict]:
    """为贯彻落实《X》, 根据《X》, 按照《X》要求: the document's own policy implements X (once per X)."""
    links: list[dict] = []
    done: set[str] = set()
    text = d.ex.source.text
    for par in d.ex.paragraphs:
        for m in _IMPLEMENTS.finditer(par.text):
            other = d.policy_keys.get(m.group("title").strip())
            if other is None or other in done:
                continue
            own = d.main_policy or _document_policy(d.ex, d.title, d.policies, d.policy_keys)
            d.main_policy = own
            if own == other:
                continue
            done.add(other)
            start = par.start + m.start()
            links.append({"key": f"{d.did}-l{len(links) + 1:03d}"[:120], "locator": d.ex.locator(par.number),
                          "quote": d.ex.source.quote(start, par.start + m.end()), "extracted": True,
                          "policy": own, "relation": "implements", "other": other})
    del text
    return links


def _main_policy(ex: Extraction, policy_keys: dict[str, str], title: str) -> str | None:
    m = _QUOTED_TITLE.search(title)
    if m and m.group(1) in policy_keys:
        return policy_keys[m.group(1)]
    if title in policy_keys:
        return policy_keys[title]
    for t in ex.titles:
        if t.issuers and t.title in policy_keys:
            return policy_keys[t.title]
    for t in ex.titles:  # 南京出台《…》: a news text about the policy it reports issued
        before = ex.source.text[max(0, t.first - 8):t.first]
        if _ISSUED.search(before) and t.title in policy_keys:
            return policy_keys[t.title]
    return None


def _document_policy(ex: Extraction, title: str, policies: list[dict], policy_keys: dict[str, str]) -> str:
    key = f"pol-{_h(title)}"
    if title not in policy_keys:
        policies.append({
            "key": key, "locator": "¶1", "quote": None, "extracted": True, "title_zh": title[:2000],
            "title_en": title_en(title), "kind": policy_kind(title), "region": _ref(ex.doc_region) if ex.doc_region else "CN",
            "summary_en": "Drafted from the document's title so that its targets have a policy; "
                          "replace with the policy that sets them.", "themes": [],
        })
        policy_keys[title] = key
    return policy_keys[title]


def _prune(record: dict) -> dict:
    """Drop None values and empty lists inside facts (the models default them), keep sections."""
    out = {}
    for section, value in record.items():
        if isinstance(value, list):
            out[section] = [{k: v for k, v in item.items() if v is not None and v != []} if isinstance(item, dict)
                            else item for item in value]
        elif isinstance(value, dict):
            out[section] = {k: v for k, v in value.items() if v is not None and v != [] or k == "draft"}
        else:
            out[section] = value
    return out


HEADER = """\
# DRAFT extracted by `policykg extract` from {name} on {today}.
# Review before ingest: check every fact against its quote and locator (a section heading and ¶N = the
# N-th non-empty line of the text), check the English (left out where none could be built), fix or delete what is wrong, then remove
# `draft: true` (and `extracted: true` from the facts you checked). `policykg ingest` refuses drafts.
"""


class _NoAliases(yaml.SafeDumper):
    """Records refuse YAML aliases: a list two facts share is written out twice."""

    def ignore_aliases(self, data) -> bool:
        return True


def to_yaml(record: dict, notes: list[str], name: str, today: dt.date | None = None) -> str:
    try:
        DocumentRecord.model_validate(record)  # a draft must pass `policykg validate` unchanged
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ExtractError(f"{name}: the draft would not validate ({where}: {first['msg']})") from None
    head = HEADER.format(name=name, today=(today or dt.date.today()).isoformat())
    head += "".join(f"# NOTE: {n}\n" for n in notes)
    body = yaml.dump(record, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)
    return head + "\n" + body
