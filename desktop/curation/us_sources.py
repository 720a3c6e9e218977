"""The US metro source files (resources/sources/SOURCES.md entries 16-20 and 24)."""

from __future__ import annotations

from desktop.core.catalog import Source

OFFICIAL_TRUST_ZH = "A（官方统计数据）"
PUBLIC_DOMAIN = "US federal government data, public domain"
PUBLIC_DOMAIN_ZH = "美国联邦政府数据，公有领域"
BEA = "US Bureau of Economic Analysis (BEA), Regional Economic Accounts"
BEA_ZH = "美国经济分析局（BEA），地区经济账户"
CENSUS_BUREAU = "US Census Bureau, Population Estimates Program (PEP)"
CENSUS_BUREAU_ZH = "美国人口普查局，人口估计项目（PEP）"

PEP_2019 = Source(
    id="census_pep_2019",
    file="us_census_pep_cbsa_est2019_alldata_2010_2019_latin1.csv",
    publisher=CENSUS_BUREAU,
    title="Resident population estimates of metropolitan areas, 1 July 2010-2019 (Vintage 2019)",
    publisher_zh=CENSUS_BUREAU_ZH,
    title_zh="大都市统计区常住人口估计，2010—2019年7月1日（2019年版）",
    origin="GitHub linhdinh1989/DS4AW_project, cbsa-est2019-alldata.csv "
    "@ 2ae5477d48e64b7b5f6c18b7b8b61d03c5589b01",
    trust="A (official statistics)",
    trust_zh=OFFICIAL_TRUST_ZH,
    license=PUBLIC_DOMAIN,
    license_zh=PUBLIC_DOMAIN_ZH,
    notes="CBSA total rows only (OMB September 2018 delineation), Latin-1 text.",
    notes_zh="仅取大都市统计区合计行（美国行政管理和预算局2018年9月划定的范围），Latin-1 编码。",
)
PEP_2021 = Source(
    id="census_pep_2021",
    file="us_census_pep_cbsa_est2021_alldata_2020_2021_latin1.csv",
    publisher=CENSUS_BUREAU,
    title="Resident population estimates of metropolitan areas, 1 July 2020-2021 (Vintage 2021)",
    publisher_zh=CENSUS_BUREAU_ZH,
    title_zh="大都市统计区常住人口估计，2020—2021年7月1日（2021年版）",
    origin="GitHub linhdinh1989/DS4AW_project, cbsa-est2021-alldata.csv "
    "@ 2ae5477d48e64b7b5f6c18b7b8b61d03c5589b01",
    trust="A (official statistics)",
    trust_zh=OFFICIAL_TRUST_ZH,
    license=PUBLIC_DOMAIN,
    license_zh=PUBLIC_DOMAIN_ZH,
    notes="Based on the 2020 Census (OMB March 2020 delineation): the step from 2019 "
    "(Vintage 2019) to 2020 is a re-benchmarking, not growth.",
    notes_zh="以2020年人口普查为基准（2020年3月划定的范围）：2019年（2019年版）到2020年的变化"
    "是基准调整，不是人口增长。",
)
BEA_CAGDP1 = Source(
    id="bea_cagdp1",
    file="us_bea_cagdp1_msa_gdp_2001_2022.csv",
    publisher=BEA,
    title="CAGDP1: GDP of metropolitan areas, current and chained 2017 dollars, 2001-2022",
    publisher_zh=BEA_ZH,
    title_zh="大都市统计区地区生产总值（表 CAGDP1），现价美元和2017年链式美元，2001—2022年",
    origin="GitHub eliotozaki/ECONPROJECT, CAGDP1_MSA_2001_2022.csv in "
    "Panel_Data/GDP-income/GDP1.zip @ 4696ad37f8bc2e8f54f7b95192d7d158ee9970cb",
    trust="A (official statistics)",
    trust_zh=OFFICIAL_TRUST_ZH,
    license=PUBLIC_DOMAIN,
    license_zh=PUBLIC_DOMAIN_ZH,
    notes="Line 3 (current dollars) is stored in yuan at the World Bank's annual average "
    "rate of each year; line 1 (chained 2017 dollars) is kept in dollars and gives real "
    "growth. Last updated 1 November 2024.",
    notes_zh="第3行（现价美元）按世界银行各年年平均汇率折算为人民币存储；第1行（2017年链式美元）"
    "保留美元，并用于计算实际增长率。最后更新于2024年11月1日。",
)
BEA_CAINC1 = Source(
    id="bea_cainc1",
    file="us_bea_cainc1_msa_personal_income_population_1969_2022.csv",
    publisher=BEA,
    title="CAINC1: personal income, population and per-capita personal income of "
    "metropolitan areas, 1969-2022",
    publisher_zh=BEA_ZH,
    title_zh="大都市统计区个人收入、人口和人均个人收入（表 CAINC1），1969—2022年",
    origin="GitHub eliotozaki/ECONPROJECT, CAINC1_MSA_1969_2022.csv in "
    "Panel_Data/GDP-income/INCOME1-personalIncome.zip @ 4696ad37f8bc2e8f54f7b95192d7d158ee9970cb",
    trust="A- (official; the repository re-packed the zip, this member is unaltered)",
    trust_zh="A-（官方数据；仓库作者重新打包了压缩文件，本成员文件未经改动）",
    license=PUBLIC_DOMAIN,
    license_zh=PUBLIC_DOMAIN_ZH,
    notes="Only line 3, per-capita personal income (current dollars), is used. Last "
    "updated 16 November 2023.",
    notes_zh="仅使用第3行人均个人收入（现价美元）。最后更新于2023年11月16日。",
)
BEA_CAEMP25N = Source(
    id="bea_caemp25n",
    file="us_bea_caemp25n_msa_employment_by_industry_2001_2022.csv",
    publisher=BEA,
    title="CAEMP25N: total full- and part-time employment by NAICS industry, metropolitan "
    "areas, 2001-2022",
    publisher_zh=BEA_ZH,
    title_zh="大都市统计区按北美行业分类的全职和兼职就业总数（表 CAEMP25N），2001—2022年",
    origin="GitHub bjaros20/ST-Apportionment, data/raw/CAEMP25N_MSA_2001_2022.csv "
    "@ 212e97cacc8e8cb980479a53bfbdf3b0b344aa44",
    trust="A (official statistics)",
    trust_zh=OFFICIAL_TRUST_ZH,
    license="Public domain (BEA); repository MIT (2025 Ben Jaros)",
    license_zh="公有领域（BEA）；仓库采用 MIT 许可（2025 Ben Jaros）",
    notes="Jobs by place of work, proprietors included. Cells marked (D) are suppressed by "
    "BEA and values marked E are only the major part of the true figure: both are left out, "
    "and a share whose parts are missing is left missing, never summed from the rest.",
    notes_zh="按工作地统计的就业岗位，含业主。标为（D）的单元格被美国经济分析局隐去，"
    "标有 E 的数值只是实际数的主要部分，二者均不采用；"
    "组成部分缺失的比重不计算，也不会用其余部分拼凑。",
)
BROOKINGS_PROSPERITY = Source(
    id="brookings_prosperity",
    file="us_brookings_metro_monitor_2021_prosperity_values_2009_2019.csv",
    publisher="Brookings Institution, Metro Monitor 2021",
    title="Prosperity values 2009-2019: average annual wage and output per person by "
    "metropolitan area",
    publisher_zh="布鲁金斯学会，Metro Monitor 2021",
    title_zh="2009—2019年繁荣指标：各大都市区平均年工资和人均产出",
    origin="GitHub fansi-sifan/metro-datasets, 'source/metro monitor 2021/Prosperity Values "
    "(SC 2021.01.12 ).csv' @ 3b4d10d145d8a933337567463edf5fb2ba3cebeb",
    trust="B (think-tank compilation; units and base year not stated)",
    trust_zh="B（智库汇编；未注明单位和基年）",
    license="No licence in the repository.",
    license_zh="仓库未附许可协议。",
    notes="Only 2019 is kept: earlier years appear to be in 2019 dollars, so 2019 is the one "
    "year that is current dollars in either reading. Converted to yuan at the 2019 average rate.",
    notes_zh="仅保留2019年：较早年份似乎按2019年美元计价，因此无论按哪种理解，只有2019年是现价美元。"
    "按2019年平均汇率折算为人民币。",
)

