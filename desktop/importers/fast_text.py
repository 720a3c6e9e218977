"""Delimited text straight into columns (pandas' C parser), for the fast path.

Eligibility is decided on the bytes, cheaply: UTF-8 (with or without BOM) or GBK/GB18030
(decoded as text_reader.decode would, then re-encoded as UTF-8), line ends LF or CRLF
throughout, no NUL/VT/FF bytes (controls elsewhere are found on the distinct texts), decimal
point (decided by the head and re-checked on every value text of the file: a decimal comma
found below the head declines); quotes only at field edges and never around a line break
(so every line is one record; delimiters inside quotes are located and discounted). The
first HEAD_ROWS lines are read by the row-wise reader (text_reader.read_text), which detects
delimiter, decimal mark and encoding exactly as it would for the whole file, and give the
TablePlan; meanwhile a thread reads the whole file. Then, given the plan:

- structure: the data lines must hold exactly width−1 delimiters each (outside quotes). The
  total count is checked on the bytes, a block at a time; pandas raises on any line with more
  fields, so (totals equal) no line has fewer either. This runs while pandas parses the
  data in up to 4 ranges in threads, one per idle core (its C parser releases the GIL
  while it tokenizes; on busy cores one thread is faster, see `parsing_threads`). Blank
  lines are kept as rows (skip_blank_lines=False), so the row count equals the line count
  and row i is line first+i: source rows stay exact.
- pandas.read_csv: text columns as categoricals (codes + distinct texts; the year column
  against the known year texts, so '02016' never turns into 2016; city codes as plain text,
  so '0210100' stays itself), value columns as float64 with only '' as missing; a value
  column with other text comes back as strings and goes through numbers.parse_values like
  the row-wise path.
- footnotes at the end: the last lines are read row-wise and must not look like notes.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
import unicodedata
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

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
from desktop.importers.model import ImportRejectedError, RawGrid, ReadOptions
from desktop.importers.records import needed_columns, value_columns
from desktop.importers.text_hygiene import CONTROL_RE

_TAIL_LINES = 50
_HEAD_BLOCK = 1 << 20  # bytes read first, for the head (the rest is read meanwhile)
#: delimiters that no byte of a GB multi-byte character can be mistaken for (all below 0x40)
_GB_SAFE_DELIMITERS = (",", ";", "\t")
_MAX_THREADS = 4
_CHUNK_MIN = 2 * 1024 * 1024  # bytes per parsing thread, at least
_MAX_FIELD_CHARS = 10_000
_YEAR_TEXTS = [str(y) for y in range(1800, 2201)]


class TextSource:
    """A delimited text file: its head read row-wise, the rest read by pandas once the plan
    is known (fast_path.ColumnSource)."""

    def __init__(self, path: Path, stamp: tuple[int, int], block: bytes, head: bytes,
                 start: int, grid: RawGrid, whole: bool, guessed: bool = True) -> None:
        self.path, self._stamp, self._block, self._head = path, stamp, block, head
        self._guessed = guessed
        self.start, self.grid, self.whole = start, grid, whole

    def content(self) -> _Content:
        """The whole file as UTF-8: big UTF-8 files stay on disk and are read by range."""
        size = self._stamp[0]
        if self.grid.encoding == "utf-8":
            if len(self._block) == size:
                return _Content(self.path, self._stamp, self._block)
            return _Content(self.path, self._stamp)
        data = self._block if len(self._block) == size else _Content(
            self.path, self._stamp).all()
        if not data.startswith(self._head):
            raise Declined("the file changed while it was read")
        data = _to_utf8(data, self.grid.encoding, self._guessed)
        return _Content(None, (len(data), 0), data)

    @property
    def head(self) -> bytes:
        return self._head

    def can_read(self, plan) -> str | None:
        return COLUMN_ENGINE.can_read(plan, self.grid) or head_covers(self.grid, plan,
                                                                      self.whole)

    def load(self, plan, progress: Progress) -> ColumnTable:
        return _load(self, plan, progress)


def _to_utf8(data: bytes, encoding: str, guessed: bool) -> bytes:
    """A GB-encoded file as UTF-8, decoded as the row-wise reader decodes it (text_reader.decode:
    the whole file, and when the encoding was guessed, only if it reads as Chinese). Line breaks,
    delimiters, quotes and control bytes are the same bytes in both (GB multi-byte sequences
    use none of them), so lines and fields stay where they were."""
    from desktop.importers.text_reader import plausible_chinese

    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise Declined(f"not {encoding} throughout") from None
    if text.startswith("\ufeff") or (guessed and not plausible_chinese(text)):
        raise Declined(f"not plainly {encoding}")
    return text.encode("utf-8")


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


class _Content:
    """The bytes of the table: in memory (small or re-encoded files), or on disk, read by range
    (no file-sized copy: each parsing thread reads its own lines, the structure check reads
    blocks; only the careful paths for odd cells read everything)."""

    def __init__(self, path: Path | None, stamp: tuple[int, int],
                 data: bytes | None = None) -> None:
        self.path, self.stamp, self._data = path, stamp, data
        self.size = stamp[0] if data is None else len(data)

    def all(self) -> bytes:
        if self._data is None:
            assert self.path is not None
            try:
                data = self.path.read_bytes()
            except OSError as exc:
                raise Declined(f"file not readable ({exc})") from None
            if len(data) != self.size:
                raise Declined("the file changed while it was read")
            self._data = data
        return self._data

    def unchanged(self) -> None:
        if self.path is not None and self._data is None and _stamp(self.path) != self.stamp:
            raise Declined("the file changed while it was read")

    def reader(self, lo: int, hi: int):
        """A file object over bytes lo..hi, for pandas."""
        if self._data is not None:
            return _ByteView(memoryview(self._data)[lo:hi])
        assert self.path is not None
        return _FileRange(self.path, lo, hi)

    def read(self, lo: int, hi: int) -> bytes:
        if self._data is not None:
            return self._data[lo:hi]
        assert self.path is not None
        with self.path.open("rb") as stream:
            stream.seek(lo)
            return stream.read(max(hi - lo, 0))

    def blocks(self, lo: int, block: int):
        """(offset, buffer, start, end) for lo..the end: bytes `offset`.. are buffer[start:end]
        (one reused buffer when read from disk)."""
        if self._data is not None:
            for at in range(lo, len(self._data), block):
                yield at, self._data, at, min(at + block, len(self._data))
            return
        assert self.path is not None
        buffer = bytearray(min(block, max(self.size - lo, 1)))
        with self.path.open("rb", buffering=0) as stream:
            stream.seek(lo)
            at = lo
            while at < self.size:
                got = stream.readinto(buffer)
                if not got:
                    raise Declined("the file changed while it was read")
                yield at, buffer, 0, got
                at += got

    def next_break(self, pos: int) -> int:
        """Offset just after the first line break at or after pos (size when none)."""
        step = 1 << 16
        while pos < self.size:
            window = self.read(pos, pos + step)
            found = window.find(b"\n")
            if found >= 0:
                return pos + found + 1
            pos += len(window)
            if not window:
                break
        return self.size


class _FileRange:
    """A read-only file object over one range of a file (for one parsing thread)."""

    def __init__(self, path: Path, lo: int, hi: int) -> None:
        self._stream = path.open("rb")
        self._stream.seek(lo)
        self._left = hi - lo

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0 or size > self._left:
            size = self._left
        if not size:
            return b""
        block = self._stream.read(size)
        self._left -= len(block)
        return block

    def close(self) -> None:
        self._stream.close()


def open_text(path: Path, options: ReadOptions, progress: Progress | None = None) -> TextSource:
    from desktop.importers import text_reader
    from desktop.importers.sniff import TEXT_EXTENSIONS, extension_mismatch

    progress = progress or NullProgress()
    file = path.name
    suffix = path.suffix.lower()
    stamp = _stamp(path)
    size = stamp[0]
    if size > text_reader.MAX_TEXT_BYTES:
        raise Declined("too large")
    if options.encoding and options.encoding.replace("_", "-").lower() not in (
            "utf-8", "utf8", "utf-8-sig") and _gb_name(options.encoding) is None:
        raise Declined("encoding chosen")
    if options.decimal not in (None, "."):
        raise Declined("decimal comma")
    with path.open("rb") as stream:  # the head, from the first block (or the whole file)
        block = stream.read(_HEAD_BLOCK if size > 2 * _HEAD_BLOCK else size + 1)
    start = 3 if block.startswith(b"\xef\xbb\xbf") else 0
    if block.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Declined("UTF-16")
    check_cancelled(progress)
    # the head: HEAD_ROWS lines, read row-wise
    cut = _head_end(block)
    if cut < 0 and len(block) < size:  # long lines: the head needs more than the block
        block = _Content(path, stamp).all()
        cut = _head_end(block)
    head = block if cut < 0 else block[: cut + 1]
    if b"\x00" in head or b"\x0b" in head or b"\x0c" in head:
        raise Declined("control bytes")
    try:
        issues = [] if suffix in TEXT_EXTENSIONS or suffix == "" else [
            extension_mismatch(file, suffix, "delimited text (CSV)", "CSV text")]
        grid = text_reader.read_text(head, file, options, NullProgress(), suffix, issues)
    except ImportRejectedError:
        raise Declined("head not readable as a table") from None
    except UnicodeError:
        raise Declined("head not UTF-8") from None
    if grid.encoding != "utf-8" and (_gb_name(grid.encoding) is None
                                     or grid.delimiter not in _GB_SAFE_DELIMITERS):
        raise Declined(f"encoding {grid.encoding}")
    if any(issue.code not in ("extension_mismatch", "decimal_mark") for issue in grid.issues):
        raise Declined("text hygiene needed")
    if grid.decimal != ".":
        raise Declined("decimal comma")
    if len(grid.delimiter) != 1:
        raise Declined("delimiter")
    return TextSource(path, stamp, block, head, start, grid, cut < 0 or cut + 1 == size,
                      guessed=not options.encoding)


def _gb_name(encoding: str) -> str | None:
    """The codec name of a GB encoding (GBK, GB2312, GB18030), None for any other."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    return name if name in ("gb18030", "gbk", "gb2312") else None


