"""Look inside an .xlsx/.xlsm package before any parser does: bombs, DTDs, sizes, formulas.

python-calamine aborts the whole process (exit 134, no exception) when a workbook makes it
allocate too much: a zip bomb, a value in XFD1048576 or a row numbered 999999999 (it allocates
the whole rectangle of cells up to the farthest value), or a sharedStrings uniqueCount that
lies (it reserves that many strings). Nothing here may expand an XML entity either. So every
package goes through `open_package` first:

1. the central directory: declared total size, per-member ratio (like Apache POI's
   ZipSecureFile), member count; refused at once if too big ('zip_bomb');
2. every XML part, and every part the workbook's relationships point at whatever its name,
   is inflated as a stream with a hard cap (a header that lies about sizes is caught too)
   and searched for `<!DOCTYPE` / `<!ENTITY` ('xml_entities_forbidden');
3. worksheets are measured: the rectangle from the nearest to the farthest cell holding a
   value (what calamine allocates), references outside Excel's grid, the `<dimension>` they
   declare; shared strings are counted against the count they declare ('too_large',
   'damaged_workbook');
4. worksheets are searched for what calamine's values do not show: formulas, merged ranges,
   NaN/INF number tokens, hidden rows and columns, percent-formatted cells. Plain pieces of
   a sheet are measured with numpy on the bytes; a piece that holds anything else goes
   through a tag tokenizer whose every match ends at the next '>', so the work is linear
   whatever the whitespace (`</c >`), quoting or namespace prefixes (`<x:c>`).

The small parts (workbook, relationships, styles) are then parsed with defusedxml.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import numpy as np
from defusedxml import ElementTree

from desktop.core.progress import Progress, check_cancelled
from desktop.importers.sniff import reject

MAX_TOTAL_UNCOMPRESSED = 500 * 1024 * 1024
MAX_RATIO = 100
RATIO_MIN_SIZE = 10 * 1024 * 1024
MAX_MEMBERS = 10_000
#: a single row of sheet XML longer than this is not a real spreadsheet row
MAX_ROW_BYTES = 64 * 1024 * 1024
#: Excel's grid
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384
#: cells calamine may allocate for one sheet (the rectangle of its values): a full-height
#: sheet of 19 columns; about 0.6 GB in calamine plus the Python rows made from it
MAX_CELLS = 20_000_000
#: shared strings a workbook may declare beyond those it holds (calamine reserves them)
SHARED_STRINGS_SLACK = 100_000
_CHUNK = 1 << 20
#: rows are measured (numpy) or tokenized in blocks of about this many bytes
_BLOCK = 1 << 16

_XML_SUFFIXES = (".xml", ".rels", ".vml")
_DTD_MARKERS = tuple(
    marker.encode(enc) for marker in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
    for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_NAME = rb"[A-Za-z_][\w.-]*"
#: the tags the tokenizer reads (start tags, and </c>): ends at the next '>', linear
_WANTED = re.compile(rb"<(?:(/)(?:" + _NAME + rb":)?c|(?:" + _NAME + rb":)?"
                     rb"(c|row|v|is|f|mergeCell|col|dimension|autoFilter|sheetPr))(?=[\s/>])"
                     rb"([^>]*)>")
#: any start or end tag; [^>]* stops at the tag's end, so every match is linear
_TAG = re.compile(rb"<(/?)(?:" + _NAME + rb":)?(" + _NAME + rb")([^>]*)>")
_ATTR = re.compile(rb"""(?:[\w.-]+:)?([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"([A-Z]{0,3})([0-9]{1,7})")
_ROW_END = re.compile(rb"</(?:" + _NAME + rb":)?row\s*>")
#: bytes that may follow '<' in a plain piece of a sheet: row, c, v, is, t and end tags;
#: anything else (formulas, merges, columns, comments, CDATA, prefixes) needs the tokenizer
_PLAIN_TAG = np.zeros(256, dtype=bool)
_PLAIN_TAG[list(b"rcvit/")] = True
_CELL_TAG_END = np.zeros(256, dtype=bool)
_CELL_TAG_END[[9, 10, 13, 32]] = True
#: first bytes of a NaN/INF token after <v> (after an optional sign or space)
_NAN_START = np.zeros(256, dtype=bool)
_NAN_START[list(b"nNiI")] = True
_SIGN_OR_SPACE = np.zeros(256, dtype=bool)
_SIGN_OR_SPACE[list(b"+- \t\r\n")] = True
_PREFIXED_ROOT = re.compile(rb"<(" + _NAME + rb"):worksheet\b")
_BAD_TOKEN = re.compile(rb"\s*[-+]?(?:nan|inf|infinity)\s*", re.I)
_SST_ATTRS = re.compile(rb"<(?:" + _NAME + rb":)?sst\b([^>]*)>")
_SI = re.compile(rb"<(?:" + _NAME + rb":)?si[\s/>]")
_WS = np.zeros(256, dtype=bool)
_WS[[9, 10, 13, 32]] = True
_IS_UPPER = np.zeros(256, dtype=bool)
_IS_UPPER[65:91] = True
_IS_DIGIT = np.zeros(256, dtype=bool)
_IS_DIGIT[48:58] = True
#: bytes that need a closer look: C0 controls, DEL, '!' (<!DOCTYPE), '#' (&#...;), '_'
#: (_x0007_ escapes) and the UTF-8 lead bytes of C1 controls, combining marks (\xcc \xcd),
#: general punctuation / bidi marks (\xe2) and BOM / CJK compatibility ideographs (\xef).
#: Everything else is deleted by one bytes.translate pass, which is much faster than
#: searching the chunk once per marker.
_RARE = bytes([*range(0, 9), 11, 12, *range(14, 32), 127]) + b"!#_\xc2\xcc\xcd\xe2\xef"
_COMMON_BYTES = bytes(b for b in range(256) if b not in _RARE)
_CLEAN_LEADS = b"!#_\xc2\xe2\xef"  # deleted: what is left then needs cleaning for sure
_C1_RE = re.compile(rb"\xc2[\x80-\x9f]")
_FORMAT_CHAR_RE = re.compile(rb"\xe2(?:\x80[\x8b\x8e\x8f\xaa-\xae]|\x81[\xa0\xa6-\xa9])")
_EF_RE = re.compile(rb"\xef(?:\xbb\xbf|[\xa4-\xab])")


@dataclass
class SheetScan:
    """What the worksheet XML says that calamine's values do not."""

    #: (cell ref, cached value text or None when the formula has no usable cached value)
    formulas: list[tuple[str, str | None]] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    #: numeric cells holding NaN / INF tokens: (cell ref, token)
    bad_numbers: list[tuple[str, str]] = field(default_factory=list)
    #: a formula or number cell without an r= reference could not be located
    unlocated: int = 0
    #: namespace prefix of the sheet's elements (b"x" for <x:worksheet>), b"" for none
    prefix: bytes = b""
    #: 1-based rows / columns marked hidden
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[int] = field(default_factory=list)
    #: numeric cells with a percent number format, 0-based (row, column)
    percent: list[tuple[int, int]] = field(default_factory=list)
    #: 1-based extent of the cells holding a value (what calamine allocates); 0 when none
    first_row: int = 0
    last_row: int = 0
    first_column: int = 0
    last_column: int = 0
    #: the <dimension ref> as written
    dimension: str = ""
    #: an AutoFilter is set: hidden rows may be rows the filter hides from view
    filtered: bool = False
    #: the first cell reference outside Excel's grid, if any
    outside: str = ""

    def extend(self, row: int, column: int) -> None:
        if not self.last_row:
            self.first_row = self.last_row = row
            self.first_column = self.last_column = column
            return
        self.first_row = min(self.first_row, row)
        self.last_row = max(self.last_row, row)
        self.first_column = min(self.first_column, column)
        self.last_column = max(self.last_column, column)

    @property
    def cells(self) -> int:
        """Cells in the rectangle of values (what calamine would allocate)."""
        if not self.last_row:
            return 0
        return ((self.last_row - self.first_row + 1)
                * (self.last_column - self.first_column + 1))


@dataclass
class SheetEntry:
    name: str
    state: str  # "visible" | "hidden" | "veryHidden"
    member: str | None


@dataclass
class Package:
    members: dict[str, zipfile.ZipInfo]
    sheets: list[SheetEntry]
    scans: dict[str, SheetScan]
    date_styles: bool
    date1904: bool
    shared_strings: str | None
    #: some text may hold control characters, bidi marks or non-NFC sequences
    text_needs_cleaning: bool
    #: cellXfs indices whose number format shows a percent
    percent_styles: frozenset[int] = frozenset()
    #: sheet parts left for the caller to check while it streams them (open_package's
    #: `defer_sheets`): they have no SheetScan
    deferred: frozenset[str] = frozenset()


def _check_directory(zf: zipfile.ZipFile, file: str) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise reject("zip_bomb", f"The workbook package has {len(infos):,} parts; refused as "
                     "a possible zip bomb.", file, members=len(infos))
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise reject("zip_bomb",
                     f"The workbook would unpack to {total / 2**20:,.0f} MB (limit "
                     f"{MAX_TOTAL_UNCOMPRESSED // 2**20} MB); refused as a possible zip bomb.",
                     file, uncompressed=total)
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_MIN_SIZE and ratio > MAX_RATIO:
            raise reject("zip_bomb",
                         f"A part of the workbook expands {ratio:,.0f} times (limit "
                         f"{MAX_RATIO}:1); refused as a possible zip bomb.", file,
                         ratio=round(ratio), part_size=info.file_size)
    return infos


def _is_xml(name: str) -> bool:
    return name.lower().endswith(_XML_SUFFIXES)


def column_number(letters: bytes | str) -> int:
    """'A' -> 1, 'XFD' -> 16384."""
    number = 0
    for ch in letters.encode() if isinstance(letters, str) else letters:
        number = number * 26 + ch - 64
    return number


def _letters(column: int) -> str:
    out = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _ATTR.finditer(raw)}


