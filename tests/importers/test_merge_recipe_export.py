"""Merging an import into the dataset, recipes on disk, and safe exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from desktop.core.catalog import Source
from desktop.core.export import neutralise, write_csv, write_xlsx
from desktop.core.paths import sources_dir
from desktop.core.storage import load_bundled
from desktop.importers.merge import ImportedCell, indicator_key, merge_import
from desktop.importers.model import ReadOptions, TableOptions
from desktop.importers.recipe import Recipe, RecipeError, load_recipe, save_recipe

SOURCE = Source("import-1", "my_cities.xlsx", "Imported by the user", "my_cities.xlsx",
                sheet="数据")


def imported_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "city": ["cn-210100", "cn-210100", "铁岭新区"],
            "indicator": ["地区生产总值", "专利授权数", "专利授权数"],
            "year": [2016, 2016, 2016],
            "value": [600_000_000_000.0, 12_345.0, 77.0],
            "unit": ["CNY", "件", "件"],
            "source_unit": ["亿元", "件", "件"],
            "source_row": [5, 5, 9],
            "source_column": ["C", "D", "D"],
        }
    )


@pytest.fixture(scope="module")
def bundled():
    return load_bundled()


def test_replace_replaces_the_bundled_value_and_lists_it(bundled) -> None:
    merged, summary = merge_import(bundled, imported_frame(), SOURCE, replace=True)
    # 地区生产总值 in CNY is the catalog's gdp; the bundled 2016 value is replaced, and listed.
    assert summary.indicators_matched == {"地区生产总值": "gdp"}
    assert summary.values_replaced == 1 and summary.separate_series == {}
    [overlap] = summary.overlaps
    assert (overlap.city_id, overlap.year, overlap.old, overlap.new) == (
        "cn-210100", 2016, 554_644_980_000.0, 600_000_000_000.0)
    assert overlap.old_source_id == "csmar_gdp" and (overlap.row, overlap.column) == (5, "C")
    observation = merged.observation("cn-210100", "gdp", 2016)
    assert observation.value == 600_000_000_000.0
    assert observation.provenance.source.file == "my_cities.xlsx"
    assert observation.provenance.row == 5 and observation.provenance.column == "C"
    # The old dataset is untouched.
    assert bundled.observation("cn-210100", "gdp", 2016).value == 554_644_980_000.0
    assert len(merged) == len(bundled) - 1 + 3


def test_a_conflicting_import_becomes_its_own_series_and_the_bundled_one_stays(
        bundled) -> None:
    """The default: Shenyang's 2016 GDP differs from CSMAR's, so the import's GDP is a
    separate indicator (named from the file, the catalog's unit, category and definition,
    a note saying why) and no bundled value changes."""
    merged, summary = merge_import(bundled, imported_frame(), SOURCE)
    assert summary.values_replaced == 0 and summary.values_added == 3
    assert summary.separate_series == {"gdp": "gdp:my-cities"}
    assert [(o.old, o.new) for o in summary.conflicts] == [(554_644_980_000.0, 6.0e11)]
    assert merged.series("cn-210100", "gdp").equals(bundled.series("cn-210100", "gdp"))
    assert merged.indicators["gdp"] == bundled.indicators["gdp"]
    series = merged.indicators["gdp:my-cities"]
    gdp = bundled.indicators["gdp"]
    assert series.label_en == "GDP (current prices) — my_cities.xlsx"
    assert series.label_zh == "地区生产总值（当年价格） — my_cities.xlsx"
    assert (series.unit, series.category, series.display, series.definition_en) == (
        gdp.unit, gdp.category, gdp.display, gdp.definition_en)
    assert "1 of its values differ" in series.notes_en and "CSMAR" in series.notes_en
    assert "不混入同一序列" in series.notes_zh
    assert merged.series("cn-210100", "gdp:my-cities").to_dict() == {2016: 6.0e11}
    assert merged.observation("cn-210100", "gdp:my-cities", 2016).provenance.row == 5


def test_equal_values_are_no_conflict_and_new_years_join_the_catalog_series(bundled) -> None:
    """An import restating the bundled 2016 value exactly and adding 2030: one series, the
    2016 row still traced to CSMAR, 2030 traced to the import."""
    old = bundled.observation("cn-210100", "gdp", 2016).value
    frame = imported_frame().iloc[:1].copy()
    frame = pd.concat([frame, frame], ignore_index=True)
    frame.loc[0, "value"], frame.loc[1, "year"], frame.loc[1, "source_row"] = old, 2030, 6
    merged, summary = merge_import(bundled, frame, SOURCE)
    assert summary.separate_series == {} and summary.conflicts == []
    assert summary.values_equal == 1 and summary.values_added == 1
    assert summary.values_replaced == 0
    assert merged.observation("cn-210100", "gdp", 2016).provenance.source.id == "csmar_gdp"
    assert merged.observation("cn-210100", "gdp", 2030).provenance.source.id == "import-1"
    assert len(merged) == len(bundled) + 1


def test_a_repeat_with_another_value_is_a_conflict_even_when_the_first_is_equal(
        bundled) -> None:
    old = bundled.observation("cn-210100", "gdp", 2016).value
    frame = shenyang_twice(5.5e11).iloc[[0, 2]].copy()
    frame.loc[0, "value"] = old  # row 5 restates CSMAR's value, row 8 (the same key) does not
    merged, summary = merge_import(bundled, frame, SOURCE)
    assert summary.separate_series == {"gdp": "gdp:my-cities"}
    assert merged.series("cn-210100", "gdp").equals(bundled.series("cn-210100", "gdp"))


def test_the_nbs_province_file_keeps_csmar_city_gdp_and_lists_the_differences(
        bundled) -> None:
    """Issue #12: NBS's series for Beijing, Tianjin, Shanghai and Chongqing must not replace
    CSMAR's (Hangzhou and Shenzhen keep CSMAR's, so mixing would bend the comparison)."""
    from desktop.importers.run import import_file

    path = sources_dir() / "cn_nbs_province_gdp_2006_2024_gbk.csv"
    frame = import_file(path, None, bundled.lookup).frame
    source = Source("import-1", path.name, "Imported by the user", path.name)
    merged, summary = merge_import(bundled, frame, source)
    for city_id in ("cn-110100", "cn-120100", "cn-310100", "cn-500100"):
        assert merged.series(city_id, "gdp").equals(bundled.series(city_id, "gdp"))
    series = merged.indicators[summary.separate_series["gdp"]]
    assert series.label_en == "GDP (current prices) — National Bureau of Statistics of China"
    assert series.label_zh == "地区生产总值（当年价格） — 国家统计局"
    # 4 municipalities x 2006-2021 differ from CSMAR; 27 provinces equal the bundled NBS rows.
    assert len(summary.overlaps) == 577 and len(summary.conflicts) == 64
    largest = summary.largest_conflicts(1)[0]
    assert (largest.city_id, largest.year) == ("cn-120100", 2016)  # Tianjin's restatement
    assert (largest.old, largest.new) == (1_783_789_000_000.0, 1_148_700_000_000.0)
    assert merged.observation("cn-120100", series.id, 2016).value == 1_148_700_000_000.0


def test_merge_adds_unknown_cities_and_indicators_instead_of_dropping(bundled) -> None:
    merged, summary = merge_import(bundled, imported_frame(), SOURCE)
    assert summary.cities_added == ["铁岭新区"]
    assert summary.indicators_added == ["专利授权数"]
    new_city = merged.city("铁岭新区")
    assert new_city.kind == "imported" and new_city.name_zh == "铁岭新区"
    patents = next(i for i in merged.indicators.values() if i.label_zh == "专利授权数")
    assert patents.category == "Imported"
    assert merged.series(new_city.id, patents.id).to_dict() == {2016: 77.0}
    assert merged.series("cn-210100", "gdp_per_capita").equals(
        bundled.series("cn-210100", "gdp_per_capita"))


def test_categorical_and_text_columns_merge_alike(bundled) -> None:
    # The importer hands over categorical columns; sheets concatenated may come as plain text.
    text = pd.concat([imported_frame(), pd.DataFrame({
        "city": ["Atlantis"], "indicator": ["地区生产总值"], "year": [2017], "value": [1.0],
        "unit": ["CNY"], "source_unit": ["元"], "source_row": [12], "source_column": ["C"]})],
        ignore_index=True)
    categorical = text.astype({column: "category" for column in
                               ("city", "indicator", "unit", "source_unit", "source_column")})
    merged_text, summary_text = merge_import(bundled, text, SOURCE, replace=True)
    merged, summary = merge_import(bundled, categorical, SOURCE, replace=True)
    pd.testing.assert_frame_equal(merged.observations, merged_text.observations,
                                  check_exact=True)
    assert summary == summary_text
    assert summary.cities_added == ["铁岭新区", "Atlantis"]  # file order, not sorted
    assert summary.values_replaced == 1
    assert merged.observation("cn-210100", "gdp", 2016).value == 600_000_000_000.0
    assert merged.series(merged.city("Atlantis").id, "gdp").to_dict() == {2017: 1.0}


def shenyang_twice(second_value: float) -> pd.DataFrame:
    """Shenyang's 2016 GDP by name (row 5) and by id (row 8): one key once merged."""
    return pd.DataFrame({
        "city": ["沈阳", "铁岭新区", "cn-210100", "沈阳"],
        "indicator": ["地区生产总值"] * 4,
        "year": [2016, 2016, 2016, 2017],
        "value": [6.0e11, 1.0, second_value, 7.0e11],
        "unit": ["CNY"] * 4,
        "source_unit": ["亿元"] * 4,
        "source_row": [5, 6, 8, 9],
        "source_column": ["C"] * 4,
    })


