"""Synthetic corpora shaped like the demo record, for the benchmark.

Document 0 is the demo record itself (so every canned query's example finds
rows); document i > 0 is the demo record re-keyed: its facts get keys of their
own, its regions are redrawn from the gazetteer and its themes from the theme
vocabulary, its figures are perturbed. Half of each document's indicators and
organisations come from shared pools (the first members of which are the demo
record's own), so that documents meet on shared nodes the way real ones do.
Documents 1 to about 100 and a tenth of the rest also carry the policy cascade
of bench/cascade.py (national plan, provincial implementations and targets,
city implementations, revisions, successors). Every record passes `policykg
validate`; generation is deterministic per seed.

    python bench/generate.py OUT_DIR --documents 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import yaml
from cascade import Cascade

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "documents" / "2021-11-09-digital-economy-local-paths.yaml"
REGIONS = ROOT / "schema" / "reference_data" / "regions.yaml"
THEMES = ROOT / "schema" / "reference_data" / "themes.yaml"
#: Shared pools: indicators and organisations several documents state (same key, same names).
INDICATOR_POOL = 300
ORGANIZATION_POOL = 200
#: Sections whose facts reference others by key: field → section the key lives in.
REFERENCES = {"issued_by": "organizations", "policy": "policies", "indicator": "indicators"}


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


class Generator:
    def __init__(self, seed: int = 11):
        self.seed = seed
        self.demo = _load(DEMO)
        regions = _load(REGIONS)["regions"]
        self.region_codes = [r["code"] for r in regions]
        self.cascade = Cascade(regions, seed)
        self.theme_ids = [t["id"] for t in _load(THEMES)["themes"]]
        self.indicator_pool = self._pool(self.demo["indicators"], INDICATOR_POOL, "ind")
        self.organization_pool = self._pool(self.demo["organizations"], ORGANIZATION_POOL, "org")

    def _pool(self, facts: list[dict[str, Any]], size: int, prefix: str) -> list[dict[str, Any]]:
        """The demo's own facts first, then numbered variants of them (names told apart by number)."""
        rng = random.Random(f"{self.seed}-{prefix}")
        pool = [dict(f) for f in facts]
        while len(pool) < size:
            n = len(pool)
            fact = dict(facts[n % len(facts)])
            fact["key"] = f"{prefix}-{n:04d}-{fact['key']}"
            fact["name_zh"] = f"{fact['name_zh']}（{n}）"
            fact["name_en"] = f"{fact.get('name_en') or fact['name_zh']} ({n})"
            if "region" in fact:
                fact["region"] = rng.choice(self.region_codes)
            pool.append(fact)
        return pool

    def document(self, index: int) -> dict[str, Any]:
        if index == 0:
            return self.demo
        rng = random.Random(f"{self.seed}-{index}")
        prefix = f"g{index:05d}"
        region_of: dict[str, str] = {}

        def region(name: Any) -> Any:
            if name is None:
                return None
            return region_of.setdefault(str(name), rng.choice(self.region_codes))

        record: dict[str, Any] = {}
        keys: dict[str, dict[str, str]] = {}
        for section in ("organizations", "indicators", "policies", "targets", "projects", "observations",
                        "measures"):
            facts = self.demo.get(section, [])
            keys[section] = {}
            out = []
            shared = {"indicators": self.indicator_pool, "organizations": self.organization_pool}.get(section)
            for position, fact in enumerate(facts):
                if shared is not None and position % 2 == 0:  # every other one from the shared pool
                    new = dict(rng.choice(shared))
                    new["locator"] = fact["locator"]
                    if any(new["key"] == other["key"] for other in out):
                        new = dict(fact)
                        new["key"] = f"{prefix}-{fact['key']}"
                else:
                    new = dict(fact)
                    new["key"] = f"{prefix}-{fact['key']}"
                    if "region" in new:
                        new["region"] = region(new["region"])
                keys[section][fact["key"]] = new["key"]
                out.append(new)
            record[section] = out
        for section, facts in record.items():
            for fact in facts:
                for field, target in REFERENCES.items():
                    if fact.get(field) is not None:  # pool facts have no such fields
                        fact[field] = keys[target].get(fact[field], fact[field])  # a catalogue key stays
                if "themes" in fact:
                    fact["themes"] = rng.sample(self.theme_ids, len(fact["themes"]))
                if section == "observations" and fact.get("value") is not None:
                    fact["value"] = round(fact["value"] * rng.uniform(0.5, 1.5), 1)
                if section in ("policies", "targets", "measures", "projects") and "name_zh" in fact:
                    fact["name_zh"] = f"{fact['name_zh']}（{prefix}）"
        meta = dict(self.demo["document"])
        meta["id"] = f"gen-{index:05d}"
        meta["title_zh"] = f"{meta['title_zh']}（合成 {index}）"
        meta["title_en"] = f"{meta['title_en']} (synthetic {index})"
        meta["published"] = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
        meta["publisher"] = keys["organizations"][meta["publisher"]]
        role = self.cascade.role(index, rng)
        if role is not None:
            self.cascade.apply(record, meta, role, prefix, rng)
        return {"document": meta, "regions": [region(r) for r in self.demo["regions"]], **record}


def cascade_examples(seed: int = 11) -> dict[str, dict[str, str]]:
    """Parameters on which the cascade questions find rows in a corpus generated with ``seed`` (bench/run.py)."""
    return Cascade(_load(REGIONS)["regions"], seed).examples()


def cascade_documents(seed: int = 11) -> int:
    """How many documents hold the whole cascade (the demo record and the cascade's own)."""
    return 1 + len(Cascade(_load(REGIONS)["regions"], seed).roles)


def dump(record: dict[str, Any]) -> str:
    return yaml.dump(record, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=120)


def path_of(out: Path, index: int) -> Path:
    return out / f"{index // 1000:02d}" / f"doc-{index:05d}.yaml"


def generate(out: Path, documents: int, seed: int = 11) -> list[Path]:
    """Write ``documents`` records under ``out`` (emptied first); returns their paths."""
    if out.exists():
        shutil.rmtree(out)
    generator = Generator(seed)
    paths = []
    for index in range(documents):
        path = path_of(out, index)
        path.parent.mkdir(parents=True, exist_ok=True)
        if index == 0:
            shutil.copy(DEMO, path)
        else:
            path.write_text(dump(generator.document(index)), encoding="utf-8")
        paths.append(path)
    return paths


def change_one_percent(paths: list[Path], seed: int = 11) -> list[Path]:
    """Edit one figure in 1% of the documents (at least one); returns the files changed."""
    rng = random.Random(f"{seed}-change")
    chosen = rng.sample(paths[1:], max(1, len(paths) // 100))
    for path in chosen:
        record = _load(path)
        record["observations"][0]["value"] = round((record["observations"][0].get("value") or 1) * 1.07 + 1, 1)
        path.write_text(dump(record), encoding="utf-8")
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    paths = generate(args.out, args.documents, args.seed)
    print(f"{len(paths)} records in {args.out}")


if __name__ == "__main__":
    main()
