"""The policy cascade of a generated corpus, in the shape the reviewed implementing plans of data/documents have.

Document 1 is the national plan, with a national target. Most provinces
implement the plan some months later (the lag spread like the real ones: a
few months before it to a year and more after, most within half a year),
each with a target of its own on the same indicator and deadline. Cities
implement their province's plan; some provinces set that target again in a
later document (a revision: target-revisions) and some replace their plan by
a successor (SUPERSEDES: policy-status). Among the remaining documents, a
tenth add a city's implementation of a province's plan and a few supersede
an older plan they restate. `examples` names the parameters on which the four
cascade questions answer with rows (bench/run.py runs them so).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

#: The national plan the provinces implement, restated in every implementing record under its shared key
#: (title, kind and region only, as real records restate it); its own record (document 1) adds dates.
NATIONAL_PLAN = {"key": "cn-14th-fyp-digital-economy-plan", "locator": "¶1", "title_zh": "“十四五”数字经济发展规划",
                 "kind": "plan", "region": "CN"}
NATIONAL_ISSUED = dt.date(2021, 12, 12)
#: The indicator and deadline of the national target and of every province's own (target-ambition).
INDICATOR, DEADLINE, NATIONAL_VALUE = "cn-core-digital-industries-va-share-gdp", 2025, 10.0
#: Provinces without a plan in the corpus (listed as `not yet` by implementations-of).
OUTSIDE = {"710000", "810000", "820000"}
IMPLEMENTING_SHARE, CITIES, REVISED_SHARE, SUCCEEDED_SHARE = 0.85, 60, 0.3, 0.2
BULK_IMPLEMENTS, BULK_SUPERSEDES = 0.1, 0.03


@dataclass(frozen=True)
class Role:
    """One document's part in the cascade: a ``kind`` of policy of ``region``, issued on ``issued``."""

    kind: str  # national, province, city, revision, successor
    region: str
    province: str  # the province whose plan it implements, revises or replaces ("" for the national plan)
    issued: dt.date


