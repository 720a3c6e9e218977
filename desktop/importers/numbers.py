"""Value cells -> floats in canonical units, and year cells -> ints; every doubt reported per cell.

Fast path: string cells that are plain ASCII numbers are parsed in one vectorised call
(`pandas.to_numeric`, which rounds correctly), with the unit's power of ten appended as a
decimal exponent ('5546.4498' 亿 -> '5546.4498e8'), so scaling is as exact as
`desktop.core.units.to_canonical`. Only the cells the fast path rejects (missing markers,
text, full-width digits, non-finite values, possible under-/overflow and precision loss)
go through the per-cell Python path.

Status codes per cell: OK, MISSING (a missing marker or empty: counted, never zero), BAD
(not imported, with a note), and OK cells may still carry a note (normalised, precision).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import numpy as np
import pandas as pd

OK, MISSING, BAD = 0, 1, 2

#: cells that mean "no value" in value columns (compared after stripping; case-insensitive)
MISSING_MARKERS = frozenset(
    ["", "..", "...", "—", "——", "-", "--", "－", "－－", "–", ":", "na", "n/a", "n.a.",
     "null", "none", "…", "……", "x", "/", "#n/a", "nil", "*", "无"]
)

#: Eurostat observation flags (after a value or after ':')
EUROSTAT_FLAGS = {
    "b": "break in time series", "c": "confidential", "d": "definition differs",
    "e": "estimated", "f": "forecast", "n": "not significant", "p": "provisional",
    "r": "revised", "s": "Eurostat estimate", "u": "low reliability", "z": "not applicable",
}

_PLAIN_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_COMMA_GROUPS_RE = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DOT_GROUPS_RE = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_SPACE_GROUPS_RE = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009']\d{3})+(?:[.,]\d+)?")
_DECIMAL_COMMA_RE = re.compile(r"[+-]?\d*,\d+(?:[eE][+-]?\d+)?|[+-]?\d+,")
_NONFINITE_RE = re.compile(r"[+-]?(?:inf|infinity|nan)", re.IGNORECASE)
_FLAG_RE = re.compile(r"(?P<number>\S+)\s+(?P<flag>[a-z]{1,3})")
_MISSING_FLAG_RE = re.compile(r":\s*(?P<flag>[a-z]{0,3})")
_SPACES = " \t\r\n\u00a0\u3000\u2009\u202f\ufeff"
_MAX_SAFE = 2**53


@dataclass
class Note:
    """A per-cell remark: position in the input array, a code, the raw cell, details."""

    index: int
    code: str
    raw: object
    detail: dict = field(default_factory=dict)


@dataclass
class ParsedValues:
    values: np.ndarray  # float64, NaN where status != OK
    status: np.ndarray  # int8: OK, MISSING, BAD
    blank: np.ndarray  # bool: the cell is empty (None or white space), a subset of MISSING
    notes: list[Note]
    missing_markers: Counter
    flags: Counter  # Eurostat-style flags seen on imported or missing values
    flag_examples: dict[str, int]  # flag -> first index (in array order)
    flagged: list[int] = field(default_factory=list)  # every index that carries a flag


def is_missing_text(text: str) -> bool:
    return text.strip(_SPACES).casefold() in MISSING_MARKERS


def parse_values(
    cells: np.ndarray,
    exponents: np.ndarray | int = 0,
    decimal: str = ".",
    flags: bool = False,
) -> ParsedValues:
    """Parse raw value cells, scaling each by 10**exponent exactly.

    `cells` is an object array (str, float, int, bool or None); `exponents` an int array of
    the same length or one int. `flags=True` accepts Eurostat flags ('4700 p', ': c').
    """
    cells = np.asarray(cells, dtype=object)
    n = len(cells)
    exps = np.broadcast_to(np.asarray(exponents, dtype=np.int64), (n,))
    values = np.full(n, np.nan)
    status = np.full(n, BAD, dtype=np.int8)
    blank = np.zeros(n, dtype=bool)
    result = ParsedValues(values, status, blank, [], Counter(), Counter(), {})
    if n == 0:
        return result

    kind = pd.api.types.infer_dtype(cells, skipna=False)
    if kind == "string":
        str_idx = np.arange(n)
        other_idx = np.empty(0, dtype=np.int64)
    elif kind in ("floating", "integer", "mixed-integer-float"):
        str_idx = np.empty(0, dtype=np.int64)
        other_idx = np.arange(n)
    else:
        is_str = np.fromiter((type(c) is str for c in cells), dtype=bool, count=n)
        str_idx = np.flatnonzero(is_str)
        other_idx = np.flatnonzero(~is_str)

    slow: list[int] = []
    grouped: list[int] = []
    if len(str_idx):
        slow.extend(_fast_strings(cells, str_idx, exps, decimal, values, status, grouped))
    if len(other_idx):
        slow.extend(_fast_numbers(cells, other_idx, exps, values, status))
    for i in sorted(slow):
        _parse_one(i, cells[i], int(exps[i]), decimal, flags, result)
    if grouped:
        ok = [i for i in grouped if status[i] == OK]
        result.notes.extend(Note(i, "thousands_separator", cells[i],
                                 {"normalised": cells[i].replace(",", "")}) for i in ok)
        result.notes.sort(key=lambda note: note.index)  # in cell order, as one path makes them
    values[status != OK] = np.nan
    return result


def _fast_strings(cells, idx, exps, decimal, values, status, grouped: list[int]) -> list[int]:
    """Vectorised parse of plain ASCII number texts; the indices it leaves go the careful way.
    With a decimal point, '5,460' and '12,345.6' are parsed here too (commas dropped) and
    their indices added to `grouped` (each gets a 'thousands_separator' note)."""
    texts = cells[idx]
    sub_exps = exps[idx]
    candidate = np.ones(len(idx), dtype=bool)
    commas = np.empty(0, dtype=np.int64)
    if decimal == ",":
        # '.' is a thousands separator in these files: leave such cells to the careful path
        candidate = np.fromiter(("." not in t for t in texts), dtype=bool, count=len(texts))
        texts = np.array([t.replace(",", ".") for t in texts], dtype=object)
    else:
        has_comma = np.fromiter(("," in t for t in texts), dtype=bool, count=len(texts))
        if has_comma.any():
            commas = np.flatnonzero(has_comma)
            texts = texts.copy()
            for k in commas.tolist():
                text = texts[k]
                if _COMMA_GROUPS_RE.fullmatch(text):
                    texts[k] = text.replace(",", "")
                else:
                    candidate[k] = False
    if (sub_exps < 0).any():  # negative powers of ten: careful path
        candidate &= sub_exps >= 0
        sub_exps = np.maximum(sub_exps, 0)
    shifted = texts
    if sub_exps.any():
        # exact scaling: shift the decimal exponent of the text, then round once
        table = np.array([""] + ["e" + str(e) for e in range(1, int(sub_exps.max()) + 1)],
                         dtype=object)
        shifted = texts + table[sub_exps]
    parsed = np.asarray(pd.to_numeric(shifted, errors="coerce"), dtype=np.float64)
    padded = candidate & (sub_exps > 0) & ~np.isfinite(parsed)
    if padded.any():  # ' 12 ' + 'e8' does not parse: strip and try once more
        picked = np.flatnonzero(padded)
        retry = np.array([t.strip() for t in texts[picked]], dtype=object) + table[
            sub_exps[picked]]
        parsed[picked] = np.asarray(pd.to_numeric(retry, errors="coerce"), dtype=np.float64)
    finite = candidate & np.isfinite(parsed)
    # zeros may be underflow ('1e-400'); huge values may be integers beyond 2**53
    limit = _MAX_SAFE * np.power(10.0, sub_exps)
    suspicious = finite & ((parsed == 0) | (np.abs(parsed) >= limit))
    ok = finite & ~suspicious
    good = idx[ok]
    values[good] = parsed[ok] + 0.0  # -0.0 -> 0.0
    status[good] = OK
    if len(commas):
        grouped.extend(idx[commas[ok[commas]]].tolist())
    return idx[~ok].tolist()


def _fast_numbers(cells, idx, exps, values, status) -> list[int]:
    sub = cells[idx]
    is_plain = np.fromiter(
        (type(c) in (float, int) or (isinstance(c, np.floating | np.integer) and
                                       not isinstance(c, bool | np.bool_)) for c in sub),
        dtype=bool, count=len(sub))
    nums = np.full(len(sub), np.nan)
    nums[is_plain] = np.asarray(sub[is_plain].tolist(), dtype=np.float64)
    ok = is_plain & np.isfinite(nums) & (np.abs(nums) < _MAX_SAFE) & (exps[idx] == 0)
    good = idx[ok]
    values[good] = nums[ok] + 0.0
    status[good] = OK
    return idx[~ok].tolist()


def _note(result: ParsedValues, index: int, code: str, raw: object, **detail) -> None:
    result.notes.append(Note(index, code, raw, detail))


def _parse_one(i: int, cell: object, exponent: int, decimal: str, flags: bool,
               result: ParsedValues) -> None:
    status, values = result.status, result.values
    status[i] = BAD
    if cell is None:
        status[i] = MISSING
        result.blank[i] = True
        result.missing_markers[""] += 1
        return
    if isinstance(cell, bool | np.bool_):
        _note(result, i, "not_a_number", cell)
        return
    if isinstance(cell, float | np.floating):
        if math.isnan(cell) or math.isinf(cell):
            _note(result, i, "non_finite", cell)
            return
        number = Decimal(repr(float(cell)))
    elif isinstance(cell, int | np.integer):
        number = Decimal(int(cell))
    else:
        parsed = _parse_text(i, str(cell), decimal, flags, result)
        if parsed is None:
            return
        number = parsed
    _finish(i, cell, number, exponent, result)
    if status[i] == OK:
        values[i] = values[i] + 0.0


def _parse_text(i: int, raw: str, decimal: str, flags: bool,
                result: ParsedValues) -> Decimal | None:
    text = raw.strip(_SPACES)
    if text.casefold() in MISSING_MARKERS:
        result.status[i] = MISSING
        result.missing_markers[text] += 1
        if not text:
            result.blank[i] = True
        return None
    if flags:
        missing_flag = _MISSING_FLAG_RE.fullmatch(text)
        if missing_flag:
            result.status[i] = MISSING
            result.missing_markers[":"] += 1
            if missing_flag.group("flag"):
                _flag(result, i, missing_flag.group("flag"))
            return None
        flagged = _FLAG_RE.fullmatch(text)
        if flagged:
            text = flagged.group("number")
            _flag(result, i, flagged.group("flag"))
    normalised = unicodedata.normalize("NFKC", text).strip(_SPACES)
    changed = normalised != text
    text = normalised
    if text.casefold() in MISSING_MARKERS:
        result.status[i] = MISSING
        result.missing_markers[raw.strip(_SPACES)] += 1
        return None
    plain = _plain_number(text, decimal)
    if plain is None:
        if _NONFINITE_RE.fullmatch(text):
            _note(result, i, "non_finite", raw)
        else:
            _note(result, i, "not_a_number", raw)
        return None
    digits, grouped = plain
    if changed or grouped == "space":
        _note(result, i, "number_normalised", raw, normalised=digits)
    elif grouped == "thousands":
        _note(result, i, "thousands_separator", raw, normalised=digits)
    try:
        return Decimal(digits)
    except InvalidOperation:
        _note(result, i, "not_a_number", raw)
        return None


def _plain_number(text: str, decimal: str) -> tuple[str, str] | None:
    """ASCII digits for a number written plainly or with grouping; None when not a number."""
    if decimal == ",":
        if _DOT_GROUPS_RE.fullmatch(text) and "." in text:
            return text.replace(".", "").replace(",", "."), "thousands"
        if _DECIMAL_COMMA_RE.fullmatch(text):
            return text.replace(",", "."), ""
        if _SPACE_GROUPS_RE.fullmatch(text):
            return re.sub(r"[ \u00a0\u202f\u2009']", "", text).replace(",", "."), "space"
        if "." in text:  # '1.5' in a decimal-comma file is ambiguous
            return None
        return (text, "") if _PLAIN_RE.fullmatch(text) else None
    if _PLAIN_RE.fullmatch(text):
        return text, ""
    if _COMMA_GROUPS_RE.fullmatch(text):
        return text.replace(",", ""), "thousands"
    if _SPACE_GROUPS_RE.fullmatch(text) and "," not in text:
        return re.sub(r"[ \u00a0\u202f\u2009']", "", text), "space"
    return None


def _flag(result: ParsedValues, i: int, flag: str) -> None:
    result.flags[flag] += 1
    result.flag_examples.setdefault(flag, i)
    result.flagged.append(i)


def _finish(i: int, raw: object, number: Decimal, exponent: int, result: ParsedValues) -> None:
    if not number.is_finite():
        _note(result, i, "non_finite", raw)
        return
    scaled = number.scaleb(exponent)
    value = float(scaled)
    if math.isinf(value):
        _note(result, i, "overflow", raw, exponent=exponent)
        return
    if value == 0 and number != 0:
        _note(result, i, "underflow", raw)
        return
    if (abs(number) >= _MAX_SAFE and number == number.to_integral_value()
            and Decimal(value) != scaled and not isinstance(raw, float)):
        # a float cell is already the double the file holds: only text can carry more digits.
        # `kept` is the stored value exactly, in the file's unit, to set beside what it says
        # ('9007199254740993' kept as 9007199254740992; in 万 as 9007199254740993.6384)
        _note(result, i, "precision_loss", raw, stored=value,
              kept=format(Decimal(value).scaleb(-exponent), "f"))
    result.values[i] = value
    result.status[i] = OK


# --- which decimal mark ------------------------------------------------------------------

#: '1,234.5', '12,345,678' (2+ groups): the comma groups thousands, the point is decimal
_POINT_PROOF_RE = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+\.\d+|[+-]?\d{1,3}(?:,\d{3}){2,}")
#: '1.234,5', '1.234.567', '1000,00', '3,5', '0,1234': the comma is decimal
_COMMA_PROOF_RE = re.compile(
    r"[+-]?\d{1,3}(?:\.\d{3})+,\d+|[+-]?\d{1,3}(?:\.\d{3}){2,}|[+-]?\d*,\d{1,2}"
    r"|[+-]?\d*,\d{4,}|[+-]?\d{4,},\d+")
#: '5,460': a decimal comma or a thousands separator, the value alone cannot say
_COMMA_THREE_RE = re.compile(r"[+-]?\d{1,3},\d{3}")
#: '3.5', '0.25', '1234.5': a decimal point (three digits after a point alone could be a
#: thousands group in a decimal-comma file, so '1.234' proves nothing)
_POINT_DECIMAL_RE = re.compile(r"[+-]?\d*\.\d{1,2}|[+-]?\d*\.\d{4,}|[+-]?\d{4,}\.\d+")


#: a whole cell (between \x1e/\x1f separators) that is a number with a comma
_NUMBER_START = frozenset("+-0123456789")


def _comma_kind(cell: str) -> str:
    """'three' ('5,460': undecided), 'point' ('1,234.5'), 'comma' ('1000,00') or '' (not a
    number: 'Cañon City, CO')."""
    text = cell.strip(_SPACES)
    if not text or text[0] not in _NUMBER_START:
        return ""
    if _COMMA_THREE_RE.fullmatch(text):
        return "three"
    if _POINT_PROOF_RE.fullmatch(text):
        return "point"
    if _COMMA_PROOF_RE.fullmatch(text):
        return "comma"
    return ""


def _first_point_decimal(rows: Sequence[Sequence[object]]) -> int:
    """1 when some cell is a number with a decimal point ('3.5'), else 0."""
    for row in rows:
        for cell in row:
            if type(cell) is str and "." in cell and "," not in cell and \
                    _POINT_DECIMAL_RE.fullmatch(cell.strip(_SPACES)):
                return 1
    return 0


@dataclass(frozen=True)
class DecimalChoice:
    """Which decimal mark a file's numbers use, and why, for the import report.

    `reason`: 'comma_decimals' (values such as '1000,00' or '1.234,5'), 'comma_thousands'
    (values such as '1,234.5' or '12,345,678', or '5,460' beside point decimals),
    'ambiguous' (only values such as '5,460': read as thousands, the common case in
    亿元/万人 tables, and said so), 'conflict' (both readings proven: the majority wins and
    the others are reported cell by cell), '' (no value has a comma: nothing to decide).
    `evidence` counts the values that decided; `ambiguous` lists (row index, column index,
    text) of the undecided '5,460' cells, at most 20."""

    mark: str
    reason: str = ""
    evidence: int = 0
    comma_values: int = 0
    ambiguous: tuple[tuple[int, int, str], ...] = ()
    point_decimals: int = 0  # a value such as '3.5' was seen (looked for when it decides)


def decide_decimal(rows: Sequence[Sequence[object]], default: str = ".",
                   point_decimals: int = 0) -> DecimalChoice:
    """The decimal mark the value cells of `rows` (text cells; header rows excluded) support.

    Decided from the values, never from the delimiter: a semicolon or tab file writes
    '5,460' 亿元 as often as '1000,00'. `point_decimals`: values such as '3.5' seen
    elsewhere (the column-wise reader's numbers, which are no longer text)."""
    # cells that may be numbers with a comma ('5,460', ' 1,5'; not 'Cañon City, CO')
    cells = [c for row in rows for c in row if isinstance(c, str) and "," in c
             and (c[:1] in _NUMBER_START or c[:1] in _SPACES)]
    kinds = {text: _comma_kind(text) for text in set(cells)}
    tally: Counter[str] = Counter()
    for text, n in Counter(cells).items():
        tally[kinds[text]] += n
    three, point_proof, comma_proof = tally["three"], tally["point"], tally["comma"]
    examples: list[tuple[int, int, str]] = []
    if three:  # the first undecided cells, by position, for the report
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                if isinstance(cell, str) and kinds.get(cell) == "three":
                    examples.append((i, j, cell.strip(_SPACES)))
            if len(examples) >= 20:
                break
        examples = examples[:20]
    if three and not (point_proof or comma_proof or point_decimals):
        # only '5,460' so far: one '3.5' anywhere settles it (looked for only now: rare)
        point_decimals = _first_point_decimal(rows)
    commas = three + point_proof + comma_proof
    if not commas:
        return DecimalChoice(default if default in (".", ",") else ".",
                             point_decimals=point_decimals)
    if comma_proof and not (point_proof or (three and point_decimals)):
        return DecimalChoice(",", "comma_decimals", commas, commas,
                             point_decimals=point_decimals)
    if comma_proof and point_proof:
        mark = "," if comma_proof > point_proof else "."
        return DecimalChoice(mark, "conflict", max(comma_proof, point_proof), commas,
                             point_decimals=point_decimals)
    if point_proof or point_decimals:
        # '1,234.5' or '12,345,678'; or only '5,460' beside '3.5': commas group thousands
        return DecimalChoice(".", "comma_thousands", commas, commas,
                             point_decimals=point_decimals)
    return DecimalChoice(".", "ambiguous", three, commas, tuple(examples))


# --- years -------------------------------------------------------------------------------

_YEAR_RE = re.compile(r"(\d{4})\s*(?:年度|年)?")
_ZH_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2",
              "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_ZH_YEAR_RE = re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})\s*(?:年度|年)?")
