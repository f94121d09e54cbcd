"""English for the English fields of a draft (title_en, name_en), or none at all.

Not a translation: the longest glossary term at each position is replaced by its English (the
glossary, issuing bodies and the gazetteer's names); a title is turned round by its pattern
(…实施方案 → "Implementation plan for …"). When a word is left that the glossary does not know, there
is no sound English and the field stays empty (records show the Chinese instead): never a mix of
English and Chinese. Deterministic and offline; extend GLOSSARY and BODIES as texts need.
"""

from __future__ import annotations

from functools import cache

import ahocorasick
import regex

from policykg.schema.reference import gazetteer

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
    "“": "", "”": "", "《": "", "》": "", "-": "–", "—": "–", "年": "", "第十四个五年规划": "14th Five-Year Plan",
    "第十三个五年规划": "13th Five-Year Plan", "二〇三五年远景目标": "long-range objectives through 2035",
    "中华人民共和国": "People's Republic of China", "自由贸易试验区": "pilot free trade zone",
    "关键信息基础设施": "critical information infrastructure", "数据跨境": "cross-border data",
    "数据出境": "data export", "跨境": "cross-border", "安全": "security", "管理": "management",
    "市场": "market", "交易": "trading", "体系": "system", "基础制度": "basic institutions",
    "基础设施": "infrastructure", "新型": "new-type", "融合": "integration", "实体经济": "real economy",
    "核心": "core", "培育": "fostering", "推动": "promoting", "高地": "hub",
}

#: Issuing bodies, as their own English names have them (a curated list; longest match wins).
BODIES: dict[str, str] = {
    "中共中央": "CPC Central Committee", "国务院": "State Council", "国务院办公厅": "General Office of the State Council",
    "中共中央办公厅": "General Office of the CPC Central Committee",
    "国家互联网信息办公室": "Cyberspace Administration of China", "中央网信办": "Office of the Central Cyberspace Affairs Commission",
    "国家网信办": "Cyberspace Administration of China", "国家发展和改革委员会": "National Development and Reform Commission",
    "国家发展改革委": "National Development and Reform Commission", "工业和信息化部": "Ministry of Industry and Information Technology",
    "工信部": "Ministry of Industry and Information Technology", "国家数据局": "National Data Administration",
    "商务部": "Ministry of Commerce", "科学技术部": "Ministry of Science and Technology", "科技部": "Ministry of Science and Technology",
    "财政部": "Ministry of Finance", "国家统计局": "National Bureau of Statistics", "中国人民银行": "People's Bank of China",
    "全国人民代表大会": "National People's Congress", "人民政府": "People's Government",
    "人民政府办公厅": "People's Government General Office", "发展和改革委员会": "Development and Reform Commission",
    "发展改革委": "Development and Reform Commission", "经济和信息化厅": "Department of Economy and Information Technology",
    "工业和信息化厅": "Department of Industry and Information Technology", "工业和信息化局": "Bureau of Industry and Information Technology",
    "经济和信息化局": "Bureau of Economy and Information Technology", "通信管理局": "Communications Administration",
    "大数据发展管理局": "Big Data Development Administration", "大数据管理局": "Big Data Administration",
    "数据局": "Data Administration", "网信办": "Cyberspace Affairs Office", "商务厅": "Department of Commerce",
    "科学技术厅": "Department of Science and Technology", "统计局": "Statistics Bureau", "新闻办": "Information Office",
    "新闻办公室": "Information Office", "委员会办公室": "Committee Office", "省委": "Provincial Party Committee",
    "市委": "Municipal Party Committee", "办公厅": "General Office",
}

#: Title endings, turned round: 《X实施方案》 → "Implementation plan for X" (longest ending first).
TITLE_PATTERNS: list[tuple[str, str]] = sorted([
    ("行动计划", "Action plan for"), ("行动方案", "Action plan for"), ("实施方案", "Implementation plan for"),
    ("工作方案", "Work plan for"), ("建设方案", "Construction plan for"), ("发展规划", "Development plan for"),
    ("专项规划", "Special plan for"), ("规划纲要", "Plan outline for"), ("规划", "Plan for"), ("工作要点", "Work points for"),
    ("若干措施", "Measures for"), ("若干政策措施", "Policy measures for"), ("若干政策", "Policies for"),
    ("指导意见", "Guiding opinions on"), ("实施意见", "Implementing opinions on"), ("意见", "Opinions on"),
    ("管理办法", "Administrative measures for"), ("暂行办法", "Interim measures for"), ("办法", "Measures for"),
    ("条例", "Regulations on"), ("白皮书", "White paper on"), ("统计公报", "Statistical communiqué on"),
    ("报告", "Report on"), ("方案", "Plan for"), ("计划", "Plan for"),
], key=lambda p: -len(p[0]))
_HAN_LEFT = regex.compile(r"\p{Han}")
_SPAN = regex.compile(r"[(（]\s*((?:19|20)\d\d)\s*[-—–~至]\s*((?:19|20)\d\d)\s*年?\s*[)）]$")
_NOTICE = regex.compile(r"^(?:(?P<issuer>.+?))?关于(?:印发|发布)?《(?P<title>[^》]+)》(?:的)?通知$")
_ABOUT = regex.compile(r"^(?:(?P<issuer>.+?))?关于(?P<rest>.+?)的(?P<kind>意见|通知|决定|实施意见|指导意见)$")

