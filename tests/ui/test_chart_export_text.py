"""SVG exports keep Chinese sentences whole (issue 15 item 5): with a Latin-first font every
switch between 亿元 and digits became its own <text> piece, so the SVG could not be searched
or edited as text."""

from __future__ import annotations

import re

from desktop.analysis.charts import over_time_spec
from desktop.core.dataset import Dataset
from desktop.ui.plots.chart_export import has_cjk, render_svg
from desktop.ui.plots.line_chart import LineChart


def test_a_chinese_note_is_one_svg_text(qtbot, dataset: Dataset) -> None:
    chart = LineChart()
    qtbot.addWidget(chart)
    chart.resize(900, 600)
    chart.show()
    chart.set_spec(over_time_spec(dataset, "cn-210100", ("cn-210200",), "gdp", lang="zh"))
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", render_svg(chart))
    assert any("沈阳市地区生产总值由2015年的7,272亿元降至2016年的5,546亿元" in t for t in texts)


def test_cjk_is_recognised() -> None:
    assert has_cjk("亿元") and has_cjk("（") and not has_cjk("GDP 2016")
