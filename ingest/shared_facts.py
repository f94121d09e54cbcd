"""Facts that several documents state: what changed, and where documents disagree.

A key is an identity across documents, so two records may state the same
indicator or policy. Each statement lives on its own SOURCED_FROM
relationship and the node shows, field by field, the value of the
latest-published document that gives one (statements.RECOMPUTE_FACTS). This
module writes a group of documents (or retracts one) inside one transaction
and reads the facts it touches before (and, when they are disputed or lose a
statement, after), so that a run's changes describe the
graph (a fact is removed only when no document states it any more, changed
only when its values change) and a disagreement between documents is
reported instead of being settled silently.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from neo4j import ManagedTransaction

from policykg.graph.values import as_text
from policykg.ingest import statements as cypher
from policykg.ingest.validate import ValidDocument
from policykg.ingest.writer import (
    Batch,
    Keys,
    LinkKey,
    Retraction,
    Staged,
    batch_keys,
    build_batch,
    document_links,
    key_params,
    recompute_facts,
    retract_documents,
    retract_statements,
    stated_keys_by_document,
    union_keys,
    write_documents,
)
from policykg.schema.sections import DISPUTED_FIELD, FACT_LABELS, PROVENANCE_FIELDS, STATED_RELS
from policykg.schema.vocabulary import Label

FactKey = tuple[str, str]  # (label, key)


@dataclass(frozen=True)
class Statement:
    """One document's statement of a fact: the document, its publication date (ISO) and what it states (plain)."""

    doc: str
    published: str
    stated: dict[str, Any]


@dataclass(frozen=True)
class FactState:
    """One fact node as a run sees it: its values and every document's statement of it."""

    values: dict[str, Any]
    statements: dict[str, dict[str, Any]]  # document id -> what it states (values and provenance)
    sources: dict[str, Statement]  # document id -> its statement's values, with its publication date
    disputed: tuple[str, ...] = ()  # fields on which its documents disagree

    def stated(self, doc_id: str) -> dict[str, Any] | None:
        return self.statements.get(doc_id)


States = dict[FactKey, FactState]
#: Documents written in one transaction, each with its rows and whether it replaces a stored version.
Group = list[Staged]


@dataclass
class Outcome:
    counts: Counter[str]
    changes: list[dict[str, Any]]
    conflicts: list[str]


@dataclass(frozen=True)
class Revision:
    """A changed document's rows that differ from what it said before, and what it no longer says."""

    rows: Batch
    gone: Retraction


def replace_documents(tx: ManagedTransaction, group: Group, stated_before: dict[str, Keys] | None = None) -> Outcome:
    """Write new documents and retract and rewrite changed ones, together; say what that did to the graph.

    Every statement covers the whole group (one round trip per label and
    relationship type). The facts' node values are read before the writes.
    A fact whose statements all agree, the group's included, needs nothing
    more: its node keeps its values plus the fields the group adds, and no
    other document can disagree with the group. Only facts that are disputed,
    that the group gives another value, or that a changed document stops
    stating or says less about, are recomputed from all their statements and
    read again after the writes, with the other documents' statements that
    disagree. So a group costs what it states, however many documents state
    the same indicator.
    ``stated_before``: what the group's stored documents state, when the caller read it already.
    """
    replaced = [item.id for item in group if item.replaces]
    if stated_before is None:
        stated_before = stated_keys_by_document(tx, replaced) if replaced else {}
    stated_earlier = union_keys(*(stated_before.get(doc, {}) for doc in replaced))
    #: Each document's facts, before and after: what its diff and conflicts are about.
    touched = {item.id: union_keys(batch_keys(item.batch), stated_before.get(item.id, {}) if item.replaces else {})
               for item in group}
    before = fact_states(tx, union_keys(*touched.values()), replaced, others=False)  # new documents state nothing yet
    statements = _statements_of(group)
    recompute = (_fact_keys(stated_earlier) - statements.keys()) | {
        fk for fk, stated in statements.items() if _disagree(before.get(fk), stated)}
    counts: Counter[str] = Counter()
    staged = group
    if replaced:  # a changed document writes only what it says differently, and takes back what it no longer says
        links_before = document_links(tx, replaced)
        revisions = {item.id: _what_changed(item.id, item.batch, before, links_before[item.id])
                     for item in group if item.replaces}
        staged = [replace(item, batch=revisions[item.id].rows) if item.replaces else item for item in group]
        gone = Retraction()
        for revision in revisions.values():
            gone.extend(revision.gone)
        counts.update(retract_statements(tx, gone, replaced))
    counts.update(write_documents(tx, staged, _as_keys(recompute)))
    restating = [doc for doc, keys in touched.items() if _fact_keys(keys) & recompute]
    after = fact_states(tx, _as_keys(recompute), restating, others=True) | {
        fk: _agreed_state(fk, before.get(fk), stated) for fk, stated in statements.items() if fk not in recompute}
    return _reported(counts, group, touched, (before, after), recompute)


