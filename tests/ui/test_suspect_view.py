"""View > Include suspect values: off by default; greyed suspect points on every chart; the
switch counts them in the table's medians and the charts' band and ranks, and is saved with
the project (issue #13, item 4)."""

from __future__ import annotations

import pytest

from desktop.ui.plots.chart_panel import MULTIPLES, RANKING, SCATTER
from desktop.ui.plots.ranking_chart import SUSPECT_BAR
from desktop.ui.plots.suspect_marks import suspect_points
from desktop.ui.project_controller import chart_options_from_json

pytestmark = pytest.mark.ui

DALIAN = "cn-210200"


def _show_fdi(window) -> None:
    controller = window.controller
    controller.set_state(controller.state.with_year(2008).with_indicator("fdi_utilised"))


def _median_text(window) -> str:
    table = window.profile_view.profile_model.table
    column = next(i for i, c in enumerate(table.columns) if c.key == "peer_median")
    return table.rows[table.indicator_ids.index("fdi_utilised")][column].text


def test_the_switch_is_in_the_view_menu_and_off_by_default(window) -> None:
    action = window.include_suspect_action
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert action in view_menu.actions()
    assert action.isCheckable() and not action.isChecked()
    assert not window.chart_panel.include_suspect


def test_over_time_chart_greys_suspect_points_with_their_reason(window) -> None:
    _show_fdi(window)
    chart = window.chart_panel.chart
    # Dalian's 2008 and 2010, Harbin's 2007 and 2009
    points = sorted(suspect_points(chart.suspect_marks))
    assert [(x, round(y, 2)) for x, y, _ in points] == [
        (2007.0, 65.83), (2008.0, 581.61), (2009.0, 82.87), (2010.0, 904.95)]
    assert [r.split("'")[0] for _, _, r in points] == ["Harbin", "Dalian", "Harbin", "Dalian"]
    dalian = next(c for c, s in zip(chart.curves, chart.spec.series, strict=True)
                  if s.city_id == DALIAN)
    x, _ = dalian.data()
    assert 2008 not in x and 2010 not in x  # never joined into Dalian's line


def test_switch_counts_them_in_table_band_and_ranks_and_still_greys(window, qtbot) -> None:
    _show_fdi(window)
    panel = window.chart_panel
    assert _median_text(window) == "463.1"  # Harbin and Changchun
    with qtbot.waitSignal(panel.sig_include_suspect_changed):
        window.include_suspect_action.trigger()
    assert panel.include_suspect and panel.options.include_suspect
    assert _median_text(window) == "581.6"  # Dalian is the middle peer again
    band = panel.chart.spec.band
    assert float(band.median[list(band.years).index(2008)]) == pytest.approx(581.61)
    assert len(suspect_points(panel.chart.suspect_marks)) == 4  # still drawn apart
    panel.tabs.setCurrentIndex(RANKING)
    bars = panel.ranking.spec.bars
    dalian = next(b for b in bars if b.city_id == DALIAN)
    assert dalian.rank == 3 and dalian.included
    assert panel.ranking.bar_colors()[bars.index(dalian)] == SUSPECT_BAR
    window.include_suspect_action.trigger()
    assert _median_text(window) == "463.1"
    assert next(b for b in panel.ranking.spec.bars if b.city_id == DALIAN).rank is None


def test_scatter_and_small_multiples_grey_the_suspect(window) -> None:
    _show_fdi(window)
    panel = window.chart_panel
    panel.set_options(chart_options_from_json({"tab": SCATTER, "x_indicator": "fdi_utilised",
                                               "y_indicator": "gdp_per_capita"}))
    point = next(p for p in panel.scatter.spec.points if p.city_id == DALIAN)
    assert point.suspect.startswith("Dalian's utilised FDI")
    controller = window.controller
    controller.set_state(controller.state.with_focus(DALIAN))
    panel.tabs.setCurrentIndex(MULTIPLES)
    panels = panel.multiples.spec.panels
    fdi = next(p for p in panels if p.indicator_id == "fdi_utilised")
    assert list(fdi.suspect_years) == [2008, 2010]


def test_the_switch_is_saved_with_the_project(window) -> None:
    projects = window.project_controller
    window.include_suspect_action.trigger()
    project = projects.current_project()
    assert project.chart["include_suspect"] is True
    window.include_suspect_action.trigger()
    assert not window.include_suspect_action.isChecked()
    projects.restore_view(project)
    assert window.include_suspect_action.isChecked()
    assert window.chart_panel.include_suspect


def test_chart_data_keeps_the_suspect_values_with_their_reason(window) -> None:
    """Off the line, never off the exported data."""
    _show_fdi(window)
    frame = window.chart_panel.chart.data_frame()
    why = frame.columns[-1]
    dalian = frame[(frame.iloc[:, 0] == DALIAN) & (frame.iloc[:, 2] == 2008)]
    assert len(dalian) == 1 and dalian[why].iloc[0].startswith("Dalian's utilised FDI")
    assert (frame[frame.iloc[:, 0] == "cn-210100"][why] == "").all()


def test_report_chart_draws_the_suspect_points_apart(qtbot, dataset) -> None:
    from PySide6.QtCore import QSize

    from desktop.analysis.chart_spec import line_chart_spec
    from desktop.report.model import ChartBlock
    from desktop.ui.report_charts import ChartRenderer

    spec = line_chart_spec(dataset, "cn-210100", ("cn-210200", "cn-220100"), "fdi_utilised")
    block = ChartBlock(chart_id="line-fdi", kind="line", spec=spec, title="FDI", unit="",
                       legend=(), notes=(), source="")
    renderer = ChartRenderer()
    try:
        renderer.render_image(block, QSize(640, 360), scale=1.0)
        # Dalian's alone (Shenyang and Changchun have none), drawn as on screen
        points = suspect_points(renderer._lines.suspect_marks)
        assert [x for x, _, _ in points] == [2008, 2010]
        assert [y for _, y, _ in points] == pytest.approx([581.61, 904.95])
    finally:
        renderer.close()
