"""Small builders for RawGrids, independent of the readers (csv module and gzip only)."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

from desktop.importers.model import MergedRange, RawGrid


def grid(rows: list[list], *, file: str = "test.csv", sheet: str = "", decimal: str = ".",
         row_numbers: list[int] | None = None, merged: list[MergedRange] | None = None,
         cell_flags: dict | None = None) -> RawGrid:
    """A grid from rows as written; source rows are 1..n unless given."""
    return RawGrid(
        file=file,
        rows=[list(r) for r in rows],
        row_numbers=row_numbers or list(range(1, len(rows) + 1)),
        sheet=sheet,
        decimal=decimal,
        merged=merged or [],
        cell_flags=cell_flags or {},
    )


def text_grid(text: str, file: str, delimiter: str = ",", decimal: str = ".") -> RawGrid:
    """Parse CSV text with the csv module; blank lines are skipped but keep their numbers."""
    rows, numbers = [], []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        rows.append(row)
        numbers.append(reader.line_num)
    return RawGrid(file=file, rows=rows, row_numbers=numbers, delimiter=delimiter,
                   decimal=decimal)


def file_grid(path: Path, encoding: str = "utf-8-sig", delimiter: str = ",",
              decimal: str = ".") -> RawGrid:
    if path.suffix == ".gz":
        with gzip.open(path) as handle:
            data = handle.read()
    else:
        data = path.read_bytes()
    return text_grid(data.decode(encoding), path.name, delimiter, decimal)


def value_of(frame, city: str, indicator: str, year: int) -> float:
    hit = frame[(frame["city"] == city) & (frame["indicator"] == indicator)
                & (frame["year"] == year)]
    assert len(hit) == 1, hit
    return float(hit["value"].iat[0])


def codes(issues) -> list[str]:
    return [issue.code for issue in issues]
