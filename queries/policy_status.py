"""Which policies a question counts: the ``status`` parameter and the line an answer ends with.

A question about regions, targets, measures or projects would otherwise
answer with plans their successors replaced as if they still held (Graphiti's
users report old facts returned as current unless the query filters them).
The status itself is computed in Cypher, by one block of text that every
query counting policies carries unchanged (``// policy status: begin`` …
``end``; tests/test_status_filter.py holds them equal), as of this year:

* ``current`` (the default): in force, or expired with no successor yet; an
  expired plan is still its region's latest word (every 十四五 plan ended in
  2025, and most of their successors are not in the corpus yet);
* ``in-force``: strictly in force this year (expired ones left out too);
* ``any``: every policy (the Cypher receives null).

Superseded and not-yet-in-force policies are left out by both filters. A
fact that belongs to no policy (a reported figure, a measure without one) is
always counted; a fact that several policies state counts when one of them does.
"""

from __future__ import annotations

from policykg.errors import QueryError

CURRENT, IN_FORCE = "current", "in-force"
#: The values a ``status`` parameter takes besides ``any`` (all policies, sent as null).
STATUSES = (CURRENT, IN_FORCE)
#: The name a query gives the parameter (``// param: status: status = current``).
PARAMETER = "status"

#: One line each, within 80 columns; docs/graph-model.md says the rest (expired plans without a successor count).
_NOTES = {
    CURRENT: "Counting current policies (not superseded); {flag}any for all.",
    IN_FORCE: "Counting policies in force this year (not expired); {flag}any for all.",
}


def parse(raw: str) -> str:
    """``current`` or ``in-force`` (any case, ``in_force`` too); QueryError naming the three values."""
    value = raw.strip().lower().replace("_", "-")
    if value not in STATUSES:
        raise QueryError(f"expected current, in-force or any, got {raw!r}")
    return value


def counting_note(status: str | None, flag: str = "--param status=") -> str | None:
    """The line that ends an answer filtered by ``status`` (None: ``any``, nothing left out).

    ``flag`` is how the command that printed the answer takes the value
    (``--param status=`` for `query run`, ``--status `` for `analyze`).
    """
    return None if status is None else _NOTES[status].format(flag=flag)
