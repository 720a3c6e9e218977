"""Delimited text (CSV, TSV, semicolon, pipe) to one RawGrid, with exact source line numbers.

Order of work: decode (BOM, UTF-16, UTF-8, GB18030, then Western Windows-1252 when the bytes
look Western; a guess is said in the report; never a silent garble) -> line endings
(a bare CR inside a field is removed and reported, not turned into a row) -> invisible
characters -> delimiter -> parse with the csv module (C code; gc paused while Python lists are
built) -> structure checks (preamble, header width, ragged rows, unquoted thousands) -> decimal
mark (from every value, not from the delimiter: '5,460' in a tab file is thousands unless
another value says the comma is decimal; the report says which and why). Values stay text;
numbers are interpreted later.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import compress, islice

from desktop.core.progress import NullProgress, Progress, check_cancelled
from desktop.importers.model import (
    Issue,
    Location,
    RawGrid,
    ReadOptions,
    column_letter,
    counted,
    plural,
)
from desktop.importers.numbers import DecimalChoice, decide_decimal
from desktop.importers.sniff import reject, utf16_without_bom
from desktop.importers.text_hygiene import (
    CONTROL_RE,
    clean_text,
    describe_removed,
    utf8_may_have_controls,
)

MAX_TEXT_BYTES = 500 * 1024 * 1024
MAX_FIELD_CHARS = 10_000
DELIMITERS = (",", "\t", ";", "|")
DELIMITER_NAMES = {",": "comma", "\t": "tab", ";": "semicolon", "|": "vertical bar"}
#: rows parsed to choose the delimiter and the header row
SAMPLE_ROWS = 200
#: at most this many line numbers are named in a message
MAX_NAMED = 5
_CHUNK_ROWS = 100_000
DEFAULT_OPTIONS = ReadOptions()

_THOUSANDS_HEAD = re.compile(r"[+-]?\d{1,3}")
_THOUSANDS_GROUP = re.compile(r"\d{3}")
_THOUSANDS_LAST = re.compile(r"\d{3}(?:\.\d*)?")


def _name_lines(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:MAX_NAMED])
    more = f" and {len(lines) - MAX_NAMED} more" if len(lines) > MAX_NAMED else ""
    return f"{shown}{more}"


def _lines(lines: list[int]) -> str:
    """'line 12' or 'lines 12, 22, 32' (at most MAX_NAMED named)."""
    return f"{plural(len(lines), 'line')} {_name_lines(lines)}"


@contextmanager
def _fast_lists() -> Iterator[None]:
    """Pause the cyclic GC (millions of new lists trigger it for nothing) and lift the csv
    module's per-field limit (fields are truncated to MAX_FIELD_CHARS afterwards)."""
    was_enabled = gc.isenabled()
    old_limit = csv.field_size_limit()
    gc.disable()
    csv.field_size_limit(MAX_TEXT_BYTES)
    try:
        yield
    finally:
        csv.field_size_limit(old_limit)
        if was_enabled:
            gc.enable()


