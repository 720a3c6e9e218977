"""The bundled dataset in resources/data: rebuilt from the raw files, and spot-checked by hand.

Expected values below were read by hand from the raw files in resources/sources (the grep'd
source line is quoted next to each). The rebuild and raw-line checks read those files; the
others check the committed resources/data.
"""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pytest

from desktop.core.dataset import Dataset
from desktop.core.paths import bundled_data_dir, sources_dir
from desktop.core.storage import load_dataset
from desktop.core.units import UNITS

CSMAR_GDP_FILE = "cn_city_gdp_csmar_CRE_Gdpct_1990_2021.csv"
CSMAR_LABOUR_FILE = "cn_city_population_employment_wage_csmar_CRE_Eplwagct_1978_2021.csv"
CENSUS_FILE = "cn_city_census_population_2010_2020_leiii.csv"
WDI_GROWTH_FILE = "API_NY.GDP.MKTP.KD.ZG_DS2_en_csv_v2_2788350.csv"
WDI_GDP_FILE = "API_NY.GDP.MKTP.CD_DS2_en_csv_v2_2002465.csv"
WDI_FX_FILE = "API_PA.NUS.FCRF_DS2_en_csv_v2_5839703.csv"
NBS_FILE = "cn_nbs_province_gdp_2006_2024_gbk.csv"
BROOKINGS_FILE = "us_brookings_metro_monitor_2021_growth_values_2009_2019.csv"

# (city, indicator, year, value in canonical units, source file, line, text on that line)
SPOT_CHECKS = [
    # CSMAR Gdpct line 8046: "2015","Shenyang(city)","210100",...,"7272.3051",... 亿元
    ("cn-210100", "gdp", 2015, 727_230_510_000.0, CSMAR_GDP_FILE, 8046, '"7272.3051"'),
    # line 8457: "2016","Shenyang(city)",...,"5546.4498",...,"66893.2015","-5.6000",...
    ("cn-210100", "gdp", 2016, 554_644_980_000.0, CSMAR_GDP_FILE, 8457, '"5546.4498"'),
    # line 711: "1992","Shenyang(city)",...,"272.9000"; 272.9 * 1e8 in floats is 27289999999.999996
    ("cn-210100", "gdp", 1992, 27_290_000_000.0, CSMAR_GDP_FILE, 711, '"272.9000"'),
    ("cn-210100", "gdp_real_growth", 2016, -5.6, CSMAR_GDP_FILE, 8457, '"-5.6000"'),
    ("cn-210100", "gdp_per_capita", 2016, 66_893.2015, CSMAR_GDP_FILE, 8457, '"66893.2015"'),
    # line 8458: "2016","Dalian(city)","210200",...,"6810.1998",...,"97469.6000","6.5000",...
    ("cn-210200", "gdp_real_growth", 2016, 6.5, CSMAR_GDP_FILE, 8458, '"6.5000"'),
    # CSMAR Eplwagct line 8718: "2016","Shenyang(city)",...,"733.9000",...,"67444.0000"
    (
        "cn-210100",
        "population_registered",
        2016,
        7_339_000.0,
        CSMAR_LABOUR_FILE,
        8718,
        '"733.9000"',
    ),
    ("cn-210100", "average_wage", 2016, 67_444.0, CSMAR_LABOUR_FILE, 8718, '"67444.0000"'),
    # census line 38: "沈阳市","210100","辽宁省","210000","9070093",...,"8106171",...
    ("cn-210100", "population_resident", 2010, 8_106_171.0, CENSUS_FILE, 38, '"8106171"'),
    ("cn-210100", "population_resident", 2020, 9_070_093.0, CENSUS_FILE, 38, '"9070093"'),
    # WDI growth line 46 (China) and 257 (United States), column 2016
    (
        "country-CHN",
        "gdp_real_growth",
        2016,
        6.84876220495761,
        WDI_GROWTH_FILE,
        46,
        '"6.84876220495761"',
    ),
    (
        "country-USA",
        "gdp_real_growth",
        2016,
        1.81945147474293,
        WDI_GROWTH_FILE,
        257,
        '"1.81945147474293"',
    ),
    # WDI GDP (current US$) line 46, column 2016
    (
        "country-CHN",
        "gdp_usd_current",
        2016,
        11_233_313_730_348.7,
        WDI_GDP_FILE,
        46,
        '"11233313730348.7"',
    ),
    # WDI exchange rate line 46 (China), column 2016: yuan per US$
    ("country-CHN", "exchange_rate", 2016, 6.6444778294468, WDI_FX_FILE, 46, '"6.6444778294468"'),
    # NBS (GBK) line 10: 辽宁省,32540.8,...,20832.0,20657.8,... (2016 then 2015) 亿元
    ("cn-prov-210000", "gdp", 2016, 2_083_200_000_000.0, NBS_FILE, 10, "20832.0,20657.8"),
    ("cn-prov-210000", "gdp", 2015, 2_065_780_000_000.0, NBS_FILE, 10, "20832.0,20657.8"),
    # Brookings line 6112: 2016,19820,"Detroit-Warren-Dearborn, MI ...",Real GDP,2.55E+11,...
    ("us-19820", "gdp_real_usd", 2016, 255_000_000_000.0, BROOKINGS_FILE, 6112, ",2.55E+11,"),
    # Brookings line 6101: 2016,19820,...,Jobs,1918976.4,1,Very Large
    ("us-19820", "jobs", 2016, 1_918_976.4, BROOKINGS_FILE, 6101, ",Jobs,1918976.4,"),
]
SPOT_IDS = [f"{c[0]}-{c[1]}-{c[2]}" for c in SPOT_CHECKS]


