"""Provinces as places of their own (issue #13 part 3): values checked against numbers read
by hand from the raw NBS files in resources/sources (file line quoted next to each), the
notes that say which vintage a figure is, and a profile of Liaoning beside Jilin and
Heilongjiang on a dataset that carries the province series."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from desktop.analysis.comparison import build_profile
from desktop.analysis.profile_table import build_profile_table
from desktop.commands.profile import profile_text
from desktop.core.catalog import CityLookup, Source
from desktop.core.dataset import Dataset
from desktop.core.paths import sources_dir
from desktop.core.units import UNITS
from desktop.curation import province_indicators as pi
from desktop.curation import province_readers
from desktop.curation.errors import CurationError
from desktop.curation.manifest import read_manifest, source_path
from desktop.curation.province_build import ageing_values, named_provinces, province_values
from desktop.curation.province_indicators import PROVINCE_INDICATORS, with_province_indicators
from desktop.curation.province_sources import (
    PROVINCE_AGE,
    PROVINCE_SOURCES,
    PROVINCE_SURVEY_65PLUS,
    PROVINCE_SURVEY_POPULATION,
)
from desktop.curation.readers import RawValue
from desktop.session.selection import resolve_selection

LIAONING, JILIN, HEILONGJIANG = "cn-prov-210000", "cn-prov-220000", "cn-prov-230000"
JILIN_CITY = "cn-220200"


@pytest.fixture(scope="module")
def notes() -> list[tuple[str, str]]:
    return []


@pytest.fixture(scope="module")
def values(bundled: Dataset, notes: list[tuple[str, str]]) -> list[RawValue]:
    folder = sources_dir()
    manifest = read_manifest(folder)
    paths = {s.id: source_path(folder, s.file, manifest) for s in PROVINCE_SOURCES}
    known = {c.id for c in bundled.cities.values()}
    return province_values(paths, known, lambda source, text: notes.append((source, text)))


@pytest.fixture(scope="module")
def merged(bundled: Dataset, values: list[RawValue]) -> Dataset:
    """The bundled dataset with the province series, as build_dataset assembles it."""
    ours = {s.id for s in PROVINCE_SOURCES}
    kept = bundled.observations[~bundled.observations["source_id"].isin(ours)]
    added = pd.DataFrame(
        {
            "city_id": [v.place for v in values],
            "indicator_id": [v.indicator_id for v in values],
            "year": [v.year for v in values],
            "value": [v.value for v in values],
            "source_id": [v.source_id for v in values],
            "source_row": [v.row for v in values],
        }
    )
    plain = kept.astype({c: object for c in kept.columns if kept[c].dtype == "category"})
    observations = pd.concat([plain, added], ignore_index=True)
    sources = [s for s in bundled.sources.values() if s.id not in ours]
    return Dataset(
        observations,
        named_provinces(list(bundled.cities.values())),
        with_province_indicators(tuple(bundled.indicators.values())),
        [*sources, *PROVINCE_SOURCES],
        bundled.groups.values(),
        bundled.series_breaks,
    )


def _value(values: list[RawValue], place: str, indicator: str, year: int) -> RawValue:
    found = [v for v in values if (v.place, v.indicator_id, v.year) == (place, indicator, year)]
    assert len(found) == 1, (place, indicator, year, found)
    return found[0]


def test_liaoning_2016_real_growth_is_the_revised_index_minus_100(
    values: list[RawValue],
) -> None:
    # gdp_index line 105: "210000,辽宁省,2016,100.5,98.3,95.4,105.3"
    liaoning = _value(values, LIAONING, "gdp_real_growth", 2016)
    assert (liaoning.value, liaoning.source_id, liaoning.row) == (0.5, "nbs_prov_gdp_index", 105)
    # line 125 "220000,吉林省,2016,106.5,..." and 145 "230000,黑龙江省,2016,104.4,...": exact
    # decimals, not 6.499999999999986
    assert _value(values, JILIN, "gdp_real_growth", 2016).value == 6.5
    assert _value(values, HEILONGJIANG, "gdp_real_growth", 2016).value == 4.4


def test_year_end_population_in_persons(values: list[RawValue]) -> None:
    # population_yearend line 105: "210000,辽宁省,2016,4378,2949.4586,1428.5414" (万人)
    liaoning = _value(values, LIAONING, "population_resident", 2016)
    assert (liaoning.value, liaoning.row) == (43_780_000, 105)
    # line 102: "210000,辽宁省,2019,4352,2964,1388"; SOURCES.md: official 4,351.7
    assert _value(values, LIAONING, "population_resident", 2019).value == 43_520_000


def test_65plus_share_from_the_raw_exports_and_the_crawled_table_before_2006(
    values: list[RawValue],
) -> None:
    # 65plus GBK line 10, column 2019年: 5382; population GBK line 10: 33800
    share_2019 = _value(values, LIAONING, "population_share_65plus", 2019)
    assert share_2019.value == pytest.approx(5382 / 33800 * 100, rel=1e-12)
    assert (share_2019.source_id, share_2019.row) == ("nbs_prov_survey_65plus", 10)
    # 2024 (not in the crawled table): 9366 / 42763 = 21.9%
    assert _value(values, LIAONING, "population_share_65plus", 2024).value == pytest.approx(
        21.902, abs=1e-3)
    # age_structure line 117: "210000,辽宁省,2004,41100,5715,31497,3888.0,..."
    share_2004 = _value(values, LIAONING, "population_share_65plus", 2004)
    assert share_2004.value == pytest.approx(3888 / 41100 * 100, rel=1e-12)
    assert share_2004.source_id == "nbs_prov_age"
    # census years have no survey: no 65+ share rather than a zero
    assert not [v for v in values if v.indicator_id == "population_share_65plus"
                and v.year in (2010, 2020)]


def test_house_price_education_students_and_patents(values: list[RawValue]) -> None:
    # housing line 105: "210000,辽宁省,2016,6080,5876,..." -> residential 5,876 yuan/m²
    assert _value(values, LIAONING, "housing_price_residential", 2016).value == 5876
    # education line 102 (2019): college+ 5576 of 32513 aged 6+ -> 17.2% (SOURCES.md)
    college = _value(values, LIAONING, "education_college_plus", 2019).value
    assert college == pytest.approx(5576 / 32513 * 100, rel=1e-12)
    assert round(college, 1) == 17.2
    # students line 102: "...,2135.09061711402,3136" -> 3,136 per 100k in higher education
    assert _value(values, LIAONING, "students_higher_per_100k", 2019).value == 3136
    # patents line 102: "210000,辽宁省,2019,69732,22592,41694,5446,40037,7501,28237,4299"
    assert _value(values, LIAONING, "patent_applications", 2019).value == 69732
    assert _value(values, LIAONING, "patent_grants", 2019).value == 40037
    assert _value(values, LIAONING, "patent_grants_invention", 2019).value == 7501


def test_municipalities_stay_cities_and_each_key_is_read_once(
    values: list[RawValue], notes: list[tuple[str, str]]
) -> None:
    keys = [(v.place, v.indicator_id, v.year) for v in values]
    assert len(keys) == len(set(keys))
    assert not [v for v in values if v.place in ("cn-prov-110000", "cn-110100")]
    assert {place[:8] for place, _, _ in keys} == {"cn-prov-"}
    assert any(source == "nbs_prov_gdp_index" and "北京市" in text for source, text in notes)


def test_liaoning_note_in_english_and_chinese(merged: Dataset, values: list[RawValue]) -> None:
    growth = merged.indicator("gdp_real_growth")
    english, chinese = growth.notes("en"), growth.notes("zh")
    assert "−2.5%" in english and "0.5%" in english
    assert "Liaoning's 2016 statistical bulletin" in english
    assert "−2.5%" in chinese and "《辽宁省2016年国民经济和社会发展统计公报》" in chinese
    # the revised figure the note quotes is the one read from the file
    assert f"{_value(values, LIAONING, 'gdp_real_growth', 2016).value:.1f}%" in english
    source = merged.sources["nbs_prov_gdp_index"]
    assert "−2.5%" in source.notes_in("en") and "−2.5%" in source.notes_in("zh")


def test_vintage_note_on_province_and_city_gdp(merged: Dataset) -> None:
    for indicator_id in ("gdp", "gdp_real_growth"):
        indicator = merged.indicator(indicator_id)
        assert "revised series" in indicator.notes("en") and "first-published" in (
            indicator.notes("en"))
        assert "修订" in indicator.notes("zh") and "初次公布" in indicator.notes("zh")
    # applying the province additions twice (a rebuilt catalog) does not repeat them
    again = with_province_indicators(tuple(merged.indicators.values()))
    assert again == tuple(merged.indicators.values())


def test_indicators_and_sources_are_complete_in_both_languages(merged: Dataset) -> None:
    for indicator in PROVINCE_INDICATORS:
        assert indicator.unit in UNITS, indicator.id
        assert indicator.label_zh and indicator.definition_zh and indicator.notes_zh
        for field in indicator.fields:
            assert field.source_id in merged.sources, (indicator.id, field.source_id)
    ageing = merged.indicator("population_share_65plus")  # the cities' census share too
    assert ageing.field_for("nbs_prov_survey_65plus") is not None
    assert ageing.field_for("census") is not None
    assert "sample survey" in ageing.notes("en") and "抽样调查" in ageing.notes("zh")
    folder = sources_dir()
    manifest = read_manifest(folder)
    for source in PROVINCE_SOURCES:
        assert source.file in manifest, source.file
        assert source.title_zh and source.notes_zh and source.trust_zh and source.license_zh


def test_provinces_resolve_by_english_and_chinese_name(merged: Dataset) -> None:
    for name in ("Liaoning", "liaoning", "辽宁", "辽宁省", "Liaoning Province"):
        assert merged.city(name).id == LIAONING, name
    assert merged.city("Heilongjiang").id == HEILONGJIANG
    assert merged.city("Inner Mongolia").id == "cn-prov-150000"
    # 'Jilin' and '吉林' are Jilin city's names: never silently the province
    assert merged.city("Jilin").id == JILIN_CITY
    assert merged.city("吉林").id == JILIN_CITY
    assert merged.city("Jilin Province").id == JILIN
    assert merged.city("吉林省").id == JILIN
    lookup = CityLookup(merged.cities.values())
    assert lookup.ambiguous("Liaoning") == []


def test_beside_a_province_a_province_short_name_means_the_province(merged: Dataset) -> None:
    def selection(focus: str, peers: str) -> tuple[str, ...]:
        chosen = resolve_selection(merged, focus, peers.split(","))
        return (chosen.focus_id, *chosen.peer_ids)

    # `profile --focus Liaoning --peers Jilin,Heilongjiang`: the three provinces
    assert selection("Liaoning", "Jilin,Heilongjiang") == (LIAONING, JILIN, HEILONGJIANG)
    assert selection("辽宁", "吉林,黑龙江") == (LIAONING, JILIN, HEILONGJIANG)
    # beside a city, 'Jilin' stays Jilin city
    assert selection("Shenyang", "Jilin") == ("cn-210100", JILIN_CITY)


def test_profile_of_liaoning_beside_jilin_and_heilongjiang(merged: Dataset) -> None:
    profile = build_profile(merged, LIAONING, [JILIN, HEILONGJIANG], None, 2016)
    shown = {row.indicator_id for row in profile.rows}
    assert {
        "gdp", "gdp_real_growth", "population_resident", "population_share_65plus",
        "education_college_plus", "students_higher_per_100k", "patent_grants",
        "housing_price_residential",
    } <= shown
    growth = profile.row("gdp_real_growth")
    assert [cell.value for cell in growth.cells] == [0.5, 6.5, 4.4]
    price = profile.row("housing_price_residential")
    # housing lines 105, 125, 145: 5876, 4946, 5029 yuan/m²
    assert [cell.value for cell in price.cells] == [5876, 4946, 5029]
    text = profile_text(merged, build_profile_table(merged, profile, "en"), "en")
    assert "Liaoning Province" in text and "Jilin Province" in text
    assert "Population aged 65 and over (share)" in text
    chinese = profile_text(merged, build_profile_table(merged, profile, "zh"), "zh")
    assert "辽宁省" in chinese and "住宅商品房平均销售价格" in chinese


def test_a_cell_that_is_not_a_number_names_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "index.csv"
    bad.write_text(
        "省份编码,省份,年份,地区生产总值指数(上年=100)\n"
        "210000,辽宁省,2016,100.5\n"
        "210000,辽宁省,2015,—\n",
        encoding="utf-8",
    )
    with pytest.raises(CurationError, match=r"index\.csv, line 3, column 地区生产总值指数"):
        province_readers.read_long(bad, ["地区生产总值指数(上年=100)"])


def test_an_unknown_province_in_a_wide_export_stops_the_build(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_bytes(
        "数据库：分省年度数据\n地区,2019年,2018年\n辽宁省,5382,5353\n辽宁,1,2\n注：样本数据\n"
        .encode("gb18030")
    )
    with pytest.raises(CurationError, match=r"wide\.csv, line 4: province '辽宁'"):
        province_readers.read_wide(wide, {"辽宁省": "210000"})
    wide.write_bytes("地区,2019年,2018年\n辽宁省,5382,\n注：1.说明\n2.续行\n".encode("gb18030"))
    cells = province_readers.read_wide(wide, {"辽宁省": "210000"})
    assert [(c.code, c.year, int(c.value), c.row) for c in cells] == [("210000", 2019, 5382, 2)]


def test_the_raw_exports_and_the_crawled_table_agree_where_both_have_the_65plus_share() -> None:
    """A year column read one place off in the GBK exports would give another year's share;
    the crawled table (its own year column) catches it: the two differ only by the crawled
    table's unrounded counts (5382.22 against 5382), under 0.02 pp."""
    folder = sources_dir()
    manifest = read_manifest(folder)

    def path(source: Source) -> Path:
        return source_path(folder, source.file, manifest)

    age, names = province_readers.read_long(path(PROVINCE_AGE),
                                            [pi.AGE_TOTAL_COLUMN, pi.AGE_65_COLUMN])
    raw = ageing_values(province_readers.read_wide(path(PROVINCE_SURVEY_65PLUS), names),
                        province_readers.read_wide(path(PROVINCE_SURVEY_POPULATION), names), [])
    crawled = ageing_values([], [], age)
    by_key = {(v.place, v.year): v.value for v in crawled}
    overlap = [(v.value, by_key[(v.place, v.year)]) for v in raw if (v.place, v.year) in by_key]
    assert len(overlap) == 31 * 13  # 2006-2019 without 2010, every province
    assert max(abs(a - b) for a, b in overlap) < 0.02
