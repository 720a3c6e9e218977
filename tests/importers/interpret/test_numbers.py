"""numbers.py: value cells -> canonical floats, every doubtful cell named; years."""

from __future__ import annotations

import math

import numpy as np
import pytest

from desktop.importers import numbers as num
from desktop.importers.numbers import BAD, MISSING, OK, parse_values, parse_year


def parse(cells, exponents=0, decimal=".", flags=False):
    return parse_values(np.array(cells, dtype=object), exponents, decimal, flags)


def note_codes(result):
    return {n.index: n.code for n in result.notes}


@pytest.mark.parametrize(
    "marker", ["", "  ", "..", "—", "——", "-", "－", ":", "NA", "N/A", "n/a", "null", "…", "x",
               "/", None],
)
def test_missing_markers_are_missing_never_zero(marker):
    result = parse(["12.5", marker])
    assert result.status.tolist() == [OK, MISSING]
    assert result.values[0] == 12.5
    assert math.isnan(result.values[1])
    assert result.notes == []  # missing is counted, not reported per cell


def test_missing_markers_are_counted_by_marker():
    result = parse(["..", "..", "—", "", "1"])
    assert result.missing_markers == {"..": 2, "—": 1, "": 1}
    assert result.blank.tolist() == [False, False, False, True, False]


def test_exact_scaling_by_decimal_exponent():
    # 5306.4242 亿元: float multiplication would give 530642420000.00006
    result = parse(["5306.4242", "5546.4498", "1000.0", "20832.0", "66150.2281"], 8)
    assert result.values.tolist() == [530642420000.0, 554644980000.0, 100000000000.0,
                                      2083200000000.0, 6615022810000.0]
    assert 5306.4242 * 1e8 != 530642420000.0  # why the exact path matters


def test_exact_scaling_of_numeric_cells_uses_their_shortest_text():
    result = parse([5546.4498, 3], np.array([8, 4]))
    assert result.values.tolist() == [554644980000.0, 30000.0]


def test_scaling_with_padded_text_and_exponent_in_text():
    result = parse([" 12.5 ", "1.2E+3", "2.55E+11"], np.array([4, 4, 0]))
    assert result.values.tolist() == [125000.0, 12000000.0, 255000000000.0]
    assert result.status.tolist() == [OK, OK, OK]


@pytest.mark.parametrize(
    "text", ["约1200", "<0.1", "1200*", "1.2万", "3.5%", "TRUE", "0x1A", "1200(初步)", "abc",
             "1.2.3", "1,2,3"],
)
def test_text_that_is_not_a_number_is_reported_per_cell(text):
    result = parse(["1", text, "2"])
    assert result.status.tolist() == [OK, BAD, OK]
    assert note_codes(result) == {1: "not_a_number"}
    assert result.notes[0].raw == text
    assert result.values[0] == 1.0 and result.values[2] == 2.0  # the column stays numeric


def test_bool_cell_is_not_a_number():
    result = parse([True, 1.5])
    assert result.status.tolist() == [BAD, OK]
    assert note_codes(result) == {0: "not_a_number"}


def test_full_width_digits_and_space_groups_are_normalised_with_a_note():
    result = parse(["１２３４．５", "12 345", "１２３４"])
    assert result.values.tolist() == [1234.5, 12345.0, 1234.0]
    assert set(note_codes(result).values()) == {"number_normalised"}


def test_quoted_thousands_separators():
    result = parse(["1,000.00", "1,234,567.5", "12,34"])
    assert result.values[:2].tolist() == [1000.0, 1234567.5]
    assert note_codes(result)[0] == "thousands_separator"
    assert result.status[2] == BAD  # '12,34' is not a grouping in a '.' file


def test_decimal_comma_files():
    result = parse(["1000,00", "1.234,5", "6802,5", "1.5", "12"], decimal=",")
    assert result.values[[0, 1, 2, 4]].tolist() == [1000.0, 1234.5, 6802.5, 12.0]
    assert result.status[3] == BAD  # '1.5' is ambiguous when ',' is the decimal mark


