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


US_TO_YUAN = "thousand US$ -> yuan at the year's average rate"
US_MONEY_NOTE = (
    "US metro values were published in current US dollars and are stored in yuan at the "
    "World Bank's annual average rate of the same year (PA.NUS.FCRF); a comparison that "
    "mixes countries shows the row in US dollars at that rate."
)
US_MONEY_NOTE_ZH = (
    "美国都市区数值原为现价美元，按世界银行同年年平均汇率（PA.NUS.FCRF）折算为人民币存储；"
    "中美城市同表比较时，该行按同一汇率以美元显示。"
)
JOBS_NOTE = (
    "Not the same count: US metros (BEA) count jobs located in the metro area, full- and "
    "part-time, a person with two jobs twice, proprietors included; Chinese cities (CSMAR, "
    "city statistical yearbook) count persons employed in urban units at year end, so "
    "self-employed and most private-business workers are left out."
)
JOBS_NOTE_ZH = (
    "统计口径不同：美国都市区（BEA）统计位于都市区内的就业岗位，含全职和兼职，一人兼两职计两次，"
    "并包括业主；中国城市（国泰安，城市统计年鉴）统计年末城镇单位从业人员，不含个体和大部分"
    "私营企业从业人员。"
)
SHARE_NOTE = (
    "US metros: BEA jobs by NAICS industry; primary = farm + forestry, fishing and related "
    "activities, secondary = mining + utilities + construction + manufacturing, tertiary = the "
    "rest; missing where BEA suppresses a part (D). Chinese cities: share of urban-unit "
    "employment."
)
SHARE_NOTE_ZH = (
    "美国都市区：按北美行业分类（NAICS）的美国经济分析局就业岗位；"
    "第一产业 = 农场 + 林业、渔业及相关活动，第二产业 = 采矿业 + 公用事业 + 建筑业 + 制造业，"
    "第三产业为其余部分；任一部分被美国经济分析局隐去（D）时不计算。中国城市：占城镇单位从业人员的比重。"
)

