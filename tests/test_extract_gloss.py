"""English glosses: rough, marked for review, glossary terms and gazetteer names replaced."""

from policykg.ingest.extract.gloss import MARK, gloss


def test_gloss_is_marked_and_uses_the_glossary_and_gazetteer():
    assert gloss("数字经济核心产业增加值") == f"{MARK} digital economy core industries value added"
    assert gloss("浙江省人民政府办公厅") == f"{MARK} Zhejiang People's Government General Office"


def test_unknown_words_stay_in_chinese_for_the_reviewer():
    assert gloss("鲲鹏生态") == f"{MARK} 鲲鹏生态"
