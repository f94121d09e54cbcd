"""Numerals: Arabic, Chinese, magnitudes kept with the unit, Decimal arithmetic."""

from decimal import Decimal

import pytest

from policykg.ingest.extract import numerals


@pytest.mark.parametrize("text, value", [
    ("七", 7), ("十五", 15), ("二十三", 23), ("一百零八", 108), ("两", 2), ("三千", 3000),
    ("二〇二五", 2025), ("十二点五", Decimal("12.5")),
])
def test_chinese_numerals(text, value):
    assert numerals.chinese(text) == Decimal(value)


def test_arabic_with_thousands_separator():
    assert numerals.arabic("12,345.6") == Decimal("12345.6")


def test_base_multiplies_the_magnitude_out_with_decimal():
    assert numerals.base(Decimal("1.6"), "万亿元") == (Decimal("1.6E12"), "元")
    assert numerals.base(Decimal("20000"), "亿元") == numerals.base(Decimal("2"), "万亿元")
    assert numerals.base(Decimal("0.3"), "亿条") == (Decimal("30000000.0"), "条")
    assert numerals.base(Decimal("12"), "%") == (Decimal("12"), "%")


def test_as_float_keeps_written_precision():
    assert numerals.as_float(Decimal("5890.0")) == 5890.0 and isinstance(numerals.as_float(Decimal("5890.0")), float)
    assert numerals.as_float(Decimal("66")) == 66 and isinstance(numerals.as_float(Decimal("66")), int)


def test_not_a_numeral():
    with pytest.raises(ValueError):
        numerals.chinese("十四五规划")
