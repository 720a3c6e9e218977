"""The chart panel: specs reach the drawn items, for each chart type."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget

from desktop.analysis.charts import over_time_spec
from desktop.analysis.currency import view_dataset
from desktop.analysis.ranking import ranking_spec
from desktop.analysis.scatter import scatter_spec
from desktop.core.dataset import Dataset
from desktop.ui.plots.chart_panel import MULTIPLES, OVER_TIME, RANKING, SCATTER, ChartPanel
from desktop.ui.plots.line_chart import FOCUS_COLOR

pytestmark = pytest.mark.ui

FOCUS = "cn-210100"  # Shenyang
PEERS = ("cn-210200", "cn-230100", "cn-220100")  # Dalian, Harbin, Changchun


def test_over_time_curves_carry_the_spec(panel: ChartPanel, dataset: Dataset) -> None:
    chart = panel.chart
    expected = over_time_spec(dataset, FOCUS, PEERS, "gdp")
    assert len(chart.curves) == 4
    for curve, series in zip(chart.curves, expected.series, strict=True):
        x, y = curve.data()
        np.testing.assert_array_equal(x, series.years)
        np.testing.assert_allclose(y, series.values)
    widths = [line.width for line in chart.curves]
    assert widths[0] > max(widths[1:])
    # Shenyang 2016, CRE_Gdpct.csv line 8457: 5546.4498 亿元
    x, y = chart.curves[0].data()
    assert y[np.flatnonzero(x == 2016)[0]] == pytest.approx(5546.4498)
    assert [label.text for _, label in chart.legend.items][:4] == [
        "Shenyang", "Dalian", "Harbin", "Changchun"]
    # Liaoning 2016; breaks register: Harbin 1996, census cuts 2019, Changchun 2020
    assert [line.value() for line in chart._break_lines] == [1995.5, 2015.5, 2018.5, 2019.5]
    assert "Source:" in chart.source.text()


def test_band_is_drawn_and_can_be_hidden(panel: ChartPanel, dataset: Dataset) -> None:
    chart = panel.chart
    band = over_time_spec(dataset, FOCUS, PEERS, "gdp").band
    assert band is not None
    drawn = chart.layer.band
    assert drawn is not None and not drawn.fill.isEmpty()
    x, y = drawn.median.data()
    np.testing.assert_allclose(y, band.median)
    np.testing.assert_allclose(drawn.q1, band.q1)
    np.testing.assert_allclose(drawn.q3, band.q3)
    # 2016 peers: Dalian 6810.1998, Harbin 6101.6, Changchun 5986.4165 -> median Harbin
    assert y[np.flatnonzero(x == 2016)[0]] == pytest.approx(6101.6)
    panel.band_check.setChecked(False)
    assert chart.layer.band is None


def test_indexed_mode_is_100_in_the_base_year(panel: ChartPanel) -> None:
    panel.base_year_box.setValue(2000)
    panel.mode_box.setCurrentIndex(panel.mode_box.findData("indexed"))
    assert panel.chart.spec.mode == "indexed"
    for curve in panel.chart.curves:
        x, y = curve.data()
        assert y[np.flatnonzero(x == 2000)[0]] == pytest.approx(100.0)
    assert "2000 = 100" in panel.chart.spec.y_label


def test_log_scale_and_year_range(panel: ChartPanel) -> None:
    panel.log_check.setChecked(True)
    assert panel.chart.spec.log_y
    assert panel.chart.plot_item.ctrl.logYCheck.isChecked()
    panel.start_box.setValue(2005)
    panel.end_box.setValue(2015)
    x, _ = panel.chart.curves[0].data()
    assert x.min() >= 2005 and x.max() <= 2015
    (x_low, x_high), _ = panel.chart.plot_item.vb.viewRange()
    assert 2003 < x_low < 2005 and 2015 < x_high < 2017


def test_all_comparable_cities_are_one_faint_curve(panel: ChartPanel) -> None:
    items_before = len(panel.chart.plot_item.items)
    panel.background_check.setChecked(True)
    background = panel.chart.spec.background
    assert background is not None and len(background.city_ids) > 100
    assert panel.chart.background.isVisible()
    x, _ = panel.chart.background.data()
    assert len(x) > 1000
    assert len(panel.chart.plot_item.items) == items_before  # no item per city


# WDI 2019, yuan per US$ (PA.NUS.FCRF) and per international $ (PA.NUS.PPP)
@pytest.mark.parametrize(("choice", "unit", "said", "rate"), [
    ("usd", "billion US$", "US$ at annual average exchange rates", 6.90838500992901),
    ("ppp", "billion intl $ (PPP)", "international $ at PPP", 4.05960941314697),
])
def test_the_views_currency_is_said_on_every_chart(
    panel: ChartPanel, dataset: Dataset, choice: str, unit: str, said: str, rate: float,
) -> None:
    """The panel draws the dataset in the view's currency and says so (no control of its
    own: the window's Currency box is the one source)."""
    view = view_dataset(dataset, [FOCUS, *PEERS], choice)
    panel.set_selection(view, FOCUS, PEERS, "gdp", None, "en")
    assert unit in panel.chart.spec.y_label and said in panel.chart.title.text()
    # Shenyang 2019 (CSMAR 6,470.2627 亿元) in the view's money, not in yuan
    years, values = panel.chart.spec.series[0].years, panel.chart.spec.series[0].values
    assert values[list(years).index(2019)] == pytest.approx(6_470.2627 / rate / 10)
    for tab, chart in ((RANKING, panel.ranking), (MULTIPLES, panel.multiples)):
        panel.tabs.setCurrentIndex(tab)
        assert said in chart.title.text(), tab
    panel.set_selection(dataset, FOCUS, PEERS, "gdp", None, "en")  # back to yuan
    assert said not in panel.multiples.title.text()
    panel.tabs.setCurrentIndex(OVER_TIME)
    assert said not in panel.chart.title.text() and panel.chart.spec.currency == "CNY"


