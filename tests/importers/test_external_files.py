"""Every real file in resources/sources imports (or is refused for a stated reason), and
spot values match the source files, worked out by hand from the lines quoted."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.core.paths import sources_dir
from desktop.core.storage import load_bundled
from desktop.importers.model import ImportRejectedError, TableOptions
from desktop.importers.recipe import Recipe
from desktop.importers.run import ImportOutcome, import_file

EXTERNAL = sources_dir()


@pytest.fixture(scope="module")
def lookup():
    return load_bundled().lookup


def run(name: str, lookup, year: int | None = None) -> ImportOutcome:
    recipe = Recipe(table=replace(TableOptions(), year=year)) if year else None
    return import_file(EXTERNAL / name, recipe, lookup)


def value(outcome: ImportOutcome, city: str, indicator: str, year: int) -> float:
    frame = outcome.frame
    hits = frame[(frame["city"] == city) & (frame["indicator"] == indicator)
                 & (frame["year"] == year)]
    assert len(hits) == 1, (city, indicator, year, len(hits))
    return float(hits["value"].iloc[0])


def test_ccsy_2018_table_2_9_shenyang_district_grp(lookup) -> None:
    # Row '  沈阳市': 地区生产总值(当年价格)(万元) = 51481026; the title says 市辖区 (districts).
    outcome = run("cn_ccsy2018_table2-9_grp_districts_cnki_encrypted.xls", lookup, year=2017)
    assert value(outcome, "cn-210100", "地区生产总值(当年价格) [市辖区]", 2017) == 514_810_260_000.0
    assert value(outcome, "cn-210100", "人均地区生产总值 [市辖区]", 2017) == 74_567.0
    assert any(w.code == "encrypted_default_key_decrypted" for w in outcome.report.warnings)


def test_ccsy_2018_table_2_1_two_row_header(lookup) -> None:
    # 沈阳市: 年末户籍人口 全市 737, 市辖区 591 (万人); the header repeats at page breaks.
    outcome = run("cn_ccsy2018_table2-1_population_households_cnki_encrypted.xls", lookup,
                  year=2017)
    assert value(outcome, "cn-210100", "年末户籍人口 全市", 2017) == 7_370_000.0
    assert value(outcome, "cn-210100", "年末户籍人口 市辖区", 2017) == 5_910_000.0
    assert outcome.report.errors == []  # repeated header rows are dropped, not read as values


def test_yearbook_table_without_a_year_asks_for_one(lookup) -> None:
    with pytest.raises(ImportRejectedError) as info:
        run("cn_ccsy2018_table2-9_grp_districts_cnki_encrypted.xls", lookup)
    assert info.value.issue.code == "no_year"
    assert "set the year" in info.value.issue.message


def test_world_bank_growth_china_2016(lookup) -> None:
    # "China","CHN","GDP growth (annual %)",...,"6.84876220495761" in the 2016 column.
    outcome = run("API_NY.GDP.MKTP.KD.ZG_DS2_en_csv_v2_2788350.csv", lookup)
    frame = outcome.frame
    china = frame[(frame["city"] == "country-CHN") & (frame["year"] == 2016)]
    assert china["value"].tolist() == [6.84876220495761]
    usa = frame[(frame["city"] == "country-USA") & (frame["year"] == 2016)]
    assert usa["value"].iloc[0] == pytest.approx(1.8195, abs=5e-5)


def test_nbs_gbk_liaoning_2016(lookup) -> None:
    # GBK line '辽宁省,32540.8,...': 2016年 = 20832.0 (亿元); notes and source lines dropped.
    outcome = run("cn_nbs_province_gdp_2006_2024_gbk.csv", lookup)
    assert outcome.report.encoding.lower() in ("gb18030", "gbk")
    assert value(outcome, "cn-prov-210000", "地区生产总值", 2016) == 2_083_200_000_000.0
    assert outcome.report.years == list(range(2006, 2025))


def test_oecd_sdmx_china_2016(lookup) -> None:
    # CHN,B1GQ_V,USD,...,2016,11233136.52,...,UNIT_MULT 6
    outcome = run("oecd_sdmx_csv_DF_REFSERIES_GLOBAL_gdp_usd_2013_on.csv", lookup)
    frame = outcome.frame
    hits = frame[(frame["city"] == "country-CHN") & (frame["year"] == 2016)
                 & (frame["unit"] == "USD")]
    assert hits["value"].tolist() == [11_233_136_520_000.0]


def test_eurostat_tsv_gz_flags_and_missing(lookup) -> None:
    outcome = run("eurostat_nama_10r_3gdp.tsv.gz", lookup)
    assert outcome.report.layout == "eurostat"
    assert outcome.report.rows_imported > 100_000
    assert any(w.code == "value_flags" for w in outcome.report.warnings)
    assert any(w.code == "missing_values" for w in outcome.report.warnings)


def test_brookings_detroit_2016(lookup) -> None:
    # 2016,19820,"Detroit-Warren-Dearborn, MI ...",Real GDP,2.55E+11 / Jobs,1918976.4
    outcome = run("us_brookings_metro_monitor_2021_growth_values_2009_2019.csv", lookup)
    assert value(outcome, "us-19820", "Real GDP", 2016) == 2.55e11
    assert value(outcome, "us-19820", "Jobs", 2016) == 1_918_976.4
    # The file repeats some micro areas with different values: listed, never resolved silently.
    assert any(e.code == "conflicting_duplicate" for e in outcome.report.errors)


def test_census_headers_carry_the_year(lookup) -> None:
    # "沈阳市","210100",...,popu_2020 = 9070093, popu_2010 = 8106171
    outcome = run("cn_city_census_population_2010_2020_leiii.csv", lookup)
    assert value(outcome, "cn-210100", "popu", 2020) == 9_070_093.0
    assert value(outcome, "cn-210100", "popu", 2010) == 8_106_171.0
    assert outcome.report.cities_matched["沈阳市"] == "cn-210100"


def test_csmar_matches_cities_by_code_so_the_two_suzhous_stay_apart(lookup) -> None:
    outcome = run("cn_city_gdp_csmar_CRE_Gdpct_1990_2021.csv", lookup)
    assert value(outcome, "cn-210100", "Gdpct01", 2016) == 5546.4498  # no unit in the file
    assert not [e for e in outcome.report.errors if e.code == "conflicting_duplicate"]
    assert value(outcome, "cn-320500", "Gdpct01", 2016) != value(outcome, "cn-341300",
                                                                  "Gdpct01", 2016)


def test_ccsy_panel_fdi_in_us_dollars(lookup) -> None:
    # 沈阳市, 2008: 外商实际投资额_全市_万美元 = 500678
    outcome = run("cn_city_ccsy_panel_2004_2012_jcdasheng.xlsx", lookup)
    assert value(outcome, "cn-210100", "外商实际投资额_全市", 2008) == 5_006_780_000.0


def test_thesis_panel_with_quoted_padded_numbers(lookup) -> None:
    outcome = run("cn_30cities_air_pollution_controls_2008_2017_kubiapxh.csv", lookup)
    assert "cn-210100" in outcome.report.cities
    assert outcome.report.rows_imported > 2000


@pytest.mark.parametrize(
    ("name", "code"),
    [("us_bls_ces_SeriesReport-20200603112833_1e751b.xlsx", "monthly_columns"),
     ("Metadata_Country_API_NY.GDP.MKTP.KD.ZG_DS2_en_csv_v2_2788350.csv", "no_value_column"),
     ("SOURCES.md", "unsupported_type")],
)
def test_files_that_are_not_annual_city_tables_are_refused_with_a_reason(
    lookup, name: str, code: str
) -> None:
    with pytest.raises(ImportRejectedError) as info:
        run(name, lookup)
    assert info.value.issue.code == code
    assert name in str(info.value)
