"""A chart's data out to CSV and XLSX with the definitions of the indicators it shows.

Issue #13 part 6: a number exported without what it counts (全市 or 市辖区, 户籍 or 常住,
urban-unit or all employment) is read wrongly once it leaves the app, so the export carries
each indicator's definition and notes, in the language of the chart:

- CSV: the data table, then one blank line and a "Definitions" block (indicator, definition,
  notes), like the notes under a yearbook table; the data rows and columns are as before.
- XLSX: the data on the first sheet, as before, and the definitions on a second sheet.

Issue #15 part 5: the export also carries the chart's source line and notes (breaks, currency
conversions, stale values: what is under the chart on screen) — CSV after the data, XLSX on a
"notes" sheet — and values rounded as the chart shows them (its decimals, keeping at least
four significant digits), not 25.43384744304487. A chart's `data_frame` attaches them with
`with_provenance`.

Plain pandas and openpyxl (no Qt), so it is tested without a QApplication. Text is neutralised
against formula injection and files are written atomically, as in desktop.core.export.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from desktop.core.dataset import Dataset
from desktop.core.export import neutralise
from desktop.core.storage import write_atomically
from desktop.text.phrases import text
from desktop.text.translator import translator


def definitions_frame(dataset: Dataset | None, indicator_ids: Sequence[str],
                      lang: str = "en") -> pd.DataFrame:
    """One row per indicator shown (each once, in order): label, definition, notes; no rows
    without a dataset (nothing drawn yet)."""
    rows = []
    for indicator_id in dict.fromkeys(indicator_ids):
        indicator = dataset.indicators.get(indicator_id) if dataset is not None else None
        if indicator is None:
            continue
        rows.append((indicator.label(lang), indicator.definition(lang), indicator.notes(lang)))
    return pd.DataFrame(rows, columns=[text("indicator", lang), text("definitions", lang),
                                       text("notes", lang)])


#: Fewest significant digits an exported value keeps, whatever the display's decimals.
SIGNIFICANT = 4


def sensible(value: float, decimals: int) -> float:
    """`value` rounded to the chart's `decimals`, but to at least SIGNIFICANT significant
    digits (a share of 0.00123 shown with 2 decimals keeps 0.00123)."""
    if not math.isfinite(value) or value == 0:
        return value
    digits = max(decimals, SIGNIFICANT - 1 - math.floor(math.log10(abs(value))))
    return round(value, min(digits, 12))


def with_provenance(frame: pd.DataFrame, decimals: dict[str, int], source_line: str,
                    notes: Sequence[str]) -> pd.DataFrame:
    """`frame` with its value columns (`decimals`: column -> the chart's decimals) rounded
    sensibly and the chart's source line and notes attached (frame.attrs), for the writers."""
    for column, places in decimals.items():
        if column in frame.columns:
            frame[column] = [sensible(float(v), places) if v is not None else v
                             for v in frame[column]]
    frame.attrs["source_line"] = source_line
    frame.attrs["notes"] = [n for n in dict.fromkeys(notes) if n]
    return frame


def _provenance_rows(frame: pd.DataFrame, lang: str) -> list[list[str]]:
    """The source line and the notes as rows: what is printed under the chart."""
    rows: list[list[str]] = []
    source = frame.attrs.get("source_line", "")
    if source:
        rows.append([neutralise(text("source_line", lang, sources=source))])
    notes = frame.attrs.get("notes", [])
    if notes:
        rows.append([text("notes", lang)])
        rows.extend([neutralise(note)] for note in notes)
    return rows


def _cell(value: object) -> object:
    """A value as written: text neutralised, NaN empty, numbers untouched."""
    if isinstance(value, str):
        return neutralise(value)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value.item() if hasattr(value, "item") else value


def csv_text(frame: pd.DataFrame, definitions: pd.DataFrame, lang: str = "en") -> str:
    """The data table, a blank line, then the definitions block (nothing when there is none)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise(str(c)) for c in frame.columns])
    writer.writerows([_cell(v) for v in row] for row in frame.itertuples(index=False))
    provenance = _provenance_rows(frame, lang)
    if provenance:
        writer.writerow([])
        writer.writerows(provenance)
    if len(definitions):
        writer.writerow([])
        writer.writerow([text("definitions", lang)])
        writer.writerow([str(c) for c in definitions.columns])
        writer.writerows([_cell(v) for v in row] for row in definitions.itertuples(index=False))
    return buffer.getvalue()


def write_csv_with_definitions(frame: pd.DataFrame, definitions: pd.DataFrame, path: Path,
                               lang: str = "en") -> None:
    """UTF-8 with BOM (Excel on Chinese Windows reads 沈阳 correctly), written atomically."""
    write_atomically(path, ("\ufeff" + csv_text(frame, definitions, lang)).encode("utf-8"))


def _append_frame(worksheet: object, frame: pd.DataFrame) -> None:
    """Header and rows; text cells typed as strings, so no text ever becomes a formula (an
    imported indicator's label heads a column too)."""
    for column_number, title in enumerate(frame.columns, start=1):
        cell = worksheet.cell(row=1, column=column_number)  # type: ignore[attr-defined]
        cell.value = neutralise(str(title))
        cell.data_type = "s"
    for row_number, row in enumerate(frame.itertuples(index=False), start=2):
        for column_number, value in enumerate(row, start=1):
            cell = worksheet.cell(row=row_number, column=column_number)  # type: ignore[attr-defined]
            written = _cell(value)
            cell.value = None if written == "" else written
            if isinstance(value, str):
                cell.data_type = "s"


def write_xlsx_with_definitions(frame: pd.DataFrame, definitions: pd.DataFrame, path: Path,
                                lang: str = "en") -> None:
    """Sheet "data" as desktop.core.export writes it, then a definitions sheet."""
    from openpyxl import Workbook

    workbook = Workbook()
    data_sheet = workbook.active
    data_sheet.title = "data"
    _append_frame(data_sheet, frame)
    provenance = _provenance_rows(frame, lang)
    if provenance:
        sheet = workbook.create_sheet(text("notes", lang))
        for row in provenance:
            sheet.append(row)
            sheet.cell(row=sheet.max_row, column=1).data_type = "s"
        sheet.column_dimensions["A"].width = 140
    if len(definitions):
        sheet = workbook.create_sheet(text("definitions", lang))
        _append_frame(sheet, definitions)
        for column, width in zip("ABC", (36, 90, 90), strict=True):
            sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(path, buffer.getvalue())


def definitions_text(definitions: pd.DataFrame, lang: str = "en") -> str:
    """The definitions as lines of plain text ("label: definition notes"), for a dialog."""
    words = translator(lang)
    colon, space = words.colon, words.word_sep
    lines = []
    for label, definition, notes in definitions.itertuples(index=False):
        body = space.join(t for t in (definition, notes) if t)
        if body:
            lines.append(f"{label}{colon}{body}")
    return "\n".join(lines)
