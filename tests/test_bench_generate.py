"""The benchmark's generated corpus: every record valid, and the policy cascade in the shape real corpora have.

The four cascade questions' row counts on it are checked by bench/run.py
itself (the run fails when one has none); here, the records the generator
writes, without a graph.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import cascade  # noqa: E402
import generate  # noqa: E402

from policykg.ingest.validate import validate_paths  # noqa: E402
from policykg.schema.reference import gazetteer  # noqa: E402

DOCUMENTS = generate.cascade_documents() + 9  # the demo record, the cascade's 100 documents and a few of the rest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list:
    out = tmp_path_factory.mktemp("generated")
    generate.generate(out, DOCUMENTS)
    return validate_paths([out], allow_drafts=False)


def _links(documents: list, relation: str) -> list[tuple]:
    """(document, policy, other) of every policy link of ``relation``."""
    return [(d, link.policy, link.other) for d in documents for link in d.record.policy_links
            if link.relation == relation]


def _policy(document, key: str):  # type: ignore[no-untyped-def]
    return next(p for p in document.record.policies if p.key == key)


def test_every_generated_record_is_valid(corpus: list) -> None:
    assert len(corpus) == DOCUMENTS


def test_most_provinces_implement_the_national_plan_months_later(corpus: list) -> None:
    national = cascade.NATIONAL_PLAN["key"]
    implementing = [(d, _policy(d, policy)) for d, policy, other in _links(corpus, "implements") if other == national]
    provinces = {d.code(p.region) for d, p in implementing}
    assert all(gazetteer().regions[code].level == "province" for code in provinces)
    assert len(provinces) == len(implementing) == 26  # 85% of the 31 mainland provinces, one plan each
    start = cascade.NATIONAL_ISSUED.year * 12 + cascade.NATIONAL_ISSUED.month
    lags = sorted(int(p.issued[:4]) * 12 + int(p.issued[5:7]) - start for _, p in implementing)
    assert lags[0] <= 0 and lags[-1] >= 12 and 2 <= lags[len(lags) // 2] <= 8  # spread like the demo corpus's implementing plans
    issued_by_doc = [d for d in corpus if any(p.key == national and p.issued for p in d.record.policies)]
    assert [d.id for d in issued_by_doc] == ["gen-00001"]  # the plan's own record dates it; the others restate it


def test_cities_implement_their_provinces_plan(corpus: list) -> None:
    rows = [(d, _policy(d, policy), _policy(d, other)) for d, policy, other in _links(corpus, "implements")
            if other != cascade.NATIONAL_PLAN["key"]]
    cities = [(d.code(p.region), d.code(o.region)) for d, p, o in rows if p.kind == "implementation_plan"]
    assert len(cities) >= 60
    assert all(gazetteer().regions[city].parent == province for city, province in cities)


def test_national_and_regional_targets_share_indicator_and_deadline_and_some_are_set_again(corpus: list) -> None:
    set_by: dict[str, list[tuple[dt.date, float]]] = defaultdict(list)
    for d in corpus:
        for t in d.record.targets:
            if d.indicator_key(t.indicator) == cascade.INDICATOR and t.deadline == cascade.DEADLINE:
                set_by[d.code(t.region)].append((d.record.document.published, t.value))
    assert [value for _, value in set_by["CN"]] == [cascade.NATIONAL_VALUE]  # set once, by the national plan
    assert len(set_by) >= 1 + 26  # the country and every implementing province
    revised = {code: sorted(values) for code, values in set_by.items() if len(values) > 1}
    assert len(revised) == 8
    assert all(later[1] == earlier[1] + 1.5 and later[0] > earlier[0] for earlier, later in revised.values())
    example = generate.cascade_examples()["target-revisions"]["region"]
    assert gazetteer().resolve(example).code in revised


def test_successors_supersede_a_provinces_plan(corpus: list) -> None:
    superseding = [(_policy(d, policy), _policy(d, other)) for d, policy, other in _links(corpus, "supersedes")]
    successors = [(new, old) for new, old in superseding if new.title_zh.endswith("（2.0版）")]
    assert len(successors) == 5
    assert all(new.region == old.region and new.issued > "2023" for new, old in successors)
    example = generate.cascade_examples()["policy-status"]["region"]
    assert gazetteer().resolve(example).code in {old.region for _, old in successors}