YEAR_MIN, YEAR_MAX = 1800, 2200


def parse_year(cell: object) -> tuple[int | None, bool]:
    """(year, normalised): 2016 / '2016' -> (2016, False); '2016年', '2020年度', 2016.0,
    '二〇一八年' -> (year, True); anything else -> (None, False)."""
    if cell is None or isinstance(cell, bool):
        return None, False
    if isinstance(cell, int | np.integer):
        year = int(cell)
        return (year, False) if YEAR_MIN <= year <= YEAR_MAX else (None, False)
    if isinstance(cell, float | np.floating):
        if math.isfinite(cell) and cell == int(cell) and YEAR_MIN <= cell <= YEAR_MAX:
            return int(cell), False
        return None, False
    return _text_year(str(cell))


@functools.lru_cache(maxsize=4096)
def _text_year(raw: str) -> tuple[int | None, bool]:
    """parse_year of a text (detection asks again and again for the same few texts)."""
    text = unicodedata.normalize("NFKC", raw).strip(_SPACES)
    match = _YEAR_RE.fullmatch(text)
    if match:
        year = int(match.group(1))
        if YEAR_MIN <= year <= YEAR_MAX:
            return year, text != raw.strip(_SPACES) or match.group(0) != match.group(1)
        return None, False
    if re.fullmatch(r"\d{4}\.0+", text):
        return parse_year(float(text))[0], True
    match = _ZH_YEAR_RE.fullmatch(text)
    if match:
        year = int("".join(_ZH_DIGITS[c] for c in match.group(1)))
        if YEAR_MIN <= year <= YEAR_MAX:
            return year, True
    year, _ = _marked_year(text)
    return (year, True) if year is not None else (None, False)


