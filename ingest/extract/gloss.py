"""Rough English glosses for the English fields a record requires (title_en, name_en).

Not a translation: the longest glossary term at each position is replaced by its English, words the
glossary does not know stay in Chinese, and every gloss starts with "[draft gloss]" so that a
reviewer sees it must be rewritten. Deterministic and offline; extend GLOSSARY as texts need.
"""

from __future__ import annotations

from functools import cache

import ahocorasick

from policykg.schema.reference import gazetteer

MARK = "[draft gloss]"

GLOSSARY: dict[str, str] = {
    # economy and statistics
    "数字经济": "digital economy", "核心产业": "core industries", "增加值": "value added", "规模": "size",
    "地区生产总值": "regional GDP", "国内生产总值": "GDP", "生产总值": "GDP", "GDP": "GDP", "比重": "share",
    "占": "share of", "营业收入": "operating revenue", "主营业务收入": "main business revenue", "收入": "revenue",
    "销售产值": "sales output value", "产值": "output value", "利润": "profit", "税收": "tax revenue",
    "进出口": "imports and exports", "进口": "imports", "出口": "exports", "总值": "total value", "总额": "total",
    "总量": "total volume", "增长": "growth", "增速": "growth rate", "年均": "average annual",
    "复合增长率": "compound growth rate", "同比": "year on year", "比上年": "on the previous year",
    "固定资产投资": "fixed-asset investment", "投资": "investment", "网上零售额": "online retail sales",
    "社会消费品零售总额": "total retail sales of consumer goods", "零售额": "retail sales", "产量": "output",
    "注册资本": "registered capital", "新增": "new", "累计": "cumulative", "全年": "full-year",
    "规模以上": "above designated size", "企业": "enterprises", "工业": "industrial", "产业": "industry",
    "行业": "sector", "制造业": "manufacturing", "服务业": "services", "信息服务业": "information services",
    "软件和信息服务业": "software and information services", "软件业务收入": "software business revenue",
    "电子信息制造业": "electronic information manufacturing", "电子信息": "electronic information",
    "信息通信技术": "ICT", "信息通信": "information and communications", "金融业": "finance",
    "科技服务业": "science and technology services", "专利密集型产业": "patent-intensive industries",
    "高技术": "high-tech", "高新技术": "high and new technology", "新能源汽车": "new-energy vehicles",
    # digital and data
    "数字": "digital", "数字化": "digitalisation", "数字化转型": "digital transformation", "数据": "data",
    "数据资源": "data resources", "公共数据": "public data", "政务数据": "government data", "数据集": "datasets",
    "数据中心": "data centres", "数据交换": "data exchange", "数据存储量": "data storage volume",
    "数据要素": "data as a factor", "数据产业": "data industry", "大数据": "big data", "算力": "computing power",
    "人工智能": "artificial intelligence", "云计算": "cloud computing", "物联网": "internet of things",
    "互联网": "internet", "宽带": "broadband", "基站": "base stations", "5G": "5G", "千兆": "gigabit",
    "光缆": "optical cable", "海光缆": "submarine cable", "容量": "capacity", "下载速率": "download speed",
    "机柜": "racks", "网民": "internet users", "普及率": "penetration rate", "用户": "users", "流量": "traffic",
    "智能": "smart", "智能终端": "smart terminals", "传感终端": "sensor terminals", "平台": "platform",
    "关键工序数控化率": "numerical-control rate of key processes", "数控化率": "numerical-control rate",
    "工业互联网": "industrial internet", "产业数字化": "industrial digitalisation",
    "数字产业化": "digital industrialisation", "电子商务": "e-commerce", "示范项目": "demonstration projects",
    "重点企业": "key enterprises", "产业集群": "industrial clusters", "集群": "clusters", "未来工厂": "future factories",
    "产业大脑": "industry brains", "试验区": "pilot zone", "示范区": "demonstration zone", "新区": "new area",
    "创新": "innovation", "发展": "development", "高质量": "high-quality", "建设": "building",
    "转型": "transformation", "城市": "city", "政府": "government", "信息化": "informatisation",
    # policy documents and bodies
    "规划": "plan", "纲要": "outline", "行动计划": "action plan", "行动方案": "action plan",
    "实施方案": "implementation plan", "工作方案": "work plan", "建设方案": "construction plan", "方案": "plan",
    "意见": "opinions", "指导意见": "guiding opinions", "若干政策": "policies", "若干措施": "measures",
    "工作要点": "work points", "要点": "key points", "条例": "regulations", "办法": "measures",
    "暂行办法": "interim measures", "导则": "guidelines", "通知": "notice", "关于": "on", "印发": "issuing",
    "统计公报": "statistical communiqué", "统计分类": "statistical classification", "报告": "report",
    "政府工作报告": "government work report", "国民经济和社会发展": "national economic and social development",
    "五年规划": "five-year plan", "远景目标": "long-range objectives", "战略": "strategy", "试验": "pilot",
    "国家": "national", "全国": "national", "省": "province", "市": "city", "人民政府": "People's Government",
    "办公厅": "General Office", "办公室": "Office", "统计局": "Statistics Bureau", "国务院": "State Council",
    "中共": "CPC", "省委": "Provincial Party Committee", "委员会": "Commission", "领导小组": "Leading Group",
    "大数据局": "Big Data Bureau", "发展和改革委员会": "Development and Reform Commission",
    "经济和信息化委员会": "Economy and Information Technology Commission", "调查总队": "Survey Team",
    "经济": "economy", "促进": "promotion", "加快": "accelerating", "推进": "advancing", "全面": "comprehensive",
    "强省": "strong province", "三年": "three-year", "十四五": "14th Five-Year", "十三五": "13th Five-Year",
    "的": " ", "和": "and", "及其": "and its", "与": "and", "、": ", ", "(": "(", ")": ")",
}

@cache
def _automaton() -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    terms = dict(GLOSSARY)
    for entry in gazetteer().regions.values():
        for form in (entry.name_zh, *entry.short):
            if len(form) >= 2:
                terms.setdefault(form, entry.name_en)
    for term, en in terms.items():
        a.add_word(term, (term, en))
    a.make_automaton()
    return a


def gloss(zh: str) -> str:
    """'[draft gloss] digital economy core industries value added' for 数字经济核心产业增加值."""
    a = _automaton()
    best: dict[int, tuple[str, str]] = {}
    for end, (term, en) in a.iter(zh):
        start = end - len(term) + 1
        if start not in best or len(term) > len(best[start][0]):
            best[start] = (term, en)
    words: list[str] = []
    pending = ""
    i = 0
    while i < len(zh):
        if i in best:
            if pending:
                words.append(pending)
                pending = ""
            term, en = best[i]
            words.append(en)
            i += len(term)
        else:
            pending += zh[i]
            i += 1
    if pending:
        words.append(pending)
    text = " ".join(w.strip() for w in words if w.strip())
    text = text.replace(" ,", ",").replace("( ", "(").replace(" )", ")")
    return f"{MARK} {text}"[:2000]
