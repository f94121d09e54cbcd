"""What the root callback hands to every command: the connection settings, resolved once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property

import typer

from policykg.graph.connection import Graph, connect
from policykg.graph.settings import Settings, resolve_settings


@dataclass
class State:
    overrides: dict[str, str | None] = field(default_factory=dict)

    @cached_property
    def settings(self) -> Settings:
        return resolve_settings(**self.overrides)


def settings_of(ctx: typer.Context) -> Settings:
    state = ctx.find_object(State)
    return state.settings if state else resolve_settings()


@contextmanager
def graph_of(ctx: typer.Context) -> Iterator[Graph]:
    """A connected graph (driver + database, no password), closed when the command ends."""
    with connect(settings_of(ctx)) as graph:
        yield graph