class _SheetReader:
    """The facts of one worksheet, piece by piece (each piece ends after a row)."""

    def __init__(self, scan: SheetScan, percent_styles: frozenset[int]) -> None:
        self.scan = scan
        self.percent_styles = percent_styles
        self.percent_re = percent_pattern(percent_styles)
        # tokenizer state, carried from piece to piece
        self.row = 0
        self.column = 0
        self.cell: tuple[int, int, bytes, int] | None = None  # row, column, type, style
        self.cell_valued = False
        self.formula = False
        self.value: bytes | None = None
        self.in_rows = False

    # ---------------------------------------------------------------- dispatch
    def feed(self, piece: bytes) -> None:
        if not piece:
            return
        if not self.in_rows:
            # the head (<worksheet>, <dimension>, <cols>, <sheetData>) is small: tokens
            at = re.search(rb"<(?:" + _NAME + rb":)?sheetData\b[^>]*>", piece)
            if at is None:
                self._tokens(piece)
                return
            self._tokens(piece[:at.end()])
            self.in_rows = True
            piece = piece[at.end():]
        if self.scan.prefix:
            self._tokens(piece)
            return
        # blocks of whole rows, so that a formula or a hidden row sends only its own block
        # of a few hundred rows to the tokenizer
        start, n = 0, len(piece)
        while start < n:
            stop = n
            if n - start > _BLOCK:
                end = _ROW_END.search(piece, start + _BLOCK)
                stop = end.end() if end else n
            self._block(piece[start:stop])
            start = stop

    def _block(self, block: bytes) -> None:
        special = b"hidden" in block or (self.percent_re is not None
                                         and self.percent_re.search(block) is not None)
        if special or not self._measure(block):
            self._tokens(block)

    # ------------------------------------------------------- numpy: plain pieces
    def _measure(self, piece: bytes) -> bool:
        """Extent of the valued cells of a plain piece (rows, cells, values) from its r=
        attributes. False, for the tokenizer, when the piece holds anything else (formulas,
        merges, NaN tokens, comments) or references it cannot read (spaced or single-quoted
        r=, cells or rows without r=: the counts of tags and references then differ)."""
        n = len(piece)
        buf = np.frombuffer(piece + b"\0" * 16, dtype=np.uint8)
        lt = np.flatnonzero(buf[:n] == 60)  # '<'
        b1, b2 = buf[lt + 1], buf[lt + 2]
        if not _PLAIN_TAG[b1].all():
            return False
        cell_tag = (b1 == 99) & _CELL_TAG_END[b2]  # '<c '
        if not (cell_tag | (b1 != 99)).all():
            return False  # <cols>, <c> without attributes, <c/>
        value_tag = (b1 == 118) & (b2 == 62)  # '<v>'
        if value_tag.any():
            v = lt[value_tag] + 3
            first, second = buf[v], buf[v + 1]
            if (_NAN_START[first] | (_SIGN_OR_SPACE[first] & (_NAN_START[second]
                                                             | _SIGN_OR_SPACE[second]))).any():
                return False
        rows_declared = int(np.count_nonzero((b1 == 114) & (b2 == 111)))  # '<ro'
        cells_declared = int(np.count_nonzero(cell_tag))
        eq = np.flatnonzero(buf[:n] == 61)  # '='
        eq = eq[eq >= 2]
        at = eq[(buf[eq - 1] == 114) & _WS[buf[eq - 2]] & (buf[eq + 1] == 34)]  # r="
        if not len(at):
            return not (rows_declared or cells_declared)
        start = at + 2
        letters = np.zeros(len(at), dtype=np.int64)
        count = np.zeros(len(at), dtype=np.int64)
        going = np.ones(len(at), dtype=bool)
        for k in range(4):
            ch = buf[start + k]
            up = going & _IS_UPPER[ch]
            if not up.any():
                break
            letters[up] = letters[up] * 26 + ch[up] - 64
            count += up
            going = up
        row = np.zeros(len(at), dtype=np.int64)
        digits = np.zeros(len(at), dtype=np.int64)
        going = np.ones(len(at), dtype=bool)
        at_digit = start + count
        for _ in range(9):
            ch = buf[at_digit]
            dg = going & _IS_DIGIT[ch]
            if not dg.any():
                break
            row[dg] = row[dg] * 10 + ch[dg] - 48
            digits += dg
            at_digit += dg
            going = dg
        ends = buf[start + count + digits]
        if not (ends == 34).all() or (digits == 0).any():
            return False  # an unusual reference: the tokenizer decides
        is_cell = count > 0
        if int(np.count_nonzero(is_cell)) != cells_declared or \
                int(np.count_nonzero(~is_cell)) != rows_declared:
            return False
        bad = (count > 3) | (digits > 7) | (row > MAX_ROWS) | (row < 1) | (letters > MAX_COLUMNS)
        if bad.any():
            k = int(np.flatnonzero(bad)[0])
            self.scan.outside = self.scan.outside or piece[start[k]:start[k] + count[k]
                                                           + digits[k]].decode("ascii")
            return True
        # a cell holds a value unless its tag closes at once (<c .../>) or an end tag
        # follows (</c>); read from the '<' of the next tag (text between tags: valued)
        cell_lt = np.flatnonzero(cell_tag)
        following = lt[np.minimum(cell_lt + 1, len(lt) - 1)]
        following[cell_lt + 1 >= len(lt)] = n
        closed = (buf[following - 1] == 62) & (buf[following - 2] == 47)
        valued = ~closed & (buf[following + 1] != 47)
        if len(valued) != int(np.count_nonzero(is_cell)):
            return False
        if valued.any():
            r = row[is_cell][valued]
            c = letters[is_cell][valued]
            self.scan.extend(int(r.min()), int(c.min()))
            self.scan.extend(int(r.max()), int(c.max()))
        rows = row[~is_cell]
        if len(rows):
            self.row = int(rows[-1])
        return True

    # ------------------------------------------------------------ the tokenizer
    def _tokens(self, piece: bytes) -> None:
        scan = self.scan
        for m in _WANTED.finditer(piece):
            closing, name, raw = m.groups()
            if closing:
                self._end_cell()
                continue
            if name == b"c":
                attrs = _attrs(raw)
                ref = attrs.get(b"r")
                if ref is not None:
                    where = self._locate(ref)
                    if where is None:
                        self.cell = None
                        continue
                    row, column = where
                else:
                    row, column = self.row, self.column + 1
                    if not row:
                        scan.unlocated += 1
                self.column = column
                try:
                    style = int(attrs.get(b"s", b"0"))
                except ValueError:
                    style = 0
                self.cell = (row, column, attrs.get(b"t", b"n"), style)
                self.cell_valued = False
                self.formula = False
                self.value = None
                if raw.rstrip().endswith(b"/"):
                    self._end_cell()
            elif name == b"row":
                attrs = _attrs(raw)
                ref = attrs.get(b"r")
                if ref is not None:
                    if not ref.isdigit() or len(ref) > 7 or not 1 <= int(ref) <= MAX_ROWS:
                        scan.outside = scan.outside or ref.decode("ascii", "replace")[:20]
                        self.row = 0
                    else:
                        self.row = int(ref)
                else:
                    self.row += 1
                self.column = 0
                if self.row and attrs.get(b"hidden", b"0").lower() in (b"1", b"true"):
                    scan.hidden_rows.append(self.row)
            elif self.cell is not None and name == b"is":
                self.cell_valued = True
            elif self.cell is not None and name == b"v" and not raw.rstrip().endswith(b"/"):
                self.cell_valued = True
                end = piece.find(b"<", m.end())
                self.value = piece[m.end():end if end >= 0 else len(piece)]
            elif self.cell is not None and name == b"f":
                self.formula = True
            elif name == b"mergeCell":
                ref = _attrs(raw).get(b"ref")
                if ref:
                    scan.merged.append(ref.decode("ascii", "replace"))
            elif name == b"col":
                attrs = _attrs(raw)
                if attrs.get(b"hidden", b"0").lower() in (b"1", b"true"):
                    try:
                        lo, hi = int(attrs.get(b"min", b"0")), int(attrs.get(b"max", b"0"))
                    except ValueError:
                        continue
                    lo, hi = max(lo, 1), min(hi, MAX_COLUMNS)
                    scan.hidden_columns.extend(range(lo, hi + 1) if hi - lo < 1000 else [lo])
            elif name == b"autoFilter" or (
                    name == b"sheetPr" and _attrs(raw).get(b"filterMode") in (b"1", b"true")):
                scan.filtered = True
            elif name == b"dimension":
                ref = _attrs(raw).get(b"ref")
                if ref:
                    scan.dimension = ref.decode("ascii", "replace")

    def _locate(self, ref: bytes) -> tuple[int, int] | None:
        m = _REF.fullmatch(ref)
        if not m or not m.group(1):
            self.scan.outside = self.scan.outside or ref.decode("ascii", "replace")[:20]
            return None
        row, column = int(m.group(2)), column_number(m.group(1))
        if not 1 <= row <= MAX_ROWS or column > MAX_COLUMNS:
            self.scan.outside = self.scan.outside or ref.decode("ascii")
            return None
        return row, column

    def _end_cell(self) -> None:
        cell, self.cell = self.cell, None
        if cell is None:
            return
        row, column, kind, style = cell
        located = row > 0
        if self.cell_valued and located:
            self.scan.extend(row, column)
        value = self.value
        if self.formula:
            if not located:
                self.scan.unlocated += 1
            else:
                text = value.decode("utf-8", "replace") if value is not None else None
                self.scan.formulas.append((f"{_letters(column)}{row}", text or None))
        if value is None or kind not in (b"n", b""):
            return
        if _BAD_TOKEN.fullmatch(value):
            if located:
                self.scan.bad_numbers.append((f"{_letters(column)}{row}",
                                              value.strip().decode("ascii", "replace")))
            else:
                self.scan.unlocated += 1
        elif style in self.percent_styles and located:
            self.scan.percent.append((row - 1, column - 1))