def _head_end(data: bytes) -> int:
    """Offset of the line break that ends the HEAD_ROWS-th line, -1 when there are fewer."""
    cut = -1
    for _ in range(HEAD_ROWS):
        cut = data.find(b"\n", cut + 1)
        if cut < 0:
            break
    return cut


def _line_offset(data: bytes, line: int) -> int:
    """Byte offset where 1-based `line` starts."""
    pos = 0
    for _ in range(line - 1):
        pos = data.find(b"\n", pos) + 1
        if pos == 0:
            raise Declined("line beyond the end")
    return pos


def _load(source: TextSource, plan, progress: Progress) -> ColumnTable:
    grid = source.grid
    delim = grid.delimiter
    first = plan.first_data_row
    reason = head_covers(grid, plan, source.whole)
    if reason:
        raise Declined(reason)
    first_line = grid.row_numbers[first]
    content = source.content()
    # (the head is the file's first bytes, unless the file was re-encoded)
    begin = _line_offset(source.head if grid.encoding == "utf-8" else content.all(),
                         first_line)
    if begin < source.start:
        raise Declined("byte-order mark on a data line")
    width = len(plan.columns)
    vcols = value_columns(plan)
    wanted = needed_columns(plan)
    year_cols = {c.index for c in plan.columns if c.role == "year"}
    code_cols = {c.index for c in plan.columns if c.role == "city_code"}
    dtypes: dict[int, object] = {}
    for c in wanted:
        if c in vcols:
            continue
        if c in code_cols:  # '0210100' must stay text: as category it would become a number
            dtypes[c] = str
        elif c in year_cols:
            head_years = {str(r[c]) for r in grid.rows[first:] if c < len(r)}
            cats = pd.Index(sorted(set(_YEAR_TEXTS) | head_years), dtype=object)
            dtypes[c] = pd.CategoricalDtype(cats)
        else:
            dtypes[c] = "category"
    lazy = _Lines(content, begin, delim, width)
    bounds = _chunks(content, begin)
    with ThreadPoolExecutor(max_workers=len(bounds)) as pool:
        parsing = [pool.submit(_read_csv, content, b, delim, width, wanted, dtypes, vcols)
                   for b in bounds]
        # structure checks here (numpy, releasing the GIL) while pandas parses the chunks
        try:
            lines = lazy.check_structure()
        finally:
            parts = [job.result() for job in parsing]
        if any(part is None for part in parts) and year_cols:
            # a year text outside the known ones: read years as plain text (numbers-only
            # years then come back as numbers and decline in _coded_column)
            for c in year_cols:
                dtypes[c] = "category"
            parts = list(pool.map(lambda b: _read_csv(content, b, delim, width, wanted, dtypes,
                                                      vcols), bounds))
    content.unchanged()
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
    marks: list[str] = []  # value texts with a comma or a point, for the decimal mark
    for c in wanted:
        if c in vcols:
            columns[c] = _value_column([part[c] for part in parts], c, lazy, marks)
        else:
            columns[c] = _coded_column([part[c] for part in parts], c)
    _settle_decimal(grid, first, marks, lambda: any(
        _has_decimals(col.values) for col in columns.values() if isinstance(col, Numbers)))
    if any(isinstance(col, Numbers) for col in columns.values()):
        lazy.others = {c: col for c, col in columns.items() if isinstance(col, Coded)}
    _check_tail(content, delim, plan)
    row_numbers = np.arange(first_line, first_line + n, dtype=np.int64)
    return ColumnTable(grid, n, row_numbers, columns)


