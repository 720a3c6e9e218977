"""Readers' public entry: a file on disk to RawGrids (one per sheet), safely.

    list_sheets(path)                   -> [SheetInfo]   (text files: one sheet named "")
    read_grids(path, options, progress) -> [RawGrid]     (raises ImportRejectedError)

The content decides the reader (sniff), not the extension; a mismatch is a warning. Files
that cannot be read at all raise ImportRejectedError with a stable code and one plain line.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from desktop.core.progress import NullProgress, Progress, check_cancelled
from desktop.importers import excel_reader, text_reader
from desktop.importers.model import Issue, RawGrid, ReadOptions, SheetInfo
from desktop.importers.sniff import (
    EXCEL_EXTENSIONS,
    KIND_GZIP,
    KIND_OLE2,
    KIND_TEXT,
    KIND_ZIP,
    TEXT_EXTENSIONS,
    extension_mismatch,
    looks_binary,
    looks_like_html,
    reject,
    sniff,
    xlsx_name_issues,
)

MAX_TEXT_BYTES = text_reader.MAX_TEXT_BYTES
DEFAULT_OPTIONS = ReadOptions()  # frozen, so one shared default is safe
_XLS_EXTENSIONS = frozenset({".xls", ".xlt"})


def _gunzip(path: Path, file: str, progress: Progress) -> bytes:
    """Decompress with a hard size cap (a gzip bomb stops at the cap, not at memory)."""
    inflater = zlib.decompressobj(wbits=47)  # gzip or zlib header
    parts: list[bytes] = []
    size = 0
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(1 << 20)
            if not chunk:
                break
            while chunk:
                out = inflater.decompress(chunk, 1 << 22)
                size += len(out)
                if size > MAX_TEXT_BYTES:
                    raise reject("too_large", f"The compressed file unpacks to more than "
                                 f"{MAX_TEXT_BYTES // 2**20} MB, the limit for text files.",
                                 file)
                parts.append(out)
                chunk = inflater.unconsumed_tail
                if inflater.eof:  # concatenated gzip members
                    rest = inflater.unused_data
                    inflater = zlib.decompressobj(wbits=47)
                    chunk = rest
            check_cancelled(progress)
    if not inflater.eof and size == 0:
        raise reject("damaged_file", "The compressed file is damaged or incomplete (an "
                     "interrupted download?).", file)
    return b"".join(parts)


def _text_issues(file: str, suffix: str) -> list[Issue]:
    if suffix in TEXT_EXTENSIONS or suffix == "":
        return []
    return [extension_mismatch(file, suffix, "delimited text (CSV)", "CSV text")]


#: Text formats that are documents or code, never tables: refused by name, not parsed.
NOT_TABLES = {".md", ".markdown", ".rst", ".json", ".xml", ".yaml", ".yml", ".py", ".js",
              ".html", ".htm", ".log", ".ini", ".toml", ".pdf", ".docx", ".doc"}


def _read_text_file(path: Path, file: str, options: ReadOptions,
                    progress: Progress) -> RawGrid:
    suffix = path.suffix.lower()
    if suffix in NOT_TABLES:
        raise reject("unsupported_type", f"A {suffix} file is a document, not a table; import "
                     "a CSV, TSV or Excel file.", file, kind="document", suffix=suffix)
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise reject("too_large", f"The file is {size / 2**20:,.0f} MB; text files larger than "
                     f"{MAX_TEXT_BYTES // 2**20} MB are not imported.", file, size=size)
    return text_reader.read_text(path.read_bytes(), file, options, progress, suffix,
                                 _text_issues(file, suffix))


def _read_gzip(path: Path, file: str, options: ReadOptions, progress: Progress) -> RawGrid:
    try:
        data = _gunzip(path, file, progress)
    except zlib.error:
        raise reject("damaged_file", "The compressed file is damaged or incomplete (an "
                     "interrupted download?).", file) from None
    head = data[:65536]
    if not data.strip():
        raise reject("empty_file", "The compressed file is empty.", file)
    if looks_like_html(head):
        raise reject("html_not_spreadsheet", "The compressed file holds a web page (HTML), "
                     "not a table.", file)
    if looks_binary(head):
        raise reject("unsupported_type", "The compressed file does not hold text; only "
                     "gzip-compressed CSV/TSV files are supported.", file,
                     kind="compressed_binary")
    inner_suffix = Path(path.stem).suffix.lower()
    issues = [] if inner_suffix in TEXT_EXTENSIONS or not inner_suffix else \
        _text_issues(file, inner_suffix)
    return text_reader.read_text(data, file, options, progress, inner_suffix, issues)


def read_grids(path: Path, options: ReadOptions = DEFAULT_OPTIONS,
               progress: Progress | None = None) -> list[RawGrid]:
    """Every visible sheet with data (or options.sheet) as RawGrids, in workbook order."""
    progress = progress or NullProgress()
    path = Path(path)
    file = path.name
    suffix = path.suffix.lower()
    kind = sniff(path).kind
    check_cancelled(progress)
    if kind == KIND_TEXT:
        return [_read_text_file(path, file, options, progress)]
    if kind == KIND_GZIP:
        return [_read_gzip(path, file, options, progress)]
    if kind == KIND_ZIP:
        issues = xlsx_name_issues(file, suffix)
        return _with_decimal(excel_reader.read_xlsx(path, file, options, progress, issues),
                             options)
    if kind == KIND_OLE2:
        data = path.read_bytes()
        excel_reader.check_ole(data, file)
        issues = [] if suffix in _XLS_EXTENSIONS else [
            extension_mismatch(file, suffix, "an Excel 97-2003 workbook (.xls)",
                               "an .xls workbook")]
        return _with_decimal(excel_reader.read_xls(data, file, options, progress, issues),
                             options)
    raise reject("unsupported_type", "This kind of file is not supported.", file)


def _with_decimal(grids: list[RawGrid], options: ReadOptions) -> list[RawGrid]:
    """A chosen decimal mark also applies to numbers written as text in workbooks."""
    if options.decimal:
        for grid in grids:
            grid.decimal = options.decimal
    return grids


def list_sheets(path: Path) -> list[SheetInfo]:
    """The sheets a file offers; text files have one sheet named ''."""
    path = Path(path)
    file = path.name
    kind = sniff(path).kind
    progress = NullProgress()
    if kind == KIND_ZIP:
        return excel_reader.list_xlsx_sheets(path, file, progress)
    if kind == KIND_OLE2:
        return excel_reader.list_xls_sheets(path.read_bytes(), file)
    grid = read_grids(path, ReadOptions(), progress)[0]
    return [SheetInfo("", 0, False, len(grid.rows), grid.width)]


__all__ = ["EXCEL_EXTENSIONS", "TEXT_EXTENSIONS", "list_sheets", "read_grids"]
