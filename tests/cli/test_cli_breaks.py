"""`city-profiles breaks`: the register as a user lists it, in both languages and as JSON."""

from __future__ import annotations

import json

from tests.cli.test_cli import run_cli


def test_lists_dalians_entries_with_their_evidence() -> None:
    result = run_cli("breaks", "--city", "Dalian")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Series breaks, vintages and suspect values: 7 register entries "
                          "for Dalian")
    assert "fdi-dalian-2008-2010 — suspect value, confirmed, years 2008, 2010" in out
    assert "3,163 -> 582 -> 6,017 -> 905 -> 11,012" in out
    assert "census-2019-harbin" not in out


def test_indicator_filter_and_json() -> None:
    result = run_cli("breaks", "--indicator", "population_registered", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    ids = {e["id"] for e in data["entries"]}
    assert {"boundary-harbin-1997-population", "boundary-changchun-2020",
            "scale-chaoyang-1994", "scale-jiayuguan-1992"} <= ids
    assert "census-2019-tianjin" not in ids
    assert "candidates" not in data


def test_chinese_listing() -> None:
    result = run_cli("breaks", "--city", "沈阳", "--indicator", "gdp_per_capita", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert "登记3条" in result.stdout  # Liaoning 2016, the 2009 switch, the 2020 census
    assert "分母口径变化，已确认，年份 2009" in result.stdout
    assert "2009年起按（更多的）常住人口计算" in result.stdout


def test_candidates_lists_what_the_register_does_not_explain() -> None:
    result = run_cli("breaks", "--city", "Shenzhen", "--indicator", "gdp_per_capita",
                     "--candidates", "--json")
    assert result.returncode == 0, result.stderr
    found = {(c["year"], c["test"]) for c in json.loads(result.stdout)["candidates"]}
    assert (2005, "denominator") in found  # the registered 2002 switch is not listed
    assert (2002, "denominator") not in found
    assert all(c["registered"] is None for c in json.loads(result.stdout)["candidates"])


def test_an_unknown_city_is_one_line_and_status_2() -> None:
    result = run_cli("breaks", "--city", "Atlantis")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "Atlantis" in result.stderr


def test_profile_marks_the_suspect_value_and_ranks_without_it() -> None:
    result = run_cli("profile", "--focus", "Shenyang", "--group", "north_east", "--year",
                     "2008", "--indicators", "fdi_utilised")
    assert result.returncode == 0, result.stderr
    row = result.stdout.splitlines()[-1].split()
    assert "581.6" in row and "⚠" in row  # Dalian's, marked
    assert row[-3:] == ["1", "of", "3"]  # ranked among the three others
    assert "463.1" in row  # the median of Harbin's 604.9 and Changchun's 321.2