def _last_row_end(buffer: bytes) -> int:
    """Position just after the last row end tag (`</row>`, `</row >`, `</x:row>`), or -1."""
    for start in (max(0, len(buffer) - 65536), 0):
        last = -1
        for m in _ROW_END.finditer(buffer, start):
            last = m.end()
        if last >= 0 or start == 0:
            return last
    return -1


def _may_need_cleaning(chunk: bytes, rare: bytes) -> bool:
    """Could text in this XML hold control or bidi characters, OOXML _xHHHH_ escapes,
    character references or non-NFC sequences? `rare` is the chunk without common bytes."""
    if rare.translate(None, _CLEAN_LEADS):  # C0 controls, DEL, combining-mark leads
        return True
    if b"\xc2" in rare and _C1_RE.search(chunk):
        return True
    if b"\xe2" in rare and _FORMAT_CHAR_RE.search(chunk):
        return True
    if b"\xef" in rare and _EF_RE.search(chunk):
        return True
    if b"#" in rare and b"&#" in chunk:
        return True
    return b"_" in rare and b"_x00" in chunk


@dataclass
class _MemberFacts:
    scan: SheetScan | None = None
    needs_cleaning: bool = False
    #: shared strings: (declared uniqueCount or None, <si> elements present)
    declared: int | None = None
    strings: int = 0


