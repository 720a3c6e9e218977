"""Vintages (issue #13 item 5): a city beside its province compares NBS's revised province
figures with first-published city figures, and every comparison says so once.

Hand-made places: c1, c2 (prefecture-level cities, source "city": first published), p (a
province, source "prov": its note says "revised", data to 2019 -> the 2020 yearbook),
q (a province whose source "plain" does not say its figures are revised).
"""

from __future__ import annotations

import pandas as pd
import pytest
from handmade import city, indicator

from desktop.analysis.ranking import ranking_spec
from desktop.analysis.scatter import scatter_spec
from desktop.analysis.vintages import revised_province_series, vintage_note
from desktop.core.breaks_register import load_register
from desktop.core.catalog import Source
from desktop.core.dataset import Dataset

NOTE_EN = ("Provinces: NBS revised figures (yearbook 2020 vintage); cities: first-published "
           "city yearbook figures. Ratios of a city to its province mix vintages.")
NOTE_ZH = ("省级：国家统计局修订数（2020年统计年鉴版本）；城市：城市统计年鉴初次公布数。"
           "城市与所在省份的比值混合了不同版本的数据。")

SOURCES = [
    Source("city", "city.csv", "City yearbooks", "City GDP"),
    Source("prov", "prov.csv", "National Bureau of Statistics of China (NBS), provincial data",
           "Province GDP", notes="Province figures are NBS's revised series.",
           publisher_zh="国家统计局，分省年度数据"),
    Source("plain", "plain.csv", "Provincial yearbooks", "Province population",
           notes="Year-end population, an estimate between censuses."),
]
ROWS = [  # (place, indicator, year, value, source)
    ("c1", "g", 2018, 5.0, "city"), ("c1", "g", 2019, 4.0, "city"),
    ("c2", "g", 2018, 6.0, "city"), ("c2", "g", 2019, 7.0, "city"),
    ("p", "g", 2018, 5.5, "prov"), ("p", "g", 2019, 5.4, "prov"),
    ("q", "g", 2019, 3.0, "plain"),
    ("c1", "pop", 2019, 100.0, "city"), ("p", "pop", 2019, 4000.0, "plain"),
]


@pytest.fixture(scope="module")
def places() -> Dataset:
    frame = pd.DataFrame([(c, i, y, v, s, n + 2) for n, (c, i, y, v, s) in enumerate(ROWS)],
                         columns=["city_id", "indicator_id", "year", "value", "source_id",
                                  "source_row"])
    cities = [city("c1"), city("c2"), city("p", kind="province"), city("q", kind="province")]
    return Dataset(frame, cities=cities, indicators=[indicator("g", "%"), indicator("pop")],
                   sources=SOURCES)


def test_a_city_beside_a_revised_province_gets_the_note(places: Dataset) -> None:
    assert vintage_note(places, ["c1", "p"], ["g"]) == NOTE_EN
    assert vintage_note(places, ["c1", "p"], ["g"], "zh") == NOTE_ZH
    [series] = revised_province_series(places, ["p", "c1", "c2"], ["g", "pop"])
    assert (series.source_id, series.yearbook) == ("prov", 2020)


def test_no_note_without_a_mix_of_vintages(places: Dataset) -> None:
    assert vintage_note(places, ["c1", "c2"], ["g"]) == ""  # cities only
    assert vintage_note(places, ["p", "q"], ["g"]) == ""  # provinces only
    assert vintage_note(places, ["c1", "q"], ["g"]) == ""  # the province source is not revised
    assert vintage_note(places, ["c1", "p"], ["pop"]) == ""  # p's population: not revised


def test_the_charts_say_it_once(places: Dataset) -> None:
    ranking = ranking_spec(places, "c1", ["c2", "p"], "g", 2019)
    assert ranking.notes.count(NOTE_EN) == 1
    assert NOTE_EN not in ranking_spec(places, "c1", ["c2"], "g", 2019).notes
    scatter = scatter_spec(places, "c1", ["p"], "g", "g", 2019, lang="zh")
    assert scatter.notes.count(NOTE_ZH) == 1


def test_shenyang_beside_liaoning_in_the_bundled_data(bundled: Dataset) -> None:
    """The growth index's source (data to 2019) is the 2020 yearbook's vintage."""
    note = vintage_note(bundled, ["cn-210100", "cn-prov-210000"], ["gdp_real_growth"])
    assert note == NOTE_EN
    assert vintage_note(bundled, ["cn-210100", "cn-210200"], ["gdp_real_growth"]) == ""


def test_liaoning_2016_growth_vintage_is_registered_with_its_numbers(bundled: Dataset) -> None:
    """The register's entry matches the data (0.5% = index 100.5) and the source note that
    carries the first-published −2.5% and the bulletin it comes from."""
    entry = load_register().entry("vintage-liaoning-growth-2016")
    assert (entry.kind, entry.confirmed, entry.years) == ("vintage", True, (2016,))
    assert entry.city_ids == ("cn-prov-210000",) and entry.indicator_ids == ("gdp_real_growth",)
    obs = bundled.observations
    row = obs[(obs["city_id"] == "cn-prov-210000") & (obs["indicator_id"] == "gdp_real_growth")
              & (obs["year"] == 2016)]
    assert row["value"].tolist() == [0.5]
    note = bundled.sources[str(row["source_id"].iloc[0])].notes
    assert "−2.5%" in note and "辽宁省2016年国民经济和社会发展统计公报" in note
    assert "0.5%" in entry.sentence_en and "-2.5%" in entry.sentence_en
    assert "辽宁省2016年国民经济和社会发展统计公报" in entry.evidence[0]


def test_profile_of_shenyang_and_liaoning_prints_the_note_under_its_table(
        capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.commands.main import main

    assert main(["profile", "--focus", "Shenyang", "--peers", "Liaoning",
                 "--indicators", "gdp_real_growth"]) == 0
    lines = capsys.readouterr().out.rstrip().splitlines()
    assert lines[-1] == NOTE_EN and lines[-2] == ""  # under the table, once
    assert lines[2].startswith("Real GDP growth")
    assert main(["profile", "--focus", "Shenyang", "--peers", "Liaoning", "--lang", "zh",
                 "--indicators", "gdp_real_growth", "--json"]) == 0
    assert '"vintage_note": "' + NOTE_ZH + '"' in capsys.readouterr().out
    assert main(["profile", "--focus", "Shenyang", "--peers", "Dalian",
                 "--indicators", "gdp_real_growth"]) == 0
    assert "vintage" not in capsys.readouterr().out


def test_a_report_carries_the_liaoning_entry_only_near_liaoning(bundled: Dataset) -> None:
    from desktop.report.build import build_report
    from desktop.report.model import Paragraph, ReportOptions

    def vintage_lines(focus: str, peers: tuple[str, ...]) -> list[str]:
        options = ReportOptions(focus, peers, ("gdp_real_growth",), sections=("notes",),
                                date="2026-12-07")
        return [b.text for b in build_report(bundled, options).blocks
                if isinstance(b, Paragraph) and b.text.startswith(("Liaoning's 2016",
                                                                   "Provinces: NBS"))]

    entry = load_register().entry("vintage-liaoning-growth-2016").sentence_en
    assert vintage_lines("cn-210100", ("cn-230100",)) == [entry]  # Shenyang, Harbin
    assert vintage_lines("cn-330100", ("cn-440300",)) == []  # Hangzhou, Shenzhen
    assert vintage_lines("cn-210100", ("cn-prov-210000",)) == [NOTE_EN, entry]
