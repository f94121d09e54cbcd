"""From one text to its extraction: metadata, regions, policies, figures (no record building here)."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex

from policykg.ingest.extract import figures as figures_mod
from policykg.ingest.extract import measures as measures_mod
from policykg.ingest.extract import normalise as norm
from policykg.ingest.extract import numerals, periods
from policykg.ingest.extract import regions as regions_mod
from policykg.ingest.extract import titles as titles_mod
from policykg.ingest.extract.figures import Context, Figure
from policykg.ingest.extract.regions import Region

_HAN = regex.compile(r"\p{Han}")
_NOT_HEADLINE = regex.compile(r"^[(（]?(?:相关)?(?:资料)?图|^原创|^来源|^编辑|^记者|^作者|^发布时间|^[(（].{0,8}[)）]$|[>|]|首页|您的位置|^.{1,6}:|"
                              r"(?:19|20)\d\d[-年/.]\d{1,2}")
_ISSUES = regex.compile(r"(?:印发|发布)《([^《》]+)》(?:的)?通知")
_PLAN_WORDS = regex.compile(r"要点|计划|方案|规划|意见")
_TOPIC_LEAD = regex.compile(r"[\p{Han}“”、]{4,16}。")
_FLOW = regex.compile(r"收入|营收|增加值|产值|销售额|规模|总额|交易额|利润|投资|出口|进口|产量|生产总值|GDP")
_MANY_YEARS = regex.compile(r"多年|长期|历年|近年")
META_KEYS = ("title", "publisher", "published", "url", "id", "title_en", "publisher_en")


@dataclass
class Extraction:
    name: str
    source: norm.Source
    meta: dict[str, str]
    guessed: list[str]
    published: dt.date | None  # None: the text gives no date (the draft leaves it empty, the reviewer supplies it)
    paragraphs: list[norm.Paragraph]
    region_mentions: list[regions_mod.Mention]
    doc_region: Region | None
    mentions_china: bool
    titles: list[titles_mod.Title]
    abbreviations: dict[str, str]
    figures: list[Figure]
    doc_numbers: list[str] = field(default_factory=list)
    commitments: list[measures_mod.Commitment] = field(default_factory=list)
    published_how: str = "metadata"  # metadata | text | dateline | year | none (see PUBLISHED_NOTES)
    _headings: dict[int, str] | None = field(default=None, repr=False)  # paragraph → its section's heading

    def locator(self, number: int) -> str:
        """Where paragraph ``number`` is, for a reviewer to find it: the heading of the section it sits in
        (一、… / (二)… / 第三章…, as written) and its number, 二、发展基础 ¶7; ¶N before any heading."""
        if self._headings is None:
            self._headings, current = {}, ""
            for par in self.paragraphs:
                if norm.is_heading(par.text) and not figures_mod.is_table_line(par.text):
                    current = " ".join(self.source.quote(par.start, par.start + len(par.text)).split())[:60]
                self._headings[par.number] = current
        heading = self._headings.get(number)
        return f"{heading} ¶{number}" if heading else f"¶{number}"

    def regions(self) -> list[Region]:
        """Distinct regions named, in order of first mention (national words excluded, 中国 included)."""
        seen: dict[str, Region] = {}
        for mn in self.region_mentions:
            if mn.region is not None and mn.region.name not in seen:
                if mn.role == "national" and mn.surface != "中国":
                    continue
                seen[mn.region.name] = mn.region
        return list(seen.values())


FRONT = regex.compile(r"\A\s*---\s*\n(.*?)\n---\s*\n", regex.S)
DATE = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))")
DATE_CN = regex.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """A leading block of `key: value` lines between --- lines, and the text without it."""
    m = FRONT.match(text)
    if not m:
        return {}, text
    meta = {}
    for line in m.group(1).splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            if key.strip() in META_KEYS:
                meta[key.strip()] = value.strip().strip("\"'")
    # keep offsets: blank the front matter instead of cutting it
    return meta, "\n" * m.group().count("\n") + text[m.end():]


def guess_date(pars: list[norm.Paragraph], today: dt.date | None = None) -> dt.date | None:
    """A full date on a line of its own or in the first or last lines (notice date, dateline, byline):
    2022年1月12日, 二〇二五年四月七日, 2023-03-21, 2023/3/21, 2023.03.21. Never a date after today."""
    today = today or dt.date.today()
    candidates = pars[:4] + pars[-4:]
    for par in [p for p in pars if len(p.text) <= 24] + candidates:
        for m in DATE.finditer(par.text):
            found = _date(m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5))
            if found and found <= today:
                return found
        for m in DATE_CN.finditer(par.text):
            try:
                found = _date(*(numerals.chinese(g) for g in m.groups()))
            except ValueError:
                continue
            if found and found <= today:
                return found
    return None


def _date(y, m, d) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def guess_title(pars: list[norm.Paragraph]) -> str | None:
    """The document's own title: its headline (a short first line that is no caption, byline or date),
    else a notice's title; never merely the first 《》 title it cites."""
    for par in pars[:3]:
        text = par.text
        if (len(text) <= 90 and len(_HAN.findall(text)) >= 6 and "。" not in text and not text.endswith((":", "|"))
                and not _NOT_HEADLINE.search(text)):
            issued = _ISSUES.search(text)  # 某省人民政府办公厅关于印发《X》的通知: the notice carries X
            return issued.group(1) if issued else text
    for par in pars[:3]:
        m = titles_mod.TITLE.search(par.text)
        if m and regex.search(r"印发|通知", par.text):
            return m.group(1)
    return None