@cache
def _automaton() -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    terms = {**GLOSSARY, **BODIES}
    for entry in gazetteer().regions.values():
        for form in (entry.name_zh, *entry.short):
            if len(form) >= 2:
                terms.setdefault(form, entry.name_en)
    for term, en in terms.items():
        a.add_word(term, (term, en))
    a.make_automaton()
    return a


def _words(zh: str) -> str:
    """Glossary terms replaced left to right, longest first; what is unknown stays as written."""
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
    return regex.sub(r"\s+", " ", text.replace(" ,", ",").replace("( ", "(").replace(" )", ")")).strip()


def gloss(zh: str) -> str | None:
    """'digital economy core industries value added' for 数字经济核心产业增加值; None when a word is left
    that the glossary does not know (no English is better than half English)."""
    text = _words(zh)
    if not text or _HAN_LEFT.search(text):
        return None
    return text[:2000]


def title_en(zh: str) -> str | None:
    """English of a policy title from its pattern: 关于印发《X》的通知 → 'Notice on issuing …', 《X实施方案
    (2024-2026年)》 → 'Implementation plan for X (2024–2026)'; None when any part has no sound English."""
    zh = zh.strip().strip("《》")
    notice = _NOTICE.match(zh)
    if notice:
        inner = title_en(notice.group("title"))
        return f"Notice on issuing the {inner[0].lower() + inner[1:]}" if inner else None
    span = _SPAN.search(zh)
    core = zh[:span.start()] if span else zh
    tail = f" ({span.group(1)}–{span.group(2)})" if span else ""
    about = _ABOUT.match(core)
    if about:
        rest = gloss(about.group("rest"))
        head = {"意见": "Opinions on", "通知": "Notice on", "决定": "Decision on", "实施意见": "Implementing opinions on",
                "指导意见": "Guiding opinions on"}[about.group("kind")]
        issuer = gloss(about.group("issuer")) if about.group("issuer") else ""
        if rest is None or issuer is None:
            return None
        return f"{issuer + ': ' if issuer else ''}{head} {rest}{tail}"
    for ending, head in TITLE_PATTERNS:
        if core.endswith(ending) and len(core) > len(ending):
            rest = gloss(core[:-len(ending)])
            return f"{head} {rest}{tail}" if rest else None
    whole = gloss(core)
    return f"{whole[0].upper() + whole[1:]}{tail}" if whole else None


#: Units as English writes them after a number (a count's classifier is left out); magnitudes multiply out.
UNITS_EN = {"%": "%", "个百分点": " percentage points", "百分点": " percentage points", "倍": " times", "位": "",
            "元": " yuan", "美元": " US dollars", "户": " households", "人": " people"}
MAGNITUDES = {"万亿": 1e12, "千亿": 1e11, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}
COMPARATORS_EN = {"≥": "at least ", ">": "more than ", "≈": "about ", "≤": "at most ", "<": "less than ", "=": ""}


def amount_en(value: float, unit: str) -> str | None:
    """4000, 亿元 → '400 billion yuan'; 2.5, 万个 → '25,000'; 60, % → '60%'; None when the unit has no English."""
    scale = next((m for m in MAGNITUDES if unit.startswith(m) and unit != m or unit == m), None)
    base = unit[len(scale):] if scale else unit
    if base in UNITS_EN:
        word = UNITS_EN[base]
    elif base.isascii():
        word = f" {base}" if base else ""
    elif len(base) == 1:  # a count's classifier: 66 (platforms)
        word = ""
    else:
        return None
    if scale is None:
        return f"{value:g}{word}"
    amount = value * MAGNITUDES[scale]
    for size, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= size:
            return f"{amount / size:,.4g} {name}{word}"
    return f"{amount:,.0f}{word}"


def target_en(region: str, indicator: str | None, comparator: str, value: float, unit: str | None,
              deadline: int | None, change: str | None = None) -> str | None:
    """'Zhejiang: digital economy value added as a share of GDP at least 60% by 2025', from the region's
    and the indicator's English names; None when either has none or the unit has no English."""
    amount = amount_en(value, unit or "")
    if not region or not indicator or amount is None:
        return None
    if len(indicator) > 1 and indicator[1].islower():
        indicator = indicator[0].lower() + indicator[1:]
    what = {"increase": "up by ", "annual_growth": "growing on average by "}.get(change or "", "")
    if change == "multiple":
        amount = f"{value:g} times the baseline"
    by = f" by {deadline}" if deadline else ""
    return f"{region}: {indicator} {what}{COMPARATORS_EN.get(comparator, '')}{amount}{by}"
