"""Neo4j Browser's style sheet (GraSS) for policykg: one colour and caption per label.

Kept apart from the guide (which renders the canned queries and so lives
with them) and from the bundle the local server serves (graph/browser.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.errors import BrowserError
from policykg.schema.vocabulary import Label, Rel


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


#: The links between policies stand out from the many plain links: the policy colour, a thicker shaft.
REL_STYLES: dict[Rel, dict[str, str]] = {
    Rel.IMPLEMENTS: {"color": "#D62728", "shaft-width": "3px"},
    Rel.SUPERSEDES: {"color": "#7F7F7F", "shaft-width": "3px"},
    Rel.AMENDS: {"color": "#FF7F0E", "shaft-width": "2px"},
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
    rules.extend((f"relationship.{rel.value}", style | {"caption": "'<type>'"}) for rel, style in REL_STYLES.items())
    out: list[str] = []
    for selector, properties in rules:
        out.append(selector + " {")
        out.extend(f"  {name}: {value};" for name, value in properties.items())
        out.append("}")
    return "\n".join(out) + "\n"
