"""`--lang zh` on the headless commands: what a person reads is Chinese, English is unchanged.

Run in-process through desktop.commands.main.main (stdout and stderr via capsys), except the report
command's final line, which needs Qt and so runs in a subprocess as the report tests do.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.commands.main import main

REPO = Path(__file__).resolve().parents[2]
NORTH_EAST = ("--focus", "Shenyang", "--peers", "Dalian,Harbin,Changchun")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def english_words(text: str, words: tuple[str, ...]) -> list[str]:
    """The English heading or message words left in `text` (whole words, any case)."""
    return [w for w in words if re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE)]


@pytest.fixture
def messy_csv(tmp_path: Path) -> Path:
    """A small file with one of each common problem (rows 2-10 of the file)."""
    path = tmp_path / "messy.csv"
    path.write_text(
        "city,year,GDP (亿元)\n"
        "Shenyang,2016,abc\n"      # row 2: not a number
        "Dalian,20x6,5\n"          # row 3: not a year
        ",2016,3\n"                # row 4: city taken from the row above
        "Shenyang,2016,7\n"
        'Harbin,2017,"1,234"\n'    # row 6: thousands separator
        "Changchun,2017,inf\n"     # row 7: not finite
        "Dalian,2018,-\n"          # row 8: missing marker
        "Dalian,2019,5\n"
        "Dalian,2019,6\n",         # row 10: same key, another value
        encoding="utf-8")
    return path


# --------------------------------------------------------------------------------- profile
PROFILE_ENGLISH = ("Indicator", "Unit", "Year", "Peer median", "Gap to median", "Rank")


def test_profile_in_chinese_has_chinese_headings_and_the_same_numbers(capsys) -> None:
    args = ("profile", *NORTH_EAST, "--year", "2016", "--indicators", "gdp,average_wage")
    code, zh, _ = run(capsys, *args, "--lang", "zh")
    assert code == 0
    heading = zh.splitlines()[0].split()
    assert heading == ["指标", "单位", "年份", "沈阳市", "大连市", "哈尔滨市", "长春市",
                       "同类中位数", "与中位数差距", "排名"]
    assert english_words(zh, PROFILE_ENGLISH) == []
    wage = next(line for line in zh.splitlines() if line.startswith("在岗职工平均工资"))
    assert "67,444" in wage and "第3/4" in wage  # Eect13, Shenyang 2016; numbers as in English
    _, en, _ = run(capsys, *args)
    assert en.splitlines()[0].split()[:3] == ["Indicator", "Unit", "Year"]
    assert "67,444" in en


def test_lang_given_before_the_command_is_kept(capsys) -> None:
    """`city-profiles --lang zh profile ...` used to print English: the subcommand's own
    --lang default overwrote it."""
    args = ("profile", *NORTH_EAST, "--year", "2016", "--indicators", "gdp")
    _, after, _ = run(capsys, *args, "--lang", "zh")
    _, before, _ = run(capsys, "--lang", "zh", *args)
    assert before == after and "同类中位数" in before


def test_profile_in_english_prints_the_table_builders_text(capsys) -> None:
    """The CLI's own rendering (which can title columns in Chinese) prints English exactly
    as desktop.analysis.profile_table.profile_text does."""
    from desktop.analysis.comparison import build_profile
    from desktop.analysis.profile_table import build_profile_table, profile_text
    from desktop.core.storage import load_bundled

    dataset = load_bundled()
    profile = build_profile(dataset, "cn-210100", ("cn-210200", "cn-230100", "cn-220100"),
                            None, 2016)
    expected = profile_text(dataset, build_profile_table(dataset, profile, "en"), "en")
    _, out, _ = run(capsys, "profile", *NORTH_EAST, "--year", "2016")
    assert out == expected + "\n"


# ----------------------------------------------------------------------------------- peers
PEERS_ENGLISH = ("Peers of", "among", "scaling", "Weights", "City", "Distance", "Missing",
                 "Shares", "Note", "cities", "excluded")


def test_peers_in_chinese_reads_in_chinese_with_the_same_peers(capsys) -> None:
    code, zh, _ = run(capsys, "peers", "--focus", "Shenyang", "--lang", "zh")
    assert code == 0
    lines = zh.splitlines()
    assert lines[0] == "沈阳市的同类城市（比较范围：中国地级及以上城市；2020年；标准化：z 分数）"
    assert lines[1].startswith("权重：人均地区生产总值 0.17、")
    assert lines[3].split()[:3] == ["#", "城市", "距离"] and lines[3].split()[-1] == "缺少的指标"
    assert "百分比：各指标在距离中所占的份额。" in lines
    assert any(line.startswith("说明：参与比较的330个城市中有118个缺少部分指标") for line in lines)
    assert english_words(zh, PEERS_ENGLISH) == []
    assert "gdp_per_capita" not in zh  # indicators by their Chinese labels
    _, en, _ = run(capsys, "peers", "--focus", "Shenyang")
    assert en.splitlines()[0].startswith("Peers of Shenyang among Chinese prefecture-level")
    distances = [re.findall(r"\d\.\d{3}", line) for line in (en, zh)]
    assert distances[0] == distances[1] and len(distances[0]) == 5  # same peers, same order


def test_peers_notes_give_the_same_counts_in_both_languages(capsys) -> None:
    """The Chinese notes are built from the result's numbers; they must say what the
    English ones say (cities with each indicator, compared, excluded, dropped)."""
    args = ("peers", "--focus", "Shenyang", "--missing", "exclude", "--indicators",
            "gdp_per_capita,population_registered,gdp", "--weights", "2,1,0")
    _, en, _ = run(capsys, *args)
    _, zh, _ = run(capsys, *args, "--lang", "zh")
    notes_en = [line for line in en.splitlines() if line.startswith("Note: ")]
    notes_zh = [line for line in zh.splitlines() if line.startswith("说明：")]
    # (then the series breaks of the year, from the breaks register: 2021's per-capita switch)
    assert len(notes_en) == len(notes_zh) >= 2
    assert "dropped gdp" in notes_en[1] and "未使用地区生产总值（当年价格）" in notes_zh[1]
    first = [sorted(re.findall(r"\d+", note[0])) for note in (notes_en, notes_zh)]
    assert first[0] == first[1]
    second = [sorted(re.findall(r"\d+", note[1])) for note in (notes_en, notes_zh)]
    assert second[0] == second[1]


@pytest.mark.parametrize(("indicators", "english", "chinese"), [
    ("gdp_per_capita,gdp_share_secondary,gdp_share_tertiary",
     "Note: 1 of 292 compared cities lacks some indicators: its distance is averaged over the "
     "indicators it has; 48 of 340 cities excluded: they have less than 50% of the weight.",
     "说明：参与比较的292个城市中有1个缺少部分指标：其距离按已有指标平均；340个城市中有48个因"
     "指标权重不足50%而排除。"),
    ("gdp_per_capita",
     "Note: all 332 compared cities have every indicator; 8 of 340 cities excluded: they have "
     "less than 50% of the weight.",
     "说明：参与比较的332个城市都有全部指标；340个城市中有8个因指标权重不足50%而排除。"),
])
def test_peer_notes_agree_with_one_city_and_with_none(capsys, indicators: str, english: str,
                                                       chinese: str) -> None:
    """'1 of 292 … lacks', not 'lack'; and no '0 of 332 … lack some indicators'."""
    args = ("peers", "--focus", "Shenyang", "--indicators", indicators, "--year", "2019")
    _, en, _ = run(capsys, *args)
    _, zh, _ = run(capsys, *args, "--lang", "zh")
    # (the series-break notes of 2019 — the census cuts of the breaks register — follow it)
    assert english in en.splitlines()
    assert chinese in zh.splitlines()


SIX = "gdp_per_capita, population_registered, gdp_share_secondary, gdp_share_tertiary, " \
    "average_wage, gdp_real_growth"


@pytest.mark.parametrize(
    ("args", "english", "chinese"),
    [
        (("--weights", "1,2"), f"2 weights for 6 indicators ({SIX})",
         f"有6个指标（{SIX}），却给出了2个权重；请为每个指标各给一个权重"),
        (("--weights", "1"), f"1 weight for 6 indicators ({SIX})",
         f"有6个指标（{SIX}），却给出了1个权重；请为每个指标各给一个权重"),
        (("--year", "1900"),
         "Shenyang has none of the chosen indicators in 1900 (the data run from 1960 to 2025)",
         "沈阳市在1900年没有所选指标的数值（数据年份为1960–2025年）"),
        (("--weights", "x,y,z,a,b,c"), "weights must be numbers: 'x,y,z,a,b,c'",
         "权重必须是数字：'x,y,z,a,b,c'"),
        (("--weights", "0,0,0,0,0,0"), "at least one weight must be positive",
         "至少要有一个权重大于 0"),
        (("--weights", "nope=2"),
         f"weight for 'nope', which is not among the indicators ({SIX})",
         f"'nope'不在所选指标（{SIX}）中，不能设定权重"),
        (("--k", "0"), "k must be at least 1", "同类城市个数（k）至少为 1"),
    ],
)
def test_peer_query_errors_in_both_languages(capsys, args: tuple[str, ...], english: str,
                                             chinese: str) -> None:
    """A query the peer search refuses is said in the chosen language: no English reason
    after the Chinese '无法查找同类城市：' (indicator ids are what the user typed)."""
    code, _, err = run(capsys, "peers", "--focus", "Shenyang", *args)
    assert code == 2 and err.strip() == f"city-profiles: error: {english}"
    code, _, err = run(capsys, "peers", "--focus", "Shenyang", *args, "--lang", "zh")
    assert code == 2 and err.strip() == f"city-profiles：错误：无法查找同类城市：{chinese}"
    typed = re.sub(r"'[^']*'", "", err.replace(SIX, "").replace("city-profiles", ""))
    assert re.findall(r"[A-Za-z]{2,}", typed) == []


@pytest.mark.parametrize("missing", ["renormalise", "exclude"])
def test_english_peer_notes_read_as_the_peer_search_wrote_them(missing: str) -> None:
    from desktop.analysis.peers import find_peers
    from desktop.commands.peers import peer_notes
    from desktop.core.storage import load_bundled

    dataset = load_bundled()
    indicators = ["gdp_per_capita", "population_registered", "gdp"]
    result = find_peers(dataset, "cn-210100", indicators,
                        {"gdp_per_capita": 2, "population_registered": 1, "gdp": 0},
                        missing=missing)
    assert peer_notes(dataset, result, "en") == list(result.notes)


# ---------------------------------------------------------------------------------- import
IMPORT_ENGLISH = ("Imported", "rows", "values", "Encoding", "Delimiter", "Layout", "Header",
                  "Cities", "Indicators", "Years", "Units", "Errors", "Warnings", "sheet",
                  "row", "column", "not imported", "number", "year", "city", "missing")


def test_import_report_in_chinese_names_every_place(capsys, messy_csv: Path) -> None:
    code, zh, _ = run(capsys, "import", str(messy_csv), "--lang", "zh")
    assert code == 0
    lines = zh.splitlines()
    assert lines[0] == "已从 messy.csv 的9行中导入4个数值"
    assert "  表格结构：按指标的宽表" in lines
    assert "  城市：3个（3个与目录匹配，0个为新城市）" in lines
    assert "错误（4条）：" in lines and "警告（3条）：" in lines
    assert "  - messy.csv，第 2 行，C 列：“abc”不是数字；未导入" in lines
    assert "  - messy.csv，第 3 行，B 列：“20x6”不是年份；1行未导入" in lines
    assert "  - messy.csv，第 4 行，A 列：1行没有城市，沿用上一行的城市" in lines
    assert "  - messy.csv，第 8 行，C 列：1个标记为缺失的单元格未导入（不会当作 0）：“-”" in lines
    assert any(line.startswith("  - messy.csv，第 10 行，C 列：") and "保留第 9 行" in line
               for line in lines)
    assert english_words(zh.replace("messy.csv", ""), IMPORT_ENGLISH) == []


def test_import_report_in_chinese_names_the_sheet(capsys, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "数据"
    for row in (["city", "year", "GDP (亿元)"], ["Shenyang", 2016, 5546.4],
                ["Dalian", 2016, 6810.2], ["Harbin", 2016, 6101.6],
                ["Changchun", 2016, "约5986"]):
        sheet.append(row)
    path = tmp_path / "book.xlsx"
    book.save(path)
    code, zh, _ = run(capsys, "import", str(path), "--lang", "zh")
    assert code == 0
    assert zh.splitlines()[0] == "已从 book.xlsx 的4行中导入3个数值（工作表 数据）"
    assert "  - book.xlsx，工作表“数据”，第 5 行，C 列：“约5986”不是数字；未导入" in zh.splitlines()


def test_import_in_english_is_unchanged_but_counts_agree(capsys, messy_csv: Path,
                                                         tmp_path: Path) -> None:
    _, en, _ = run(capsys, "import", str(messy_csv))
    lines = en.splitlines()
    assert lines[0] == "Imported 4 values from 9 rows of messy.csv"
    assert "  Cities: 3 (3 matched to the catalog, 0 new)" in lines
    assert "  - messy.csv, row 2, column C: 'abc' is not a number; not imported" in lines
    one = tmp_path / "one.csv"
    one.write_text("city,year,GDP (亿元)\nShenyang,2016,5546.4\n", encoding="utf-8")
    _, single, _ = run(capsys, "import", str(one))
    assert single.splitlines()[0] == "Imported 1 value from 1 row of one.csv"


def test_import_names_repeated_cities_and_units_in_words(capsys, tmp_path: Path) -> None:
    """A repeated city, indicator and year names the city as the file wrote it (not
    'cn-210200'), and converted units are named in the report's language (not 'CNY')."""
    path = tmp_path / "dup.csv"
    path.write_text("city,indicator,year,value,unit\n大连市,GDP,2019,7001.7,亿元\n"
                    "Dalian,GDP,2019,7000,亿元\n沈阳,Population,2019,832,万人\n",
                    encoding="utf-8")
    _, en, _ = run(capsys, "import", str(path))
    lines = en.splitlines()
    assert "  - dup.csv, row 3, column D: 大连市 (also written 'Dalian') / GDP / 2019 has " \
        "different values in rows 2, 3; kept row 2, not the others" in lines
    assert "  Units converted: 亿元 × 100,000,000 → yuan (CNY); 万人 × 10,000 → persons" in lines
    assert "  Cities: 2 (2 matched to the catalog, 0 new)" in lines
    assert "  Years: 2019" in lines
    _, zh, _ = run(capsys, "import", str(path), "--lang", "zh")
    lines = zh.splitlines()
    assert "  - dup.csv，第 3 行，D 列：大连市（又写作“Dalian”） / GDP / 2019：第 2、3 行的数值" \
        "不同；保留第 2 行，其余未导入" in lines
    assert "  单位换算：亿元 × 100,000,000 → 元；万人 × 10,000 → 人" in lines
    assert "cn-" not in en + zh and "CNY" not in zh and "persons" not in zh


