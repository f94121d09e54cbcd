"""Figures: a number with its unit, kind, comparator, period, region, indicator phrase and quote.

What counts as a figure follows the corpus conventions (ANNOTATION.md): a statistic, a target, a
rank or a concrete count, written with a numeral and a unit (8446.6亿元, 1.2万亿元, 两万亿, 百分之六十,
30.5%, 3个百分点, 66个, 30余种, 60EFLOPS, 1.9倍), a rank (位居全国第一, 居全国第五位) or a count of a
plan's actions (六大攻坚行动). Not figures: years and dates, section numbers, technology names (5G, 4K),
ordinals (第五次, 二十大), document numbers, numerals inside words (统一, 一批) and inside 《》 titles.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, Protocol

import regex

from policykg.ingest.extract import numerals, periods
from policykg.ingest.extract import regions as regions_mod
from policykg.ingest.extract.regions import Mention, Region
from policykg.schema.models import Comparator, IndicatorKind

#: A figure's kind: the records' indicator kinds (schema/models.py), or target.
FigureKind = IndicatorKind | Literal["target"]

CLASSIFIERS = "个家项件座台条部所户套只辆张名人次篇株栋间类种架款位艘颗块片枚处"
UNITS = sorted(
    ["个百分点", "百分点", "个名次", "名次", "%", "‰", "倍", "美元", "欧元", "港元", "元", "EFLOPS", "PFLOPS", "TFLOPS",
     "FLOPS", "EFlops", "PFlops", "TFlops", "Eflops", "Pflops", "Tflops", "TOPS", "P",
     "Tbps", "Gbps", "Mbps", "Kbps", "ZB", "EB", "PB", "TB", "GB", "MW", "GW", "TWh", "kWh", "kW", "千瓦时", "千瓦",
     "兆瓦", "毫秒", "ms", "平方公里", "平方米", "公顷", "公里", "千米", "吨", "亩", "人次", "标准机架", "机架", "标箱",
     "G", *CLASSIFIERS],
    key=len, reverse=True)
_UNIT_RE = "|".join(regex.escape(u) for u in UNITS)
_UNIT_FIRST = regex.escape("".join(sorted({u[0] for u in UNITS if not u[0].isascii()})))
_CN = "零〇一二两三四五六七八九十百千"

FIGURE = regex.compile(
    rf"(?P<pct>百分之(?P<pnum>[{_CN}]+(?:点[{_CN}]+)?|\d+(?:\.\d+)?))"
    rf"|(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{_CN}]+(?:点[〇零一二三四五六七八九]+)?)"
    rf"(?:[ \u3000](?=[余多万亿千百{_UNIT_FIRST}]))?(?P<yu>余|多)?(?:[ \u3000](?=[万亿千百]))?"
    rf"(?P<mag>万[ \u3000]?亿|千亿|百亿|亿|千万|百万|万|千)?(?P<yu2>余|多)?"
    rf"(?:[ \u3000](?=[{_UNIT_FIRST}%‰]|[A-Za-z]{{2}}))?(?P<unit>{_UNIT_RE})?"
)
RANK = regex.compile(
    r"(?P<verb>位居|居于|跃居|稳居|跻身|位于|居|排名|排在|排|名列|列|位列)?(?P<frame>全国|全省|全市|全球|世界|国内|中部地区|西部地区|东部地区)?"
    r"(?:排名)?第(?P<rnum>[一二三四五六七八九十]{1,3}|\d{1,3})(?P<ru>位|名)?"
)
BIG_N = regex.compile(
    r"(?<![第\d.])(?P<dnum>[二三四五六七八九十]{1,2}|[2-9]|1\d)大"
    r"(?P<head>\p{Han}{0,6}?(?:行动|工程|产业|集群|平台|中心|基地|领域|任务|计划|板块|体系|专项|战略|园区|片区|行业|攻坚战|举措|项目))"
)
RANK_BARE = regex.compile(r"(?:位列|排名|排在|名列)(?P<rnum>\d{1,3})(?:位|名)?(?![\d.%万亿千百个家项])")
TITLE = regex.compile(r"《[^《》\n]{1,150}》")

GROWTH = regex.compile(r"(?:增长|增速|增幅|下降|降幅|降低|减少|回落|上升|提高|提升|增加|复合增长率|增长率|上涨|涨幅|下跌|跌幅|"
                       r"(?:同比|环比|比上年|较上年)[增降])(?![到至值])")
FALL = regex.compile(r"(?:下降|降低|减少|回落|降幅|下跌|跌幅|(?:同比|环比|比上年|较上年)降)")
SHARE_WORDS = regex.compile(r"占|比重|份额|比例|率")
REQUIRE = regex.compile(r"需要|需|必须")
ESTIMATE = regex.compile(r"预计|估计|预估")
_PLAN_FOR_YEAR = regex.compile(r"计划|力争|争取|目标(?:定为|设定为|是|为)|新培育|预期目标")
TARGET_WORDS = regex.compile(r"力争|目标|争取|预期|将(?:达到|超过|突破|实现)|要(?:达到|实现)")
FRAME_AFTER = ("平均", "第", "前列", "首位", "领先", "先进", "的", "比重", "总量", "前", "排名", "水平", "各地", "范围", "同类", "一半")
CLAUSE_END = regex.compile(r"[,;:。!?]")
SENT_END = regex.compile(r"[;。!?]")
LEAD_JUNK = regex.compile(
    r"^(?:[(\[]?[一二三四五六七八九十\d]+[)\]、.]\s*)?"
    r"(?:【[^】]{0,20}】|其中|此外|另外|同时|全年|初步核算|经核算|经测算|据测算|据核算|据不完全统计|据统计|数据显示|换言之|总体看|从\p{Han}{1,12}看|根据\p{Han}{0,20}结果|"
    r"近年来|目前|当前|截至目前|至今|今年|去年|明年|力争|争取|预计|预期|累计|共|有|全省|全市|我省|本市|我市|全国|我国|"
    r"前三季度|上半年|下半年|第?[一二三四]季度|\d{1,2}-\d{1,2}月|\d{1,2}月份?|"
    r"截至|截止|到|至|由|从|在|对|实现|完成|建成|建设|打造|培育|拥有|约|《\u3000*》(?:提出|要求|指出|明确)?|\s|“|”)+")
TRAIL_JUNK = regex.compile(
    r"(?:达到了?|达|为|是|实现了?|完成了?|超过了?|超|突破|约为?|近|接近|将近|逾|共|有|累计|共计|合计|"
    r"比上年末?|较上年末?|同比|分别|增长至|增长到|提高到|提升到|增长|提高|提升|下降|增加|减少|保持|将|要|需要|需|"
    r"稳定在|预计|将要|可达|高于|低于|在|的|了|力争|争取|多年|长期|持续|翻番|翻一番|倍增|实现倍增|,|\s)+$")

# precompiled patterns of the helpers below
_CMP_MORE = regex.compile(r"(?:超过|超出|突破|逾|高于|多于|大于|超)$")
_CMP_AT_LEAST = regex.compile(r"(?:不低于|不少于)$")
_CMP_AT_MOST = regex.compile(r"(?:不超过|不高于)$")
_CMP_LESS = regex.compile(r"(?:低于|少于)$")
_CMP_ABOUT = regex.compile(r"(?:约为?|近|接近|将近|大约|左右)$")
_CMP_REACH = regex.compile(r"(?:达到|达)$")
_LEAD_TIME = regex.compile(r"^(?:(?:19|20)\d\d(?:[-—]\d{4})?年(?:底|末|初|前三季度|上半年|下半年|全年)?的?|“?十[一二三四五六]五”?(?:末|时期|期间)?)")
_LEAD_AREA_WORD = regex.compile(r"^(?:地区|的)")
_WORD_CHAR = regex.compile(r"[\p{Han}\w“]")
_FIRST_FIGURE = regex.compile(r"(?:由|从)?(?:19|20)\d\d年的|\d+(?:\.\d+)?(?:%|亿|万|个|项|家|倍)")
_CHANGE_VERB = regex.compile(r"(?:比上年末?|较上年末?|同比)?(?:分别)?(?:增长|提高|下降|增加|减少|回落|提升)$")
_BOUND_WORD = regex.compile(r"以上|左右|以下|以内")
_NOUN_AFTER = regex.compile(r"[\p{Han}“”()A-Za-z0-9]{1,24}")
_NEEDS_SUBJECT = regex.compile(r"(?:所?占|比上年|较上年|同比|年均)")
_SHARE_SPLIT = regex.compile(r"所?占")
_SHARE_TAIL = regex.compile(r"(?:的)?(?:比重|份额|比例)?(?:为|达到?|达)?$")
_CODE_CHAR = regex.compile(r"[A-Za-z0-9.\-]")
_YEAR_DIGITS = regex.compile(r"(19|20)\d\d")
_WORD_OR_DIGIT = regex.compile(r"[\p{Han}A-Za-z0-9]")
_LATIN_OR_DIGIT = regex.compile(r"[A-Za-z0-9]")
_WORD_START = regex.compile(r"[\p{Han}A-Za-z]")
_HAN = regex.compile(r"\p{Han}")
_LEADING_YEAR = regex.compile(r"(\d{4})")
_YEAR_COLUMN = regex.compile(r"(?:19|20)\d\d年?(?:底|末)?(?:目标值?|基期值?|预期值?|现状值?|实际值?)?"
                             r"(?:\((?:基期|目标|预期|现状|实际)值?\)|\(基数\)|\(预计\))?")
_SUBROW = regex.compile(r"^其中:")
_CELL_VALUE = regex.compile(r"(?P<cmp>[>≥<≤])?(?:(?P<num>\d+(?:\.\d+)?)%?(?P<tail>以上|左右)?|[/—-])")
_FROM_TO = regex.compile(r"(?:由|从)(?:[\d.]+|(?:19|20)\d\d年).*$")
_SHARED_UNIT = regex.compile(r"(?:[和、]\d+(?:\.\d+)?)+(?P<unit>个百分点|百分点|%)")
_SHARED_PP = regex.compile(r"[和、](?:\d+(?:\.\d+)?)个百分点")
_RATIO = regex.compile(r"是\p{Han}{0,30}的$")
_RANK_MOVE = regex.compile(r"前进|进位|提升|上升|提高|后退|下降|退")
_REPORT_START = regex.compile(r"\s*(?:据了解|据介绍|据统计|据悉|数据显示|目前|截至目前|当前|现阶段)")
_AS_OF_NOW = regex.compile(r"累计|目前|至今|现有|当前|据了解|据介绍|已(?:经|有|建成|建设|培育|形成|达|突破)")
#: 亿元以上企业248家, 超百亿元企业10家, 营业收入超千亿元的园区5个: the units above a threshold, counted
_CUMULATIVE = regex.compile(r"累计|总量|总数")
_THRESHOLD_NOUN = regex.compile(r"(?:以上|超(?:过)?[\d.一二三四五六七八九十百千万亿]{1,8}(?:亿|万)?元)的?\p{Han}{1,6}$")
#: 连续七年位居全国第一: a run of years ending at the figure's year
_IN_A_ROW = regex.compile(r"连续(?P<n>[二三四五六七八九十]|[2-9]|1\d)年")
#: 高于全国平均4.4个百分点: a gap to another rate, of the kind of the figure it follows
_GAP = regex.compile(r"(?:高于|低于|快于|慢于|超出|领先)\p{Han}{0,10}$")
#: 一是…二是…: a paragraph's own list of topics; a year stated before one item is not the next item's
_EVENT_DATE = regex.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月")
_YOY = regex.compile(r"比上年|较上年|同比|比去年|较去年")
_ENUM = regex.compile(r"(?:^|(?<=[。;!?,:\s]))(?:[一二三四五六七八九十]是|其[一二三四五六七八九十][,:])")
_REGION_COUNT = regex.compile(r"(?:省|市|自治区|城市|地市|地区|区县|县|国家|省份|省区市)")


@dataclass
class Figure:
    value: Decimal
    unit: str  # as written, with its magnitude: 万亿元, %, 个百分点, 位
    kind: FigureKind  # what the number measures, or target (a goal for a future year)
    measure: IndicatorKind  # what the number measures (kind before the target rule)
    comparator: Comparator  # the records' comparators: = > ≥ ≈ ≤ <
    period: str | None
    year: int | None
    deadline: bool
    region: Region | None  # None: national or unknown
    national: bool
    indicator: str
    quote_span: tuple[int, int]  # offsets in the normalised text
    paragraph: int
    estimate: bool = False
    fall: bool = False
    table: bool = False
    policy_hint: str | None = None  # a 《》 title or abbreviation in the same sentence
    notes: list[str] = field(default_factory=list)
    binding: bool | None = None  # an indicator table's 属性: 约束性 True, 预期性 False
    baseline_year: int | None = None  # the same row's figure for an earlier year (基期), for a target
    baseline_value: Decimal | None = None
    dateless: bool = False  # no period, and no event's date (2023年6月) before it in its sentence


@dataclass
class Context:
    """What the figure reader needs to know about the whole document."""

    doc_year: int | None
    doc_year_known: bool
    doc_region: Region | None
    mentions_china: bool
    province_hint: set[str]
    plan_span: str | None = None  # period of the document's own plan (2024-2026), for counts of its actions
    latest_reported_year: int | None = None  # the latest year the text reports figures for (not a deadline)


def mask_titles(par: str) -> str:
    """The paragraph with 《》 titles blanked (same length), so their numerals and years are not read."""
    return TITLE.sub(lambda m: "《" + "\u3000" * (len(m.group()) - 2) + "》", par)


class _Cuts:
    """Where a paragraph's clauses (or sentences) begin and end, for bounds by bisection."""

    def __init__(self, text: str, pattern: regex.Pattern):
        self.ends = [m.end() for m in pattern.finditer(text)]  # a piece starts here
        self.starts = [m.start() for m in pattern.finditer(text)]  # a piece ends here
        self.length = len(text)

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, start) - 1
        j = bisect.bisect_left(self.starts, end)
        return (self.ends[i] if i >= 0 else 0), (self.starts[j] if j < len(self.starts) else self.length)


