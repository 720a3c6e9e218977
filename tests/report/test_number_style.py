"""A report in international units: the same numbers as bn yuan and millions (no Qt)."""

from __future__ import annotations

from desktop.core.dataset import Dataset
from desktop.report.build import build_report
from desktop.report.html import render_html
from desktop.report.model import ReportOptions

from .conftest import NORTH_EAST, SHENYANG


def _page(dataset: Dataset) -> str:
    document = build_report(dataset, ReportOptions(
        SHENYANG, NORTH_EAST, ("gdp", "population_registered"), 2016, chart_types=()))
    return render_html(document, {})


def test_report_in_international_units(dataset: Dataset) -> None:
    chinese = _page(dataset)
    assert "5,546.45" in chinese and "亿元" in chinese
    international = _page(dataset.with_number_style("international"))
    assert "554.645" in international and "bn yuan" in international
    assert "million" in international
    assert "5,546.45" not in international
    # Only the curated note on Liaoning's 2016 restatement still quotes 亿元 (data text).
    assert "亿元" not in international.replace("7,272 亿元", "").replace("5,546 亿元", "")