#: What a year written with a mark says about the figures under it: kind -> English words.
#: A split year ('2016-17') is read as its FIRST year, always (and said so).
YEAR_NOTES = {
    "fiscal": "fiscal year",
    "split": "split year, read as its first year",
    "estimate": "estimate",
    "forecast": "forecast",
    "provisional": "provisional",
    "revised": "revised",
    "marked": "marked with a footnote sign",
    "year_end": "end of year",
}
#: kinds whose figures are not final actuals: imported, flagged and warned about
NOT_ACTUAL = frozenset({"estimate", "forecast", "provisional"})
_MARK_WORDS = {
    "e": "estimate", "est": "estimate", "est.": "estimate", "estimate": "estimate",
    "estimated": "estimate", "预计": "estimate", "估计": "estimate",
    "f": "forecast", "forecast": "forecast", "proj": "forecast", "proj.": "forecast",
    "projected": "forecast", "projection": "forecast", "预测": "forecast",
    "p": "provisional", "prel": "provisional", "prel.": "provisional",
    "preliminary": "provisional", "provisional": "provisional", "初步": "provisional",
    "初步核算": "provisional", "快报": "provisional", "初值": "provisional",
    "r": "revised", "rev": "revised", "rev.": "revised", "revised": "revised",
    "修订": "revised", "修正": "revised",
    "*": "marked", "**": "marked", "†": "marked", "#": "marked",
}
_FISCAL_RE = re.compile(r"(?:FY|F\.Y\.)\s*(\d{4})|(\d{4})\s*(?:财年|财政年度|会计年度)",
                        re.IGNORECASE)