def _scan_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, file: str, is_sheet: bool,
                 budget: list[int], progress: Progress, check_text: bool = False,
                 percent_styles: frozenset[int] = frozenset(),
                 is_shared: bool = False) -> _MemberFacts:
    """Inflate one part as a stream: DTDs, text hygiene, and for sheets the SheetScan."""
    facts = _MemberFacts(SheetScan() if is_sheet else None)
    reader = _SheetReader(facts.scan, percent_styles) if facts.scan is not None else None
    carry = b""
    inflated = 0
    with zf.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            inflated += len(chunk)
            budget[0] -= len(chunk)
            if budget[0] < 0 or inflated > max(info.file_size, 0) + _CHUNK:
                raise reject("zip_bomb", "The workbook unpacks to more data than it declares "
                             "or than the limit allows; refused as a possible zip bomb.",
                             file, part=info.filename)
            first = inflated == len(chunk)
            if facts.scan is not None and first:
                root = _PREFIXED_ROOT.search(chunk[:4096])
                facts.scan.prefix = root.group(1) if root else b""
            buffer = carry + chunk
            rare = chunk.translate(None, _COMMON_BYTES)
            if b"!" in rare or b"\x00" in rare:
                for marker in _DTD_MARKERS:
                    if marker in buffer:
                        raise reject(
                            "xml_entities_forbidden",
                            "The workbook contains an XML document type declaration or "
                            "entities, which spreadsheets never need and attacks use; refused.",
                            file, part=info.filename)
            if check_text and not facts.needs_cleaning and rare:
                facts.needs_cleaning = _may_need_cleaning(chunk, rare)
            if is_shared:
                if first:
                    facts.declared = _declared_strings(chunk[:4096])
                # a '<' is never inside a tag, so a tag cut by the chunk edge is in the carry
                edge = buffer.rfind(b"<")
                facts.strings += len(_SI.findall(buffer, 0, edge))
                carry = buffer[edge:]
                continue
            if reader is None:
                carry = buffer[-32:]
                continue
            cut = _last_row_end(buffer)
            if cut < 0:
                if len(buffer) > MAX_ROW_BYTES:
                    raise reject("zip_bomb", "A worksheet row is larger than "
                                 f"{MAX_ROW_BYTES // 2**20} MB; refused.", file,
                                 part=info.filename)
                carry = buffer
                continue
            reader.feed(buffer[:cut])
            carry = buffer[cut:]
            check_cancelled(progress)
    if is_shared:
        facts.strings += len(_SI.findall(carry))
    elif reader is not None and carry:
        reader.feed(carry)
    return facts


