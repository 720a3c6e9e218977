"""The report dialog offers "Each city's latest year" (issue #13) and the report it writes
labels each bar with its year and says a city and its province mix vintages."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from desktop.analysis.selection_cube import LATEST_EACH
from desktop.core.dataset import Dataset
from desktop.report.model import ReportOptions

pytestmark = pytest.mark.ui

SHENYANG, LIAONING, DALIAN = "cn-210100", "cn-prov-210000", "cn-210200"


def make_dialog(qtbot, dataset: Dataset, year: int | str | None):
    from desktop.ui.dialogs.report_dialog import ReportDialog

    options = ReportOptions(SHENYANG, (LIAONING, DALIAN), ("gdp_real_growth",), year,
                            chart_types=("bar",), sections=("cover", "categories", "notes"))
    widget = ReportDialog(dataset, options)
    qtbot.addWidget(widget)
    return widget


def test_the_year_box_offers_each_citys_latest(qtbot, dataset: Dataset) -> None:
    dialog = make_dialog(qtbot, dataset, None)
    box = dialog.year_box
    assert (box.itemText(1), box.itemData(1)) == ("Each city's latest year", LATEST_EACH)
    assert dialog.options().year is None
    box.setCurrentIndex(1)
    assert dialog.options().year == LATEST_EACH
    again = make_dialog(qtbot, dataset, LATEST_EACH)  # a saved choice comes back
    assert again.year_box.currentData() == LATEST_EACH


def test_saved_report_labels_bars_with_their_years(qtbot, dataset: Dataset,
                                                   tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, dataset, LATEST_EACH)
    out = tmp_path / "latest.html"
    with qtbot.waitSignal(dialog.sig_report_written, timeout=60_000):
        dialog.save("html", str(out))
    text = html.unescape(re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8")))
    text = re.sub(r"\s+", " ", text)
    assert "Comparison year Each city's latest year" in text
    assert "Liaoning Province 2019" in text and "Shenyang 2021" in text
    assert "Liaoning Province: 2019 value; the comparison year is 2021." in text
    assert text.count("Ratios of a city to its province mix vintages.") == 1
