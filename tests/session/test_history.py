"""Edit › Undo and Redo: the selection and the chart controls go back and forth; the data,
the report options and the tab looked at do not."""

from __future__ import annotations

from dataclasses import replace

from desktop.session import session as transitions
from desktop.session.history import LIMIT, History
from desktop.session.project import DataFile

from .sessions import dataset, session


def test_undo_and_redo_walk_the_selection_back_and_forth() -> None:
    history, start = History(), session()
    steps = [start]
    for change in (lambda s: s.with_focus("dalian"), lambda s: s.with_year(2010)):
        after = transitions.select(steps[-1], change(steps[-1].selection))
        history = history.record(steps[-1], after)
        steps.append(after)
    history, back = history.undo(steps[2])
    assert back.selection == steps[1].selection and history.can_redo
    history, back = history.undo(back)
    assert back.selection == start.selection and not history.can_undo
    history, again = history.redo(back)
    assert again.selection == steps[1].selection
    assert again.dirty  # an undone view is a change to the saved project


def test_a_new_change_after_an_undo_drops_the_redo() -> None:
    start = session()
    moved = transitions.select(start, start.selection.with_focus("harbin"))
    history, back = History().record(start, moved).undo(moved)
    other = transitions.select(back, back.selection.with_indicator("gdp").with_year(2011))
    assert not history.record(back, other).can_redo


def test_chart_controls_are_undone_but_the_tab_looked_at_stays() -> None:
    start = session()
    logged = transitions.set_chart_options(start, replace(start.chart, log_y=True))
    history = History().record(start, logged)
    looked = transitions.set_chart_options(logged, replace(logged.chart, tab=2))
    assert history.record(logged, looked) is history  # looking is not a step
    history, back = history.undo(looked)
    assert not back.chart.log_y and back.chart.tab == 2


def test_an_import_is_not_undone_with_the_view() -> None:
    start = session()
    moved = transitions.select(start, start.selection.with_peers(("dalian",)))
    history = History().record(start, moved)
    merged = dataset((*dataset().cities, "tieling"))
    imported = transitions.apply_import(moved, merged, DataFile("tieling.csv"))
    history = history.record(moved, imported)
    _history, back = history.undo(imported)
    assert back.selection.peer_ids == ("dalian", "harbin")
    assert back.dataset is merged and back.data_files == (DataFile("tieling.csv"),)


def test_undo_leaves_out_peers_the_data_no_longer_has() -> None:
    bigger = transitions.apply_import(session(), dataset((*dataset().cities, "tieling")),
                                      DataFile("t.csv"))
    with_tieling = transitions.select(bigger, bigger.selection.with_peers(("tieling",)))
    history = History().record(bigger, with_tieling)
    history, _ = history.undo(with_tieling)
    smaller = replace(with_tieling, dataset=dataset())  # e.g. another project's data
    _history, forward = history.redo(smaller)
    assert forward.selection.peer_ids == ()


def test_nothing_to_undo_changes_nothing_and_the_history_is_bounded() -> None:
    start = session()
    assert History().undo(start) == (History(), start)
    history, current = History(), start
    for n in range(LIMIT + 5):
        after = transitions.select(current, current.selection.with_year(2000 + n))
        history, current = history.record(current, after), after
    assert len(history.past) == LIMIT
