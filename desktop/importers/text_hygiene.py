"""Invisible characters that corrupt names: control codes, bidi overrides, zero-width spaces.

They are removed (never shown, never matched), emoji and combining marks are kept, and text is
NFC-normalised. Readers report one summary issue per grid ('control_characters_removed').
"""

from __future__ import annotations

import re
import unicodedata

from desktop.importers.model import counted

#: C0 controls except TAB/LF/CR, DEL, C1 controls, zero-width space, LRM/RLM, bidi embeddings,
#: overrides and isolates, word joiner, BOM. ZWJ/ZWNJ (emoji sequences, Indic text) are kept.
_CONTROL_CLASS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069"
    "\ufeff"
)
#: a terminal colour code such as ESC[31m goes as a whole, not just its ESC
CONTROL_RE = re.compile(f"\x1b\\[[0-9;?]*[ -/]*[@-~]|[{_CONTROL_CLASS}]")

#: The same set as UTF-8 byte patterns, for a fast pre-check on raw bytes.
_C0_DELETE = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
_UTF8_MARKERS = (b"\xc2\x80", b"\xc2\x81", b"\xc2\x82", b"\xc2\x83", b"\xc2\x84", b"\xc2\x85",
                 b"\xc2\x86", b"\xc2\x87", b"\xc2\x88", b"\xc2\x89", b"\xc2\x8a", b"\xc2\x8b",
                 b"\xc2\x8c", b"\xc2\x8d", b"\xc2\x8e", b"\xc2\x8f", b"\xc2\x90", b"\xc2\x91",
                 b"\xc2\x92", b"\xc2\x93", b"\xc2\x94", b"\xc2\x95", b"\xc2\x96", b"\xc2\x97",
                 b"\xc2\x98", b"\xc2\x99", b"\xc2\x9a", b"\xc2\x9b", b"\xc2\x9c", b"\xc2\x9d",
                 b"\xc2\x9e", b"\xc2\x9f")


def utf8_may_have_controls(data: bytes) -> bool:
    """Cheap test on UTF-8 bytes: False means CONTROL_RE cannot match the decoded text."""
    if len(data.translate(None, _C0_DELETE)) != len(data):
        return True
    if b"\xe2\x80" in data or b"\xe2\x81" in data or b"\xef\xbb\xbf" in data:
        return True
    return b"\xc2" in data and any(m in data for m in _UTF8_MARKERS)


def clean_text(text: str) -> tuple[str, int]:
    """(cleaned, number of characters removed) for one cell or a whole file."""
    removed = 0

    def count(match: re.Match[str]) -> str:
        nonlocal removed
        removed += len(match.group())
        return ""

    cleaned = CONTROL_RE.sub(count, text)
    if not cleaned.isascii() and not unicodedata.is_normalized("NFC", cleaned):
        cleaned = unicodedata.normalize("NFC", cleaned)
    return cleaned, removed


def describe_removed(count: int, where: str) -> str:
    return (f"Removed {counted(count, 'invisible control or text-direction character')} "
            f"({where}); names are compared without them.")
