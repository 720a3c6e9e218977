"""The indicator catalog of the bundled dataset: labels, units, display, and source columns."""

from __future__ import annotations

from desktop.core.catalog import Field, Indicator
from desktop.core.units import DisplayScale

YI_YUAN = DisplayScale(1e8, "亿元", "亿元", 2)
WAN_PERSONS = DisplayScale(1e4, "万人", "万人", 2)
YUAN = DisplayScale(1, "yuan", "元", 0)
PERCENT_1 = DisplayScale(1, "%", "%", 1)
PERCENT_2 = DisplayScale(1, "%", "%", 2)

REGISTERED_NOTE = (
    "Registered (户籍, hukou) population counts people whose household registration is in the "
    "city; it is not the resident (常住) population, which is larger in cities that draw "
    "migrants (compare the census indicator)."
)
REGISTERED_NOTE_ZH = (
    "户籍人口指户口登记在本市的人口，不等于常住人口；在外来人口较多的城市，常住人口明显多于"
    "户籍人口（可对照人口普查常住人口指标）。"
)


def _csmar(column: str, unit: str, source: str = "csmar_gdp") -> tuple[Field, ...]:
    return (Field(source, column, unit),)


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "gdp",
        "GDP (current prices)",
        "地区生产总值（当年价格）",
        "CNY",
        "Economy",
        True,
        YI_YUAN,
        (Field("csmar_gdp", "Gdpct01", "亿元"), Field("nbs_province", "地区生产总值", "亿元")),
        definition_en="Gross regional product of the whole city (全市), nominal.",
        definition_zh="全市地区生产总值，按当年价格（现价）计算。",
    ),
    Indicator(
        "gdp_per_capita",
        "GDP per capita",
        "人均地区生产总值",
        "CNY_per_person",
        "Economy",
        True,
        YUAN,
        _csmar("GDP_PerCapita", "元"),
        definition_en="GDP divided by population as published (resident-based in recent years).",
        definition_zh="地区生产总值除以人口，采用公布数（近年按常住人口计算）。",
    ),
    Indicator(
        "gdp_real_growth",
        "Real GDP growth",
        "地区生产总值增长率（实际）",
        "percent",
        "Economy",
        True,
        PERCENT_1,
        (Field("csmar_gdp", "GDPYoY", "%"), Field("wdi_growth", "NY.GDP.MKTP.KD.ZG", "%")),
        definition_en="Year-on-year growth of GDP at constant prices.",
        definition_zh="按不变价格计算的地区生产总值比上年增长率。",
    ),
    Indicator(
        "gdp_share_primary",
        "Primary industry share of GDP",
        "第一产业占GDP比重",
        "percent",
        "Structure",
        None,
        PERCENT_2,
        _csmar("Gdpct02", "%"),
    ),
    Indicator(
        "gdp_share_secondary",
        "Secondary industry share of GDP",
        "第二产业占GDP比重",
        "percent",
        "Structure",
        None,
        PERCENT_2,
        _csmar("Gdpct03", "%"),
    ),
    Indicator(
        "gdp_share_tertiary",
        "Tertiary industry share of GDP",
        "第三产业占GDP比重",
        "percent",
        "Structure",
        None,
        PERCENT_2,
        _csmar("Gdpct04", "%"),
    ),
    Indicator(
        "va_primary",
        "Value added, primary industry",
        "第一产业增加值",
        "CNY",
        "Structure",
        None,
        YI_YUAN,
        _csmar("GDP_PrimInd", "万元"),
    ),
    Indicator(
        "va_secondary",
        "Value added, secondary industry",
        "第二产业增加值",
        "CNY",
        "Structure",
        None,
        YI_YUAN,
        _csmar("GDP_SecInd", "万元"),
    ),
    Indicator(
        "va_tertiary",
        "Value added, tertiary industry",
        "第三产业增加值",
        "CNY",
        "Structure",
        None,
        YI_YUAN,
        _csmar("GDP_TerInd", "万元"),
    ),
    Indicator(
        "population_registered",
        "Registered population (year-end)",
        "年末户籍人口",
        "persons",
        "Population",
        None,
        WAN_PERSONS,
        _csmar("Eect01", "万人", "csmar_labour"),
        notes_en=REGISTERED_NOTE,
        notes_zh=REGISTERED_NOTE_ZH,
    ),
    Indicator(
        "population_resident",
        "Resident population (census)",
        "常住人口（人口普查）",
        "persons",
        "Population",
        None,
        WAN_PERSONS,
        (Field("census", "popu_2010 / popu_2020", "人"),),
        notes_en="Census-day resident (常住) population, 6th (2010) and 7th (2020) censuses.",
        notes_zh="第六次（2010年）和第七次（2020年）全国人口普查常住人口。",
    ),
    Indicator(
        "employment",
        "Employed persons (year-end)",
        "年末从业人员数",
        "persons",
        "Labour",
        True,
        WAN_PERSONS,
        _csmar("Eect05", "万人", "csmar_labour"),
    ),
    Indicator(
        "employees",
        "Employees on payroll (annual average)",
        "在岗职工平均人数",
        "persons",
        "Labour",
        True,
        WAN_PERSONS,
        _csmar("Eect11", "万人", "csmar_labour"),
    ),
    Indicator(
        "average_wage",
        "Average wage of employees",
        "在岗职工平均工资",
        "CNY_per_person",
        "Labour",
        True,
        YUAN,
        _csmar("Eect13", "元", "csmar_labour"),
    ),
    Indicator(
        "wage_bill",
        "Total wages of employees",
        "在岗职工工资总额",
        "CNY",
        "Labour",
        True,
        YI_YUAN,
        _csmar("Eect12", "万元", "csmar_labour"),
    ),
    Indicator(
        "employment_share_primary",
        "Primary industry share of employment",
        "第一产业从业人员比重",
        "percent",
        "Structure",
        None,
        PERCENT_2,
        _csmar("Eect08", "%", "csmar_labour"),
    ),
    Indicator(
        "employment_share_secondary",
        "Secondary industry share of employment",
        "第二产业从业人员比重",
        "percent",
        "Structure",
        None,
        PERCENT_2,
        _csmar("Eect09", "%", "csmar_labour"),
    ),
    Indicator(
        "employment_share_tertiary",
        "Tertiary industry share of employment",
        "第三产业从业人员比重",
        "percent",
        "Structure",
        None,
        PERCENT_2,
        _csmar("Eect10", "%", "csmar_labour"),
    ),
    Indicator(
        "fdi_utilised",
        "Foreign direct investment, utilised",
        "外商实际投资额",
        "USD",
        "Investment",
        True,
        DisplayScale(1e6, "million US$", "百万美元", 1),
        (Field("ccsy_panel", "外商实际投资额_全市_万美元", "万美元"),),
    ),
    Indicator(
        "gdp_real_usd",
        "Real GDP (US metro)",
        "实际地区生产总值（美国都市区）",
        "USD",
        "Economy",
        True,
        DisplayScale(1e9, "billion US$", "十亿美元", 1),
        (Field("brookings", "Real GDP", "US$"),),
        notes_en="Brookings Metro Monitor; stored with 3 significant figures; base year not "
        "stated by the source.",
        notes_zh="数据来自布鲁金斯学会 Metro Monitor；数值保留3位有效数字；"
        "来源未注明不变价的基年。",
        definition_en="Real GDP of the metropolitan statistical area (a commuting region).",
        definition_zh="大都市统计区（按通勤范围划定的区域）的实际地区生产总值。",
    ),
    Indicator(
        "jobs",
        "Jobs (US metro)",
        "就业岗位（美国都市区）",
        "jobs",
        "Labour",
        True,
        DisplayScale(1e3, "thousand", "千个", 1),
        (Field("brookings", "Jobs", "jobs"),),
        definition_en="Number of jobs located in the metro area (not employed residents).",
        definition_zh="按工作地统计的都市区就业岗位数（不是按居住地统计的就业人数）。",
    ),
    Indicator(
        "gdp_usd_current",
        "GDP (current US$)",
        "国内生产总值（现价美元）",
        "USD",
        "Context",
        True,
        DisplayScale(1e9, "billion US$", "十亿美元", 1),
        (Field("wdi_gdp", "NY.GDP.MKTP.CD", "US$"),),
    ),
    Indicator(
        "exchange_rate",
        "Exchange rate (yuan per US$, annual average)",
        "汇率（人民币/美元，年平均）",
        "CNY_per_USD",
        "Context",
        None,
        DisplayScale(1, "yuan/US$", "元/美元", 4),
        (Field("wdi_fx", "PA.NUS.FCRF", "LCU per US$"),),
    ),
)