def _clause_bounds(text: str, start: int, end: int, pattern=CLAUSE_END) -> tuple[int, int]:
    return _Cuts(text, pattern).bounds(start, end)


def _comparator(before: str, after: str, yu: bool, target: bool) -> str:
    if yu or _CMP_MORE.search(before):
        return ">"
    if _CMP_AT_LEAST.search(before) or after.startswith("以上"):
        return "≥"
    if _CMP_AT_MOST.search(before) or after.startswith(("以下", "以内")):
        return "≤"
    if _CMP_LESS.search(before):
        return "<"
    if _CMP_ABOUT.search(before) or after.startswith("左右"):
        return "≈"
    if target and _CMP_REACH.search(before):
        return "≥"
    return "="


def _clean_indicator(text: str) -> str:
    text = text.replace("\u3000", "")
    for _ in range(3):
        text = _LEAD_TIME.sub("", text)
        text = LEAD_JUNK.sub("", text)
    text = _FROM_TO.sub("", text)  # 指数由1000增长至3905.43: the name stops before the series
    text = TRAIL_JUNK.sub("", text)
    for _ in range(3):  # 杭州市余杭区…
        lead = regions_mod.prefix(text)
        if not lead or len(text) <= lead + 1:
            break
        text = _LEAD_AREA_WORD.sub("", text[lead:])
    return text.strip("“”\"'()、 ")


