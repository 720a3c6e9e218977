"""Indicators for provinces: new ones (ageing, education, patents, house prices) and the
province fields and notes added to the shared ones (real growth, resident population, GDP).

Ids the cities use are reused where the meaning is the same (real growth, resident
population); the notes then say where provinces differ (vintage, year-end estimates).
"""

from __future__ import annotations

from dataclasses import replace

from desktop.core.catalog import Field, Indicator
from desktop.core.units import DisplayScale
from desktop.curation.province_sources import (
    LIAONING_2016_NOTE,
    LIAONING_2016_NOTE_ZH,
    PROVINCE_AGE,
    PROVINCE_EDUCATION,
    PROVINCE_GDP_INDEX,
    PROVINCE_HOUSING,
    PROVINCE_PATENTS,
    PROVINCE_POPULATION,
    PROVINCE_STUDENTS,
    PROVINCE_SURVEY_65PLUS,
    PROVINCE_SURVEY_POPULATION,
    SURVEY_NOTE,
    SURVEY_NOTE_ZH,
    VINTAGE_NOTE,
    VINTAGE_NOTE_ZH,
)

GDP_INDEX_COLUMN = "地区生产总值指数(上年=100)"
POPULATION_COLUMN = "年末常住人口(万人)"
AGE_TOTAL_COLUMN = "人口数(人口抽样调查)(人)"
AGE_65_COLUMN = "65岁及以上人口数(人口抽样调查)(人)"
EDU_TOTAL_COLUMN = "6岁及6岁以上人口数(人口抽样调查)(人)"
EDU_COLLEGE_COLUMN = "6岁及6岁以上大专及以上人口数(人口抽样调查)(人)"
STUDENTS_COLUMN = "每十万人口高等学校平均在校生数(人)"
PATENT_APPLICATIONS_COLUMN = "国内专利申请受理量(项)"
PATENT_GRANTS_COLUMN = "国内专利申请授权量(项)"
INVENTION_GRANTS_COLUMN = "国内发明专利申请授权量(项)"
HOUSING_COLUMN = "住宅商品房平均销售价格(元/平方米)"

PERCENT_1 = DisplayScale(1, "%", "%", 1)
PATENTS = DisplayScale(1, "patents", "件", 0)
PROVINCE_ONLY = "Provinces only: no Chinese city series is bundled."
PROVINCE_ONLY_ZH = "仅有省级数据：未收录中国城市的对应数据。"

