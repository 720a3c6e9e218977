"""The report dialog: options in and out, saving through the worker, Cancel leaves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.dataset import Dataset
from desktop.report.model import ReportOptions

from .conftest import NORTH_EAST, SHENYANG

pytestmark = pytest.mark.ui


@pytest.fixture
def dialog(qtbot, dataset: Dataset):
    from desktop.ui.dialogs.report_dialog import ReportDialog

    options = ReportOptions(SHENYANG, NORTH_EAST, ("gdp", "average_wage"), 2016, lang="zh",
                            chart_types=("line", "bar"), group_id="north_east")
    widget = ReportDialog(dataset, options)
    qtbot.addWidget(widget)
    return widget


def test_options_shown_are_the_options_given(dialog) -> None:
    options = dialog.options()
    assert options.indicator_ids == ("gdp", "average_wage")
    assert options.lang == "zh" and options.year == 2016
    assert options.chart_types == ("line", "bar")


def test_save_pdf_runs_in_the_background_and_reports_the_file(qtbot, dialog,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    remembered: list[ReportOptions] = []
    dialog.sig_options_changed.connect(remembered.append)
    with qtbot.waitSignal(dialog.sig_report_written, timeout=60_000) as blocker:
        dialog.save("pdf", str(out))
        assert dialog.busy and not dialog.pdf_button.isEnabled()
    assert blocker.args == [str(out)]
    assert out.read_bytes().startswith(b"%PDF")
    assert remembered and remembered[0].indicator_ids == ("gdp", "average_wage")
    assert not dialog.busy and dialog.pdf_button.isEnabled()


def test_cancel_writes_nothing(qtbot, dialog, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    with qtbot.waitSignal(dialog.sig_cancelled, timeout=30_000):
        dialog.save("html", str(out))
        dialog.cancel()
    qtbot.wait(300)
    assert not out.exists()
    assert not dialog.busy
