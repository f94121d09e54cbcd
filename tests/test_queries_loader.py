"""The query files: headers parse, parameters match their use, bad files are refused at file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.errors import QueryError, UnknownName
from policykg.queries import catalogue, loader
from policykg.queries.loader import Param, load_all, load_file, parameters_used

QUERY_NAMES = [q.name for q in load_all()]

GOOD = """\
// name: {name}
// zh: 测试
// en: A test
// param: region: region = 北京
// param: year: int
// example: --param year=2025 --param region=Guizhou

MATCH (r:Region {{code: $region}})
// $ignored in a comment is not a parameter
WHERE r.year = $year AND r.note <> '$not_a_param'
RETURN r
"""


def write_query(tmp_path: Path, text: str, name: str = "test-query") -> Path:
    path = tmp_path / f"{name}.cypher"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_required_questions_are_all_there():
    assert QUERY_NAMES == sorted(QUERY_NAMES)
    assert {"regions-targeting-theme", "region-policies", "targets-due-by", "indicator-over-time",
            "regions-compared-on-indicator", "projects-by-theme", "region-theme-matrix", "similar-regions",
            "fact-source", "last-ingest-changes", "targets-vs-latest-figure", "themes-without-measures"} <= set(QUERY_NAMES)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_query_declares_exactly_the_parameters_it_uses(name):
    query = loader.get(name)
    assert set(parameters_used(query.cypher)) - {loader.LIMIT_PARAMETER} == {p.name for p in query.params}
    assert query.description_zh and query.description_en
    assert query.path.name == f"{name}.cypher"
    # the example binds, and every required parameter is in it
    bound = query.example_cypher_params()
    assert set(bound) - {loader.LIMIT_PARAMETER} == {p.name for p in query.params}
    assert {p.name for p in query.params if p.required} <= set(query.example)


def test_regions_targeting_theme_header():
    query = loader.get("regions-targeting-theme")
    assert query.params == [Param("theme", "theme", "cross-border-data-flows"), Param("region", "region", "any"),
                            Param("kind", "str", "any"), Param("status", "status", "current")]
    assert query.example == {"theme": "数据跨境流动"}
    # the query cuts its rows itself; Browser runs it with the default limit and one row more
    assert query.example_cypher_params() == {"theme": "cross-border-data-flows", "region": None, "kind": None,
                                             "status": "current", "__row_limit": 101}
    assert query.columns == ("region_zh", "label", "status", "name_zh", "cited")
    assert (query.short_zh, query.short_en, query.topic) == ("涉及某主题的地区", "Regions on a theme", "regions")
    assert query.description_zh.startswith("哪些地区的政策")
    assert not query.cypher.startswith("//  name")
    assert "// name:" not in query.cypher


def test_parse_a_good_file_types_and_resolves_values(tmp_path):
    query = load_file(write_query(tmp_path, GOOD.format(name="test-query")))
    assert query.name == "test-query"
    assert query.params == [Param("region", "region", "北京"), Param("year", "int", None)]
    assert query.example == {"year": "2025", "region": "Guizhou"}
    assert query.example_cypher_params() == {"region": "520000", "year": 2025}
    assert query.bind({"year": "2030"}) == {"region": "110000", "year": 2030}
    assert query.bind({"year": "2030", "region": "Z-ZGC"}) == {"region": "Z-ZGC", "year": 2030}
    assert query.cypher.startswith("MATCH (r:Region")
    assert query.example_args() == "--param year=2025 --param region=Guizhou"


def test_bind_refuses_unknown_missing_and_mistyped_parameters(tmp_path):
    query = load_file(write_query(tmp_path, GOOD.format(name="test-query")))
    with pytest.raises(QueryError, match="has no parameter 'yaer'; it takes region, year"):
        query.bind({"yaer": "2025"})
    with pytest.raises(QueryError, match="needs --param year="):
        query.bind({})
    with pytest.raises(QueryError, match="parameter 'year' of query 'test-query': expected a whole number, got 'soon'"):
        query.bind({"year": "soon"})
    with pytest.raises(UnknownName, match="unknown region 'Atlantis'"):
        query.bind({"year": "2025", "region": "Atlantis"})


@pytest.mark.parametrize(("text", "line", "message"), [
    # undeclared parameter used on line 10 of the file
    (GOOD.replace("WHERE r.year = $year", "WHERE r.year = $yeer AND $year > 0"), 10, r"\$yeer is used but not declared"),
    # declared parameter (line 4) never used
    (GOOD.replace("{{code: $region}}", "{{code: 'x'}}"), 4, r"parameter 'region' is declared but the Cypher never uses \$region"),
    (GOOD.replace("// param: year: int\n", "// param: year: integer\n"), 5, r"unknown type 'integer'"),
    (GOOD.replace("// zh: 测试\n", "// zh: 测试\n// descripton: x\n"), 3, r"header lines are '// key: value'"),
    (GOOD.replace("// name: {name}", "// name: other-name"), 1, r"differs from the file name"),
    (GOOD.replace("// en: A test\n", ""), 5, r"the header has no '// en:' line"),
    (GOOD.replace("--param year=2025", "year=2025"), 6, r"example must be '--param NAME=VALUE"),
    (GOOD.replace("--param region=Guizhou", "--param region=Atlantis"), 6, r"example does not bind: .*unknown region 'Atlantis'"),
    (GOOD.replace("region = 北京", "region = 北平"), 4, r"default of 'region': unknown region"),
    (GOOD.replace("// param: year: int\n", "// param: year: int\n// param: year: int\n"), 6, r"declared twice"),
])
def test_a_malformed_file_is_refused_naming_file_and_line(tmp_path, text, line, message):
    path = write_query(tmp_path, text.format(name="test-query"))
    with pytest.raises(QueryError, match=message) as caught:
        load_file(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_bundled_files_are_named_queries_slash_file_in_messages(tmp_path):
    assert loader.display_path(loader.QUERY_DIR / "x.cypher") == "queries/x.cypher"
    bad = write_query(tmp_path, "// name: test-query\n// zh: x\n// en: x\n// example:\n")
    with pytest.raises(QueryError, match=r":4: the file has a header but no Cypher after it"):
        load_file(bad)


def test_unknown_query_name_lists_the_closest():
    with pytest.raises(QueryError, match=r"unknown query 'regions-targeting-themes'; closest: regions-targeting-theme"):
        loader.get("regions-targeting-themes")


def test_strings_and_comments_do_not_count_as_parameter_use():
    cypher = "RETURN '$a' AS x, \"$b\" AS y, `$c` AS z // $d\n/* $e */ , $f AS w"
    assert parameters_used(cypher) == {"f": 2}


def test_docs_catalogue_is_up_to_date():
    docs = Path(__file__).resolve().parents[1] / "docs" / "queries.md"
    assert docs.exists(), "run: policykg query catalogue --write docs/queries.md"
    assert catalogue.generated_part(docs.read_text(encoding="utf-8")) == catalogue.catalogue_markdown(), \
        "docs/queries.md is stale; run: policykg query catalogue --write docs/queries.md"
    for name in QUERY_NAMES:
        assert f"### `{name}`" in catalogue.catalogue_markdown()
