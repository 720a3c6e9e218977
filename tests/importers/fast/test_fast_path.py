"""The column-wise fast path gives EXACTLY what the row-wise path gives, or declines.

Every case runs both paths explicitly (fast_path.import_columns and import_file(fast=False))
and compares the whole long table and the whole report (JSON), issue by issue. Cases the fast
path is meant to take assert that it took them; cases it must leave alone assert it declined.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from desktop.core.paths import shared_external_dir
from desktop.core.progress import NullProgress
from desktop.core.storage import load_bundled
from desktop.curation.manifest import read_manifest
from desktop.importers import fast_path
from desktop.importers.columns import scale_exact
from desktop.importers.fast_path import Declined, import_columns
from desktop.importers.model import ImportRejectedError
from desktop.importers.recipe import Recipe
from desktop.importers.run import import_file

EXTERNAL = shared_external_dir()


@pytest.fixture(scope="module")
def lookup():
    return load_bundled().lookup


DECLINED: list[str] = []


def fast_or_none(path: Path, lookup=None, recipe: Recipe | None = None):
    try:
        return import_columns(path, recipe or Recipe(), lookup, NullProgress(), min_bytes=0)
    except Declined as exc:
        DECLINED.append(str(exc))
        return None


def assert_same(path: Path, lookup=None, recipe: Recipe | None = None, taken: bool = True):
    """Both paths on one file: equal frames and reports (or the same rejection)."""
    try:
        slow = import_file(path, recipe, lookup, fast=False)
    except ImportRejectedError as exc:
        try:
            fast = fast_or_none(path, lookup, recipe)
        except ImportRejectedError as fast_exc:
            assert fast_exc.issue == exc.issue
            return None
        assert fast is None, "the fast path imported a file the row-wise path rejects"
        return None
    fast = fast_or_none(path, lookup, recipe)
    if not taken:
        assert fast is None, "the fast path took a file it should decline"
        return None
    assert fast is not None, f"fast path declined: {DECLINED[-1]}"
    frame, report, _grid, _plan = fast
    pd.testing.assert_frame_equal(frame, slow.frame)
    fast_json, slow_json = report.to_json(), slow.report.to_json()
    for key in slow_json:
        assert fast_json[key] == slow_json[key], key
    return frame, report


# --- exact scaling ---------------------------------------------------------------------------


def _decimal_scaled(text: str, k: int) -> float:
    return float(Decimal(text).scaleb(k))


def test_scale_exact_matches_decimal_on_many_values():
    rng = random.Random(7)
    texts, exps = [], []
    for _ in range(60_000):
        digits = rng.randint(1, 15)
        mantissa = str(rng.randrange(10 ** (digits - 1), 10**digits))
        point = rng.randint(0, digits)
        text = (mantissa[:point] or "0") + "." + mantissa[point:] if point < digits else mantissa
        if rng.random() < 0.3:
            text = "-" + text
        texts.append(text)
        exps.append(rng.choice([0, 1, 2, 3, 4, 6, 8, 9, 12, -2, -4]))
    texts += ["5546.4498", "0.1", "0.3", "1.79769313486231", "123456789012345", "1e-5",
              "2.5e3", "0.000001234", "999999999999999"]
    exps += [8, 4, 8, 8, 4, 8, 4, 12, 8]
    values = np.array([float(t) for t in texts])
    got, ok = scale_exact(values, np.array(exps))
    expected = np.array([_decimal_scaled(t, k) for t, k in zip(texts, exps, strict=True)])
    assert ok.all(), [(t, k) for t, k, good in zip(texts, exps, ok, strict=True) if not good][:5]
    assert np.array_equal(got, expected)
    # multiplying by 10**k is not exact for many of them
    naive = values * np.power(10.0, np.array(exps, dtype=float))
    assert (naive != expected).sum() > 100


def test_scale_exact_refuses_values_with_more_digits():
    values = np.array([0.1 + 0.2, float("0.10000000000000001"), 1e300])
    _, ok = scale_exact(values, np.array([8, 8, 8]))
    assert not ok[0]  # 0.30000000000000004: 17 digits, left to Decimal
    assert ok[1]  # its float is 0.1; the caller checks the text's length separately


# --- generated tables ------------------------------------------------------------------------

CITIES = ["沈阳市", "大连市", "Shenyang", "鞍山", "New City A", "新城B "]
UNITS = ["亿元", "万元", "元", "", "吨标准煤"]


def _long_rows(n_years: int = 6, dirty: bool = False, seed: int = 1) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for city in CITIES:
        for ind in ("地区生产总值", "人口(万人)", "GDP (current US$)", "工业产值"):
            for y in range(2010, 2010 + n_years):
                value = f"{rng.uniform(1, 99999):.{rng.randint(0, 6)}f}"
                unit = "亿元" if ind == "地区生产总值" else ""
                if dirty:
                    roll = rng.random()
                    if roll < 0.04:
                        value = rng.choice(["..", "", "-", "NA", "—", "n/a", "…"])
                    elif roll < 0.06:
                        value = rng.choice(["约1200", "<0.1", "inf", "1e-400", "-0",
                                            "0", "0.10000000000000001", "12345678901234567",
                                            "  42 ", "１２３"])
                    elif roll < 0.1:
                        unit = rng.choice(UNITS)
                    year = str(y) if rng.random() > 0.02 else rng.choice(["2016年", "abc", ""])
                else:
                    year = str(y)
                rows.append([city, ind, year, value, unit])
    if dirty:
        rows[0][3], rows[1][3], rows[2][2] = "约1200", "..", "二〇一八年"
        rows[3][3], rows[3][2], rows[7][3], rows[7][2] = "17.5", "2013", "18", "2017"
        rows.append(rows[3][:])  # duplicate, same value
        conflict = rows[7][:]
        conflict[3] = "1.5"
        rows.append(conflict)  # duplicate, different value
    return rows


def _write_csv(path: Path, header: list[str], rows: list[list[str]], newline: str = "\n",
               bom: bool = False) -> Path:
    text = newline.join(",".join(r) for r in [header, *rows]) + newline
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _write_xlsx(path: Path, header: list[str], rows: list[list], write_only: bool) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("数据") if write_only else book.active
    if not write_only:
        sheet.title = "数据"
    sheet.append(header)
    for row in rows:
        cells = []
        for cell in row:
            try:
                number = float(cell)
            except ValueError:
                number = None
            plain = number is not None and cell.strip() == cell and np.isfinite(number) \
                and cell not in ("-0", "0.10000000000000001", "12345678901234567")
            cells.append(number if plain else (cell if cell != "" else None))
        sheet.append(cells)
    book.save(path)
    return path


LONG_HEADER = ["城市", "指标", "年份", "数值", "单位"]


@pytest.mark.parametrize("dirty", [False, True])
def test_csv_long(tmp_path, lookup, dirty):
    path = _write_csv(tmp_path / "long.csv", LONG_HEADER, _long_rows(dirty=dirty))
    _frame, report = assert_same(path, lookup)
    if dirty:
        codes = {i.code for i in report.errors + report.warnings}
        # 沈阳市 and Shenyang are one city: their rows conflict
        assert {"not_a_number", "missing_values", "conflicting_duplicate", "bad_year",
                "year_normalised"} <= codes
        assert codes & {"mixed_units", "inconsistent_units"}


@pytest.mark.parametrize("seed", [2, 3, 4])
def test_csv_long_dirty_seeds_without_lookup(tmp_path, seed):
    rows = _long_rows(n_years=12, dirty=True, seed=seed)
    _, report = assert_same(_write_csv(tmp_path / "long.csv", LONG_HEADER, rows))
    assert "duplicate_collapsed" in {w.code for w in report.warnings}


def test_csv_crlf_and_bom(tmp_path, lookup):
    path = _write_csv(tmp_path / "crlf.csv", LONG_HEADER, _long_rows(dirty=True), "\r\n",
                      bom=True)
    assert_same(path, lookup)


def _quoted(cell: str, rng: random.Random) -> str:
    if "," in cell or '"' in cell or rng.random() < 0.5:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def test_csv_quoted_fields(tmp_path, lookup):
    rng = random.Random(9)
    rows = _long_rows(n_years=8, dirty=True, seed=9)
    for k, row in enumerate(rows):
        if k % 7 == 0:
            row[0] = rng.choice(['Aberdeen, SD', 'He said "hi"', "A,B,C", ""]) or row[0]
    path = tmp_path / "quoted.csv"
    path.write_text("\n".join(",".join(_quoted(c, rng) for c in r)
                              for r in [LONG_HEADER, *rows]) + "\n", "utf-8")
    assert_same(path, lookup)


def test_csv_quoted_line_break_declines(tmp_path):
    rows = _long_rows()
    rows[40][0] = '"Two\nlines"'
    path = _write_csv(tmp_path / "multiline.csv", LONG_HEADER, rows)
    assert_same(path, taken=False)


def test_csv_tab_separated(tmp_path):
    path = tmp_path / "long.tsv"
    rows = _long_rows(dirty=True)
    path.write_text("\n".join("\t".join(r) for r in [LONG_HEADER, *rows]) + "\n", "utf-8")
    assert_same(path)


def test_csv_wide_years_with_empty_and_province_rows(tmp_path, lookup):
    rng = random.Random(5)
    header = ["地区", "2014年", "2015年", "2016", "2017"]
    rows = []
    for city in ["辽宁省", *CITIES[:3], "空城", *CITIES[3:]]:
        if city in ("辽宁省", "空城"):
            rows.append([city, "", "", "", ""])
            continue
        rows.append([city] + [rng.choice([f"{rng.uniform(0, 5000):.2f}", "", ".."])
                              for _ in range(4)])
    path = tmp_path / "地区生产总值(亿元).csv"
    path.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n", "utf-8")
    _frame, report = assert_same(path, lookup)
    assert {"province_row_skipped", "empty_row_skipped"} <= {w.code for w in report.warnings}


def test_csv_wide_indicators_units_in_headers(tmp_path, lookup):
    rng = random.Random(6)
    header = ["城市", "年份", "GDP(亿元)", "人口(万人)", "增长率(%)", "note"]
    rows = [[c, str(y), f"{rng.uniform(1, 9e4):.4f}", f"{rng.uniform(1, 3e3):.1f}",
             rng.choice(["6.5", "—", "-1.25", ""]), "x"]
            for c in CITIES for y in range(2015, 2021)]
    assert_same(_write_csv(tmp_path / "wide.csv", header, rows), lookup)


def test_csv_constant_year_from_the_recipe(tmp_path, lookup):
    from dataclasses import replace

    from desktop.importers.model import TableOptions

    rng = random.Random(12)
    header = ["城市", "GDP(亿元)", "人口(万人)"]
    rows = [[c, f"{rng.uniform(1, 9e4):.2f}", f"{rng.uniform(1, 3e3):.1f}"] for c in CITIES]
    path = _write_csv(tmp_path / "one_year.csv", header, rows)
    recipe = Recipe(table=replace(TableOptions(), year=2020))
    result = assert_same(path, lookup, recipe)
    if result is not None:
        assert set(result[0]["year"]) == {2020}


def test_csv_many_rows_random_values(tmp_path):
    rng = random.Random(11)
    rows = []
    for c in range(40):
        for i in range(10):
            for y in range(2000, 2020):
                value = repr(rng.uniform(-1e6, 1e6)) if rng.random() < 0.5 else \
                    f"{rng.uniform(0, 1e5):.{rng.randint(0, 9)}f}"
                rows.append([f"城市{c:02d}", f"指标{i}", str(y), value,
                             rng.choice(["万元", "亿元", "元", "百万美元"])])
    assert_same(_write_csv(tmp_path / "many.csv", LONG_HEADER, rows))


@pytest.mark.parametrize("write_only", [True, False])
@pytest.mark.parametrize("dirty", [False, True])
def test_xlsx_long(tmp_path, lookup, write_only, dirty):
    path = _write_xlsx(tmp_path / "long.xlsx", LONG_HEADER, _long_rows(dirty=dirty), write_only)
    assert_same(path, lookup)


def test_xlsx_wide_years(tmp_path, lookup):
    rng = random.Random(8)
    header = ["城市", "指标", "2015", "2016", "2017", "2018"]
    rows = [[c, ind] + [rng.choice([f"{rng.uniform(0, 5000):.3f}", "", "..", "12"])
                        for _ in range(4)]
            for c in CITIES for ind in ("地区生产总值(万元)", "人口(万人)")]
    assert_same(_write_xlsx(tmp_path / "wide.xlsx", header, rows, False), lookup)


# --- what the fast path leaves alone ---------------------------------------------------------


def test_declines_quoted_footnoted_blank_and_ragged(tmp_path):
    rows = _long_rows()
    ragged = _write_csv(tmp_path / "ragged.csv", LONG_HEADER, [*rows[:50], rows[50] + ["x"],
                                                               *rows[51:]])
    assert_same(ragged, taken=False)
    blank = tmp_path / "blank.csv"
    blank.write_text("\n".join(",".join(r) for r in [LONG_HEADER, *rows[:30]]) + "\n\n"
                     + "\n".join(",".join(r) for r in rows[30:]) + "\n", "utf-8")
    assert_same(blank, taken=False)
    notes = _write_csv(tmp_path / "notes.csv", LONG_HEADER, [*rows, ["数据来源：国家统计局"]])
    assert_same(notes, taken=False)


def test_declines_merged_cells(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(LONG_HEADER)
    for row in _long_rows():
        sheet.append(row)
    sheet.merge_cells("A2:A4")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    assert_same(path, taken=False)


# --- the hook in import_file -----------------------------------------------------------------


def test_import_file_takes_the_fast_path_for_big_files(tmp_path, monkeypatch):
    path = _write_csv(tmp_path / "big.csv", LONG_HEADER, _long_rows(n_years=30))
    monkeypatch.setattr(fast_path, "FAST_MIN_BYTES", 0)
    fast = import_file(path)
    slow = import_file(path, fast=False)
    assert (fast.path_taken, slow.path_taken) == ("columns", "rows")
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.report.to_json() == slow.report.to_json()
    assert fast.grids[0].rows[:3] == slow.grids[0].rows[:3]
    monkeypatch.setenv("CITY_PROFILES_FAST_PATH", "0")
    assert import_file(path).path_taken == "rows"


def test_small_files_take_the_row_wise_path(tmp_path):
    path = _write_csv(tmp_path / "small.csv", LONG_HEADER, _long_rows())
    assert import_file(path).path_taken == "rows"


# --- real files ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(read_manifest(EXTERNAL)))
def test_real_files_same_result_or_declined(name, lookup):
    path = EXTERNAL / name
    try:
        slow = import_file(path, None, lookup, fast=False)
    except ImportRejectedError:
        assert_same(path, lookup, taken=False)
        return
    fast = fast_or_none(path, lookup)
    if fast is None:
        return
    frame, report, _grid, _plan = fast
    pd.testing.assert_frame_equal(frame, slow.frame)
    assert report.to_json() == slow.report.to_json()


# --- the shared interpretation and the column reader's shortcuts ------------------------------


class _AmbiguousLookup:
    """A catalog stand-in where 'Taizhou' could be two cities."""

    def get(self, name):
        return None

    def ambiguous(self, name):
        from types import SimpleNamespace

        if name != "Taizhou":
            return []
        return [SimpleNamespace(name_zh="泰州市", name_en="Taizhou", province_en="Jiangsu"),
                SimpleNamespace(name_zh="台州市", name_en="Taizhou", province_en="Zhejiang")]

    def by_code(self, code):
        return None


def test_ambiguous_city_reported_by_both_paths(tmp_path):
    rows = [[city, "GDP", str(y), f"{y - 2000}.5", "亿元"]
            for city in ("Wuxi", "Taizhou", "Nantong") for y in range(2010, 2016)]
    path = _write_csv(tmp_path / "ambiguous.csv", LONG_HEADER, rows)
    _frame, report = assert_same(path, _AmbiguousLookup())
    ambiguous = [w for w in report.warnings if w.code == "ambiguous_city"]
    assert len(ambiguous) == 1 and ambiguous[0].location.row == 8  # Taizhou's first row


def test_many_parsing_threads_give_the_same_result(tmp_path, monkeypatch):
    """Chunks parsed apart see different cities (their own categories): codes are renumbered
    into one table."""
    from desktop.importers import fast_text

    monkeypatch.setattr(fast_text, "_CHUNK_MIN", 2048)
    monkeypatch.setattr(fast_text.os, "cpu_count", lambda: 4)
    monkeypatch.setattr(fast_text, "_load_average", lambda: None)  # idle, whatever it is
    assert len(fast_text._chunks(fast_text._Content(None, (0, 0), b"x\n" * 8192), 0)) == 4
    rows = _long_rows(n_years=20, seed=21)
    path = _write_csv(tmp_path / "chunks.csv", LONG_HEADER, rows)
    frame, _report = assert_same(path)
    assert len(frame) == len(rows)


@pytest.mark.parametrize(("cores", "load", "threads"), [
    (2, None, 2), (2, 0.3, 2), (2, 1.9, 2), (2, 2.4, 1), (2, 5.0, 1), (8, 3.2, 4), (8, 6.0, 3),
    (1, 0.0, 1)])
def test_parsing_threads_one_per_idle_core(cores, load, threads):
    """This import counts as one in the load average; other programs' load takes cores."""
    from desktop.importers.fast_text import parsing_threads

    assert parsing_threads(cores, load) == threads


