"""The provincial NBS source files (resources/sources/SOURCES.md entries 25-33).

Entries 25-31 are tables of NBS's provincial database (分省年度数据) crawled into a long layout
by a third party; 32-33 are raw NBS exports. The texts here carry each file's caveats into the
bundled catalog: which vintage the GDP index is, what a sample-survey count is a share of.
"""

from __future__ import annotations

from desktop.core.catalog import Source

NBS = "National Bureau of Statistics of China (NBS), provincial annual data (分省年度数据)"
NBS_ZH = "国家统计局，分省年度数据"
CRAWLED_TRUST = "B (NBS database values, crawled and reshaped to a long table by a third party)"
CRAWLED_TRUST_ZH = "B（国家统计局数据库数值，经第三方抓取并整理为长表）"
RAW_TRUST = "A (official statistics, the NBS export as downloaded)"
RAW_TRUST_ZH = "A（官方统计数据，国家统计局原始导出文件）"
NBS_LICENSE = "NBS data; no licence in the repository."
NBS_LICENSE_ZH = "国家统计局数据；仓库未附许可协议。"
RAW_LICENSE = "NBS data; repository MIT."
RAW_LICENSE_ZH = "国家统计局数据；仓库采用 MIT 许可。"
CRAWLED_REPO = (
    "GitHub 3112944976/National-Visualization-Web-Application, 源数据/国家统计局分省年度数据/"
)
CRAWLED_COMMIT = " @ 2e3008c519da42d6666213a07f73b9eca7dc8ef0"
RAW_REPO = "GitHub RenJiyi163/panel_data_analysis_for_thesis, "
RAW_COMMIT = " @ e6d65372ec36319dd3d838f5c5e12841f7c77f26"

#: Said wherever province and city GDP figures meet (the source, the indicators' notes).
VINTAGE_NOTE = (
    "Province GDP figures are NBS's revised series (the growth index revised after the 4th "
    "economic census, the current-price GDP after the 5th); city GDP figures (CSMAR, city "
    "statistical yearbooks) are the first-published ones. A city/province ratio or difference "
    "mixes two vintages and can move for that reason alone."
)
VINTAGE_NOTE_ZH = (
    "省级地区生产总值为国家统计局修订后的数据（增长指数按第四次全国经济普查修订，现价地区生产总值"
    "按第五次全国经济普查修订）；城市数据（国泰安，城市统计年鉴）为初次公布数。城市与省份的比值或"
    "差额混合了两个版本的数据，可能仅因版本不同而变动。"
)
#: Liaoning 2016: the revised index against the first-published rate (not in any bundled file).
LIAONING_2016_NOTE = (
    "Liaoning 2016: 0.5% in NBS's revised index (100.5, previous year = 100). The "
    "first-published figure was −2.5%, from Liaoning's 2016 statistical bulletin "
    "(辽宁省2016年国民经济和社会发展统计公报) and the China Statistical Yearbook 2017; it is "
    "not in the bundled data. Jilin (6.5%, first published 6.9%) and Heilongjiang (4.4%, "
    "first published 6.1%) were revised too."
)
LIAONING_2016_NOTE_ZH = (
    "辽宁省2016年：国家统计局修订后的指数为100.5（上年=100），即增长0.5%。初次公布数为"
    "−2.5%，见《辽宁省2016年国民经济和社会发展统计公报》和《中国统计年鉴2017》，未收入本数据。"
    "吉林省（修订后6.5%，初次公布6.9%）和黑龙江省（修订后4.4%，初次公布6.1%）也有修订。"
)
SURVEY_NOTE = (
    "Sample-survey counts (1% surveys in 2005 and 2015, 1‰ population change surveys in other "
    "years, none in census years 2010 and 2020) are only used as shares of the surveyed "
    "population, never as levels."
)
SURVEY_NOTE_ZH = (
    "抽样调查人数（2005、2015年为1%人口抽样调查，其他年份为1‰人口变动调查，2010、2020年普查年份"
    "没有）只用于计算占被调查人口的比重，不作为总量使用。"
)

