"""Look inside an .xlsx/.xlsm package before any parser does: bombs, DTDs, formulas, merges.

python-calamine aborts the whole process on a zip bomb and nothing here may expand an XML
entity, so every package goes through `open_package` first:

1. the central directory: declared total size, per-member ratio (like Apache POI's
   ZipSecureFile), member count; refused at once if too big ('zip_bomb');
2. every XML part is inflated as a stream with a hard cap (a header that lies about sizes is
   caught too) and searched for `<!DOCTYPE` / `<!ENTITY` ('xml_entities_forbidden');
3. on the way, worksheets are searched (cheap byte tests first, regexes only where those hit)
   for formulas, merged ranges and invalid number tokens (NaN/INF), which calamine's values
   do not show.

The small parts (workbook, relationships, styles) are then parsed with defusedxml.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from defusedxml import ElementTree

from desktop.core.progress import Progress, check_cancelled
from desktop.importers.sniff import reject

MAX_TOTAL_UNCOMPRESSED = 500 * 1024 * 1024
MAX_RATIO = 100
RATIO_MIN_SIZE = 10 * 1024 * 1024
MAX_MEMBERS = 10_000
#: a single row of sheet XML longer than this is not a real spreadsheet row
MAX_ROW_BYTES = 64 * 1024 * 1024
_CHUNK = 1 << 20

_XML_SUFFIXES = (".xml", ".rels", ".vml")
_DTD_MARKERS = tuple(
    marker.encode(enc) for marker in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
    for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_CELL_RE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?c\b([^>]*?)(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?c>)", re.S)
_ATTR_R = re.compile(rb"""\br\s*=\s*["']([A-Z]{1,3}[0-9]{1,7})["']""")
_ATTR_T = re.compile(rb"""\bt\s*=\s*["'](\w+)["']""")
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f\b")
_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v>([^<]*)</(?:[A-Za-z_][\w.-]*:)?v>")
_MERGE_RE = re.compile(rb"""<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*["']"""
                       rb"""([A-Z]{1,3}[0-9]{1,7}(?::[A-Z]{1,3}[0-9]{1,7})?)["']""")
_BAD_TOKEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v>\s*[-+]?(?:nan|inf|infinity)\s*<", re.I)
_ROW_END = (b"</row>", b":row>")
_PREFIXED_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*):worksheet\b")
_TOKEN_PREFILTER = re.compile(rb"v>\s*[-+]?[nNiI]")
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


def _scan_cells(part: bytes, scan: SheetScan) -> None:
    for m in _CELL_RE.finditer(part):
        body = m.group(2) or b""
        if not _FORMULA.search(body):
            continue
        ref = _ATTR_R.search(m.group(1))
        if not ref:
            scan.unlocated += 1
            continue
        value = _VALUE.search(body)
        cached = value.group(1).decode("utf-8", "replace") if value else None
        scan.formulas.append((ref.group(1).decode(), cached or None))


def _scan_bad_numbers(part: bytes, scan: SheetScan) -> None:
    for m in _BAD_TOKEN.finditer(part):
        start = max(part.rfind(b"<c ", 0, m.start()), part.rfind(b":c ", 0, m.start()))
        attributes = part[start:m.start()] if start >= 0 else b""
        cell_type = _ATTR_T.search(attributes)
        if cell_type and cell_type.group(1) != b"n":
            continue
        ref = _ATTR_R.search(attributes)
        token = m.group().split(b">", 1)[1].rstrip(b"<").strip().decode("ascii", "replace")
        if ref:
            scan.bad_numbers.append((ref.group(1).decode(), token))
        else:
            scan.unlocated += 1


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


