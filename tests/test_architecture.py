"""The package's shape: one namespace, imports in one direction, Cypher names only from the vocabulary."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from policykg.graph import connection, constraints, counts, export
from policykg.ingest import runlog, statements, summary
from policykg.queries.cypher_text import mask_literals
from policykg.queries.loader import load_all
from policykg.schema.sections import LINK_SECTIONS, SECTIONS
from policykg.schema.vocabulary import REL_ENDPOINTS, Label, Rel

ROOT = Path(__file__).resolve().parent.parent
#: Folder at the repository root → the package it installs as.
PACKAGES = {"policykg": "policykg", "schema": "policykg.schema", "graph": "policykg.graph",
            "queries": "policykg.queries", "ingest": "policykg.ingest"}
#: The direction of imports: a module may import only from its own layer or the ones before it.
LAYERS = ["policykg.errors", "policykg.schema", "policykg.graph", "policykg.queries", "policykg.ingest", "policykg.web",
          "policykg.cli", "policykg"]


def _modules() -> dict[str, Path]:
    found = {}
    for folder, package in PACKAGES.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join((package, *parts))] = path
    return found


def _layer(module: str) -> int:
    """Index of the most specific layer that contains ``module``."""
    best = -1
    for index, layer in enumerate(LAYERS):
        if module == layer or module.startswith(layer + "."):
            if best < 0 or len(layer) > len(LAYERS[best]):
                best = index
    return best


def _imports(module: str, path: Path) -> list[tuple[int, str]]:
    """Every policykg module imported anywhere in the file (function-local and TYPE_CHECKING ones too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.append((node.lineno, target))
            out += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
    return [(line, name) for line, name in out if name == "policykg" or name.startswith("policykg.")]


def test_every_module_imports_only_along_the_layers():
    modules = _modules()
    assert "policykg.schema.sections" in modules and "policykg.cli" in modules
    wrong = []
    for module, path in sorted(modules.items()):
        own = _layer(module)
        for line, target in _imports(module, path):
            # `from policykg.graph import x` names module policykg.graph.x or a name in policykg.graph
            target_module = target if target in modules else target.rsplit(".", 1)[0]
            if target_module == "policykg" and module != "policykg":
                wrong.append(f"{path.relative_to(ROOT)}:{line}: imports the package root (the public API)")
            elif _layer(target_module) > own:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {module} imports {target_module}")
    assert wrong == []


def test_the_layer_rule_catches_an_import_against_the_direction(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from policykg.cli.render import render\n", encoding="utf-8")
    assert _imports("policykg.graph.bad", bad) == [(2, "policykg.cli.render"), (2, "policykg.cli.render.render")]
    assert _layer("policykg.cli.render") > _layer("policykg.graph.bad")


def test_the_wheel_installs_one_top_level_package(tmp_path):
    """Nothing but policykg lands in site-packages (a bare `schema` or `graph` would clash with PyPI packages)."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("policykg-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {name.split("/")[0] for name in names} == {"policykg", wheel.name.split("-py")[0] + ".dist-info"}
    for expected in ("policykg/schema/sections.py", "policykg/schema/reference_data/regions.yaml",
                     "policykg/queries/regions-targeting-theme.cypher", "policykg/graph/browser_assets/guide.html",
                     "policykg/cli/__init__.py"):
        assert expected in names
    assert not any("build_regions" in name for name in names)


def test_public_api_is_lazy_and_complete():
    code = ("import sys, policykg; assert 'neo4j' not in sys.modules; "
            "from policykg import connect, resolve_settings, ingest_paths, run_query, search, PolicyKGError; "
            "print(connect.__module__, PolicyKGError.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["policykg.graph.connection", "policykg.errors"]
    import policykg

    for name in policykg.__all__:  # every advertised name resolves
        assert callable(getattr(policykg, name)), name
    assert {"to_networkx", "extract_files"} <= set(policykg.__all__)


# -- Cypher names ------------------------------------------------------------

_LABEL_OR_TYPE = re.compile(r"(?<=[\w(\[|]):`?([A-Za-z_][A-Za-z0-9_]*(?:\|:?[A-Za-z_][A-Za-z0-9_]*)*)")


def names_in_cypher(text: str) -> set[str]:
    """Labels and relationship types written in a Cypher text (``(n:Label)``, ``[:A|B]``, ``n:Label``)."""
    names: set[str] = set()
    for match in _LABEL_OR_TYPE.finditer(mask_literals(text)):
        names.update(part.lstrip(":") for part in match.group(1).split("|"))
    return names


def _cypher_texts() -> dict[str, str]:
    texts = {f"queries/{q.name}.cypher": q.cypher for q in load_all()}
    texts["schema/constraints.cypher"] = (ROOT / "schema" / "constraints.cypher").read_text(encoding="utf-8")
    for name, value in vars(statements).items():
        if isinstance(value, str) and name.isupper():
            texts[f"ingest/statements.py:{name}"] = value
        elif isinstance(value, dict):
            texts.update({f"ingest/statements.py:{name}[{k}]": v for k, v in value.items() if isinstance(v, str)})
    for module in (summary, runlog, export, connection, constraints, counts):
        where = module.__name__.removeprefix("policykg.").replace(".", "/")
        for name, value in vars(module).items():
            if isinstance(value, str) and name.lstrip("_").isupper() and value.strip():
                texts[f"{where}.py:{name}"] = value
    for label in export.EXPORTED:
        for builder in (export._label_page, export._page_keys, export._seed_by_key, export._seeds_in):
            texts[f"graph/export.py:{builder.__name__}({label})"] = builder(label)
    for section in SECTIONS:
        texts[f"merge_facts({section.label})"] = statements.merge_facts(section.label)
        for link in section.links:
            start, end = (section.label, link.node) if link.outward else (link.node, section.label)
            texts[f"merge_relationships({link.rel})"] = statements.merge_relationships(link.rel, start, end)
    for link_section in LINK_SECTIONS:
        for rel in link_section.rels.values():
            texts[f"merge_relationships({rel})"] = statements.merge_relationships(rel, link_section.node,
                                                                                   link_section.node)
    return texts


def test_the_name_finder_sees_labels_and_types():
    found = names_in_cypher("MATCH (a:Region)-[:PART_OF|APPLIES_TO*0..]->(b:Foo:Bar) WHERE x:Policy "
                            "AND a.name = 'x:NotALabel' RETURN {code: a.code} // (:Comment)")
    assert found == {"Region", "PART_OF", "APPLIES_TO", "Foo", "Bar", "Policy"}


@pytest.mark.parametrize("where", sorted(_cypher_texts()))
def test_every_label_and_type_in_cypher_is_in_the_vocabulary(where):
    vocabulary = {label.value for label in Label} | {rel.value for rel in Rel}
    assert names_in_cypher(_cypher_texts()[where]) - vocabulary == set()


def test_section_links_agree_with_the_relationship_table():
    for section in SECTIONS:
        for link in section.links:
            start, end = (section.label, link.node) if link.outward else (link.node, section.label)
            declared_from, declared_to, _ = REL_ENDPOINTS[link.rel]
            assert start.value in declared_from.split("|") and end.value in declared_to.split("|"), (section.name, link)


_CYPHER_START = re.compile(r"^\s*(MATCH|OPTIONAL MATCH|UNWIND|MERGE|CREATE|CALL|WITH|RETURN|SHOW|DROP)\b")


def test_no_cypher_is_an_f_string_outside_the_builder():
    """Generated Cypher goes through graph/cypher_build.py, which takes only vocabulary members."""
    found = []
    for module, path in sorted(_modules().items()):
        if module in ("policykg.graph.cypher_build",) or ".extract" in module:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant) \
                    and _CYPHER_START.match(str(node.values[0].value)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
