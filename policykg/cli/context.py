"""What the root callback hands to every command: the connection settings, resolved once.

The driver and settings modules are imported only when a command connects,
so `policykg --help` and the commands that need no server start fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from policykg.graph.connection import Graph
    from policykg.graph.settings import Settings


@dataclass
class State:
    overrides: dict[str, str | None] = field(default_factory=dict)

    @cached_property
    def settings(self) -> Settings:
        from policykg.graph.settings import resolve_settings

        return resolve_settings(**self.overrides)


def settings_of(ctx: typer.Context) -> Settings:
    from policykg.graph.settings import resolve_settings

    state = ctx.find_object(State)
    return state.settings if state else resolve_settings()


@contextmanager
def graph_of(ctx: typer.Context) -> Iterator[Graph]:
    """A connected graph (driver + database, no password), closed when the command ends."""
    from policykg.graph.connection import connect

    with connect(settings_of(ctx)) as graph:
        yield graph