@dataclass(frozen=True)
class Token:
    """What a figure rule finds: a number and its unit at [start, end) of the masked paragraph."""

    start: int
    end: int
    value: Decimal
    unit: str
    measure: IndicatorKind  # level | share | count | rank (growth is decided from the clause later)
    more: bool = False  # 余/多 after the number: more than it
    rule: str = "number"  # which rule found it: number | rank | big_n
    head: tuple[int, str] | None = None  # big_n: (end of the phrase, the phrase) of 六大行动


class FigureRule(Protocol):
    """One pattern of figure: every token it finds in a paragraph (titles masked)."""

    def __call__(self, text: str) -> list[Token]: ...


def rank_rule(text: str) -> list[Token]:
    """位居全国第二, 居全国第五位, 排名全国第一: a rank needs a verb or a frame (全国) before 第N, or its 位/名
    (…百强市第17位); 位列15: a ranking verb with a bare number."""
    out = [Token(m.start(), m.end(), numerals.arabic(m.group("rnum")), "位", "rank", rule="rank")
           for m in RANK_BARE.finditer(text)]
    for m in RANK.finditer(text):
        if not (m.group("verb") or m.group("frame") or m.group("ru")):
            continue
        if not (m.group("verb") or m.group("frame")) and _HAN.match(text, m.end()):
            continue  # 第5位院士: an ordinal with a classifier
        nxt = text[m.end():m.end() + 1]
        if not m.group("ru") and nxt and _WORD_CHAR.match(nxt):
            continue
        if m.group("frame") is None and m.group("verb") in ("列", "排"):
            continue
        try:
            value = numerals.number(m.group("rnum"))
        except ValueError:
            continue
        out.append(Token(m.start(), m.end(), value, m.group("ru") or "位", "rank", rule="rank"))
    return out


def big_n_rule(text: str) -> list[Token]:
    """六大攻坚行动: the count of a plan's own actions (unit 个)."""
    return [Token(m.start(), m.end("dnum") + 1, numerals.number(m.group("dnum")), "个", "count", rule="big_n",
                  head=(m.end(), m.group("head"))) for m in BIG_N.finditer(text)]


def number_rule(text: str) -> list[Token]:
    """A numeral with its magnitude and unit (8446.6亿元, 两万亿元, 百分之六十, 30余种)."""
    out = []
    for m in FIGURE.finditer(text):
        fig = _figure_token(text, m)
        if fig is not None:
            value, unit, measure, more = fig
            out.append(Token(m.start(), m.end(), value, unit, measure, more))
    return out


INDEX = regex.compile(r"(?P<what>指数|倍差|系数|比值)(?:值)?(?:为|是|达到|达|提高到|提升到|升至|增至|降至|下降到)?"
                   r"(?P<num>(?<![\d.])\d{1,4}(?:\.\d+)?)(?![\d.%‰万亿千百]|\s*(?:个|家|项|倍|元|年|月|日|位|名))")


