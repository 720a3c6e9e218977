"""The report's economic structure section and the focus city's rank among all comparable
cities (issue 15 item 3): the numbers are the Structure tab's and the pool ranks' own."""

from __future__ import annotations

from desktop.core.dataset import Dataset
from desktop.report.build import build_report
from desktop.report.model import Heading, Paragraph, ReportOptions, TableBlock
from desktop.session.selection import Selection
from desktop.session.structure_spec import StructureChoice, structure_spec, structure_years

from .conftest import NORTH_EAST, SHENYANG

US_RUST_BELT = ("us-19820", "us-38300", "us-17460")  # Detroit, Pittsburgh, Cleveland
POOL_KINDS = {"prefecture_city", "municipality"}  # Chinese cities ranked with Shenyang


def _section(blocks: tuple, title: str) -> list:
    """The blocks from the level-1 heading `title` up to the next level-1 heading."""
    start = next(n for n, b in enumerate(blocks)
                 if isinstance(b, Heading) and b.level == 1 and b.text == title)
    end = next((n for n, b in enumerate(blocks[start + 1:], start + 1)
                if isinstance(b, Heading) and b.level == 1), len(blocks))
    return list(blocks[start + 1:end])


def _table_after(blocks: list, heading: str) -> TableBlock:
    start = next(n for n, b in enumerate(blocks) if isinstance(b, Heading) and
                 b.text.startswith(heading))
    return next(b for b in blocks[start:] if isinstance(b, TableBlock))


def _notes(blocks: list) -> str:
    return "\n".join(b.text for b in blocks if isinstance(b, Paragraph))


def _structure(dataset: Dataset, peers: tuple[str, ...], lang: str = "en",
               focus: str = SHENYANG) -> list:
    options = ReportOptions(focus, peers, lang=lang, sections=("categories",))
    title = "产业：专业化与增长" if lang == "zh" else "Sectors: specialisation and growth"
    return _section(build_report(dataset, options).blocks, title)


def test_location_quotients_are_the_structure_tabs(dataset: Dataset) -> None:
    blocks = _structure(dataset, NORTH_EAST)
    table = _table_after(blocks, "Location quotients")
    selection = Selection(SHENYANG, NORTH_EAST, "gdp")
    expected = {}
    for basis in ("gdp", "employment"):
        lq = structure_spec(dataset, selection, StructureChoice(basis), "en", ("lq",)).lq
        assert lq is not None and not lq.problem
        expected[basis] = lq
    gdp_year, jobs_year = expected["gdp"].year, expected["employment"].year
    assert table.columns == ("City", f"Primary, GDP {gdp_year}", f"Secondary, GDP {gdp_year}",
                             f"Tertiary, GDP {gdp_year}", f"Primary, employment {jobs_year}",
                             f"Secondary, employment {jobs_year}",
                             f"Tertiary, employment {jobs_year}")
    assert [r.cells[0] for r in table.rows] == ["Shenyang", "Dalian", "Harbin", "Changchun"]
    assert [r.emphasis for r in table.rows] == [True, False, False, False]
    for row, city_id in zip(table.rows, (SHENYANG, *NORTH_EAST), strict=True):
        values = [f"{expected[b].results[city_id].lq(s):.2f}" for b in ("gdp", "employment")
                  for s in ("primary", "secondary", "tertiary")]
        assert list(row.cells[1:]) == values
    gdp_count = expected["gdp"].results[SHENYANG].reference_cities
    assert (f"Reference (GDP) of Shenyang, Dalian, Harbin and Changchun: all Chinese "
            f"prefecture-level cities and municipalities with data in {gdp_year} "
            f"({gdp_count} cities), the city included.") in _notes(blocks)


def test_shift_share_is_the_focus_citys_last_ten_years_with_its_breaks(
        dataset: Dataset) -> None:
    blocks = _structure(dataset, NORTH_EAST)
    selection = Selection(SHENYANG, NORTH_EAST, "gdp")
    start, end = structure_years(dataset, selection).shift_default
    assert end - start == 10
    shift = structure_spec(dataset, selection, StructureChoice("gdp", start, end), "en",
                           ("shift",)).shift
    assert shift is not None and shift.result is not None and shift.scale is not None
    table = _table_after(blocks, f"Shift-share analysis, {start}–{end}")
    assert table.columns[1:4] == (f"{start} value", f"{end} value", "Change")
    total = table.rows[-1]
    assert total.cells[0] == "Total" and total.emphasis
    factor = shift.scale.factor
    # the total's change, in 亿元 with a sign, is the tab's; the three effects add up to it
    assert total.cells[3] == f"{shift.result.total.change / factor:+,.1f}".replace("-", "−")
    effects = sum(float(c.replace("−", "-").replace(",", "")) for c in total.cells[4:7])
    assert abs(effects - shift.result.total.change / factor) < 0.2
    notes = _notes(blocks)
    assert "Nominal yuan, not adjusted for prices." in notes
    assert f"Over the period the reference grew {shift.result.reference_growth:+.1f}%" in notes
    assert "Series break in 2016 inside the period: Liaoning restated" in notes


