"""Tables out to CSV and XLSX, safe to open in a spreadsheet.

Text that starts with = + - @ TAB or CR is prefixed with an apostrophe (OWASP CSV injection),
so a city called '=HYPERLINK(...)' stays text. Numbers are never touched: -12.5 stays a number.
XLSX cells are written as explicit strings, so no text ever becomes a formula.
Files are written to a temporary name and renamed: an interrupted export leaves no half file.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd

from desktop.core.storage import write_atomically

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix a formula-like text with an apostrophe; leave everything else alone."""
    return "'" + text if text.startswith(DANGEROUS_PREFIXES) else text


def _safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(
                lambda v: neutralise(v) if isinstance(v, str) else v
            )
    return safe


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 with BOM (so Excel on Chinese Windows reads 沈阳 correctly), neutralised text."""
    buffer = io.StringIO()
    _safe_frame(frame).to_csv(buffer, index=False, lineterminator="\n")
    write_atomically(path, ("\ufeff" + buffer.getvalue()).encode("utf-8"))


def write_xlsx(frame: pd.DataFrame, path: Path, sheet: str = "data") -> None:
    """One sheet; text cells typed as strings (never formulas), numbers as numbers."""
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append([str(c) for c in frame.columns])
    for row_number, row in enumerate(frame.itertuples(index=False), start=2):
        for column_number, value in enumerate(row, start=1):
            cell = worksheet.cell(row=row_number, column=column_number)
            if isinstance(value, str):
                cell.value = neutralise(value)
                cell.data_type = "s"
            elif value is None or (isinstance(value, float) and math.isnan(value)):
                cell.value = None
            else:
                cell.value = value.item() if hasattr(value, "item") else value
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(path, buffer.getvalue())