def _scan_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, file: str, is_sheet: bool,
                 budget: list[int], progress: Progress,
                 check_text: bool = False) -> tuple[SheetScan | None, bool]:
    """Inflate one part as a stream. Returns (scan for sheets, text may need cleaning)."""
    scan = SheetScan() if is_sheet else None
    needs_cleaning = False
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
            if scan is not None and inflated == len(chunk):
                root = _PREFIXED_ROOT.search(chunk[:4096])
                scan.prefix = root.group(1) if root else b""
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
            if check_text and not needs_cleaning and rare:
                needs_cleaning = _may_need_cleaning(chunk, rare)
            if scan is None:
                carry = buffer[-32:]
                continue
            cut = max(buffer.rfind(end) for end in _ROW_END)
            if cut < 0:
                if len(buffer) > MAX_ROW_BYTES:
                    raise reject("zip_bomb", "A worksheet row is larger than "
                                 f"{MAX_ROW_BYTES // 2**20} MB; refused.", file,
                                 part=info.filename)
                carry = buffer
                continue
            cut += 6
            _scan_part(buffer[:cut], scan)
            carry = buffer[cut:]
            check_cancelled(progress)
    if scan is not None and carry:
        _scan_part(carry, scan)
    return scan, needs_cleaning


def _scan_part(part: bytes, scan: SheetScan) -> None:
    if b"<f" in part or (scan.prefix and b"<" + scan.prefix + b":f" in part):
        _scan_cells(part, scan)
    if b"mergeCell" in part:
        scan.merged.extend(m.group(1).decode() for m in _MERGE_RE.finditer(part))
    if _TOKEN_PREFILTER.search(part):
        _scan_bad_numbers(part, scan)


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
_DATE_CODE = re.compile(r"(?<![\\\"])[dmyhs]", re.I)


def _has_date_styles(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], styles: str,
                     file: str) -> bool:
    if styles not in members:
        return False
    root = _parse_xml(zf, styles, file)
    custom: dict[int, str] = {}
    used: set[int] = set()
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
                    used.add(int(xf.get("numFmtId", "0")))
                except ValueError:
                    continue
    for number in used:
        if number in _DATE_FORMAT_IDS:
            return True
        code = re.sub(r'"[^"]*"|\[[^\]]*\]', "", custom.get(number, ""))
        if _DATE_CODE.search(code):
            return True
    return False


def open_package(path: Path, file: str, progress: Progress) -> Package:
    """Check and scan an OOXML package; raise ImportRejectedError before any parser runs."""
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
            # small parts first: workbook, relationships, styles, shared strings
            xml_infos = sorted((i for i in infos if _is_xml(i.filename) and not i.is_dir()),
                               key=lambda i: i.file_size)
            rels_name = _resolve(workbook, "_rels/workbook.xml.rels")
            rels_name = lower.get(rels_name.lower(), rels_name)
            sheets: list[SheetEntry] = []
            relations: dict[str, str] = {}
            shared: str | None = None
            styles = ""
            for info in xml_infos:
                if info.filename in (workbook, rels_name):
                    _scan_member(zf, info, file, False, budget, progress)
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
            scans: dict[str, SheetScan] = {}
            needs_cleaning = False
            for info in xml_infos:
                if info.filename in (workbook, rels_name):
                    continue
                check_cancelled(progress)
                is_sheet = info.filename in sheet_members
                scan, dirty = _scan_member(zf, info, file, is_sheet, budget, progress,
                                           check_text=is_sheet or info.filename == shared)
                needs_cleaning = needs_cleaning or dirty
                if scan is not None:
                    scans[info.filename] = scan
            date_styles = _has_date_styles(zf, members, styles, file)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
            raise reject("damaged_file", "The workbook is damaged or incomplete (an "
                         "interrupted download?); a part of it cannot be unpacked.",
                         file) from None
        return Package(members, sheets, scans, date_styles, date1904, shared, needs_cleaning)


def find_bad_shared_string(path: Path, package: Package, member: str) -> str | None:
    """The first cell (like 'E2') of a sheet whose shared-string index is out of range."""
    with zipfile.ZipFile(path) as zf:
        count = 0
        if package.shared_strings and package.shared_strings in package.members:
            root = ElementTree.fromstring(zf.read(package.shared_strings))
            count = sum(1 for element in root if _local(element.tag) == "si")
        data = zf.read(member)
    for m in _CELL_RE.finditer(data):
        attributes = m.group(1)
        cell_type = _ATTR_T.search(attributes)
        if not cell_type or cell_type.group(1) != b"s":
            continue
        value = _VALUE.search(m.group(2) or b"")
        ref = _ATTR_R.search(attributes)
        try:
            index = int(value.group(1)) if value else -1
        except ValueError:
            index = -1
        if (index < 0 or index >= count) and ref:
            return ref.group(1).decode()
    return None