def test_import_json_keys_and_messages_stay_english(capsys, messy_csv: Path) -> None:
    import json

    _, out, _ = run(capsys, "import", str(messy_csv), "--json", "--lang", "zh")
    report = json.loads(out)
    assert {"rows_read", "rows_imported", "warnings", "errors"} <= set(report)
    assert report["errors"][0]["message"].isascii()


def test_refused_file_in_chinese_names_the_file_and_exits_2(capsys, tmp_path: Path) -> None:
    broken = tmp_path / "cities.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a workbook")
    code, out, err = run(capsys, "import", str(broken), "--lang", "zh")
    assert code == 2 and out == ""
    assert err.startswith("city-profiles：错误：cities.xlsx：")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert english_words(err.replace("cities.xlsx", ""), ("the", "workbook", "file")) == []
    code, _, err = run(capsys, "import", str(tmp_path / "nowhere.csv"), "--lang", "zh")
    assert code == 2
    assert err.strip().endswith("nowhere.csv：文件不存在")


# ------------------------------------------------------------------------- errors, report
def test_error_lines_in_chinese(capsys) -> None:
    code, _, err = run(capsys, "profile", "--focus", "Shenyan", "--lang", "zh")
    assert code == 2
    assert err.strip() == "city-profiles：错误：未知城市：'Shenyan'（是否指：沈阳市？）"
    code, _, err = run(capsys, "report", "--focus", "Shenyang", "--charts", "pie",
                       "--lang", "zh", "-o", "out.pdf")
    assert code == 2
    assert err.strip() == ("city-profiles：错误：无法读取 --charts：未知图表类型：'pie'"
                           "（可选：line, bar）")
    code, _, err = run(capsys, "report", "--focus", "Shenyang", "--charts", "pie",
                       "-o", "out.pdf")
    assert err.strip() == ("city-profiles: error: cannot read --charts: unknown chart type "
                           "'pie' (known: line, bar)")