ACS_2019 = Source(
    id="acs_2019",
    file="us_census_acs1_2019_cbsa_selected_tables_metro_datasets.csv",
    publisher="US Census Bureau, American Community Survey 2019 1-year estimates "
    "(pulled through the Census API by Brookings Metro)",
    title="ACS 2019: educational attainment (S1501) and median household income (B19013) "
    "by metropolitan area",
    publisher_zh="美国人口普查局，2019年美国社区调查一年期估计（布鲁金斯学会都市项目经人口普查局"
    "接口下载）",
    title_zh="2019年美国社区调查：各大都市区受教育程度（表 S1501）和家庭收入中位数（表 B19013）",
    origin="GitHub fansi-sifan/metro-datasets, acs1_2019/cbsa_acs_raw.csv "
    "@ c605d639865c4de7581cb794cb8f2e1c487d200d",
    trust="B (official survey estimates, reshaped by a third party)",
    trust_zh="B（官方抽样调查估计数，经第三方整理）",
    license="ACS data are public domain; no licence in the repository.",
    license_zh="美国社区调查数据属公有领域；仓库未附许可协议。",
    notes="One year only (2019). Survey estimates with margins of error (the M columns), "
    "which are not carried over.",
    notes_zh="仅有2019年一年。抽样调查估计数带有误差范围（M 列），未予收录。",
)
USPTO = Source(
    id="uspto_cbsa",
    file="us_uspto_utility_patents_by_cbsa_2000_2015.csv",
    publisher="US Patent and Trademark Office (USPTO), Patent Technology Monitoring Team",
    title="Utility patent grants by metropolitan and micropolitan area, 2000-2015",
    publisher_zh="美国专利商标局（USPTO），专利技术监测组",
    title_zh="各大都市区和小都市区发明专利（utility patent）授权数，2000—2015年",
    origin="GitHub fansi-sifan/metro-datasets, source/USPTO_msa.csv "
    "@ b0d36db0d448339861174ab7532b490ae774f657",
    trust="A- (official table, copied by a third party)",
    trust_zh="A-（官方统计表，经第三方转存）",
    license=PUBLIC_DOMAIN,
    license_zh=PUBLIC_DOMAIN_ZH,
    notes="Grants by year of grant, counted in the area of the first-named inventor. The "
    "table uses the 2009 metro definitions and codes; a metro whose code changed since is "
    "left out, and boundaries may differ from the other US files.",
    notes_zh="按授权年份统计，计入第一发明人所在地区。该表采用2009年的大都市区范围和代码；"
    "此后代码变动的都市区未予收录，其范围可能与其他美国数据文件不同。",
)

