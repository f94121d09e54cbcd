"""Pydantic models of the record format: one YAML file per source document.

The models are strict (no silent coercion of "60" into 60) and forbid unknown
fields, so a typo in a record is an error instead of a dropped fact. They
check each record on its own; checks that need the whole document (keys
defined once, references resolve) or the reference data (region names,
theme ids) live in ``ingest.validate`` where they can be located in the file.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator


def _date_to_text(value: object) -> object:
    """YAML reads 2021-07-15 as a date; a partial date stays text. Keep both as text."""
    return value.isoformat() if isinstance(value, dt.date) else value


Key = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=120),
    Field(description="Stable identifier: lower-case letters, digits, '.', '_' or '-'."),
]
RegionRef = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200),
    Field(description="A region's GB/T 2260 code, Chinese name, short name, English name or alias."),
]
ThemeId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$"),
    Field(description="Id of a theme in schema/reference_data/themes.yaml."),
]
IndicatorRef = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200),
    Field(description="Key of an indicator in this document's `indicators:`, or the key, Chinese name or "
          "alias of an indicator in the catalogue (schema/reference_data/indicators.yaml)."),
]
IndicatorKind = Literal["level", "share", "count", "growth", "rank"]
Locator = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200),
    Field(description="Where the source states the fact: section, paragraph or page, e.g. '¶5'."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Year = Annotated[int, Field(ge=1949, le=2100)]
#: Neo4j stores integers as int64; a larger one would crash the driver mid-write.
INT64_MAX = 2**63 - 1
Count = Annotated[int, Field(ge=0, le=INT64_MAX)]
#: inf and nan are not figures, and JSON output cannot carry them.
Number = Annotated[float, Field(allow_inf_nan=False)]
PartialDate = Annotated[
    str,
    BeforeValidator(_date_to_text),
    StringConstraints(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"),
    Field(description="YYYY, YYYY-MM or YYYY-MM-DD."),
]
Comparator = Literal["≈", "≥", ">", "≤", "<", "="]
PolicyKind = Literal[
    "plan",
    "action_plan",
    "implementation_plan",
    "opinion",
    "programme",
    "strategy",
    "support_scheme",
    "report",
    "speech",
    "regulation",
    "standard",
]
Language = Literal["zh", "en"]
TargetChange = Literal["increase", "multiple", "annual_growth"]
PolicyRelation = Literal["implements", "supersedes", "amends"]


class Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Fact(Record):
    """Anything a document states: keyed so that other documents can state it too.

    ``locator``, ``quote`` and ``extracted`` describe one document's statement
    of the fact, so the writer puts them on its SOURCED_FROM relationship, not
    on the (possibly shared) fact node.
    """

    key: Key
    locator: Locator
    quote: Text | None = Field(None, description="The shortest exact passage of the source that states the fact.")
    extracted: bool = Field(False, description="Drafted by `policykg extract` and not yet reviewed by a person.")


class DocumentMeta(Record):
    id: Key
    title_zh: Text | None = None
    title_en: Text | None = Field(None, description="English title; readers fall back to the Chinese one.")
    publisher_zh: Text | None = None
    publisher_en: Text | None = None
    published: dt.date | None = Field(None, description="The day the document was made public. A draft whose "
                                      "text gives no date leaves it out and says so; the reviewer supplies it.")
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    language: Language
    publisher: Key | None = Field(None, description="Key of the organization in this document that published it.")
    summary_en: Text | None = None
    draft: bool = Field(False, description="An unreviewed draft from `policykg extract`: validates, but ingest "
                        "refuses it until a reviewer removes this flag.")
    guessed: list[Literal["title_zh", "title_en", "publisher_zh", "published", "url"]] = Field(
        [], description="Metadata fields the extractor guessed from the text; a reviewer checks them.")
    # -- review (policykg review, ingest/review/) --
    source_path: Text | None = Field(None, description="The text file the record was extracted from.")
    source_sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = Field(
        None, description="SHA-256 of that text file's bytes, to tell when the source changed.")
    reviewed_by: Text | None = Field(None, description="Who reviewed the draft's facts (policykg review).")
    reviewed_on: dt.date | None = Field(None, description="When the review was published.")

    @model_validator(mode="after")
    def _titled(self) -> DocumentMeta:
        # a document is listed and cited by its title: one of the two languages must give it
        if self.title_zh is None and self.title_en is None:
            raise ValueError("give title_zh or title_en")
        return self


class Organization(Fact):
    name_zh: Text
    name_en: Text | None = None
    region: RegionRef | None = None


class Indicator(Fact):
    """An indicator only this document uses; shared ones come from the catalogue and are not redefined."""

    name_zh: Text
    name_en: Text | None = None
    unit: Text | None = None
    kind: IndicatorKind | None = Field(None, description="level, share (in per cent; give share_of), count, "
                                       "growth or rank.")
    share_of: Text | None = Field(None, description="For a share: the total it is a share of.")


class Policy(Fact):
    title_zh: Text
    title_en: Text | None = None
    kind: PolicyKind
    region: RegionRef
    issued_by: Key | None = Field(None, description="Key of an organization in this document.")
    issued: PartialDate | None = None
    period_start: Year | None = None
    period_end: Year | None = None
    section_count: Count | None = Field(None, description="Number of points or chapters.")
    measure_count: Count | None = Field(None, description="Number of concrete measures listed.")
    summary_en: Text | None = None
    themes: list[ThemeId] = []


class Target(Fact):
    name_zh: Text
    name_en: Text | None = None
    policy: Key = Field(description="Key of the policy in this document that sets the target.")
    region: RegionRef | None = Field(None, description="Defaults to the policy's region.")
    indicator: IndicatorRef | None = None
    comparator: Comparator | None = None
    value: Number | None = None
    unit: Text | None = None
    value_text: Text | None = Field(None, description="The target as the source words it, when not a number.")
    deadline: Year | None = None
    binding: bool | None = Field(None, description="The indicator table's 属性: true for 约束性 (binding), false "
                                 "for 预期性 (expected); none when the source does not say.")
    baseline_year: Year | None = Field(None, description="The year the source states a starting figure for "
                                       "(比2020年…), or the year a change is measured from.")
    baseline_value: Number | None = Field(None, description="The starting figure in unit (the indicator's unit "
                                          "for a change), when the source states it.")
    change: TargetChange | None = Field(
        None, description="When set, value and unit are the change itself, not the level reached: increase "
        "(比2020年提高3个百分点: value 3, unit 个百分点), multiple (翻一番: value 2, unit 倍) or annual_growth "
        "(年均增长10%: value 10, unit %).")
    themes: list[ThemeId] = []


class Project(Fact):
    name_zh: Text
    name_en: Text | None = None
    kind: Text
    region: RegionRef
    policy: Key | None = None
    count: Count | None = None
    year: Year | None = None
    themes: list[ThemeId] = []


class Observation(Fact):
    region: RegionRef
    indicator: IndicatorRef
    comparator: Comparator | None = Field(None, description="When the source qualifies the figure: 超过 >, "
                                          "近/约/左右 ≈; none for a plain figure.")
    value: Number | None = Field(None, description="The figure in unit (a share in per cent); None when only a "
                                 "change is reported or the figure is a word.")
    unit: Text | None = None
    value_text: Text | None = Field(None, description="The figure as the source words it, when it is a word or "
                                    "category rather than a number.")
    period: Text = Field(description="The period the figure covers, e.g. '2020' or '2021-Q1..Q3'.")
    year: Year
    yoy_change_pct: Number | None = Field(None, description="Year-on-year change in per cent.")
    share_pct: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] | None = Field(
        None, description="Share of a total, per cent, for a total with no share indicator of its own.")
    share_of: Text | None = Field(None, description="The total that share_pct is a share of.")
    note_en: Text | None = None


MeasureStatus = Literal["adopted", "planned", "directed", "recommended", "reported"]


class Measure(Fact):
    name_zh: Text
    name_en: Text | None = None
    region: RegionRef | None = None
    policy: Key | None = None
    status: MeasureStatus | None = Field(
        None, description="adopted: in force; planned: announced or proposed; directed: a leader's direction or "
        "instruction, not yet a measure; recommended: an author's advice, not policy; reported: what the source "
        "says another economy does.")
    description_en: Text | None = None
    themes: list[ThemeId] = []


class PolicyLink(Fact):
    """A document's statement that one policy implements, supersedes or amends another.

    ``policy`` is usually this record's own policy and ``other`` the policy it
    cites, restated in this record's ``policies:`` under its shared key (see
    schema/reference_data/national_policies.yaml), so that every document that
    implements the national plan links to the same node.
    """

    policy: Key = Field(description="Key of the policy in this document that implements, supersedes or amends.")
    relation: PolicyRelation = Field(description="implements (为贯彻落实《X》), supersedes (《X》同时废止, 代替) "
                                     "or amends (修订).")
    other: Key = Field(description="Key of the policy in this document's `policies:` that is implemented, "
                       "superseded or amended.")
