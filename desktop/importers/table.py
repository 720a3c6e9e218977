"""Where the table is inside a grid: title/metadata rows, header rows, data rows, footnotes.

Works on cell texts only; says nothing about what columns mean (that is layout.py).
Row numbers here are grid indices (0-based); the report converts them to source rows.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from desktop.importers.model import RawGrid
from desktop.importers.numbers import looks_numeric, parse_year
from desktop.importers.unit_parsing import parse_unit

SAMPLE_ROWS = 200
MAX_HEADER_ROWS = 4

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LINE_RE = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_SPACE_RE = re.compile(r"\s+")
_KEY_VALUE_RE = re.compile(r"^\s*([^:：]{1,24})\s*[:：]\s*(.*)$", re.DOTALL)
_PAREN_UNIT_RE = re.compile(r"^[\(（](.*)[\)）]$")
FOOTNOTE_PREFIXES = ("注", "附注", "数据来源", "资料来源", "来源", "说明", "备注", "source",
                     "sources", "note", "notes", "*", "①", "1)", "footnote")
_REPEAT_TITLE_RE = re.compile(r"续表|continued", re.IGNORECASE)


def cell_text(cell: object) -> str:
    """A cell as text for detection and headers: '' for empty, integral floats without '.0'."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        if math.isfinite(cell) and cell == int(cell) and abs(cell) < 1e15:
            return str(int(cell))
        return repr(cell)
    return str(cell).strip()


def clean_header(text: object) -> str:
    """Normalise one header cell: line breaks, bilingual cells, spaces inside Chinese words.

    '地区生产总值(当年价格)\\r\\n(万元)\\r\\nGross Regional Product…'
    -> '地区生产总值(当年价格) (万元)';
    '全 市\\r\\nTotal City' -> '全市'; 'Jan\\n2020' -> 'Jan 2020'; '2021 ' -> '2021'.
    """
    raw = cell_text(text).replace("\ufeff", "")
    lines = [line.strip() for line in _LINE_RE.split(raw) if line.strip()]
    if any(_has_cjk(line) for line in lines):
        kept = []
        for line in lines:
            is_unit = _PAREN_UNIT_RE.match(line) and parse_unit(line) is not None
            if _has_cjk(line) or (is_unit and kept):
                kept.append(line)
            else:
                break
        lines = kept
    joined = _SPACE_RE.sub(" ", " ".join(lines)).strip()
    return _cjk_gap_re().sub("", joined) if " " in joined else joined


def _has_cjk(text: str) -> bool:
    """A CJK ideograph in the text (the ranges of _CJK; a regex over them is slow to build)."""
    return not text.isascii() and any(
        "\u3400" <= ch <= "\u4dbf" or "\u4e00" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
        for ch in text)


@functools.cache
def _cjk_gap_re() -> re.Pattern:
    """Spaces between two CJK ideographs (compiled when first needed: ~3 ms)."""
    return re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")


@dataclass
class RowStats:
    non_empty: int
    numeric: int  # numbers that are not year-like
    years: int
    first_column: int  # first non-empty column, -1 when blank
    texts: list[str]


def row_stats(row: list, decimal: str = ".") -> RowStats:
    texts = [cell_text(c) for c in row]
    non_empty = numeric = years = 0
    first = -1
    for index, (cell, text) in enumerate(zip(row, texts, strict=True)):
        if not text:
            continue
        non_empty += 1
        if first < 0:
            first = index
        if parse_year(cell)[0] is not None:
            years += 1
        elif looks_numeric(cell, decimal):
            numeric += 1
    return RowStats(non_empty, numeric, years, first, texts)


@dataclass
class TableShape:
    header_rows: list[int]
    first_data_row: int
    end: int  # exclusive: first footer row or len(rows)
    footer_rows: list[int] = field(default_factory=list)
    metadata_rows: list[int] = field(default_factory=list)
    metadata: list[tuple[int, str, str]] = field(default_factory=list)  # row, key, value


def is_key_value(stats: RowStats) -> bool:
    if stats.non_empty == 0 or stats.non_empty > 2:
        return False
    first = stats.texts[stats.first_column]
    return bool(_KEY_VALUE_RE.match(first)) and len(first) < 200


def is_footnote(stats: RowStats) -> bool:
    if stats.non_empty == 0 or stats.numeric > 0:
        return False
    first = stats.texts[stats.first_column].lstrip().casefold()
    return first.startswith(FOOTNOTE_PREFIXES) and stats.non_empty <= 3


