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


def test_latin1_text_is_not_garbled_into_chinese(tmp_path: Path) -> None:
    path = write(tmp_path, "eu.csv", "city,value\nZürich,1\nSão Paulo,2\n".encode("cp1252"))
    error = rejected(path)
    assert error.issue.code == "encoding_unknown" and error.issue.location.row == 2
    grid = read_grids(path, ReadOptions(encoding="cp1252"))[0]
    assert grid.rows[1] == ["Zürich", "1"] and grid.encoding == "cp1252"


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
