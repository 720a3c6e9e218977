"""US metros on the shared indicators (issue #13 part 2): values checked against numbers read
by hand from the raw files in resources/sources (file line and column named by each)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bundled_value import value

from desktop.core.dataset import Dataset
from desktop.curation.errors import CurationError
from desktop.curation.us_readers import read_bea
from desktop.curation.us_series import jobs_values

DETROIT, PITTSBURGH, CLEVELAND = "us-19820", "us-38300", "us-17460"
#: WDI PA.NUS.FCRF, China, yuan per US$ (API_PA.NUS.FCRF_DS2_en_csv_v2_5839703.csv, line 46)
CNY_PER_USD_2019 = 6.90838500992901


def test_resident_population_is_the_pep_estimate_with_its_line(bundled: Dataset) -> None:
    # cbsa-est2019-alldata.csv POPESTIMATE2019; line 453 is Detroit-Warren-Dearborn's total
    detroit = bundled.observation(DETROIT, "population_resident", 2019)
    assert detroit is not None and detroit.value == 4_319_629
    assert detroit.provenance is not None and detroit.provenance.row == 453
    assert detroit.provenance.source.id == "census_pep_2019"
    assert value(bundled, PITTSBURGH, "population_resident", 2019) == 2_317_600
    assert value(bundled, CLEVELAND, "population_resident", 2019) == 2_048_449
    # Vintage 2021 (2020 Census based) from 2020 on, with a break saying it is no growth
    assert value(bundled, DETROIT, "population_resident", 2020) == 4_385_748
    assert [b.year for b in bundled.breaks_for(DETROIT, "population_resident")] == [2020]


def test_detroit_manufacturing_jobs_from_caemp25n(bundled: Dataset) -> None:
    # CAEMP25N line 3203 (LineCode 10, total jobs) and 3215 (LineCode 500, manufacturing)
    totals = {2001: 2_536_678, 2009: 2_255_804, 2019: 2_637_284}
    manufacturing = {2001: 371_207, 2009: 185_975, 2019: 267_678}
    for year, jobs in totals.items():
        assert value(bundled, DETROIT, "employment", year) == jobs
        share = value(bundled, DETROIT, "employment_share_manufacturing", year)
        assert share == pytest.approx(manufacturing[year] / jobs * 100, rel=1e-12)
    # 14.6% of jobs in 2001, 8.2% in 2009 (the crisis), 10.1% in 2019
    assert value(bundled, DETROIT, "employment_share_manufacturing", 2009) == pytest.approx(
        8.244, abs=1e-3)


def test_secondary_share_is_missing_where_a_part_is_suppressed(bundled: Dataset) -> None:
    # Detroit 2019: farm, forestry, mining (2,531), utilities, construction all published
    detroit = value(bundled, DETROIT, "employment_share_secondary", 2019)
    assert 14.0 < detroit < 16.0
    # Cleveland 2019: mining and utilities are (D): no share, and never a partial sum
    assert bundled.observation(CLEVELAND, "employment_share_secondary", 2019) is None
    assert bundled.observation(CLEVELAND, "employment_share_tertiary", 2019) is None


def test_gdp_is_stored_in_yuan_and_growth_comes_from_chained_dollars(bundled: Dataset) -> None:
    # CAGDP1 line 295 (LineCode 3) 2019: 270,219,297 thousand current dollars
    gdp = value(bundled, DETROIT, "gdp", 2019)
    assert gdp == pytest.approx(270_219_297_000 * CNY_PER_USD_2019, rel=1e-12)
    # line 293 (LineCode 1, chained 2017 $): 261,548,084 (2018) -> 261,186,301 (2019)
    growth = value(bundled, DETROIT, "gdp_real_growth", 2019)
    assert growth == pytest.approx((261_186_301 / 261_548_084 - 1) * 100, rel=1e-12)
    assert growth == pytest.approx(-0.1383, abs=1e-4)
    assert value(bundled, DETROIT, "gdp_real_usd_2017", 2019) == 261_186_301_000


def test_gdp_per_resident_is_computed_alike_for_china_and_the_us(bundled: Dataset) -> None:
    detroit = value(bundled, DETROIT, "gdp_per_resident", 2019)
    assert detroit / CNY_PER_USD_2019 == pytest.approx(270_219_297_000 / 4_319_629, rel=1e-12)
    # Shenyang 2020: CSMAR GDP (亿元) over the 7th census resident population
    shenyang = bundled.observation("cn-210100", "gdp_per_resident", 2020)
    assert shenyang is not None
    gdp = value(bundled, "cn-210100", "gdp", 2020)
    population = value(bundled, "cn-210100", "population_resident", 2020)
    assert shenyang.value == pytest.approx(gdp / population, rel=1e-12)
    # the source's own per-capita figure stays its own indicator
    assert bundled.observation("cn-210100", "gdp_per_capita", 2020) is not None


def test_us_metros_have_at_least_twelve_indicators(bundled: Dataset) -> None:
    for metro in (DETROIT, PITTSBURGH, CLEVELAND):
        assert len(bundled.indicators_of(metro)) >= 12, bundled.indicators_of(metro)


def test_shared_indicators_say_how_the_us_count_differs(bundled: Dataset) -> None:
    employment = bundled.indicator("employment")
    assert "proprietors" in employment.notes_en and "urban units" in employment.notes_en
    assert "业主" in employment.notes_zh and "城镇单位" in employment.notes_zh
    secondary = bundled.indicator("employment_share_secondary")
    assert "construction" in secondary.notes_en and "建筑业" in secondary.notes_zh
    assert "PA.NUS.FCRF" in bundled.indicator("gdp").notes_en


def _bea_file(tmp_path: Path, cells: str) -> Path:
    path = tmp_path / "bea.csv"
    path.write_text(
        "GeoFIPS,GeoName,Region,TableName,LineCode,IndustryClassification,Description,Unit,"
        "2018,2019\r\n"
        f' "19820","Detroit", ,CAEMP25N,10,"...","Total","Number of jobs",100,200\r\n'
        f' "19820","Detroit", ,CAEMP25N,500,"31-33","Manufacturing","Number of jobs",{cells}\r\n'
        '"Note: See the included footnote file."\r\n',
        encoding="utf-8",
    )
    return path


def test_suppressed_and_partial_bea_cells_are_left_out_not_zero(tmp_path: Path) -> None:
    cells = read_bea(_bea_file(tmp_path, "(D),496 E"), {10, 500})
    assert [(c.line, c.year, c.value) for c in cells] == [(10, 2018, 100.0), (10, 2019, 200.0)]
    values, _ = jobs_values(cells)
    assert "employment_share_manufacturing" not in {v.indicator_id for v in values}


def test_a_bea_cell_that_is_not_a_number_names_file_line_and_year(tmp_path: Path) -> None:
    with pytest.raises(CurationError, match=r"bea\.csv, line 3, column 2019: '12x'"):
        read_bea(_bea_file(tmp_path, "5,12x"), {10, 500})


def test_acs_education_and_income_and_uspto_patents(bundled: Dataset) -> None:
    # cbsa_acs_raw.csv line 124 (Detroit): S1501_C02_012E 19.2 + S1501_C02_013E 13.2
    education = bundled.observation(DETROIT, "education_bachelor_plus", 2019)
    assert education is not None and education.value == 32.4
    assert education.provenance is not None and education.provenance.row == 124
    assert value(bundled, PITTSBURGH, "education_bachelor_plus", 2019) == 36.0
    assert value(bundled, CLEVELAND, "education_bachelor_plus", 2019) == 31.7
    assert value(bundled, DETROIT, "median_household_income", 2019) == 63_474
    # USPTO_msa.csv 2015 column: Detroit-Warren-Livonia (119820) 3,305, Cleveland 922,
    # Pittsburgh 895
    assert value(bundled, DETROIT, "patents_granted", 2015) == 3_305
    assert value(bundled, CLEVELAND, "patents_granted", 2015) == 922
    assert value(bundled, PITTSBURGH, "patents_granted", 2015) == 895
