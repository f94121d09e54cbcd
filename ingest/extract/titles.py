"""Policy titles in 《》, their abbreviations, issuers and document numbers.

《“十四五”数字经济发展规划》(以下简称《规划》) → the title, and 《规划》 pointing back to it; a short
title such as 《方案》 not declared as an abbreviation resolves to the one full title ending in it.
Issuer: the bodies before 印发/发布/出台 (上海市人民政府办公厅关于印发《…》的通知, 国务院印发《…》).
Document numbers: 数字强省办发〔2025〕1号, 国发[2021]29号.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

TITLE = regex.compile(r"《([^《》\n]{1,150})》")
ABBREV = regex.compile(r"^\s*[(（]\s*(?:以下)?简称\s*[《“\"]([^》”\"]{1,20})[》”\"]\s*[)）]")
DOC_NUMBER = regex.compile(r"\p{Han}{1,12}[〔\[(]\s*(?:19|20)\d\d\s*[〕\])]\s*\d{1,4}\s*号")
ISSUE_VERB = regex.compile(r"(?:关于)?(?:联合)?(?:正式)?(?:印发|发布|出台|公布|制定)了?(?:的)?$")
AGENCY_END = regex.compile(r"(?:人民政府|办公厅|办公室|委员会|政府|国务院|中共中央|[局厅委部院室会府组队署办行]|中心)$")
DATE_TAIL = regex.compile(r"(?:近日|日前|今天|今日|\d{1,2}日|\d{1,2}月\d{1,2}日|(?:19|20)\d\d年\d{1,2}月\d{1,2}日)$")

KIND_BY_ENDING = [
    ("行动计划", "action_plan"), ("行动方案", "action_plan"), ("实施方案", "implementation_plan"),
    ("工作方案", "implementation_plan"), ("建设方案", "implementation_plan"), ("实施意见", "opinion"),
    ("指导意见", "opinion"), ("意见", "opinion"), ("规划纲要", "plan"), ("规划", "plan"), ("纲要", "strategy"),
    ("战略", "strategy"), ("方案", "implementation_plan"), ("计划", "action_plan"), ("工作要点", "programme"),
    ("要点", "programme"), ("若干政策", "support_scheme"), ("若干措施", "support_scheme"), ("政策", "support_scheme"),
    ("措施", "support_scheme"), ("办法", "regulation"), ("条例", "regulation"),
    ("规定", "regulation"), ("标准", "standard"), ("规范", "standard"), ("导则", "standard"),
    ("公报", "report"), ("报告", "report"), ("白皮书", "report"), ("讲话", "speech"),
]

# precompiled patterns of the helpers below
_TRAILING_PAREN = regex.compile(r"[(（][^()（）]*[)）]$")
_CLAUSE_BREAK = regex.compile(r"[,;:。!?\s]")
_AND_WORDS = regex.compile(r"[和与及]")


def policy_kind(title: str) -> str:
    core = _TRAILING_PAREN.sub("", title).strip()
    for ending, kind in KIND_BY_ENDING:
        if core.endswith(ending):
            return kind
    return "programme"


@dataclass
class Title:
    title: str
    first: int  # offset of the first mention (normalised text)
    paragraph: int
    quote_span: tuple[int, int]
    abbreviations: list[str] = field(default_factory=list)
    issuers: list[str] = field(default_factory=list)
    doc_number: str | None = None
    issued: str | None = None  # YYYY-MM-DD (or YYYY-MM) when the text dates the issue


def find(pars) -> tuple[list[Title], dict[str, str]]:
    """Full titles in order of first mention, and abbreviation → full title."""
    titles: dict[str, Title] = {}
    abbrev: dict[str, str] = {}
    shorts: list[tuple[str, int]] = []
    for par in pars:
        for m in TITLE.finditer(par.text):
            name = m.group(1).strip()
            after = par.text[m.end():]
            a = ABBREV.match(after)
            if a:
                abbrev[a.group(1)] = name
            if _generic(name):
                shorts.append((name, par.start + m.start()))
                continue
            if name not in titles:
                titles[name] = Title(name, par.start + m.start(), par.number, (par.start + m.start(), par.start + m.end()))
            t = titles[name]
            if a and a.group(1) not in t.abbreviations:
                t.abbreviations.append(a.group(1))
            if t.issued is None:
                t.issued = _issue_date(pars, par, m.start())
            issuers = _issuers(par.text[:m.start()])
            if not issuers and par.text.startswith("关于") and par.number > 1:
                above = pars[par.number - 2].text  # 山东…办公室 / 关于印发《…》的通知: the issuer on the line above
                if len(above) <= 40 and AGENCY_END.search(above) and not TITLE.search(above):
                    issuers = [above]
            for issuer in issuers:
                if issuer not in t.issuers:
                    t.issuers.append(issuer)
        dn = DOC_NUMBER.search(par.text)
        if dn:  # a notice's number: on the title's line or on one of the next lines
            near = [t for t in titles.values() if 0 <= par.number - t.paragraph <= 3 and t.doc_number is None]
            if near:
                near[-1].doc_number = dn.group()
    for short, _pos in shorts:
        if short in abbrev:
            continue
        candidates = [t for t in titles.values() if _TRAILING_PAREN.sub("", t.title).endswith(short)]
        if len(candidates) == 1:
            abbrev[short] = candidates[0].title
            candidates[0].abbreviations.append(short)
    return list(titles.values()), abbrev


SHORT_FORMS = ("工作方案", "行动方案", "实施方案", "建设方案", "行动计划", "实施意见", "指导意见", "工作要点", "规划纲要",
               "若干措施", "若干政策", "实施细则", "管理办法", "发展规划", "专项规划")


FULL_DATE = regex.compile(r"((?:19|20)\d\d)年(\d{1,2})月(?:(\d{1,2})日)?")
NOTICE = regex.compile(r"印发|通知|发布|出台")


def _date_text(m: regex.Match) -> str | None:
    y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
    if not 1 <= mo <= 12 or (d and not 1 <= int(d) <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{int(d):02d}" if d else f"{y:04d}-{mo:02d}"


def _issue_date(pars, par, title_start: int) -> str | None:
    """The date a title was issued: a date before it in its sentence with 印发/发布 (2022年1月12日,国务院
    印发《…》), or, for a notice, the date line that closes the notice (a short line of its own)."""
    before = regex.split(r"[。;!?]", par.text[:title_start])[-1]
    m = FULL_DATE.search(before)
    if m and NOTICE.search(par.text):
        return _date_text(m)
    if NOTICE.search(par.text) and par.number <= 4:
        for later in pars[par.number:par.number + 10]:
            m = FULL_DATE.fullmatch(later.text.strip())
            if m and m.group(3):
                return _date_text(m)
    return None


def _generic(name: str) -> bool:
    """《规划》, 《方案》, 《工作方案》: a short form that points at a full title."""
    return len(name) <= 2 or name in SHORT_FORMS


def _issuers(before: str) -> list[str]:
    """Issuing bodies written just before 印发《 (or 关于印发《), else []."""
    verb = ISSUE_VERB.search(before)
    if not verb or verb.start() == len(before):
        return []
    head = before[:verb.start()]
    head = _CLAUSE_BREAK.split(head)[-1]
    head = DATE_TAIL.sub("", head)
    head = DATE_TAIL.sub("", head)
    out = []
    for part in head.split("、"):
        pieces = [part]
        m = _AND_WORDS.search(part)
        if m and AGENCY_END.search(part[:m.start()]):  # 省委办公厅和省政府办公厅, not 发展和改革委员会
            pieces = [part[:m.start()], part[m.end():]]
        for piece in pieces:
            piece = piece.strip()
            if 2 <= len(piece) <= 40 and AGENCY_END.search(piece):
                out.append(piece)
    return out


def doc_numbers(text: str) -> list[str]:
    return [m.group() for m in DOC_NUMBER.finditer(text)]
