"""Neo4j Browser integration: a style for every label and a guide of the canned questions.

Browser can only apply a style or open a guide by URL (``:style <url>``,
``:play <url>``) from hosts in its remote-content allow-list, which includes
``localhost``. So both files are served by the Neo4j server itself, under
``/browser/policykg/`` — same origin as Browser, no internet, no second
process:

* a local server (``policykg server start``, the test server) gets a copy of
  the Browser web app with the two files added, written to ``<home>/web/
  neo4j-browser.zip``. Neo4j 5.26 serves the newest ``neo4j-browser*.zip`` in
  ``<NEO4J_HOME>/web`` (setting ``internal.dbms.web_dir_path``) instead of the
  jar on the class path, unpacking it at start; the zip's first entry names the
  directory that becomes ``/browser``.
* docker-compose cannot rebuild the image's Browser, so a small static service
  (``browser-assets``) serves the same two files, committed under
  ``graph/browser_assets/`` and kept equal to what this module generates by a test.

``browser.post_connect_cmd`` then runs ``:style <url>`` and ``:play <url>`` on
every connect. The guide is generated from ``queries/`` so that it can never
describe a question the CLI no longer asks.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policykg.schema.vocabulary import Label

from policykg.errors import PolicyKGError

if TYPE_CHECKING:
    from policykg.queries.loader import NamedQuery

ASSET_DIR = Path(__file__).resolve().parent / "browser_assets"  # the committed copies (docker-compose serves these)
MOUNT = "policykg"  # served at /browser/policykg/ by a local server
STYLE_FILE = "policykg.grass"
GUIDE_FILE = "guide.html"
WEB_ZIP = "neo4j-browser.zip"  # matches the server's pattern neo4j-browser*.zip
DOCKER_ASSET_PORT = 7475  # docker-compose's browser-assets service on the host


class BrowserError(PolicyKGError):
    """The Browser bundle could not be built."""


# -- style ------------------------------------------------------------------


@dataclass(frozen=True)
class NodeStyle:
    caption: str  # a GraSS template: {property} replaced by its value; no ':' or ';' (the GraSS parser splits on them)
    color: str
    border: str
    diameter: int
    text: str = "#FFFFFF"


#: One distinct colour per label (ColorBrewer-like, readable with white text).
#: Captions put the Chinese name first and the English one after a space:
#: Browser wraps captions at spaces inside the circle and cuts the rest with
#: an ellipsis, so the English shows only when the node has room for it.
NODE_STYLES: dict[Label, NodeStyle] = {
    Label.REGION: NodeStyle("{name_zh} {name_en}", "#1F77B4", "#175A89", 70),
    Label.POLICY: NodeStyle("{title_zh} {title_en}", "#D62728", "#A31E1F", 80),
    Label.TARGET: NodeStyle("{name_zh} {value_text}", "#FF7F0E", "#C4610A", 60),
    Label.PROJECT: NodeStyle("{name_zh} {name_en}", "#2CA02C", "#207A20", 60),
    Label.INDICATOR: NodeStyle("{name_zh} {name_en}", "#9467BD", "#714E93", 55),
    Label.OBSERVATION: NodeStyle("{name_zh} {period}", "#8C564B", "#6A4038", 55),
    Label.MEASURE: NodeStyle("{name_zh} {name_en}", "#E377C2", "#B05C96", 60),
    Label.THEME: NodeStyle("{name_zh} {name_en}", "#17BECF", "#11909D", 75),
    Label.ORGANIZATION: NodeStyle("{name_zh} {name_en}", "#BCBD22", "#8F9019", 60, "#000000"),
    Label.SOURCE_DOCUMENT: NodeStyle("{title_zh} {title_en}", "#7F7F7F", "#5F5F5F", 55),
    Label.INGEST_RUN: NodeStyle("{id}", "#393B79", "#25274F", 45),
}


def grass() -> str:
    """The Browser style sheet (GraSS) for every label of the graph."""
    missing = set(Label) - set(NODE_STYLES)
    if missing:
        raise BrowserError(f"no Browser style for label(s) {', '.join(sorted(missing))}")
    rules: list[tuple[str, dict[str, str]]] = [
        ("node", {"diameter": "50px", "color": "#A5ABB6", "border-color": "#9AA1AC", "border-width": "2px",
                  "text-color-internal": "#FFFFFF", "font-size": "10px"}),
        ("relationship", {"color": "#A5ABB6", "shaft-width": "1px", "font-size": "8px", "padding": "3px",
                          "text-color-external": "#000000", "text-color-internal": "#FFFFFF",
                          "caption": "'<type>'"}),
    ]
    for label, style in NODE_STYLES.items():
        if any(c in style.caption for c in ":;'\""):
            raise BrowserError(f"caption of {label} must not contain : ; or quotes: {style.caption!r}")
        rules.append((f"node.{label.value}", {
            "color": style.color, "border-color": style.border, "text-color-internal": style.text,
            "diameter": f"{style.diameter}px", "caption": f"'{style.caption}'"}))
    out: list[str] = []
    for selector, properties in rules:
        out.append(selector + " {")
        out.extend(f"  {name}: {value};" for name, value in properties.items())
        out.append("}")
    return "\n".join(out) + "\n"


# -- guide ------------------------------------------------------------------


def cypher_literal(value: Any) -> str:
    """A Cypher literal for an example parameter value (str, int, float, bool, list, map)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON string escapes are valid Cypher escapes
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"`{k}`: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise BrowserError(f"cannot write {type(value).__name__} value {value!r} as a Cypher literal")