def _reported(counts: Counter[str], group: Group, touched: dict[str, Keys], states: tuple[States, States],
              recompute: set[FactKey]) -> Outcome:
    """Each document's changes and conflicts; a fact two documents of the group state is reported once, under the first."""
    before, after = states
    changes: list[dict[str, Any]] = []
    conflicts: list[str] = []
    reported: set[FactKey] = set()
    for index, item in enumerate(group):
        own = _fact_keys(touched[item.id]) - reported
        reported |= own
        changes += diff_states(item.id, _only(before, own), _only(after, own))
        conflicts += conflicts_of(item.id, _only(after, own & recompute), skip={earlier.id for earlier in group[:index]})
    return Outcome(counts, changes, conflicts)


def _what_changed(doc_id: str, batch: Batch, before: States, links_before: set[LinkKey]) -> Revision:
    """The rows of a changed document that differ from what it said, and what it no longer says.

    A document edited in one figure rewrites that figure, not its hundred
    facts and links: the rest of what it says is already in the graph, with
    the same values and the same provenance.
    """
    changed, gone = Batch(doc_id), Retraction()
    stated: set[FactKey] = set()
    for label, rows in batch.facts.items():
        for row in rows:
            fact = (label.value, row["key"])
            stated.add(fact)
            before_state = before.get(fact)
            if before_state is None or before_state.stated(doc_id) != _plain(row["props"] | row["source"]):
                changed.facts.setdefault(label, []).append(row)
    for (label, key), state in before.items():
        if (label, key) not in stated and doc_id in state.statements:
            gone.facts.setdefault(Label(label), []).append({"doc": doc_id, "key": key})
    links_now: set[LinkKey] = set()
    for statement, rows in batch.links.items():
        for row in rows:
            link = (statement, row["start"], row["end"])
            links_now.add(link)
            if link not in links_before or statement[0] in STATED_RELS:  # a stated link's quote may have changed
                changed.links.setdefault(statement, []).append(row)
    for statement, start, end in sorted(links_before - links_now, key=str):
        gone.links.setdefault(statement, []).append({"doc": doc_id, "start": start, "end": end})
    return Revision(changed, gone)


def _fact_keys(keys: Keys) -> set[FactKey]:
    return {(label.value, key) for label, names in keys.items() for key in names}


def _as_keys(facts: Iterable[FactKey]) -> Keys:
    out: Keys = {}
    for label, key in facts:
        out.setdefault(Label(label), set()).add(key)
    return out


def _statements_of(group: Group) -> dict[FactKey, list[Statement]]:
    """Each fact the group states, with each document's statement of it, as its row gives it."""
    found: dict[FactKey, list[Statement]] = {}
    for item in group:
        published = _date_text(item.document.record.document.published)
        for label, rows in item.batch.facts.items():
            for row in rows:
                found.setdefault((label.value, row["key"]), []).append(
                    Statement(item.id, published, _plain(row["props"] | row["source"])))
    return found