def index_rule(text: str) -> list[Token]:
    """两化融合发展水平指数提高到54.1, 城乡居民收入倍差为1.71: an index or ratio has no unit."""
    return [Token(m.start("num"), m.end("num"), numerals.arabic(m.group("num")), "", "level", rule="index")
            for m in INDEX.finditer(text) if not _YEAR_DIGITS.fullmatch(m.group("num"))]  # 指数2023: an edition


#: The figure rules, in order: a token overlapping one an earlier rule found is dropped. A new kind of
#: figure pattern is a new rule here (and its test sentences).
RULES: tuple[FigureRule, ...] = (rank_rule, big_n_rule, index_rule, number_rule)


def tokens(text: str, rules: tuple[FigureRule, ...] = RULES) -> list[Token]:
    """Every rule's tokens, earlier rules first where they overlap, in text order."""
    taken: list[Token] = []
    for rule in rules:
        taken.extend(t for t in rule(text) if not any(o.start <= t.start < o.end for o in taken))
    return sorted(taken, key=lambda t: (t.start, t.end))


def read_paragraph(par_text: str, par_number: int, par_offset: int, ctx: Context,
                   carry: list[periods.TimeMark], target_years: list[int],
                   mentions: list[Mention] | None = None) -> tuple[list[Figure], list[periods.TimeMark]]:
    """Figures of one paragraph, and its time marks; ``carry`` holds the time marks of earlier
    paragraphs since the last heading; ``mentions``: the paragraph's region mentions outside 《》 titles
    (offsets within the paragraph), found here when not given."""
    text = mask_titles(par_text)
    marks = periods.marks(text, ctx.doc_year)
    if mentions is None:
        mentions = regions_mod.find(text, ctx.province_hint)
    found = tokens(text)
    reading = _Reading(text, ctx, marks, carry, target_years, {t.start: t.head for t in found if t.head})
    figures: list[Figure] = []
    clauses: dict[int, list[tuple[int, int]]] = {}  # clause start → (offset, index) of its figures
    for token in found:
        figures.append(_figure(reading, token, par_text, par_number, par_offset, mentions))
        clauses.setdefault(reading.clauses.bounds(token.start, token.end)[0], []).append((token.start, len(figures) - 1))
    _respectively(text, clauses, mentions, figures)
    return figures, marks


def _figure(reading: _Reading, token: Token, par_text: str, par_number: int, par_offset: int,
            mentions: list[Mention]) -> Figure:
    """The figure a token states, read in its clause and sentence."""
    text, ctx, start, end = reading.text, reading.ctx, token.start, token.end
    c_start, c_end = reading.clauses.bounds(start, end)
    s_start, s_end = reading.sentences.bounds(start, end)
    before = text[c_start:start]
    local_before = text[reading.prev_end.get(c_start, c_start):start]
    reading.prev_end[c_start] = end
    measure = _measure(token.unit, token.measure, before) if token.rule == "number" else token.measure
    if measure == "share" and token.unit in ("个百分点", "百分点") and _GAP.search(local_before) \
            and reading.last_measure.get(s_start) == "growth":
        measure = "growth"  # 增速达20.6%,高于全国平均4.4个百分点: a gap between two growth rates
    reading.last_measure[s_start] = measure
    fall = measure == "growth" and bool(FALL.search(before))
    year, period, is_target, estimate = reading.when(start, s_start, before, measure)
    run = _IN_A_ROW.search(text, c_start, start)
    if run and year is not None and not is_target and period == str(year):
        period = f"{year - int(numerals.number(run.group('n'))) + 1}-{year}"  # 连续七年: the run of years
    kind = "target" if is_target else measure
    if period is None and not is_target and ctx.doc_year_known and ctx.doc_year is not None \
            and _AS_OF_NOW.search(text, s_start, start):
        year, period = ctx.doc_year, str(ctx.doc_year)  # 累计建成…, 已有…: as of the document's date
    if period is None and token.rule == "rank" and reading.last_period.get(s_start):
        year, period = reading.last_period[s_start]  # 销售产值…亿元,位居全国第一: the figure's year
    if period is not None and not is_target:
        reading.last_period[s_start] = (year, period)
    region, national = _region_for(text, start, c_start, s_start, mentions, ctx)
    if token.unit == "倍" and measure == "level" and _RATIO.search(before):
        first = next((mn for mn in mentions if c_start <= mn.start < start and mn.role == "name" and mn.region), None)
        if first is not None:  # 安徽的规模是江西的1.8倍: the ratio is about the region compared, the first
            region, national = first.region, False
    if measure == "count" and _REGION_COUNT.match(text, end):  # 18个省份: counted nationwide
        region, national = (regions_mod.CHINA if ctx.mentions_china else None), True
    if token.rule == "big_n":  # a plan's own actions: a count over the plan's period, never a target
        kind, period = "count", ctx.plan_span
    indicator, q_start, q_end = reading.phrase(start, end, c_start, s_start, local_before, measure, token.rule)
    return Figure(
        value=token.value, unit=token.unit, kind=kind, measure=measure,
        comparator=_comparator(local_before, text[end:c_end], token.more, is_target),
        period=period, year=year, deadline=is_target, region=region, national=national,
        indicator=indicator, quote_span=(par_offset + q_start, par_offset + q_end), paragraph=par_number,
        estimate=estimate, fall=fall, policy_hint=_policy_hint(par_text[s_start:s_end]),
        notes=[OPEN_NOTE] if reading.open and period is None else [],
        dateless=period is None and not _EVENT_DATE.search(text, s_start, start))


#: The note of a figure dated relative to a document that gives no date (今年, 上半年, 目前).
OPEN_NOTE = ("the source dates this figure relative to the document (this year, last year, a half-year, now) "
             "and the document gives no date: period left open, supply it with the publication date")


