"""Figures in one base unit, so that 2万亿元 compares with 16000亿元 and 3.2万个 with 2.4万家.

Records keep value and unit exactly as the source writes them; the writer
adds ``value_base``/``unit_base`` from this table, and the queries that
compare a target with a figure compare those. A unit this table does not
know (EB, Mbps, EFLOPS, 位 …) is its own base, so it only compares with itself.
"""

from __future__ import annotations

#: Chinese multiplier prefixes, longest first.
PREFIXES: tuple[tuple[str, float], ...] = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3), ("百", 1e2))
#: Count classifiers that all count items (家 firms, 项 items, 个 things …).
COUNT_WORDS = frozenset("个家项件座台架条部所户套只辆张名次篇株栋间")
#: Units a prefix may stand before.
BASES = frozenset({"元", "美元", "人", "吨", "G", ""}) | COUNT_WORDS


def to_base(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """(value, unit) in the base unit: 亿元 → 元, 万个/家/项 → 个, % and unknown units unchanged."""
    if value is None or unit is None:
        return value, unit
    text = unit.strip()
    factor = 1.0
    for prefix, multiplier in PREFIXES:
        if text.startswith(prefix) and text[len(prefix):] in BASES:
            factor, text = multiplier, text[len(prefix):]
            break
    if text in COUNT_WORDS:
        text = "个"
    return value * factor, text
