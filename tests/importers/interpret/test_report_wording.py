"""What the import report says in words: cities as the file wrote them (never a catalog id),
units by their labels in the reader's language, and no codes (layouts, cell flags) in sentences.

Expected sentences are written out by hand from the rows below.
"""

from __future__ import annotations

from desktop.core.catalog import CityLookup
from desktop.importers.interpret import interpret_grid
from desktop.importers.report_text import issue_message, report_text

from .helpers import grid, text_grid

LONG = ["city", "indicator", "year", "value", "unit"]

#: rows 2-3: one city under two names, two values; rows 4-5: an id and a name, one value;
#: rows 6-7: only the catalog id, twice
REPEATS = [LONG,
           ["北京市", "GDP", "2016", "1000", "亿元"],
           ["Beijing", "GDP", "2016", "1100", "亿元"],
           ["cn-210100", "GDP", "2016", "5", "亿元"],
           ["沈阳", "GDP", "2016", "5", "亿元"],
           ["cn-310100", "GDP", "2016", "7", "亿元"],
           ["cn-310100", "GDP", "2016", "7", "亿元"]]


def sentences(issues, lang: str) -> list[str]:
    return [issue_message(issue, lang) for issue in issues]


def test_repeated_keys_name_the_city_as_the_file_wrote_it(lookup: CityLookup) -> None:
    _, report = interpret_grid(grid(REPEATS, file="dup.csv"), lookup=lookup)
    assert sentences(report.errors, "en") == [
        "北京市 (also written 'Beijing') / GDP / 2016 has different values in rows 2, 3; kept "
        "row 2, not the others"]
    assert sentences(report.warnings, "en") == [
        "沈阳 (also written 'cn-210100') / GDP / 2016 appears 2 times with the same value "
        "(rows 4, 5); kept once",
        "Shanghai (written 'cn-310100') / GDP / 2016 appears 2 times with the same value "
        "(rows 6, 7); kept once"]
    assert sentences(report.errors, "zh") == [
        "北京市（又写作“Beijing”） / GDP / 2016：第 2、3 行的数值不同；保留第 2 行，其余未导入"]
    assert sentences(report.warnings, "zh") == [
        "沈阳（又写作“cn-210100”） / GDP / 2016：出现2次且数值相同（第 4、5 行）；只保留一次",
        "上海市（文件中写作“cn-310100”） / GDP / 2016：出现2次且数值相同（第 6、7 行）；只保留一次"]
    # the id stays in the values, for --json and whoever wants to look the city up
    assert [w.values["city_id"] for w in report.warnings] == ["cn-210100", "cn-310100"]


def test_a_repeated_new_city_keeps_its_name(lookup: CityLookup) -> None:
    rows = [LONG, ["Newtown", "GDP", "2016", "1", "亿元"], ["Newtown", "GDP", "2016", "1", "亿元"]]
    _, report = interpret_grid(grid(rows), lookup=lookup)
    assert sentences(report.warnings, "en") == [
        "Newtown / GDP / 2016 appears 2 times with the same value (rows 2, 3); kept once"]
    assert report.warnings[0].values["city_id"] is None


def test_report_details_read_as_words_in_both_languages(lookup: CityLookup) -> None:
    """Units by label, one year as one year, two names of a city counted once, the layout
    and the delimiter by name."""
    text = ("city,indicator,year,value,unit\n北京市,GDP,2016,1000,亿元\n"
            "Beijing,GDP,2016,1000,亿元\n沈阳市,人口,2016,830,万人\n")
    _, report = interpret_grid(text_grid(text, "f.csv"), lookup=lookup)
    english = report_text(report).splitlines()
    assert "  Delimiter: comma" in english
    assert "  Layout: long table" in english
    assert "  Cities: 2 (2 matched to the catalog, 0 new)" in english
    assert "  Years: 2016" in english
    assert "  Units converted: 亿元 × 100,000,000 → yuan (CNY); 万人 × 10,000 → persons" in english
    chinese = report_text(report, "zh").splitlines()
    assert "  分隔符：逗号" in chinese
    assert "  表格结构：长表" in chinese
    assert "  城市：2个（2个与目录匹配，0个为新城市）" in chinese
    assert "  年份：2016" in chinese
    assert "  单位换算：亿元 × 100,000,000 → 元；万人 × 10,000 → 人" in chinese
    # --json keeps the conversions by unit code
    assert report.to_json()["units_converted"] == ["亿元 → CNY (× 100,000,000)",
                                                   "万人 → persons (× 10,000)"]