def test_a_long_value_in_a_scaled_column_takes_the_careful_path(tmp_path):
    rows = [[f"城市{c}", "GDP", str(y), f"{c * 10 + y % 7}.25", "亿元"]
            for c in range(30) for y in range(2000, 2020)]
    rows[17][3] = "1234.5678901234567891"  # 22 characters: Decimal decides, not the float
    path = _write_csv(tmp_path / "long_value.csv", LONG_HEADER, rows)
    frame, _report = assert_same(path)
    assert frame["value"].iloc[17] == float(Decimal("1234.5678901234567891").scaleb(8))


@pytest.mark.parametrize("block", [1, 2, 5, 64, 1 << 20])
@pytest.mark.parametrize("on_disk", [False, True])
def test_line_scan_in_blocks_counts_like_the_whole(tmp_path, block, on_disk):
    from desktop.importers.fast_text import _Content, _Lines, _stamp

    for k, data in enumerate((b"h\na,b\nc,d\n", b"h\na,b\ncc,dd", b"h\r\na,bbb\r\nc,d\r\n",
                              b"h\n" + b"x" * 50 + b"\n" + b"y,z\n" * 10, b"h\n,\n\n,\n",
                              b'h\n"a",b\nc,d\r\n')):
        begin = data.find(b"\n") + 1
        if on_disk:
            path = tmp_path / f"scan{k}.csv"
            path.write_bytes(data)
            content = _Content(path, _stamp(path))
        else:
            content = _Content(None, (len(data), 0), data)
        lines = _Lines(content, begin, ",", 2)
        breaks, delims, longest, ends = lines._scan(block)
        whole = _Lines(data, begin, ",", 2)
        assert breaks == len(whole.breaks())
        assert delims == data.count(b",", begin)
        assert longest == whole.longest_line()
        assert ends == data.endswith(b"\n")
        assert lines.quoted == (b'"' in data[begin:])
    for bad in (b"h\na,b\rc,d\n", b"h\na,b\x00\nc,d\n", b"h\na,b\r"):
        with pytest.raises(Declined):
            _Lines(bad, 2, ",", 2)._scan(block)


