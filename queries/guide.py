"""The Neo4j Browser guide of the canned questions, and the files the Browser is served.

The guide is generated from queries/*.cypher so that it can never describe a
question the CLI no longer asks; it lives with the queries it renders. The
server side (graph/browser.py) receives these files and bundles them.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from policykg.errors import BrowserError
from policykg.graph.browser import GUIDE_FILE, STYLE_FILE
from policykg.graph.browser_style import grass
from policykg.queries.cypher_text import mask_literals
from policykg.queries.loader import NamedQuery, load_all


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


_KEYWORD = re.compile(r"\b(RETURN|UNION)\b|[{}]", re.IGNORECASE)


def graph_cypher(query: NamedQuery) -> str | None:
    """The query returning the variables in scope at its end (``RETURN *``), for Browser's graph view.

    The canned queries return tables (that is what the CLI prints), which
    Browser cannot draw. Every variable still in scope at the final RETURN
    is a node, relationship or value the row was built from; returning them
    instead of the projected columns lets Browser draw the nodes behind the
    table (and the relationships between them). The final RETURN is the last
    one outside braces (a CALL subquery's own RETURN stays); a query with a
    UNION at its top level has no single final RETURN and gets no variant.
    """
    masked = mask_literals(query.cypher)
    depth, final = 0, None
    for match in _KEYWORD.finditer(masked):
        token = match.group(0)
        if token in "{}":
            depth += 1 if token == "{" else -1
        elif depth == 0 and token.upper() == "UNION":
            return None
        elif depth == 0:
            final = match.start()
    if final is None:
        return None
    return query.cypher[:final].rstrip() + "\nRETURN *"


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
        body.append(_runnable(query, "graph", titled(query, graph)))
        step += 1
    body.append(f"<h4>{step} · 表 Table — the answer as <code>policykg query run</code> prints it</h4>")
    body.append(_runnable(query, "table", titled(query, query.cypher.strip())))
    return _slide(body, query.name)


def titled(query: NamedQuery, cypher: str) -> str:
    """``cypher`` under a comment line asking the question: Browser titles a result frame by its first line.

    Without it every frame would be titled by the query's first comment
    (often a remark on the data), so that frames of different questions
    look alike.
    """
    return f"// {query.description_zh} · {query.name}\n{cypher}"


def _runnable(query: NamedQuery, variant: str, text: str) -> str:
    return (f'<pre class="pre-scrollable code runnable" data-query="{_text(query.name)}" data-variant="{variant}">'
            f"{_text(text)}</pre>")


def guide_html(queries: list[NamedQuery] | None = None) -> str:
    """The Browser guide: a contents slide, then one slide per canned question."""
    if queries is None:
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