def extract(original: str, name: str = "text", meta: dict[str, str] | None = None,
            today: dt.date | None = None, matching: str | None = None) -> Extraction:
    """``matching``: the Simplified twin of a Traditional ``original`` (same length, readers/traditional.py);
    the rules read it, quotes are cut from the original."""
    meta_front, original_body = front_matter(original)
    meta = {**meta_front, **{k: v for k, v in (meta or {}).items() if v}}
    source = norm.make_source(original_body if matching is None else front_matter(matching)[1])
    source.original = original_body
    text = source.text
    pars = norm.paragraphs(text)
    guessed: list[str] = []
    published, date_known, published_how = _published(meta, pars, name, guessed, today)
    if not meta.get("title"):
        t = guess_title(pars)
        if t:
            meta["title"] = t
            guessed.append("title_zh")
    mentions = regions_mod.find(text)
    doc_region = _doc_region(mentions, meta.get("title", "") + meta.get("publisher", ""))
    ctx = _context(pars, mentions, doc_region, published.year if published is not None and date_known else None)
    titles, abbrev = titles_mod.find(pars)
    if not meta.get("publisher"):  # a notice's issuer, in its first lines, is the publisher
        head = next((t for t in titles if t.paragraph <= 3 and t.issuers
                     and regex.search(r"关于印发|的通知", pars[t.paragraph - 1].text)), None)
        if head is not None:
            meta["publisher"] = "、".join(head.issuers)
            guessed.append("publisher_zh")
    span = regex.search(r"((?:19|20)\d\d)\s*[-—–~至]\s*((?:19|20)\d\d)年?", meta.get("title", "")
                        + "".join(t.title for t in titles[:1]))
    ctx.plan_span = f"{span.group(1)}-{span.group(2)}" if span else None
    figs = figures_mod.dedupe(_read_figures(pars, mentions, ctx))
    plan_like = titles_mod.policy_kind(meta.get("title", "")) not in ("report", "speech", "programme") or bool(
        _PLAN_WORDS.search(meta.get("title", "")))
    if not plan_like:
        _as_of_document(figs, ctx, text, pars)
    commitments = measures_mod.find(pars, doc_region, ctx.doc_year, plan_like, mentions, meta.get("title", ""))
    return Extraction(name, source, meta, guessed, published, pars, mentions, doc_region, ctx.mentions_china,
                      titles, abbrev, figs, titles_mod.doc_numbers(text), commitments, published_how)


