"""A PDF text layer that copies and searches as the Chinese characters printed.

Why: Qt's PDF writer builds each font's ToUnicode map by asking, for every code point from 0
upwards, which glyph the font uses, and keeps the first code point found for a glyph. Noto Sans
CJK SC draws the Kangxi radical ⼾ (U+2F3E) with the glyph of 户 (U+6237), and ⽉ with that of
月: text came out as radicals, and a normalisation of the radicals (NFKC) turned ⼾ into the
traditional 戶, which the page does not show. The root of the fix is the font's own character
map: a radical or compatibility code point is replaced by the unified ideograph that the
simplified-Chinese face draws with the same glyph.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtGui import QFont, QRawFont

from desktop.report.html import FONT_FAMILIES

#: The face the report sets Chinese in (desktop.report.html.FONT_FAMILIES); Regular and Bold
#: share their glyph order, so one face's map serves both.
CJK_FAMILY = FONT_FAMILIES[1]
#: CJK Unified Ideographs, the block whose characters the report's texts use.
UNIFIED = range(0x4E00, 0xA000)
#: Code points Qt may pick instead: radicals, Kangxi radicals, CJK compatibility ideographs.
_SHADOWS = (range(0x2E80, 0x2FE0), range(0xF900, 0xFB00))

_TO_UNICODE = re.compile(rb"(/CMapName /Adobe-Identity-UCS def.*?)(endcmap)", re.DOTALL)
_ARRAY_LINE = re.compile(rb"^(<[0-9A-Fa-f]{4}> <[0-9A-Fa-f]{4}> )(\[.*\])$", re.MULTILINE)
_SINGLE_LINE = re.compile(rb"^(<([0-9A-Fa-f]{4})> <\2> |<[0-9A-Fa-f]{4}> )(<[0-9A-Fa-f]{4}>)$",
                          re.MULTILINE)
_UNICODE = re.compile(rb"<([0-9A-Fa-f]{4})>")


@cache
def _glyph_font() -> QRawFont:
    font = QFont()
    font.setFamilies([CJK_FAMILY])
    return QRawFont.fromFont(font)


@cache
def ideograph_for_glyph() -> dict[int, int]:
    """Glyph index in the simplified-Chinese face -> the unified ideograph drawn with it."""
    raw = _glyph_font()
    codes = "".join(chr(c) for c in UNIFIED)
    found: dict[int, int] = {}
    for code, glyph in zip(UNIFIED, raw.glyphIndexesForString(codes), strict=True):
        if glyph:
            found.setdefault(glyph, code)
    return found


@cache
def printed_as(code: int) -> int:
    """The ideograph a radical or compatibility code point stands for in the report's face;
    any other code point unchanged."""
    if not any(code in block for block in _SHADOWS):
        return code
    glyphs = _glyph_font().glyphIndexesForString(chr(code))
    if not glyphs or not glyphs[0]:
        return code
    return ideograph_for_glyph().get(glyphs[0], code)


def _unified(match: re.Match[bytes]) -> bytes:
    return b"<%04X>" % printed_as(int(match.group(1), 16))


def fix_cjk_text_mapping(pdf: bytes) -> bytes:
    """The PDF with its ToUnicode maps pointing at the ideographs printed (see the module
    text). Only destination code points of single mappings and arrays change, each to one of
    the same length, so no byte offset in the file moves."""

    def fix_map(match: re.Match[bytes]) -> bytes:
        body = _ARRAY_LINE.sub(lambda m: m.group(1) + _UNICODE.sub(_unified, m.group(2)),
                               match.group(1))
        body = _SINGLE_LINE.sub(lambda m: m.group(1) + _UNICODE.sub(_unified, m.group(3)),
                                body)
        return body + match.group(2)

    fixed = _TO_UNICODE.sub(fix_map, pdf)
    assert len(fixed) == len(pdf)
    return fixed