def months_after(date: dt.date, months: int) -> dt.date:
    month = date.year * 12 + date.month - 1 + months
    return dt.date(month // 12, month % 12 + 1, min(date.day, 28))


def lag_months(rng: random.Random) -> int:
    """A lag like the real ones (-4 to 18 months in data/documents): median about 4, one in ten above a year.

    Capped at two years, so that every date the cascade derives from it lies before today.
    """
    return min(24, round(rng.lognormvariate(1.8, 0.7)) - 2)


class Cascade:
    def __init__(self, regions: list[dict[str, Any]], seed: int) -> None:
        rng = random.Random(f"{seed}-cascade")
        self.names = {r["code"]: r["name_zh"] for r in regions}
        provinces = [r["code"] for r in regions if r.get("level") == "province" and r["code"] not in OUTSIDE]
        self.cities = {p: [r["code"] for r in regions if r.get("level") == "prefecture" and r.get("parent") == p]
                       for p in provinces}
        implementing = rng.sample(provinces, round(len(provinces) * IMPLEMENTING_SHARE))
        self.issued = {p: months_after(NATIONAL_ISSUED, lag_months(rng)) for p in implementing}
        self.value = {p: round(NATIONAL_VALUE * rng.uniform(0.7, 1.6), 1) for p in implementing}
        self.implementing = [p for p in implementing if self.cities[p]]
        roles = [Role("national", "CN", "", NATIONAL_ISSUED)]
        roles += [Role("province", p, "", self.issued[p]) for p in implementing]
        cities = rng.sample([(c, p) for p in self.implementing for c in self.cities[p]], CITIES)
        roles += [Role("city", c, p, months_after(self.issued[p], 1 + abs(lag_months(rng)))) for c, p in cities]
        self.revised = rng.sample(implementing, round(len(implementing) * REVISED_SHARE))
        roles += [Role("revision", p, p, months_after(self.issued[p], rng.randrange(10, 30))) for p in self.revised]
        self.succeeded = rng.sample(implementing, round(len(implementing) * SUCCEEDED_SHARE))
        roles += [Role("successor", p, p, months_after(self.issued[p], rng.randrange(18, 30))) for p in self.succeeded]
        self.roles = roles

    def role(self, index: int, rng: random.Random) -> Role | None:
        """Document ``index``'s part (document 0 is the demo record and has none)."""
        if 1 <= index <= len(self.roles):
            return self.roles[index - 1]
        draw = rng.random()
        if draw < BULK_IMPLEMENTS:
            province = rng.choice(self.implementing)
            return Role("city", rng.choice(self.cities[province]), province,
                        months_after(self.issued[province], 1 + abs(lag_months(rng))))
        return Role("supersedes", "", "", NATIONAL_ISSUED) if draw < BULK_IMPLEMENTS + BULK_SUPERSEDES else None

    def examples(self) -> dict[str, dict[str, str]]:
        """Parameters on which each cascade question has rows in a corpus of at least len(roles) + 1 documents."""
        return {"implementations-of": {"policy": NATIONAL_PLAN["key"]},
                "target-ambition": {"indicator": INDICATOR, "deadline": str(DEADLINE)},
                "target-revisions": {"region": self.names[self.revised[0]], "indicator": INDICATOR},
                "policy-status": {"region": self.names[self.succeeded[0]]}}

    def apply(self, record: dict[str, Any], meta: dict[str, Any], role: Role, prefix: str,
              rng: random.Random) -> None:
        """Add the role's policy, the policy it follows (restated under its shared key), link and target."""
        own = [p for p in record["policies"] if p.get("region") not in (None, "CN", "中国")]
        if role.kind == "supersedes":  # a local plan that replaces an older one the same record restates
            if len(own) > 1:
                record["policy_links"] = [_link(own[0]["key"], "supersedes", own[1]["key"])]
            return
        meta["published"] = role.issued + dt.timedelta(days=rng.randrange(40))  # made public weeks after
        if role.kind == "national":
            record["policies"].append(NATIONAL_PLAN | {"issued": NATIONAL_ISSUED.isoformat(), "period_start": 2021,
                                                       "period_end": DEADLINE, "themes": ["digital-economy"]})
            record["targets"].append(self._target(f"{prefix}-cn-{DEADLINE}-core-share", NATIONAL_PLAN["key"], "CN",
                                                  NATIONAL_VALUE))
            return
        policy = self._policy(role, prefix)
        followed = NATIONAL_PLAN if role.kind == "province" else self._restated(role.province)
        relation = "supersedes" if role.kind == "successor" else "implements"
        record["policies"] += [policy, dict(followed)]
        record["policy_links"] = [_link(policy["key"], relation, followed["key"])]
        if role.kind in ("province", "revision"):
            value = self.value[role.region] + (0.0 if role.kind == "province" else 1.5)
            record["targets"].append(self._target(f"{prefix}-{role.region}-{DEADLINE}-core-share", policy["key"],
                                                  role.region, value))

    def _policy(self, role: Role, prefix: str) -> dict[str, Any]:
        name = self.names[role.region]
        if role.kind == "province":
            return {**self._restated(role.region), "issued": role.issued.isoformat(), "period_start": 2021,
                    "period_end": DEADLINE, "themes": ["digital-economy"]}
        title = {"city": f"{name}贯彻落实{self.names[role.province]}数字经济发展规划实施方案",
                 "revision": f"{name}数字经济提质增效行动方案（{role.issued.year}年）",
                 "successor": f"{name}数字经济发展规划（2.0版）"}[role.kind]
        kind = {"city": "implementation_plan", "revision": "action_plan", "successor": "plan"}[role.kind]
        return {"key": f"{prefix}-{role.region}-{role.kind}-plan", "locator": "¶1", "title_zh": title, "kind": kind,
                "region": role.region, "issued": role.issued.isoformat(), "themes": ["digital-economy"]}

    def _restated(self, province: str) -> dict[str, Any]:
        """A province's plan as the records that follow it restate it (its own record adds the dates)."""
        return {"key": f"p{province}-14th-fyp-digital-economy-plan", "locator": "¶1",
                "title_zh": f"{self.names[province]}“十四五”数字经济发展规划", "kind": "plan", "region": province}

    @staticmethod
    def _target(key: str, policy: str, region: str, value: float) -> dict[str, Any]:
        return {"key": key, "locator": "¶2", "name_zh": f"数字经济核心产业增加值占地区生产总值比重达到{value}%",
                "policy": policy, "region": region, "indicator": INDICATOR, "comparator": "≥", "value": value,
                "unit": "%", "deadline": DEADLINE, "themes": ["digital-industries"]}


def _link(policy: str, relation: str, other: str) -> dict[str, str]:
    return {"key": f"{policy}-{relation}-{other}"[:120], "locator": "¶1", "policy": policy, "relation": relation,
            "other": other}
