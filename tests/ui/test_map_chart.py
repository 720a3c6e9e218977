"""The Map tab: drawn from the bundled geometry, the hover read-out names the city under the
pointer, exports carry the map with its legend, and the report's locator map keeps every city
when it goes through SVG."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QByteArray, QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop.analysis.map_spec import CN_PARALLEL, RAMP, project
from desktop.core.dataset import Dataset
from desktop.session.chart_options import ChartOptions
from desktop.session.chart_specs import chart_spec
from desktop.session.selection import Selection
from desktop.ui.plots.chart_panel import MAP, ChartPanel
from desktop.ui.plots.map_chart import MapChart

from .conftest import NORTH_EAST, shown_panel

pytestmark = pytest.mark.ui



@pytest.fixture
def panel(qtbot, dataset: Dataset) -> ChartPanel:
    widget = shown_panel(qtbot, dataset, (*NORTH_EAST, "us-19820"), "population_resident", 2020)
    widget.tabs.setCurrentIndex(MAP)
    return widget


def _count_near(image: QImage, color: str, tolerance: int = 6, step: int = 3) -> int:
    """Pixels (sampled every `step`) within `tolerance` of `color` in each channel."""
    target = QColor(color)
    count = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - target.red()) <= tolerance
                    and abs(pixel.green() - target.green()) <= tolerance
                    and abs(pixel.blue() - target.blue()) <= tolerance):
                count += 1
    return count


def test_the_map_tab_draws_and_reads_out(panel: ChartPanel) -> None:
    assert panel.tabs.tabText(MAP) == "Map"
    chart = panel.current
    assert isinstance(chart, MapChart)
    assert chart.title.text() == "Resident population, 2020"
    assert panel.year_controls.isVisible()
    canvas = chart.plot_widget
    # pointer over central Shenyang (123.43°E, 41.80°N): its census population of 2020
    xy = project(np.array([123.43]), np.array([41.80]), CN_PARALLEL)[0]
    scene = canvas.cn_view.mapViewToScene(QPointF(*xy))
    chart._on_mouse_moved(scene)
    assert "Shenyang: 907.01 万人 (2020)" in chart.readout.text()
    # pointer on Detroit's point in the US view
    detroit = chart.spec.place("us-19820")
    chart._on_mouse_moved(canvas.us_view.mapViewToScene(QPointF(*detroit.point)))
    assert "Detroit" in chart.readout.text()
    frame = chart.data_frame()
    row = frame[frame["City id"] == "cn-210100"].iloc[0]
    assert row["Value (万人)"] == pytest.approx(907.0093) and row["Year"] == 2020


def test_png_export_has_the_map_in_its_colours(panel: ChartPanel, tmp_path) -> None:
    path = tmp_path / "map.png"
    assert panel.export_png(path)
    image = QImage(str(path))
    assert image.width() >= 1.9 * panel.current.plot_widget.width()
    # every class of the ramp is on the picture (cities and legend), and the focus outline
    for color in RAMP:
        assert _count_near(image, color) > 20, color
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png"]


def test_year_box_redraws_the_map(panel: ChartPanel) -> None:
    panel.year_box.setCurrentIndex(panel.year_box.findData(2010))
    assert panel.current.title.text() == "Resident population, 2010"
    assert panel.current.spec.place("cn-210100").value == pytest.approx(810.6171)


def test_locator_svg_keeps_every_city(qtbot, dataset: Dataset) -> None:
    from desktop.report.locator import locator_blocks
    from desktop.ui.report_charts import ChartRenderer

    block = locator_blocks(dataset, "cn-210100", NORTH_EAST)[0]
    renderer = ChartRenderer()
    try:
        svg = renderer.render_svg(block, QSize(680, 285))
    finally:
        renderer.close()
    # Qt SVG drops what follows in a path that is too long ("path truncated"): the map's
    # grey must cover China, not a corner of it
    image = QImage(680, 285, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter)
    painter.end()
    grey = _count_near(image, "#e8e8e8", tolerance=8, step=2)
    red = _count_near(image, "#c0292b", tolerance=30, step=1)
    assert grey > 3000  # China at this size covers ~20,000 px (sampled every 2: ~5,000)
    assert red > 10  # Shenyang


def test_us_locator_svg_has_no_empty_path(qtbot, dataset: Dataset) -> None:
    """A map layer with nothing in it (no US outlines) must not leave `d=""` in the SVG:
    Qt prints "Invalid path data; path truncated." for it while every report is written."""
    from desktop.report.locator import locator_blocks
    from desktop.ui.report_charts import ChartRenderer

    block = locator_blocks(dataset, "cn-210100", ("us-19820", "us-38300", "us-17460"))[0]
    renderer = ChartRenderer()
    try:
        svg = renderer.render_svg(block, QSize(680, 285))
    finally:
        renderer.close()
    assert 'd=""' not in svg and "<path" in svg

def test_a_chinese_legend_lists_peers_with_the_chinese_list_mark(qtbot, dataset: Dataset) -> None:
    widget = ChartPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.set_selection(dataset, "cn-210100", NORTH_EAST, "population_resident", 2020, "zh")
    widget.tabs.setCurrentIndex(MAP)
    legend = widget.current.plot_widget.legend
    labels = [label.text for _sample, label in legend.items]
    peers = next(text for text in labels if "大连市" in text)
    assert "、" in peers and ", " not in peers


@pytest.mark.parametrize("size", [(1200, 800), (700, 330)])
def test_the_legend_sits_beside_the_maps_and_fits(qtbot, dataset: Dataset, size) -> None:
    """The legend covered western China in a small window: now it is in its own column
    beside the maps, with a column of classes per country, and never cut off."""
    chart = MapChart()
    qtbot.addWidget(chart)
    chart.resize(*size)
    chart.show()
    qtbot.waitExposed(chart)
    view = Selection("cn-210100", ("cn-210200", "us-19820"), "gdp_per_capita")
    chart.set_spec(chart_spec(dataset, view, ChartOptions(year=2019), MAP).spec)
    qtbot.wait(50)
    canvas = chart.plot_widget
    assert chart.spec.per_country
    box = canvas.legend.sceneBoundingRect()
    area = QRectF(canvas.viewport().rect()).adjusted(-1, -1, 1, 1)  # a pixel for rounding
    for view in (canvas.cn_view, canvas.us_view):
        assert not box.intersects(view.sceneBoundingRect())
        assert area.contains(view.sceneBoundingRect())
    assert area.contains(box), box  # nothing cut off
    # the marked cities' names fit in their view (they were cut at China's east edge)
    china = canvas.cn_view.sceneBoundingRect().adjusted(-1, -1, 1, 1)
    for label, place in zip(canvas.labels, canvas._label_places, strict=True):
        if place.panel == "cn":
            assert label.sceneBoundingRect().right() <= china.right(), place.label
    labels = [label.text for _sample, label in canvas.legend.items]
    assert "China (" in labels[0] and "US metros (" in labels[1]
    assert canvas.legend_title.text.startswith("Quintiles within each country")
    china, us = chart.spec.class_groups
    # row k: China's class k beside the US metros' class k
    assert labels[2].startswith(f"{china.classes[0].lower:,.0f}")
    assert labels[3].startswith(f"{us.classes[0].lower:,.0f}")


def test_the_map_says_when_its_yuan_were_converted(qtbot, dataset: Dataset) -> None:
    """The map is drawn from the panel's spec like every chart tab: in a view with a US metro
    its yuan are US$, and its title says so as the other tabs' titles do."""
    from desktop.analysis.currency import view_dataset

    widget = ChartPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    usd = view_dataset(dataset, ["cn-210100", "us-19820"])
    widget.set_selection(usd, "cn-210100", ("us-19820",), "gdp_per_capita", 2019, "en")
    widget.year_box.setCurrentIndex(widget.year_box.findData(2019))
    widget.tabs.setCurrentIndex(MAP)
    chart = widget.current
    assert chart.title.text() == ("GDP per capita, 2019 — yuan converted to US$ at annual "
                                  "average exchange rates (the view's currency)")
    assert chart.spec.unit_suffix == "US$"
    assert widget.shown_indicator_ids() == ("gdp_per_capita",)