PROVINCE_INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "education_college_plus",
        "Population 6+ with college (大专) or higher (share)",
        "6岁及以上人口中大专及以上学历比重",
        "percent",
        "Education",
        True,
        PERCENT_1,
        (Field(PROVINCE_EDUCATION.id, f"{EDU_COLLEGE_COLUMN} / {EDU_TOTAL_COLUMN}",
               "persons / persons x 100"),),
        definition_en="People aged 6 and over with a college (大专, three-year) or higher "
        "degree as a share of all surveyed people aged 6 and over.",
        definition_zh="6岁及以上被调查人口中，大专及以上学历人口所占比重。",
        notes_en="The base is everyone aged 6 and over, and 大专 is a shorter degree than a "
        "bachelor's: not comparable with the US share of adults 25+ with a bachelor's degree. "
        + SURVEY_NOTE + " " + PROVINCE_ONLY,
        notes_zh="分母为6岁及以上全部人口，且大专学历低于本科：不能与美国25岁及以上人口中本科及以上"
        "学历比重直接比较。" + SURVEY_NOTE_ZH + PROVINCE_ONLY_ZH,
    ),
    Indicator(
        "students_higher_per_100k",
        "Higher-education students per 100,000 people",
        "每十万人口高等学校平均在校生数",
        "per_100k",
        "Education",
        True,
        DisplayScale(1, "per 100k", "人/十万人", 0),
        (Field(PROVINCE_STUDENTS.id, STUDENTS_COLUMN, "persons per 100,000 population"),),
        definition_en="Students enrolled in higher education (universities and colleges) "
        "in the province per 100,000 residents, as NBS publishes it.",
        definition_zh="省内高等学校在校生数与常住人口之比，每十万人口计，采用国家统计局公布数。",
        notes_en="Counted where the students study, so provinces with many universities rank "
        "high whatever their own residents' schooling. " + PROVINCE_ONLY,
        notes_zh="按就读地统计，高校集中的省份数值高，与本地居民的受教育程度无关。"
        + PROVINCE_ONLY_ZH,
    ),
    Indicator(
        "patent_applications",
        "Domestic patent applications accepted",
        "国内专利申请受理量",
        "patents",
        "Innovation",
        True,
        PATENTS,
        (Field(PROVINCE_PATENTS.id, PATENT_APPLICATIONS_COLUMN, "项"),),
        definition_en="Patent applications from domestic applicants accepted by the patent "
        "office in the year: inventions, utility models and designs together.",
        definition_zh="当年受理的国内专利申请数，包括发明、实用新型和外观设计三种专利。",
        notes_en="Not comparable with US utility patent grants. " + PROVINCE_ONLY,
        notes_zh="不能与美国发明专利（utility patent）授权数直接比较。" + PROVINCE_ONLY_ZH,
    ),
    Indicator(
        "patent_grants",
        "Domestic patents granted",
        "国内专利申请授权量",
        "patents",
        "Innovation",
        True,
        PATENTS,
        (Field(PROVINCE_PATENTS.id, PATENT_GRANTS_COLUMN, "项"),),
        definition_en="Patents granted to domestic applicants in the year: inventions, "
        "utility models and designs together.",
        definition_zh="当年授权的国内专利数，包括发明、实用新型和外观设计三种专利。",
        notes_en="Most grants are utility models and designs, which are not examined for "
        "inventiveness; see invention patents granted. " + PROVINCE_ONLY,
        notes_zh="授权量中大部分为不经实质审查的实用新型和外观设计专利；可参看发明专利授权量。"
        + PROVINCE_ONLY_ZH,
    ),
    Indicator(
        "patent_grants_invention",
        "Domestic invention patents granted",
        "国内发明专利申请授权量",
        "patents",
        "Innovation",
        True,
        PATENTS,
        (Field(PROVINCE_PATENTS.id, INVENTION_GRANTS_COLUMN, "项"),),
        definition_en="Invention patents (发明专利, examined for inventiveness) granted to "
        "domestic applicants in the year.",
        definition_zh="当年授权的国内发明专利数（经实质审查）。",
        notes_en="The nearest Chinese count to US utility patents, but counted by applicant's "
        "province rather than first inventor's home. " + PROVINCE_ONLY,
        notes_zh="与美国发明专利（utility patent）最接近的中国统计，但按申请人所在省份而非第一"
        "发明人住所统计。" + PROVINCE_ONLY_ZH,
    ),
    Indicator(
        "housing_price_residential",
        "Average sale price of new residential housing",
        "住宅商品房平均销售价格",
        "CNY_per_sqm",
        "Housing",
        None,
        DisplayScale(1, "yuan/m²", "元/平方米", 0),
        (Field(PROVINCE_HOUSING.id, HOUSING_COLUMN, "元/平方米"),),
        definition_en="Sales value of residential commodity housing divided by the floor area "
        "sold in the year (new homes sold by developers).",
        definition_zh="当年住宅商品房销售额除以销售面积（开发商销售的新建住房）。",
        notes_en="Second-hand homes are not included, and the mix of what is sold (city "
        "centre or outskirts) moves the average as much as prices do. " + PROVINCE_ONLY,
        notes_zh="不含二手房；所售房屋的区位构成（市中心或郊区）对均价的影响不亚于价格本身的变化。"
        + PROVINCE_ONLY_ZH,
    ),
)