SCOPE_NOT_STATED = (
    "The source does not state whether it covers the whole city (全市) or the urban "
    "districts (市辖区)."
)
SCOPE_NOT_STATED_ZH = "来源未说明是全市还是市辖区口径。"


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
        (
            Field("csmar_gdp", "Gdpct01", "亿元"),
            Field("nbs_province", "地区生产总值", "亿元"),
            Field("bea_cagdp1", "LineCode 3 (current-dollar GDP), the year's column", US_TO_YUAN),
        ),
        definition_en="Gross regional product at current prices (nominal). Chinese cities: "
        "the whole city (全市: the urban districts plus the counties and county-level cities "
        "it administers), compiled by CSMAR from the city statistical yearbook and local "
        "bulletins; provinces: NBS's 地区生产总值; US metros: BEA's current-dollar GDP of the "
        "metropolitan statistical area, a commuting region made of whole counties.",
        definition_zh="按当年价格（现价）计算的地区生产总值。中国城市：全市口径（市辖区加所辖县和"
        "县级市），国泰安（CSMAR）据城市统计年鉴和地方统计公报整理；省份：国家统计局公布的地区生产"
        "总值；美国都市区：美国经济分析局（BEA）公布的大都市统计区现价地区生产总值，大都市统计区是"
        "由整县组成的通勤区域。",
        notes_en=US_MONEY_NOTE,
        notes_zh=US_MONEY_NOTE_ZH,
    ),
    Indicator(
        "gdp_per_capita",
        "GDP per capita",
        "人均地区生产总值",
        "CNY_per_person",
        "Economy",
        True,
        YUAN,
        (
            Field("csmar_gdp", "GDP_PerCapita", "元"),
            Field("brookings_prosperity", "value, indicator Output per Person, year 2019",
                  "US$ -> yuan at the 2019 average rate"),
        ),
        definition_en="GDP per person in yuan at current prices, the figure as published "
        "(CSMAR, from the city statistical yearbook). The source does not state which "
        "population it divides by; for Shenyang, GDP ÷ this figure gives 829万 people in "
        "2016, the resident (常住) population, not the registered (户籍) 734万. US metros: "
        "Brookings Metro Monitor's output per person, 2019 only.",
        definition_zh="人均地区生产总值（元，现价），采用公布数（国泰安，据城市统计年鉴）。来源"
        "未说明所除的人口口径；以沈阳为例，2016年地区生产总值除以该数约为829万人，即常住人口，"
        "而非户籍人口734万。美国都市区：布鲁金斯学会 Metro Monitor 的人均产出，仅2019年。",
        notes_en="The source's own figure, kept as published; 'GDP per resident' is computed "
        "the same way for every city. US metros: Brookings' output per person, 2019 only (the "
        "file states no unit; 2019 is current dollars in any reading). " + US_MONEY_NOTE,
        notes_zh="来源自身公布的数值，按原样保留；“人均地区生产总值（按常住人口计算）”对所有城市"
        "采用同一算法。美国都市区：布鲁金斯学会的人均产出，仅2019年（文件未注明单位，2019年数值"
        "在任何理解下都是现价美元）。" + US_MONEY_NOTE_ZH,
    ),
    Indicator(
        "gdp_per_resident",
        "GDP per resident",
        "人均地区生产总值（按常住人口计算）",
        "CNY_per_person",
        "Economy",
        True,
        YUAN,
        (
            Field("csmar_gdp", "Gdpct01 / census popu_2010, popu_2020", "亿元 / 人"),
            Field("bea_cagdp1", "LineCode 3 / PEP POPESTIMATE of the year",
                  US_TO_YUAN + " / persons"),
        ),
        definition_en="GDP divided by the resident population of the same year, computed "
        "here alike for every city: Chinese cities in census years (2010, 2020, census "
        "resident population), US metros with the Census Bureau's 1 July estimates.",
        definition_zh="地区生产总值除以同年常住人口，对所有城市采用同一算法：中国城市为人口普查年份"
        "（2010、2020年，普查常住人口），美国都市区为人口普查局7月1日人口估计数。",
        notes_en="It differs from the published 'GDP per capita' where the source used another "
        "population (registered, or a year average). " + US_MONEY_NOTE,
        notes_zh="若来源公布的人均地区生产总值采用了其他人口口径（户籍人口或年平均人口），两者会有差异。"
        + US_MONEY_NOTE_ZH,
    ),
    Indicator(
        "gdp_real_growth",
        "Real GDP growth",
        "地区生产总值增长率（实际）",
        "percent",
        "Economy",
        True,
        PERCENT_1,
        (
            Field("csmar_gdp", "GDPYoY", "%"),
            Field("wdi_growth", "NY.GDP.MKTP.KD.ZG", "%"),
            Field("bea_cagdp1",
                  "LineCode 1 (real GDP), the year's and the previous year's columns", "%"),
        ),
        definition_en="Year-on-year growth of GDP at constant (comparable) prices, in "
        "percent. Chinese cities: the published rate (CSMAR); provinces: NBS's GDP index; "
        "countries: the World Bank's GDP growth (NY.GDP.MKTP.KD.ZG); US metros: computed "
        "from BEA's real GDP.",
        definition_zh="按不变价格（可比价格）计算的地区生产总值比上年增长率（%）。中国城市：公布的"
        "增长率（国泰安）；省份：国家统计局地区生产总值指数；国家：世界银行GDP增长率"
        "（NY.GDP.MKTP.KD.ZG）；美国都市区：据美国经济分析局实际地区生产总值计算。",
        notes_en="US metros: computed from BEA's real GDP in chained 2017 dollars "
        "(value / previous year - 1); Chinese cities: the published growth rate (comparable "
        "prices).",
        notes_zh="美国都市区：按美国经济分析局2017年链式美元实际地区生产总值计算（本年/上年-1）；"
        "中国城市：公布的按可比价格计算的增长率。",
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
        definition_en="Value added of the primary industry (agriculture, forestry, animal "
        "husbandry and fishery) as a percentage of GDP, both at current prices, "
        "whole city (全市), as published (CSMAR): the share equals the sector's value added "
        "divided by the whole-city GDP. Sectors follow China's three-industry classification "
        "(NBS).",
        definition_zh="第一产业（农、林、牧、渔业）增加值占地区生产总值的比重（均按现价），全市口径，采用公布数"
        "（国泰安）：等于该产业增加值除以全市地区生产总值。产业按国家统计局三次产业划分。",
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
        definition_en="Value added of the secondary industry (mining, manufacturing, "
        "electricity, heat, gas and water supply, and construction) as a percentage of GDP, "
        "both at current prices, whole city (全市), as published (CSMAR): the share equals "
        "the sector's value added "
        "divided by the whole-city GDP. Sectors follow China's three-industry classification "
        "(NBS).",
        definition_zh="第二产业（采矿业、制造业、电力、热力、燃气及水生产和供应业、建筑业）增加值占地区生产总值的比重（均按现价），全市口径，采用公布数"
        "（国泰安）：等于该产业增加值除以全市地区生产总值。产业按国家统计局三次产业划分。",
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
        definition_en="Value added of the tertiary industry (all other activities: services) as "
        "a percentage of GDP, both at current prices, "
        "whole city (全市), as published (CSMAR): the share equals the sector's value added "
        "divided by the whole-city GDP. Sectors follow China's three-industry classification "
        "(NBS).",
        definition_zh="第三产业（其余各业，即服务业）增加值占地区生产总值的比重（均按现价），全市口径，采用公布数"
        "（国泰安）：等于该产业增加值除以全市地区生产总值。产业按国家统计局三次产业划分。",
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
        definition_en="Value added of the primary industry (agriculture, forestry, animal "
        "husbandry and fishery), whole city (全市), current prices, published in "
        "万元 (CSMAR); the three sectors add up to GDP. Sectors follow China's "
        "three-industry classification (NBS).",
        definition_zh="第一产业（农、林、牧、渔业）增加值，全市口径，按当年价格计算，以万元公布（国泰安）；三次产业"
        "增加值之和等于地区生产总值。产业按国家统计局三次产业划分。",
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
        definition_en="Value added of the secondary industry (mining, manufacturing, "
        "electricity, heat, gas and water supply, and construction), whole city (全市), "
        "current prices, published in 万元 (CSMAR); the three sectors add up to GDP. Sectors "
        "follow China's "
        "three-industry classification (NBS).",
        definition_zh="第二产业（采矿业、制造业、电力、热力、燃气及水生产和供应业、建筑业）增加值，全市口径，按当年价格计算，以万元公布（国泰安）；三次产业"
        "增加值之和等于地区生产总值。产业按国家统计局三次产业划分。",
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
        definition_en="Value added of the tertiary industry (all other activities: services), "
        "whole city (全市), current prices, published in "
        "万元 (CSMAR); the three sectors add up to GDP. Sectors follow China's "
        "three-industry classification (NBS).",
        definition_zh="第三产业（其余各业，即服务业）增加值，全市口径，按当年价格计算，以万元公布（国泰安）；三次产业"
        "增加值之和等于地区生产总值。产业按国家统计局三次产业划分。",
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
        definition_en="People whose household registration (户籍, hukou) is in the city at year "
        "end, whole city (全市, counties included), as published (CSMAR, 'total population "
        "at year-end'): Shenyang 2017 736.5万, the city yearbook's whole-city 737万 against "
        "591万 for the urban districts.",
        definition_zh="年末户口登记在本市的人口，全市口径（含所辖县），采用公布数（国泰安“年末"
        "总人口”）：沈阳2017年为736.5万人，与城市统计年鉴全市数737万人相符（市辖区为591万人）。",
        notes_en=REGISTERED_NOTE,
        notes_zh=REGISTERED_NOTE_ZH,
    ),
    Indicator(
        "population_resident",
        "Resident population",
        "常住人口",
        "persons",
        "Population",
        None,
        WAN_PERSONS,
        (
            Field("census", "popu_2010 / popu_2020", "人"),
            Field("census_pep_2019", "POPESTIMATE of the year (2010-2019)", "persons"),
            Field("census_pep_2021", "POPESTIMATE of the year (2020-2021)", "persons"),
        ),
        definition_en="People who usually live in the place. Chinese cities: census-day "
        "resident (常住) population of the 6th (2010) and 7th (2020) censuses; US metros: the "
        "Census Bureau's 1 July resident population estimates.",
        definition_zh="在当地常住的人口。中国城市：第六次（2010年）和第七次（2020年）全国人口普查"
        "标准时点常住人口；美国都市区：美国人口普查局7月1日常住人口估计数。",
        notes_en="US 2010-2019 are Vintage 2019 estimates, 2020-2021 Vintage 2021 estimates "
        "based on the 2020 Census: the step from 2019 to 2020 is a re-benchmarking, not growth. "
        "The registered (户籍) population is its own indicator.",
        notes_zh="美国2010—2019年为2019年版估计数，2020—2021年为以2020年人口普查为基准的2021年版"
        "估计数：2019年到2020年的变化是基准调整，不是人口增长。户籍人口为单独指标。",
    ),
    Indicator(
        "employment",
        "Employed persons (year-end)",
        "年末从业人员数",
        "persons",
        "Labour",
        True,
        WAN_PERSONS,
        (
            Field("csmar_labour", "Eect05", "万人"),
            Field("bea_caemp25n", "LineCode 10 (total employment), the year's column", "jobs"),
        ),
        definition_en="Chinese cities: persons employed in urban units (年末单位从业人员) at "
        "year end (CSMAR), which is urban-unit employment, not all employment: urban "
        "individual (self-employed) workers and most private-business workers are not "
        "counted. " + SCOPE_NOT_STATED + " US metros: BEA total employment, the number of "
        "jobs located in the metro area, full- and part-time, proprietors included.",
        definition_zh="中国城市：年末单位从业人员（国泰安），即城镇单位就业，不是全部就业人员："
        "城镇个体劳动者和大部分私营企业从业人员不计在内。" + SCOPE_NOT_STATED_ZH + "美国都市区："
        "美国经济分析局（BEA）总就业，即位于都市区内的就业岗位数，含全职和兼职，包括业主。",
        notes_en=JOBS_NOTE,
        notes_zh=JOBS_NOTE_ZH,
    ),
    Indicator(
        "employees",
        "Employees on payroll (annual average)",
        "在岗职工平均人数",
        "persons",
        "Labour",
        True,
        WAN_PERSONS,
        (
            Field("csmar_labour", "Eect11", "万人"),
            Field("bea_caemp25n", "LineCode 20 (wage and salary employment), the year's column",
                  "jobs"),
        ),
        definition_en="Chinese cities: the annual average number of on-post employees "
        "(在岗职工) of urban units (CSMAR): staff on the payroll of urban units who are at "
        "work, not all employed persons. " + SCOPE_NOT_STATED + " US metros: BEA wage and "
        "salary employment, jobs located in the metro area.",
        definition_zh="中国城市：城镇单位在岗职工年平均人数（国泰安），即在城镇单位工作并领取工资的"
        "职工，不是全部从业人员。" + SCOPE_NOT_STATED_ZH + "美国都市区：美国经济分析局工资薪金"
        "就业，即位于都市区内的就业岗位数。",
        notes_en="US metros: BEA wage and salary jobs (proprietors left out, a person with two "
        "jobs counted twice); Chinese cities: on-post employees of urban units, annual average.",
        notes_zh="美国都市区：美国经济分析局工资薪金就业岗位（不含业主，一人兼两职计两次）；"
        "中国城市：城镇单位在岗职工年平均人数。",
    ),
    Indicator(
        "average_wage",
        "Average wage of employees",
        "在岗职工平均工资",
        "CNY_per_person",
        "Labour",
        True,
        YUAN,
        (
            Field("csmar_labour", "Eect13", "元"),
            Field("brookings_prosperity", "value, indicator Average Annual Wage, year 2019",
                  "US$ -> yuan at the 2019 average rate"),
        ),
        definition_en="Chinese cities: the average annual wage of on-post employees (在岗职工) "
        "of urban units, yuan at current prices (CSMAR): total wages divided by the annual "
        "average number of on-post employees. " + SCOPE_NOT_STATED + " US metros: Brookings "
        "Metro Monitor's average annual wage, 2019 only.",
        definition_zh="中国城市：城镇单位在岗职工平均工资（元，现价，国泰安），即在岗职工工资总额除以"
        "在岗职工年平均人数。" + SCOPE_NOT_STATED_ZH + "美国都市区：布鲁金斯学会 Metro Monitor "
        "的平均年工资，仅2019年。",
        notes_en="US metros: Brookings' average annual wage per job, 2019 only (the file "
        "states no unit; its 2019 values match current-dollar pay). Chinese cities: average "
        "wage of on-post employees of urban units. " + US_MONEY_NOTE,
        notes_zh="美国都市区：布鲁金斯学会的每个岗位平均年工资，仅2019年（文件未注明单位，"
        "其2019年数值与现价工资相符）。中国城市：城镇单位在岗职工平均工资。" + US_MONEY_NOTE_ZH,
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
        definition_en="Total wages paid in the year to on-post employees (在岗职工) of urban "
        "units, current prices, published in 万元 (CSMAR). " + SCOPE_NOT_STATED,
        definition_zh="当年支付给城镇单位在岗职工的工资总额，按当年价格计算，以万元公布（国泰安）。"
        + SCOPE_NOT_STATED_ZH,
    ),
    Indicator(
        "employment_share_primary",
        "Primary industry share of employment",
        "第一产业从业人员比重",
        "percent",
        "Structure",
        None,
        PERCENT_2,
        (
            Field("csmar_labour", "Eect08", "%"),
            Field("bea_caemp25n", "LineCodes 70+100 / 10, the year's column", "jobs -> %"),
        ),
        definition_en="Persons employed in urban units in the primary industry as a "
        "percentage of all persons employed in urban units, as published (CSMAR); "
        "not a share of all employment. " + SCOPE_NOT_STATED + " US metros: "
        "primary-industry jobs as a percentage of all jobs located in the metro area "
        "(BEA), proprietors included.",
        definition_zh="城镇单位第一产业从业人员占城镇单位全部从业人员的比重，采用公布数（国泰安）；"
        "不是占全部就业人员的比重。" + SCOPE_NOT_STATED_ZH + "美国都市区：第一产业就业岗位占都市区"
        "内全部就业岗位（含业主）的比重（美国经济分析局）。",
        notes_en=SHARE_NOTE,
        notes_zh=SHARE_NOTE_ZH,
    ),
    Indicator(
        "employment_share_secondary",
        "Secondary industry share of employment",
        "第二产业从业人员比重",
        "percent",
        "Structure",
        None,
        PERCENT_2,
        (
            Field("csmar_labour", "Eect09", "%"),
            Field("bea_caemp25n", "LineCodes 200+300+400+500 / 10, the year's column", "jobs -> %"),
        ),
        definition_en="Persons employed in urban units in the secondary industry as a "
        "percentage of all persons employed in urban units, as published (CSMAR); "
        "not a share of all employment. " + SCOPE_NOT_STATED + " US metros: "
        "secondary-industry jobs as a percentage of all jobs located in the metro area "
        "(BEA), proprietors included.",
        definition_zh="城镇单位第二产业从业人员占城镇单位全部从业人员的比重，采用公布数（国泰安）；"
        "不是占全部就业人员的比重。" + SCOPE_NOT_STATED_ZH + "美国都市区：第二产业就业岗位占都市区"
        "内全部就业岗位（含业主）的比重（美国经济分析局）。",
        notes_en=SHARE_NOTE,
        notes_zh=SHARE_NOTE_ZH,
    ),
    Indicator(
        "employment_share_tertiary",
        "Tertiary industry share of employment",
        "第三产业从业人员比重",
        "percent",
        "Structure",
        None,
        PERCENT_2,
        (
            Field("csmar_labour", "Eect10", "%"),
            Field("bea_caemp25n", "LineCode 10 - primary - secondary, the year's column",
                  "jobs -> %"),
        ),
        definition_en="Persons employed in urban units in the tertiary industry as a "
        "percentage of all persons employed in urban units, as published (CSMAR); "
        "not a share of all employment. " + SCOPE_NOT_STATED + " US metros: "
        "tertiary-industry jobs as a percentage of all jobs located in the metro area "
        "(BEA), proprietors included.",
        definition_zh="城镇单位第三产业从业人员占城镇单位全部从业人员的比重，采用公布数（国泰安）；"
        "不是占全部就业人员的比重。" + SCOPE_NOT_STATED_ZH + "美国都市区：第三产业就业岗位占都市区"
        "内全部就业岗位（含业主）的比重（美国经济分析局）。",
        notes_en=SHARE_NOTE,
        notes_zh=SHARE_NOTE_ZH,
    ),
    Indicator(
        "employment_share_manufacturing",
        "Manufacturing share of jobs (US metro)",
        "制造业就业岗位比重（美国都市区）",
        "percent",
        "Structure",
        None,
        PERCENT_2,
        (Field("bea_caemp25n", "LineCode 500 / LineCode 10, the year's column", "jobs -> %"),),
        definition_en="Manufacturing jobs (NAICS 31-33) as a share of all jobs located in the "
        "metro area, proprietors included.",
        definition_zh="制造业（NAICS 31-33）就业岗位占都市区全部就业岗位（含业主）的比重。",
        notes_en="Manufacturing only; the secondary-industry share (the Chinese definition) "
        "adds mining, utilities and construction.",
        notes_zh="仅含制造业；第二产业比重（中国口径）还包括采矿业、公用事业和建筑业。",
    ),
    Indicator(
        "personal_income_per_capita",
        "Personal income per capita (US metro)",
        "人均个人收入（美国都市区）",
        "USD_per_person",
        "Labour",
        True,
        DisplayScale(1, "US$", "美元", 0),
        (Field("bea_cainc1", "LineCode 3 (per capita personal income), the year's column", "US$"),),
        definition_en="Income of residents from all sources (wages, proprietors' income, "
        "dividends, interest, rents, transfers) divided by the mid-year population (BEA).",
        definition_zh="居民各类来源收入（工资、业主收入、股息、利息、租金和转移支付）除以年中人口（BEA）。",
        notes_en="Current dollars. No Chinese city series matches it (the Chinese wage is "
        "per employee, not per resident).",
        notes_zh="现价美元。中国城市没有可对应的指标（中国的平均工资按职工计算，不按常住人口计算）。",
    ),
    Indicator(
        "median_household_income",
        "Median household income (US metro)",
        "家庭收入中位数（美国都市区）",
        "USD",
        "Labour",
        True,
        DisplayScale(1, "US$", "美元", 0),
        (Field("acs_2019", "B19013_001E", "US$"),),
        definition_en="Median income of households in the past 12 months, 2019 dollars "
        "(American Community Survey 2019, 1-year estimate).",
        definition_zh="过去12个月家庭收入的中位数，按2019年美元计（2019年美国社区调查一年期估计）。",
        notes_en="2019 only. A median per household, so not comparable with an average wage "
        "per employee.",
        notes_zh="仅2019年。按家庭计算的中位数，不能与按职工计算的平均工资直接比较。",
    ),
    Indicator(
        "education_bachelor_plus",
        "Adults 25+ with a bachelor's degree or higher (US metro)",
        "25岁及以上人口中本科及以上学历比重（美国都市区）",
        "percent",
        "Education",
        True,
        PERCENT_1,
        (Field("acs_2019", "S1501_C02_012E + S1501_C02_013E", "%"),),
        definition_en="Share of the population aged 25 and over holding a bachelor's, graduate "
        "or professional degree (ACS 2019, table S1501).",
        definition_zh="25岁及以上人口中拥有学士、研究生或专业学位者的比重"
        "（2019年美国社区调查，表 S1501）。",
        notes_en="2019 only. No Chinese city series at this level: Chinese statistics publish "
        "'college (大专) or higher' among people aged 6+, by province only, which is a wider "
        "degree and a younger base.",
        notes_zh="仅2019年。中国城市没有同一口径的数据：中国统计公布的是6岁及以上人口中大专及以上"
        "学历人口，且仅到省级，学历范围更宽、年龄基数更低。",
    ),
    Indicator(
        "patents_granted",
        "Utility patents granted (US metro)",
        "发明专利授权数（美国都市区）",
        "patents",
        "Innovation",
        True,
        DisplayScale(1, "patents", "件", 0),
        (Field("uspto_cbsa", "the year's column (2000-2015)", "patents"),),
        definition_en="US utility patents granted in the year whose first-named inventor lives "
        "in the metro area (USPTO).",
        definition_zh="当年授权、第一发明人居住在该都市区的美国发明专利（utility patent）数"
        "（USPTO）。",
        notes_en="2000-2015, 2009 metro definitions. Chinese patent counts are by province "
        "only and include utility models and designs, so no Chinese city series is matched.",
        notes_zh="2000—2015年，采用2009年的都市区范围。中国专利数据仅到省级，且包括实用新型和外观"
        "设计，因此没有可对应的中国城市指标。",
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
        definition_en="Foreign direct investment actually used in the year (实际使用, not "
        "contracted), whole city (全市), US dollars, published in 万美元 (China City "
        "Statistical Yearbook variables in a 2004-2012 panel). The source does not state "
        "a price basis for the dollars.",
        definition_zh="当年外商实际投资额（实际使用额，不是合同额），全市口径，以万美元公布（2004—2012年"
        "面板数据，变量取自《中国城市统计年鉴》）。来源未注明美元的价格基准。",
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
        definition_en="Real (inflation-adjusted) GDP of the metropolitan statistical area, a "
        "commuting region, from Brookings Metro Monitor 2021. The file does not state the "
        "unit or base year; its 2019 values are within 2% of BEA's chained 2017 dollars.",
        definition_zh="大都市统计区（按通勤范围划定的区域）的实际（剔除价格因素）地区生产总值，"
        "来自布鲁金斯学会 Metro Monitor 2021。文件未注明单位和基年；其2019年数值与美国经济分析局"
        "2017年链式美元数值相差不到2%。",
    ),
    Indicator(
        "gdp_real_usd_2017",
        "Real GDP, chained 2017 dollars (US metro)",
        "实际地区生产总值，2017年链式美元（美国都市区）",
        "USD",
        "Economy",
        True,
        DisplayScale(1e9, "billion US$", "十亿美元", 1),
        (Field("bea_cagdp1", "LineCode 1 (real GDP), the year's column",
               "thousand chained 2017 US$"),),
        definition_en="Real GDP of the metropolitan statistical area in chained 2017 dollars "
        "(BEA); the base of the US real growth rate.",
        definition_zh="大都市统计区实际地区生产总值，按2017年链式美元计算（BEA）；"
        "美国实际增长率据此计算。",
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
        definition_en="Jobs in the metro area as published by Brookings Metro Monitor 2021. "
        "The file does not state how jobs are counted; its values are close to, but below, "
        "BEA's wage and salary jobs (Detroit 2019: 1.98 million against 2.08 million).",
        definition_zh="布鲁金斯学会 Metro Monitor 2021 公布的都市区就业岗位数。文件未说明统计方法；"
        "其数值接近但低于美国经济分析局的工资薪金就业岗位数（底特律2019年：198万对208万）。",
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
        definition_en="Gross domestic product of the country in current US dollars, converted "
        "from the national currency at the single year's official exchange rate (World Bank "
        "WDI, NY.GDP.MKTP.CD).",
        definition_zh="国家的国内生产总值，按当年官方汇率由本币折算为现价美元（世界银行世界发展指标，"
        "NY.GDP.MKTP.CD）。",
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
        definition_en="Official exchange rate, yuan per US dollar, annual average (World Bank "
        "WDI, PA.NUS.FCRF); the rate at which money is converted between yuan and US dollars "
        "here.",
        definition_zh="官方汇率，人民币元/美元，年平均值（世界银行世界发展指标，PA.NUS.FCRF）；"
        "本程序据此在人民币和美元之间换算。",
    ),
    Indicator(
        "ppp_factor",
        "PPP conversion factor (yuan per international $)",
        "购买力平价换算因子（元/国际元）",
        "CNY_per_USD",
        "Context",
        None,
        DisplayScale(1, "yuan/intl $", "元/国际元", 4),
        (Field("wdi_ppp", "PA.NUS.PPP", "LCU per international $"),),
        definition_en="Yuan needed to buy in China what one US dollar buys in the United "
        "States (GDP basket), World Bank.",
        definition_zh="在中国购买一美元在美国所能购买的商品和服务（GDP 口径）所需的人民币数"
        "（世界银行）。",
        notes_en="An international dollar has the purchasing power of a US dollar in the United "
        "States, so US values in dollars are international dollars as they are.",
        notes_zh="一国际元在美国的购买力等于一美元，因此美国的美元数值即为国际元数值。",
    ),
    Indicator(
        "gdp_deflator",
        "GDP deflator (national, implicit)",
        "GDP 平减指数（全国，隐含）",
        "index",
        "Context",
        None,
        DisplayScale(1, "index", "指数", 2),
        (Field("wdi_gdp_lcu", "NY.GDP.MKTP.CN", "LCU"),
         Field("wdi_gdp_klcu", "NY.GDP.MKTP.KN", "LCU")),
        definition_en="The country's implicit GDP deflator: GDP in current local currency "
        "divided by GDP in constant local currency, times 100 (World Bank WDI, NY.GDP.MKTP.CN / "
        "NY.GDP.MKTP.KN, as WDI defines NY.GDP.DEFL.ZS); the deflator with which money is "
        "shown at constant prices here.",
        definition_zh="国家的隐含 GDP 平减指数：现价本币 GDP 除以不变价本币 GDP 再乘以100"
        "（世界银行世界发展指标，NY.GDP.MKTP.CN / NY.GDP.MKTP.KN，与 WDI 的 NY.GDP.DEFL.ZS "
        "定义相同）；本程序据此按不变价显示货币数值。",
        notes_en="Each country's index has its own base year (China 2020 = 100, United States "
        "2015 = 100); only ratios of one country's values are meaningful.",
        notes_zh="各国指数的基年不同（中国以2020年为100，美国以2015年为100）；"
        "只有同一国家数值之间的比值才有意义。",
    ),
    # Issue #13, part 2, second slice (desktop/curation/cn_extra_*.py).
)