PROVINCE_GDP_INDEX = Source(
    id="nbs_prov_gdp_index",
    file="cn_nbs_province_gdp_index_prev_year_100_2000_2019.csv",
    publisher=NBS,
    title="Gross regional product index (previous year = 100) by province, 2000-2019",
    publisher_zh=NBS_ZH,
    title_zh="各省地区生产总值指数（上年=100），2000—2019年",
    origin=CRAWLED_REPO + "国民经济核算/地区生产总值指数.csv" + CRAWLED_COMMIT,
    trust=CRAWLED_TRUST,
    trust_zh=CRAWLED_TRUST_ZH,
    license=NBS_LICENSE,
    license_zh=NBS_LICENSE_ZH,
    notes="Real growth = index − 100. " + VINTAGE_NOTE + " " + LIAONING_2016_NOTE,
    notes_zh="实际增长率 = 指数 − 100。" + VINTAGE_NOTE_ZH + LIAONING_2016_NOTE_ZH,
)
PROVINCE_POPULATION = Source(
    id="nbs_prov_population",
    file="cn_nbs_province_population_yearend_2000_2019.csv",
    publisher=NBS,
    title="Year-end resident population by province, 2000-2019",
    publisher_zh=NBS_ZH,
    title_zh="各省年末常住人口，2000—2019年",
    origin=CRAWLED_REPO + "人口/总人口.csv" + CRAWLED_COMMIT,
    trust=CRAWLED_TRUST,
    trust_zh=CRAWLED_TRUST_ZH,
    license=NBS_LICENSE,
    license_zh=NBS_LICENSE_ZH,
    notes="Year-end resident (常住) population in 万人, an estimate between censuses; only the "
    "total is used.",
    notes_zh="年末常住人口（万人），普查之间的年份为推算数；仅使用总人口。",
)
PROVINCE_AGE = Source(
    id="nbs_prov_age",
    file="cn_nbs_province_age_structure_sample_survey_2000_2019.csv",
    publisher=NBS,
    title="Population by age group, sample survey, by province, 2002-2019",
    publisher_zh=NBS_ZH,
    title_zh="各省人口年龄构成（人口抽样调查），2002—2019年",
    origin=CRAWLED_REPO + "人口/人口抽样调查样本数据/人口年龄构成和抚养比(人口抽样调查).csv"
    + CRAWLED_COMMIT,
    trust=CRAWLED_TRUST,
    trust_zh=CRAWLED_TRUST_ZH,
    license=NBS_LICENSE,
    license_zh=NBS_LICENSE_ZH,
    notes="Used for the 65+ share of 2002-2005 only; from 2006 on the raw NBS export "
    "(nbs_prov_survey_65plus) is used. " + SURVEY_NOTE,
    notes_zh="仅用于2002—2005年65岁及以上人口比重；2006年起使用国家统计局原始导出文件。"
    + SURVEY_NOTE_ZH,
)
PROVINCE_EDUCATION = Source(
    id="nbs_prov_education",
    file="cn_nbs_province_education_attainment_sample_survey_2000_2019.csv",
    publisher=NBS,
    title="Population aged 6 and over by educational attainment, sample survey, by province, "
    "2002-2019",
    publisher_zh=NBS_ZH,
    title_zh="各省按受教育程度分的6岁及以上人口（人口抽样调查），2002—2019年",
    origin=CRAWLED_REPO + "人口/人口抽样调查样本数据/按受教育程度分人口数(人口抽样调查).csv"
    + CRAWLED_COMMIT,
    trust=CRAWLED_TRUST,
    trust_zh=CRAWLED_TRUST_ZH,
    license=NBS_LICENSE,
    license_zh=NBS_LICENSE_ZH,
    notes="College (大专) or higher as a share of surveyed people aged 6 and over. " + SURVEY_NOTE,
    notes_zh="大专及以上学历人口占6岁及以上被调查人口的比重。" + SURVEY_NOTE_ZH,
)
PROVINCE_STUDENTS = Source(
    id="nbs_prov_students",
    file="cn_nbs_province_students_per_100k_2000_2019.csv",
    publisher=NBS,
    title="Students enrolled per 100,000 population by level of school, by province, 2008-2019",
    publisher_zh=NBS_ZH,
    title_zh="各省每十万人口各级学校平均在校生数，2008—2019年",
    origin=CRAWLED_REPO + "教育/每十万人口各级学校平均在校生数.csv" + CRAWLED_COMMIT,
    trust=CRAWLED_TRUST,
    trust_zh=CRAWLED_TRUST_ZH,
    license=NBS_LICENSE,
    license_zh=NBS_LICENSE_ZH,
    notes="Only higher education (高等学校) is used. Some years carry spurious decimals "
    "(2,844.84710178); they are kept as published.",
    notes_zh="仅使用高等学校在校生数。部分年份数值带有多余的小数位（如2844.84710178），按原样保留。",
)
PROVINCE_PATENTS = Source(
    id="nbs_prov_patents",
    file="cn_nbs_province_patent_applications_grants_2000_2019.csv",
    publisher=NBS,
    title="Domestic patent applications accepted and granted by province, 2000-2019",
    publisher_zh=NBS_ZH,
    title_zh="各省国内三种专利申请受理数和授权数，2000—2019年",
    origin=CRAWLED_REPO + "科技/国内三种专利申请受理数和授权数.csv" + CRAWLED_COMMIT,
    trust=CRAWLED_TRUST,
    trust_zh=CRAWLED_TRUST_ZH,
    license=NBS_LICENSE,
    license_zh=NBS_LICENSE_ZH,
    notes="Totals count all three kinds (invention, utility model, design); invention patents "
    "granted are also kept on their own. Not comparable with US utility patent grants.",
    notes_zh="合计包括发明、实用新型和外观设计三种专利；发明专利授权数另行收录。不能与美国发明专利"
    "（utility patent）授权数直接比较。",
)
PROVINCE_HOUSING = Source(
    id="nbs_prov_housing",
    file="cn_nbs_province_commodity_housing_avg_price_2000_2019.csv",
    publisher=NBS,
    title="Average sale price of commodity buildings by use, by province, 2000-2019",
    publisher_zh=NBS_ZH,
    title_zh="各省按用途分商品房平均销售价格，2000—2019年",
    origin=CRAWLED_REPO + "固定资产投资和房地产/按用途分商品房平均销售价格.csv" + CRAWLED_COMMIT,
    trust=CRAWLED_TRUST,
    trust_zh=CRAWLED_TRUST_ZH,
    license=NBS_LICENSE,
    license_zh=NBS_LICENSE_ZH,
    notes="Only residential buildings (住宅) are used: sales of new housing by developers, not "
    "second-hand homes. Liaoning 2019 gives the same 8,249 yuan/m² for all commodity "
    "buildings and for residential ones, which looks like a copying error in one of them.",
    notes_zh="仅使用住宅商品房：开发商销售的新建住房，不含二手房。辽宁省2019年商品房和住宅商品房"
    "均价同为每平方米8249元，其中之一可能有誊录错误。",
)
PROVINCE_SURVEY_POPULATION = Source(
    id="nbs_prov_survey_population",
    file="cn_nbs_province_population_sample_survey_2006_2024_gbk.csv",
    publisher=NBS,
    title="Population, sample survey (人口数(人口抽样调查)), by province, 2006-2024",
    publisher_zh=NBS_ZH,
    title_zh="各省人口数（人口抽样调查），2006—2024年",
    origin=RAW_REPO + "分省年度数据 (1).csv" + RAW_COMMIT,
    trust=RAW_TRUST,
    trust_zh=RAW_TRUST_ZH,
    license=RAW_LICENSE,
    license_zh=RAW_LICENSE_ZH,
    notes="GBK text. The base of the 65+ share; no value of its own is bundled. " + SURVEY_NOTE,
    notes_zh="GBK 编码。作为65岁及以上人口比重的分母，本身不单独收录。" + SURVEY_NOTE_ZH,
)
PROVINCE_SURVEY_65PLUS = Source(
    id="nbs_prov_survey_65plus",
    file="cn_nbs_province_population_65plus_sample_survey_2006_2024_gbk.csv",
    publisher=NBS,
    title="Population aged 65 and over, sample survey, by province, 2006-2024",
    publisher_zh=NBS_ZH,
    title_zh="各省65岁及以上人口数（人口抽样调查），2006—2024年",
    origin=RAW_REPO + "分省年度数据 (2).csv" + RAW_COMMIT,
    trust=RAW_TRUST,
    trust_zh=RAW_TRUST_ZH,
    license=RAW_LICENSE,
    license_zh=RAW_LICENSE_ZH,
    notes="GBK text. 65+ share = this file / the sample-survey population of the same "
    "province and year. " + SURVEY_NOTE,
    notes_zh="GBK 编码。65岁及以上人口比重 = 本文件数值 / 同省同年人口抽样调查人口数。"
    + SURVEY_NOTE_ZH,
)

PROVINCE_SOURCES: tuple[Source, ...] = (
    PROVINCE_GDP_INDEX,
    PROVINCE_POPULATION,
    PROVINCE_AGE,
    PROVINCE_EDUCATION,
    PROVINCE_STUDENTS,
    PROVINCE_PATENTS,
    PROVINCE_HOUSING,
    PROVINCE_SURVEY_POPULATION,
    PROVINCE_SURVEY_65PLUS,
)
