"""The report dialog: options in and out, saving through the worker, Cancel leaves nothing."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.core.dataset import Dataset
from desktop.report.model import ReportOptions

from .conftest import NORTH_EAST, SHENYANG

pytestmark = pytest.mark.ui

def _outputs(folder: Path) -> list[Path]:
    """What a run left in `folder`, without the user folders tests/conftest.py points there."""
    return [p for p in folder.iterdir() if not p.name.startswith("xdg-")]



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


def _visible_windows() -> set[int]:
    """Top-level widgets that count as open windows (they keep the app from quitting)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    return {id(w) for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)}


def _process_deferred_deletes() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_closing_after_a_report_leaves_no_window_open(qtbot, dialog, tmp_path: Path) -> None:
    """The chart widgets are hidden windows: alive, they kept a quit app running (issue 12)."""
    before = _visible_windows()
    dialog.show()
    with qtbot.waitSignal(dialog.sig_report_written, timeout=60_000):
        dialog.save("pdf", str(tmp_path / "report.pdf"))
    dialog.reject()
    _process_deferred_deletes()
    assert _visible_windows() <= before


def test_print_to_a_pdf_file_through_the_print_dialog(qtbot, dialog, tmp_path: Path) -> None:
    """Print… with Qt's "Print to File (PDF)": a whole PDF, Chinese text copyable, no temp
    file left beside it."""
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler")
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

    out = tmp_path / "printed.pdf"
    no_pdf_printer: list[bool] = []

    def print_to_file() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QPrintDialog):
            QTimer.singleShot(20, print_to_file)
            return
        printers = box.findChild(QComboBox, "printers")
        index = printers.findText("Print to File (PDF)") if printers is not None else -1
        if index < 0:  # never send a test to a real printer
            no_pdf_printer.append(True)
            box.reject()
            return
        printers.setCurrentIndex(index)
        box.findChild(QLineEdit, "filename").setText(str(out))
        box.accept()

    QTimer.singleShot(0, print_to_file)
    with qtbot.waitSignal(dialog.sig_printed, timeout=60_000, raising=False) as blocker:
        dialog.print_()
        if no_pdf_printer:
            pytest.skip("this Qt offers no Print to File (PDF)")
    assert blocker.signal_triggered
    pages = blocker.args[0]
    assert pages >= 3
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert re.search(rf"^Pages:\s+{pages}$", info.stdout, re.MULTILINE)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "沈阳" in text and "⽉" not in text  # ideographs, not look-alike radicals
    assert sorted(p.name for p in _outputs(tmp_path)) == ["printed.pdf"]
    assert dialog.status.text().endswith(str(out))


def test_a_preview_never_writes_the_printers_pdf_file(qtbot, dataset: Dataset,
                                                      tmp_path: Path) -> None:
    """A preview paints its printer through its own engine even when that printer is set to
    a PDF file (after Print to File from the preview): the file there must stay as it is."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from desktop.report.build import build_report
    from desktop.ui.printing import print_report

    earlier = tmp_path / "earlier.pdf"
    earlier.write_bytes(b"%PDF-1.4 the user's earlier print")
    document = build_report(dataset, ReportOptions(SHENYANG, NORTH_EAST, ("gdp",), 2016,
                                                   chart_types=()))
    preview = QPrintPreviewDialog()
    qtbot.addWidget(preview)
    preview.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer().setOutputFileName(str(earlier))
    pages: list[int] = []
    preview.paintRequested.connect(
        lambda printer: pages.append(print_report(document, {}, printer)))
    preview.open()
    qtbot.waitUntil(lambda: bool(pages), timeout=30_000)
    assert pages[0] >= 2
    assert earlier.read_bytes() == b"%PDF-1.4 the user's earlier print"
    assert sorted(p.name for p in _outputs(tmp_path)) == ["earlier.pdf"]


def test_a_print_that_cannot_be_written_says_why_and_leaves_nothing(qtbot, dialog,
                                                                  tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "missing-folder" / "printed.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(dialog.sig_failed, timeout=60_000) as blocker:
        dialog.print_to(printer)
    assert "missing-folder" in blocker.args[0]
    assert not out.parent.exists()
    assert not dialog.busy and dialog.print_button.isEnabled()


def test_a_cancelled_print_dialog_does_not_stay_behind(qtbot, dialog) -> None:
    """Qt's print dialog keeps a plain pointer to its printer: left as a child of the report
    dialog it pointed at freed memory, and touching it crashed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QApplication

    seen: list[object] = []

    def cancel_it() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QPrintDialog):
            seen.append(box.printer().pageLayout().pageSize().id())
            box.reject()
        else:
            QTimer.singleShot(20, cancel_it)

    for _ in range(2):
        QTimer.singleShot(0, cancel_it)
        dialog.print_()
    _process_deferred_deletes()
    assert len(seen) == 2
    assert dialog.findChildren(QPrintDialog) == []
    assert not dialog.busy


#: Run by test_preview_renders_pages in a subprocess: a segfault there fails the test instead
#: of ending the whole pytest run.
PREVIEW_PROBE = "from tests.report.test_report_dialog import preview_probe; preview_probe()"


def preview_probe() -> None:
    """Preview through the report dialog as a user does, with the defaults; print JSON."""
    import gc
    import json
    import sys
    import time

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QApplication

    from desktop.core.storage import load_bundled
    from desktop.ui.dialogs.report_dialog import ReportDialog

    app = QApplication(sys.argv[:1])
    out = Path(sys.argv[1])
    options = ReportOptions(SHENYANG, NORTH_EAST, ("gdp", "average_wage", "population"),
                            2016, chart_types=("line", "bar"), group_id="north_east")
    dialog = ReportDialog(load_bundled(), options)
    dialog.show()
    dialog.preview()
    deadline = time.monotonic() + 120
    while dialog.preview_pages == 0 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    preview = dialog.preview_dialog
    widget = preview.findChild(QPrintPreviewWidget)
    gc.collect()  # a printer only Python held would be freed here...
    painted_first = dialog.preview_pages
    dialog.preview_pages = 0
    widget.updatePreview()  # ...and this second paint request would print on freed memory
    app.processEvents()
    pages = widget.pageCount()
    images = []
    for page in (1, pages):
        widget.setCurrentPage(page)
        app.processEvents()
        path = out / f"preview-{page}.png"
        preview.grab().save(str(path))
        images.append(str(path))
    dialog.reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    print(json.dumps({"pages": pages, "painted_first": painted_first,
                      "painted_again": dialog.preview_pages,
                      "preview_open": dialog.preview_dialog is not None, "images": images}))


def test_preview_renders_pages_in_the_real_print_preview(tmp_path: Path) -> None:
    """Preview… opens Qt's print preview, which paints the report's pages (issue 12: it
    segfaulted on a printer Python had freed)."""
    import json
    import sys

    from PySide6.QtGui import QImage

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-X", "faulthandler", "-c", PREVIEW_PROBE,
                             str(tmp_path)], cwd=root, capture_output=True, text=True,
                            timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["pages"] >= 3
    assert found["painted_first"] == found["painted_again"] == found["pages"]
    assert not found["preview_open"]
    for path in found["images"]:
        image = QImage(path)
        assert image.width() > 300 and image.height() > 300
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        assert len(colours) > 20  # a page with text and charts, not an empty frame
