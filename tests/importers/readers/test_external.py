"""Every real downloaded file in resources/sources reads, with raw cells spot-checked
against the source (values as the file spells them; interpretation is tested elsewhere)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.paths import sources_dir
from desktop.curation.manifest import read_manifest
from desktop.importers.model import RawGrid
from desktop.importers.readers import list_sheets, read_grids

EXTERNAL = sources_dir()

DATA_FILES = sorted(read_manifest(EXTERNAL))


def first_row_with(grid: RawGrid, text: str) -> list:
    return next(r for r in grid.rows if r and isinstance(r[0], str) and text in r[0])


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_external_file_reads(external: Path, name: str) -> None:
    grids = read_grids(external / name)
    assert grids and all(len(g.rows) > 5 for g in grids)
    for grid in grids:
        assert len(grid.rows) == len(grid.row_numbers)
        assert grid.row_numbers == sorted(set(grid.row_numbers))
        # nothing was rejected, and nothing unexpected was reported (a Latin-1 file is read
        # as Western European, and that guess is said)
        # (cn_city_ccsy_panel was saved with a filter on: its hidden rows are read, and said)
        expected = {"encrypted_default_key_decrypted", "hidden_sheet_skipped", "field_truncated",
                    "hidden_rows_skipped", "filtered_rows_read"}
        if name.endswith("_latin1.csv"):
            expected.add("encoding_guessed")
        assert {i.code for i in grid.issues} <= expected


def test_ccsy_2_9_shenyang_grp(external: Path) -> None:
    grids = read_grids(external / "cn_ccsy2018_table2-9_grp_districts_cnki_encrypted.xls")
    assert [g.sheet for g in grids] == ["1-7"]
    grid = grids[0]
    row = first_row_with(grid, "沈阳市")
    assert row[0].strip() == "沈阳市" and row[1].strip() == "Shenyang"
    assert "51481026" in [str(v) for v in row]
    header = grid.rows[2]
    assert header[2].startswith("地区生产总值(当年价格)\n(万元)")  # CRLF in cell -> LF
    codes = [i.code for i in grid.issues]
    assert "encrypted_default_key_decrypted" in codes and "hidden_sheet_skipped" in codes


def test_ccsy_2_1_merged_header_and_repeats(external: Path) -> None:
    path = external / "cn_ccsy2018_table2-1_population_households_cnki_encrypted.xls"
    assert [(s.name, s.hidden) for s in list_sheets(path)] == [("1-7", False), ("CNKI", True)]
    grid = read_grids(path)[0]
    assert len(grid.merged) == 35
    assert first_row_with(grid, "沈阳市")[2:4] == ["737", "591"]
    # the header repeats mid-sheet at page breaks; the reader keeps those rows verbatim
    assert sum(1 for r in grid.rows if r[0] == "城    市") >= 3


def test_nbs_gbk(external: Path) -> None:
    grid = read_grids(external / "cn_nbs_province_gdp_2006_2024_gbk.csv")[0]
    assert grid.encoding in ("gb18030", "gbk")
    assert grid.rows[0] == ["数据库：分省年度数据"]
    header = grid.rows[3]
    row = first_row_with(grid, "辽宁省")
    assert row[0] == "辽宁省" and row[header.index("2016年")] == "20832.0"
    assert grid.rows[-1][0].startswith("数据来源")


def test_wdi_growth(external: Path) -> None:
    grid = read_grids(external / "API_NY.GDP.MKTP.KD.ZG_DS2_en_csv_v2_2788350.csv")[0]
    header = grid.rows[2]
    assert header[0] == "Country Name" and header[-1] == ""
    china = first_row_with(grid, "China")
    assert china[header.index("2016")].startswith("6.8487")


def test_eurostat_gzip_tsv(external: Path) -> None:
    grid = read_grids(external / "eurostat_nama_10r_3gdp.tsv.gz")[0]
    assert grid.delimiter == "\t"
    assert grid.rows[0][:2] == ["unit,geo\\time", "2021 "]
    assert len(grid.rows) > 10_000


def test_bls_merged_title(external: Path) -> None:
    grid = read_grids(external / "us_bls_ces_SeriesReport-20200603112833_1e751b.xlsx")[0]
    assert grid.merged[0].first_row == 0 and grid.merged[0].first_column == 0
    assert grid.merged[0].last_column == grid.width - 1
    header = first_row_with(grid, "Series ID")
    assert header[1] == "Jan\n2020"
    assert first_row_with(grid, "CES0000000001")[1] == 152212.0


def test_ccsy_panel_xlsx(external: Path) -> None:
    grid = read_grids(external / "cn_city_ccsy_panel_2004_2012_jcdasheng.xlsx")[0]
    shenyang = [r for r in grid.rows if r[0] == "沈阳市" and r[1] == 2004]
    assert shenyang and shenyang[0][2] == 19006886.0
    assert grid.width == 20  # the <dimension> claims ~60 columns


def test_csmar_bom_quoted(external: Path) -> None:
    grid = read_grids(external / "cn_city_gdp_csmar_CRE_Gdpct_1990_2021.csv")[0]
    assert grid.rows[0][0] == "Sgnyea"
    assert any(r[1] == "Shenyang(city)" and r[0] == "2016" and r[6] == "5546.4498"
               for r in grid.rows)


def test_census_wkt_truncated_not_rejected(external: Path) -> None:
    grid = read_grids(external / "cn_city_census_population_2010_2020_leiii.csv")[0]
    issue = next(i for i in grid.issues if i.code == "field_truncated")
    assert issue.location.column == "W"
    shenyang = first_row_with(grid, "沈阳市")
    assert shenyang[grid.rows[0].index("popu_2020")] == "9070093"


@pytest.mark.parametrize(("name", "first", "last"), [
    ("us_census_pep_cbsa_est2019_alldata_2010_2019_latin1.csv", "209233", "218195"),
    ("us_census_pep_cbsa_est2021_alldata_2020_2021_latin1.csv", "219561", "221508"),
])
def test_census_pep_latin1_names(external: Path, name: str, first: str, last: str) -> None:
    """Census PEP files are Latin-1 ('Doña Ana County, NM' is 'Do\\xf1a', line 808): read
    with the name intact, the encoding said in the report."""
    grid = read_grids(external / name)[0]
    assert grid.encoding == "cp1252"
    row = first_row_with_column(grid, 3, "Doña Ana County")
    assert grid.row_numbers[grid.rows.index(row)] == 808
    assert row[3] == "Doña Ana County, NM" and row[5] == first
    assert row[grid.rows[0].index("POPESTIMATE2019" if "2019" in name
                                  else "POPESTIMATE2021")] == last
    [issue] = [i for i in grid.issues if i.code == "encoding_guessed"]
    assert issue.location.row == 808 and "Doña Ana County" in issue.message
    assert not any("\ufffd" in cell or "Ã" in cell for r in grid.rows for cell in r)


def first_row_with_column(grid: RawGrid, column: int, text: str) -> list:
    return next(r for r in grid.rows if len(r) > column and text in str(r[column]))
