"""The headless commands, run as a user runs them: in a subprocess, reading stdout and stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.paths import sources_dir

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )


def test_profile_json_shows_shenyang_2016_gdp_with_its_source() -> None:
    result = run_cli("profile", "--focus", "Shenyang", "--peers", "Dalian,Harbin,Changchun",
                     "--year", "2016", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["focus"]["name"] == "Shenyang"
    assert [p["name"] for p in data["peers"]] == ["Dalian", "Harbin", "Changchun"]
    gdp = next(row for row in data["indicators"] if row["id"] == "gdp")
    focus = gdp["focus"]
    # CRE_Gdpct.csv line 8457: "2016","Shenyang(city)",...,"5546.4498" (亿元)
    assert focus["value"] == 554_644_980_000.0
    assert isinstance(focus["value"], float)
    assert focus["display"] == "5,546.45 亿元"
    assert focus["year"] == 2016
    assert focus["source"]["file"] == "cn_city_gdp_csmar_CRE_Gdpct_1990_2021.csv"
    assert focus["source"]["row"] == 8457
    assert focus["source"]["column"] == "Gdpct01"
    # Peers' 2016 GDP (亿元): Dalian 6810.1998, Harbin 6101.6, Changchun 5986.4165 -> median Harbin
    assert gdp["peer_median"] == pytest.approx(610_160_000_000.0)
    assert focus["rank"] == 4
    assert focus["gap_to_peer_median"] == pytest.approx((5546.4498 - 6101.6) / 6101.6 * 100)
    assert any("restated" in note for note in gdp["notes"])


def test_profile_of_shenyang_and_the_us_rust_belt_in_one_currency() -> None:
    """Issue #13: at least 8 indicators with a value for all four cities, money in US$."""
    result = run_cli("profile", "--focus", "Shenyang", "--group", "us_rust_belt",
                     "--year", "2019", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)["indicators"]}
    complete = [i for i, row in rows.items()
                if all(c["value"] is not None for c in (row["focus"], *row["peers"]))]
    assert len(complete) >= 8, complete
    in_2019 = [i for i in complete
               if all(c["year"] == 2019 for c in (rows[i]["focus"], *rows[i]["peers"]))]
    assert {"gdp", "gdp_per_capita", "gdp_real_growth", "employment", "employees",
            "average_wage"} <= set(in_2019)
    # every money row is in US dollars, stated in the row
    for indicator_id in ("gdp", "gdp_per_capita", "gdp_per_resident", "average_wage"):
        assert rows[indicator_id]["currency"] == "USD", indicator_id
    gdp = rows["gdp"]
    assert gdp["display_unit"] == "billion US$"
    # BEA CAGDP1 line 295, 2019: 270,219,297 thousand current dollars, back from yuan
    detroit = gdp["peers"][0]
    assert detroit["city"] == "Detroit" and detroit["display"] == "270.22 billion US$"
    assert detroit["value"] == pytest.approx(270_219_297_000, rel=1e-12)
    assert detroit["source"]["file"] == "us_bea_cagdp1_msa_gdp_2001_2022.csv"
    # CSMAR line 9396: 6,470.2627 亿元 at WDI's 2019 average rate of 6.90838500992901 yuan/US$
    assert gdp["focus"]["value"] == pytest.approx(647_026_270_000 / 6.90838500992901,
                                                  rel=1e-12)
    assert gdp["focus"]["display"] == "93.66 billion US$"
    # a row of Chinese cities only stays in yuan
    only_china = run_cli("profile", "--focus", "Shenyang", "--group", "north_east",
                         "--year", "2019", "--indicators", "gdp", "--json")
    assert json.loads(only_china.stdout)["indicators"][0]["currency"] == "CNY"


def test_profile_accepts_chinese_names_and_a_group() -> None:
    result = run_cli("profile", "--focus", "沈阳市", "--group", "north_east", "--year", "2016",
                     "--indicators", "gdp,average_wage")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["Indicator", "Unit", "Year"]
    assert "Shenyang" in lines[0] and "Changchun" in lines[0]
    wage = next(line for line in lines if line.startswith("Average wage"))
    assert "67,444" in wage  # Eect13, Shenyang 2016


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("profile", "--focus", "Atlantis"), "unknown city: 'Atlantis'"),
        (("profile", "--focus", "Shenyang", "--peers", "Dalian,Nowhere"), "unknown city"),
        (("profile", "--indicators", "gdp,happiness"), "unknown indicator: 'happiness'"),
        (("profile", "--group", "moon_base"), "unknown peer group: 'moon_base'"),
        (("--screenshot", "x.png", "--focus", "Atlantis"), "unknown city"),
    ],
)
def test_bad_arguments_exit_2_with_one_line_and_no_traceback(
    args: tuple[str, ...], message: str
) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_unknown_city_suggests_close_names() -> None:
    result = run_cli("profile", "--focus", "Shenyan")
    assert "did you mean Shenyang" in result.stderr


@pytest.mark.ui
def test_screenshot_renders_the_window_at_1600_by_1000(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "window.png"
    result = run_cli("--screenshot", str(out), "--focus", "Shenyang",
                     "--peers", "Dalian,Harbin,Changchun", "--indicator", "gdp")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    # A real render has many colours (text, lines, highlights), not a blank or single-colour frame.
    colours = {image.pixel(x, y) for x in range(0, 1600, 7) for y in range(0, 1000, 7)}
    assert len(colours) > 50
    assert not list(tmp_path.glob(".*tmp*")), "no temporary file left behind"


@pytest.mark.ui
def test_screenshot_to_an_unwritable_place_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_cli("--screenshot", str(blocker / "shot.png"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


EXTERNAL = sources_dir()


def test_import_json_report_and_normalised_csv(tmp_path: Path) -> None:
    out = tmp_path / "nbs.csv"
    result = run_cli("import", str(EXTERNAL / "cn_nbs_province_gdp_2006_2024_gbk.csv"),
                     "--json", "--output", str(out))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for key in ("rows_read", "rows_imported", "cities", "indicators", "years", "warnings",
                "errors"):
        assert key in report
    assert report["rows_read"] == 31 and report["rows_imported"] == 31 * 19
    import csv

    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == ["city", "indicator", "year", "value", "unit"]
    liaoning = next(r for r in rows if r["city"] == "辽宁省" and r["year"] == "2016")
    assert float(liaoning["value"]) == 2_083_200_000_000.0 and liaoning["unit"] == "CNY"


def test_import_of_a_yearbook_table_takes_the_year(tmp_path: Path) -> None:
    out = tmp_path / "grp.xlsx"
    table = EXTERNAL / "cn_ccsy2018_table2-9_grp_districts_cnki_encrypted.xls"
    result = run_cli("import", str(table), "--year", "2017", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "Imported" in result.stdout and "万元 × 10,000 → yuan (CNY)" in result.stdout
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["沈阳市", "地区生产总值(当年价格) [市辖区]", 2017, 514_810_260_000.0, "CNY"] in rows


def test_import_of_a_broken_file_exits_2_with_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "cities.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a workbook")
    out = tmp_path / "out.csv"
    result = run_cli("import", str(broken), "--output", str(out))
    assert result.returncode == 2
    assert "cities.xlsx" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_import_of_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = run_cli("import", str(tmp_path / "nowhere.csv"))
    assert result.returncode == 2
    assert "nowhere.csv" in result.stderr and "no such file" in result.stderr