def parsing_threads(cores: int, load: float | None) -> int:
    """Threads to parse with: one per idle core, at most _MAX_THREADS. `load`: the 1-minute
    load average, this import counted in it as one (None: unknown, every core idle). On
    cores other programs keep busy, more threads only wait for the cores and for each other
    (pandas holds the GIL between its blocks): measured slower, not faster (issue 14)."""
    busy = 0 if load is None else max(0, int(load) - 1)
    return max(1, min(cores - busy, _MAX_THREADS))


def _load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # not on Windows; unknown
        return None


def _chunks(content: _Content, begin: int) -> list[tuple[int, int]]:
    """Byte ranges of whole lines, one per parsing thread (a quoted line break makes the
    structure check decline, so any line break ends a record)."""
    threads = parsing_threads(os.cpu_count() or 1, _load_average())
    size = content.size - begin
    threads = 1 if size < _CHUNK_MIN * 2 else min(threads, size // _CHUNK_MIN)
    cuts = [begin]
    for k in range(1, threads):
        cut = content.next_break(begin + size * k // threads)
        if cut <= cuts[-1] or cut >= content.size:
            break
        cuts.append(cut)
    cuts.append(content.size)
    return list(itertools.pairwise(cuts))


def _read_csv(content: _Content, bounds: tuple[int, int], delim: str, width: int,
              wanted: list[int], dtypes: dict, vcols: list[int]) -> pd.DataFrame | None:
    """One range of lines (quotes as CSV has them: a file without any reads the same; one
    with quotes only where the structure check allows them).

    pandas converts the range in blocks (low_memory: about a tenth less work than the whole
    range at once, in cache). A value column whose blocks come back as different types
    (numbers in one, text in another) warns; the range is then read again at once, so the
    column comes back as text throughout and goes the per-cell way, as before."""
    for low_memory in (True, False):
        try:
            return _read_range(content, bounds, delim, width, wanted, dtypes, vcols, low_memory)
        except pd.errors.DtypeWarning:
            continue
        except (Warning, ValueError, pd.errors.ParserError, UnicodeError, OSError):
            return None
    return None


def _read_range(content: _Content, bounds: tuple[int, int], delim: str, width: int,
                wanted: list[int], dtypes: dict, vcols: list[int], low_memory: bool
                ) -> pd.DataFrame:
    lo, hi = bounds
    source = content.reader(lo, hi)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return pd.read_csv(
                source, sep=delim, header=None,
                names=list(range(width)), index_col=False,
                usecols=wanted, dtype={c: t for c, t in dtypes.items() if c in wanted},
                keep_default_na=False, na_values={c: [""] for c in vcols},
                quoting=csv.QUOTE_MINIMAL, quotechar='"',
                doublequote=True, skip_blank_lines=False, encoding="utf-8",
                engine="c", low_memory=low_memory,
            )
    finally:
        if hasattr(source, "close"):
            source.close()


class _ByteView:
    """A read-only file over bytes already in memory. pandas reads it in blocks; io.BytesIO
    over a memoryview would copy the whole range first (and reads slower)."""

    def __init__(self, view: memoryview) -> None:
        self._view, self._pos = view, 0

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view),
                                                                    self._pos + size)
        block = bytes(self._view[self._pos:end])
        self._pos = end
        return block