WDI_PPP = Source(
    id="wdi_ppp",
    file="world_wb_wdi_pa_nus_ppp_conversion_factor_1990_2023.csv",
    publisher="World Bank, World Development Indicators",
    publisher_zh="世界银行，世界发展指标（WDI）",
    title="PPP conversion factor, GDP (LCU per international $), PA.NUS.PPP",
    title_zh="购买力平价换算因子，GDP（本币/国际元），PA.NUS.PPP",
    origin="GitHub TomSadeh/World-Health-Expenditure, "
    "data/API_PA.NUS.PPP_DS2_en_csv_v2_13721.csv @ fc21e82afd853af6dc9fd9baa4e7e14cf8b2f44e",
    trust="A (official statistics)",
    trust_zh=OFFICIAL_TRUST_ZH,
    license="CC BY 4.0",
    license_zh="CC BY 4.0",
    notes="Last updated 2025-03-24 (ICP 2021 based: China 2019 is about 4.06, not the 4.2 "
    "of older vintages). Only China is kept; the US factor is 1 by definition.",
    notes_zh="最后更新于2025年3月24日（以2021年国际比较项目为基准：中国2019年约为4.06，"
    "不是旧版数据的4.2）。仅保留中国；美国的换算因子按定义为1。",
)

US_SOURCES: tuple[Source, ...] = (
    PEP_2019,
    PEP_2021,
    BEA_CAGDP1,
    BEA_CAINC1,
    BEA_CAEMP25N,
    BROOKINGS_PROSPERITY,
    ACS_2019,
    USPTO,
    WDI_PPP,
)
