"""Numbers, units and years read alike by both engines: the column-wise reader decides the
decimal mark from every value of the file, as the row-wise reader does, or declines."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.progress import NullProgress
from desktop.importers.fast_path import Declined, import_columns
from desktop.importers.model import TableOptions
from desktop.importers.recipe import Recipe
from desktop.importers.run import import_file

from .test_fast_path import assert_same

CITIES = ["沈阳市", "大连市", "哈尔滨市", "长春市", "北京市"]
HEADER = "城市\t指标\t年份\t数值\t单位\n"


def _tsv(path: Path, n: int, value: str = "5,460", tail: str = "") -> Path:
    """n rows of one '5,460' 亿元 value each: distinct (city, indicator, year) keys."""
    lines = [f"{CITIES[i % 5]}\t指标{i // 5 % 2000}\t{2000 + i // 10_000}\t{value}\t亿元\n"
             for i in range(n)]
    path.write_text(HEADER + "".join(lines) + tail, encoding="utf-8")
    return path


def _fast(path: Path):
    return import_columns(path, Recipe(), None, NullProgress(), min_bytes=0)


def test_50k_row_grouped_thousands_read_like_10_rows(tmp_path: Path) -> None:
    """'5,460' 亿元 is 546,000,000,000 yuan in a 10-row and a 50,000-row TSV alike, by the
    column-wise reader (taken) and the row-wise one; both name the undecided cells."""
    small = import_file(_tsv(tmp_path / "small.tsv", 10), fast=False)
    assert small.frame["value"].tolist() == [546_000_000_000.0] * 10
    big_path = _tsv(tmp_path / "big.tsv", 50_000)
    frame, report = assert_same(big_path)
    assert (frame["value"] == 546_000_000_000.0).all() and len(frame) == 50_000
    [decimal] = [w for w in report.warnings if w.code == "decimal_mark"]
    assert decimal.values["reason"] == "ambiguous"
    assert decimal.values["comma_values"] == 50_000
    assert decimal.values["cells"][:5] == ["D2", "D3", "D4", "D5", "D6"]
    [small_decimal] = [w for w in small.report.warnings if w.code == "decimal_mark"]
    assert small_decimal.values["cells"] == decimal.values["cells"][:10]


def test_a_decimal_comma_below_the_head_makes_the_fast_path_decline(tmp_path: Path) -> None:
    """'3,5' on the last line says every comma is decimal: the head alone would have read
    '5,460' as thousands, so the column-wise reader leaves the file to the row-wise one."""
    path = _tsv(tmp_path / "late.tsv", 5_000, tail="沈阳市\tX\t2016\t3,5\t亿元\n")
    with pytest.raises(Declined):
        _fast(path)
    result = import_file(path)
    assert set(result.frame["value"]) == {546_000_000.0, 350_000_000.0}
    [decimal] = [w for w in result.report.warnings if w.code == "decimal_mark"]
    assert decimal.values == {"mark": ",", "reason": "comma_decimals", "count": 5_001,
                              "comma_values": 5_001, "level": "info"}


def test_a_point_decimal_below_the_head_settles_the_commas(tmp_path: Path) -> None:
    path = _tsv(tmp_path / "point.tsv", 5_000, tail="沈阳市\tX\t2016\t3.5\t亿元\n")
    frame, report = assert_same(path)
    assert frame["value"].iloc[-1] == 350_000_000.0
    assert frame["value"].iloc[0] == 546_000_000_000.0
    [decimal] = [w for w in report.warnings if w.code == "decimal_mark"]
    assert decimal.values["reason"] == "comma_thousands"


def test_per_person_units_alike_in_both_engines(tmp_path: Path) -> None:
    rows = "".join(f"{CITIES[i % 5]}{i}\t{65_000 + i}\t{5_000 + i}\n" for i in range(400))
    path = tmp_path / "pc.tsv"
    path.write_text("城市\t人均地区生产总值(元)\t地区生产总值(亿元)\n" + rows, encoding="utf-8")
    frame, report = assert_same(path, recipe=Recipe(table=TableOptions(year=2016)))
    per_person = frame[frame["indicator"] == "人均地区生产总值"]
    assert set(per_person["unit"]) == {"CNY_per_person"}
    assert per_person["value"].iloc[0] == 65_000.0
    total = frame[frame["indicator"] == "地区生产总值"]
    assert set(total["unit"]) == {"CNY"} and total["value"].iloc[0] == 500_000_000_000.0
    assert "per_person_unit" in {w.code for w in report.warnings}


def test_marked_year_headers_alike_in_both_engines(tmp_path: Path) -> None:
    rows = "".join(f"{CITIES[i % 5]}{i}\tGDP(亿元)\t{i}\t{i + 1}\t{i + 2}\n" for i in range(400))
    path = tmp_path / "years.tsv"
    path.write_text("城市\t指标\tFY2016\t2017-18\t2019E\n" + rows, encoding="utf-8")
    frame, report = assert_same(path)
    assert sorted(set(frame["year"])) == [2016, 2017, 2019]
    [flagged] = [w for w in report.warnings if w.code == "year_flagged"]
    assert flagged.values["notes"] == {"FY2016": "fiscal", "2017-18": "split",
                                       "2019E": "estimate"}


def test_quoted_thousands_in_a_comma_file_alike_in_both_engines(tmp_path: Path) -> None:
    """'"5,460"' in a comma-separated file: thousands, said once by the thousands line."""
    rows = "".join(f'{CITIES[i % 5]}{i},GDP,2016,"5,{i % 1000:03d}",亿元\n' for i in range(400))
    path = tmp_path / "quoted.csv"
    path.write_text("城市,指标,年份,数值,单位\n" + rows, encoding="utf-8")
    frame, report = assert_same(path)
    assert frame["value"].iloc[1] == 500_100_000_000.0
    codes = [w.code for w in report.warnings]
    assert "thousands_separator" in codes and "decimal_mark" not in codes
