"""What the bundled raw files held and the app did not use (issue #13 part 2, second slice):
census ageing, urbanisation and household size, CCSY industrial output, retail sales and
hospital beds, NBS 70-city house price indices and US venture capital. Expected numbers were
read by hand from the raw files in resources/sources (file line and column named by each)."""

from __future__ import annotations

from decimal import Decimal

from bundled_value import value

from desktop.analysis.profile_table import unit_text
from desktop.core.dataset import Dataset
from desktop.core.paths import bundled_data_dir, sources_dir
from desktop.core.units import UNITS
from desktop.curation.cn_extra_build import cn_extra_values
from desktop.curation.cn_extra_readers import (
    read_census_extra,
    read_house_price_index,
    read_venture_capital,
)
from desktop.curation.cn_extra_sources import CN_EXTRA_SOURCES
from desktop.curation.readers import CensusPlace
from desktop.curation.sources import ALL_SOURCES, CCSY_PANEL, CENSUS

SHENYANG, DALIAN, DETROIT = "cn-210100", "cn-210200", "us-19820"
NEW_INDICATORS = (
    "population_share_65plus",
    "urbanisation_rate",
    "household_size",
    "industrial_output_above_size",
    "retail_sales",
    "hospital_beds",
    "house_price_index_new",
    "house_price_index_second_hand",
    "venture_capital",
)


def test_shenyang_census_ageing_urbanisation_and_households(bundled: Dataset) -> None:
    # cn_city_census_population_2010_2020_leiii.csv line 38 (沈阳市): age_65_2020 15.47,
    # age_65_2010 10.37, household_2020 2.65, household_2010 3.12
    found = bundled.observation(SHENYANG, "population_share_65plus", 2020)
    assert found is not None and found.value == 15.47
    assert found.provenance is not None and found.provenance.row == 38
    assert found.provenance.source.id == "census"
    assert value(bundled, SHENYANG, "population_share_65plus", 2010) == 10.37
    assert value(bundled, SHENYANG, "household_size", 2020) == 2.65
    assert value(bundled, SHENYANG, "household_size", 2010) == 3.12
    # popu_urban_2020 / popu_2020 = 7,665,638 / 9,070,093: 84.52 %, computed here
    urban = value(bundled, SHENYANG, "urbanisation_rate", 2020)
    assert urban == float(Decimal(7_665_638) / Decimal(9_070_093) * 100)
    assert round(urban, 2) == 84.52


def test_urbanisation_left_out_where_urban_plus_rural_is_not_the_total() -> None:
    # line 216 (东莞市, 2010): 7,271,322 + 1,770,639 is 821,754 more than 8,220,207
    values, skipped = read_census_extra(sources_dir() / CENSUS.file, CENSUS.id)
    dongguan = [v for v in values if v.place == "cn-441900" and v.indicator_id ==
                "urbanisation_rate"]
    assert [v.year for v in dongguan] == [2020]
    assert any(s.row == 216 and "东莞市 2010" in s.text for s in skipped)
    assert len(skipped) == 4  # 汕尾, 东莞, 中山, 资阳 in 2010; every other unit adds up


def test_ccsy_columns_are_whole_city_in_base_units(bundled: Dataset) -> None:
    # cn_city_ccsy_panel_2004_2012_jcdasheng.xlsx, sheet new, row 1260 (沈阳市 2008):
    # 规模以上工业总产值_全市_万元 64,243,103; 社会消费品零售额_全市_万元 15,055,377;
    # 医院、卫生院床位数_全市_张 33,890
    output = bundled.observation(SHENYANG, "industrial_output_above_size", 2008)
    assert output is not None and output.value == 642_431_030_000
    assert output.provenance is not None and output.provenance.row == 1260
    assert output.provenance.source.id == CCSY_PANEL.id
    assert value(bundled, SHENYANG, "retail_sales", 2008) == 150_553_770_000
    assert value(bundled, SHENYANG, "hospital_beds", 2008) == 33_890
    # the panel has no Shenyang rows for 2009-2011: missing, not zero
    assert bundled.observation(SHENYANG, "retail_sales", 2010) is None
    # the 2011 change of the 'above designated size' threshold is a registered break
    assert [b.year for b in bundled.breaks_for(SHENYANG, "industrial_output_above_size")] == [
        2011]


