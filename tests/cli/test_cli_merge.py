"""Issue #12: `import` and `report --data` never replace bundled values silently. The NBS
province file would put NBS's revised GDP under Beijing, Tianjin, Shanghai and Chongqing while
Hangzhou and Shenzhen keep CSMAR's; it comes in as its own series instead, the differences
are listed, and --replace replaces visibly. Run in-process, the bundled data loaded once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.commands import main as cli
from desktop.core import storage
from desktop.core.paths import sources_dir

NBS = sources_dir() / "cn_nbs_province_gdp_2006_2024_gbk.csv"


@pytest.fixture(scope="module")
def bundled():
    return storage.load_bundled()


@pytest.fixture(autouse=True)
def _bundled_once(bundled, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "load_bundled", lambda: bundled)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_import_says_the_nbs_series_is_kept_apart_with_its_largest_differences(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "import", str(NBS))
    assert status == 0, err
    merge = out.split("Merging with the bundled data")[1]
    assert "64 of the 577 imported values of GDP (current prices)" in merge
    assert "separate series, “GDP (current prices) — National Bureau of Statistics of " \
           "China”; the bundled series is unchanged" in merge
    # CSMAR's Tianjin 2016 (17,837.89 亿元) against NBS's revised 11,487.0 亿元, file row 6 col J
    assert "Tianjin 2016: 17,837.89 亿元 → 11,487.00 亿元 (-35.6%), row 6, column J" in merge
    assert "Beijing 16 (largest +10.1%, 2021)" in merge
    assert "run again with --replace" in merge


def test_import_in_chinese_and_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "import", str(NBS), "--lang", "zh")
    assert status == 0
    assert "单列为“地区生产总值（当年价格） — 国家统计局”，已有序列不变" in out
    assert "天津市 2016：17,837.89 亿元 → 11,487.00 亿元（-35.6%），第6行第J列" in out
    status, out, _ = run(capsys, "import", str(NBS), "--json")
    merge = json.loads(out)["merge"]
    assert merge["replace"] is False and merge["values_replaced"] == 0
    assert merge["separate_series"] == {"gdp": "gdp:cn-nbs-province-gdp-2006-2024-gbk"}
    tianjin = next(o for o in merge["overlaps"]
                   if (o["city_id"], o["year"]) == ("cn-120100", 2016))
    assert (tianjin["old"], tianjin["new"]) == (1_783_789_000_000.0, 1_148_700_000_000.0)


def test_import_with_replace_lists_every_replaced_key(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "import", str(NBS), "--replace")
    assert status == 0
    merge = out.split("Merging with the bundled data")[1]
    assert "577 values in the data replaced by imported ones (64 with a different value)" \
        in merge
    listed = [line for line in merge.splitlines() if " → " in line and "row " in line]
    assert len(listed) == 577
    assert "Replaced with the same value (513):" in merge
    assert "separate series" not in merge


def test_report_data_keeps_the_bundled_series_unless_replace(
        bundled, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.commands.report import import_data

    merged = import_data(bundled, [str(NBS)])
    err = capsys.readouterr().err
    first = err.splitlines()[0]
    assert first.startswith("city-profiles: warning: cn_nbs_province_gdp_2006_2024_gbk.csv: ")
    assert "separate series" in first and "Tianjin 2016" in err
    for city_id in ("cn-110100", "cn-120100", "cn-310100", "cn-500100"):
        assert merged.series(city_id, "gdp").equals(bundled.series(city_id, "gdp"))
    replaced = import_data(bundled, [str(NBS)], replace=True)
    err = capsys.readouterr().err
    assert "577 values in the data replaced" in err
    assert replaced.observation("cn-120100", "gdp", 2016).value == 1_148_700_000_000.0


def test_report_data_year_is_the_year_of_a_table_without_one(
        bundled, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A yearbook-style table (cities and values, no year column) needs the year: --year
    gives it, as for `import --year`."""
    from desktop.commands.report import import_data

    table = tmp_path / "yearbook_2031.csv"
    table.write_text("city,专利授权数 (件)\nShenyang,12345\nDalian,23456\n", encoding="utf-8")
    merged = import_data(bundled, [str(table)], year=2031)
    [patents] = [i for i in merged.indicators.values() if i.label_zh == "专利授权数"]
    assert merged.series("cn-210100", patents.id).to_dict() == {2031: 12345.0}
    assert capsys.readouterr().err == ""  # nothing overlapped, nothing to say
    args = cli.build_parser().parse_args(
        ["report", "--focus", "Shenyang", "--data", str(table), "--year", "2031", "-o", "r.pdf"])
    assert (args.year, args.data, args.replace) == (2031, [str(table)], False)