@pytest.mark.parametrize("head_block", [64, 16384])
def test_big_files_are_read_by_range_from_disk(tmp_path, monkeypatch, head_block):
    """Big files: the first block gives the head (or, with long lines, the whole file does);
    the parsing threads and the structure check read the file by range; the result is the
    same."""
    from desktop.importers import fast_text

    monkeypatch.setattr(fast_text, "_HEAD_BLOCK", head_block)
    rows = _long_rows(n_years=40, dirty=True, seed=5)
    path = _write_csv(tmp_path / "background.csv", LONG_HEADER, rows)
    assert path.stat().st_size > 2 * head_block
    assert_same(path)
    nul = tmp_path / "nul.csv"
    nul.write_bytes(path.read_bytes() + "沈阳市,GDP,2030,1\x00,亿元\n".encode())
    assert_same(nul, taken=False)  # a control byte after the head still declines


@pytest.mark.parametrize("chosen", [None, "gbk", "GB18030"])
def test_gb_encoded_files_are_read_as_the_row_wise_reader_reads_them(tmp_path, lookup, chosen):
    from desktop.importers.model import ReadOptions

    rows = _long_rows(n_years=10, dirty=True, seed=8)
    text = "\r\n".join(",".join(r) for r in [LONG_HEADER, *rows]) + "\r\n"
    path = tmp_path / "gbk.csv"
    path.write_bytes(text.encode("gbk"))
    recipe = Recipe(read=ReadOptions(encoding=chosen)) if chosen else None
    _frame, report = assert_same(path, lookup, recipe)
    assert report.encoding == ("gb18030" if chosen is None else chosen.lower())


