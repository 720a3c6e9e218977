"""Delimited text straight into columns (pandas' C parser), for the fast path.

Eligibility is decided on the bytes, cheaply: UTF-8 (with or without BOM), line ends LF or
CRLF throughout, no NUL/VT/FF bytes (controls elsewhere are found on the distinct texts),
decimal point; quotes only at field edges and never around a line break (so every line is
one record; delimiters inside quotes are located and discounted). The first HEAD_ROWS lines
are read by the row-wise reader (text_reader.read_text), which detects delimiter, decimal
mark and encoding exactly as it would for the whole file, and give the TablePlan. Then,
given the plan:

- structure: the data lines must hold exactly width−1 delimiters each (outside quotes). The
  total count is checked on the bytes; pandas raises on any line with more fields, so
  (totals equal) no line has fewer either. This runs in a thread while pandas parses the
  data in 2-4 chunks in parallel (its C parser releases the GIL). Blank lines are kept as
  rows (skip_blank_lines=False), so the row count equals the line count and row i is line
  first+i: source rows stay exact.
- pandas.read_csv: text columns as categoricals (codes + distinct texts; the year column
  against the known year texts, so '02016' never turns into 2016), value columns as float64
  with only '' as missing; a value column with other text comes back as strings and goes
  through numbers.parse_values like the row-wise path.
- footnotes at the end: the last lines are read row-wise and must not look like notes.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import unicodedata
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from desktop.core.progress import NullProgress, Progress, check_cancelled
from desktop.importers.fast_path import (
    HEAD_ROWS,
    Coded,
    ColumnTable,
    Declined,
    Numbers,
    needed_columns,
    value_columns,
)
from desktop.importers.model import ImportRejectedError, RawGrid, ReadOptions
from desktop.importers.text_hygiene import CONTROL_RE

_TAIL_LINES = 50
_MAX_THREADS = 4
_CHUNK_MIN = 2 * 1024 * 1024  # bytes per parsing thread, at least
SAMPLE_BODY_ROWS = 200  # interpret.SAMPLE_BODY_ROWS, table.SAMPLE_ROWS, text_reader.SAMPLE_ROWS
_MAX_FIELD_CHARS = 10_000
_YEAR_TEXTS = [str(y) for y in range(1800, 2201)]


class TextSource:
    def __init__(self, data: bytes, start: int, grid: RawGrid, whole: bool) -> None:
        self.data, self.start, self.grid, self.whole = data, start, grid, whole

    def load(self, plan, progress: Progress) -> ColumnTable:
        return _load(self, plan, progress)


def open_text(path: Path, options: ReadOptions, progress: Progress | None = None) -> TextSource:
    from desktop.importers import text_reader
    from desktop.importers.sniff import TEXT_EXTENSIONS, extension_mismatch

    progress = progress or NullProgress()
    file = path.name
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if size > text_reader.MAX_TEXT_BYTES:
        raise Declined("too large")
    if options.encoding and options.encoding.replace("_", "-").lower() not in (
            "utf-8", "utf8", "utf-8-sig"):
        raise Declined("encoding chosen")
    if options.decimal not in (None, "."):
        raise Declined("decimal comma")
    data = path.read_bytes()
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Declined("UTF-16")
    if b"\x00" in data or b"\x0b" in data or b"\x0c" in data:
        raise Declined("control bytes")
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        raise Declined("bare CR")
    check_cancelled(progress)
    # the head: HEAD_ROWS lines, read row-wise
    cut = -1
    for _ in range(HEAD_ROWS):
        cut = data.find(b"\n", cut + 1)
        if cut < 0:
            break
    head = data if cut < 0 else data[: cut + 1]
    try:
        issues = [] if suffix in TEXT_EXTENSIONS or suffix == "" else [
            extension_mismatch(file, suffix, "delimited text (CSV)", "CSV text")]
        grid = text_reader.read_text(head, file, options, NullProgress(), suffix, issues)
    except ImportRejectedError:
        raise Declined("head not readable as a table") from None
    except UnicodeError:
        raise Declined("head not UTF-8") from None
    if grid.encoding != "utf-8":
        raise Declined(f"encoding {grid.encoding}")
    if any(issue.code != "extension_mismatch" for issue in grid.issues):
        raise Declined("text hygiene needed")
    if grid.decimal != ".":
        raise Declined("decimal comma")
    if len(grid.delimiter) != 1:
        raise Declined("delimiter")
    return TextSource(data, start, grid, cut < 0 or cut + 1 == len(data))


def _line_offset(data: bytes, line: int) -> int:
    """Byte offset where 1-based `line` starts."""
    pos = 0
    for _ in range(line - 1):
        pos = data.find(b"\n", pos) + 1
        if pos == 0:
            raise Declined("line beyond the end")
    return pos


def _load(source: TextSource, plan, progress: Progress) -> ColumnTable:
    data, grid = source.data, source.grid
    delim = grid.delimiter
    first = plan.first_data_row
    head_data = len(grid.rows) - first
    if head_data <= 0:
        raise Declined("no data rows in the head")
    if not source.whole and head_data <= SAMPLE_BODY_ROWS:
        # detection samples SAMPLE_BODY_ROWS body rows; the head must hold them all
        raise Declined("header too far down for the head")
    first_line = grid.row_numbers[first]
    begin = _line_offset(data, first_line)
    if begin < source.start:
        raise Declined("byte-order mark on a data line")
    width = len(plan.columns)
    vcols = value_columns(plan)
    wanted = needed_columns(plan)
    year_cols = {c.index for c in plan.columns if c.role == "year"}
    dtypes: dict[int, object] = {}
    for c in wanted:
        if c in vcols:
            continue
        if c in year_cols:
            head_years = {str(r[c]) for r in grid.rows[first:] if c < len(r)}
            cats = pd.Index(sorted(set(_YEAR_TEXTS) | head_years), dtype=object)
            dtypes[c] = pd.CategoricalDtype(cats)
        else:
            dtypes[c] = "category"
    lazy = _Lines(data, begin, delim, width)
    bounds = _chunks(data, begin)
    with ThreadPoolExecutor(max_workers=len(bounds) + 1) as pool:
        # structure checks (numpy, releasing the GIL) while pandas parses the chunks
        checked = pool.submit(lazy.check_structure)
        parts = list(pool.map(lambda b: _read_csv(data, b, delim, width, wanted, dtypes, vcols,
                                                  lazy.quoted), bounds))
        if any(part is None for part in parts) and year_cols:
            # a year text outside the known ones: read years as plain text (numbers-only
            # years then come back as numbers and decline in _coded_column)
            for c in year_cols:
                dtypes[c] = "category"
            parts = list(pool.map(lambda b: _read_csv(data, b, delim, width, wanted, dtypes,
                                                      vcols, lazy.quoted), bounds))
        lines = checked.result()
    if lines is None:
        raise Declined("ragged rows")
    if any(part is None for part in parts):
        raise Declined("not readable as plain columns")
    n = sum(len(part) for part in parts)
    if n != lines:
        raise Declined("row count differs from line count")
    check_cancelled(progress)
    progress.report(0.4, "parsed")

    columns: dict = {}
    for c in wanted:
        if c in vcols:
            columns[c] = _value_column([part[c] for part in parts], c, lazy)
        else:
            columns[c] = _coded_column([part[c] for part in parts], c)
    if any(isinstance(col, Numbers) for col in columns.values()):
        lazy.others = {c: col for c, col in columns.items() if isinstance(col, Coded)}
    _check_tail(data, delim, plan, grid)
    row_numbers = np.arange(first_line, first_line + n, dtype=np.int64)
    return ColumnTable(grid, n, row_numbers, columns)


def _chunks(data: bytes, begin: int) -> list[tuple[int, int]]:
    """Byte ranges of whole lines, one per parsing thread (a quoted line break makes the
    structure check decline, so any line break ends a record)."""
    threads = max(1, min(os.cpu_count() or 1, _MAX_THREADS))
    size = len(data) - begin
    threads = 1 if size < _CHUNK_MIN * 2 else min(threads, size // _CHUNK_MIN)
    cuts = [begin]
    for k in range(1, threads):
        cut = data.find(b"\n", begin + size * k // threads) + 1
        if cut <= cuts[-1] or cut >= len(data):
            break
        cuts.append(cut)
    cuts.append(len(data))
    return list(itertools.pairwise(cuts))


def _read_csv(data: bytes, bounds: tuple[int, int], delim: str, width: int,
              wanted: list[int], dtypes: dict, vcols: list[int],
              quoted: bool) -> pd.DataFrame | None:
    lo, hi = bounds
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return pd.read_csv(
                io.BytesIO(memoryview(data)[lo:hi]), sep=delim, header=None,
                names=list(range(width)), index_col=False,
                usecols=wanted, dtype={c: t for c, t in dtypes.items() if c in wanted},
                keep_default_na=False, na_values={c: [""] for c in vcols},
                quoting=csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE, quotechar='"',
                doublequote=True, skip_blank_lines=False, encoding="utf-8",
                engine="c", low_memory=False,
            )
    except (Warning, ValueError, pd.errors.ParserError, UnicodeError):
        return None


class _Lines:
    """Raw text of single cells, found on demand (only for cells the per-cell path needs)."""

    def __init__(self, data: bytes, begin: int, delim: str, width: int) -> None:
        self.data, self.begin, self.delim, self.width = data, begin, delim, width
        self.n = 0
        self._breaks: np.ndarray | None = None
        self._delims: np.ndarray | None = None
        self.quoted = data.find(b'"', begin) >= 0
        self.others: dict[int, Coded] = {}  # text columns, for field lengths

    def check_structure(self) -> int | None:
        """Data lines, or None when some line has a different number of delimiters (checked
        in total here; pandas refuses a line with too many, so none has too few).

        Quoted fields are allowed when every quote stands at a field's edge (or doubles
        another) and no line break is quoted: then a delimiter between an odd and an even
        quote is text, all others separate fields, and every line is one record."""
        lines = len(self.breaks()) + (0 if self.data.endswith(b"\n") else 1)
        region = np.frombuffer(self.data, dtype=np.uint8)[self.begin:]
        if not self.quoted:
            if int(np.count_nonzero(region == ord(self.delim))) != lines * (self.width - 1):
                return None
            self.n = lines
            return lines
        quotes = np.flatnonzero(region == ord('"')) + self.begin
        if len(quotes) % 2:
            return None
        raw = np.frombuffer(self.data, dtype=np.uint8)
        edge = (ord(self.delim), 10, 13, ord('"'))
        opening, closing = quotes[0::2], quotes[1::2]
        before = raw[np.maximum(opening - 1, 0)]
        after = raw[np.minimum(closing + 1, len(raw) - 1)]
        if not (np.isin(before, edge) | (opening == self.begin)).all():
            return None
        if not (np.isin(after, edge) | (closing == len(raw) - 1)).all():
            return None
        doubled_open = before == ord('"')  # "" inside a quoted field: must follow a close
        if doubled_open.any() and not np.isin(opening[doubled_open] - 1, closing).all():
            return None
        breaks = self.breaks()
        if (np.searchsorted(quotes, breaks, side="right") % 2).any():
            return None  # a quoted line break: records span lines
        delims = np.flatnonzero(region == ord(self.delim)) + self.begin
        delims = delims[np.searchsorted(quotes, delims, side="right") % 2 == 0]
        if len(delims) != lines * (self.width - 1):
            return None
        self._delims = delims.reshape(lines, self.width - 1) if self.width > 1 else None
        self.n = lines
        return lines

    def breaks(self) -> np.ndarray:
        if self._breaks is None:
            raw = np.frombuffer(self.data, dtype=np.uint8)[self.begin:]
            self._breaks = np.flatnonzero(raw == 10) + self.begin
        return self._breaks

    def line_ends(self) -> tuple[np.ndarray, np.ndarray]:
        """(start, end) byte offsets of each data line's text (line break excluded)."""
        breaks = self.breaks()
        starts = np.r_[self.begin, breaks + 1][: self.n]
        ends = np.r_[breaks, len(self.data)][: self.n]
        raw = np.frombuffer(self.data, dtype=np.uint8)
        ends = ends - (raw[np.maximum(ends - 1, 0)] == 13)
        return starts, ends

    def field_lengths(self, column: int) -> np.ndarray:
        """Bytes of one field on every data line (every line has width−1 delimiters)."""
        starts, ends = self.line_ends()
        if self.width == 1:
            return ends - starts
        if self._delims is None:
            raw = np.frombuffer(self.data, dtype=np.uint8)[self.begin:]
            found = np.flatnonzero(raw == ord(self.delim)) + self.begin
            self._delims = found.reshape(self.n, self.width - 1)
        lo = starts if column == 0 else self._delims[:, column - 1] + 1
        hi = ends if column == self.width - 1 else self._delims[:, column]
        if self.quoted:  # a quoted field's text is two bytes shorter (at least)
            raw = np.frombuffer(self.data, dtype=np.uint8)
            return hi - lo - 2 * (raw[np.minimum(lo, len(raw) - 1)] == ord('"'))
        return hi - lo

    def short(self, column: int) -> np.ndarray:
        """True where the cell's text has at most 15 bytes (so at most 15 digits). When every
        other field was read as text, the field's length is the line's length minus theirs
        (known per distinct text); otherwise delimiters are located."""
        if not self.quoted and len(self.others) == self.width - 1 and \
                column not in self.others:
            starts, ends = self.line_ends()
            length = ends - starts - (self.width - 1)
            for coded in self.others.values():
                byte_len = np.fromiter((len(str(t).encode("utf-8")) for t in coded.uniques),
                                       dtype=np.int64, count=len(coded.uniques))
                length -= byte_len[coded.codes]
        else:
            length = self.field_lengths(column)
        return length <= 15

    def cells(self, rows: np.ndarray, column: int) -> list[str]:
        breaks = self.breaks()
        out = []
        for r in rows.tolist():
            lo = self.begin if r == 0 else int(breaks[r - 1]) + 1
            hi = int(breaks[r]) if r < len(breaks) else len(self.data)
            line = self.data[lo:hi].decode("utf-8").removesuffix("\r")
            if self.quoted:
                out.append(next(csv.reader([line], delimiter=self.delim))[column])
            else:
                out.append(line.split(self.delim)[column])
        return out