def _measure(unit: str, measure: str, before: str) -> str:
    """What a per cent, 倍 or 百分点 figure measures: a growth (增长8.2%), a share (占…比重为41.6%) or a
    ratio (是…的1.6倍); other units keep the token's own reading (level or count)."""
    if unit in ("名次", "个名次"):  # 前进4个名次: a change of rank
        return "growth" if _RANK_MOVE.search(before) else "rank"
    if unit not in ("%", "‰", "倍", "个百分点", "百分点"):
        return measure
    growth = GROWTH.search(before)
    if unit == "倍" and _RATIO.search(before):
        return "level"
    if growth and not (unit in ("%", "‰") and SHARE_WORDS.search(before[growth.end():])):
        return "growth"
    return "level" if unit == "倍" else "share"


class _Reading:
    """The state of reading one paragraph: its clause and sentence bounds, time marks, the indicator
    each sentence named first (for 占…比重 / 比上年增长 clauses without one) and where each clause's
    last figure ended."""

    def __init__(self, text: str, ctx: Context, marks: list[periods.TimeMark], carry: list[periods.TimeMark],
                 target_years: list[int], heads: dict[int, tuple[int, str] | None]):
        self.text, self.ctx, self.marks, self.carry = text, ctx, marks, carry
        self.target_years, self.heads = target_years, heads
        self.clauses, self.sentences = _Cuts(text, CLAUSE_END), _Cuts(text, SENT_END)
        self.prev_end: dict[int, int] = {}
        self.subjects: dict[int, str] = {}
        self.last_total = ""  # the total the paragraph's last share named (占X的…), for a bare 占N%
        self.last_period: dict[int, tuple[int | None, str]] = {}  # sentence start → its last figure's period
        self.items = [m.start() for m in _ENUM.finditer(text)]  # where the paragraph's 一是/二是 items begin
        self.last_measure: dict[int, str] = {}  # sentence start → what its last figure measured
        self.open = False  # the last figure's time mark is a relative date the document's missing date leaves open

    def when(self, start: int, s_start: int, before: str, measure: str) -> tuple[int | None, str | None, bool, bool]:
        """(year, period, is it a target, is it an estimate) of a figure at ``start``: the last time mark
        before it (in this paragraph, else carried from earlier ones); a deadline or a year after the
        document's makes a target; 预计 with a past year is an estimate."""
        ctx, sentence_before = self.ctx, self.text[s_start:start]
        mark = self._mark(start, measure == "growth" and bool(_YOY.search(before)))
        if mark is not None and mark.deadline and (mark in self.carry or mark.start < s_start) \
                and _REPORT_START.match(sentence_before):
            mark = None  # 据了解,全市…619家: a report after a goal sentence; the goal's year stays there
        year = mark.year if mark else None
        period = mark.period() if mark else None
        deadline = bool(mark and mark.deadline)
        self.open = bool(mark and mark.open)
        in_sentence = [mk for mk in self.marks if s_start <= mk.start < start and mk.year]
        if measure == "growth" and "年均" in before and len({mk.year for mk in in_sentence}) >= 2:
            years = sorted(mk.year for mk in in_sentence)
            period = f"{years[0]}-{years[-1]}"  # 从2011年的…增长至2020年的…,年均增速为…
        estimate = bool(ESTIMATE.search(sentence_before))
        is_target = False
        if estimate and year is not None and ctx.doc_year_known and ctx.doc_year is not None:
            is_target = year > ctx.doc_year  # 预计2022年达到… in a 2020 text: a forecast for a later year is a goal
        elif year is not None and not estimate:
            if ctx.doc_year_known and ctx.doc_year is not None:
                is_target = year > ctx.doc_year or (deadline and year >= ctx.doc_year)
            else:  # date unknown: a goal is for a year after every year the text reports on
                latest = ctx.latest_reported_year
                is_target = (deadline or bool(TARGET_WORDS.search(sentence_before))) and (latest is None or year > latest)
        if not is_target and year is not None and year == ctx.doc_year and ctx.doc_year_known and not estimate \
                and _PLAN_FOR_YEAR.search(sentence_before):
            is_target = True  # 2024年计划新建…, 力争…, 目标定为…, 新培育… in a 2024 text: this year's goal
        if self.open and deadline and not estimate:
            is_target = True  # 明年…, 未来三年… in a text with no date: a goal whose year the reviewer supplies
        if not is_target and REQUIRE.search(sentence_before) and self.target_years:
            is_target, year, period = True, self.target_years[-1], str(self.target_years[-1])  # 需要增长…
        if is_target and mark and not mark.span:
            period = str(year) if year is not None else None
        if is_target and year is not None:
            self.target_years.append(year)
        return year, period, is_target, estimate

    def _mark(self, start: int, yoy: bool) -> periods.TimeMark | None:
        """The time mark a figure at ``start`` reads: the last one before it in the paragraph, after the list
        item (一是, 二是) it stands in, else one carried from earlier paragraphs; for a change on the year before
        (``yoy``) with none of its paragraph's own marks before it, a year the same or the next sentence states
        after it (“…比上年增长4.6%。”…表示,2024年…) wins over one carried from an earlier paragraph."""
        item = next((e for e in reversed(self.items) if e < start), None)
        own = [mk for mk in self.marks if mk.start < start and (item is None or mk.start >= item)]
        if own:
            return own[-1]
        if item is not None:
            return None
        carried = self.carry[-1] if self.carry else None
        if not yoy or carried is not None and carried.deadline:
            return carried
        s_next = self.sentences.bounds(start, start)[1] + 1
        s_end = self.sentences.bounds(s_next, s_next)[1] if s_next < len(self.text) else len(self.text)
        later = next((mk for mk in self.marks if start < mk.start < s_end and mk.year and not mk.deadline
                      and not mk.span and not mk.quarter and not _ENUM.search(self.text, start, mk.start)), None)
        return later or carried

    def phrase(self, start: int, end: int, c_start: int, s_start: int, local_before: str, measure: str,
               rule: str) -> tuple[str, int, int]:
        """(indicator phrase, quote start, quote end): the words before the number in its clause, else
        before the clause's first figure, else the previous clause, else the sentence's first indicator;
        the noun after a count (6个国家…试验区); a plan's N大 actions."""
        text = self.text
        if rule == "big_n":
            q_end, head = self.heads[start]
            return head, start, q_end
        indicator = _clean_indicator(local_before)
        lead_start = start - len(local_before)
        lead = local_before
        if len(indicator) < 2:  # 分别增长1.9倍和83.5%: the indicator stands before the first figure of the clause
            lead = _FIRST_FIGURE.split(text[c_start:start])[0]
            indicator, lead_start = _clean_indicator(lead), c_start
        q_start = lead_start + lead.find(indicator) if indicator and indicator in lead else start
        verb = _CHANGE_VERB.search(text[c_start:start])
        if not indicator and verb:
            q_start = c_start + verb.start()
        tail = _BOUND_WORD.match(text, end)
        q_end = tail.end() if tail else end
        if measure == "count" and not text.startswith(("以上", "左右", "以内", "的"), end):
            noun = _NOUN_AFTER.match(text, end)  # 6个国家…试验区: the noun counted follows (企业619家: it stands before)
            if noun:
                indicator = noun.group().rstrip("“(")
                return indicator, q_start, end + len(indicator)
        if rule != "number":
            return indicator, q_start, q_end
        if not indicator and s_start not in self.subjects and c_start > s_start:
            # 增加值实现翻番,达到5500亿元: the indicator is the previous clause of the sentence
            p_start = self.clauses.bounds(c_start - 1, c_start - 1)[0]
            previous = text[p_start:c_start - 1]
            if not _FIRST_FIGURE.search(previous):
                indicator = _clean_indicator(previous)
                if indicator:
                    q_start = p_start + previous.find(indicator)
        subject = self.subjects.get(s_start)
        if subject and not indicator:
            clause = text[c_start:start]
            q_start = c_start + len(clause) - len(clause.lstrip(" “"))
        if subject and (not indicator or _NEEDS_SUBJECT.match(indicator)):
            if not indicator:
                indicator = subject + {"growth": "增长", "share": "比重"}.get(measure, "")
            else:
                indicator = subject + (indicator if indicator.startswith(("占", "年均")) else indicator.removeprefix("所"))
        elif indicator:
            self.subjects[s_start] = _SHARE_SPLIT.split(indicator)[0]
        if measure == "share":
            indicator = self._share_total(indicator)
        return indicator, q_start, q_end

    def _share_total(self, indicator: str) -> str:
        """A share named by its subject alone (新材料产业106个,占10.6%: 新材料产业占) takes the total the
        paragraph's last share named (占工业…企业的1.4%), so the name reads 新材料产业占…比重 (review log:
        "share indicator named by an elliptical subject")."""
        parts = _SHARE_SPLIT.split(indicator)
        if len(parts) < 2:
            return indicator
        total = _SHARE_TAIL.sub("", parts[-1])
        if total:
            self.last_total = total
            return indicator
        return f"{indicator}{self.last_total}比重" if self.last_total and parts[0] else indicator