class _Lines:
    """Raw text of single cells, found on demand (only for cells the per-cell path needs)."""

    def __init__(self, content: bytes | _Content, begin: int, delim: str, width: int) -> None:
        if isinstance(content, bytes):
            content = _Content(None, (len(content), 0), content)
        self.content, self.begin, self.delim, self.width = content, begin, delim, width
        self.n = 0
        self._breaks: np.ndarray | None = None
        self._delims: np.ndarray | None = None
        self.quoted = False  # any quote in the data (found by check_structure)
        self.others: dict[int, Coded] = {}  # text columns, for field lengths
        self._longest: int | None = None  # bytes of the longest line (CR included)

    @property
    def data(self) -> bytes:
        """Every byte of the file (read only for the careful paths)."""
        return self.content.all()

    def check_structure(self) -> int | None:
        """Data lines, or None when some line has a different number of delimiters (checked
        in total here; pandas refuses a line with too many, so none has too few).

        Quoted fields are allowed when every quote stands at a field's edge (or doubles
        another) and no line break is quoted: then a delimiter between an odd and an even
        quote is text, all others separate fields, and every line is one record."""
        breaks, delims, self._longest, ends_with_break = self._scan()
        lines = breaks + (0 if ends_with_break else 1)
        if not self.quoted:
            if delims != lines * (self.width - 1):
                return None
            self.n = lines
            return lines
        region = np.frombuffer(self.data, dtype=np.uint8)[self.begin:]
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

    def _scan(self, block: int = 1 << 20) -> tuple[int, int, int, bool]:
        """(line breaks, delimiters, longest line, whether the data ends with a line break),
        a block at a time (no file-sized arrays: fresh memory costs more than the counting).
        Declines on NUL/VT/FF bytes and on a CR that is not before a LF; notes quotes."""
        size = self.content.size
        found = np.empty(min(block, max(size - self.begin, 1)), dtype=bool)
        breaks = delims = longest = 0
        last = self.begin - 1
        carriage = pairs = 0
        ends_with_cr = ends_with_break = False
        for at, buffer, lo, hi in self.content.blocks(self.begin, block):
            if buffer.find(b"\x00", lo, hi) >= 0 or buffer.find(b"\x0b", lo, hi) >= 0 or \
                    buffer.find(b"\x0c", lo, hi) >= 0:
                raise Declined("control bytes")
            if not self.quoted and buffer.find(b'"', lo, hi) >= 0:
                self.quoted = True
            if buffer.find(b"\r", lo, hi) >= 0 or ends_with_cr:
                carriage += buffer.count(b"\r", lo, hi)
                pairs += buffer.count(b"\r\n", lo, hi) + (ends_with_cr and buffer[lo] == 10)
            ends_with_cr = buffer[hi - 1] == 13
            ends_with_break = buffer[hi - 1] == 10
            part = np.frombuffer(buffer, dtype=np.uint8, count=hi - lo, offset=lo)
            hit = found[: len(part)]
            np.equal(part, ord(self.delim), out=hit)
            delims += int(np.count_nonzero(hit))
            np.equal(part, 10, out=hit)
            hits = np.flatnonzero(hit)
            if len(hits):
                hits += at
                longest = max(longest, int(hits[0]) - last - 1)
                if len(hits) > 1:
                    longest = max(longest, int(np.diff(hits).max()) - 1)
                last = int(hits[-1])
                breaks += len(hits)
        if carriage != pairs:
            raise Declined("bare CR")
        return breaks, delims, max(longest, size - last - 1), ends_with_break

    def longest_line(self) -> int:
        if self._longest is None:
            edges = np.r_[self.begin - 1, self.breaks(), len(self.data)]
            self._longest = int(np.diff(edges).max()) - 1
        return self._longest

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
            byte_lens = [np.fromiter((len(str(t).encode("utf-8")) for t in coded.uniques),
                                     dtype=np.int64, count=len(coded.uniques))
                         for coded in self.others.values()]
            # at most: the longest line (its CR included) less the shortest other fields
            if self.longest_line() - (self.width - 1) - sum(int(b.min()) for b in byte_lens
                                                            if len(b)) <= 15:
                return np.ones(self.n, dtype=bool)
            starts, ends = self.line_ends()
            length = ends - starts - (self.width - 1)
            for coded, byte_len in zip(self.others.values(), byte_lens, strict=True):
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
    """The parts' categoricals as one column of codes (intp, made once) into the texts."""
    if all(p.dtype == object or pd.api.types.is_string_dtype(p.dtype) for p in parts) and \
            not any(isinstance(p.dtype, pd.CategoricalDtype) for p in parts):
        texts = np.concatenate([p.to_numpy(dtype=object, na_value=None) for p in parts])
        codes, uniques = pd.factorize(texts, use_na_sentinel=True)
        if len(codes) and codes.min() < 0:
            raise Declined("missing cells")
        uniques = np.asarray(uniques, dtype=object)
        if not all(type(u) is str for u in uniques):
            raise Declined(f"column {c} is not text")
        _clean_texts(uniques)
        return Coded(codes, uniques)
    if not all(isinstance(p.dtype, pd.CategoricalDtype) for p in parts):
        raise Declined("text column not categorical")
    arrays = [p.array for p in parts]
    for cat in arrays:
        cats = cat.categories
        if not pd.api.types.is_string_dtype(cats.dtype) or cats.inferred_type not in (
                "string", "empty"):
            raise Declined(f"column {c} reads as numbers")
        if len(cat) and cat.codes.min() < 0:
            raise Declined("missing cells")
    first = arrays[0].categories
    if all(cat.categories is first or cat.categories.equals(first) for cat in arrays[1:]):
        uniques = np.asarray(first, dtype=object)
        remaps = [None] * len(arrays)
    else:  # categories differ between parts: renumber into the union
        joined = np.concatenate([np.asarray(cat.categories, dtype=object) for cat in arrays])
        union_codes, uniques = pd.factorize(joined)
        uniques = np.asarray(uniques, dtype=object)
        bounds = np.cumsum([0] + [len(cat.categories) for cat in arrays])
        remaps = [union_codes[lo:hi] for lo, hi in itertools.pairwise(bounds.tolist())]
    _clean_texts(uniques)
    if len(arrays) == 1:
        return Coded(np.asarray(arrays[0].codes), uniques)
    # codes as small as they fit (int8/int16 mostly): less fresh memory to fill
    codes = np.empty(sum(len(cat) for cat in arrays), dtype=_code_dtype(len(uniques)))
    at = 0
    for cat, remap in zip(arrays, remaps, strict=True):
        part = cat.codes
        if remap is None:
            codes[at: at + len(part)] = part
        else:
            # (mode 'clip': unbuffered; the codes were checked to be valid)
            np.take(remap.astype(codes.dtype), part, out=codes[at: at + len(part)],
                    mode="clip")
        at += len(part)
    return Coded(codes, uniques)