def _declared_strings(head: bytes) -> int | None:
    m = _SST_ATTRS.search(head)
    if not m:
        return None
    value = _attrs(m.group(1)).get(b"uniqueCount")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse_xml(zf: zipfile.ZipFile, name: str, file: str):  # -> Element
    try:
        return ElementTree.fromstring(zf.read(name))
    except Exception as exc:  # defusedxml raises its own errors for DTDs; ParseError otherwise
        raise reject("damaged_workbook", f"The workbook part {name} is damaged ({exc}).",
                     file, part=name) from None


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for piece in (PurePosixPath(base).parent / target).parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


_DATE_FORMAT_IDS = frozenset({*range(14, 23), *range(27, 37), 45, 46, 47, *range(50, 59)})
_PERCENT_FORMAT_IDS = frozenset({9, 10})
_DATE_CODE = re.compile(r"(?<![\\\"])[dmyhs]", re.I)


def _styles(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], styles: str,
            file: str) -> tuple[bool, frozenset[int]]:
    """(some cell style shows dates, the cellXfs indices whose format shows a percent)."""
    if styles not in members:
        return False, frozenset()
    root = _parse_xml(zf, styles, file)
    custom: dict[int, str] = {}
    used: list[int] = []
    for element in root.iter():
        tag = _local(element.tag)
        if tag == "numFmt":
            try:
                custom[int(element.get("numFmtId", "-1"))] = element.get("formatCode", "")
            except ValueError:
                continue
        elif tag == "cellXfs":
            for xf in element:
                try:
                    used.append(int(xf.get("numFmtId", "0")))
                except ValueError:
                    used.append(0)
    dates = False
    percent = set()
    for index, number in enumerate(used):
        code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", custom.get(number, ""))
        if number in _DATE_FORMAT_IDS or _DATE_CODE.search(code):
            dates = True
        if number in _PERCENT_FORMAT_IDS or "%" in code:
            percent.add(index)
    return dates, frozenset(percent)


