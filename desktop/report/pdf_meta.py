"""PDF bookmarks (an outline of the sections) and document metadata, added after Qt wrote it.

Why here and with pypdf: Qt's QPdfWriter sets a title and a creator but has no outline API, so a
reader of a 16-page report could not jump to a section from the viewer's sidebar. The PDF
is re-written whole in memory (pypdf keeps every page object and font stream as Qt wrote it)
and only then written to disk atomically by the caller. Plain Python: no Qt.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

APP_NAME = "City Profiles"


@dataclass(frozen=True)
class OutlineEntry:
    """A bookmark: a heading's text, the 0-based page it is on, 1 for a section, 2 below."""

    title: str
    page: int
    level: int = 1


@dataclass(frozen=True)
class PdfInfo:
    """The document information a viewer shows under File › Properties, and the language
    screen readers and text extraction use."""

    title: str
    subject: str
    keywords: tuple[str, ...]
    created: dt.datetime
    lang: str  # BCP 47: "en", "zh-Hans"


def pdf_date(moment: dt.datetime) -> str:
    """A PDF date string, D:YYYYMMDDHHmmSS+HH'mm' (UTC when the time has no zone)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    offset = moment.utcoffset() or dt.timedelta(0)
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{minutes // 60:02d}'{minutes % 60:02d}'"


def finish_pdf(pdf: bytes, info: PdfInfo, outline: Sequence[OutlineEntry]) -> bytes:
    """The PDF with `info` as its metadata and `outline` as its bookmarks, opening with the
    bookmarks shown when there are any."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import IndirectObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    date = pdf_date(info.created)
    writer.add_metadata({
        "/Title": info.title, "/Author": APP_NAME, "/Creator": APP_NAME,
        "/Subject": info.subject, "/Keywords": ", ".join(info.keywords),
        "/CreationDate": date, "/ModDate": date,
    })
    pages = len(writer.pages)
    parents: dict[int, IndirectObject] = {}
    for entry in outline:
        if not 0 <= entry.page < pages:
            continue
        parent = parents.get(entry.level - 1) if entry.level > 1 else None
        parents[entry.level] = writer.add_outline_item(
            title=entry.title, page_number=entry.page, parent=parent, is_open=False)
    if outline:
        writer.page_mode = "/UseOutlines"
    writer.root_object[NameObject("/Lang")] = TextStringObject(info.lang)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