def _respectively(text: str, clauses: dict[int, list[tuple[int, int]]], mentions: list[Mention],
                  figures: list[Figure]) -> None:
    """广东、江苏分别为6.4万亿元和5.1万亿元: the k-th region listed goes with the k-th figure."""
    for c_start, members in clauses.items():
        first = members[0][0]
        if "分别" not in text[c_start:first]:
            continue
        named: list[Region] = []
        for mn in mentions:
            if c_start <= mn.start and mn.end <= first and mn.role == "name" and mn.region and mn.region not in named:
                named.append(mn.region)
        if len(named) >= 2 and len(named) == len(members):
            for region, (_pos, index) in zip(named, members):
                figures[index].region = region
                figures[index].national = False


def _figure_token(text: str, m: regex.Match) -> tuple[Decimal, str, str, bool] | None:
    """(value, unit as written, kind of quantity, 余) for a numeral match, or None if it is no figure."""
    start, end = m.start(), m.end()
    prev = text[start - 1] if start else ""
    nxt = text[end] if end < len(text) else ""
    if m.group("pct"):
        try:
            return numerals.number(m.group("pnum")), "%", "share", False
        except ValueError:
            return None
    num, mag, unit = m.group("num"), (m.group("mag") or "").replace(" ", "").replace("\u3000", ""), m.group("unit") or ""
    yu = bool(m.group("yu") or m.group("yu2"))
    arabic = num[0].isdigit()
    if prev and (_CODE_CHAR.match(prev) or prev in "第表图〔[号No"):
        return None
    if not unit and not mag and arabic and (shared := _SHARED_UNIT.match(text, end)):
        unit = shared.group("unit")  # 高于全国、全省6.0和1.5个百分点: the unit written once, after the last
    if not unit and not mag:
        return None
    if unit == "个" and not mag and nxt == "月":
        return None  # 连续4个月, 3个月内: a duration, not a count
    if arabic and _YEAR_DIGITS.fullmatch(num) and not mag and unit in CLASSIFIERS and nxt in "年月":
        return None
    if unit and unit.isascii() and unit.isalpha() and len(unit) == 1:
        if nxt and (_WORD_OR_DIGIT.match(nxt) or nxt in "+＋") \
                or text.startswith((" ", "\u3000"), end) and _HAN.match(text, end + 1):
            return None  # 5G网络, 5G 基站, 4K, 5G+工业互联网
    if unit and unit.isascii() and unit.isalpha() and nxt and _LATIN_OR_DIGIT.match(nxt):
        return None
    if not arabic:
        if mag and unit not in ("", "元", "美元", "欧元", "港元", "人", "户", "吨", "千瓦", "台", "辆", "个", "家"):
            return None
        if not mag and unit not in ("个百分点", "百分点", "倍", "%"):
            return None
        if prev and prev in "第这那每之前后其某各一十数几上近":
            return None
    if mag and not unit and nxt and _WORD_START.match(nxt) and not text.startswith(("以上", "左右", "的", "大关"), end):
        return None
    try:
        value = numerals.number(num)
    except ValueError:
        return None
    if unit == "个" and _SHARED_PP.match(text, end):
        unit = "个百分点"  # 分别上拉1.4个和1.1个百分点: the unit written once for both
    full_unit = mag + unit
    if unit and unit in CLASSIFIERS:
        follows_noun = bool(nxt) and _HAN.match(nxt) and not text.startswith(("以上", "左右", "以内", "的"), end)
        counted = unit == "家" or bool(_THRESHOLD_NOUN.search(text, max(0, start - 20), start))
        clause = max(text.rfind(c, max(0, start - 40), start) for c in ",。;!?") + 1
        built_up = unit != "家" and bool(_CUMULATIVE.search(text, max(clause, start - 40), start))  # 累计建成46座: a stock
        measure = "count" if (follows_noun or counted) and not mag and not built_up else "level"
    elif unit in ("%", "‰"):
        measure = "share"
    else:
        measure = "level"
    return value, full_unit, measure, yu


