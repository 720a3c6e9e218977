"""An .xlsx sheet straight into columns, for the fast path: no Python object per cell.

python-calamine builds a Python object for every cell (2.25 M for the 450k-row benchmark,
about 3 s and the highest peak memory of all readers). Here, after zip_safety has checked the
package (bombs, DTDs, formulas, merged cells, NaN tokens, text needing clean-up), the sheet
XML is inflated as a stream (a big only sheet is left out of zip_safety's scan and checked
on this stream instead, so that it is inflated once: _CheckedStream) and each chunk of
whole rows is parsed with numpy on its bytes: tag positions ('<'), the cell tags' r=
column and t= type, the value spans after <v> or <is><t>. Value bytes are gathered into
two buffers (numbers and shared-string indices; inline texts) that pandas' C parser reads
in one call each; texts become codes + distinct values. Cells are then scattered into
columns by (row, column).

Only plain sheets are taken: one sheet (or the chosen one), visible, no namespace prefix, no
formulas, merged cells, dates, booleans, errors, rich text or cells needing hygiene; every
cell with an r= reference. Anything else declines and the row-wise reader (calamine) runs.
The values are those calamine hands over: numbers as float (correctly rounded, like Rust's
parser), texts as written (XML entities resolved), empty texts as empty cells.

Why this parser and not fastexcel (issue 14 item 6; bench/import_bench.py, 450,000-row
long table, 2 cores shared with other work, best of 3 in turns, two runs on 7 Dec 2026):

    our whole import (checks + this parser + interpretation)   2.79-2.86 s   305 MiB
      of which up to 'columns read'                            2.76-2.83 s
    fastexcel 0.21 read only, to a pandas frame                2.40-2.48 s   301 MiB
    fastexcel typed read (header skipped, strict), to Arrow    2.37-2.51 s   253 MiB
    (lead, same day, 3 runs: ours 2.86-4.06 s / 306 MiB, fastexcel 3.04-4.22 s / 253 MiB)

This parser is not faster (0.86-0.89x fastexcel's speed), so by speed fastexcel would
replace it; it does not, because it cannot take this parser's place without changing what
users get: (1) it types whole columns, so a value column holding a missing
marker ('—', '..') either comes back as text with its numbers turned into strings (the
default coercion: 0.30000000000000004 came back as '0.3', a different number, and a number
cell no longer differs from a text cell) or is refused (strict coercion), which would send
most yearbook files to the row-wise path (11-23 s here instead of 2.8 s); (2) it gives no source
row numbers (leading empty rows are dropped unsaid), which every issue's location needs.
So fastexcel is not a dependency; the bench keeps measuring it when it is installed.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from pathlib import Path
from xml.sax.saxutils import unescape

import numpy as np
import pandas as pd

from desktop.core.progress import NullProgress, Progress, check_cancelled
from desktop.importers.capabilities import COLUMN_ENGINE
from desktop.importers.columns import ColumnTable, Numbers
from desktop.importers.fast_path import (
    HEAD_ROWS,
    Declined,
    head_covers,
)
from desktop.importers.mapping import Coded
from desktop.importers.model import ImportRejectedError, Issue, RawGrid, ReadOptions
from desktop.importers.records import needed_columns, value_columns

_CHUNK = 4 << 20
_ENTITIES = {"&quot;": '"', "&apos;": "'"}
#: cell kinds
_NUMBER, _SHARED, _INLINE, _EMPTY = 0, 1, 2, 3
_LT, _GT, _SLASH, _QUOTE, _SPACE = 60, 62, 47, 34, 32


def _at(buf: np.ndarray, pos: np.ndarray, pattern: bytes) -> np.ndarray:
    """True where `pattern` starts at each position (buf is padded past every position)."""
    ok = buf[pos] == pattern[0]
    for k in range(1, len(pattern)):
        if not ok.any():
            break
        ok &= buf[pos + k] == pattern[k]
    return ok


class _Cells:
    """Cells of the sheet, accumulated chunk by chunk."""

    def __init__(self, shared: list[str]) -> None:
        # per kept (non-empty) cell, chunk by chunk: Excel row, column, text code or -1,
        # number (NaN for texts)
        self.rows: list[np.ndarray] = []
        self.cols: list[np.ndarray] = []
        self.codes: list[np.ndarray] = []
        self.values: list[np.ndarray] = []
        self.shared = shared
        self.shared_code = np.full(len(shared), -1, dtype=np.int64)
        self.position: dict[str, int] = {"": 0}  # distinct texts -> code; '' is empty
        self.texts: list[str] = [""]

    def code_of(self, text: str) -> int:
        code = self.position.get(text)
        if code is None:
            code = self.position[text] = len(self.texts)
            self.texts.append(text)
        return code

    def parse(self, buffer: bytes, cut: int) -> None:
        """The whole <row> elements in buffer[:cut] (at least 64 bytes follow the cut).
        Positions come from the '<' of every tag: the tag after a cell tag is its value
        element (or the next cell), and so on, so nothing is searched for twice."""
        if cut <= 0:
            return
        buf = np.frombuffer(buffer, dtype=np.uint8)
        lt = np.flatnonzero(buf[:cut] == _LT)
        lt = np.append(lt, [cut] * 4)
        b1, b2 = buf[lt + 1], buf[lt + 2]
        cell_i = np.flatnonzero((b1 == ord("c")) & ((b2 == _SPACE) | (b2 == _GT)
                                                    | (b2 == _SLASH)))
        if not len(cell_i):
            return
        row_pos = lt[(b1 == ord("r")) & (b2 == ord("o")) & (buf[lt + 3] == ord("w"))]
        cell_pos = lt[cell_i]
        after = lt[cell_i + 1]  # the tag after the cell tag
        tag_end = after - 1
        if not (buf[tag_end] == _GT).all():
            raise Declined("white space or text between tags")
        closed = buf[tag_end - 1] == _SLASH
        # row numbers: <row r="N"
        if not _at(buf, row_pos, b'<row r="').all():
            raise Declined("row without r=")
        row_num = np.zeros(len(row_pos), dtype=np.int64)
        going = np.ones(len(row_pos), dtype=bool)
        for k in range(8, 16):
            digit = buf[row_pos + k].astype(np.int64) - 48
            is_digit = going & (digit >= 0) & (digit <= 9)
            row_num = np.where(is_digit, row_num * 10 + digit, row_num)
            going = is_digit
        owner = np.searchsorted(row_pos, cell_pos, side="right") - 1
        if len(owner) and owner[0] < 0:
            raise Declined("cell outside a row")
        # column from r="AB12"
        if not _at(buf, cell_pos + 3, b'r="').all():
            raise Declined("cell without r= first")
        l1 = buf[cell_pos + 6].astype(np.int64)
        l2 = buf[cell_pos + 7].astype(np.int64)
        l3 = buf[cell_pos + 8].astype(np.int64)
        upper2 = (l2 >= 65) & (l2 <= 90)
        if not ((l1 >= 65) & (l1 <= 90)).all() or ((l3 >= 65) & (l3 <= 90) & upper2).any():
            raise Declined("columns beyond ZZ")
        col = np.where(upper2, (l1 - 64) * 26 + (l2 - 65), l1 - 65)
        # attributes after r=: only s= (style) and t= (type), e.g. <c r="B2" s="1" t="s">
        kind = np.full(len(cell_pos), _NUMBER, dtype=np.int8)
        # r="AB12": letters, then the row's number; the closing quote must follow
        digits = np.floor(np.log10(np.maximum(row_num[owner], 1))).astype(np.int64) + 1
        pos = cell_pos + 8 + upper2 + digits
        if not (buf[pos - 1] == _QUOTE).all():
            raise Declined("cell reference and row disagree")
        for _ in range(3):
            here = buf[pos]
            done = (here == _GT) | (here == _SLASH)
            if done.all():
                break
            style = ~done & _at(buf, pos, b' s="')
            typed = ~done & _at(buf, pos, b' t="')
            if not (done | style | typed).all():
                raise Declined("cell attributes other than r, s and t")
            if typed.any():
                letter, next_byte = buf[pos + 4], buf[pos + 5]
                shared = typed & (letter == ord("s")) & (next_byte == _QUOTE)
                inline = typed & (letter == ord("i"))  # only inlineStr starts with i
                number = typed & (letter == ord("n")) & (next_byte == _QUOTE)
                if not (shared | inline | number | ~typed).all():
                    raise Declined("booleans, errors, dates or formula texts")
                kind[shared] = _SHARED
                kind[inline] = _INLINE
            active = ~done  # cells without (more) attributes are not searched
            pos = pos.copy()
            pos[active] = _closing_quote(buf, pos[active] + 4, 12) + 1
        else:
            if not ((buf[pos] == _GT) | (buf[pos] == _SLASH)).all():
                raise Declined("too many cell attributes")
        if not (pos == np.where(closed, tag_end - 1, tag_end)).all():
            raise Declined("unexpected cell tag")
        # values: <v>…</v> or <is><t>…</t></is> right after the cell tag (tags by index)
        nb1, nb2 = b1[cell_i + 1], b2[cell_i + 1]
        has_v = ~closed & (nb1 == ord("v")) & (nb2 == _GT)
        has_is = ~closed & (nb1 == ord("i")) & (nb2 == ord("s"))
        t_at = lt[cell_i + 2]
        tb1, tb2 = b1[cell_i + 2], b2[cell_i + 2]
        has_t = has_is & (tb1 == ord("t")) & (tb2 == _GT)
        spaced = has_is & (tb1 == ord("t")) & (tb2 == _SPACE)
        if spaced.any() and not _at(buf, t_at[spaced], b'<t xml:space="preserve">').all():
            raise Declined("unexpected text attributes")
        empty_tag = ~closed & (nb1 == _SLASH) & (nb2 == ord("c"))
        valued = has_v | has_t | spaced
        if not (closed | valued | empty_tag).all():
            raise Declined("rich text or unexpected cell content")
        if ((kind == _INLINE) & has_v).any() or ((kind != _INLINE) & has_is).any():
            raise Declined("unexpected value element")
        start = np.where(has_v, after + 3, np.where(has_t, t_at + 3, t_at + 24))
        end = np.where(has_v, t_at, lt[cell_i + 3])
        kind = np.where(valued, kind, _EMPTY).astype(np.int8)
        code = np.full(len(cell_pos), -1, dtype=np.int64)
        value = np.full(len(cell_pos), np.nan)
        numeric = (kind == _NUMBER) | (kind == _SHARED)
        if numeric.any():
            value[numeric] = _read_numbers(_gather(buf, start[numeric], end[numeric]),
                                           int(np.count_nonzero(numeric)))
        shared = kind == _SHARED
        if shared.any():
            idx = value[shared]
            if (idx != np.floor(idx)).any() or idx.min() < 0 or idx.max() >= len(self.shared):
                raise Declined("shared text index out of range")
            idx = idx.astype(np.int64)
            for k in np.unique(idx[self.shared_code[idx] < 0]).tolist():
                self.shared_code[k] = self.code_of(self.shared[k])
            code[shared] = self.shared_code[idx]
            value[shared] = np.nan
        inline = kind == _INLINE
        if inline.any():
            cat_codes, cats = _read_texts(_gather(buf, start[inline], end[inline]),
                                          int(np.count_nonzero(inline)))
            mapped = np.array([self.code_of(unescape(t, _ENTITIES)) for t in cats],
                              dtype=np.int64)
            code[inline] = mapped[cat_codes]
        keep = (kind != _EMPTY) & (code != 0)  # empty cells and '' texts: the reader's None
        self.rows.append(row_num[owner][keep].astype(np.int32))
        self.cols.append(col[keep].astype(np.int16))
        self.codes.append(code[keep].astype(np.int32))
        self.values.append(value[keep])


def _closing_quote(buf: np.ndarray, start: np.ndarray, most: int) -> np.ndarray:
    """Position of the first '"' at or after each start (within `most` bytes)."""
    found = np.full(len(start), -1, dtype=np.int64)
    for k in range(most):
        found = np.where((found < 0) & (buf[start + k] == _QUOTE), start + k, found)
        if found.min() >= 0:
            return found
    raise Declined("attribute value too long")


def _gather(buf: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> bytes:
    """buf[lo:hi] for every span, each followed by b'\\n', as one bytes."""
    lengths = (hi - lo + 1).astype(np.int32)  # the '<' after each value becomes the break
    total = int(lengths.sum())
    ends = np.cumsum(lengths, dtype=np.int32)
    index = np.repeat(lo.astype(np.int32) - (ends - lengths), lengths)
    index += np.arange(total, dtype=np.int32)
    out = buf[index]
    out[ends - 1] = 10
    return out.tobytes()


def _read_numbers(data: bytes, expected: int) -> np.ndarray:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            frame = pd.read_csv(io.BytesIO(data), header=None, names=["v"], dtype=np.float64,
                                na_filter=False, skip_blank_lines=False, engine="c",
                                quoting=csv.QUOTE_NONE, sep="\x1f")
    except (ValueError, Warning, pd.errors.ParserError):
        raise Declined("number cells that are not plain numbers") from None
    values = frame["v"].to_numpy()
    if len(values) != expected or not np.isfinite(values).all():
        raise Declined("number cells that are not plain numbers")
    return values


def _read_texts(data: bytes, expected: int) -> tuple[np.ndarray, np.ndarray]:
    """(codes, distinct texts as written in the XML) of inline texts, in cell order."""
    if b"\r" in data or b"\x1f" in data or data.count(b"\n") != expected:
        raise Declined("line breaks in texts")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            frame = pd.read_csv(io.BytesIO(data), header=None, names=["t"], dtype="category",
                                na_filter=False, skip_blank_lines=False, engine="c",
                                quoting=csv.QUOTE_NONE, sep="\x1f", encoding="utf-8")
    except (ValueError, Warning, pd.errors.ParserError, UnicodeError):
        raise Declined("texts not readable") from None
    cat = frame["t"].array
    if len(cat) != expected:
        raise Declined("line breaks in texts")
    if not pd.api.types.is_string_dtype(cat.categories.dtype):
        raise Declined("texts read as numbers")
    return np.asarray(cat.codes, dtype=np.intp), np.asarray(cat.categories, dtype=object)


def _shared_strings(zf: zipfile.ZipFile, name: str | None) -> list[str]:
    if not name:
        return []
    from defusedxml import ElementTree

    root = ElementTree.fromstring(zf.read(name))
    out = []
    for si in root:
        parts = list(si)
        if len(parts) != 1 or parts[0].tag.rsplit("}", 1)[-1] != "t":
            raise Declined("rich or phonetic shared texts")
        out.append(parts[0].text or "")
    return out


class XlsxSource:
    """A plain .xlsx sheet parsed into cell arrays; the head rows as the row-wise reader
    makes them (fast_path.ColumnSource)."""

    def __init__(self, grid: RawGrid, table: dict) -> None:
        self.grid = grid
        self._table = table

    def can_read(self, plan) -> str | None:
        whole = len(self.grid.rows) >= len(self._table["row_numbers"])
        return COLUMN_ENGINE.can_read(plan, self.grid) or head_covers(self.grid, plan, whole)

    def load(self, plan, progress: Progress) -> ColumnTable:
        return _columns(self, plan)


def open_xlsx(path: Path, options: ReadOptions, progress: Progress | None = None
              ) -> XlsxSource:
    from desktop.importers.sniff import xlsx_name_issues
    from desktop.importers.zip_safety import open_package

    progress = progress or NullProgress()
    file = path.name
    # raises for bombs, DTDs, damage; a big only sheet is checked here while it streams
    package = open_package(path, file, progress, defer_sheets=True)
    progress.report(0.03, "package checked")
    if len(package.sheets) != 1:
        raise Declined("several sheets")
    entry = package.sheets[0]
    if options.sheet is not None and options.sheet != entry.name:
        raise Declined("sheet chosen")
    if entry.state != "visible" or not entry.member:
        raise Declined("hidden sheet")
    deferred = entry.member in package.deferred
    scan = package.scans.get(entry.member)
    if not deferred and (scan is None or scan.formulas or scan.merged or scan.bad_numbers
                         or scan.unlocated or scan.prefix):
        raise Declined("formulas, merged cells or unusual XML")
    if scan is not None and (scan.hidden_rows or scan.hidden_columns or scan.percent):
        raise Declined("hidden rows or columns, or percent-formatted cells")
    if package.date_styles or package.text_needs_cleaning:
        raise Declined("date styles or text needing clean-up")
    with zipfile.ZipFile(path) as zf:
        cells = _Cells(_shared_strings(zf, package.shared_strings))
        with zf.open(entry.member) as raw:
            stream = _CheckedStream(raw, package.percent_styles) if deferred else raw
            _stream_rows(stream, cells, progress)
            if deferred:
                stream.drain()
    if not cells.rows:
        raise Declined("no cells")
    rows = np.concatenate(cells.rows)
    cols = np.concatenate(cells.cols)
    codes = np.concatenate(cells.codes)
    values = np.concatenate(cells.values)
    del cells.rows, cells.cols, cells.codes, cells.values
    check_cancelled(progress)
    if not len(rows):
        raise Declined("no values")
    # rows with a value, in sheet order (the row-wise reader leaves empty rows out)
    change = np.flatnonzero(rows[1:] != rows[:-1]) + 1
    live_rows = rows[np.r_[0, change]].astype(np.int64)
    if (np.diff(live_rows) <= 0).any():
        raise Declined("rows out of order")
    row_index = np.zeros(len(rows), dtype=np.int32)
    row_index[change] = 1
    row_index = np.cumsum(row_index, dtype=np.int32)
    width = int(cols.max()) + 1
    flat = row_index.astype(np.int64) * width + cols
    if (np.diff(flat) <= 0).any():
        raise Declined("cells out of order")
    del flat
    uniques = np.empty(len(cells.texts) + 1, dtype=object)
    uniques[: len(cells.texts)] = cells.texts
    uniques[len(cells.texts)] = None  # an empty cell
    table = {
        "row_numbers": live_rows, "width": width, "row_index": row_index, "cols": cols,
        "code": codes, "value": values, "uniques": uniques, "none": len(cells.texts),
    }
    grid = _head_grid(table, file, entry.name)
    grid.issues += xlsx_name_issues(file, path.suffix.lower())
    return XlsxSource(grid, table)


class _CheckedStream:
    """A sheet part read once for two jobs: what zip_safety checks in the parts it scans
    (DTDs, text needing clean-up) and what this reader cannot take (merged cells, hidden
    rows or columns, percent-formatted cells, comments) decline as the chunks go by; the
    row parser itself declines formulas and unusual cells. Declining hands the file to the
    row-wise reader, which scans the whole package again before calamine sees it."""

    #: a namespace prefix on the root: the row parser reads unprefixed tags only
    _HEAD = (b":worksheet",)

    def __init__(self, raw, percent_styles: frozenset[int]) -> None:
        from desktop.importers.zip_safety import percent_pattern

        self._raw = raw
        self._tail = b""
        self._first = True
        self._percent = percent_pattern(percent_styles)

    def read(self, size: int = -1) -> bytes:
        chunk = self._raw.read(size)
        if chunk:
            self._check(chunk)
            self._check(self._tail + chunk[:64])  # markers cut by the chunk edge
            self._tail = chunk[-64:]
        return chunk

    def _check(self, data: bytes) -> None:
        from desktop.importers.zip_safety import cleaning_needed_in

        if self._first:
            self._first = False
            if any(marker in data[:65536] for marker in self._HEAD):
                raise Declined("namespace prefixes")
        rare = cleaning_needed_in(data)
        if rare is None:
            raise Declined("text needing clean-up")
        if b"!" in rare and b"<!" in data:
            raise Declined("declarations, comments or CDATA in the sheet")
        if b"hidden" in data:
            raise Declined("hidden rows")
        if self._percent is not None and self._percent.search(data):
            raise Declined("percent-formatted cells")

    def drain(self) -> None:
        """The rest of the part after the rows: merged cells are listed there."""
        rest = b"".join(iter(lambda: self.read(_CHUNK), b""))
        if b"mergeCell" in self._tail + rest:
            raise Declined("merged cells")


def _stream_rows(stream, cells: _Cells, progress: Progress) -> None:
    carry = b""
    started = False
    while True:
        chunk = stream.read(_CHUNK)
        buffer = carry + chunk
        if not started:
            at = buffer.find(b"<sheetData")
            if at < 0:
                if not chunk:
                    return
                carry = buffer[-64:]
                continue
            close = buffer.find(b">", at)
            if close < 0:
                carry = buffer
                continue
            if buffer[close - 1:close] == b"/":
                return  # <sheetData/>
            buffer = buffer[close + 1:]
            started = True
        end = buffer.find(b"</sheetData>")
        if end >= 0:
            cells.parse(buffer[:end] + b"\0" * 64, end)
            return
        if not chunk:
            raise Declined("sheet XML ends early")
        cut = buffer.rfind(b"</row>")
        if cut < 0 or len(buffer) - cut < 64 + 6:
            carry = buffer
            continue
        cut += 6
        cells.parse(buffer, cut)
        carry = buffer[cut:]
        check_cancelled(progress)


def _head_grid(table: dict, file: str, sheet: str) -> RawGrid:
    """The first HEAD_ROWS rows as the row-wise reader makes them."""
    count = min(len(table["row_numbers"]), HEAD_ROWS)
    width = table["width"]
    rows: list[list] = [[None] * width for _ in range(count)]
    in_head = np.flatnonzero(table["row_index"] < count)
    uniques, none = table["uniques"], table["none"]
    for p in in_head.tolist():
        r, c = int(table["row_index"][p]), int(table["cols"][p])
        k = int(table["code"][p])
        rows[r][c] = uniques[k] if k >= 0 and k != none else float(table["value"][p])
    return RawGrid(file=file, rows=rows, row_numbers=table["row_numbers"][:count].tolist(),
                   sheet=sheet, issues=[])


def _coded(n: int, at: np.ndarray, codes: np.ndarray, values: np.ndarray, uniques: np.ndarray,
           none: int) -> Coded:
    """A text column (city, indicator, year, unit): texts, numbers (as calamine's floats) and
    empty cells (None), as codes into distinct raw cells."""
    column_codes = np.full(n, none, dtype=np.intp)
    column_codes[at] = codes
    numeric = codes < 0
    if not numeric.any():
        return Coded(column_codes, uniques)
    number_codes, distinct = pd.factorize(values[numeric])
    extra = np.empty(len(distinct), dtype=object)
    extra[:] = [float(v) for v in distinct]
    column_codes[at[numeric]] = len(uniques) + number_codes
    return Coded(column_codes, np.concatenate([uniques, extra]))


def _columns(source: XlsxSource, plan) -> ColumnTable:
    table = source._table
    first = plan.first_data_row
    n = len(table["row_numbers"]) - first
    reason = source.can_read(plan)
    if reason:
        raise Declined(reason)
    vcols = value_columns(plan)
    in_body = table["row_index"] >= first
    rows = table["row_index"][in_body] - first
    cols = table["cols"][in_body]
    codes = table["code"][in_body]
    values = table["value"][in_body]
    uniques, none = table["uniques"], table["none"]
    columns: dict = {}
    for c in needed_columns(plan):
        mine = cols == c
        at = rows[mine]
        if c in vcols:
            column_values = np.full(n, np.nan)
            column_values[at] = values[mine]
            present = np.zeros(n, dtype=bool)
            present[at] = True
            texts = np.full(n, -1, dtype=np.intp)
            texts[at] = codes[mine]

            def raw(positions: np.ndarray, vals=column_values, txt=texts) -> list:
                out = []
                for p in positions.tolist():
                    k = int(txt[p])
                    if k >= 0:
                        out.append(uniques[k])
                    elif np.isnan(vals[p]):
                        out.append(None)
                    else:
                        out.append(float(vals[p]))
                return out

            columns[c] = Numbers(column_values, raw, None, ~present)
        else:
            columns[c] = _coded(n, at, codes[mine], values[mine], uniques, none)
    row_numbers = np.asarray(table["row_numbers"][first:], dtype=np.int64)
    return ColumnTable(source.grid, n, row_numbers, columns)


__all__ = ["ImportRejectedError", "Issue", "open_xlsx"]
