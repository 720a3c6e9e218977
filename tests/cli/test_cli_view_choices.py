"""`profile --year latest-each` and `--currency` chosen once for the whole profile (issue #13)."""

from __future__ import annotations

import json

import pytest

from desktop.commands.main import main


def profile_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["profile", "--focus", "Shenyang", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_latest_each_compares_every_citys_latest_value(
    capsys: pytest.CaptureFixture[str],
) -> None:
    found = profile_json(capsys, "--group", "us_rust_belt", "--year", "latest-each",
                         "--indicators", "average_wage")
    assert found["year"] == "latest-each"
    wage = found["indicators"][0]
    # CSMAR Eect13 reaches 2021 for Shenyang; the Brookings Metro Monitor ends in 2019, the
    # year most of the four share: the row's comparison year, as the charts have it
    assert wage["year"] == 2019 and wage["focus"]["year"] == 2021
    assert [p["year"] for p in wage["peers"]] == [2019, 2019, 2019]
    # the median is Pittsburgh's 2019 wage (Detroit 60,272, Pittsburgh 56,814, Cleveland 54,093)
    assert wage["peer_median"] == pytest.approx(56_813.793)
    shared = profile_json(capsys, "--group", "us_rust_belt", "--indicators", "average_wage")
    assert shared["indicators"][0]["year"] == 2019  # latest shared: the focus's 2019 value


def test_latest_each_in_the_table_marks_other_years(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profile", "--focus", "Shenyang", "--group", "us_rust_belt", "--year",
                 "latest-each", "--indicators", "average_wage"]) == 0
    row = capsys.readouterr().out.splitlines()[2]
    # the comparison year is the one most cities share; the value of another year says it
    assert "15,747 (2021)" in row and "60,272 " in row and "(2019)" not in row


@pytest.mark.parametrize(("group", "currency", "expected"), [
    ("us_rust_belt", "auto", "USD"),
    ("us_rust_belt", "cny", "CNY"),
    ("north_east", "auto", "CNY"),
    ("north_east", "ppp", "PPP_USD"),
    ("north_east", "usd", "USD"),
])
def test_one_currency_for_the_whole_profile(
    capsys: pytest.CaptureFixture[str], group: str, currency: str, expected: str,
) -> None:
    found = profile_json(capsys, "--group", group, "--year", "2019", "--indicators",
                         "gdp,average_wage", "--currency", currency)
    assert [row["currency"] for row in found["indicators"]] == [expected, expected]


def test_a_year_that_is_neither_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["profile", "--year", "latest-shared"])
    assert info.value.code == 2
    assert "not a year or latest-each: 'latest-shared'" in capsys.readouterr().err