# --- values and their provenance -----------------------------------------------------------


@pytest.mark.parametrize(
    ("city_id", "indicator_id", "year", "value", "file", "line", "text"), SPOT_CHECKS, ids=SPOT_IDS
)
def test_spot_values_and_provenance(
    bundled: Dataset,
    city_id: str,
    indicator_id: str,
    year: int,
    value: float,
    file: str,
    line: int,
    text: str,
) -> None:
    observation = bundled.observation(city_id, indicator_id, year)
    assert observation is not None
    assert observation.value == value  # exact: scale words are applied in decimal
    assert observation.provenance is not None
    assert observation.provenance.source.file == file
    assert observation.provenance.row == line


def _raw_lines(file: str) -> list[str]:
    raw = (sources_dir() / file).read_bytes()
    encoding = "gb18030" if file == NBS_FILE else "utf-8-sig"
    return raw.decode(encoding).splitlines()


@pytest.mark.parametrize(
    ("city_id", "indicator_id", "year", "value", "file", "line", "text"), SPOT_CHECKS, ids=SPOT_IDS
)
def test_provenance_row_is_the_line_in_the_raw_file(
    bundled: Dataset,
    city_id: str,
    indicator_id: str,
    year: int,
    value: float,
    file: str,
    line: int,
    text: str,
) -> None:
    observation = bundled.observation(city_id, indicator_id, year)
    assert observation is not None and observation.provenance is not None
    source_line = _raw_lines(file)[observation.provenance.row - 1]
    assert text in source_line


def test_provenance_column_names_a_real_header(bundled: Dataset) -> None:
    header = next(csv.reader(io.StringIO(_raw_lines(CSMAR_GDP_FILE)[0])))
    observation = bundled.observation("cn-210100", "gdp", 2016)
    assert observation is not None and observation.provenance is not None
    assert observation.provenance.column == "Gdpct01"
    row = next(csv.reader(io.StringIO(_raw_lines(CSMAR_GDP_FILE)[observation.provenance.row - 1])))
    assert row[header.index("Gdpct01")] == "5546.4498"
    assert row[header.index("Ctnm_id")] == "210100"
    assert row[header.index("Sgnyea")] == "2016"