def test_mixed_units_name_the_unit_they_became() -> None:
    rows = [LONG, ["北京市", "GDP", "2016", "1000", "亿元"], ["北京市", "GDP", "2017", "1", "万元"]]
    _, report = interpret_grid(grid(rows))
    mixed = next(w for w in report.warnings if w.code == "mixed_units")
    assert mixed.message == "GDP: values given in 亿元, 万元; all converted to yuan (CNY)"
    assert issue_message(mixed, "zh") == (
        "GDP：数值使用了不同单位（亿元、万元），已全部换算为同一单位（元）")


def test_a_flagged_cell_is_described_not_coded() -> None:
    rows = [LONG, ["北京市", "GDP", "2016", 1000.0, "亿元"], ["北京市", "GDP", "2017", 3.0, "亿元"]]
    flags = {(1, 3): "formula_cached_unverified", (2, 3): "date"}
    _, report = interpret_grid(grid(rows, file="f.xlsx", sheet="数据", cell_flags=flags))
    said = {w.code: w.message for w in report.warnings}
    assert said["formula_cached_unverified"] == (
        "this formula cell was read from the value Excel last saved, which cannot be checked "
        "here; check its value")
    assert said["date"] == "this cell is formatted as a date; check its value"


def test_a_number_kept_with_fewer_digits_is_shown_in_the_files_unit() -> None:
    """'9007199254740993' (2**53 + 1) cannot be a float: the report shows what is kept, in
    the unit the file wrote, not the stored value ten thousand times larger; a number that
    came from a workbook as a float already is what the file holds, so nothing is said."""
    rows = [LONG, ["北京市", "人口", "2016", "9007199254740993", "人"],
            ["上海市", "人口", "2016", "9007199254740993", "万人"],
            ["广州市", "GDP", "2016", 1.2345678901234568e+29, "亿元"]]
    _, report = interpret_grid(grid(rows))
    lost = [w for w in report.warnings if w.code == "precision_loss"]
    assert [w.location.row for w in lost] == [2, 3]
    assert lost[0].message == ("'9007199254740993' has more digits than can be stored; kept "
                               "as 9007199254740992")
    # 90,071,992,547,409,930,000 persons: doubles there are 2**14 = 16,384 apart, and the
    # nearest is 5,497,558,138,880,001 * 16,384 = 90,071,992,547,409,936,384
    assert lost[1].message.endswith("kept as 9007199254740993.6384")
    assert issue_message(lost[1], "zh") == (
        "“9007199254740993”的位数超出可保存的精度；保存为 9007199254740993.6384")


def test_series_scale_and_value_column_issues_read_in_both_languages() -> None:
    """Each issue these tables raise has its own Chinese sentence (never the English one)."""
    series = [["Country", "Subject Descriptor", "Units", "Scale", "2018", "2019"],
              ["China", "GDP", "U.S. dollars", "Billions", "13894.9", "14140.2"],
              ["China", "GDP", "National currency", "Billions", "91928.1", "99086.5"],
              ["Japan", "GDP", "U.S. dollars", "Lots", "4971.3", "5079.9"]]
    _, report = interpret_grid(grid(series, file="weo.csv"))
    zh = {i.code: issue_message(i, "zh") for i in report.errors + report.warnings}
    assert zh["unreadable_scale"] == ("数量级“Lots”无法识别（应为 Billions、Millions、Thousands、"
                                      "Units、亿、万或 10 的幂）；该行的数值未导入")
    assert zh["series_split_by_unit"] == ("2个序列的单位属于不同种类、无法互相换算，已按单位分成"
                                          "不同指标：GDP [USD]、GDP [National currency]")
    assert zh["series_found"] == ("B 列（Subject Descriptor）中有2个序列，各作为一个指标导入，"
                                  "单位取自 C 列，数量级取自 D 列：GDP [USD]；"
                                  "GDP [National currency]")
    units = [["城市", "年份", "GDP (亿元)", "单位"], ["沈阳", "2016", "54600100", "万元"],
             ["大连", "2016", "595.2", "万人"]]
    _, report = interpret_grid(grid(units, file="gdp.csv"))
    issues = {i.code: i for i in report.errors + report.warnings}
    assert issue_message(issues["header_unit_differs"], "en") == (
        "column C's header says 亿元 but the unit column (D) says 万元 in row 2; used 万元 from "
        "the unit column")
    assert issue_message(issues["header_unit_differs"], "zh") == (
        "C 列的表头单位为亿元，而单位列（D 列）在第 2 行写的是万元；已按单位列的万元换算")
    assert issue_message(issues["unit_conflict"], "zh") == (
        "C 列的表头单位为亿元，而单位列（D 列）在第 3 行写的是万人：两者不是同一种单位；"
        "这些数值未导入")
