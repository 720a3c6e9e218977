"""The session's transitions: what each one changes, and whether the project then has
unsaved changes (the window's title star and the question at closing follow this)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from desktop.session import session as transitions
from desktop.session.chart_options import ChartOptions
from desktop.session.project import DataFile, Project, load_project, save_project
from desktop.session.selection import Selection

from .sessions import dataset, session


def test_a_new_selection_is_an_unsaved_change_and_the_same_one_is_none() -> None:
    start = session()
    chosen = transitions.select(start, start.selection.with_focus("dalian"))
    assert chosen.selection.focus_id == "dalian" and chosen.dirty
    assert chosen.selection.peer_ids == ("harbin",)  # the focus is never its own peer
    assert transitions.select(start, start.selection) is start


def test_the_charts_year_follows_the_views_year_rule() -> None:
    start = transitions.set_chart_options(session(), ChartOptions(year=2010))
    # the view on "Latest shared": the ranking's own year stays
    kept = transitions.select(start, start.selection.with_focus("harbin"))
    assert kept.chart.year == 2010
    # a year chosen in the view is the ranking's year too, and so is going back to latest
    chosen = transitions.select(kept, kept.selection.with_year(2011))
    assert chosen.chart.year == 2011
    assert transitions.select(chosen, chosen.selection.with_year(None)).chart.year is None


def test_looking_at_another_tab_is_not_a_change_to_the_project() -> None:
    start = session()
    looked = transitions.set_chart_options(start, replace(start.chart, tab=2))
    assert looked.chart.tab == 2 and not looked.dirty
    changed = transitions.set_chart_options(looked, replace(looked.chart, log_y=True))
    assert changed.dirty


def test_an_import_adds_its_file_and_data_and_keeps_the_bundled_base() -> None:
    start = session()
    merged = dataset((*dataset().cities, "tieling"))
    imported = transitions.apply_import(start, merged, DataFile("tieling.csv"))
    assert imported.dataset is merged and imported.base is start.base
    assert imported.data_files == (DataFile("tieling.csv"),) and imported.dirty
    assert imported.selection == start.selection  # the view stays on what it showed


def test_a_number_style_is_not_a_change_to_the_project() -> None:
    restyled = transitions.restyled(session(), "international")
    assert not restyled.dirty
    assert restyled.dataset.indicators["gdp"].display is not None


def project(focus: str = "harbin", peers: tuple[str, ...] = ("dalian", "tieling"),
            chart: dict | None = None) -> Project:
    view = Selection(focus, peers, "gdp", "northeast", year=2011, currency="usd")
    return Project(view, (DataFile("tieling.csv"),), {"paper": "letter"}, "en",
                   chart={"mode": "indexed", "tab": 1} if chart is None else chart,
                   detail=False)


def test_opening_a_project_shows_it_on_the_data_read_for_it(tmp_path: Path) -> None:
    start = transitions.select(session(), session().selection.with_focus("changchun"))
    opened = transitions.open_project(start, project(), dataset(), (), tmp_path / "p.json")
    # tieling's file was not read: that peer is left out, the rest is the project's
    assert opened.selection == Selection("harbin", ("dalian",), "gdp", "northeast", year=2011,
                                         currency="usd", detail=False)
    assert (opened.chart.mode, opened.chart.tab, opened.chart.year) == ("indexed", 1, 2011)
    assert opened.report == {"paper": "letter"} and opened.data_files == ()
    assert opened.project_path == tmp_path / "p.json" and not opened.dirty


def test_a_recovered_session_keeps_its_unsaved_changes() -> None:
    opened = transitions.open_project(session(), project(), dataset(), (), None, dirty=True)
    assert opened.dirty and opened.project_path is None


def test_a_project_whose_focus_is_not_in_the_data_is_refused_whole() -> None:
    data = dataset()
    start = session(data)
    with pytest.raises(transitions.ProjectFocusMissingError):
        transitions.open_project(start, project(focus="tieling"), dataset(), (), None)
    assert start == session(data)  # nothing of it was applied


def test_a_saved_session_opens_as_it_was(tmp_path: Path) -> None:
    data = dataset()
    start = session(data)
    shown = transitions.select(start, replace(start.selection, year=2010, prices="constant",
                                              detail=False))
    shown = transitions.set_chart_options(shown, ChartOptions(tab=3, mode="change",
                                                              include_suspect=True))
    shown = transitions.set_report_options(shown, {"paper": "a4", "landscape": True})
    path = tmp_path / "s.cityprofiles.json"
    save_project(transitions.to_project(shown, "zh"), path)
    saved = transitions.saved(shown, path)
    assert not saved.dirty
    opened = transitions.open_project(session(data), load_project(path), data, (), path)
    assert opened == saved