def _disagree(before: FactState | None, statements: list[Statement]) -> bool:
    """Whether the fact must be recomputed from all its statements after the group's writes.

    It must when it is disputed, when the group gives a value that differs
    from the node's or from another of the group's, or when a changed document
    gave a field before that the group no longer gives (another document may
    or may not give it). Otherwise every statement agrees: an undisputed
    node's value for a field is the value of every statement that gives it,
    so comparing with the node is comparing with all of them.
    """
    if before is None:
        known: dict[str, Any] = {}
    elif before.disputed:
        return True
    else:
        known = {k: v for k, v in before.values.items() if k != "key"}
    fields_given: set[str] = set()
    for statement in statements:
        for name, value in _values(statement.stated).items():
            fields_given.add(name)
            if known.setdefault(name, value) != value:
                return True
    retracted = before.statements.values() if before else ()  # the changed documents' statements before
    return any(not _values(stated).keys() <= fields_given for stated in retracted)


def _agreed_state(fact: FactKey, before: FactState | None, statements: list[Statement]) -> FactState:
    """The state after the writes of a fact whose statements all agree: what the node had, plus what the group gives."""
    values = dict(before.values) if before else {"key": fact[1]}
    sources: dict[str, Statement] = {}
    for statement in statements:
        sources[statement.doc] = Statement(statement.doc, statement.published, _values(statement.stated))
        values |= sources[statement.doc].stated
    return FactState(values, {statement.doc: statement.stated for statement in statements}, sources)


def remove_document(tx: ManagedTransaction, doc_id: str, keys: Keys) -> Outcome:
    """Retract a document whose file is gone; facts other documents state stay, recomputed.

    ``keys``: the facts the document states, read once by the caller (the summary needs them too).
    """
    before = fact_states(tx, keys, [doc_id], others=False)
    counts = retract_documents(tx, [doc_id], keys)
    return Outcome(counts, diff_states(doc_id, before, fact_states(tx, keys, [], others=False)), [])


def mark_disputes(tx: ManagedTransaction) -> Counter[str]:
    """Recompute every fact several documents state, which also marks their disputed fields.

    A graph an older version wrote has no marks, and a missing mark reads as
    "every statement agrees": a new document would then not hear that an
    older one disagrees. The pipeline runs this once on such a graph.
    """
    keys = {Label(row["label"]): set(row["keys"]) for row in tx.run(cypher.SHARED_FACT_KEYS)}
    counts: Counter[str] = Counter()
    recompute_facts(tx, counts, keys)
    return counts


def fact_states(tx: ManagedTransaction, keys: Keys, docs: list[str], others: bool) -> States:
    """The facts as ``docs`` see them: values, their own statements and (``others``) the statements that disagree.

    Each part is read where it is cheap: node values by key, the statements
    from the documents' side, and the disagreeing statements only of disputed facts.
    """
    if not any(keys.values()):
        return {}
    params = key_params(keys)
    states: States = {}
    for row in tx.run(cypher.FACT_VALUES, **params):
        props = _plain(row["props"])
        disputed = tuple(props.pop(DISPUTED_FIELD, ()))
        states[(row["label"], row["key"])] = FactState(props, {}, {}, disputed)
    listed = sorted({key for names in keys.values() for key in names})
    rows = list(tx.run(cypher.DOC_STATEMENTS, docs=docs, keys=listed)) if docs else []
    if others:
        rows += list(tx.run(cypher.DISAGREEING, docs=docs, **params))
    for row in rows:
        state = states.get((row["label"], row["key"]))
        if state is not None:
            stated = _plain(row["stated"])
            state.statements[row["doc"]] = stated
            state.sources[row["doc"]] = Statement(row["doc"], as_text(row["published"]) or "", _values(stated))
    return states


def _only(states: States, keys: set[FactKey]) -> States:
    return {k: states[k] for k in keys if k in states}  # a document's few keys, not the group's many states


