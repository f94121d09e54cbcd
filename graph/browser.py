"""Neo4j Browser integration: the commands Browser runs on connect (filled in by the Browser work)."""

from __future__ import annotations


def post_connect_cmd(http_port: int) -> str | None:
    """Browser's post-connect command for a local server on ``http_port``; None until the guide exists."""
    return None