def test_hover_read_out_includes_the_peer_median(panel: ChartPanel) -> None:
    panel.chart.show_readout(2016)
    text = panel.chart.readout.text()
    assert "Shenyang: 5,546.45" in text and "Peer median: 6,101.60" in text


def test_ranking_bars_best_first_with_focus_highlighted(panel: ChartPanel,
                                                       dataset: Dataset) -> None:
    panel.tabs.setCurrentIndex(RANKING)
    chart = panel.ranking
    spec = ranking_spec(dataset, FOCUS, PEERS, "gdp")
    assert [b.label for b in chart.spec.bars] == [b.label for b in spec.bars]
    widths = list(chart.bars.opts["width"])
    assert widths == sorted(widths, reverse=True)
    # 2021: Dalian 7825.95 > Shenyang 7249.68 > Changchun 7103.12 > Harbin 5351.70
    assert [b.label for b in chart.spec.bars] == ["Dalian", "Shenyang", "Changchun", "Harbin"]
    colors = chart.bar_colors()
    assert colors[1] == FOCUS_COLOR and colors[0] != FOCUS_COLOR
    assert chart.median_line.value() == pytest.approx(spec.peer_median)
    chart.show_bar_readout(0)
    assert "Dalian: 7,825.95" in chart.readout.text()


def test_ranking_follows_the_chosen_year(panel: ChartPanel) -> None:
    panel.tabs.setCurrentIndex(RANKING)
    panel.year_box.setCurrentIndex(panel.year_box.findData(2016))
    assert panel.ranking.spec.year == 2016
    assert panel.ranking.spec.bars[-1].label == "Shenyang"  # 5,546 after the restatement


def test_scatter_points_have_labels_and_read_out(panel: ChartPanel) -> None:
    panel.tabs.setCurrentIndex(SCATTER)
    chart = panel.scatter
    spec = chart.spec
    assert spec.x_indicator == "gdp_per_capita" and spec.y_indicator == "gdp_real_growth"
    x, y = chart.points.getData()
    np.testing.assert_allclose(x, [p.x for p in spec.points])
    np.testing.assert_allclose(y, [p.y for p in spec.points])
    labels = [label.textItem.toPlainText() for label in chart.labels if label.isVisible()]
    assert sorted(labels) == sorted(p.label for p in spec.points)
    assert "Shenyang" in labels
    chart.show_point_readout(0)
    assert "GDP per capita" in chart.readout.text() and "Real GDP growth" in chart.readout.text()
    panel.size_check.setChecked(True)
    panel.trails_check.setChecked(True)
    assert panel.scatter.spec.size_indicator is not None
    assert any(t.isVisible() for t in panel.scatter.trails)


def test_small_multiples_one_panel_per_indicator(panel: ChartPanel) -> None:
    panel.tabs.setCurrentIndex(MULTIPLES)
    chart = panel.multiples
    assert chart.panel_count == len(chart.spec.panels) > 3
    assert chart.spec.panels[0].indicator_id == "gdp"
    _, y = chart.cells[0].focus.getData()
    np.testing.assert_allclose(y, chart.spec.panels[0].focus)


def test_only_the_visible_chart_is_redrawn(panel: ChartPanel, dataset: Dataset) -> None:
    assert panel.tabs.currentIndex() == OVER_TIME
    assert panel.ranking.spec is None  # not built until shown
    panel.set_selection(dataset, "cn-210200", PEERS, "gdp_per_capita", None, "en")
    assert panel.chart.spec.series[0].label == "Dalian"
    panel.tabs.setCurrentIndex(RANKING)
    assert panel.ranking.spec.indicator_id == "gdp_per_capita"


def test_options_signal(panel: ChartPanel, qtbot) -> None:
    with qtbot.waitSignal(panel.sig_options_changed) as blocker:
        panel.log_check.setChecked(True)
    assert blocker.args[0].log_y