#: Fields, definitions and notes the shared indicators gain for provinces.
_GROWTH_FIELD = Field(PROVINCE_GDP_INDEX.id, GDP_INDEX_COLUMN, "index, previous year = 100 (- 100)")
_GROWTH_NOTE = "Provinces: NBS's index (previous year = 100) − 100. "
_GROWTH_NOTE_ZH = "省份：国家统计局地区生产总值指数（上年=100）减100。"
_POPULATION_FIELD = Field(PROVINCE_POPULATION.id, POPULATION_COLUMN, "万人")
_POPULATION_NOTE = (
    "Provinces: NBS's year-end resident population, estimated each year (census years "
    "included), so a province has a value every year where a Chinese city has census years only."
)
_POPULATION_NOTE_ZH = (
    "省份：国家统计局公布的年末常住人口，每年推算（含普查年份），因此省份每年都有数值，"
    "而中国城市仅有普查年份的数值。"
)


_AGEING_FIELDS = (
    Field(PROVINCE_SURVEY_65PLUS.id, "<year>年 (2006-2024) / the same column of "
          "人口数(人口抽样调查)", "persons / persons x 100"),
    Field(PROVINCE_AGE.id, f"{AGE_65_COLUMN} / {AGE_TOTAL_COLUMN} (2002-2005)",
          "persons / persons x 100"),
    Field(PROVINCE_SURVEY_POPULATION.id, "<year>年: the base of the share, no value of its own",
          "persons"),
)
_AGEING_NOTE = (
    "Provinces: share of the people covered by the year's population sample survey, every "
    "year 2002-2024 except the census years. " + SURVEY_NOTE
)
_AGEING_NOTE_ZH = (
    "省份：占当年人口抽样调查被调查人口的比重，2002—2024年除普查年份外逐年都有。" + SURVEY_NOTE_ZH
)


def _joined(text: str, addition: str, separator: str = " ") -> str:
    """`text` followed by `addition`, once: a catalog that already says it stays as it is."""
    if addition in text:
        return text
    return f"{text}{separator}{addition}" if text else addition


def _with_field(fields: tuple[Field, ...], added: Field) -> tuple[Field, ...]:
    return fields if added in fields else (*fields, added)


def with_province_indicators(indicators: tuple[Indicator, ...]) -> tuple[Indicator, ...]:
    """The catalog's indicators with the province fields and notes, then the new indicators:
    real growth says it is the revised vintage for provinces (and Liaoning's 2016 story);
    GDP says which vintage provinces and cities are; resident population says it is yearly;
    the 65+ share says its province base is a sample survey, not a census."""
    out: list[Indicator] = []
    for indicator in indicators:
        if indicator.id == "gdp_real_growth":
            indicator = replace(
                indicator,
                fields=_with_field(indicator.fields, _GROWTH_FIELD),
                notes_en=_joined(indicator.notes_en,
                                 _GROWTH_NOTE + VINTAGE_NOTE + " " + LIAONING_2016_NOTE),
                notes_zh=_joined(indicator.notes_zh,
                                 _GROWTH_NOTE_ZH + VINTAGE_NOTE_ZH + LIAONING_2016_NOTE_ZH, ""),
            )
        elif indicator.id == "gdp":
            indicator = replace(
                indicator,
                notes_en=_joined(indicator.notes_en, VINTAGE_NOTE),
                notes_zh=_joined(indicator.notes_zh, VINTAGE_NOTE_ZH, ""),
            )
        elif indicator.id == "population_share_65plus":
            for field in _AGEING_FIELDS:
                indicator = replace(indicator, fields=_with_field(indicator.fields, field))
            indicator = replace(
                indicator,
                notes_en=_joined(indicator.notes_en, _AGEING_NOTE),
                notes_zh=_joined(indicator.notes_zh, _AGEING_NOTE_ZH, ""),
            )
        elif indicator.id == "population_resident":
            indicator = replace(
                indicator,
                fields=_with_field(indicator.fields, _POPULATION_FIELD),
                notes_en=_joined(indicator.notes_en, _POPULATION_NOTE),
                notes_zh=_joined(indicator.notes_zh, _POPULATION_NOTE_ZH, ""),
            )
        out.append(indicator)
    known = {i.id for i in out}
    return (*out, *(i for i in PROVINCE_INDICATORS if i.id not in known))