def _clean_texts(texts) -> None:
    joined = "\x1f".join(t for t in texts if isinstance(t, str))
    if CONTROL_RE.search(joined.replace("\x1f", "")):
        raise Declined("control characters in text")
    if not joined.isascii() and not unicodedata.is_normalized("NFC", joined):
        raise Declined("text not NFC")
    if any(isinstance(t, str) and len(t) > _MAX_FIELD_CHARS for t in texts):
        raise Declined("long fields")


def _coded_column(parts: list[pd.Series], c: int) -> Coded:
    if not all(isinstance(p.dtype, pd.CategoricalDtype) for p in parts):
        raise Declined("text column not categorical")
    if len(parts) == 1:
        cat = parts[0].array
    else:
        try:
            cat = union_categoricals([p.array for p in parts])
        except TypeError:
            raise Declined(f"column {c} reads as numbers") from None
    cats = cat.categories
    if not pd.api.types.is_string_dtype(cats.dtype) or cats.inferred_type not in (
            "string", "empty"):
        raise Declined(f"column {c} reads as numbers")
    codes = np.asarray(cat.codes)
    if len(codes) and codes.min() < 0:
        raise Declined("missing cells")
    uniques = np.asarray(cats, dtype=object)
    _clean_texts(uniques)
    return Coded(codes.astype(np.intp), uniques)