def test_report_data_warning_in_both_languages(capsys, tmp_path: Path) -> None:
    """Two names for the catalog's GDP in one --data file: one value is dropped, and the
    warning says so with its count agreeing ('1 imported value', '1 key')."""
    from desktop.commands.report import import_data
    from desktop.core.storage import load_bundled

    data = tmp_path / "extra.csv"
    data.write_text("city,year,GDP (亿元),地区生产总值 (亿元)\nShenyang,2022,7695.8,7700.0\n",
                    encoding="utf-8")
    dataset = load_bundled()
    import_data(dataset, [str(data)])
    err = capsys.readouterr().err
    assert err.startswith("city-profiles: warning: extra.csv: 1 imported value repeated ")
    assert "(1 key with different values)" in err
    import_data(dataset, [str(data)], "zh")
    err = capsys.readouterr().err
    assert err.startswith("city-profiles：警告：extra.csv：1个导入的数值以另一名称重复了")
    assert english_words(err.replace("extra.csv", ""), ("imported", "value", "key")) == []


def test_report_cover_with_one_peer_says_one_peer_city() -> None:
    """The cover's subtitle agrees with the number of peers ('--peers Dalian')."""
    from desktop.text.phrases import text

    assert text("subtitle", focus="Shenyang", count=1) == "Shenyang compared with 1 peer city"
    assert text("subtitle", focus="Shenyang", count=3) == "Shenyang compared with 3 peer cities"
    assert text("subtitle", "zh", focus="沈阳市", count=1) == "沈阳市与1个同类城市的比较"


