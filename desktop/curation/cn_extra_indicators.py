"""Indicators read from raw files the first catalog did not use: the census file's ageing,
urbanisation and household size, the CCSY panel's industry, retail and hospital beds, the NBS
70-city house price indices and US metro venture capital (desktop/curation/cn_extra_*.py).

Kept apart from indicators.py (the core catalog) so each module stays readable; the catalog is
`indicators.INDICATORS` followed by these, in this order (build.CITY_INDICATORS).
"""

from __future__ import annotations

from desktop.core.catalog import Field, Indicator
from desktop.core.units import DisplayScale
from desktop.curation.indicators import PERCENT_2, YI_YUAN

CN_EXTRA_INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "population_share_65plus",
        "Population aged 65 and over (share)",
        "65岁及以上人口比重",
        "percent",
        "Population",
        None,
        PERCENT_2,
        (Field("census", "age_65_2010 / age_65_2020", "%"),),
        definition_en="People aged 65 and over as a share of the resident population. Chinese "
        "cities: census day of the 6th (2010) and 7th (2020) censuses, whole prefecture-level "
        "unit (全市), as published in the census bulletins.",
        definition_zh="65岁及以上人口占常住人口的比重。中国城市：第六次（2010年）和第七次（2020年）"
        "全国人口普查标准时点，全市（地级单位）口径，取自人口普查公报。",
        notes_en="Chinese cities: census years only. No US metro series: the bundled ACS "
        "2019 file holds education, income, poverty and commuting tables but no age table "
        "(B01001 or S0101).",
        notes_zh="中国城市仅有人口普查年份。没有美国都市区数据：所附2019年美国社区调查文件包含教育、收入、"
        "贫困和通勤表，但没有年龄表（B01001 或 S0101）。",
    ),
    Indicator(
        "urbanisation_rate",
        "Urbanisation rate (urban share of residents)",
        "城镇化率（城镇人口占常住人口比重）",
        "percent",
        "Population",
        None,
        PERCENT_2,
        (Field("census", "popu_urban_<year> / popu_<year> x 100 (2010, 2020)", "人 / 人 -> %"),),
        definition_en="Urban residents divided by all residents of the whole prefecture-level "
        "unit (全市) on census day, computed here from the census counts (2010, 2020).",
        definition_zh="全市（地级单位）城镇常住人口除以全部常住人口，由本程序根据人口普查人数计算"
        "（2010、2020年）。",
        notes_en="Computed, not published: left out where the file's urban + rural population "
        "differs from its total by more than 0.1 % (four boundary-adjusted units in 2010, see "
        "the census source). 'Urban' follows the NBS urban-rural classification, so it is not "
        "the 市辖区 (urban districts) population. No US metro series.",
        notes_zh="计算值，非公布数：文件中城镇与乡村人口之和与总人口相差超过0.1%时不计算（2010年有"
        "四个经区划调整的单位，见人口普查来源说明）。“城镇”按国家统计局城乡划分标准，不等于市辖区"
        "人口。没有美国都市区数据。",
    ),
    Indicator(
        "household_size",
        "Average household size",
        "平均家庭户规模",
        "persons_per_household",
        "Population",
        None,
        DisplayScale(1, "persons", "人", 2),
        (Field("census", "household_2010 / household_2020", "人/户"),),
        definition_en="Average number of persons per family household (家庭户) of the whole "
        "prefecture-level unit, census 2010 and 2020, as published.",
        definition_zh="全市（地级单位）家庭户平均每户人数，2010年和2020年人口普查公布数。",
        notes_en="Census years only; collective households (dormitories) are not counted. No US "
        "metro series.",
        notes_zh="仅有人口普查年份；不含集体户（如集体宿舍）。没有美国都市区数据。",
    ),
    Indicator(
        "industrial_output_above_size",
        "Gross industrial output, enterprises above designated size",
        "规模以上工业总产值",
        "CNY",
        "Economy",
        True,
        YI_YUAN,
        (Field("ccsy_panel", "规模以上工业总产值_全市_万元", "万元"),),
        definition_en="Gross output value (current prices, not value added) of industrial "
        "enterprises above designated size in the whole city (全市), China City Statistical "
        "Yearbook as compiled in the CCSY panel.",
        definition_zh="全市规模以上工业企业工业总产值（当年价格，非增加值），取自《中国城市统计年鉴》"
        "（CCSY 面板整理）。",
        notes_en="2004-2012 with gaps. 'Above designated size' was all state-owned firms plus "
        "others with sales of 5 million yuan or more until 2006, all firms with 5 million yuan "
        "or more in 2007-2010 and 20 million yuan or more from 2011: a series break. Gross "
        "output counts intermediate inputs, so it is larger than industry's value added.",
        notes_zh="2004—2012年，部分年份缺失。“规模以上”口径：2006年及以前为全部国有企业和年销售收入"
        "500万元及以上的非国有企业，2007—2010年为年主营业务收入500万元及以上的企业，2011年起为2000万元"
        "及以上：存在统计口径断点。总产值包含中间投入，因此大于工业增加值。",
    ),
    Indicator(
        "retail_sales",
        "Retail sales of consumer goods",
        "社会消费品零售总额",
        "CNY",
        "Economy",
        True,
        YI_YUAN,
        (Field("ccsy_panel", "社会消费品零售额_全市_万元", "万元"),),
        definition_en="Retail sales of consumer goods of the whole city (全市), current prices, "
        "China City Statistical Yearbook as compiled in the CCSY panel.",
        definition_zh="全市社会消费品零售总额，当年价格，取自《中国城市统计年鉴》"
        "（CCSY 面板整理）。",
        notes_en="2004-2012 with gaps. Sales by businesses located in the city, to anyone "
        "(visitors included). No US metro series.",
        notes_zh="2004—2012年，部分年份缺失。按销售企业所在地统计，包括对外地消费者的销售。"
        "没有美国都市区数据。",
    ),
    Indicator(
        "hospital_beds",
        "Hospital and health-centre beds",
        "医院、卫生院床位数",
        "beds",
        "Health",
        True,
        DisplayScale(1, "beds", "张", 0),
        (Field("ccsy_panel", "医院、卫生院床位数_全市_张", "张"),),
        definition_en="Beds of hospitals and township health centres (卫生院) of the whole city "
        "(全市) at year end, China City Statistical Yearbook as compiled in the CCSY panel.",
        definition_zh="全市医院和卫生院年末床位数，取自《中国城市统计年鉴》（CCSY 面板整理）。",
        notes_en="2004-2012 with gaps. A count, not per resident: compare it with the population "
        "of the same scope. No US metro series.",
        notes_zh="2004—2012年，部分年份缺失。为总数而非人均值：比较时请对照同口径人口。"
        "没有美国都市区数据。",
    ),
    Indicator(
        "house_price_index_new",
        "New-home price index (December, same month last year = 100)",
        "新建商品住宅销售价格指数（12月，上年同月=100）",
        "index_yoy",
        "Housing",
        None,
        DisplayScale(1, "", "", 1),
        (Field("nbs_70city_new", "同比, the year's December row (2018-2025)",
               "index, same month last year = 100"),),
        definition_en="NBS sales price index of new commercial housing in the city, December "
        "of the year against December of the previous year (= 100): 105 means prices 5 % "
        "higher than a year earlier. The annual value is December's year-on-year index.",
        definition_zh="国家统计局新建商品住宅销售价格指数，当年12月比上年12月（=100）：105表示"
        "比一年前上涨5%。年度数值取12月同比指数。",
        notes_en="70 large and medium cities only, 2018-2025. A change, not a price level: "
        "cities with different indices can have very different prices. NBS covers the city's "
        "urban districts (市辖区), not its counties. No US metro series.",
        notes_zh="仅限70个大中城市，2018—2025年。反映价格变动而非价格水平：指数不同的城市价格水平"
        "可能相差很大。国家统计局调查范围为市辖区，不含所辖县。没有美国都市区数据。",
    ),
    Indicator(
        "house_price_index_second_hand",
        "Second-hand home price index (December, same month last year = 100)",
        "二手住宅销售价格指数（12月，上年同月=100）",
        "index_yoy",
        "Housing",
        None,
        DisplayScale(1, "", "", 1),
        (Field("nbs_70city_second_hand", "同比, the year's December row (2018-2025)",
               "index, same month last year = 100"),),
        definition_en="NBS sales price index of second-hand homes in the city, December of "
        "the year against December of the previous year (= 100). The annual value is "
        "December's year-on-year index.",
        definition_zh="国家统计局二手住宅销售价格指数，当年12月比上年12月（=100）。年度数值取12月"
        "同比指数。",
        notes_en="70 large and medium cities only, 2018-2025. A change, not a price level. NBS "
        "covers the city's urban districts (市辖区), not its counties. No US metro series.",
        notes_zh="仅限70个大中城市，2018—2025年。反映价格变动而非价格水平。国家统计局调查范围为"
        "市辖区，不含所辖县。没有美国都市区数据。",
    ),
    Indicator(
        "venture_capital",
        "Venture capital invested, 3-year total (US metro)",
        "风险投资额，三年合计（美国都市区）",
        "USD",
        "Investment",
        True,
        DisplayScale(1e6, "million US$", "百万美元", 1),
        (Field("startupsusa_vc", "value, measure Capital Invested ($ M), round Total VC, "
               "periods 2005-07, 2010-12, 2015-17", "US$ M"),),
        definition_en="Venture capital invested in companies of the metro area over three "
        "years, all rounds (angel/seed, early and later stage), stored at the period's last "
        "year: 2007 holds 2005-2007.",
        definition_zh="三年内投向该都市区企业的风险投资总额，含全部轮次（天使/种子、早期和后期），"
        "记在时段的最后一年：2007年的数值为2005—2007年合计。",
        notes_en="Trust C: a third-party compilation (Startups USA) of an unnamed deal "
        "database, not checked; whether dollars are current is not stated. No Chinese city "
        "series.",
        notes_zh="可信度C：第三方（Startups USA）根据未具名交易数据库汇编，未经核对；未说明是否为"
        "现价美元。没有中国城市数据。",
    ),
)
