"""Cypher text built from the vocabulary: the one place where Label and Rel members become Cypher names.

Labels and relationship types cannot be Cypher parameters, so a generated
statement has to spell them out; every builder here takes only members of
the ``Label``/``Rel`` enums (checked, so a stray string cannot reach the
text) and leaves every value to a ``$parameter``. The writer's statements
(ingest/statements.py), the summary (ingest/summary.py) and the export
(graph/export.py) build their Cypher from these pieces.
"""

from __future__ import annotations

from collections.abc import Iterable

from policykg.schema.vocabulary import NATURAL_KEYS, Label, Rel


def label(member: Label) -> str:
    """The Cypher name of a label; TypeError for anything that is not a Label."""
    if not isinstance(member, Label):
        raise TypeError(f"{member!r} is not a schema Label")
    return member.value


def rel(member: Rel) -> str:
    """The Cypher name of a relationship type; TypeError for anything that is not a Rel."""
    if not isinstance(member, Rel):
        raise TypeError(f"{member!r} is not a schema Rel")
    return member.value


def rel_types(members: Iterable[Rel]) -> str:
    """Several relationship types as one pattern alternative (``APPLIES_TO|LOCATED_IN``), sorted."""
    return "|".join(sorted(rel(member) for member in members))


def key_of(member: Label) -> str:
    """The natural-key property of a label (``schema/constraints.cypher`` makes it unique)."""
    return NATURAL_KEYS[member]


def node(var: str, member: Label, key_expr: str | None = None) -> str:
    """A node pattern body: ``n:Policy`` or, keyed, ``n:Policy {key: row.key}`` (``key_expr`` is an expression)."""
    text = f"{var}:{label(member)}"
    return text if key_expr is None else f"{text} {{{key_of(member)}: {key_expr}}}"


def has_any_label(var: str, members: Iterable[Label]) -> str:
    """A predicate true for a node with any of the labels: ``f:Policy OR f:Measure``."""
    return " OR ".join(f"{var}:{label(member)}" for member in members)


def nodes_by_key(members: Iterable[Label], var: str = "n") -> str:
    """A subquery yielding the nodes whose keys are in ``$<Label>``: one list parameter per label."""
    branches = [f"UNWIND ${label(member)} AS k MATCH ({node(var, member, 'k')}) RETURN {var}" for member in members]
    return "CALL () { " + " UNION ALL ".join(branches) + " } "