@pytest.mark.parametrize("categorical", [False, True])
def test_a_key_named_twice_keeps_the_first_row_and_lists_the_other(
        bundled, categorical: bool) -> None:
    frame = shenyang_twice(5.5e11)
    if categorical:
        frame = frame.astype({"city": "category", "indicator": "category"})
    merged, summary = merge_import(bundled, frame, SOURCE, replace=True)
    rows = merged.observations
    same = rows[(rows["city_id"] == "cn-210100") & (rows["indicator_id"] == "gdp")
                & (rows["year"] == 2016)]
    assert len(same) == 1
    observation = merged.observation("cn-210100", "gdp", 2016)
    assert observation.value == 6.0e11 and observation.provenance.row == 5
    [duplicate] = summary.duplicates
    assert (duplicate.city_id, duplicate.indicator_id, duplicate.year) == ("cn-210100", "gdp",
                                                                          2016)
    assert duplicate.kept == ImportedCell(5, "C", 6.0e11)
    assert duplicate.dropped == (ImportedCell(8, "C", 5.5e11),)
    assert duplicate.values_differ
    assert summary.values_added == 3  # the dropped row is not counted
    assert summary.values_replaced == 2  # bundled 2016 and 2017, each once
    assert len(merged) == len(bundled) - 2 + 3