def test_fdi_from_the_ccsy_panel(bundled: Dataset) -> None:
    # CCSY panel, sheet 'new', row 1260: 沈阳市 | 2008 | ... | 外商实际投资额_全市_万美元 = 500678
    observation = bundled.observation("cn-210100", "fdi_utilised", 2008)
    assert observation is not None
    assert observation.value == 5_006_780_000.0
    assert observation.provenance is not None
    assert observation.provenance.source.file == "cn_city_ccsy_panel_2004_2012_jcdasheng.xlsx"
    assert observation.provenance.source.sheet == "new"
    assert observation.provenance.row == 1260
    assert observation.provenance.column == "外商实际投资额_全市_万美元"


def test_fdi_row_is_the_spreadsheet_row() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = sources_dir() / "cn_city_ccsy_panel_2004_2012_jcdasheng.xlsx"
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = workbook["new"].iter_rows(min_row=1, max_row=1260, values_only=True)
        header, *_, row = list(rows)
    finally:
        workbook.close()
    assert (row[0], row[1]) == ("沈阳市", 2008)
    assert row[header.index("外商实际投资额_全市_万美元")] == 500678


def test_shenyang_gdp_is_shown_in_yi_yuan(bundled: Dataset) -> None:
    assert bundled.indicator("gdp").format(bundled.series("cn-210100", "gdp").loc[2016]) == (
        "5,546.45 亿元"
    )


# --- catalog -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Shenyang", "Shenyang(city)", "Shenyang(city) ", "沈阳", "沈阳市"]
)
def test_shenyang_aliases(bundled: Dataset, name: str) -> None:
    assert bundled.city(name).id == "cn-210100"


def test_beijing(bundled: Dataset) -> None:
    beijing = bundled.city("Beijing")
    assert beijing.id == "cn-110100"
    assert beijing.name_zh == "北京市"
    assert bundled.city("北京").id == "cn-110100"


def test_jilin_city_and_province_are_apart(bundled: Dataset) -> None:
    assert bundled.city("Jilin").id == "cn-220200"
    assert bundled.city("吉林市").id == "cn-220200"
    assert bundled.city("吉林省").id == "cn-prov-220000"
    assert bundled.city("Jilin Province").id == "cn-prov-220000"


def test_jilin_province_label_does_not_find_the_city(bundled: Dataset) -> None:
    found = bundled.lookup.get("Jilin (province)")
    assert found is None or found.id == "cn-prov-220000"


@pytest.mark.parametrize(
    ("group_id", "members"),
    [
        ("north_east", ("Dalian", "Harbin", "Changchun")),
        ("hot_spots", ("Beijing", "Hangzhou", "Shenzhen")),
        ("us_rust_belt", ("Detroit", "Pittsburgh", "Cleveland")),
    ],
)
def test_default_groups(bundled: Dataset, group_id: str, members: tuple[str, ...]) -> None:
    group = bundled.group(group_id)
    assert tuple(bundled.cities[c].name_en for c in group.city_ids) == members


def test_rust_belt_ids_and_buffalo(bundled: Dataset) -> None:
    assert bundled.group("us_rust_belt").city_ids == ("us-19820", "us-38300", "us-17460")
    buffalo = bundled.city("Buffalo")
    assert buffalo.id == "us-15380"
    assert buffalo.kind == "us_metro"
    assert bundled.has_series("us-15380", "gdp_real_usd")


def test_every_indicator_is_labelled_and_sourced(bundled: Dataset) -> None:
    assert len(bundled.indicators) > 0
    for indicator in bundled.indicators.values():
        assert indicator.label_en.strip(), indicator.id
        assert indicator.label_zh.strip(), indicator.id
        assert indicator.unit in UNITS, indicator.id
        assert indicator.fields, indicator.id
        for field in indicator.fields:
            assert field.source_id in bundled.sources, (indicator.id, field.source_id)
            assert field.column.strip(), indicator.id


def test_every_text_has_its_chinese_version(bundled: Dataset) -> None:
    """Indicator notes and definitions, source publishers and titles (shown in the Chinese
    UI's tooltips and chart source lines) are written in Chinese too."""
    for indicator in bundled.indicators.values():
        assert bool(indicator.notes_zh) == bool(indicator.notes_en), indicator.id
        assert bool(indicator.definition_zh) == bool(indicator.definition_en), indicator.id
    for source in bundled.sources.values():
        assert source.publisher_zh and source.title_zh, source.id