def test_house_price_indices_are_december_year_on_year(bundled: Dataset) -> None:
    # new_home.csv line 2527: 2019-12, 沈阳, 环比 100.5, 同比 109.3 (SOURCES.md's check)
    new = bundled.observation(SHENYANG, "house_price_index_new", 2019)
    assert new is not None and new.value == 109.3
    assert new.provenance is not None and new.provenance.row == 2527
    # second_hand.csv line 2527: 2019-12, 沈阳, 同比 110.1; 2022-12 同比 93.1
    assert value(bundled, SHENYANG, "house_price_index_second_hand", 2019) == 110.1
    assert value(bundled, SHENYANG, "house_price_index_second_hand", 2022) == 93.1
    # 2016-2017 sit in drifting columns and are left out rather than guessed
    assert bundled.observation(SHENYANG, "house_price_index_new", 2017) is None
    years = sorted(bundled.series(DALIAN, "house_price_index_new").index)
    assert years == list(range(2018, 2026))


def test_only_december_rows_and_names_without_spaces() -> None:
    path = sources_dir() / "cn_nbs_70city_new_home_price_index_2016_2025_zhanghanyuf.csv"
    values = read_house_price_index(path, "nbs_70city_new", "house_price_index_new")
    assert len(values) == 70 * 8  # 70 cities x December 2018-2025
    assert len({(v.place, v.year) for v in values}) == len(values)
    assert all(" " not in v.place for v in values)


def test_detroit_venture_capital_is_a_three_year_total_in_dollars(bundled: Dataset) -> None:
    # us_startupsusa_venture_capital_by_metro_2005_2017.csv line 2845: Detroit, Capital
    # Invested ($ M), 2015-17, Total VC, 477.69234 (SOURCES.md: $477.7 M)
    found = bundled.observation(DETROIT, "venture_capital", 2017)
    assert found is not None and found.value == 477_692_340
    assert found.provenance is not None and found.provenance.row == 2845
    assert sorted(bundled.series(DETROIT, "venture_capital").index) == [2007, 2012, 2017]
    assert "Trust C" in found.provenance.source.notes


def test_a_metro_code_shared_by_two_named_areas_is_left_out() -> None:
    path = sources_dir() / "us_startupsusa_venture_capital_by_metro_2005_2017.csv"
    values, skipped = read_venture_capital(path, "startupsusa_vc")
    assert not [v for v in values if v.place == "us-37980"]
    assert [s.text for s in skipped] == [
        "37980: one metro code for Philadelphia and Wilmington (DE), left out"]


def test_every_new_indicator_is_described_in_both_languages(bundled: Dataset) -> None:
    for indicator_id in NEW_INDICATORS:
        indicator = bundled.indicators[indicator_id]
        assert indicator.label_zh and indicator.definition_en and indicator.definition_zh
        assert indicator.fields, indicator_id
        assert indicator.unit in UNITS, indicator_id
        assert bundled.series(
            DETROIT if indicator_id == "venture_capital" else SHENYANG, indicator_id
        ).notna().any(), indicator_id
    assert set(s.id for s in CN_EXTRA_SOURCES) <= {s.id for s in ALL_SOURCES}


def test_unknown_places_are_named_in_the_log_not_kept() -> None:
    folder = sources_dir()
    paths = {s.id: folder / s.file for s in ALL_SOURCES}
    census = {"210100": CensusPlace("210100", "沈阳市", "210000", "辽宁省")}
    notes: list[tuple[str, str]] = []
    values = cn_extra_values(paths, census, {SHENYANG, DETROIT},
                             lambda source, text: notes.append((source, text)))
    assert {v.place for v in values} == {SHENYANG, DETROIT}
    logged = " ".join(text for _, text in notes)
    # Dalian is not in this catalog: its 8 Decembers (each index) and its 8 CCSY rows x 3
    # columns are counted by the name each file uses
    assert "大连 (8)" in logged and "大连市 (24)" in logged
    assert "财政收入" in logged  # why fiscal revenue is not read


def test_source_notes_and_build_log_reach_sources_md() -> None:
    text = (bundled_data_dir() / "SOURCES.md").read_text(encoding="utf-8")
    assert "`house_price_index_new`" in text and "`venture_capital`" in text
    assert "Philadelphia and Wilmington (DE)" in text
    assert "东莞市 2010" in text


def test_index_unit_is_named_in_the_table_language(bundled: Dataset) -> None:
    # an index has no display suffix: the table names its base, in Chinese too
    assert unit_text(bundled, "house_price_index_new", "zh") == "指数（上年同月=100）"
    assert unit_text(bundled, "house_price_index_new", "en") == "index, a year earlier = 100"
