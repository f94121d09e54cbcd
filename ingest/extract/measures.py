"""Measures and projects: what a region commits itself to do, read from commitment clauses.

A measure is a clause with a commitment verb (支持, 推动, 鼓励, 开展, 建设, 实施, 建立, 完善, 打造, 培育 …)
that names a theme of the vocabulary (its keywords_zh): "加快建设国际数据专用通道" commits the text's
region to cross-border data flows. The clause is the quote; its region is the one the clause (else its
sentence) names, 全省/本市 the document's own; its status comes from the verb and the frame (已/建成/启动:
adopted; 要/将/力争 or a plan's task: planned; 要求/指示: directed). A project is a named programme, platform
or base the clause builds (“数字产业壮大工程”, 国家级工业互联网平台), with its count and year when written.
A clause under a goal frame (到2026年 earlier in its paragraph, 力争, 将) or a frame (以X为主线) that names a
theme without a verb is an aim: no measure, its themes go to the plan's policy. 全国 as a yardstick or
audience (居全国前列, 为全国提供经验) is not the country acting.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field

import regex

from policykg.ingest.extract import normalise as norm
from policykg.ingest.extract import numerals, periods, themes
from policykg.ingest.extract import regions as regions_mod
from policykg.ingest.extract.figures import mask_titles
from policykg.ingest.extract.regions import Mention, Region

COMMIT = regex.compile(
    r"支持|推动|鼓励|开展|建设|实施|建立|完善|打造|培育|推进|加快|加强|深化|探索|构建|布局|壮大|促进|引导|启动|"
    r"争创|创建|推广|强化|统筹|部署|组建|设立|出台|制定|发布|引进|建成|上线|投运|开通|提升|发展|"
    r"拓展|提高|健全|优化")
ADOPTED = regex.compile(r"已|建成|获批|上线|投运|开通|揭牌|落地|出台|印发|发布了|启动了?|成功|累计|先后|先期")
DIRECTED = regex.compile(r"要求|指示|强调|部署")
PLANNED = regex.compile(r"要|将|力争|争取|计划|拟|到(?:19|20)\d\d年|“?十[四五六]五”?|未来|加快|积极")
CLAUSE = regex.compile(r"[^,;:。!?\n]+")
SENTENCE = regex.compile(r"[^;。!?\n]+")
PROJECT = regex.compile(
    r"(?:实施|建设|打造|建成|启动|推进|培育|创建|组建|设立|布局)(?:了)?"
    r"(?P<count>\d+|[一二两三四五六七八九十]{1,3})?(?:个|项|家|批)?(?P<level>国家级|省级|市级)?"
    r"(?P<name>“[^“”]{2,24}”(?:工程|计划|平台|基地|中心|行动)?|[\p{Han}A-Za-z0-9]{2,16}(?:工程|计划|平台|基地|中心))")
# 全国 as the yardstick or the audience, not the actor: 保持全国前列, 达到全国平均水平, 跻身全国先进行列,
# 全国首个; 为全国…提供经验, 引领全国
_BENCHMARK = regex.compile(r"(?:范围内)?(?:前列|领先|先进|第[一二三四五六七八九十\d]|首|前茅|平均|一流|排名|位次|同类|"
                           r"前[一二三四五六七八九十\d])")
_AUDIENCE = regex.compile(r"(?:为|向|给|引领|带动|辐射|服务|领跑|走在|位居|居|跻身|位列|高于|低于|超过|优于)$")
_LEAD = regex.compile(r"^(?:[(\[]?[一二三四五六七八九十\d]+[)\]、.]\s*|【[^】]*】|\s)+")
_NATIONAL_BODY = regex.compile(r"(?:党中央|中共中央|国务院|国家发展改革委|国家发改委|工业和信息化部|工信部|中央网信办|国家网信办)")
_TITLE = regex.compile(r"《([^《》]{1,150})》")
_SETS = regex.compile(r"《([^《》]{1,150})》(?:中)?(?:提出|明确|要求|指出|部署|强调)")
_GOAL = regex.compile(r"力争|到(?:19|20)\d\d年|到“?十[四五六]五”?末")
# a goal frame the rest of a paragraph is governed by (到2026年, …。…达到全国领先水平), or 将 in the sentence:
# there a clause naming a theme states a target even without a commitment verb (…深度融合, 关键核心技术加速突破)
_WILL = regex.compile(r"将(?!其|之|此|[这该])")
_SUPPORT_WORDS = ("支持", "推动", "鼓励", "引导", "指导", "推进")
# clauses that frame or describe, never commit (review log: goal / guiding-principle / purpose clauses and
# past progress read as measures): 以X为主线, 为加快…(purpose), a state after 到2027年 (体系基本形成)
_FRAME = regex.compile(r"^(?:\p{Han}{0,4}?(?:提出|坚持|明确|突出|强调|围绕)|即)?以.{1,40}?为(?:主线|抓手|牵引|引领|核心|重点|导向|目标|支撑|动力|方向|基础|突破口|关键|载体)"
                       r"|^为(?:了)?(?:贯彻|落实|深入|进一步|全面|更好|加快|推动|推进|促进|深化|抢抓|把握|充分|实现|确保|加强|助力|突破)")
# 发展 as a description, not an action: 数字技术飞速发展, 产业蓬勃发展 (推动…快速发展 keeps its 推动)
_DESCRIBED = regex.compile(r"(?:飞速|迅速|快速|蓬勃|迅猛|高速|日新月异地?)发展")
_STATE_ADVERB = regex.compile(r"(?:基本|初步|全面|显著|明显|大幅|持续|稳步|不断|进一步|有效|加快|日益|更加)$")
_PAST_HEADING = regex.compile(r"^[一二三四五六七八九十]+[、.]\s*.{0,12}?(?:发展基础|发展现状|现实基础|基础条件|发展成效|工作成效|"
                              r"主要成效|取得成效|发展成就|主要成绩|工作回顾|回顾)")
_TOP_HEADING = regex.compile(r"^[一二三四五六七八九十]+[、.]")
#: Themes a clause names only in passing: the root (every text is about it).
SKIP_THEMES = frozenset({"digital-economy"})


@dataclass
class Commitment:
    """One measure (or project) a clause states."""

    quote_span: tuple[int, int]  # offsets in the normalised text
    paragraph: int
    text: str  # the clause
    region: Region | None  # None: the country (a national measure) or unknown
    national: bool
    status: str  # adopted | planned | directed
    themes: list[str]
    project: str | None = None  # the project's name, when the clause builds a named one
    project_kind: str | None = None  # 工程 | 计划 | 平台 | 基地 | 中心 | 行动
    count: int | None = None
    year: int | None = None
    policy_hint: str | None = None  # a 《》 title in the sentence
    notes: list[str] = field(default_factory=list)
    aim: str | None = None  # frame | goal | past: the clause states an aim or past progress, not an action


def find(pars: list[norm.Paragraph], doc_region: Region | None, doc_year: int | None,
         plan_like: bool, mentions: list[Mention] | None = None, title: str = "") -> list[Commitment]:
    """Every commitment clause with a theme, in text order; ``plan_like``: the text is a plan or work
    programme, so its tasks are planned unless the clause says they are done; ``mentions``: the
    document's region mentions (found here when not given); the line that is the document's ``title`` is
    no commitment."""
    out: list[Commitment] = []
    starts = [mn.start for mn in mentions] if mentions is not None else []
    past = False  # inside a 发展基础/成效 section: what was done, described, not committed to
    for par in pars:
        if _TOP_HEADING.match(par.text):
            past = bool(_PAST_HEADING.match(par.text))
        has_project = PROJECT.search(par.text) is not None
        if par.text == title or "|" in par.text or not (has_project or themes.find(par.text)):
            continue  # table rows are figures, not commitments; a paragraph without a theme commits to none
        text = mask_titles(par.text)
        if mentions is None:
            local = regions_mod.find(text)
        else:
            lo, hi = bisect.bisect_left(starts, par.start), bisect.bisect_left(starts, par.start + len(text))
            inside = [(m.start(), m.end()) for m in _TITLE.finditer(par.text)]  # names in 《》 act for no one
            local = [dataclasses.replace(mn, start=mn.start - par.start, end=mn.end - par.start)
                     for mn in mentions[lo:hi] if not any(a <= mn.start - par.start < b for a, b in inside)]
        for s in SENTENCE.finditer(text):
            hint = _SETS.search(par.text, s.start(), s.end())  # 《X》提出…: X sets it (为落实《X》 does not)
            for c in CLAUSE.finditer(text, s.start(), s.end()):
                found = _commitment(text, c, s, par, local, doc_region, doc_year, plan_like, has_project)
                if found is not None:
                    found.policy_hint = hint.group(1) if hint else None
                    found.aim = "past" if past else found.aim
                    out.append(found)
    return out


def _commitment(text: str, c: regex.Match, s: regex.Match, par: norm.Paragraph, mentions: list[Mention],
                doc_region: Region | None, doc_year: int | None, plan_like: bool,
                has_project: bool = True) -> Commitment | None:
    """The clause ``c`` as a commitment, or None when it has no commitment verb or no theme."""
    clause = c.group()
    found = [t for t in themes.find(clause) if t not in SKIP_THEMES]
    project = PROJECT.search(clause) if has_project else None
    if not found and project is None:
        return None
    verb = COMMIT.search(_DESCRIBED.sub(lambda m: " " * len(m.group()), clause))
    aim = None
    if verb is None:  # a frame or a goal stated without a verb: what the plan is about, no measure
        aim = _verbless_aim(clause, text[:c.start()], text[s.start():c.start()]) if found else None
        if aim is None:
            return None
    lead = len(clause) - len(_LEAD.sub("", clause))
    start, end = c.start() + lead, c.end()
    verb_at = c.start() + (verb.start() if verb is not None else len(clause))
    region, national = _region(text, c.start(), c.end(), s.start(), verb_at, mentions, doc_region)
    sentence_before = text[s.start():c.end()]
    status = _status(sentence_before, plan_like)
    year = _year(text[s.start():c.end()], doc_year)
    out = Commitment((par.start + start, par.start + end), par.number, text[start:end], region, national,
                     status, found, year=year,
                     aim=aim or _aim(clause, verb, text[s.start():c.start()]))
    if project is not None:
        name = project.group("name").replace("“", "").replace("”", "")
        out.project = name
        out.project_kind = next((k for k in ("工程", "计划", "平台", "基地", "中心", "行动") if name.endswith(k)), "project")
        if project.group("count"):
            try:
                out.count = int(numerals.number(project.group("count")))
            except ValueError:
                out.count = None
        out.themes = list(dict.fromkeys(found + [t for t in themes.find(name) if t not in SKIP_THEMES]))
    return out


def _aim(clause: str, verb: regex.Match, sentence_before: str) -> str | None:
    """"frame" for a clause that frames the plan (以…为主线, 为加快… purpose); "goal" for one that, in a
    goal sentence (到2027年, 力争), states a result rather than an action: its verb ends the clause or
    follows 基本/显著/全面 … (体系基本形成, 水平显著提升); else None (an action)."""
    body = _LEAD.sub("", clause).lstrip("“ ")
    if _FRAME.match(body):
        return "frame"
    if not _GOAL.search(sentence_before + clause[:verb.start()]):
        return None
    tail = COMMIT.sub("", clause[verb.start():]).strip()
    return "goal" if not tail or _STATE_ADVERB.search(clause[:verb.start()]) else None


def _verbless_aim(clause: str, par_before: str, sentence_before: str) -> str | None:
    """"frame" for 以X为主线/为核心 (also after 提出/坚持), "goal" for a clause under a goal frame (到2026年 earlier
    in the paragraph, 力争, 将 in the sentence): a target or state stated without a figure or verb
    (…深度融合, 关键核心技术加速突破); else None, a clause that only names a theme commits to nothing."""
    if _FRAME.match(_LEAD.sub("", clause).lstrip("“ ")):
        return "frame"
    if _GOAL.search(par_before + clause) or _WILL.search(sentence_before + clause):
        return "goal"
    return None


def _yardstick(text: str, mn: Mention) -> bool:
    """Whether 全国/我国 here is what the region is measured against or serves (保持全国前列, 为全国…提供
    经验), not the country acting."""
    return bool(_BENCHMARK.match(text, mn.end) or _AUDIENCE.search(text, max(0, mn.start - 4), mn.start))


def _status(before: str, plan_like: bool) -> str:
    """adopted when the clause says it is done; directed for an instruction; else planned (a task)."""
    if ADOPTED.search(before) and not _GOAL.search(before):
        return "adopted"
    if DIRECTED.search(before):
        return "directed"
    if PLANNED.search(before) or plan_like:
        return "planned"
    return "adopted"


def _year(text: str, doc_year: int | None) -> int | None:
    """The year the clause's sentence dates the commitment to, up to the clause (never a later one)."""
    years = [mk.year for mk in periods.marks(text, doc_year) if mk.year]
    return years[-1] if years else None