def test_every_indicator_is_defined_in_both_languages(bundled: Dataset) -> None:
    """Tooltips, the chart data export and the report's Definitions section show each
    indicator's definition (issue #13 part 6): none may be blank in either language, and the
    scope words the issue asks for are there (全市 for city GDP, 户籍 for registered
    population, urban units for employment)."""
    missing = [i.id for i in bundled.indicators.values()
               if not i.definition_en.strip() or not i.definition_zh.strip()]
    assert not missing
    indicators = bundled.indicators
    assert "全市" in indicators["gdp"].definition_en
    assert "全市" in indicators["gdp"].definition_zh
    assert "户籍" in indicators["population_registered"].definition_en
    assert "常住" in indicators["population_resident"].definition_en
    assert "urban units" in indicators["employment"].definition_en
    assert "not all employment" in indicators["employment"].definition_en
    assert "城镇单位" in indicators["average_wage"].definition_zh


def test_liaoning_break(bundled: Dataset) -> None:
    breaks = bundled.breaks_for("cn-210100", "gdp")
    assert [b.year for b in breaks] == [2016]
    note = breaks[0]
    assert "7,272" in note.note_en and "5,546" in note.note_en
    assert "7,272" in note.note_zh and "5,546" in note.note_zh
    # Dalian is in Liaoning too (its 2019 census cut is a register entry of its own)
    assert note in bundled.breaks_for("cn-210200", "gdp")
    assert 2016 not in [b.year for b in bundled.breaks_for("cn-230100", "gdp")]  # Harbin is not
    assert bundled.breaks_for("cn-210100", "average_wage") == []


def test_every_observation_is_traceable_and_unique(bundled: Dataset) -> None:
    obs = bundled.observations
    assert set(obs["source_id"].astype(str)) <= set(bundled.sources)
    assert set(obs["city_id"].astype(str)) <= set(bundled.cities)
    assert set(obs["indicator_id"].astype(str)) <= set(bundled.indicators)
    assert int(obs["source_row"].min()) >= 2  # row 1 is a header in every source
    assert not obs.duplicated(["city_id", "indicator_id", "year"]).any()
    assert not obs["value"].isna().any()


def test_every_indicator_has_data_and_its_source_field(bundled: Dataset) -> None:
    obs = bundled.observations
    used = obs.groupby(["indicator_id", "source_id"], observed=True).size()
    for (indicator_id, source_id), _count in used.items():
        assert bundled.indicators[indicator_id].field_for(source_id) is not None, (
            indicator_id,
            source_id,
        )
    assert set(obs["indicator_id"].astype(str)) == set(bundled.indicators)


def test_bundled_sources_md_names_every_source_file(bundled: Dataset) -> None:
    text = (bundled_data_dir() / "SOURCES.md").read_text(encoding="utf-8")
    for source in bundled.sources.values():
        assert source.file in text


def test_loading_the_bundled_data_is_fast() -> None:
    folder = bundled_data_dir()
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        load_dataset(folder)
        timings.append(time.perf_counter() - start)
    best = min(timings)
    print(f"bundled data load: best of 3 = {best * 1000:.0f} ms (budget 200 ms)")
    assert best < 0.5


# --- rebuild ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_rebuild_equals_what_is_committed() -> None:
    from desktop.curation.build import differences

    assert differences(sources_dir(), bundled_data_dir()) == []


def test_committed_files_exist() -> None:
    for name in ("catalog.json", "observations.csv", "SOURCES.md"):
        assert (Path(bundled_data_dir()) / name).is_file()


def test_every_indicator_category_has_a_chinese_name(bundled: Dataset) -> None:
    """The Chinese tree and report head each category in Chinese: Education and Innovation
    (added with the US metros) were printed in English."""
    from desktop.text.phrases import CATEGORIES

    used = {indicator.category for indicator in bundled.indicators.values()}
    assert used <= set(CATEGORIES), used - set(CATEGORIES)
