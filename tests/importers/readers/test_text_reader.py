"""Text files: encodings, delimiters, preambles and footnotes, ragged rows, line numbers."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from desktop.core.progress import CancelledError
from desktop.importers import readers, text_reader
from desktop.importers.model import ImportRejectedError, ReadOptions, SheetInfo
from desktop.importers.readers import list_sheets, read_grids


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def rejected(path: Path, options: ReadOptions | None = None) -> ImportRejectedError:
    with pytest.raises(ImportRejectedError) as info:
        read_grids(path, options or ReadOptions())
    return info.value


def test_latin1_text_is_read_as_western_not_garbled_into_chinese(tmp_path: Path) -> None:
    """Each accented letter is one byte between ASCII ones: Western, said in the report with a
    name as read, so a wrong guess shows at once; chosen explicitly, nothing is said."""
    path = write(tmp_path, "eu.csv", "city,value\nZürich,1\nSão Paulo,2\n".encode("cp1252"))
    grid = read_grids(path)[0]
    assert grid.rows[1:] == [["Zürich", "1"], ["São Paulo", "2"]]
    assert grid.encoding == "cp1252"
    [issue] = grid.issues
    assert issue.code == "encoding_guessed" and issue.location.row == 2
    assert "'Zürich'" in issue.message and "Windows-1252" in issue.message
    chosen = read_grids(path, ReadOptions(encoding="cp1252"))[0]
    assert chosen.rows[1] == ["Zürich", "1"] and chosen.issues == []


def test_cp1252_punctuation_reads_as_written(tmp_path: Path) -> None:
    text = "city,note,value\nCañon City,“revised” – 2019,1\nKöln,€ 5,2\n"
    grid = read_grids(write(tmp_path, "w.csv", text.encode("cp1252")))[0]
    assert grid.rows[1] == ["Cañon City", "“revised” – 2019", "1"]
    assert grid.rows[2] == ["Köln", "€ 5", "2"]


def test_gbk_text_with_a_few_bytes_still_reads_as_chinese(tmp_path: Path) -> None:
    """Two bytes per character, in runs: never taken for Western text."""
    grid = read_grids(write(tmp_path, "cn.csv", "城市,数值\n沈阳市,1\n".encode("gbk")))[0]
    assert grid.rows[1] == ["沈阳市", "1"] and grid.encoding == "gb18030"
    assert text_reader.looks_western("沈阳市,1".encode("gbk")) is False
    assert text_reader.looks_western("Zürich,Köln,São".encode("cp1252")) is True


def test_bytes_that_are_neither_chinese_nor_western_are_refused(tmp_path: Path) -> None:
    """0x81 and 0x8D are not Windows-1252 characters; GB18030 reads these runs as rare
    characters: no guess, the user chooses."""
    path = write(tmp_path, "x.csv", b"city,value\nA\x81\x8d\x81\x8dB,1\nC\x8d\x81D,2\n")
    error = rejected(path)
    assert error.issue.code == "encoding_unknown" and error.issue.location.row == 2


def test_tab_file_with_grouped_thousands_is_not_read_with_decimal_commas(tmp_path: Path) -> None:
    """'5,460' 亿元 alone could be either: read as thousands and the cells named."""
    text = "城市\t指标\t年份\t数值\n沈阳市\tGDP\t2016\t5,460\n大连市\tGDP\t2016\t6,810\n"
    grid = read_grids(write(tmp_path, "gdp.tsv", text.encode("utf-8")))[0]
    assert grid.decimal == "."
    [issue] = grid.issues
    assert issue.code == "decimal_mark" and issue.values["reason"] == "ambiguous"
    assert issue.values["cells"] == ["D2", "D3"]
    assert (issue.location.row, issue.location.column) == (2, "D")
    assert "line 2, column D ('5,460')" in issue.message and "thousands" in issue.message


@pytest.mark.parametrize(
    ("values", "decimal", "reason"),
    [
        (["5,460", "12,345,678"], ".", "comma_thousands"),  # two groups: thousands
        (["5,460", "3.5"], ".", "comma_thousands"),  # a point decimal elsewhere decides
        (["1,234.5", "7"], ".", "comma_thousands"),
        (["1000,00", "6802,5"], ",", "comma_decimals"),
        (["1.234,5", "7"], ",", "comma_decimals"),
        (["5,460", "3,5"], ",", "comma_decimals"),  # '3,5' says the comma is decimal
    ],
)
def test_decimal_mark_is_decided_from_all_values(tmp_path: Path, values: list[str],
                                                 decimal: str, reason: str) -> None:
    lines = ["city;value"] + [f"c{i};{v}" for i, v in enumerate(values)]
    # the deciding value far below the first rows: every row counts, not a sample
    lines[2:2] = [f"x{i};{i}" for i in range(500)]
    grid = read_grids(write(tmp_path, "v.csv", "\n".join(lines).encode()))[0]
    assert grid.decimal == decimal
    [issue] = [i for i in grid.issues if i.code == "decimal_mark"]
    assert issue.values["reason"] == reason and issue.values["level"] == "info"


def test_a_chosen_decimal_mark_is_kept_and_auto_detects(tmp_path: Path) -> None:
    path = write(tmp_path, "v.tsv", b"city\tvalue\na\t5,460\n")
    chosen = read_grids(path, ReadOptions(decimal=","))[0]
    assert chosen.decimal == "," and chosen.issues == []
    auto = read_grids(path, ReadOptions(decimal="auto"))[0]
    assert auto.decimal == "." and [i.code for i in auto.issues] == ["decimal_mark"]


def test_comma_separated_file_without_comma_values_says_nothing(tmp_path: Path) -> None:
    grid = read_grids(write(tmp_path, "p.csv", b"city,value\na,1.5\nb,2\n"))[0]
    assert grid.decimal == "." and grid.issues == []


def test_gb18030_only_characters_fail_loudly_as_gbk(tmp_path: Path) -> None:
    path = write(tmp_path, "rare.csv", "城市,数值\n䶮𠀾市,1.5\n".encode("gb18030"))
    assert read_grids(path)[0].rows[1] == ["䶮𠀾市", "1.5"]
    assert rejected(path, ReadOptions(encoding="gbk")).issue.code == "encoding_unknown"


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "u16.txt", "City\tValue\nShenyang\t1\n".encode("utf-16-le"))
    grid = read_grids(path)[0]
    assert grid.rows == [["City", "Value"], ["Shenyang", "1"]]
    assert grid.encoding == "utf-16-le" and grid.delimiter == "\t"


def test_quoted_newlines_keep_content_and_start_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "q.csv", b'name,"GDP\r\n(yuan)"\r\n\r\n"A\r\nB",1\r\nC,2\r\n')
    grid = read_grids(path)[0]
    assert grid.rows == [["name", "GDP\n(yuan)"], ["A\nB", "1"], ["C", "2"]]
    assert grid.row_numbers == [1, 4, 6]


def test_preamble_and_footnotes_are_not_ragged(tmp_path: Path) -> None:
    text = ("数据库：年度数据\n指标：地区生产总值(亿元)\n\n地区,2020年,2019年\n辽宁省,1,2\n"
            "吉林省,3,4\n注：数据已修订, 见说明\n数据来源：国家统计局\n")
    grid = read_grids(write(tmp_path, "nbs.csv", text.encode("gbk")))[0]
    assert grid.rows[2] == ["地区", "2020年", "2019年"]
    assert grid.rows[-2] == ["注：数据已修订", " 见说明"]
    assert grid.row_numbers == [1, 2, 4, 5, 6, 7, 8]


def test_short_row_inside_the_table_is_ragged(tmp_path: Path) -> None:
    text = "a,b,c\n1,2,3\n4,5\n7,8,9\n"
    error = rejected(write(tmp_path, "r.csv", text.encode()))
    assert error.issue.code == "ragged_rows" and error.issue.values["lines"] == [3]


def test_trailing_empty_fields_are_tolerated(tmp_path: Path) -> None:
    text = "a,b,c\n1,2,3,\n4,5,6,,\n"
    grid = read_grids(write(tmp_path, "t.csv", text.encode()))[0]
    assert grid.rows == [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]]


def test_one_unquoted_thousands_row_is_named(tmp_path: Path) -> None:
    text = "city,value,unit\nA,999.5,yuan\nB,1,234.50,yuan\nC,12.0,yuan\n"
    error = rejected(write(tmp_path, "th.csv", text.encode()))
    assert error.issue.code == "ambiguous_thousands" and error.issue.location.row == 3


def test_semicolon_with_decimal_comma(tmp_path: Path) -> None:
    text = "Stadt;Wert\nBerlin;1.234,50\nHamburg;17,25\n"
    grid = read_grids(write(tmp_path, "de.csv", text.encode()))[0]
    assert (grid.delimiter, grid.decimal) == (";", ",")
    assert grid.rows[1] == ["Berlin", "1.234,50"]


def test_options_override_detection(tmp_path: Path) -> None:
    path = write(tmp_path, "o.csv", b"a|b,c\n1|2,3\n")
    assert read_grids(path, ReadOptions(delimiter="|"))[0].rows[1] == ["1", "2,3"]


def test_gzip_csv_and_gzip_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "data.csv.gz", gzip.compress("城市,数值\n沈阳市,1\n".encode()))
    assert read_grids(path)[0].rows[1] == ["沈阳市", "1"]
    bomb = write(tmp_path, "bomb.csv.gz", gzip.compress(b"a,b\n" + b"1,2\n" * 2_000_000))
    monkeypatch.setattr(readers, "MAX_TEXT_BYTES", 1_000_000)
    assert rejected(bomb).issue.code == "too_large"


def test_too_large_text_refused_before_reading(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_TEXT_BYTES", 10)
    error = rejected(write(tmp_path, "big.csv", b"a,b\n1,2\n3,4\n"))
    assert error.issue.code == "too_large" and "MB" in error.issue.message


def test_binary_and_other_types_refused(tmp_path: Path) -> None:
    assert rejected(write(tmp_path, "x.csv", b"%PDF-1.7\n...")).issue.code == "unsupported_type"
    assert rejected(write(tmp_path, "x.bin", bytes(range(256)) * 8)).issue.code == \
        "unsupported_type"
    assert rejected(write(tmp_path, "blank.csv", b"\n\r\n  \n")).issue.code == "empty_file"


def test_cancel_stops_reading(tmp_path: Path) -> None:
    class Cancelled:
        def report(self, fraction: float, message: str = "") -> None:
            pass

        def cancelled(self) -> bool:
            return True

    path = write(tmp_path, "c.csv", b"a,b\n1,2\n")
    with pytest.raises(CancelledError):
        read_grids(path, progress=Cancelled())


def test_progress_reported(tmp_path: Path) -> None:
    seen: list[float] = []

    class Recorder:
        def report(self, fraction: float, message: str = "") -> None:
            seen.append(fraction)

        def cancelled(self) -> bool:
            return False

    read_grids(write(tmp_path, "p.csv", b"a,b\n" + b"1,2\n" * 250_000), progress=Recorder())
    assert len(seen) >= 3 and seen[-1] == 1.0 and seen == sorted(seen)


def test_list_sheets_of_text_file(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", b"a,b\n1,2\n")
    assert list_sheets(path) == [SheetInfo("", 0, False, 2, 2)]


def test_field_limit_restored(tmp_path: Path) -> None:
    import csv

    before = csv.field_size_limit()
    read_grids(write(tmp_path, "l.csv", b"a,b\n" + b"x" * 200_000 + b",1\n"))
    assert csv.field_size_limit() == before


def test_decode_reports_unknown_override() -> None:
    with pytest.raises(ImportRejectedError) as info:
        text_reader.decode(b"a,b\n", "f.csv", "no-such-codec")
    assert info.value.issue.code == "encoding_unknown"


def test_decimal_and_encoding_lines_read_in_chinese(tmp_path: Path) -> None:
    """--lang zh: the guessed encoding and the undecided cells, each with its place."""
    from desktop.importers.report_text import issue_line

    tsv = write(tmp_path, "gdp.tsv", "城市\t数值\n沈阳市\t5,460\n".encode())
    [decimal] = read_grids(tsv)[0].issues
    assert issue_line(decimal, "zh") == (
        "gdp.tsv，第 2 行，B 列：小数点：句点（推定）。1个数值（如“5,460”）两种读法皆可（逗号后"
        "恰好三位数字），已将逗号读作千位分隔符：B2。如逗号实为小数点，请在导入时选择“逗号”。")
    latin = write(tmp_path, "eu.csv", "city,value\nZürich,1\n".encode("cp1252"))
    [guessed] = read_grids(latin)[0].issues
    assert issue_line(guessed, "zh") == (
        "eu.csv，第 2 行：文件不是 UTF-8 或中文编码（GBK/GB18030），已按西欧编码（Windows-1252，"
        "兼容 Latin-1）读取，例如第 2 行的“Zürich”；如名称显示不正确，请在导入时选择编码。")


def test_both_decimal_readings_in_one_file_warn_and_follow_the_majority(tmp_path: Path) -> None:
    text = "city;value\na;1000,00\nb;6802,5\nc;1,234.5\n"
    grid = read_grids(write(tmp_path, "mixed.csv", text.encode()))[0]
    assert grid.decimal == ","
    [issue] = grid.issues
    assert issue.values["reason"] == "conflict" and "level" not in issue.values
    assert issue.message.startswith("Decimal mark: comma, used by most values")
