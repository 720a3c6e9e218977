"""Source files first read by the second slice of issue #13: the NBS 70-city house price
indices (resources/sources/SOURCES.md entries 34-35) and US venture capital (entry 23).

The census and CCSY files, read for more columns now, keep their Source in sources.py.
"""

from __future__ import annotations

from desktop.core.catalog import Source

NBS_70CITY_PUBLISHER = (
    "National Bureau of Statistics of China, monthly release 70个大中城市商品住宅销售价格变动情况 "
    "(tables scraped by ZHANG HANYU, NBS 70-city Housing Price project)"
)
NBS_70CITY_PUBLISHER_ZH = (
    "国家统计局，70个大中城市商品住宅销售价格变动情况月度发布（ZHANG HANYU 抓取整理）"
)
NBS_70CITY_ORIGIN = (
    "GitHub zhanghanyuf/nbs-70cities, {path} @ 89d61d61c8dce45d9962e3d76df6690501ee97e4"
)
NBS_70CITY_TRUST = "B/C (official index, scraped from release tables whose layout drifts)"
NBS_70CITY_TRUST_ZH = "B/C（官方指数，由版式多变的发布表格抓取）"
NBS_70CITY_NOTES = (
    "Only the clean 同比 column (same month of the previous year = 100) of December rows is "
    "read, 2018-2025: the tables of 2016-01 to 2018-02 put their values in drifting columns "
    "(and new-home 2016-12 is missing), so 2016-2017 are left out rather than guessed. "
    "Cities are matched by Chinese name + 市 to the census list of prefecture-level units; "
    "大理 is a county-level city and is left out."
)
NBS_70CITY_NOTES_ZH = (
    "仅读取12月份行中规范的“同比”列（上年同月=100），2018—2025年；2016年1月至2018年2月的表格"
    "数值分散在版式变化的列中（新建住宅2016年12月缺失），因此2016—2017年不予推测、未予收录。"
    "城市按中文名称加“市”与人口普查的地级单位名单匹配；大理为县级市，未予收录。"
)
CC_BY = "CC BY 4.0 (attribute: NBS 70-city Housing Price project by ZHANG HANYU)"
CC_BY_ZH = "CC BY 4.0（署名：NBS 70-city Housing Price project by ZHANG HANYU）"

NBS_70CITY_NEW = Source(
    id="nbs_70city_new",
    file="cn_nbs_70city_new_home_price_index_2016_2025_zhanghanyuf.csv",
    publisher=NBS_70CITY_PUBLISHER,
    title="70 large and medium cities: sales price index of new commercial housing, monthly, "
    "2016-2025",
    publisher_zh=NBS_70CITY_PUBLISHER_ZH,
    title_zh="70个大中城市新建商品住宅销售价格指数，月度，2016—2025年",
    origin=NBS_70CITY_ORIGIN.format(path="data/processed/new_home.csv"),
    trust=NBS_70CITY_TRUST,
    trust_zh=NBS_70CITY_TRUST_ZH,
    license=CC_BY,
    license_zh=CC_BY_ZH,
    notes=NBS_70CITY_NOTES,
    notes_zh=NBS_70CITY_NOTES_ZH,
)
NBS_70CITY_SECOND_HAND = Source(
    id="nbs_70city_second_hand",
    file="cn_nbs_70city_second_hand_price_index_2016_2025_zhanghanyuf.csv",
    publisher=NBS_70CITY_PUBLISHER,
    title="70 large and medium cities: sales price index of second-hand housing, monthly, "
    "2016-2025",
    publisher_zh=NBS_70CITY_PUBLISHER_ZH,
    title_zh="70个大中城市二手住宅销售价格指数，月度，2016—2025年",
    origin=NBS_70CITY_ORIGIN.format(path="data/processed/second_hand.csv"),
    trust=NBS_70CITY_TRUST,
    trust_zh=NBS_70CITY_TRUST_ZH,
    license=CC_BY,
    license_zh=CC_BY_ZH,
    notes=NBS_70CITY_NOTES,
    notes_zh=NBS_70CITY_NOTES_ZH,
)
VENTURE_CAPITAL = Source(
    id="startupsusa_vc",
    file="us_startupsusa_venture_capital_by_metro_2005_2017.csv",
    publisher="Ian Hathaway, Startups USA: Global Startup Cities (via Brookings Metro)",
    title="Venture capital invested by metropolitan area, pooled periods 2005-07, 2010-12, "
    "2015-17",
    publisher_zh="Ian Hathaway，Startups USA：全球创业城市（经布鲁金斯学会都市项目转存）",
    title_zh="各大都市区风险投资额，2005—2007、2010—2012、2015—2017年三个合并时段",
    origin="GitHub fansi-sifan/metro-datasets, source/VC.csv "
    "@ b0d36db0d448339861174ab7532b490ae774f657",
    trust="C (third-party compilation of a proprietary deal database; no independent check)",
    trust_zh="C（第三方根据未公开的交易数据库汇编；无法独立核对）",
    license="Not stated (no licence in the repository; private compilation). Internal use only.",
    license_zh="未注明（仓库未附许可协议；私人汇编数据）。仅限内部使用。",
    notes="Trust C: the deal database behind the figures is not named and could not be "
    "checked. Only 'Capital Invested ($ M)' for all rounds ('Total VC') is read; each value "
    "is the total of a three-year period, stored at the period's last year (2007, 2012, "
    "2017); whether dollars are current or constant is not stated. US metros only.",
    notes_zh="可信度C：数据所依据的交易数据库未具名，无法核对。仅读取全部轮次（Total VC）的"
    "“Capital Invested ($ M)”；每个数值是三年时段的合计，记在时段的最后一年（2007、2012、"
    "2017年）；未说明是现价还是不变价美元。仅有美国都市区。",
)

CN_EXTRA_SOURCES: tuple[Source, ...] = (NBS_70CITY_NEW, NBS_70CITY_SECOND_HAND, VENTURE_CAPITAL)
