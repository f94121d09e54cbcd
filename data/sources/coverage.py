"""Which province-level regions the texts in data/sources cover, and which they miss.

Run: python data/sources/coverage.py [--against ../shared/corpus/SOURCES.md ...]
The header block of each text (between --- lines) names its region, kind and, where the text says so,
the plan it implements; `--against` also lists any address already used by another corpus's SOURCES.md.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import re

PROVINCES = (
    "北京市 天津市 河北省 山西省 内蒙古自治区 辽宁省 吉林省 黑龙江省 上海市 江苏省 浙江省 安徽省 福建省 江西省 "
    "山东省 河南省 湖北省 湖南省 广东省 广西壮族自治区 海南省 重庆市 四川省 贵州省 云南省 西藏自治区 陕西省 甘肃省 "
    "青海省 宁夏回族自治区 新疆维吾尔自治区"
).split()
HERE = pathlib.Path(__file__).parent


def header(path: pathlib.Path) -> dict[str, str]:
    """The key: value lines of a text's leading --- block (empty if it has none)."""
    m = re.match(r"\A---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
    if not m:
        return {}
    return dict(line.split(": ", 1) for line in m.group(1).splitlines() if ": " in line)


def report(folder: pathlib.Path, against: list[pathlib.Path]) -> int:
    """Print texts per region, gaps, cascade files and reused addresses; 1 if a header is missing."""
    heads = {p.name: header(p) for p in sorted(folder.glob("*.txt"))}
    bad = [name for name, h in heads.items() if not {"url", "title", "region", "kind"} <= h.keys()]
    per_region = collections.Counter(h.get("region") for h in heads.values())
    print(f"{len(heads)} texts, {sum(1 for p in PROVINCES if per_region[p])}/31 province-level regions")
    for prov in PROVINCES:
        cities = sorted({h["city"] for h in heads.values() if h.get("region") == prov and h.get("city")})
        print(f"  {prov}: {per_region[prov]}" + (f" (cities: {'、'.join(cities)})" if cities else ""))
    print("gaps:", "、".join(p for p in PROVINCES if not per_region[p]) or "none")
    for key in ("implements", "successor_of", "revises"):
        print(f"{key}:", ", ".join(n for n, h in heads.items() if key in h) or "none")
    used = "\n".join(p.read_text(encoding="utf-8") for p in against)
    reused = [n for n, h in heads.items() if h.get("url") and h["url"] in used]
    print("addresses already in", ", ".join(map(str, against)) or "(none given)", ":", ", ".join(reused) or "none")
    if bad:
        print("header incomplete:", ", ".join(bad))
    return 1 if bad else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=pathlib.Path, nargs="*", default=[])
    raise SystemExit(report(HERE, parser.parse_args().against))
