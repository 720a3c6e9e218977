"""Read-only text windows: the data sources with their caveats, and the user guide."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.dataset import Dataset
from desktop.paths import resources_dir


def sources_html(dataset: Dataset) -> str:
    """Every source, what was read from it, and each indicator's definition and caveats."""
    parts = ["<h2>Data sources</h2>",
             "<p>Every value in City Profiles names its file, sheet, row and column; hover over "
             "a number in the table to see it.</p>"]
    counts = dataset.observations["source_id"].astype(str).value_counts()
    for source in dataset.sources.values():
        rows = [("Publisher", source.publisher), ("File", source.file),
                ("Sheet", source.sheet), ("Origin", source.origin), ("Trust", source.trust),
                ("Licence", source.license), ("Notes", source.notes),
                ("Values used", f"{int(counts.get(source.id, 0)):,}")]
        cells = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
                        for k, v in rows if v)
        parts.append(f"<h3>{html.escape(source.title)}</h3><table cellpadding='3'>{cells}</table>")
    parts.append("<h2>Series breaks</h2><ul>")
    parts += [f"<li><b>{b.year}</b>: {html.escape(b.note_en)}</li>" for b in dataset.series_breaks]
    parts.append("</ul><h2>Definitions</h2><ul>")
    for indicator in dataset.indicators.values():
        text = " ".join(t for t in (indicator.definition_en, indicator.notes_en) if t)
        if text:
            parts.append(f"<li><b>{html.escape(indicator.label_en)}</b> "
                         f"({html.escape(indicator.label_zh)}): {html.escape(text)}</li>")
    parts.append("</ul>")
    return "\n".join(parts)


class TextDialog(QDialog):
    def __init__(self, title: str, body_html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 680)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(body_html)
        self.browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def guide_html() -> str:
    path = resources_dir() / "help" / "guide.html"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return f"<p>The user guide is missing: {html.escape(str(path))}</p>"