def _published(meta: dict[str, str], pars: list[norm.Paragraph], name: str, guessed: list[str],
               today: dt.date | None) -> tuple[dt.date | None, bool, str]:
    """(the publication date, whether its year is known, how it was found): the metadata's, else a full
    date the text writes, else a dateline's month and day (中新网天津1月21日电) in the year the file name
    starts with (2023-…txt), else that year alone, else none: the draft leaves the date empty and says
    so (never today's date: the reviewer supplies it)."""
    today = today or dt.date.today()
    if meta.get("url") and not regex.fullmatch(r"https?://\S+", meta["url"]):
        raise norm.ExtractError(f"{name}: url {meta['url']!r} is not an http(s) address")
    if meta.get("published"):
        published = _parse_date(meta["published"])
        if published is None:
            raise norm.ExtractError(f"{name}: published {meta['published']!r} is not a date (YYYY-MM-DD)")
        if published > today:
            raise norm.ExtractError(f"{name}: published {published} is in the future")
        return published, True, "metadata"
    guessed.append("published")
    found = guess_date(pars, today)
    if found is not None:
        return found, True, "text"
    year = _NAME_YEAR.match(Path(name).name)
    if year and int(year.group(1)) <= today.year:
        for par in pars[:4]:
            day = _DATELINE.search(par.text)
            if day and (found := _date(year.group(1), day.group(1), day.group(2))) and found <= today:
                return found, True, "dateline"
        return dt.date(int(year.group(1)), 1, 1), True, "year"
    return None, False, "none"


#: What the draft's header says about a published date the metadata did not give.
PUBLISHED_NOTES = {
    "text": "published: a date the text writes; check that it is the publication date",
    "dateline": "published: the dateline's month and day, in the year the file name starts with; check it",
    "year": "published: not in the text; 1 January of the year the file name starts with stands in: "
            "supply the real date",
    "none": "published: the text gives no date and no year: left empty; supply the publication date "
            "(YYYY-MM-DD) in review, publishing is refused without it; relative periods (今年, 去年, 上半年) "
            "are left open",
}
_NAME_YEAR = regex.compile(r"((?:19|20)\d\d)(?!\d)")
_DATELINE = regex.compile(r"(?<![\d年])(1[0-2]|[1-9])月([12]\d|3[01]|[1-9])日(?:电|讯|消息|发布|,|\s)")


def _context(pars: list[norm.Paragraph], mentions: list[regions_mod.Mention], doc_region: Region | None,
             doc_year: int | None) -> Context:
    """What the figure reader needs of the whole document; relative dates (去年, 前三季度) need a known date."""
    province_hint = {mn.region.province for mn in mentions
                     if mn.region and mn.region.province and mn.region.level in ("province", "prefecture")}
    mentions_china = any(mn.surface == "中国" for mn in mentions)
    ctx = Context(doc_year, doc_year is not None, doc_region, mentions_china, province_hint)
    if doc_year is None:
        prose = "\n".join(p.text for p in pars if not figures_mod.is_table_line(p.text))
        reported = [mk.year for mk in periods.marks(figures_mod.mask_titles(prose), None)
                    if mk.year and not mk.deadline and not mk.span]
        ctx.latest_reported_year = max(reported, default=None)
    return ctx


def _as_of_document(figs: list[Figure], ctx: Context, text: str, pars: list[norm.Paragraph]) -> None:
    """In a report or news text (not a plan), a count, rank or change of rank that states no period is
    what the text reports as of its date: 长沙位列15, 32个项目获国家科学技术奖, 与…6家头部企业签约; so is a level or share of
    a news text (no section headings, no goals: 数控化率达59.6%), which reports the state at its date, unless
    it is a year's flow (收入, 增加值, 规模: an early-year text reports last year's).
    After dedupe, so a headline's figure still gives way to the body's dated mention of it; 多年位居全国第一
    (for many years) names no year."""
    if not ctx.doc_year_known or ctx.doc_year is None:
        return
    news = not any(f.kind == "target" for f in figs) and not any(norm.is_heading(p.text) for p in pars)
    for f in figs:
        stock = f.measure in ("count", "rank") or f.unit in ("名次", "个名次") \
            or (news and f.measure != "growth" and not _FLOW.search(f.indicator))
        if f.period is None and f.dateless and f.kind != "target" and stock and not f.table \
                and not _MANY_YEARS.search(text, f.quote_span[0], f.quote_span[1]):
            f.period, f.year = str(ctx.doc_year), ctx.doc_year