def _code_dtype(count: int) -> np.dtype:
    for dtype in (np.int8, np.int16, np.int32):
        if count <= np.iinfo(dtype).max:
            return np.dtype(dtype)
    return np.dtype(np.intp)


def _has_decimals(values: np.ndarray) -> bool:
    """Any finite value with a fraction: it was written with a decimal point."""
    finite = values[np.isfinite(values)]
    return bool(len(finite)) and bool((finite != np.trunc(finite)).any())


def _settle_decimal(grid: RawGrid, first: int, marks: list[str],
                    point_numbers: Callable[[], bool]) -> None:
    """The decimal mark from every value of the file, as the row-wise reader decides it: the
    head decided '.', so a '1000,00' beyond it means this path would read it wrongly
    (declined); otherwise the head's report line is replaced by one counting the whole file.
    `point_numbers()`: whether a value read as a number has decimals ('3.5'); asked only
    when only '5,460'-like commas were found (it settles them as thousands)."""
    from desktop.importers.numbers import decide_decimal
    from desktop.importers.text_reader import decimal_issue, detect_decimal

    if not marks and not any(issue.code == "decimal_mark" for issue in grid.issues):
        return  # no value with a comma anywhere: nothing to decide or report
    head = detect_decimal(grid.rows[first:], grid.delimiter)
    choice = decide_decimal([[t] for t in marks])
    if choice.reason == "ambiguous" and point_numbers():
        choice = decide_decimal([[t] for t in marks], point_decimals=1)
    if choice.mark != grid.decimal:
        raise Declined("decimal comma beyond the head")
    if choice.reason == "ambiguous":  # name the first undecided cells, as found in the head
        choice = replace(choice, ambiguous=head.ambiguous)
    kept = [issue for issue in grid.issues if issue.code != "decimal_mark"]
    if choice.reason == "ambiguous" and not choice.ambiguous:
        raise Declined("undecided decimal commas beyond the head")
    issue = decimal_issue(choice, grid.rows[first:], grid.row_numbers[first:], grid.file,
                          grid.delimiter)
    grid.issues[:] = kept + ([issue] if issue is not None else [])