# ---------------------------------------------------------------------------- encoding
def _bad_line(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def plausible_chinese(text: str) -> bool:
    """GB18030 decodes many non-Chinese byte strings; real Chinese text is mostly GB2312."""
    sample = text[:400_000]
    counts = Counter(ch for ch in sample if ord(ch) > 0x7F)
    total = sum(counts.values())
    if not total:
        return True
    common = 0
    for ch, n in counts.items():
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += n
    return common >= 0.5 * total


def decode(data: bytes, file: str, encoding: str | None = None) -> tuple[str, str]:
    """(text without BOM, encoding name). Raises 'encoding_unknown' rather than guess."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise reject("encoding_unknown", f"Unknown encoding {encoding!r}.", file) from None
        except UnicodeDecodeError as exc:
            line = _bad_line(data, exc.start)
            raise reject("encoding_unknown",
                         f"The file is not valid {encoding} text (first bad byte on line "
                         f"{line}); choose another encoding.", file, row=line,
                         encoding=encoding) from None
        return text.removeprefix("\ufeff"), codecs.lookup(encoding).name
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode("utf-8-sig" if name == "utf-8" else name)
            except UnicodeDecodeError as exc:
                line = _bad_line(data, exc.start)
                raise reject("encoding_unknown",
                             f"The file starts with a {name.upper()} byte-order mark but is "
                             f"not valid {name.upper()} (line {line}).", file,
                             row=line) from None
            return text.removeprefix("\ufeff"), name
    utf16 = utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if data.isascii():
        return data.decode("ascii"), "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    western = looks_western(data)
    if not western:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            pass
        else:
            if plausible_chinese(text):
                return text, "gb18030"
    if western is not False:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            if plausible_western(text):
                return text, "cp1252"
    line = _bad_line(data, utf8_error.start)
    raise reject("encoding_unknown",
                 f"The text encoding could not be recognised (not UTF-8, UTF-16, "
                 f"GBK/GB18030 or Western European (Windows-1252); first non-UTF-8 byte on "
                 f"line {line}); choose the encoding when importing.", file, row=line)


#: characters other than letters that Western (Windows-1252) text commonly holds
_WESTERN_SIGNS = frozenset("\u00a0’‘“”‚„–—…€£¥°·©®™×÷±§¶µ¿¡«»¢¦¨ª¬¯²³´¸¹º¼½¾•†‡‰")


def looks_western(data: bytes) -> bool | None:
    """What the bytes 0x80-0xFF say about the encoding: True when most stand alone between
    ASCII bytes, as accented letters do in Western text ('Ca\\xf1on'); False when most come in
    runs, as the two bytes of every GBK/GB18030 character do; None when there are too few to
    say (fewer than 3). UTF-8 has been ruled out before this is asked."""
    import numpy as np

    raw = np.frombuffer(data[:4_000_000], dtype=np.uint8)
    high = raw >= 0x80
    total = int(np.count_nonzero(high))
    if total == 0:
        return None
    alone = high.copy()
    alone[1:] &= ~high[:-1]
    alone[:-1] &= ~high[1:]
    isolated = int(np.count_nonzero(alone))
    if total < 3:
        return None if isolated < total else True
    return isolated >= 0.5 * total


def plausible_western(text: str) -> bool:
    """Text decoded as Windows-1252 whose non-ASCII characters are mostly letters (ñ, é, ü)
    or common signs (’, –, €, °): a file in another encoding read this way is mostly symbols
    and C1 control characters."""
    sample = text[:400_000]
    odd = [ch for ch in sample if ord(ch) > 0x7F]
    if not odd:
        return True
    good = sum(1 for ch in odd if ch.isalpha() or ch in _WESTERN_SIGNS)
    return good >= 0.9 * len(odd)


def western_example(text: str) -> tuple[str, int]:
    """The first field holding a non-ASCII character, and its line: for the report, so the
    user sees at once whether the guessed encoding reads names right ('Doña Ana County')."""
    match = re.search(r"[^\x00-\x7f]", text)
    if match is None:
        return "", 0
    start = max(text.rfind(sep, 0, match.start()) for sep in ',;\t|"\n') + 1
    ends = [e for e in (text.find(sep, match.start()) for sep in ',;\t|"\n') if e >= 0]
    end = min(ends) if ends else len(text)
    return text[start:end].strip()[:60], text.count("\n", 0, match.start()) + 1


# ------------------------------------------------------------------------ clean-up
def _fix_line_endings(text: str, file: str, issues: list[Issue]) -> tuple[str, str | None]:
    """Text whose only line breaks are LF/CRLF, and the sentinel standing for quoted bare CRs.

    A bare CR in a file with LF or CRLF line endings is not a line break. Inside quotes it is
    content (kept, via a sentinel the parser does not split on); outside quotes it is a
    stray character: removed and reported with its line."""
    if "\r" not in text:
        return text, None
    if "\n" not in text:  # classic Mac line endings
        return text.replace("\r", "\n"), None
    if text.count("\r") == text.count("\r\n"):
        return text, None
    sentinel = next(chr(c) for c in range(0xE000, 0xF8FF) if chr(c) not in text)
    parts: list[str] = []
    stray: list[int] = []
    start = 0
    for m in re.finditer(r"\r(?!\n)", text):
        pos = m.start()
        line_start = text.rfind("\n", 0, pos) + 1
        quoted = text.count('"', line_start, pos) % 2 == 1
        parts.append(text[start:pos])
        if quoted:
            parts.append(sentinel)
        else:
            stray.append(text.count("\n", 0, pos) + 1)
        start = pos + 1
    parts.append(text[start:])
    if stray:
        n = len(stray)
        what = "A stray carriage return" if n == 1 else f"{n:,} stray carriage returns"
        issues.append(Issue(
            "bare_cr_in_field",
            f"{what} inside {plural(n, 'a field', 'fields')} {plural(n, 'was', 'were')} removed on "
            f"{_lines(stray)}; {plural(n, 'it was', 'they were')} not treated as "
            f"{plural(n, 'a line break', 'line breaks')}.",
            Location(file, row=stray[0]), {"lines": stray[:100], "count": len(stray)}))
    return "".join(parts), sentinel if len(stray) < text.count("\r") - text.count("\r\n") \
        else None


def _restore_sentinel(rows: list[list[str]], sentinel: str | None) -> None:
    if sentinel is None:
        return
    for row in rows:
        for j, field in enumerate(row):
            if sentinel in field:
                row[j] = field.replace(sentinel, "\r")


def _remove_controls(text: str, raw: bytes, encoding: str, file: str,
                     issues: list[Issue]) -> str:
    if encoding == "utf-8" and not utf8_may_have_controls(raw):
        suspicious = False
    else:
        suspicious = CONTROL_RE.search(text) is not None
    if suspicious:
        lines = []
        for m in CONTROL_RE.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            if not lines or lines[-1] != line:
                lines.append(line)
            if len(lines) > 100:
                break
        text, removed = clean_text(text)
        if removed:
            issues.append(Issue(
                "control_characters_removed",
                describe_removed(removed, _lines(lines)),
                Location(file, row=lines[0]), {"count": removed, "lines": lines[:100]}))
        return text
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


# ----------------------------------------------------------------------- delimiter
def _sample(text: str) -> str:
    if len(text) <= 262_144:
        return text
    cut = text.rfind("\n", 0, 262_144)
    return text[: cut if cut > 0 else 262_144]


def _parse_sample(sample: str, delimiter: str) -> list[list[str]]:
    rows = []
    try:
        for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
            if row and any(field.strip() for field in row):
                rows.append(row)
            if len(rows) >= SAMPLE_ROWS:
                break
    except csv.Error:
        pass
    return rows


def _score(rows: list[list[str]]) -> tuple[float, int]:
    """(share of rows with the most common field count, that count); count 1 scores 0."""
    if not rows:
        return 0.0, 0
    counts = Counter(len(r) for r in rows)
    width, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if width < 2:
        return 0.0, width
    return n / len(rows), width


def detect_delimiter(sample: str, suffix: str) -> str | None:
    scored = []
    for delimiter in DELIMITERS:
        share, width = _score(_parse_sample(sample, delimiter))
        if width >= 2:
            scored.append((share, width, delimiter))
    if not scored:
        return None
    best_share = max(s[0] for s in scored)
    # near-ties go to the delimiter that gives more columns (Eurostat: tab beats the commas
    # inside its first column), then to the one the extension suggests
    close = [s for s in scored if s[0] >= best_share - 0.1]
    preferred = "\t" if suffix in (".tsv", ".tab") else ","
    close.sort(key=lambda s: (s[1], s[0], s[2] == preferred), reverse=True)
    return close[0][2]


def may_hold_commas(text: str, delimiter: str) -> bool:
    """Whether any field can hold a comma: with a comma delimiter only quoted fields can."""
    return ('"' in text) if delimiter == "," else ("," in text)


def detect_decimal(rows: list[list[str]], delimiter: str, text: str | None = None
                   ) -> DecimalChoice:
    """The decimal mark, decided from every value cell (numbers.decide_decimal), not from the
    delimiter. `text` lets a file without commas in any field skip the scan."""
    if text is not None and not may_hold_commas(text, delimiter):
        return DecimalChoice(".")
    return decide_decimal(rows)


def decimal_issue(choice: DecimalChoice, rows: list[list[str]], numbers: list[int],
                  file: str, delimiter: str) -> Issue | None:
    """The report line saying which decimal mark was used and why (None when no value has a
    comma). Undecidable values ('5,460' alone) are named by line and column: a warning.

    In a comma-separated file the separator itself backs '1,234' as thousands (a
    decimal-comma locale separates fields with ';'), and the report's 'thousands_separator'
    line already says those values were read so: no line unless the comma is decimal."""
    if not choice.reason:
        return None
    if delimiter == "," and choice.mark == "." and choice.reason != "conflict":
        return None
    n = choice.evidence
    values: dict = {"mark": choice.mark, "reason": choice.reason, "count": n,
                    "comma_values": choice.comma_values}
    if choice.reason == "comma_decimals":
        message = (f"Decimal mark: comma (like 1000,00); decided from {counted(n, 'value')}.")
        return Issue("decimal_mark", message, Location(file), {**values, "level": "info"})
    if choice.reason == "comma_thousands":
        message = (f"Decimal mark: point; commas are thousands separators (decided from "
                   f"{counted(n, 'value')}).")
        return Issue("decimal_mark", message, Location(file), {**values, "level": "info"})
    if choice.reason == "conflict":
        mark = "comma" if choice.mark == "," else "point"
        message = (f"Decimal mark: {mark}, used by most values; other values use the other "
                   "mark and are reported cell by cell. Choose the decimal mark when importing "
                   "if this is wrong.")
        return Issue("decimal_mark", message, Location(file), values)
    cells = [(numbers[i], column_letter(j), text) for i, j, text in choice.ambiguous
             if i < len(numbers)]
    named = ", ".join(f"line {line}, column {col} ({text!r})" for line, col, text in
                      cells[:MAX_NAMED])
    more = (f" and {choice.comma_values - MAX_NAMED:,} more"
            if choice.comma_values > MAX_NAMED else "")
    message = (f"Decimal mark: point, assumed. {counted(choice.comma_values, 'value')} such as "
               f"{cells[0][2]!r} could be read either way (comma before exactly three digits); "
               f"{plural(choice.comma_values, 'it was', 'they were')} read with the comma as a "
               f"thousands separator ({cells[0][2]!r} = {cells[0][2].replace(',', '')}): "
               f"{named}{more}. Choose the decimal mark 'comma' when importing if the comma "
               "is meant as a decimal mark.")
    first = cells[0]
    return Issue("decimal_mark", message, Location(file, row=first[0], column=first[1]),
                 {**values, "cells": [f"{col}{line}" for line, col, _ in cells],
                  "example": first[2]})


# ------------------------------------------------------------------------- parsing
def _physical_lines(text: str) -> int:
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)


def _parse(text: str, delimiter: str, file: str,
           progress: Progress) -> tuple[list[list[str]], list[int], bool]:
    """All records with at least one non-empty field, the line each one starts on, and
    whether any record spans lines (quoted line breaks)."""
    total_lines = max(_physical_lines(text), 1)
    records: list[list[str]] = []
    try:
        with _fast_lists():
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            while True:
                check_cancelled(progress)
                before = len(records)
                records.extend(islice(reader, _CHUNK_ROWS))
                progress.report(min(reader.line_num / total_lines, 1.0) * 0.9, "parsing")
                if len(records) - before < _CHUNK_ROWS:
                    break
            if len(records) == total_lines:  # no record spans lines: record i is line i+1
                lengths = set(map(len, records))
                if not any([""] * n in records for n in lengths):  # no blank line
                    return records, list(range(1, len(records) + 1)), False
                keep = list(map(any, records))  # False: blank line or only empty fields
                return (list(compress(records, keep)),
                        list(compress(range(1, len(records) + 1), keep)), False)
            del records
            # quoted line breaks: track where each record starts (slower, exact)
            rows, numbers = [], []
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            previous = 0
            for row in reader:
                if any(row):
                    if previous + 1 != reader.line_num:  # spans lines: CRLF in fields -> LF
                        row = [f.replace("\r\n", "\n") for f in row]
                    rows.append(row)
                    numbers.append(previous + 1)
                previous = reader.line_num
                if not previous % 65_536:
                    check_cancelled(progress)
            return rows, numbers, True
    except csv.Error as exc:
        raise reject("damaged_file", f"The text cannot be split into fields ({exc}).",
                     file) from None


def _longest_line(text: str, raw: bytes, encoding: str) -> int:
    """Length of the longest line, in bytes where that is an upper bound on characters
    (UTF-8 and GB18030 never use byte 0x0A inside a character; numpy finds them fast)."""
    if encoding in ("utf-8", "gb18030"):
        import numpy as np

        breaks = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == 10)
        if len(breaks) == 0:
            return len(raw)
        longest = int(max(breaks[0] + 1, len(raw) - breaks[-1],
                          np.diff(breaks).max() if len(breaks) > 1 else 0))
        if longest <= MAX_FIELD_CHARS:
            return longest
    return max(map(len, text.split("\n")))


def _truncate_long_fields(rows: list[list[str]], numbers: list[int], text: str, raw: bytes,
                          encoding: str, spans_lines: bool, file: str,
                          issues: list[Issue]) -> None:
    if len(text) <= MAX_FIELD_CHARS:
        return
    if _longest_line(text, raw, encoding) > MAX_FIELD_CHARS:
        candidates: Iterable[int] = range(len(rows))
    elif spans_lines:  # no line is that long; only a multi-line field could be
        candidates = [i for i, row in enumerate(rows) if any("\n" in f for f in row)]
    else:
        return
    found = []
    for i in candidates:
        row = rows[i]
        for j, field in enumerate(row):
            if len(field) > MAX_FIELD_CHARS:
                row[j] = field[:MAX_FIELD_CHARS]
                found.append((numbers[i], j, len(field)))
    if found:
        where = "; ".join(f"line {n}, column {column_letter(j)} ({size:,} characters)"
                          for n, j, size in found[:MAX_NAMED])
        issues.append(Issue(
            "field_truncated",
            f"{counted(len(found), 'field')} longer than {MAX_FIELD_CHARS:,} characters "
            f"{plural(len(found), 'was', 'were')} cut to {MAX_FIELD_CHARS:,} characters: "
            f"{where}.",
            Location(file, row=found[0][0], column=column_letter(found[0][1])),
            {"fields": [{"row": n, "column": column_letter(j), "length": size}
                        for n, j, size in found[:100]], "count": len(found)}))


def _merge_thousands(row: list[str]) -> list[str] | None:
    """The row with unquoted '1,234,567.89' splits glued back, or None if there is none."""
    out: list[str] = []
    merged = False
    i = 0
    while i < len(row):
        field = row[i]
        if _THOUSANDS_HEAD.fullmatch(field) and i + 1 < len(row):
            j = i + 1
            while j + 1 < len(row) and _THOUSANDS_GROUP.fullmatch(row[j]) \
                    and (_THOUSANDS_GROUP.fullmatch(row[j + 1])
                         or _THOUSANDS_LAST.fullmatch(row[j + 1])):
                j += 1
            if _THOUSANDS_LAST.fullmatch(row[j]):
                out.append(",".join(row[i:j + 1]))
                merged = True
                i = j + 1
                continue
        out.append(field)
        i += 1
    return out if merged else None


def _explained_by_thousands(row: list[str], width: int) -> bool:
    merged = _merge_thousands(row)
    return merged is not None and len(merged) == width


def find_header(rows: list[list[str]], delimiter: str) -> int:
    """Index of the header row: the first row (of 2+ fields) whose width most rows after it
    share. Shorter preamble lines (World Bank, NBS) come before it; footnotes after it."""
    head = rows[:SAMPLE_ROWS]
    for h, row in enumerate(head):
        width = len(row)
        if width < 2:
            continue
        after = [r for r in head[h + 1:] if len(r) > 1]
        if not after:
            continue
        fits = sum(1 for r in after if len(r) == width
                   or (delimiter == "," and len(r) > width and _explained_by_thousands(r, width))
                   or (len(r) > width and not any(f.strip() for f in r[width:])))
        if fits >= 0.5 * len(after):
            return h
    counts = Counter(len(r) for r in head)
    mode = max(counts.items(), key=lambda kv: (kv[1] if kv[0] > 1 else 0, kv[0]))[0]
    return next(i for i, r in enumerate(head) if len(r) == mode)


def check_structure(rows: list[list[str]], numbers: list[int], delimiter: str,
                    file: str) -> int:
    """Reject ragged rows and unquoted thousands separators; trim empty trailing extras.
    Returns the header row index."""
    if not rows:
        return 0
    h = find_header(rows, delimiter)
    width = len(rows[h])
    counts = list(map(len, rows))
    if counts.count(width) == len(counts) - h:
        return h
    last_full = max(i for i, n in enumerate(counts) if n == width)
    ragged: list[int] = []
    thousands: list[int] = []
    for i in range(h + 1, len(rows)):
        n = counts[i]
        if n == width or n == 1:
            continue
        row = rows[i]
        if n > width and not any(f.strip() for f in row[width:]):
            del row[width:]
            continue
        if n < width and i > last_full:
            continue  # footnotes after the table
        if delimiter == "," and n > width and _explained_by_thousands(row, width):
            thousands.append(numbers[i])
        else:
            ragged.append(numbers[i])
    if thousands:
        raise reject(
            "ambiguous_thousands",
            f"Unquoted thousands separator (like 1,000.00) on {_lines(thousands)}: the number "
            "splits into two fields and the columns would shift; quote such numbers or save "
            "the file without thousands separators.",
            file, row=thousands[0], lines=thousands[:100], count=len(thousands))
    if ragged:
        raise reject(
            "ragged_rows",
            f"Wrong number of fields on {_lines(ragged)}: the header on line {numbers[h]} has "
            f"{counted(width, 'field')}; reading on would shift the columns.", file,
            row=ragged[0], lines=ragged[:100], count=len(ragged), expected=width)
    return h


def _western_guessed(text: str, file: str) -> Issue:
    """The report line for a file read as Windows-1252 without being told: a guess from the
    bytes, so it names a field as read, for the user to check (and choose another encoding)."""
    example, line = western_example(text)
    return Issue(
        "encoding_guessed",
        f"The file is not UTF-8 or Chinese (GBK/GB18030); it was read as Western European "
        f"(Windows-1252, a superset of Latin-1), e.g. {example!r} on line {line}. If names "
        "look wrong, choose the encoding when importing.",
        Location(file, row=line or None), {"encoding": "cp1252", "example": example})


# -------------------------------------------------------------------------- public
def read_text(data: bytes, file: str, options: ReadOptions = DEFAULT_OPTIONS,
              progress: Progress | None = None, suffix: str = "",
              issues: list[Issue] | None = None) -> RawGrid:
    """Decode, clean, split and check one text file's bytes (at most MAX_TEXT_BYTES)."""
    progress = progress or NullProgress()
    issues = list(issues or [])
    if len(data) > MAX_TEXT_BYTES:
        raise reject("too_large", f"The file is larger than {MAX_TEXT_BYTES // 2**20} MB, "
                     "the limit for text files.", file, size=len(data))
    text, encoding = decode(data, file, options.encoding)
    if encoding == "cp1252" and not options.encoding:
        issues.append(_western_guessed(text, file))
    check_cancelled(progress)
    text, sentinel = _fix_line_endings(text, file, issues)
    text = _remove_controls(text, data, encoding, file, issues)
    if not text.strip():
        raise reject("empty_file", "The file is empty.", file)
    sample = _sample(text)
    delimiter = options.delimiter or detect_delimiter(sample, suffix)
    if delimiter is None:
        if len(_parse_sample(sample, ",")) <= 1:
            raise reject("unsupported_type",
                         "This text file has no columns (no comma, tab, semicolon or | "
                         "separators); it is not a table.", file, kind="no_columns")
        delimiter = ","
    rows, numbers, spans_lines = _parse(text, delimiter, file, progress)
    if not rows:
        raise reject("empty_file", "The file has no data, only blank lines.", file)
    _restore_sentinel(rows, sentinel)
    _truncate_long_fields(rows, numbers, text, data, encoding, spans_lines, file, issues)
    h = check_structure(rows, numbers, delimiter, file)
    decimal = options.decimal if options.decimal in (".", ",") else None
    if decimal is None:
        body = h + 1
        choice = detect_decimal(rows[body:], delimiter, text)
        decimal = choice.mark
        issue = decimal_issue(choice, rows[body:], numbers[body:], file, delimiter)
        if issue is not None:
            issues.append(issue)
    progress.report(1.0, "parsed")
    return RawGrid(file=file, rows=rows, row_numbers=numbers, encoding=encoding,
                   delimiter=delimiter, decimal=decimal, issues=issues)