def diff_states(doc_id: str, before: States, after: States) -> list[dict[str, Any]]:
    """Added, removed and changed facts of the graph (values old → new) that writing ``doc_id`` caused.

    A fact counts as removed only when its node is gone, i.e. no document
    states it any more. Values are compared on the node; the document's own
    locator, quote and extracted flag only when it states the fact before and after.
    """
    order = {label.value: i for i, label in enumerate(FACT_LABELS)}
    changes: list[dict[str, Any]] = []
    for label, key in sorted(before.keys() | after.keys(), key=lambda k: (order.get(k[0], 99), k[1])):
        old, new = before.get((label, key)), after.get((label, key))
        base = {"label": label, "key": key, "name": _name((new or old).values), "document": doc_id}  # type: ignore[union-attr]
        if old is None:
            changes.append({"change": "added", **base})
        elif new is None:
            changes.append({"change": "removed", **base})
        else:
            a, b = dict(old.values), dict(new.values)
            old_stated, new_stated = old.stated(doc_id), new.stated(doc_id)
            if old_stated is not None and new_stated is not None:
                a |= {k: v for k, v in old_stated.items() if k in PROVENANCE_FIELDS}
                b |= {k: v for k, v in new_stated.items() if k in PROVENANCE_FIELDS}
            for name in sorted((a.keys() | b.keys()) - {"key"}):
                if a.get(name) != b.get(name):
                    changes.append({"change": "changed", **base, "field": name, "old": a.get(name), "new": b.get(name)})
    return changes


def conflicts_of(doc_id: str, states: States, skip: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Where ``doc_id`` gives a fact a different value than another document does, naming both and the winner.

    ``skip``: documents whose disagreements were reported already (earlier in the same group).
    """
    found: list[str] = []
    for (label, key), state in sorted(states.items()):
        if doc_id not in state.sources:
            continue
        own = state.sources[doc_id]
        for other, theirs in sorted(state.sources.items()):
            if other != doc_id and other not in skip:
                found.extend(_disagreements(label, key, own, theirs))
    return found


def validation_conflicts(documents: Iterable[ValidDocument]) -> list[str]:
    """The same check across record files, before anything is written (for `policykg validate`)."""
    stated: dict[FactKey, list[Statement]] = {}
    for document in documents:
        published = _date_text(document.record.document.published)
        for label, rows in build_batch(document).facts.items():
            for row in rows:
                stated.setdefault((label.value, row["key"]), []).append(
                    Statement(document.id, published, _plain(row["props"])))
    found: list[str] = []
    for (label, key), statements in sorted(stated.items()):
        for i, first in enumerate(statements):
            for second in statements[i + 1:]:
                found.extend(_disagreements(label, key, first, second))
    return found


def _date_text(day: dt.date | None) -> str:
    """A document's date as ISO text; '' when it has none, so an undated document counts as the oldest."""
    return day.isoformat() if day is not None else ""


def _disagreements(label: str, key: str, a: Statement, b: Statement) -> list[str]:
    winner = max((a.published, a.doc), (b.published, b.doc))[1]
    return [f"{label} {key}: {name} is {a.stated[name]!r} in {a.doc} but {b.stated[name]!r} in {b.doc}; "
            f"the graph shows {winner}'s (published later)"
            for name in sorted(a.stated.keys() & b.stated.keys()) if a.stated[name] != b.stated[name]]


def _values(stated: dict[str, Any]) -> dict[str, Any]:
    """A statement's values without its provenance; ``stated`` is plain already (``_plain``)."""
    return {k: v for k, v in stated.items() if k not in PROVENANCE_FIELDS}


def _plain(props: dict[str, Any]) -> dict[str, Any]:
    """A statement's or a node's values as compared: dates as ISO text (``as_text``), no empty fields."""
    return {k: as_text(v) for k, v in props.items() if v is not None}


def _name(props: dict[str, Any]) -> str:
    return str(props.get("name_zh") or props.get("title_zh") or props.get("name_en") or props.get("key"))