def _region_for(text: str, pos: int, c_start: int, s_start: int, mentions: list[Mention],
                ctx: Context) -> tuple[Region | None, bool]:
    """The clause's region, else the sentence's, else the paragraph's, else the document's."""
    def usable(mn: Mention) -> bool:
        if mn.role == "abbreviation":
            return False  # 苏浙沪: a group of provinces, not one figure's region
        if mn.region is not None and mn.region.level == "area" and mn.region.record_ref == "CN":
            return False  # 中部地区, 粤港澳大湾区: named, but not what a figure is about
        if (mn.role == "national" and mn.surface == "全国") or mn.role == "self":
            # 全国有6个… is about the country; 居全国第五位, 占全省的比重 only compare with it
            nxt = text[mn.end:mn.end + 1]
            lead = text[_clause_bounds(text, mn.start, mn.end)[0]:mn.start]
            subject = not _clean_indicator(lead + "X").rstrip("X")  # nothing but time words before it
            return (subject and not text.startswith(FRAME_AFTER, mn.end) and bool(_HAN.match(nxt)))
        if mn.role == "national" and mn.surface == "中国":
            return text.startswith(("中国经济", "中国数字经济"), mn.start)
        return True

    national_region = regions_mod.CHINA if ctx.mentions_china else None
    for lo in (c_start, s_start, 0):
        group = [mn for mn in mentions if lo <= mn.start and mn.end <= pos and usable(mn)]
        if not group:
            continue
        named = [mn for mn in group if mn.role == "name"]
        if len({mn.region.name for mn in named if mn.region}) >= 2 and lo == c_start:
            listed = text[named[0].start:named[-1].end]
            if "、" in listed:
                return national_region, True
        last = group[-1]
        if last.role == "self":
            return _own_region(last, mentions, ctx), False
        if last.role == "national":
            return national_region, True
        return last.region, False
    if ctx.doc_region is not None:
        return ctx.doc_region, False
    return national_region, True


def _own_region(word: Mention, mentions: list[Mention], ctx: Context) -> Region | None:
    """全省/全市/本市: the province (or city) named last before it in the paragraph, else the document's."""
    city = word.surface[-1] in "市区"
    for mn in reversed([m for m in mentions if m.end <= word.start and m.role == "name" and m.region]):
        level = mn.region.level
        if (city and (level == "prefecture" or mn.region.code in MUNICIPALITIES)) or (not city and level == "province"):
            return mn.region
    if not city and ctx.doc_region is not None and ctx.doc_region.level == "prefecture":
        return regions_mod.index().by_code.get(ctx.doc_region.province or "", ctx.doc_region)  # 全省 in a city's text
    return ctx.doc_region


MUNICIPALITIES = ("110000", "120000", "310000", "500000")

_HINT = regex.compile(r"《([^《》]{1,150})》")


def _policy_hint(sentence: str) -> str | None:
    m = _HINT.search(sentence)
    return m.group(1) if m else None


# ---------------------------------------------------------------- flattened tables
HEADER_WORDS = frozenset("类别 类型 领域 分类 序号 主要指标 指标 指标名称 单位 计量单位 来源 数据来源 备注 属性 指标属性 "
                         "责任单位 牵头单位 基期值 目标值 现状值 预期值".split())


def read_table(cells: list[tuple[int, int, str]], ctx: Context) -> list[Figure]:
    """Figures of a flattened table, given as cells (paragraph, offset, text) in reading order, whether
    the source had one cell per line ("45.4 |", or plain lines) or a row per line ("指标 | 单位 | 2022年").

    The header is the run of header words and year cells at the start; a row is an indicator cell
    followed by a unit cell, its values aligned with the header's columns. Without a unit column the
    indicator cell carries its unit at its end (数字经济增加值(亿元)). Year columns (2022年, 2027年目标)
    give each value its period; a column for a year after the document's is a target (if the date is
    unknown, the last of several year columns). "/" or "-" is an empty cell.
    """
    header: list[str] = []
    for _n, _o, cell in cells:
        if cell in HEADER_WORDS or _YEAR_COLUMN.fullmatch(cell):
            header.append(cell)
        elif header or cell:
            break
    unit_col = next((i for i, h in enumerate(header) if h in ("单位", "计量单位")), None)
    name_col = next((i for i, h in enumerate(header) if h in NAME_HEADERS), None)
    year_cols = {i: int(_LEADING_YEAR.match(h).group(1)) for i, h in enumerate(header) if _YEAR_COLUMN.fullmatch(h)}
    name_col = unit_col - 1 if unit_col is not None else name_col  # the indicator cell is the unit's left neighbour
    if name_col is None or name_col < 0 or not year_cols:
        return []
    last_year = max(year_cols.values())
    attr_col = next((i for i, h in enumerate(header) if h in ("属性", "指标属性")), None)
    body = cells[len(header):]
    figures: list[Figure] = []
    i = 0
    while i + 1 < len(body):
        named = _row_name(body, i, unit_col is not None)
        if named is None:
            i += 1
            continue
        row = _table_row(body, i, named, name_col, year_cols, last_year, ctx)
        if attr_col is not None and i < (j := i + (attr_col - name_col)) < len(body):
            for f in row:
                f.binding = BINDING.get(body[j][2]) if f.kind == "target" else None
        figures.extend(row)
        i += max(2, 1 + max(col - name_col for col in year_cols))  # year columns before the name: no loop
    return figures


