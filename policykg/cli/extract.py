"""`policykg extract`: Chinese policy text in, draft records (and scorer predictions) out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policykg.errors import PolicyKGError

DEFAULT_OUT = Path("data/drafts")


def extract(
    texts: Annotated[list[Path] | None, typer.Argument(help="UTF-8 text files, one document each.")] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for the draft records.")] = DEFAULT_OUT,
    predictions: Annotated[Path | None, typer.Option(help="Also write the scorer's prediction file here.")] = None,
    title: Annotated[str | None, typer.Option(help="Document title (else front matter, else guessed).")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher, in Chinese.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    url: Annotated[str | None, typer.Option(help="Source address.")] = None,
    meta: Annotated[Path | None, typer.Option(help="YAML: file name → title/publisher/published/url.")] = None,
    catalogue: Annotated[Path | None, typer.Option(help="Indicator catalogue YAML to map indicators to "
                                                        "(default: the project's, `policykg schema indicators`).")]
    = None,
    score: Annotated[Path | None, typer.Option(help="Extract a scored corpus folder and print score.py's numbers.")] = None,
) -> None:
    """Draft one record per text: figures, targets, 《》 policies, regions, each with locator and quote.

    Drafts carry `draft: true`; `policykg validate` accepts them, `policykg ingest` refuses them until a
    reviewer has checked the facts and removed the flag (see README, "From text to graph")."""
    from policykg.ingest.extract.run import extract_files, load_catalogue, score_corpus

    entries = load_catalogue(catalogue)
    if score is not None:
        typer.echo(score_corpus(score, meta, entries))
        return
    if not texts:
        raise PolicyKGError("give one or more text files (or --score CORPUS)")
    overrides = {"title": title, "publisher": publisher, "published": published, "url": url}
    if len(texts) > 1 and (title or url):
        raise PolicyKGError("--title and --url describe one text; give one file, or use --meta / front matter")
    written = extract_files(texts, out, predictions, overrides, meta, entries)
    for w in written:
        typer.echo(f"{w.draft}: {w.figures} figures, {w.targets} targets, {w.policies} policies, "
                   f"{w.regions} regions (draft: review, then remove `draft: true`)")


def register(app: typer.Typer) -> None:
    app.command()(extract)