def _region(text: str, c_start: int, c_end: int, s_start: int, verb: int, mentions: list[Mention],
            doc_region: Region | None) -> tuple[Region | None, bool]:
    """The region the clause names before its verb, else the sentence's first, else the document's;
    全省/本市 are the document's own region, 国家/全国 the country."""
    supported = [mn for mn in mentions if mn.role == "name" and c_start <= mn.start < c_end
                 and text.endswith(_SUPPORT_WORDS, 0, mn.start)]
    if supported:  # 支持杭州打造…: the region supported is the one that acts
        return supported[0].region, False
    for lo, hi in ((c_start, verb), (s_start, verb)):
        group = [mn for mn in mentions if lo <= mn.start and mn.end <= hi and mn.role in ("name", "self", "national")
                 and mn.surface != "中国"  # 中国特色…, 中国(河北)…: not the country as the actor
                 and not (mn.role == "national" and _yardstick(text, mn))]
        if not group:
            continue
        mn = group[-1] if lo == c_start else group[0]
        if mn.role == "self":
            return doc_region, False
        if mn.role == "national":
            return regions_mod.CHINA, True
        if mn.region is not None and not (mn.region.level == "area" and mn.region.record_ref == "CN"):
            return mn.region, False
    if _NATIONAL_BODY.match(text, s_start) and doc_region is not None:
        return regions_mod.CHINA, True
    return doc_region, doc_region is None