def detect_shape(
    grid: RawGrid,
    header_rows: tuple[int, ...] | None = None,
    first_data_row: int | None = None,
) -> TableShape:
    rows = grid.rows
    n = len(rows)
    sample = [row_stats(r, grid.decimal) for r in rows[:SAMPLE_ROWS]]
    width = max((s.non_empty for s in sample), default=0)
    threshold = max(2, math.ceil(width * 0.5)) if width > 2 else width

    if header_rows is not None:
        headers = sorted(header_rows)
        start = headers[0] if headers else (first_data_row or 0)
    else:
        start = next(
            (i for i, s in enumerate(sample)
             if s.non_empty >= max(threshold, 1) and not (is_key_value(s) and width > 2)),
            0,
        )
        headers = _header_block(sample, start)

    if first_data_row is None:
        first_data_row = (headers[-1] + 1) if headers else start
        while first_data_row < len(sample) and sample[first_data_row].non_empty == 0:
            first_data_row += 1
    end, footers = _footer(rows, first_data_row, grid.decimal)

    shape = TableShape(list(headers), first_data_row, end, footers)
    for i in range(min(start, n)):
        stats = sample[i] if i < len(sample) else row_stats(rows[i], grid.decimal)
        if stats.non_empty == 0:
            continue
        shape.metadata_rows.append(i)
        cells = [t for t in stats.texts if t]
        match = _KEY_VALUE_RE.match(cells[0])
        if match and len(cells) == 1:
            shape.metadata.append((i, match.group(1).strip(), match.group(2).strip()))
        elif len(cells) == 2:
            shape.metadata.append((i, cells[0].rstrip(":："), cells[1]))
        else:
            shape.metadata.append((i, "", " ".join(cells)))
    return shape


def _header_block(sample: list[RowStats], start: int) -> list[int]:
    if start >= len(sample):
        return []
    top = sample[start]
    if top.numeric > 0:  # the first wide row already holds numbers: no header row
        return []
    headers = [start]
    for i in range(start + 1, min(start + MAX_HEADER_ROWS, len(sample))):
        stats = sample[i]
        if stats.non_empty == 0 or stats.numeric > 0:
            break
        units = [t for t in stats.texts if t]
        all_units = all(parse_unit(t) is not None for t in units)
        sub_header = stats.first_column > top.first_column
        if not (all_units or sub_header):
            break
        headers.append(i)
    return headers


def _footer(rows: list[list], first: int, decimal: str) -> tuple[int, list[int]]:
    """Footnotes below the data: after the last row with a number, rows that read as notes."""
    n = len(rows)
    last_numeric = first - 1
    for i in range(n - 1, first - 1, -1):
        if any(looks_numeric(c, decimal) for c in rows[i]):
            last_numeric = i
            break
    end = n
    for i in range(last_numeric + 1, n):
        stats = row_stats(rows[i], decimal)
        if stats.non_empty and (is_footnote(stats) or stats.non_empty == 1):
            end = i
            break
    footers = [i for i in range(end, n) if any(cell_text(c) for c in rows[i])]
    return end, footers


@dataclass
class HeaderNames:
    names: list[str]  # flattened, cleaned; '' where a column has no header
    units: dict[int, str]  # column -> unit text from a unit row
    unit_rows: list[int]


