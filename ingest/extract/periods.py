"""Time expressions: the years, spans and deadlines that set a figure's period.

2022年 / 截至2020年底 / 2021年前三季度 → a year (and a quarter span); 2011-2020年 → a span;
到2025年 / 力争到2022年 → a deadline; “十四五”末 → 2025, “十四五”时期 → 2021-2025;
目前 / 至今 → the document's year; 去年 / 今年 / 明年 against the document's date; 经过5年努力 /
未来三年 → a deadline that many years ahead (未来三年 counts the document's own year).
A year followed by a month (2019年10月) dates an event and sets no period. In a text with no date a
relative mark is kept, open (no year): its figures get no period, not an earlier sentence's year.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policykg.ingest.extract import numerals

FIVE_YEAR_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026, "十六五": 2031}


@dataclass(frozen=True)
class TimeMark:
    start: int
    end: int
    year: int | None  # the year the mark points at (end year of a span)
    span: tuple[int, int] | None = None  # first and last year
    deadline: bool = False  # 到2025年, 力争到…, “十四五”末
    quarter: str | None = None  # "Q1..Q3" for 前三季度
    open: bool = False  # a relative date (今年, 上半年, 目前) in a text with no date: its period stays open

    def period(self) -> str | None:
        if self.span and not self.deadline:
            return f"{self.span[0]}-{self.span[1]}"
        if self.year is None:
            return None
        return f"{self.year}-{self.quarter}" if self.quarter else str(self.year)


_QUARTERS = {"一季度": "Q1", "第一季度": "Q1", "上半年": "H1", "前三季度": "Q1..Q3", "下半年": "H2",
             "二季度": "Q2", "第二季度": "Q2", "三季度": "Q3", "第三季度": "Q3", "四季度": "Q4", "第四季度": "Q4"}

_MARKS = regex.compile(
    r"(?P<dl>(?:力争|争取|预计|预期|计划)?(?:到|至|截至|截止到|截止)?)[ \t\u3000]*"  # 到 2025 年: layout spaces
    r"(?:(?P<y1>(?:19|20)\d\d)\s*[-—–~至到]\s*(?P<y2>(?:19|20)\d\d)[ \t\u3000]*年"
    r"|(?<![比较与同和][ \t\u3000]*)(?P<y>(?<![\d.])(?:19|20)\d\d)[ \t\u3000]*年(?!\d{1,2}月|\d{1,2}日)(?P<suffix>前三季度|上半年|下半年|第?[一二三四]季度|底|末|初|以前|前|以来|全年)?"
    r""
    r"|“?(?P<fyp>十[一二三四五六]五)”?(?P<fsuffix>末|期末|时期|期间|规划期)?"
    r"|(?<![比较同上])(?P<rel>去年|今年|明年)(?P<rsuffix>底|末)?"
    r"|(?<![\d年])(?P<part>前三季度|上半年|下半年|第?[一二三四]季度|1-(?P<m2>1[0-2]|[2-9])月)"
    r"|(?P<now>目前|当前|截至目前|至今|现阶段|截至今年)"
    r"|(?P<through>经过|未来|用)(?P<ahead>[一二三四五六七八九十]|\d{1,2})年(?:左右)?(?:的)?(?:努力|时间|内)?)"
)


def marks(text: str, doc_year: int | None) -> list[TimeMark]:
    out: list[TimeMark] = []
    for m in _MARKS.finditer(text):
        dl = m.group("dl") or ""
        deadline = "到" in dl or "力争" in dl or "争取" in dl
        if dl.startswith("截至") or dl.startswith("截止"):
            deadline = False
        if m.group("y1"):
            y1, y2 = int(m.group("y1")), int(m.group("y2"))
            out.append(TimeMark(m.start(), m.end(), y2, (y1, y2), deadline))
        elif m.group("y"):
            year = int(m.group("y"))
            suffix = m.group("suffix") or ""
            if suffix == "以来":
                continue
            if text.startswith("的", m.end()):
                deadline = False  # 由2021年的47.5%提高到2022年的49.7%: a change between two reported years
            out.append(TimeMark(m.start(), m.end(), year, None, deadline, _QUARTERS.get(suffix.lstrip("第"))
                                if suffix.lstrip("第") in _QUARTERS else None))
        elif m.group("fyp"):
            first = FIVE_YEAR_PLANS[m.group("fyp")]
            suffix = m.group("fsuffix") or ""
            if suffix in ("末", "期末"):
                out.append(TimeMark(m.start(), m.end(), first + 4, None, True))
            elif suffix in ("时期", "期间", "规划期"):
                out.append(TimeMark(m.start(), m.end(), first + 4, (first, first + 4), deadline))
        elif doc_year is None and (m.group("rel") or m.group("part") or m.group("ahead") or m.group("now")):
            out.append(TimeMark(m.start(), m.end(), None, None, bool(m.group("rel") == "明年" or m.group("ahead")),
                                open=True))  # no date to resolve it against: it still ends an earlier year's reach
        elif m.group("rel"):
            shift = {"去年": -1, "今年": 0, "明年": 1}[m.group("rel")]
            out.append(TimeMark(m.start(), m.end(), doc_year + shift, None, deadline or shift > 0))
        elif m.group("part"):
            part = m.group("part").lstrip("第")
            quarter = _QUARTERS.get(part) or f"M01..M{int(m.group('m2')):02d}"
            out.append(TimeMark(m.start(), m.end(), doc_year, None, False, quarter))
        elif m.group("ahead"):
            # 经过5年努力: five years after the document; 未来三年: this year and the next two
            years = int(numerals.number(m.group("ahead")))
            end_year = doc_year + years - (1 if m.group("through") == "未来" else 0)
            out.append(TimeMark(m.start(), m.end(), end_year, None, True))
        elif m.group("now"):
            out.append(TimeMark(m.start(), m.end(), doc_year))
    return out
