"""Numerals as written in Chinese text → Decimal.

cn2an reads plain Chinese numerals (六十, 二〇三五, 十二点五) but refuses a
trailing magnitude (1.6万亿, 两万亿) and plan names (十四五); the figure pattern
(figures.py) keeps the magnitude words 万 and 亿 with the unit, as the
annotation conventions want (1.6万亿元 is 1.6 in 万亿元), and ``base`` multiplies
them out with Decimal when two amounts are compared.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import cn2an

MAGNITUDES = {"万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10,
              "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6,
              "万": Decimal(10) ** 4, "千": Decimal(10) ** 3}
_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}


def arabic(text: str) -> Decimal:
    """'1,234.5' → Decimal('1234.5')."""
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc


def chinese(text: str) -> Decimal:
    """A Chinese numeral without magnitude words: 六 6, 六十 60, 二〇三五 2035, 十二点五 12.5, 两 2."""
    if not text:
        raise ValueError("empty numeral")
    if all(c in _DIGIT_VALUE for c in text) and len(text) > 1:  # digit by digit: 二〇三五
        return Decimal("".join(str(_DIGIT_VALUE[c]) for c in text))
    try:
        value = cn2an.cn2an(text.replace("两", "二"), "strict")
    except (ValueError, KeyError, IndexError) as exc:
        raise ValueError(f"not a Chinese numeral: {text!r}") from exc
    return Decimal(str(value))


def number(text: str) -> Decimal:
    """Arabic or Chinese numeral (no magnitude)."""
    if text and text[0].isdigit():
        return arabic(text)
    return chinese(text)


def base(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """The value with the unit's leading magnitude multiplied out: (1.6, 万亿元) → (1.6E12, 元); 20000亿元
    and 2万亿元 are one amount."""
    for mag in sorted(MAGNITUDES, key=len, reverse=True):
        if unit.startswith(mag) and len(unit) > len(mag):
            return value * MAGNITUDES[mag], unit[len(mag):]
    return value, unit


def as_float(value: Decimal) -> float | int:
    """YAML-friendly: integers stay integers unless written with a decimal point."""
    if value == value.to_integral_value() and "." not in str(value):
        return int(value)
    return float(value)