def test_decimal_comma_with_scaling():
    result = parse(["1000,00", "6802,50"], 8, decimal=",")
    assert result.values.tolist() == [100000000000.0, 680250000000.0]


@pytest.mark.parametrize("text", ["inf", "-Infinity", "NaN", "nan", float("inf"), float("nan")])
def test_non_finite_values_are_flagged_and_excluded(text):
    result = parse([text])
    assert result.status[0] == BAD
    assert note_codes(result) == {0: "non_finite"}


def test_overflow_underflow_precision_and_negative_zero():
    cells = ["1e309", "1e-400", "9007199254740993", "-0", "1.7976931348623157e308", "0", "0.0"]
    result = parse(cells)
    got = note_codes(result)
    assert got[0] == "overflow"
    assert got[1] == "underflow"
    assert got[2] == "precision_loss"
    assert result.status[2] == OK and result.values[2] == 9007199254740992.0
    assert result.values[3] == 0.0 and math.copysign(1, result.values[3]) == 1.0
    assert result.values[4] == 1.7976931348623157e308
    assert result.values[5] == 0.0 and result.values[6] == 0.0
    assert 3 not in got and 5 not in got


def test_scaling_can_overflow():
    result = parse(["1.7976931348623157e308"], 8)
    assert note_codes(result) == {0: "overflow"}


def test_eurostat_flags_are_kept_and_counted():
    result = parse(["4700 p", "156034.81 e", ":", ": c", "3800 ", "1200 x"], flags=True)
    assert result.values[0] == 4700.0 and result.values[1] == 156034.81
    assert result.values[4] == 3800.0
    assert result.status.tolist()[:5] == [OK, OK, MISSING, MISSING, OK]
    assert result.flags == {"p": 1, "e": 1, "c": 1, "x": 1}
    # without flag mode '4700 p' is text
    assert parse(["4700 p"]).status[0] == BAD


def test_fast_path_handles_clean_columns_without_the_per_cell_path(monkeypatch):
    calls = []
    monkeypatch.setattr(num, "_parse_one", lambda *a: calls.append(a))
    cells = [f"{i}.25" for i in range(10_000)]
    result = parse(cells, np.full(10_000, 4))
    assert calls == []
    assert result.values[3] == 32500.0


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (2016, (2016, False)),
        ("2016", (2016, False)),
        ("2021 ", (2021, False)),
        (2016.0, (2016, False)),
        ("2016年", (2016, True)),
        ("2017 年", (2017, True)),
        ("2020年度", (2020, True)),
        ("二〇一八年", (2018, True)),
        ("２０１９", (2019, True)),
        ("2016-Q1", (None, False)),
        ("16", (None, False)),
        ("", (None, False)),
        (None, (None, False)),
        (True, (None, False)),
    ],
)
def test_parse_year(cell, expected):
    assert parse_year(cell) == expected


# --- the decimal mark, decided from the values ---------------------------------------------


@pytest.mark.parametrize(
    ("cells", "mark", "reason"),
    [
        (["5,460", "12,345,678"], ".", "comma_thousands"),
        (["1,234.5"], ".", "comma_thousands"),
        (["5,460", "1,234", "3.5"], ".", "comma_thousands"),
        (["1000,00", "3,5"], ",", "comma_decimals"),
        (["1.234,5"], ",", "comma_decimals"),
        (["1.234.567"], ".", ""),  # no comma: nothing to decide, the point stays
        (["0,1234"], ",", "comma_decimals"),  # four digits after the comma
        (["5,460", "0,25"], ",", "comma_decimals"),
        (["5,460", "1,234"], ".", "ambiguous"),
        (["12", "3.5", "name, with comma"], ".", ""),
    ],
)
def test_decide_decimal(cells, mark, reason):
    choice = num.decide_decimal([[c] for c in cells])
    assert (choice.mark, choice.reason) == (mark, reason)