NAME_HEADERS = ("指标", "主要指标", "指标名称")
_UNIT_IN_NAME = regex.compile(r"^(?P<name>.+?)\s*[(（]\s*(?P<unit>[^()（）]{1,8}?)\s*[)）]$")


def _row_name(body: list[tuple[int, int, str]], i: int, unit_column: bool) -> tuple[str, str] | None:
    """(indicator, unit) if body[i] starts a row: an indicator cell followed by its unit cell, or (a table
    without a unit column) an indicator cell ending in its unit in brackets followed by a value cell."""
    cell, nxt = body[i][2], body[i + 1][2]
    if not cell or _CELL_VALUE.fullmatch(cell):
        return None
    if unit_column:
        return (cell, nxt) if _is_unit(nxt) else None
    m = _UNIT_IN_NAME.match(cell)
    if m is None or not _CELL_VALUE.fullmatch(nxt):
        return None
    unit = regex.sub(r"\s+", "", m.group("unit"))
    return (m.group("name"), unit) if _is_unit(unit) else None


_NOT_A_CELL = regex.compile(r"[。;；:：]|[,，](?!\d)|^[一二三四五六七八九十]+、|^[(（][一二三四五六七八九十]+[)）]")
_CELL_MAX = 40


def plain_tables(texts: list[str]) -> list[tuple[int, int]]:
    """The (start, end) paragraph ranges of tables flattened one cell per line without "|" (as copied web
    pages give them): a header of three or more header words and year cells, among them an indicator-name
    header and a year, then short cells until a sentence, a numbered heading or a "|" line."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(texts):
        h = k
        while h < len(texts) and (texts[h] in HEADER_WORDS or _YEAR_COLUMN.fullmatch(texts[h])):
            h += 1
        head = texts[k:h]
        if len(head) >= 3 and any(t in NAME_HEADERS for t in head) and any(_YEAR_COLUMN.fullmatch(t) for t in head):
            end = h
            while end < len(texts) and len(texts[end]) <= _CELL_MAX and "|" not in texts[end] \
                    and not _NOT_A_CELL.search(texts[end]):
                end += 1
            out.append((k, end))
            k = end
        else:
            k = max(h, k + 1)
    return out


BINDING = {"约束性": True, "预期性": False}


def _table_row(body: list[tuple[int, int, str]], i: int, named: tuple[str, str], name_col: int,
               year_cols: dict[int, int], last_year: int, ctx: Context) -> list[Figure]:
    """The figures of the row whose indicator cell is body[i] (named: its indicator and unit); a target
    gets the row's earliest reported figure as its baseline (year and value)."""
    _ind_num, ind_off, _cell = body[i]
    indicator, unit = named
    row: list[Figure] = []
    for col, year in sorted(year_cols.items()):
        j = i + (col - name_col)
        if j >= len(body) or j <= i or (j == i + 1 and _is_unit(body[j][2])):
            continue
        v_num, v_off, v_txt = body[j]
        m = _CELL_VALUE.fullmatch(v_txt)
        if not m or m.group("num") is None:
            continue
        value = numerals.arabic(m.group("num"))
        is_target = year > ctx.doc_year if ctx.doc_year is not None else (len(year_cols) > 1 and year == last_year)
        comparator = {">": ">", "≥": "≥", "<": "<", "≤": "≤"}.get(m.group("cmp") or "", "=")
        comparator = {"以上": "≥", "左右": "≈"}.get(m.group("tail") or "", comparator)
        measure = "share" if unit == "%" else "level"
        row.append(Figure(
            value=value, unit=unit, kind="target" if is_target else measure, measure=measure,
            comparator=comparator, period=str(year), year=year, deadline=is_target, region=ctx.doc_region,
            national=ctx.doc_region is None, indicator=_SUBROW.sub("", indicator),
            quote_span=(ind_off, v_off + len(v_txt)), paragraph=v_num, table=True))
    base = next((f for f in row if f.kind != "target"), None)
    for f in row:
        if f.kind == "target" and base is not None:
            f.baseline_year, f.baseline_value = base.year, base.value
    return row


def table_cells(par_text: str, par_number: int, par_offset: int) -> list[tuple[int, int, str]]:
    """The cells of a table line, with their offsets: "45.4 |" or "| 指标 | 单位 | 2022年 |"."""
    out = []
    pos = 0
    for piece in par_text.split("|"):
        stripped = piece.strip()
        if stripped and not regex.fullmatch(r"[-:— ]+", stripped):
            out.append((par_number, par_offset + pos + piece.index(stripped), stripped))
        elif not stripped and pos + len(piece) < len(par_text) and par_text.strip() == "|":
            out.append((par_number, par_offset + pos, ""))  # a line with only "|": an empty cell
        pos += len(piece) + 1
    return out


def is_table_line(par_text: str) -> bool:
    return par_text.endswith("|") or par_text.count("|") >= 2


def _is_unit(cell: str) -> bool:
    """A unit cell: 亿元, 万个, %, or a bare magnitude (亿, 万: 亿人 with the noun left to the indicator)."""
    return cell in UNITS or cell in ("万", "亿", "万亿") or bool(regex.fullmatch(rf"(?:万亿|亿|万|千|百)?(?:{_UNIT_RE})", cell))


def dedupe(figs: list[Figure]) -> list[Figure]:
    """One fact, one figure: a repeat (headline, summary) of the same value, unit, region and indicator goes;
    the mention with a period stays (a headline's bare 840亿元! gives way to the body's dated statement of it)."""
    out: list[Figure | None] = []
    seen: dict[tuple, list[int]] = {}
    for f in figs:
        same = seen.setdefault((*numerals.base(f.value, f.unit), f.region, f.measure), [])
        twin = next((i for i in same[-20:] if _similar(out[i].indicator, f.indicator)
                     or (not out[i].indicator and out[i].period is None and f.period is not None)), None)
        if twin is None:
            same.append(len(out))
            out.append(f)
        elif out[twin].period is None and f.period is not None:
            out[twin] = f
    return [f for f in out if f is not None]


def _similar(a: str, b: str, n: int = 4) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    grams = {a[i:i + n] for i in range(len(a) - n + 1)}
    return any(b[i:i + n] in grams for i in range(len(b) - n + 1))