def _value_column(parts: list[pd.Series], c: int, lazy: _Lines) -> Numbers:
    """float64 values; cells that came back as text are converted like the row-wise path
    does (pandas.to_numeric) and the ones that fail go through the per-cell path."""
    values, empty = [], []
    for part in parts:
        kind = part.dtype.kind if isinstance(part.dtype, np.dtype) else "O"
        if kind in "fi":
            array = part.to_numpy(dtype=np.float64)
            values.append(array)
            empty.append(np.isnan(array))  # only '' is read as missing
        elif kind == "b" or part.dtype == np.uint64:
            raise Declined("value column reads as booleans or huge integers")
        else:
            texts = part.to_numpy(dtype=object, na_value="")
            _clean_texts(pd.unique(texts))
            values.append(np.asarray(pd.to_numeric(texts, errors="coerce"), dtype=np.float64))
            empty.append(texts == "")

    def raw(rows: np.ndarray, column=c) -> list:
        return lazy.cells(rows, column)

    def short(column=c) -> np.ndarray:
        return lazy.short(column)

    return Numbers(np.concatenate(values), raw, short, np.concatenate(empty))


def _check_tail(data: bytes, delim: str, plan, grid: RawGrid) -> None:
    """The row-wise path ends the table at footnote-like rows after the last number."""
    from desktop.importers.numbers import looks_numeric
    from desktop.importers.table import is_footnote, row_stats

    tail_start = len(data)
    for _ in range(_TAIL_LINES + 1):
        tail_start = data.rfind(b"\n", 0, max(tail_start - 1, 0))
        if tail_start < 0:
            return  # the whole file is in the head: detect saw everything
    text = data[tail_start + 1:].decode("utf-8")
    rows = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delim)
            if any(row)]
    last = next((i for i in range(len(rows) - 1, -1, -1)
                 if any(looks_numeric(cell, plan.decimal) for cell in rows[i])), None)
    if last is None:
        raise Declined("no numbers at the end")
    for row in rows[last + 1:]:
        stats = row_stats(row, plan.decimal)
        if stats.non_empty and (is_footnote(stats) or stats.non_empty == 1):
            raise Declined("footnotes at the end")