def test_decide_decimal_names_the_undecided_cells_and_counts_them():
    rows = [["沈阳市", "5,460"], ["大连市", "6,810"], ["长春市", "7"]]
    choice = num.decide_decimal(rows)
    assert choice.ambiguous == ((0, 1, "5,460"), (1, 1, "6,810"))
    assert (choice.evidence, choice.comma_values) == (2, 2)
    # told of a point decimal elsewhere (the column-wise reader's numbers), it is decided
    assert num.decide_decimal(rows, point_decimals=1).reason == "comma_thousands"


def test_grouped_thousands_parse_in_one_vectorised_call_with_notes(monkeypatch):
    """50,000 '5,460' cells (a 亿元 column) never go cell by cell, and each keeps its note."""
    calls = []
    monkeypatch.setattr(num, "_parse_one", lambda *a: calls.append(a))
    cells = ["5,460", "12,345,678.5", "7"] * 20_000
    result = parse(cells, np.full(len(cells), 8))
    assert calls == []
    assert result.values[:3].tolist() == [546_000_000_000.0, 1_234_567_850_000_000.0, 7e8]
    thousands = [n for n in result.notes if n.code == "thousands_separator"]
    assert len(thousands) == 40_000
    assert thousands[0].index == 0 and thousands[0].detail == {"normalised": "5460"}


def test_grouped_thousands_fast_and_careful_notes_agree():
    """Padded cells take the careful path; the notes still come in cell order."""
    result = parse([" 1,234 ", "5,460", "12,34"])
    assert result.values[:2].tolist() == [1234.0, 5460.0]
    assert [(n.index, n.code) for n in result.notes] == [
        (0, "thousands_separator"), (1, "thousands_separator"), (2, "not_a_number")]


# --- years written with a mark -------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "year", "note"),
    [
        ("FY2016", 2016, "fiscal"),
        ("FY 2016", 2016, "fiscal"),
        ("2016财年", 2016, "fiscal"),
        ("2016-17", 2016, "split"),
        ("2016/17", 2016, "split"),
        ("2016–17", 2016, "split"),
        ("2016-2017", 2016, "split"),
        ("2019-20", 2019, "split"),
        ("2099-00", 2099, "split"),  # the century turns
        ("2019E", 2019, "estimate"),
        ("2019e", 2019, "estimate"),
        ("2019 est.", 2019, "estimate"),
        ("2019年(预计)", 2019, "estimate"),
        ("2019F", 2019, "forecast"),
        ("2021*", 2021, "marked"),
        ("2022p", 2022, "provisional"),
        ("2022 (preliminary)", 2022, "provisional"),
        ("2020r", 2020, "revised"),
        ("2018 (revised)", 2018, "revised"),
        ("2019年末", 2019, "year_end"),
        ("2016年", 2016, ""),
        ("2016", 2016, ""),
    ],
)
def test_years_with_marks(cell, year, note):
    assert parse_year(cell) == (year, cell != "2016")
    assert num.year_note(cell) == note


@pytest.mark.parametrize("cell", ["2016-20", "2016-15", "2019 Q3", "2019abc", "FY16", "2019X",
                                  "20190", "1500E"])
def test_year_like_texts_that_are_not_one_year(cell):
    """A range ('2016-20'), a quarter, a two-digit fiscal year: not read as a year."""
    assert parse_year(cell) == (None, False)
    assert num.year_note(cell) == ""


def test_year_notes_name_estimates_first_and_say_they_are_not_actuals():
    message, kinds = num.year_notes({"FY2016": 2016, "2019E": 2019, "2017": 2017})
    assert kinds == {"FY2016": "fiscal", "2019E": "estimate"}
    assert message.startswith("years written with a mark: '2019E' → 2019 (estimate); "
                              "'FY2016' → 2016 (fiscal year)")
    assert "not final figures" in message
    assert num.year_notes({"2016-17": 2016})[0] == (
        "years written with a mark: '2016-17' → 2016 (split year, read as its first year)")
    assert num.year_notes({"2016": 2016}) == ("", {})
