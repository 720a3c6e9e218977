"""The source files the bundled dataset is built from, with their origin and caveats.

Descriptions follow `resources/sources/SOURCES.md`. The files' sizes and SHA-256 live in one
place, `resources/sources/manifest.json`: the build checks each file against it before reading
it (so a changed input cannot silently change the bundled numbers) and copies the SHA-256 into
each Source of the bundled catalog.
"""

from __future__ import annotations

from desktop.core.catalog import Source
from desktop.curation.cn_extra_sources import CN_EXTRA_SOURCES
from desktop.curation.province_sources import PROVINCE_SOURCES
from desktop.curation.us_sources import US_SOURCES

CSMAR_TRUST_ZH = "B（商业数据库，据《中国城市统计年鉴》整理）"
CSMAR_LICENSE_ZH = "仓库未附许可协议；国泰安（CSMAR）为订阅制数据库。仅限内部使用。"
OFFICIAL_TRUST_ZH = "A（官方统计数据）"
CONTEXT_NOTE_ZH = "仅保留中国和美国的数据，作为背景参照。"

CSMAR_GDP = Source(
    id="csmar_gdp",
    file="cn_city_gdp_csmar_CRE_Gdpct_1990_2021.csv",
    publisher="CSMAR (GTA) China Regional Economy database",
    title="CRE_Gdpct: city GDP, structure, per-capita GDP and growth, 1990-2021",
    publisher_zh="国泰安（CSMAR）中国区域经济研究数据库",
    title_zh="CRE_Gdpct：城市地区生产总值、产业结构、人均地区生产总值及增长率，1990—2021年",
    origin="GitHub eileenCHEN-9/PhD_2022_2025, data/raw_data/statistics/CRE_Gdpct.csv "
    "@ ff66ee64ac22f68e47e2289dbeb95cddcecae122",
    trust="B (commercial compilation of the China City Statistical Yearbook)",
    license="No licence in the repository; CSMAR is a subscription database. Internal use.",
    trust_zh=CSMAR_TRUST_ZH,
    license_zh=CSMAR_LICENSE_ZH,
    notes="Whole-city (全市) figures. Liaoning cities' figures from 2016 on follow the "
    "province's downward restatement, so 2015-2016 changes are not real growth.",
    notes_zh="全市口径数据。辽宁省各市自2016年起的数据随全省统计数据下调（挤水分）而修订，"
    "因此2015—2016年的变化并非真实增长。",
)
CSMAR_LABOUR = Source(
    id="csmar_labour",
    file="cn_city_population_employment_wage_csmar_CRE_Eplwagct_1978_2021.csv",
    publisher="CSMAR (GTA) China Regional Economy database",
    title="CRE_Eplwagct: city population, employment and wages, 1978-2021",
    publisher_zh="国泰安（CSMAR）中国区域经济研究数据库",
    title_zh="CRE_Eplwagct：城市人口、就业与工资，1978—2021年",
    origin="GitHub eileenCHEN-9/PhD_2022_2025, data/raw_data/statistics/CRE_Eplwagct.csv "
    "@ ff66ee64ac22f68e47e2289dbeb95cddcecae122",
    trust="B (commercial compilation of the China City Statistical Yearbook)",
    license="No licence in the repository; CSMAR is a subscription database. Internal use.",
    trust_zh=CSMAR_TRUST_ZH,
    license_zh=CSMAR_LICENSE_ZH,
    notes="Population here is the registered (户籍, hukou) population, not the resident "
    "population. The export's data dictionary gives no units; the CSMAR/CCSY conventions "
    "(万人, 万元, 元) are used. Population density (Eect04) is left out: it mixes bases.",
    notes_zh="本表人口为户籍人口，不是常住人口。导出文件的数据字典未注明单位，按国泰安（CSMAR）"
    "和《中国城市统计年鉴》的惯例（万人、万元、元）处理。人口密度（Eect04）未采用：其计算口径不一。",
)
CENSUS = Source(
    id="census",
    file="cn_city_census_population_2010_2020_leiii.csv",
    publisher="National Bureau of Statistics of China, 6th and 7th population censuses "
    "(digitised by Lei Dong)",
    title="Resident population, age 65+ share, urban population and household size of "
    "prefecture-level units, census 2010 and 2020",
    publisher_zh="国家统计局，第六次、第七次全国人口普查（Lei Dong 录入整理）",
    title_zh="地级单位常住人口、65岁及以上人口比重、城镇人口和平均家庭户规模，2010年和2020年人口普查",
    origin="GitHub leiii/census, data/census/census_city_2010-2020_v1.csv "
    "@ 6951cc46e58bad3e1f50bc1b73a838aefcd1d437",
    trust="A- (census bulletins, manually digitised and boundary-adjusted)",
    license="MIT (2022 Lei Dong)",
    trust_zh="A-（人口普查公报数据，经人工录入并按行政区划调整）",
    license_zh="MIT（2022 Lei Dong）",
    notes="Resident (常住) population on census day; boundaries adjusted to 2020. The 65+ "
    "share (%) and average household size are read as published; the urbanisation rate is "
    "computed here (urban / total) and left out where urban + rural misses the total by "
    "more than 0.1 %.",
    notes_zh="人口普查标准时点的常住人口；行政区划统一调整为2020年口径。65岁及以上人口比重（%）"
    "和平均家庭户规模按公布数读取；城镇化率由本程序计算（城镇人口/总人口），城镇与乡村人口之和"
    "与总人口相差超过0.1%时不计算。",
)
CCSY_PANEL = Source(
    id="ccsy_panel",
    file="cn_city_ccsy_panel_2004_2012_jcdasheng.xlsx",
    sheet="new",
    publisher="China City Statistical Yearbook (compiled by JC Zhang)",
    title="City panel 2004-2012: utilised FDI, industrial output above designated size, "
    "retail sales, hospital beds",
    publisher_zh="《中国城市统计年鉴》（JC Zhang 整理）",
    title_zh="城市面板数据，2004—2012年：外商实际投资额、规模以上工业总产值、社会消费品零售总额、"
    "医院和卫生院床位数",
    origin="GitHub jcdasheng/China_City_sustainability, '1999-2018 Cities data.xlsx' "
    "@ 41db3471d5076ef0e2ce781b63622d2f6bc89aa9",
    trust="B/C (student compilation; complete cases only, so years have gaps)",
    license="MIT (2022 JC zhang)",
    trust_zh="B/C（学生整理；仅保留数据完整的样本，因此部分年份缺失）",
    license_zh="MIT（2022 JC zhang）",
    notes="Only 2004-2012 despite the file name; cities are matched by Chinese name to the "
    "census list of prefecture-level units.",
    notes_zh="原文件名标为1999—2018年，实际仅含2004—2012年数据；城市按中文名称与人口普查的"
    "地级单位名单匹配。",
)
BROOKINGS = Source(
    id="brookings",
    file="us_brookings_metro_monitor_2021_growth_values_2009_2019.csv",
    publisher="Brookings Institution, Metro Monitor 2021",
    title="Growth values 2009-2019: real GDP and jobs by metropolitan area",
    publisher_zh="布鲁金斯学会，Metro Monitor 2021",
    title_zh="2009—2019年增长数据：各大都市区实际地区生产总值和就业岗位",
    origin="GitHub fansi-sifan/metro-datasets, 'source/metro monitor 2021/Growth Values "
    "(SC 2021.01.14).csv' @ 3b4d10d145d8a933337567463edf5fb2ba3cebeb",
    trust="B (think-tank compilation from Moody's Analytics and BEA/BLS/Census data)",
    license="No licence in the repository.",
    trust_zh="B（智库汇编，数据来自 Moody's Analytics 以及美国经济分析局（BEA）、"
    "劳工统计局（BLS）和人口普查局）",
    license_zh="仓库未附许可协议。",
    notes="Real GDP is stored with 3 significant figures (Excel-rounded) and the file states "
    "neither its unit nor its base year. Only the metros the file flags as top metros "
    "(topmetro = 1) and the US total are kept.",
    notes_zh="实际地区生产总值仅保留3位有效数字（经 Excel 舍入），文件未注明单位和基年。"
    "仅保留文件中标记为主要大都市区（topmetro = 1）的都市区和美国全国合计。",
)
WDI_GROWTH = Source(
    id="wdi_growth",
    file="API_NY.GDP.MKTP.KD.ZG_DS2_en_csv_v2_2788350.csv",
    publisher="World Bank, World Development Indicators",
    publisher_zh="世界银行，世界发展指标（WDI）",
    title="GDP growth (annual %), NY.GDP.MKTP.KD.ZG",
    title_zh="GDP增长率（年度百分比），NY.GDP.MKTP.KD.ZG",
    origin="GitHub relatoscondatos/data_global @ d23c1e42ca8b913184994c5e831a94fd1891eed9",
    trust="A (official statistics)",
    trust_zh=OFFICIAL_TRUST_ZH,
    license="CC BY 4.0",
    license_zh="CC BY 4.0",
    notes="Last updated 2024-06-28. Only China and the United States are kept, as context.",
    notes_zh="最后更新于2024年6月28日。" + CONTEXT_NOTE_ZH,
)
WDI_GDP = Source(
    id="wdi_gdp",
    file="API_NY.GDP.MKTP.CD_DS2_en_csv_v2_2002465.csv",
    publisher="World Bank, World Development Indicators",
    publisher_zh="世界银行，世界发展指标（WDI）",
    title="GDP (current US$), NY.GDP.MKTP.CD",
    title_zh="GDP（现价美元），NY.GDP.MKTP.CD",
    origin="GitHub relatoscondatos/data_global @ 1d84b5e3c51ab0344c37215542b754e39fe2f195",
    trust="A (official statistics)",
    trust_zh=OFFICIAL_TRUST_ZH,
    license="CC BY 4.0",
    license_zh="CC BY 4.0",
    notes="Only China and the United States are kept, as context.",
    notes_zh=CONTEXT_NOTE_ZH,
)
WDI_FX = Source(
    id="wdi_fx",
    file="API_PA.NUS.FCRF_DS2_en_csv_v2_5839703.csv",
    publisher="World Bank, World Development Indicators",
    publisher_zh="世界银行，世界发展指标（WDI）",
    title="Official exchange rate (LCU per US$, period average), PA.NUS.FCRF",
    title_zh="官方汇率（本币/美元，期间平均），PA.NUS.FCRF",
    origin="GitHub cns-iu/hra-literature @ 3e068fe8404a6da579e766b8e8fa0adac0101523",
    trust="A (official statistics)",
    trust_zh=OFFICIAL_TRUST_ZH,
    license="CC BY 4.0",
    license_zh="CC BY 4.0",
    notes="Annual average yuan per US dollar, for converting CNY values to US$.",
    notes_zh="人民币兑美元年平均汇率（元/美元），用于将人民币数值换算为美元。",
)
WDI_GDP_LCU = Source(
    id="wdi_gdp_lcu",
    file="world_wb_wdi_ny_gdp_mktp_cn_gdp_current_lcu_1960_2023.csv",
    publisher="World Bank, World Development Indicators",
    publisher_zh="世界银行，世界发展指标（WDI）",
    title="GDP (current LCU), NY.GDP.MKTP.CN",
    title_zh="GDP（现价本币），NY.GDP.MKTP.CN",
    origin="GitHub TomSadeh/World-Health-Expenditure, "
    "data/API_NY.GDP.MKTP.CN_DS2_en_csv_v2_26332.csv @ fc21e82afd853af6dc9fd9baa4e7e14cf8b2f44e",
    trust="A (official statistics)",
    trust_zh=OFFICIAL_TRUST_ZH,
    license="CC BY 4.0",
    license_zh="CC BY 4.0",
    notes="Last updated 2025-03-24. Only China and the United States are read: divided by GDP "
    "in constant LCU (NY.GDP.MKTP.KN) it gives each country's implicit GDP deflator, with "
    "which money is shown at constant prices.",
    notes_zh="仅读取中国和美国：除以不变价本币 GDP（NY.GDP.MKTP.KN）即得各国隐含 GDP 平减指数，"
    "用于按不变价显示货币数值。",
)
WDI_GDP_KLCU = Source(
    id="wdi_gdp_klcu",
    file="world_wb_wdi_ny_gdp_mktp_kn_gdp_constant_lcu_1960_2023.csv",
    publisher="World Bank, World Development Indicators",
    publisher_zh="世界银行，世界发展指标（WDI）",
    title="GDP (constant LCU), NY.GDP.MKTP.KN",
    title_zh="GDP（不变价本币），NY.GDP.MKTP.KN",
    origin="GitHub TomSadeh/World-Health-Expenditure, "
    "data/API_NY.GDP.MKTP.KN_DS2_en_csv_v2_13325.csv @ fc21e82afd853af6dc9fd9baa4e7e14cf8b2f44e",
    trust="A (official statistics)",
    trust_zh=OFFICIAL_TRUST_ZH,
    license="CC BY 4.0",
    license_zh="CC BY 4.0",
    notes="Only China and the United States are read, as the divisor of the implicit GDP "
    "deflator (current LCU / constant LCU x 100).",
    notes_zh="仅读取中国和美国，作为隐含 GDP 平减指数（现价本币 / 不变价本币 × 100）的分母。",
)
NBS_PROVINCE = Source(
    id="nbs_province",
    file="cn_nbs_province_gdp_2006_2024_gbk.csv",
    publisher="National Bureau of Statistics of China (国家统计局), data.stats.gov.cn",
    title="分省年度数据: 地区生产总值 (亿元), 2006-2024",
    publisher_zh="国家统计局，国家数据（data.stats.gov.cn）",
    title_zh="分省年度数据：地区生产总值（亿元），2006—2024年",
    origin="GitHub RenJiyi163/panel_data_analysis_for_thesis, 分省年度数据.csv "
    "@ e6d65372ec36319dd3d838f5c5e12841f7c77f26",
    trust="A (official statistics)",
    trust_zh=OFFICIAL_TRUST_ZH,
    license="NBS data; repository MIT (2026 RenJiyi163)",
    license_zh="国家统计局数据；仓库采用 MIT 许可（2026 RenJiyi163）",
    notes="Nominal GDP, revised after the 5th economic census (1992-2023 restated), so "
    "province totals do not equal the sum of the unrevised city figures.",
    notes_zh="现价（名义）地区生产总值，已按第五次全国经济普查结果修订（1992—2023年数据重新"
    "核算），因此省级总量不等于所辖各市未经修订数据之和。",
)

ALL_SOURCES: tuple[Source, ...] = (
    CSMAR_GDP,
    CSMAR_LABOUR,
    CENSUS,
    CCSY_PANEL,
    BROOKINGS,
    WDI_GROWTH,
    WDI_GDP,
    WDI_FX,
    WDI_GDP_LCU,
    WDI_GDP_KLCU,
    NBS_PROVINCE,
    *US_SOURCES,
    *CN_EXTRA_SOURCES,
    *PROVINCE_SOURCES,
)