def test_us_peers_are_said_to_have_no_sector_value_added(dataset: Dataset) -> None:
    notes = _notes(_structure(dataset, US_RUST_BELT))
    assert ("No sector value added for Detroit, Pittsburgh and Cleveland in 2021 (the data "
            "has it for Chinese cities only): — in the GDP columns.") in notes
    assert "all US metropolitan areas with data in" in notes  # their own reference, named


def test_a_focus_without_sector_data_gets_lines_instead_of_empty_tables(
        dataset: Dataset) -> None:
    # the former Wuzhou area has no sector data at all: a line for each analysis, no table
    blocks = _structure(dataset, (SHENYANG,), focus="cn-452400")
    assert not any(isinstance(b, TableBlock) for b in blocks)
    assert ("No sector data for Wuzhou area: location quotients need primary, secondary and "
            "tertiary shares, which the data has for Chinese cities only.") in _notes(blocks)
    assert "No sector data for Wuzhou area: shift-share needs value added" in _notes(blocks)
    # Detroit has employment by sector only: its columns, and the reason for the others
    blocks = _structure(dataset, (SHENYANG,), focus="us-19820")
    table = _table_after(blocks, "Location quotients")
    assert [c.split(",")[1].split()[0] for c in table.columns[1:]] == ["employment"] * 3
    assert ("No sector value added for Detroit (the data has it for Chinese cities only): "
            "location quotients on the employment basis only.") in _notes(blocks)


def test_chinese_structure_section_is_in_chinese(dataset: Dataset) -> None:
    blocks = _structure(dataset, NORTH_EAST, lang="zh")
    table = _table_after(blocks, "区位商")
    assert table.columns[1].startswith("第一产业（GDP，")
    notes = _notes(blocks)
    assert "名义人民币，未作价格调整。" in notes
    assert "Reference" not in notes and "Location quotient" not in notes


def _glance(dataset: Dataset, include_suspect: bool = False) -> tuple[TableBlock, str]:
    options = ReportOptions(SHENYANG, NORTH_EAST, ("population_registered",), year=1994,
                            sections=("summary",))
    blocks = build_report(dataset, options, include_suspect=include_suspect).blocks
    table = next(b for b in blocks if isinstance(b, TableBlock) and b.role == "summary")
    index = blocks.index(table)
    return table, blocks[index + 1].text


def test_at_a_glance_ranks_shenyang_among_all_comparable_cities(dataset: Dataset) -> None:
    table, note = _glance(dataset)
    column = table.columns.index("Rank among all")
    # by hand: Chinese prefecture-level cities and municipalities with a registered population
    # in 1994, the register's suspect values left out (Chaoyang's 33 million)
    obs = dataset.observations
    year = obs[(obs["indicator_id"] == "population_registered") & (obs["year"] == 1994)]
    values = {str(c): float(v) for c, v in zip(year["city_id"], year["value"], strict=True)
              if dataset.cities[str(c)].country == "CN"
              and dataset.cities[str(c)].kind in POOL_KINDS}
    suspect = {s.city_id for s in dataset.suspect_values
               if (s.indicator_id, s.year) == ("population_registered", 1994)}
    assert suspect and suspect <= set(values)
    counted = {c: v for c, v in values.items() if c not in suspect}
    rank = 1 + sum(v > counted[SHENYANG] for v in counted.values())
    assert table.rows[0].cells[column] == f"{rank} of {len(counted)}"
    # neither more nor fewer people is better: a position, not a ranking
    assert note.startswith("Rank among all: Shenyang's rank among all Chinese "
                           "prefecture-level cities and municipalities with a value in that "
                           "year (1 = best; suspect values left out).")
    assert ("For Registered population (year-end), neither higher nor lower is better: the "
            "number is a position from the highest, not a ranking.") in note
    # counted at the user's choice, Chaoyang's larger figure is ahead of Shenyang
    table, note = _glance(dataset, include_suspect=True)
    assert table.rows[0].cells[column] == f"{rank + 1} of {len(values)}"
    assert "suspect values counted" in note