def params_command(values: dict[str, Any]) -> str:
    """``:params {theme: "cross-border-data-flows"}``: sets exactly the example's parameters.

    A separate code block rather than a first statement before the query:
    Browser runs a multi-statement editor as a script whose results start
    collapsed, so the graph would not show after one Run.
    """
    return ":params {" + ", ".join(f"{k}: {cypher_literal(v)}" for k, v in values.items()) + "}"


_RETURN = re.compile(r"\bRETURN\b", re.IGNORECASE)
_NESTED = re.compile(r"\b(UNION|CALL)\b", re.IGNORECASE)


def graph_cypher(query: NamedQuery) -> str | None:
    """The query returning the variables in scope at its end (``RETURN *``), for Browser's graph view.

    The canned queries return tables (that is what the CLI prints), which
    Browser cannot draw. Every variable still in scope at the final RETURN
    is a node, relationship or value the row was built from; returning them
    instead of the projected columns lets Browser draw the nodes behind the
    table (and the relationships between them). Only for a query with a
    single RETURN and no UNION or CALL, where "the final RETURN" is one
    clause that can be swapped; a query may instead state its own variant
    as a ``graph_cypher`` attribute.
    """
    stated = getattr(query, "graph_cypher", None)
    if stated:
        return str(stated).strip()
    from policykg.queries.loader import (
        _mask_literals,  # the loader's view of what is code (not strings or comments)
    )

    masked = _mask_literals(query.cypher)
    returns = list(_RETURN.finditer(masked))
    if len(returns) != 1 or _NESTED.search(masked):
        return None
    return query.cypher[:returns[0].start()].rstrip() + "\nRETURN *"


#: Browser's guide sanitiser drops whatever this matches (meant for on…= event handlers).
_BROWSER_STRIPS = re.compile(r"""(\s+(on[^\s=]+)[^\s=]*\s*=\s*("[^"]*"|'[^']*'|[\w\-.:]+\s*))""", re.IGNORECASE)


def _text(value: str) -> str:
    """HTML-escaped text that survives Browser's guide sanitiser.

    The sanitiser also strips text inside code that looks like a handler
    (``ON CREATE SET online = 1``); writing that 'o' as a character reference
    changes nothing the reader or the editor sees.
    """
    escaped = html.escape(value, quote=True)
    return _BROWSER_STRIPS.sub(lambda m: re.sub(r"^(\s+)([oO])", lambda w: f"{w.group(1)}&#{ord(w.group(2))};",
                                                m.group(0)), escaped)