def _check_sizes(scan: SheetScan, file: str, sheet: str) -> None:
    """Refuse a sheet that would make a reader allocate beyond reason (calamine aborts)."""
    if scan.outside:
        what = "row" if scan.outside.isdigit() else "cell"
        raise reject("cell_outside_grid",
                     f"The workbook is damaged: sheet {sheet!r} refers to {what} "
                     f"{scan.outside}, outside Excel's grid of {MAX_ROWS:,} rows and "
                     f"{MAX_COLUMNS:,} columns.", file, sheet, cell=scan.outside, what=what)
    if scan.cells > MAX_CELLS:
        first = f"{_letters(scan.first_column)}{scan.first_row}"
        last = f"{_letters(scan.last_column)}{scan.last_row}"
        raise reject("sheet_too_large",
                     f"Sheet {sheet!r} has values from {first} to {last}, a block of "
                     f"{scan.cells:,} cells (limit {MAX_CELLS:,}); delete the stray cells far "
                     "from the table (press Ctrl+End in Excel to find them) and save again.",
                     file, sheet, size=scan.cells, first=first, last=last)


#: a single sheet larger than this may be left to the caller to check (defer_sheets)
DEFER_MIN_BYTES = 8 * 1024 * 1024


def open_package(path: Path, file: str, progress: Progress,
                 defer_sheets: bool = False) -> Package:
    """Check and scan an OOXML package; raise ImportRejectedError before any parser runs.

    `defer_sheets`: the only sheet of a workbook, when large, is not inflated here; the
    caller (the column-wise reader, which never hands it to calamine) makes the same checks
    on its own stream, so a big sheet is inflated once instead of twice."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError):
        raise reject("damaged_file", "The workbook is damaged or incomplete (an interrupted "
                     "download?); its zip structure cannot be read.", file) from None
    with zf:
        infos = _check_directory(zf, file)
        members = {i.filename: i for i in infos}
        lower = {name.lower(): name for name in members}
        if "xl/workbook.xml" not in lower:
            if "xl/workbook.bin" in lower:
                raise reject("unsupported_type", "This is an Excel binary workbook (.xlsb), "
                             "which is not supported; save it as .xlsx.", file, kind="xlsb")
            if "mimetype" in members and b"opendocument.spreadsheet" in zf.read("mimetype"):
                raise reject("unsupported_type", "This is an OpenDocument spreadsheet (.ods), "
                             "which is not supported; save it as .xlsx.", file, kind="ods")
            raise reject("not_a_spreadsheet", "This is a zip file but not an Excel workbook.",
                         file)
        workbook = lower["xl/workbook.xml"]
        budget = [MAX_TOTAL_UNCOMPRESSED]
        try:
            rels_name = _resolve(workbook, "_rels/workbook.xml.rels")
            rels_name = lower.get(rels_name.lower(), rels_name)
            sheets: list[SheetEntry] = []
            relations: dict[str, str] = {}
            shared: str | None = None
            styles = ""
            for name in (workbook, rels_name):
                if name in members:
                    _scan_member(zf, members[name], file, False, budget, progress)
            if rels_name in members:
                for rel in _parse_xml(zf, rels_name, file):
                    target = _resolve(workbook, rel.get("Target", ""))
                    relations[rel.get("Id", "")] = target
                    kind = rel.get("Type", "").rsplit("/", 1)[-1]
                    if kind == "sharedStrings":
                        shared = lower.get(target.lower(), target)
                    elif kind == "styles":
                        styles = lower.get(target.lower(), target)
            root = _parse_xml(zf, workbook, file)
            date1904 = False
            for element in root.iter():
                if _local(element.tag) == "workbookPr":
                    date1904 = element.get("date1904", "0").lower() in ("1", "true")
                if _local(element.tag) != "sheet":
                    continue
                rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
                target = relations.get(rid)
                sheets.append(SheetEntry(element.get("name", ""),
                                         element.get("state", "visible"),
                                         lower.get(target.lower(), target) if target else None))
            sheet_members = {s.member for s in sheets if s.member}
            # every XML part and every part the workbook points at, whatever its name; the
            # small ones first, sheets last (they need the styles)
            referenced = {lower.get(t.lower(), t) for t in relations.values()}
            parts = sorted((i for i in infos if not i.is_dir() and i.filename not in
                            (workbook, rels_name) and (_is_xml(i.filename)
                                                       or i.filename in referenced)),
                           key=lambda i: (i.filename in sheet_members, i.file_size))
            deferred = frozenset(
                s.member for s in sheets if defer_sheets and len(sheets) == 1 and s.member
                and s.member in members and members[s.member].file_size >= DEFER_MIN_BYTES)
            parts = [i for i in parts if i.filename not in deferred]
            scans: dict[str, SheetScan] = {}
            needs_cleaning = False
            date_styles, percent_styles = False, frozenset()
            styles_read = False
            for info in parts:
                check_cancelled(progress)
                is_sheet = info.filename in sheet_members
                if is_sheet and not styles_read:
                    date_styles, percent_styles = _styles(zf, members, styles, file)
                    styles_read = True
                facts = _scan_member(zf, info, file, is_sheet, budget, progress,
                                     check_text=is_sheet or info.filename == shared,
                                     percent_styles=percent_styles,
                                     is_shared=info.filename == shared)
                needs_cleaning = needs_cleaning or facts.needs_cleaning
                if facts.scan is not None:
                    scans[info.filename] = facts.scan
                if info.filename == shared:
                    _check_shared(facts, file)
            if not styles_read:
                date_styles, percent_styles = _styles(zf, members, styles, file)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
            raise reject("damaged_file", "The workbook is damaged or incomplete (an "
                         "interrupted download?); a part of it cannot be unpacked.",
                         file) from None
        for entry in sheets:
            if entry.member in scans:
                _check_sizes(scans[entry.member], file, entry.name)
        return Package(members, sheets, scans, date_styles, date1904, shared, needs_cleaning,
                       percent_styles, deferred)


def percent_pattern(styles: frozenset[int]) -> re.Pattern[bytes] | None:
    """Matches a cell's s= attribute naming one of these styles."""
    if not styles:
        return None
    ids = b"|".join(str(i).encode() for i in sorted(styles))
    # starts with a literal 's' (a leading \s would be tried at every byte: 8x slower)
    return re.compile(rb"""s\s*=\s*["'](?:""" + ids + rb""")["']""")