def test_a_repeat_with_the_same_value_is_listed_as_equal(bundled) -> None:
    merged, summary = merge_import(bundled, shenyang_twice(6.0e11), SOURCE, replace=True)
    [duplicate] = summary.duplicates
    assert not duplicate.values_differ
    assert [cell.row for cell in (duplicate.kept, *duplicate.dropped)] == [5, 8]
    assert merged.observation("cn-210100", "gdp", 2016).provenance.row == 5


def test_repeats_are_grouped_per_key_in_file_order(bundled) -> None:
    """Two files' worth of rows: each repeated key listed once, at its first row, with all
    its later rows (Shenyang 2016 four times: by name, id, name, id)."""
    frame = pd.concat([shenyang_twice(5.5e11), shenyang_twice(1.0)], ignore_index=True)
    frame["source_row"] = range(1, len(frame) + 1)
    merged, summary = merge_import(bundled, frame, SOURCE, replace=True)
    assert [(d.year, d.kept.row, [c.row for c in d.dropped]) for d in summary.duplicates] == [
        (2016, 1, [3, 5, 7]), (2016, 2, [6]), (2017, 4, [8])]
    assert [d.city_id for d in summary.duplicates] == [
        "cn-210100", merged.city("铁岭新区").id, "cn-210100"]
    assert [d.values_differ for d in summary.duplicates] == [True, False, False]
    assert [c.value for c in summary.duplicates[0].dropped] == [5.5e11, 6.0e11, 1.0]
    assert summary.values_added == 3 and len(merged) == len(bundled) - 2 + 3
    assert merged.observation("cn-210100", "gdp", 2016).value == 6.0e11


