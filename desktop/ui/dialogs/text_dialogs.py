"""Read-only text windows: the data sources with their caveats, and the user guide."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.bilingual import pick
from desktop.core.dataset import Dataset
from desktop.core.paths import resources_dir
from desktop.text.translator import translator


def sources_html(dataset: Dataset, lang: str = "en") -> str:
    """Every source, what was read from it, and each indicator's definition and caveats;
    the caveats in the UI's language where the catalog has them."""
    heading = QCoreApplication.translate("TextDialogs", "Data sources")
    lead = QCoreApplication.translate(
        "TextDialogs",
        "Every value in City Profiles names its file, sheet, row and column; hover over "
        "a number in the table to see it.")
    parts = [f"<h2>{html.escape(heading)}</h2>", f"<p>{html.escape(lead)}</p>"]
    counts = dataset.observations["source_id"].astype(str).value_counts()
    for source in dataset.sources.values():
        rows = [(QCoreApplication.translate("TextDialogs", "Publisher"), source.publisher_in(lang)),
                (QCoreApplication.translate("TextDialogs", "File"), source.file),
                (QCoreApplication.translate("TextDialogs", "Sheet"), source.sheet),
                (QCoreApplication.translate("TextDialogs", "Origin"), source.origin),
                (QCoreApplication.translate("TextDialogs", "Trust"), source.trust_in(lang)),
                (QCoreApplication.translate("TextDialogs", "Licence"), source.license_in(lang)),
                (QCoreApplication.translate("TextDialogs", "Notes"), source.notes_in(lang)),
                (QCoreApplication.translate("TextDialogs", "Values used"),
                 f"{int(counts.get(source.id, 0)):,}")]
        cells = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
                        for k, v in rows if v)
        title = html.escape(source.title_in(lang))
        parts.append(f"<h3>{title}</h3><table cellpadding='3'>{cells}</table>")
    breaks_heading = QCoreApplication.translate("TextDialogs", "Series breaks")
    parts.append(f"<h2>{breaks_heading}</h2><ul>")
    for series_break in dataset.series_breaks:
        note = series_break.note(lang)
        parts.append(f"<li><b>{series_break.year}</b>: {html.escape(note)}</li>")
    definitions_heading = QCoreApplication.translate("TextDialogs", "Definitions")
    parts.append(f"</ul><h2>{definitions_heading}</h2><ul>")
    for indicator in dataset.indicators.values():
        text = translator(lang).word_sep.join(  # no space between Chinese sentences
            t for t in (indicator.definition(lang), indicator.notes(lang)) if t)
        if text:
            first = indicator.label(lang)
            second = pick(lang, indicator.label_zh, indicator.label_en)
            parts.append(f"<li><b>{html.escape(first)}</b> "
                         f"({html.escape(second)}): {html.escape(text)}</li>")
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


def guide_html(lang: str = "en") -> str:
    """The user guide; a Chinese guide (guide_zh.html) when there is one, else the English."""
    folder = resources_dir() / "help"
    localised = folder / f"guide_{lang}.html"
    path = localised if lang != "en" and localised.is_file() else folder / "guide.html"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        text = QCoreApplication.translate("TextDialogs", "The user guide is missing: {0}")
        return f"<p>{html.escape(text.format(path))}</p>"