def cleaning_needed_in(chunk: bytes) -> bytes | None:
    """The chunk's rare bytes (those worth a closer look: '!', controls, ...), or None when
    text in it may need clean-up (controls, bidi marks, _xHHHH_ escapes, non-NFC)."""
    rare = chunk.translate(None, _COMMON_BYTES)
    return None if rare and _may_need_cleaning(chunk, rare) else rare
def _check_shared(facts: _MemberFacts, file: str) -> None:
    """calamine reserves room for the declared number of shared texts: a lie aborts it."""
    if facts.declared is not None and facts.declared > max(
            facts.strings * 2, facts.strings + SHARED_STRINGS_SLACK):
        raise reject("shared_strings_declared",
                     f"The workbook is damaged: its shared-text table declares "
                     f"{facts.declared:,} texts but holds {facts.strings:,}.", file,
                     declared=facts.declared, present=facts.strings)


def find_bad_shared_string(path: Path, package: Package, member: str) -> str | None:
    """The first cell (like 'E2') of a sheet whose shared-string index is out of range."""
    with zipfile.ZipFile(path) as zf:
        count = 0
        if package.shared_strings and package.shared_strings in package.members:
            root = ElementTree.fromstring(zf.read(package.shared_strings))
            count = sum(1 for element in root if _local(element.tag) == "si")
        data = zf.read(member)
    ref = b""
    shared = False
    for m in _TAG.finditer(data):
        closing, name, raw = m.groups()
        if name == b"c" and not closing:
            attrs = _attrs(raw)
            ref, shared = attrs.get(b"r", b""), attrs.get(b"t") == b"s"
        elif name == b"v" and not closing and shared and ref:
            end = data.find(b"<", m.end())
            text = data[m.end():end].strip()
            index = int(text) if text.isdigit() else -1
            if not 0 <= index < count:
                return ref.decode("ascii", "replace")
    return None