_SPLIT_RE = re.compile(r"(?:FY\s*)?(\d{4})\s*[-/–—]\s*(\d{2}|\d{4})\s*(?:年度|年)?",
                       re.IGNORECASE)
_MARK_RE = re.compile(r"(\d{4})\s*(?:年度|年)?\s*(?:\((.+?)\)|\[(.+?)\]|([A-Za-z.]+|\*\*?|†|#|"
                      r"[\u4e00-\u9fff]+))")
_YEAR_END_RE = re.compile(r"(\d{4})\s*年\s*(?:末|底)")


@functools.lru_cache(maxsize=4096)
def _marked_year(text: str) -> tuple[int | None, str]:
    """(year, kind) of a year written with a mark: 'FY2016' (fiscal), '2016-17' / '2016/17' /
    '2016–17' (split: the first year), '2019E' (estimate), '2019F' (forecast), '2022p'
    (provisional), '2020r' / '2018 (revised)' (revised), '2021*' (marked), '2019年末'
    (end of year); (None, '') for anything else."""
    year, kind = None, ""
    if (match := _FISCAL_RE.fullmatch(text)) is not None:
        year, kind = int(match.group(1) or match.group(2)), "fiscal"
    elif (match := _SPLIT_RE.fullmatch(text)) is not None:
        first, second = int(match.group(1)), match.group(2)
        follows = (int(second) == (first + 1) % 100 if len(second) == 2
                   else int(second) == first + 1)
        if follows:  # '2016-20' is a range of years, not one year
            year, kind = first, "split"
    elif (match := _YEAR_END_RE.fullmatch(text)) is not None:
        year, kind = int(match.group(1)), "year_end"
    elif (match := _MARK_RE.fullmatch(text)) is not None:
        word = next(g for g in match.groups()[1:] if g is not None).strip().casefold()
        found = _MARK_WORDS.get(word)
        if found:
            year, kind = int(match.group(1)), found
    if year is None or not YEAR_MIN <= year <= YEAR_MAX:
        return None, ""
    return year, kind