def test_gb_files_the_fast_path_leaves_alone(tmp_path):
    rows = _long_rows(n_years=10, seed=8)
    # '|' can be the second byte of a GBK character
    bar = tmp_path / "bar.csv"
    bar.write_bytes("\n".join("|".join(r) for r in [LONG_HEADER, *rows]).encode("gbk") + b"\n")
    assert_same(bar, taken=False)
    # valid GB18030 in the head, broken further down: the row-wise reader refuses it
    broken = tmp_path / "broken.csv"
    body = "\n".join(",".join(r) for r in [LONG_HEADER, *rows]).encode("gbk")
    broken.write_bytes(body + b"\n\xd6\xd0\xff,x,2010,1,\n")
    assert_same(broken, taken=False)


def test_city_codes_decide_the_city_in_both_paths(tmp_path, lookup):
    header = ["城市", "城市代码", "指标", "年份", "数值"]
    rows = []
    for name, code in (("沈阳", "210100"), ("Dalian City", "210200"), ("新城A", "999999"),
                       ("鞍山市", ""), ("沈阳", "0210100")):
        for y in range(2010, 2016):
            rows.append([name, code, "GDP(亿元)", str(y), f"{y - 1990}.5"])
    frame, report = assert_same(_write_csv(tmp_path / "codes.csv", header, rows), lookup)
    assert {"cn-210100", "cn-210200"} <= set(frame["city"])
    assert report.cities_matched.get("Dalian City") == "cn-210200"


def test_text_in_a_late_block_of_the_value_column_still_takes_the_fast_path(tmp_path,
                                                                             monkeypatch):
    """pandas converts a range in blocks (~131k rows for five columns): numbers in the first
    block and a '—' in the next would come back as mixed types; the range is read again at
    once and the marker goes the per-cell way, as in the row-wise path."""
    from desktop.importers import fast_text

    monkeypatch.setattr(fast_text, "_MAX_THREADS", 1)
    rows = [[f"城市{c:04d}", "GDP", str(y), f"{c}.{y % 10}", "亿元"]
            for c in range(7000) for y in range(2000, 2020)]
    rows[-1][3] = "—"
    path = _write_csv(tmp_path / "late_marker.csv", LONG_HEADER, rows)
    frame, report = assert_same(path)
    assert len(frame) == len(rows) - 1
    missing = next(w for w in report.warnings if w.code == "missing_values")
    assert missing.values["markers"] == {"—": 1}