def _value_column(parts: list[pd.Series], c: int, lazy: _Lines,
                  marks: list[str] | None = None) -> Numbers:
    """float64 values; cells that came back as text are converted like the row-wise path
    does (pandas.to_numeric) and the ones that fail go through the per-cell path. Texts with
    a comma or a point are added to `marks` (they decide the decimal mark)."""
    values, empty = [], []
    for part in parts:
        kind = part.dtype.kind if isinstance(part.dtype, np.dtype) else "O"
        if kind in "fi":
            array = part.to_numpy(dtype=np.float64)
            values.append(array)
            # only '' is read as missing; a sum that is a number proves there is none
            empty.append(np.isnan(array) if np.isnan(np.add.reduce(array)) else None)
        elif kind == "b" or part.dtype == np.uint64:
            raise Declined("value column reads as booleans or huge integers")
        else:
            texts = part.to_numpy(dtype=object, na_value="")
            distinct = pd.unique(texts)
            _clean_texts(distinct)
            if marks is not None and any("," in t for t in distinct if isinstance(t, str)):
                marks.extend(t for t in texts if isinstance(t, str) and ("," in t or "." in t))
            values.append(np.asarray(pd.to_numeric(texts, errors="coerce"), dtype=np.float64))
            empty.append(texts == "")

    def raw(rows: np.ndarray, column=c) -> list:
        return lazy.cells(rows, column)

    def short(column=c) -> np.ndarray:
        return lazy.short(column)

    if all(e is None for e in empty):
        return Numbers(np.concatenate(values), raw, short, None)
    return Numbers(np.concatenate(values), raw, short, np.concatenate(
        [np.zeros(len(v), dtype=bool) if e is None else e for v, e in zip(values, empty,
                                                                          strict=True)]))


def _check_tail(content: _Content, delim: str, plan) -> None:
    """The row-wise path ends the table at footnote-like rows after the last number."""
    from desktop.importers.numbers import looks_numeric
    from desktop.importers.table import is_footnote, row_stats

    window = 1 << 16
    data = content.read(max(content.size - window, 0), content.size)
    if content.size > window and data.count(b"\n", 1) <= _TAIL_LINES + 1:
        data = content.all()  # long lines: look at the whole file
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