def year_note(cell: object) -> str:
    """The kind of mark a year cell or header carries ('estimate', 'split', ...; YEAR_NOTES),
    '' for a plain year or no year."""
    if not isinstance(cell, str):
        return ""
    text = unicodedata.normalize("NFKC", cell).strip(_SPACES)
    return _marked_year(text)[1]


def year_notes(texts: dict[str, int], kinds: dict[str, str] | None = None,
               subject: str = "years") -> tuple[str, dict[str, str]]:
    """For the report: the years among `texts` (as written -> year read) that carry a mark,
    in one English sentence, and text -> kind (`kinds` when the caller found them). ('', {})
    when none does. Estimates, forecasts and provisional figures are named first: they are
    imported, but are not actuals."""
    if kinds is None:
        kinds = {text: kind for text in texts if (kind := year_note(text))}
    if not kinds:
        return "", {}
    ordered = sorted(kinds, key=lambda t: kinds[t] not in NOT_ACTUAL)
    parts = [f"{text!r} → {texts[text]} ({YEAR_NOTES[kinds[text]]})" for text in ordered[:10]]
    message = f"{subject} written with a mark: " + "; ".join(parts)
    if any(kind in NOT_ACTUAL for kind in kinds.values()):
        message += ("; the values under estimates, forecasts or provisional years were "
                    "imported but are not final figures")
    return message, kinds


def looks_numeric(cell: object, decimal: str = ".") -> bool:
    """For detection: a number cell or a string that parses as a plain number."""
    if cell is None or isinstance(cell, bool):
        return False
    if isinstance(cell, int | float | np.integer | np.floating):
        return True
    return _text_looks_numeric(str(cell), decimal)


@functools.lru_cache(maxsize=4096)
def _text_looks_numeric(raw: str, decimal: str) -> bool:
    text = unicodedata.normalize("NFKC", raw).strip(_SPACES)
    if not text:
        return False
    if _FLAG_RE.fullmatch(text):
        text = text.split()[0]
    return _plain_number(text, decimal) is not None
