"""The review app: pages and a small JSON API, each a thin call into policykg.ingest.review.

No logic lives here: decisions, checks, suggestions and publishing are the
review package's; this module turns requests into its calls and its answers
(or its errors) into pages and JSON. Templates and the one script are package
data (policykg/web/templates, policykg/web/static); nothing is fetched from
elsewhere.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from policykg.errors import PolicyKGError, ReviewConflict, ReviewError, ValidationFailed
from policykg.ingest.review import publish as publishing
from policykg.ingest.review import session
from policykg.ingest.review.drafts import Drafts
from policykg.ingest.review.facts import DOCUMENT, SECTION_BY_NAME, apply_changes, coerce, field_specs
from policykg.ingest.review.suggest import suggest
from policykg.schema.reference import gazetteer, indicators
from policykg.web.security import Gate, GateMiddleware


@dataclass
class ReviewConfig:
    drafts: Drafts
    out_dir: Path
    reviewer: str
    ingest: bool = False
    #: Opens the graph for --ingest (a context manager); the app never sees the settings or a password.
    connect: Callable[[], AbstractContextManager[Any]] | None = None


#: What a card can be: the document's, or a fact of one of the sections.
CARDS = frozenset({DOCUMENT, *SECTION_BY_NAME})


class JSON(JSONResponse):
    """JSON whose dates (a document's published, say) are ISO text."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=str, separators=(",", ":")).encode("utf-8")


_ENV = Environment(loader=PackageLoader("policykg.web", "templates"), autoescape=select_autoescape(["html"]))


def _page(template: str, request: Request, **context: Any) -> HTMLResponse:
    gate: Gate = request.app.state.gate
    return HTMLResponse(_ENV.get_template(template).render(csrf=gate.csrf, **context))


def _error(exc: PolicyKGError) -> JSONResponse:
    if isinstance(exc, ReviewConflict):
        return JSON({"error": str(exc), "current": exc.current}, 409)
    if isinstance(exc, session.InvalidFact):
        return JSON({"error": str(exc), "problems": exc.problems}, 422)
    if isinstance(exc, ValidationFailed):
        return JSON({"error": str(exc), "problems_list": [str(p) for p in exc.problems]}, 422)
    return JSON({"error": str(exc)}, 404 if str(exc).startswith("no draft") else 400)


def _draft(request: Request) -> Path:
    return request.app.state.config.drafts.resolve(request.path_params["name"])


async def drafts_page(request: Request) -> Response:
    config: ReviewConfig = request.app.state.config
    return _page("drafts.html", request, drafts=config.drafts.list(), out_dir=config.out_dir)


async def drafts_json(request: Request) -> Response:
    drafts = request.app.state.config.drafts.list()
    return JSON([{"name": d.name, "title": d.title, "source": d.source, "decided": d.decided,
                          "total": d.total, "state": d.state} for d in drafts])


async def draft_page(request: Request) -> Response:
    config: ReviewConfig = request.app.state.config
    try:
        path = _draft(request)
        review = session.open_review(path, config.out_dir)
    except ReviewError as exc:
        return HTMLResponse(f"<h1>Not found</h1><p>{_escape(str(exc))}</p>", 404)
    specs = {name: field_specs(name) for name in (DOCUMENT, *SECTION_BY_NAME)}
    keys = {s: [f.fact.get("key") for f in review.facts if f.section == s and f.state != "rejected"]
            for s in SECTION_BY_NAME}
    own = [(f.fact.get("key"), f"{f.fact.get('name_zh', '')} · this draft") for f in review.facts
           if f.section == "indicators" and f.state != "rejected"]
    return _page("draft.html", request, review=review, name=request.path_params["name"], specs=specs,
                 choices_of=lambda section: keys.get(section, []), regions=_regions(), catalogue=own + _catalogue(),
                 reviewer=config.reviewer, ingest=config.ingest, out_dir=config.out_dir,
                 can_ingest=config.connect is not None)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _regions() -> list[tuple[str, str]]:
    return [(r.name_zh, f"{r.name_en} · {code}") for code, r in gazetteer().regions.items()]


def _catalogue() -> list[tuple[str, str]]:
    return [(e.key, f"{e.name_zh} · {e.name_en} · {e.unit or ''} · {e.kind or ''}"
             + (f" · {', '.join(e.aliases_zh)}" if e.aliases_zh else "")) for e in indicators().indicators.values()]


async def _body(request: Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError:
        raise ReviewError("the request body is not JSON") from None
    if not isinstance(data, dict):
        raise ReviewError("the request body is not a JSON object")
    return data


def api(handler: Callable[[Request, Path, dict[str, Any]], Any]) -> Callable[[Request], Any]:
    """A JSON endpoint on one draft: its errors become JSON answers with a status."""

    async def endpoint(request: Request) -> Response:
        try:
            path = _draft(request)
            body = await _body(request) if request.method == "POST" else {}
            answer = await asyncio.to_thread(handler, request, path, body)
        except PolicyKGError as exc:
            return _error(exc)
        return JSON(answer)

    return endpoint


def _reviewer(request: Request, body: dict[str, Any]) -> str:
    return str(body.get("by") or request.app.state.config.reviewer)


def facts_json(request: Request, path: Path, body: dict[str, Any]) -> Any:
    review = session.open_review(path, request.app.state.config.out_dir, with_source=False)
    return {"decided": review.decided, "total": len(review.facts),
            "facts": [{"id": f.id, "section": f.section, "state": f.state, "rev": f.rev, "by": f.by,
                       "text": f.text, "fact": f.fact, "problems": f.problems, "carried": f.carried}
                      for f in review.facts]}


def decide(request: Request, path: Path, body: dict[str, Any]) -> Any:
    state = str(body.get("state", ""))
    changes = None
    if state == "edited":
        section = str(body.get("id", "")).split("/", 1)[0]
        changes = coerce(section, body.get("values") or {}) if section in CARDS else {}
    return session.decide(path, str(body.get("id", "")), state, int(body.get("rev", 0)), _reviewer(request, body),
                          changes, request.app.state.config.out_dir)


def accept_rest(request: Request, path: Path, body: dict[str, Any]) -> Any:
    return session.accept_rest(path, str(body.get("section", "")), _reviewer(request, body),
                               request.app.state.config.out_dir)


def check(request: Request, path: Path, body: dict[str, Any]) -> Any:
    """As-you-type validation: the fact the form would save, and its problems by field."""
    section = str(body.get("section", ""))
    if section not in CARDS:
        raise ReviewError(f"no section {section!r}")
    review = session.open_review(path, request.app.state.config.out_dir, with_source=False, checked=False)
    fid = body.get("id")
    base = {}
    if fid:
        view = review.by_id(str(fid))
        base = view.drafted if view.drafted is not None else view.fact
    fact = apply_changes(base, coerce(section, body.get("values") or {}))
    if not fid:  # a new fact gets its key when it is added
        fact.setdefault("key", session.new_key(review, section))
    return {"problems": session.check_fact(review, section, fact, fid), "fact": fact}


def add(request: Request, path: Path, body: dict[str, Any]) -> Any:
    section = str(body.get("section", ""))
    if section not in SECTION_BY_NAME:
        raise ReviewError(f"no section {section!r}")
    fact = coerce(section, body.get("values") or {})
    return {"id": session.add_fact(path, section, fact, _reviewer(request, body), request.app.state.config.out_dir)}


def prefill(request: Request, path: Path, body: dict[str, Any]) -> Any:
    review = session.open_review(path, request.app.state.config.out_dir)  # with its source: the paragraph
    paragraph = body.get("paragraph")
    return {"fact": suggest(review, str(body.get("section", "")), str(body.get("text", "")),
                            int(paragraph) if paragraph else None)}


def publish(request: Request, path: Path, body: dict[str, Any]) -> Any:
    config: ReviewConfig = request.app.state.config
    review = session.open_review(path, config.out_dir)
    want_ingest = bool(body.get("ingest", config.ingest))
    if want_ingest and config.connect is None:
        raise ReviewError("this review was started without a graph to ingest into")
    if not want_ingest:
        done = publishing.publish(review, config.out_dir, _reviewer(request, body))
        return {"path": str(done.path), "ingested": False}
    with config.connect() as graph:
        done = publishing.publish(review, config.out_dir, _reviewer(request, body), graph=graph)
    report = done.report
    return {"path": str(done.path), "ingested": True, "summary": report.summary(),
            "changes": [{k: str(v) for k, v in change.items()} for change in report.changes[:200]],
            "changes_total": report.changes_total, "conflicts": report.conflicts}


def create_app(config: ReviewConfig, gate: Gate) -> Starlette:
    routes = [
        Route("/", drafts_page),
        Route("/api/drafts", drafts_json),
        Route("/draft/{name:path}", draft_page),
        Route("/api/facts/{name:path}", api(facts_json)),
        Route("/api/decide/{name:path}", api(decide), methods=["POST"]),
        Route("/api/accept-rest/{name:path}", api(accept_rest), methods=["POST"]),
        Route("/api/check/{name:path}", api(check), methods=["POST"]),
        Route("/api/add/{name:path}", api(add), methods=["POST"]),
        Route("/api/prefill/{name:path}", api(prefill), methods=["POST"]),
        Route("/api/publish/{name:path}", api(publish), methods=["POST"]),
        Mount("/static", StaticFiles(packages=[("policykg.web", "static")]), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.config = config
    app.state.gate = gate
    app.add_middleware(GateMiddleware, gate=gate)
    return app
