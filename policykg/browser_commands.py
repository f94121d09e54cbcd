"""Commands for browser; filled in by the browser work."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