def _slide(body: list[str], query_name: str | None = None) -> str:
    data = f' data-query="{_text(query_name)}"' if query_name else ""
    return "\n".join([f'<slide class="row-fluid"{data}>', '  <div class="col-sm-12">', *[f"    {line}" for line in body],
                      "  </div>", "</slide>"])


def _query_slide(number: int, total: int, query: NamedQuery) -> str:
    values = query.example_cypher_params()
    body = [
        f"<h3>{number}/{total} · {_text(query.description_zh)}</h3>",
        f"<p class=\"lead\">{_text(query.description_en)}</p>",
        f"<p>Query <code>{_text(query.name)}</code> — CLI: "
        f"<code>{_text(f'policykg query run {query.name} {query.example_args()}'.rstrip())}</code></p>",
    ]
    if query.params:
        body.append("<table class=\"table\"><tr><th>parameter 参数</th><th>type</th><th>example 示例</th>"
                    "<th>sent as</th></tr>")
        for param in query.params:
            typed = query.example.get(param.name, param.default or "")
            body.append(f"<tr><td><code>${_text(param.name)}</code></td><td>{_text(param.type)}</td>"
                        f"<td>{_text(typed)}</td><td><code>{_text(cypher_literal(values.get(param.name)))}</code></td></tr>")
        body.append("</table>")
    body.append("<p>Click a code block to put it in the editor, then run it (Ctrl+Enter). "
                "点击代码放入编辑器，然后运行。</p>")
    if values:
        body.append("<h4>1 · 参数 Parameters — run first: sets the example's values</h4>")
        body.append(_runnable(query, "params", params_command(values)))
    graph = graph_cypher(query)
    step = 2 if values else 1
    if graph:
        body.append(f"<h4>{step} · 图 Graph — the nodes behind the answer</h4>")
        body.append(_runnable(query, "graph", graph))
        step += 1
    body.append(f"<h4>{step} · 表 Table — the answer as <code>policykg query run</code> prints it</h4>")
    body.append(_runnable(query, "table", query.cypher.strip()))
    return _slide(body, query.name)


def _runnable(query: NamedQuery, variant: str, text: str) -> str:
    return (f'<pre class="pre-scrollable code runnable" data-query="{_text(query.name)}" data-variant="{variant}">'
            f"{_text(text)}</pre>")


def guide_html(queries: list[NamedQuery] | None = None) -> str:
    """The Browser guide: a contents slide, then one slide per canned question."""
    if queries is None:
        from policykg.queries.loader import load_all

        queries = load_all()
    total = len(queries)
    contents = [f"<li>{i}. {_text(q.description_zh)} — {_text(q.description_en)} (<code>{_text(q.name)}</code>)</li>"
                for i, q in enumerate(queries, start=1)]
    intro = _slide([
        "<h3>policykg · 政策知识图谱问答 Canned questions</h3>",
        "<p>Each following slide asks one question of the policy graph, in Chinese and English. Click a code "
        "block to put it in the editor and run it: first the example parameters, then the query, drawn as a "
        "graph or listed as the table <code>policykg query run</code> prints.</p>",
        "<p>以下每页是一个预设问题：先运行参数，再运行查询（图或表）。Use the arrows or dots below to move between slides.</p>",
        "<ol class=\"list-unstyled\">", *[f"  {item}" for item in contents], "</ol>",
    ] if contents else [
        "<h3>policykg · 政策知识图谱</h3>", "<p>No canned questions are installed.</p>"])
    slides = [intro, *(_query_slide(i, total, q) for i, q in enumerate(queries, start=1))]
    return "\n".join([
        "<!-- Generated by `policykg browser guide` from queries/*.cypher; edit those, not this file. -->",
        '<article class="guide">',
        '<carousel class="deck container-fluid">',
        *slides,
        "</carousel>",
        "</article>",
    ]) + "\n"


def assets(queries: list[NamedQuery] | None = None) -> dict[str, str]:
    """File name → text of everything served under /browser/policykg/."""
    return {STYLE_FILE: grass(), GUIDE_FILE: guide_html(queries)}