@pytest.mark.parametrize("size", [2**6, 2**40])
def test_repeated_keys_are_found_in_small_and_renumbered_tables(size: int) -> None:
    """Keys past the table limit are renumbered first; the answer is the same."""
    from desktop.importers.merge import _repeats

    keys = np.array([9, 3, 9, 5, 3, 9, 1]) * (size // 64)
    members, heads = _repeats(keys, size)
    assert members.tolist() == [0, 2, 5, 1, 4] and heads.tolist() == [0, 0, 0, 1, 1]
    assert [len(part) for part in _repeats(np.arange(5) * (size // 64), size)] == [0, 0]


def test_no_repeats_no_duplicates(bundled) -> None:
    _, summary = merge_import(bundled, imported_frame(), SOURCE)
    assert summary.duplicates == [] and summary.values_added == 3


def test_merging_the_same_source_twice_is_refused(bundled) -> None:
    merged, _ = merge_import(bundled, imported_frame(), SOURCE)
    with pytest.raises(ValueError, match="already"):
        merge_import(merged, imported_frame(), SOURCE)


@pytest.mark.parametrize(
    ("left", "right"),
    [("地区生产总值_当年价格_全市_万元", "地区生产总值（当年价格）"), ("GDP (亿元)", "gdp"),
     (" 年末户籍人口 ", "年末户籍人口")],
)
def test_indicator_names_match_despite_units_and_brackets(left: str, right: str) -> None:
    assert indicator_key(left) == indicator_key(right)


def test_district_figures_are_not_taken_for_whole_city_ones() -> None:
    assert indicator_key("地区生产总值_当年价格_市辖区_万元") != indicator_key("地区生产总值")
    assert indicator_key("地区生产总值(当年价格) [市辖区]") != indicator_key("地区生产总值")


def test_recipe_round_trips_and_rejects_other_versions(tmp_path: Path) -> None:
    recipe = Recipe(ReadOptions(sheet="1-7", encoding="gb18030", decimal=","),
                    TableOptions(header_rows=(3, 4), layout="wide_indicators",
                                 roles={"城市": "city"}, unit="万元"))
    path = tmp_path / "yearbook.recipe.json"
    save_recipe(recipe, path)
    assert load_recipe(path) == recipe
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["read"]["decimal"] == ","
    data["recipe_version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RecipeError, match="version 99"):
        load_recipe(path)
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(RecipeError, match=r"yearbook\.recipe\.json"):
        load_recipe(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
     ("@SUM(A1)", "'@SUM(A1)"), ("-2+3+cmd", "'-2+3+cmd"), ("\t=1", "'\t=1"),
     ("\r=1", "'\r=1"), ("沈阳市", "沈阳市"), ("a=b", "a=b")],
)
def test_formula_like_text_is_neutralised(text: str, expected: str) -> None:
    assert neutralise(text) == expected


def test_csv_export_neutralises_text_but_keeps_negative_numbers(tmp_path: Path) -> None:
    frame = pd.DataFrame({"city": ["=1+1", "沈阳市"], "value": [-12.5, 3.0]})
    path = tmp_path / "out.csv"
    write_csv(frame, path)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows == [["city", "value"], ["'=1+1", "-12.5"], ["沈阳市", "3.0"]]
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_xlsx_export_never_writes_formulas(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    frame = pd.DataFrame({"city": ["=HYPERLINK(\"http://x\",\"click\")", "沈阳市"],
                          "value": [-12.5, 3.0]})
    path = tmp_path / "out.xlsx"
    write_xlsx(frame, path)
    sheet = load_workbook(path).active
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value.startswith("'=")
    assert sheet["B2"].value == -12.5 and sheet["B2"].data_type == "n"
    assert sheet["A3"].value == "沈阳市"


def test_a_chosen_decimal_comma_applies_to_text_and_workbooks(tmp_path: Path) -> None:
    """'1.234' is 1.234 by default; with a decimal comma chosen the point groups thousands,
    in a text file and in a workbook's text cells alike (workbook numbers stay numbers)."""
    from openpyxl import Workbook

    from desktop.importers.run import import_file

    text = tmp_path / "people.tsv"
    text.write_text("城市\t指标\t年份\t数值\n沈阳市\t人口\t2016\t1.234\n", encoding="utf-8")
    book = Workbook()
    sheet = book.active
    sheet.append(["城市", "指标", "年份", "数值"])
    sheet.append(["沈阳市", "人口", 2016, "1.234"])
    sheet.append(["大连市", "人口", 2016, 7.5])
    workbook = tmp_path / "people.xlsx"
    book.save(workbook)
    comma = Recipe(ReadOptions(decimal=","))
    assert import_file(text).frame["value"].tolist() == [1.234]
    assert import_file(text, comma).frame["value"].tolist() == [1234.0]
    assert import_file(workbook).frame["value"].tolist() == [1.234, 7.5]
    assert import_file(workbook, comma).frame["value"].tolist() == [1234.0, 7.5]


def test_a_recipe_with_detected_roles_round_trips(tmp_path: Path) -> None:
    """The dialog saves the roles detection wrote ('year:2024', 'indicator:人口@2020'):
    loading them back must not be refused as unknown roles."""
    roles = {"地区": "city", "2024年": "year:2024", "人口_2020": "indicator:人口@2020",
             "备注": "ignore"}
    recipe = Recipe(ReadOptions(encoding="gb18030"),
                    TableOptions(layout="wide_years", roles=roles, year=2024))
    path = tmp_path / "nbs.recipe.json"
    save_recipe(recipe, path)
    assert load_recipe(path) == recipe
    data = json.loads(path.read_text(encoding="utf-8"))
    data["table"]["roles"]["2023年"] = "year:"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RecipeError, match="unknown role 'year:'"):
        load_recipe(path)


def test_a_rate_s_difference_is_said_in_percentage_points(bundled) -> None:
    """Shenyang's real growth 2016 is -5.6% (CSMAR); an import saying -5.0% differs by
    +0.60 points, which is what the listing must say (a ratio of rates would read +10.7%)."""
    from desktop.importers.merge_text import merge_lines

    frame = pd.DataFrame({"city": ["cn-210100"], "indicator": ["gdp_real_growth"],
                          "year": [2016], "value": [-5.0], "unit": ["percent"],
                          "source_unit": ["%"], "source_row": [2], "source_column": ["D"]})
    merged, summary = merge_import(bundled, frame, SOURCE)
    lines = merge_lines(merged, summary, "en", hint="")
    assert lines[0].startswith("The imported value of Real GDP growth for a city and year the "
                               "bundled data already has differs from it")
    assert "  Shenyang 2016: -5.6% → -5.0% (+0.60 pp), row 2, column D" in lines
    assert not any("--replace" in line for line in lines)
    zh = merge_lines(merged, summary, "zh", hint="")
    assert "  沈阳市 2016：-5.6% → -5.0%（+0.60个百分点），第2行第D列" in zh
