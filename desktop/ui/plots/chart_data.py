"""A chart's data out to CSV and XLSX with the definitions of the indicators it shows.

Issue #13 part 6: a number exported without what it counts (全市 or 市辖区, 户籍 or 常住,
urban-unit or all employment) is read wrongly once it leaves the app, so the export carries
each indicator's definition and notes, in the language of the chart:

- CSV: the data table, then one blank line and a "Definitions" block (indicator, definition,
  notes), like the notes under a yearbook table; the data rows and columns are as before.
- XLSX: the data on the first sheet, as before, and the definitions on a second sheet.

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
    colon, space = ("：", "") if lang == "zh" else (": ", " ")
    lines = []
    for label, definition, notes in definitions.itertuples(index=False):
        body = space.join(t for t in (definition, notes) if t)
        if body:
            lines.append(f"{label}{colon}{body}")
    return "\n".join(lines)
