"""What the root callback hands to every command: the connection settings, resolved once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property

import typer
from neo4j import Driver

from graph.connection import connect
from graph.settings import Settings, resolve_settings


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
def driver_of(ctx: typer.Context) -> Iterator[tuple[Driver, Settings]]:
    """A connected driver and its settings, closed when the command ends."""
    settings = settings_of(ctx)
    with connect(settings) as driver:
        yield driver, settings