def write_assets(out_dir: Path, queries: list[NamedQuery] | None = None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in assets(queries).items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


# -- where Browser finds them -----------------------------------------------


def asset_base(http_port: int) -> str:
    """Where a local server on ``http_port`` serves the guide and style."""
    return f"http://localhost:{http_port}/browser/{MOUNT}"


def connect_commands(base: str) -> str:
    """The post-connect commands for assets served at ``base`` (Browser prefixes each with ':')."""
    return f"style {base}/{STYLE_FILE}; play {base}/{GUIDE_FILE}"


def post_connect_cmd(http_port: int) -> str | None:
    """Browser's post-connect command for a local server on ``http_port``: apply the style, open the guide."""
    return connect_commands(asset_base(http_port))


def browser_url(http_port: int, bolt_uri: str, username: str = "neo4j", database: str | None = None,
                http_host: str = "localhost") -> str:
    """Browser's address with the connection filled in (``dbms=`` and ``db=`` URL parameters)."""
    from urllib.parse import quote, urlsplit

    parts = urlsplit(bolt_uri)
    scheme = "neo4j" if parts.scheme.startswith("neo4j") else "bolt"
    host = parts.hostname or "localhost"
    dbms = f"{scheme}://{quote(username, safe='')}@{host}:{parts.port or 7687}"
    url = f"http://{http_host}:{http_port}/browser/?dbms={quote(dbms, safe=':/@')}"
    return url + (f"&db={quote(database, safe='')}" if database else "")


# -- the local server's Browser ----------------------------------------------


def install_web(web_dir: Path, jar_dir: Path, enabled: bool = True) -> Path | None:
    """Write ``web_dir/neo4j-browser.zip``: the Browser from ``jar_dir`` plus our guide and style.

    Rebuilt only when the Browser jar or the assets change (a stamp holds
    their hash), because the copy is ~15 MB. With ``enabled`` False the zip is
    removed so the server falls back to the plain Browser on its class path.
    """
    target = web_dir / WEB_ZIP
    stamp = web_dir / (WEB_ZIP + ".sha256")
    if not enabled:
        for path in (target, stamp):
            path.unlink(missing_ok=True)
        return None
    jars = sorted(jar_dir.glob("neo4j-browser-*.jar"))
    if not jars:
        raise BrowserError(f"no neo4j-browser jar in {jar_dir}: delete {jar_dir.parent} to fetch the jars again")
    jar = jars[-1]
    files = assets()
    digest = hashlib.sha256(f"{jar.name}:{jar.stat().st_size}:{jar.stat().st_mtime_ns}".encode())
    for name, text in sorted(files.items()):
        digest.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    if target.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == digest.hexdigest():
        return target
    web_dir.mkdir(parents=True, exist_ok=True)
    partial = web_dir / (WEB_ZIP + ".part")
    _write_browser_zip(jar, files, partial)
    partial.replace(target)
    stamp.write_text(digest.hexdigest() + "\n", encoding="utf-8")
    return target


def _write_browser_zip(jar: Path, files: dict[str, str], out: Path) -> None:
    """Copy ``browser/`` out of the jar and add ``browser/policykg/*``.

    The server unpacks the zip entry by entry with ``createDirectory``/``createFile``,
    so every directory needs its own entry before anything inside it, and
    the first entry must be ``browser/`` (it becomes the served root).
    """
    with zipfile.ZipFile(jar) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        entries = [i for i in source.infolist() if i.filename.startswith("browser/")]
        if not any(i.filename == "browser/index.html" for i in entries):
            raise BrowserError(f"{jar} holds no browser/index.html")
        dirs = {"browser/", f"browser/{MOUNT}/"}
        for info in entries:
            parts = info.filename.rstrip("/").split("/")
            for depth in range(1, len(parts) if not info.is_dir() else len(parts) + 1):
                dirs.add("/".join(parts[:depth]) + "/")
        for directory in sorted(dirs, key=lambda d: (d.count("/"), d)):
            zout.writestr(zipfile.ZipInfo(directory), b"")
        for info in entries:
            if not info.is_dir():
                zout.writestr(info.filename, source.read(info))
        for name, text in sorted(files.items()):
            zout.writestr(f"browser/{MOUNT}/{name}", text.encode("utf-8"))
