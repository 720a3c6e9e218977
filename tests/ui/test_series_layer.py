"""The line layer's extent: what pyqtgraph's auto-range and the scene's repaints ask of it.
A single value is an extent (a city with one year of data is drawn and ranged), nothing to
draw is none (the axes keep their range instead of jumping to 0-1)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor

from desktop.ui.plots.series_layer import NO_MARKS, SeriesLayer

pytestmark = pytest.mark.ui


def _layer() -> SeriesLayer:
    return SeriesLayer(antialias=False)


def test_nothing_drawn_has_no_extent(qtbot) -> None:
    layer = _layer()
    layer.set_lines([], None, NO_MARKS)
    assert layer.dataBounds(0) == (None, None) and layer.dataBounds(1) == (None, None)


def test_one_value_is_an_extent_and_lines_add_up(qtbot) -> None:
    layer = _layer()
    one = layer.line_for("a", np.array([2010]), np.array([5.0]), QColor("red"), 2.0, 7, True,
                         False)
    layer.set_lines([one], None, NO_MARKS)
    assert layer.dataBounds(0) == (2010, 2010) and layer.dataBounds(1) == (5.0, 5.0)
    other = layer.line_for("b", np.array([2000, 2001]), np.array([1.0, 9.0]), QColor("blue"),
                           2.0, 0, False, False)
    layer.set_lines([other, one], None, NO_MARKS)
    assert layer.dataBounds(0) == (2000, 2010) and layer.dataBounds(1) == (1.0, 9.0)


def test_a_log_axis_drops_values_it_cannot_show(qtbot) -> None:
    layer = _layer()
    line = layer.line_for("a", np.array([2000, 2001, 2002]), np.array([-1.0, 10.0, 100.0]),
                          QColor("red"), 2.0, 0, False, True)
    layer.set_lines([line], None, NO_MARKS)
    assert line.x.tolist() == [2001, 2002] and line.y.tolist() == [1.0, 2.0]
    assert layer.dataBounds(1) == (1.0, 2.0)


def test_the_layer_ranges_a_plot_by_itself(qtbot) -> None:
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    layer = _layer()
    widget.addItem(layer)
    line = layer.line_for("a", np.array([1990, 1991, 1992]), np.array([10.0, 20.0, 30.0]),
                          QColor("red"), 2.0, 0, False, False)
    layer.set_lines([line], None, NO_MARKS)
    widget.getPlotItem().vb.autoRange(padding=0)
    (x0, x1), (y0, y1) = widget.getPlotItem().vb.viewRange()
    assert (x0, x1) == pytest.approx((1990, 1992)) and (y0, y1) == pytest.approx((10, 30))