# --- what a tab draws depends only on the controls it shows ------------------------------------

def _same(a: object, b: object) -> bool:
    """Equal specs (numpy arrays compared by value)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.array_equal(np.asarray(a), np.asarray(b), equal_nan=True)
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return type(a) is type(b) and all(
            _same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, (tuple, list)):
        return (isinstance(b, (tuple, list)) and len(a) == len(b)
                and all(_same(x, y) for x, y in zip(a, b, strict=True)))
    return a == b


def _change(panel: ChartPanel, control: QWidget) -> None:
    """Move a control away from what it says now."""
    if isinstance(control, QCheckBox):
        control.setChecked(not control.isChecked())
    elif isinstance(control, QComboBox):
        control.setCurrentIndex((control.currentIndex() + 2) % control.count())
    else:
        assert isinstance(control, QSpinBox)
        control.setValue(control.minimum() + 7 if control.value() != control.minimum() + 7
                         else control.maximum() - 3)


def _drawn(panel: ChartPanel, tab: int) -> object:
    return {OVER_TIME: panel.chart, RANKING: panel.ranking, SCATTER: panel.scatter,
            MULTIPLES: panel.multiples}[tab].spec


@pytest.mark.parametrize("tab", [OVER_TIME, RANKING, SCATTER, MULTIPLES],
                         ids=["over_time", "ranking", "scatter", "multiples"])
def test_a_tab_draws_only_what_its_visible_controls_say(panel: ChartPanel, tab: int) -> None:
    controls = [panel.mode_box, panel.base_year_box, panel.log_check, panel.start_box,
                panel.end_box, panel.band_check, panel.background_check,
                panel.year_box, panel.x_box, panel.y_box, panel.size_check,
                panel.trails_check, panel.log_x_check]
    panel.trails_check.setChecked(True)  # trails on: their years must not come from elsewhere
    panel.tabs.setCurrentIndex(tab)
    hidden = [c for c in controls if not c.isVisible()]
    assert hidden  # every tab hides some
    before = _drawn(panel, tab)
    for control in hidden:
        _change(panel, control)
        assert _same(_drawn(panel, tab), before), control.accessibleName() or control.text()


def test_scatter_shows_and_obeys_the_faint_comparable_cities(panel: ChartPanel) -> None:
    panel.tabs.setCurrentIndex(SCATTER)
    assert panel.background_check.isVisible()
    assert len(panel.scatter.spec.background_x) == 0
    panel.background_check.setChecked(True)
    assert len(panel.scatter.spec.background_x) > 100
    panel.tabs.setCurrentIndex(RANKING)
    assert not panel.background_check.isVisible()


def test_scatter_trails_end_at_its_year_whatever_the_over_time_years(panel: ChartPanel) -> None:
    panel.start_box.setValue(2015)  # the over-time tab's range, hidden on the scatter
    panel.tabs.setCurrentIndex(SCATTER)
    panel.year_box.setCurrentIndex(panel.year_box.findData(2016))
    panel.trails_check.setChecked(True)
    trail = next(t for t in panel.scatter.spec.trails if t.city_id == FOCUS)
    assert (trail.years.min(), trail.years.max()) == (2006, 2016)
    panel.year_box.setCurrentIndex(panel.year_box.findData(None))  # latest shared
    year = panel.scatter.spec.year
    trail = next(t for t in panel.scatter.spec.trails if t.city_id == FOCUS)
    assert (trail.years.min(), trail.years.max()) == (year - 10, year)


# --- the toolbar's year ------------------------------------------------------------------------

def test_latest_shared_in_the_toolbar_moves_ranking_and_scatter_back(
        panel: ChartPanel, dataset: Dataset) -> None:
    panel.tabs.setCurrentIndex(RANKING)
    latest = panel.ranking.spec.year
    assert latest == ranking_spec(dataset, FOCUS, PEERS, "gdp").year == 2021
    panel.set_selection(dataset, FOCUS, PEERS, "gdp", 2016, "en")  # the toolbar says 2016
    assert panel.ranking.spec.year == 2016 and panel.year_box.currentData() == 2016
    panel.set_selection(dataset, FOCUS, PEERS, "gdp", None, "en")  # ... then "Latest shared"
    assert panel.year_box.currentIndex() == 0 and panel.options.year is None
    assert panel.ranking.spec.year == latest
    panel.tabs.setCurrentIndex(SCATTER)
    assert panel.scatter.spec.year == scatter_spec(
        dataset, FOCUS, PEERS, "gdp_per_capita", "gdp_real_growth").year
    # while the toolbar stays on "Latest shared", a year chosen in the panel is kept
    panel.year_box.setCurrentIndex(panel.year_box.findData(2010))
    panel.set_selection(dataset, FOCUS, PEERS[:2], "gdp", None, "en")
    assert panel.scatter.spec.year == 2010