def flatten_header(grid: RawGrid, header_rows: list[int]) -> HeaderNames:
    """Join multi-row headers top-down; merged cells (blanks, without merge info) spread right."""
    width = grid.width
    matrix = []
    for r in header_rows:
        row = grid.rows[r]
        matrix.append([clean_header(row[c]) if c < len(row) else "" for c in range(width)])
    position = {r: k for k, r in enumerate(header_rows)}
    for merged in grid.merged:
        top = position.get(merged.first_row)
        if top is None:
            continue
        value = matrix[top][merged.first_column]
        for r in range(merged.first_row, merged.last_row + 1):
            k = position.get(r)
            if k is None:
                continue
            for c in range(merged.first_column, min(merged.last_column + 1, width)):
                if not matrix[k][c]:
                    matrix[k][c] = value
    if not grid.merged:
        for k in range(len(matrix) - 1):
            for c in range(1, width):
                below = any(matrix[j][c] for j in range(k + 1, len(matrix)))
                if not matrix[k][c] and matrix[k][c - 1] and below:
                    # spread only over columns that have a sub-header of their own
                    left_below = any(matrix[j][c - 1] for j in range(k + 1, len(matrix)))
                    if left_below:
                        matrix[k][c] = matrix[k][c - 1]
    units: dict[int, str] = {}
    unit_rows: list[int] = []
    keep = []
    for k, r in enumerate(header_rows):
        texts = [t for t in matrix[k] if t]
        if k > 0 and texts and all(parse_unit(t) is not None for t in texts):
            unit_rows.append(r)
            units.update({c: t for c, t in enumerate(matrix[k]) if t})
        else:
            keep.append(k)
    names = []
    for c in range(width):
        parts: list[str] = []
        for k in keep:
            text = matrix[k][c]
            if text and text not in parts:
                parts.append(text)
        names.append(" ".join(parts))
    return HeaderNames(names, units, unit_rows)


def row_key(row: list) -> tuple[str, ...]:
    texts = [clean_header(c) for c in row]
    while texts and not texts[-1]:
        texts.pop()
    return tuple(texts)


@dataclass
class BodyRows:
    rows: list[int]  # grid indices of data rows, in order
    blank: int
    repeated_headers: list[int]
    notes: list[int]  # footnote-like rows inside the body


def body_rows(grid: RawGrid, shape: TableShape, key_column: int = 0) -> BodyRows:
    """Data rows between header and footer, without blanks, repeated headers or page titles.

    Only rows whose key cell (usually the first column) is empty, equals a header cell or
    reads like a page title or note are examined closely, so a clean table costs one pass.
    """
    rows = grid.rows
    start, end = shape.first_data_row, shape.end
    header_keys = {row_key(rows[r]) for r in shape.header_rows}
    header_first = {clean_header(rows[r][key_column]) for r in shape.header_rows
                    if key_column < len(rows[r])}
    header_first |= {cell_text(rows[r][key_column]) for r in shape.header_rows
                     if key_column < len(rows[r])}
    header_first.discard("")
    titles = {cell_text(rows[r][c]) for r in shape.metadata_rows for c in range(len(rows[r]))}
    titles.discard("")
    kept: list[int] = []
    blank = 0
    repeated: list[int] = []
    notes: list[int] = []
    if end <= start:
        return BodyRows(kept, blank, repeated, notes)
    # one look per distinct key cell; only rows whose key cell is doubtful are examined
    keys = np.empty(end - start, dtype=object)
    keys[:] = [row[key_column] if key_column < len(row) else None for row in rows[start:end]]
    codes, uniques = pd.factorize(keys, use_na_sentinel=False)
    doubtful_unique = np.fromiter(
        (_doubtful_key(u, header_first, titles) for u in uniques), dtype=bool, count=len(uniques))
    doubtful = doubtful_unique[codes]
    if not doubtful.any():
        return BodyRows(list(range(start, end)), blank, repeated, notes)
    for offset, is_doubtful in enumerate(doubtful.tolist()):
        i = start + offset
        if not is_doubtful:
            kept.append(i)
            continue
        row = rows[i]
        stats = row_stats(row, grid.decimal)
        if stats.non_empty == 0:
            blank += 1
        elif row_key(row) in header_keys or (
            stats.non_empty == 1 and stats.numeric == 0 and (
                _REPEAT_TITLE_RE.search(stats.texts[stats.first_column])
                or stats.texts[stats.first_column] in titles)
        ):
            repeated.append(i)
        elif is_footnote(stats) and stats.non_empty == 1:
            notes.append(i)
        else:
            kept.append(i)
    return BodyRows(kept, blank, repeated, notes)


def _doubtful_key(cell: object, header_first: set[str], titles: set[str]) -> bool:
    if cell is None or (isinstance(cell, float) and cell != cell):
        return True  # pandas.factorize hands an empty (None) key cell back as NaN
    text = cell if type(cell) is str else cell_text(cell)
    text = text.strip()
    return not text or text in header_first or _looks_like_page_text(text, titles)


def _looks_like_page_text(text: str, titles: set[str]) -> bool:
    stripped = text.strip()
    return (
        stripped in titles
        or bool(_REPEAT_TITLE_RE.search(stripped))
        or stripped.casefold().startswith(FOOTNOTE_PREFIXES)
    )
