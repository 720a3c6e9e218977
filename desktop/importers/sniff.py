"""What kind of file is this? Decided by the bytes, never by the name.

The extension only decides whether to warn ('extension_mismatch'): a CSV named .xlsx is read
as text, a BIFF workbook named .xlsx is read as .xls, an HTML page named .xls is refused with
advice. No parser is touched here; only the first few kilobytes are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.importers.model import ImportRejectedError, Issue, Location

ZIP_MAGIC = b"PK\x03\x04"
ZIP_EMPTY_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
GZIP_MAGIC = b"\x1f\x8b"

#: kinds sniff() can return
KIND_ZIP, KIND_OLE2, KIND_GZIP, KIND_TEXT = "zip", "ole2", "gzip", "text"

TEXT_EXTENSIONS = frozenset({".csv", ".tsv", ".txt", ".tab", ".dat", ".prn"})
EXCEL_EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".xltx", ".xltm", ".xlt"})
XLSX_EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"SQLite format 3", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)


@dataclass(frozen=True)
class Sniffed:
    kind: str
    #: what the content is, in words, for messages ('CSV text', 'an Excel 97-2003 workbook')
    what: str = ""


def reject(code: str, message: str, file: str, sheet: str = "", row: int | None = None,
           column: str = "", **values: object) -> ImportRejectedError:
    """An ImportRejectedError with one plain-English line (raise the result)."""
    return ImportRejectedError(Issue(code, message, Location(file, sheet, row, column),
                                     dict(values)))


def looks_like_html(head: bytes) -> bool:
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 HTML (Excel 'Web page')
        probe = probe.replace(b"\x00", b"").lstrip(b"\xff\xfe \t\r\n")
    return probe.startswith((b"<html", b"<!doctype html", b"<table", b"<head", b"<body",
                             b"<meta", b"<style")) or (
        probe.startswith((b"<?xml", b"<!--")) and b"<html" in probe[:4096])


def looks_like_spreadsheet_ml(head: bytes) -> bool:
    """Excel 2003 'XML Spreadsheet' (a single XML file, not a zip)."""
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return probe.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in probe


def looks_binary(head: bytes) -> bool:
    """Many NUL or control bytes that are not UTF-16 text."""
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    sample = head[:8192]
    nul = sample.count(b"\x00")
    if nul and _utf16_without_bom(sample):
        return False
    controls = sum(sample.count(bytes([b])) for b in (*range(0, 9), 11, 12, *range(14, 32)))
    return nul > len(sample) // 100 or controls > len(sample) // 10


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when every other byte is NUL (ASCII-heavy UTF-16 text)."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def utf16_without_bom(sample: bytes) -> str | None:
    return _utf16_without_bom(sample[:8192])


def sniff(path: Path) -> Sniffed:
    """Classify the file by content; raise for empty, HTML and unsupported binary files."""
    file = path.name
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(65536)
    except FileNotFoundError:
        raise reject("file_not_found", "The file does not exist.", file) from None
    except IsADirectoryError:
        raise reject("unsupported_type", "This is a folder, not a file.", file,
                     kind="folder") from None
    except OSError as exc:
        raise reject("unreadable_file", f"The file cannot be opened ({exc.strerror}).",
                     file) from None
    if size == 0 or not head.strip(b" \t\r\n\x00"):
        raise reject("empty_file", "The file is empty.", file)
    if head.startswith((ZIP_MAGIC, ZIP_EMPTY_MAGIC)):
        return Sniffed(KIND_ZIP, "a zip package")
    if head.startswith(OLE2_MAGIC):
        return Sniffed(KIND_OLE2, "an Office compound file")
    if head.startswith(GZIP_MAGIC):
        return Sniffed(KIND_GZIP, "gzip-compressed data")
    if looks_like_html(head):
        raise reject("html_not_spreadsheet",
                     "This is a web page (HTML), not a real spreadsheet; open it in Excel and "
                     "save it as .xlsx, then import that file.", file)
    if looks_like_spreadsheet_ml(head):
        raise reject("unsupported_type",
                     "This is an Excel 2003 XML spreadsheet, which is not supported; open it "
                     "in Excel and save it as .xlsx.", file, kind="spreadsheet_ml")
    for magic, what in _BINARY_SIGNATURES:
        if head.startswith(magic):
            raise reject("unsupported_type", f"This file is {what}, not a spreadsheet or CSV "
                         "file.", file, kind="binary", what=what)
    if looks_binary(head):
        if path.suffix.lower() in EXCEL_EXTENSIONS | TEXT_EXTENSIONS:
            raise reject("not_a_spreadsheet",
                         "This is not a spreadsheet, or the file is damaged: its content is "
                         "neither an Excel workbook nor text.", file)
        raise reject("unsupported_type", "This kind of file is not supported; import .xlsx, "
                     ".xls, .csv, .tsv or .txt files.", file)
    return Sniffed(KIND_TEXT, "text")


def xlsx_name_issues(file: str, suffix: str) -> list[Issue]:
    """An .xlsx package under another name: said once, by whichever reader reads it."""
    if suffix in XLSX_EXTENSIONS:
        return []
    return [extension_mismatch(file, suffix, "an Excel workbook (.xlsx)", "an .xlsx workbook")]


def extension_mismatch(file: str, suffix: str, actual: str, actual_ext: str) -> Issue:
    """Warning for content that does not match its name (the content wins)."""
    return Issue("extension_mismatch",
                 f"The file is named {suffix or '(no extension)'} but contains {actual}; it "
                 f"was read as {actual_ext}.", Location(file),
                 {"extension": suffix, "content": actual_ext})