def _read_figures(pars: list[norm.Paragraph], mentions: list[regions_mod.Mention], ctx: Context) -> list[Figure]:
    """Every paragraph's figures (time marks carried until the next heading), and the tables' rows."""
    figs: list[Figure] = []
    starts = [mn.start for mn in mentions]
    carry: list[periods.TimeMark] = []
    target_years: list[int] = []
    table_cells: list[tuple[int, int, str]] = []
    plain = {start: end for start, end in figures_mod.plain_tables([p.text for p in pars])}
    skip_to = 0
    for k, par in enumerate(pars):
        if k < skip_to:
            continue
        if figures_mod.is_table_line(par.text):
            table_cells.extend(figures_mod.table_cells(par.text, par.number, par.start))
            continue
        if table_cells:
            figs.extend(figures_mod.read_table(table_cells, ctx))
            table_cells = []
        if k in plain:  # a table copied one cell per line without "|"
            skip_to = plain[k]
            figs.extend(figures_mod.read_table([(p.number, p.start, p.text) for p in pars[k:skip_to]], ctx))
            continue
        if norm.is_heading(par.text) or _TOPIC_LEAD.match(par.text):
            carry = []  # a heading, or a paragraph that opens on its topic (数字产业化加快发展。): a new section
        for offset, chunk in _chunks(par.text):
            lo = par.start + offset
            found, marks = figures_mod.read_paragraph(chunk, par.number, lo, ctx, carry, target_years,
                                                      _mentions_in(mentions, starts, lo, chunk))
            figs.extend(found)
            if marks:
                carry = [marks[-1]]
    if table_cells:
        figs.extend(figures_mod.read_table(table_cells, ctx))
    return figs


CHUNK = 4000


def _mentions_in(mentions: list[regions_mod.Mention], starts: list[int], lo: int, chunk: str) -> list[regions_mod.Mention]:
    """The document's mentions inside ``chunk`` (which starts at ``lo``) and outside its 《》 titles,
    with offsets relative to the chunk."""
    hi = lo + len(chunk)
    titles = [(m.start(), m.end()) for m in figures_mod.TITLE.finditer(chunk)]
    out = []
    for mn in mentions[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]:
        a, b = mn.start - lo, mn.end - lo
        if b > len(chunk) or any(x <= a < y for x, y in titles):
            continue
        out.append(dataclasses.replace(mn, start=a, end=b))
    return out


def _chunks(text: str) -> list[tuple[int, str]]:
    """A long paragraph in pieces of about CHUNK characters cut after a full stop (bounded work per figure)."""
    if len(text) <= CHUNK:
        return [(0, text)]
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + CHUNK)
        if end < len(text):
            cut = max(text.rfind(p, start + CHUNK // 2, end) for p in "。;!?\n")
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def _parse_date(value: str) -> dt.date | None:
    """YYYY-MM-DD, YYYY-MM (the 1st), YYYY (1 January) or a date as DATE reads it; None if none is valid."""
    m = regex.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", value) or DATE.search(value)
    if m is None:
        return None
    groups = [g for g in m.groups() if g is not None] + ["1", "1"]
    return _date(*groups[:3])


def _doc_region(mentions: list[regions_mod.Mention], head: str) -> Region | None:
    """The province or city the document is about: most named (names in the title count three times)."""
    counts: Counter[str] = Counter()
    first: dict[str, Region] = {}
    for mn in mentions:
        r = mn.region
        if mn.role == "name" and r is not None and r.level in ("province", "prefecture"):
            counts[r.name] += 1
            first.setdefault(r.name, r)
    for mn in regions_mod.find(head):
        if mn.region is not None and mn.region.level in ("province", "prefecture"):
            counts[mn.region.name] += 3
            first.setdefault(mn.region.name, mn.region)
    if not counts:
        return None
    best = max(counts.values())
    return next(first[n] for n in first if counts[n] == best)
