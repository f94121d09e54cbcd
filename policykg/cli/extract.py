"""`policykg extract`: Chinese policy text in, draft records (and scorer predictions) out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policykg.errors import PolicyKGError, ValidationFailed

DEFAULT_OUT = Path("data/drafts")


def extract(
    texts: Annotated[list[Path] | None, typer.Argument(
        help="Documents (.txt in any Chinese encoding, .html, .pdf, .docx) or folders of them.")] = None,
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
    force: Annotated[bool, typer.Option("--force", help="Redraft sources whose draft is up to date.")] = False,
    watch_: Annotated[bool, typer.Option("--watch", help="Extract again on a schedule until interrupted "
                                                         "(an inbox: each new file becomes a draft).")] = False,
    interval: Annotated[str, typer.Option(metavar="EVERY", help="Time between --watch runs: 30s, 10m, 1h.")] = "10m",
    runs: Annotated[int | None, typer.Option(help="Stop --watch after this many runs.", hidden=True)] = None,
) -> None:
    """Draft one record per text: figures, targets, 《》 policies, regions, each with locator and quote.

    Drafts carry `draft: true`; `policykg validate` accepts them, `policykg ingest` refuses them until a
    reviewer has checked the facts and removed the flag (see README, "From text to graph")."""
    from policykg.ingest.extract.run import extract_paths, load_catalogue, score_corpus

    entries = load_catalogue(catalogue)
    if score is not None:
        typer.echo(score_corpus(score, meta, entries))
        return
    if not texts:
        raise PolicyKGError("give one or more text files (or --score CORPUS)")
    overrides = {"title": title, "publisher": publisher, "published": published, "url": url}
    if (title or url) and (len(texts) > 1 or texts[0].is_dir()):
        raise PolicyKGError("--title and --url describe one text; give one file, or use --meta / front matter")

    def once():
        return _report(extract_paths(texts, out, predictions, overrides, meta, entries, skip=not force))

    if not watch_:
        outcome = once()
        if outcome.problems:  # reported after the others are drafted; exit 1
            raise ValidationFailed(outcome.problems)
        return
    from policykg.ingest.extract.inbox import watch
    from policykg.ingest.watch import parse_interval

    watch(lambda: _summary(once()), parse_interval(interval), runs, log=typer.echo)


def _report(outcome):
    """One line per draft written (and per new version beside a reviewed one) and per source skipped."""
    for w in outcome.written:
        typer.echo(f"{w.draft}: {w.figures} figures, {w.targets} targets, {w.policies} policies, "
                   f"{w.regions} regions (draft: review, then remove `draft: true`)")
        if w.beside is not None:
            typer.echo(f"{w.draft}: a new version, written beside {w.beside}, which a reviewer has begun "
                       "(that one is left as it is)")
    for source, draft in outcome.skipped:
        typer.echo(f"{source}: up to date ({draft}), skipped")
    return outcome


def _summary(outcome) -> str:
    """A --watch run: its problems as `Error:` lines on stderr (the watcher goes on), and one summary line."""
    for problem in outcome.problems:
        typer.echo(f"Error: {problem}", err=True)
    return f"{len(outcome.written)} drafted, {len(outcome.skipped)} up to date, {len(outcome.problems)} unreadable"


def register(app: typer.Typer) -> None:
    app.command()(extract)
