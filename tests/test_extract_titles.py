"""《》 titles: abbreviations, issuers, document numbers, kinds."""

from policykg.ingest.extract.titles import policy_kind
from tests.extract_util import run


def test_titles_abbreviations_and_issuers():
    ex = run("近日,浙江省人民政府办公厅、浙江省发展和改革委员会联合印发《浙江省数据要素市场化配置改革行动方案》"
             "(简称《行动方案》)。《行动方案》提出……同时废止《关于促进大数据发展的实施意见》。")
    assert [t.title for t in ex.titles] == ["浙江省数据要素市场化配置改革行动方案", "关于促进大数据发展的实施意见"]
    assert ex.abbreviations == {"行动方案": "浙江省数据要素市场化配置改革行动方案"}
    assert ex.titles[0].issuers == ["浙江省人民政府办公厅", "浙江省发展和改革委员会"]


def test_notice_header_gives_issuer_and_document_number():
    ex = run("江西省人民政府关于印发《江西省数字经济做优做强“一号发展工程”行动方案》的通知\n赣府发〔2023〕5号")
    (t,) = ex.titles
    assert t.issuers == ["江西省人民政府"] and t.doc_number == "赣府发〔2023〕5号"


def test_short_title_resolves_to_the_one_full_title_ending_in_it():
    ex = run("《广西数字经济发展三年行动计划》印发。《计划》明确了主要目标。")
    assert [t.title for t in ex.titles] == ["广西数字经济发展三年行动计划"]
    assert ex.abbreviations == {"计划": "广西数字经济发展三年行动计划"}


def test_titles_with_their_own_brackets_and_dashes():
    ex = run("根据《“十四五”数字政府建设规划(2021—2025年)》和《政府工作报告》")
    assert [t.title for t in ex.titles] == ["“十四五”数字政府建设规划(2021—2025年)", "政府工作报告"]


def test_kinds():
    assert [policy_kind(t) for t in ("某省数字经济促进条例", "三年行动计划(2023-2025年)", "关于加快发展的实施意见",
                                     "数字化转型实施方案", "统计公报", "发展规划纲要", "公共数据开放管理办法",
                                     "数据中心能效限定值及能效等级", "智慧城市建设导则")] == [
        "regulation", "action_plan", "opinion", "implementation_plan", "report", "plan", "regulation",
        "programme", "standard"]


def test_issue_date_from_the_sentence_or_the_notice_date_line():
    ex = run("2023年9月5日,省政府印发《某省数据要素市场化配置改革实施方案》。")
    assert ex.titles[0].issued == "2023-09-05"
    notice = ("某市大数据发展管理局\n关于印发《某市公共数据授权运营管理办法(试行)》的通知\n各区县:\n现印发给你们。\n"
              "某市大数据发展管理局\n2024年2月28日\n")
    ex = run(notice, published=None)
    (t,) = ex.titles
    assert (t.issuers, t.issued) == (["某市大数据发展管理局"], "2024-02-28")
    assert (ex.meta["publisher"], ex.published.isoformat()) == ("某市大数据发展管理局", "2024-02-28")
    assert {"publisher_zh", "published"} <= set(ex.guessed)