def run_report(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desktop", "report", *args], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=180, check=False)


def test_report_says_what_it_wrote_in_the_chosen_language(tmp_path: Path) -> None:
    pdf = tmp_path / "cover.pdf"
    result = run_report("--focus", "Shenyang", "--peers", "Dalian", "--sections", "cover",
                        "-o", str(pdf))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {pdf} (1 page)"
    html = tmp_path / "cover.html"
    result = run_report("--focus", "Shenyang", "--peers", "Dalian", "--sections", "cover",
                        "--lang", "zh", "-o", str(html))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"已写入 {html}（HTML）"
    assert "城市概况" in html.read_text(encoding="utf-8")


# ------------------------------------------------------------------------ issue coverage
def test_every_import_issue_has_a_chinese_sentence() -> None:
    """Each issue code the importers can raise (found in their source) has a Chinese
    sentence; a new code without one would print English under --lang zh."""
    from desktop.importers.detection import PROBLEM_TEXT
    from desktop.importers.interpret import _MESSAGES
    from desktop.importers.report_text import ISSUES

    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (REPO / "desktop" / "importers").glob("*.py")
                       if p.name != "report_text.py")
    codes = set(re.findall(r'(?:reject|Issue|\.add)\(\s*"([a-z_0-9]+)"', source))
    codes |= set(re.findall(r'flags\[[^\]]+\] = "([a-z_0-9]+)"', source))
    codes |= set(re.findall(r'"(duplicate_collapsed|conflicting_duplicate)"', source))
    codes |= set(PROBLEM_TEXT) | set(_MESSAGES) | {"more_issues", "thousands_separator"}
    assert len(codes) > 50
    assert sorted(codes - set(ISSUES)) == []
