"""`--prices current|constant[:YEAR]` on `profile` and `report` (issue #13 item 2): money at
constant prices of a base year, said in every label, and a refused year said in one line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from desktop.commands.main import main
from desktop.core.paths import sources_dir


def us_deflator(year: int) -> float:
    """The US implicit GDP deflator from the raw World Bank files: current / constant LCU."""
    found = []
    for name in ("world_wb_wdi_ny_gdp_mktp_cn_gdp_current_lcu_1960_2023.csv",
                 "world_wb_wdi_ny_gdp_mktp_kn_gdp_constant_lcu_1960_2023.csv"):
        with (sources_dir() / name).open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        header = next(r for r in rows if r[:2] == ["Country Name", "Country Code"])
        row = next(r for r in rows if len(r) > 1 and r[1] == "USA")
        found.append(float(row[header.index(str(year))]))
    return found[0] / found[1]


def profile_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["profile", "--focus", "Shenyang", "--peers", "Detroit", "--indicators", "gdp",
                 "--year", "2015", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)["indicators"][0]


def test_profile_at_constant_prices_deflates_detroit_with_the_us_deflator(
    capsys: pytest.CaptureFixture[str],
) -> None:
    current = profile_json(capsys)
    assert current["label"] == "GDP (current prices)"
    constant = profile_json(capsys, "--prices", "constant:2019")
    assert constant["label"] == "GDP, constant 2019 prices (national GDP deflator)"
    assert constant["unit"] == "USD"
    # Detroit is published in US$: only the US deflator moves it (2015 dollars -> 2019)
    assert constant["peer_median"] == pytest.approx(
        current["peer_median"] * us_deflator(2019) / us_deflator(2015), rel=1e-9)


def test_a_base_year_without_a_deflator_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["profile", "--focus", "Shenyang", "--peers", "Detroit",
                 "--prices", "constant:1950"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == ("city-profiles: error: no GDP deflator or exchange rate in 1950 for every "
                   "country here (CN, US); choose another base year")
    with pytest.raises(SystemExit):
        main(["profile", "--focus", "Shenyang", "--prices", "real"])


@pytest.mark.parametrize(("lang", "said", "note", "current"), [
    ("en", "GDP, constant 2019 prices (national GDP deflator)",
     "At constant 2019 prices (national GDP deflator): each value is deflated", "GDP (current"),
    ("zh", "地区生产总值，2019年不变价（国家 GDP 平减指数）",
     "按2019年不变价（国家 GDP 平减指数）：各数值先以本国货币", "地区生产总值（当年价格）"),
])
def test_the_report_states_the_basis(
    tmp_path: Path, lang: str, said: str, note: str, current: str
) -> None:
    out = tmp_path / "report.html"
    assert main(["report", "--focus", "Shenyang", "--peers", "Detroit", "--indicators", "gdp",
                 "--sections", "summary,notes", "--prices", "constant:2019", "--lang", lang,
                 "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert said in html and note in html  # the rows and charts, and the notes
    assert current not in html
