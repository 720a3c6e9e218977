"""Tables whose rows are different series: a series column, a units column, a scale column.

IMF WEO, BEA and many statistics offices publish one row per (area, series) with its unit
and scale beside it: `Country, Subject Descriptor, Units, Scale, 2015, 2016, ...` where a row
says 'U.S. dollars' + 'Billions' and the next 'Percent change' + ''. Each row's values are
scaled by its own unit and scale, exactly: the scale is a power of ten added to the unit's
exponent (see unit_parsing), never a float multiplication. A series given in units that
cannot be converted into each other (WEO's 'current prices' in U.S. dollars and in national
currency) becomes one indicator per unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop.importers.mapping import Coded
from desktop.importers.unit_parsing import UnitSpec, parse_unit, unit_or_text

#: scale cells that say the values are as written (no power of ten): 'Units' in WEO, a
#: kind of number ('Percent change', 'Index') where a magnitude would be
_AS_WRITTEN = {"", "units", "unit", "ones", "one", "none", "n/a", "na", "-", "—", "个", "1",
               "percent", "percent change", "percentage", "percentage points", "percent of gdp",
               "index", "ratio", "rate", "%", "number", "numbers"}
_INT_RE = re.compile(r"^[+-]?\d+(?:\.0+)?$")


@dataclass(frozen=True)
class UnreadableScale(UnitSpec):
    """A unit whose scale cell could not be read: its values are not imported."""

    measure: str = ""
    scale: str = ""


def scale_exponent(text: str) -> int | None:
    """The power of ten a scale cell says: 'Billions' -> 9, '亿' -> 8, 'Units' -> 0,
    '6' -> 6 (SDMX UNIT_MULT style, 0..15), '1000' -> 3 (a factor); None when unreadable."""
    key = re.sub(r"\s+", " ", text).strip().casefold()
    if key in _AS_WRITTEN:
        return 0
    if _INT_RE.match(key):
        number = int(float(key))
        if 0 <= number <= 15:
            return number
        digits = str(number)
        if number >= 100 and digits == "1" + "0" * (len(digits) - 1):
            return len(digits) - 1
        return None
    spec = parse_unit(text)
    if spec is not None and spec.code == "":
        return spec.exponent
    return None


def scaled_unit(measure: str, scale: str) -> UnitSpec | None:
    """The unit of a row from its unit cell and its scale cell; None when both are empty."""
    base = unit_or_text(measure) if measure else None
    exponent = scale_exponent(scale)
    if exponent is None:
        return UnreadableScale(f"{measure}, {scale}" if measure else scale,
                               base.code if base else "", 0, False, measure, scale)
    if exponent == 0:
        if base is None and scale.strip() and scale.strip().casefold() not in ("units", "unit"):
            return unit_or_text(scale)  # 'Percent change' written where the scale goes
        return base
    if base is None:
        return UnitSpec(scale, "", exponent, True)
    return UnitSpec(f"{base.source}, {scale}", base.code, base.exponent + exponent, base.known)


def split_series_by_unit(raw_codes: np.ndarray, names: list[str], unit_codes: np.ndarray,
                         specs: list) -> tuple[Coded, list[str]]:
    """Indicator codes per record, with a series given in units of different kinds (codes
    that cannot be converted) split into 'name [unit]' per kind. `names[c]` is the cleaned
    name of raw indicator code c. Returns (codes per record, name per code); unchanged when
    no series needs splitting."""
    canon = [(s.code if s is not None else "") for s in specs]
    canon_codes, canon_names = pd.factorize(np.array(canon, dtype=object))
    per_record = canon_codes[unit_codes]
    width = max(len(canon_names), 1)
    name_index: dict[str, int] = {}
    name_of_raw = np.array([name_index.setdefault(n, len(name_index)) for n in names],
                           dtype=np.int64)
    pairs = pd.unique(name_of_raw[raw_codes] * width + per_record)
    kinds = np.bincount(pairs // width, minlength=len(name_index))
    if not (kinds > 1).any():
        return Coded(raw_codes, np.array(names, dtype=object)), names
    split_name = kinds > 1
    new_codes, keys = pd.factorize(raw_codes.astype(np.int64) * width + per_record)
    new_names = []
    for key in keys.tolist():
        raw, kind = divmod(key, width)
        name = names[raw]
        if split_name[name_of_raw[raw]]:
            name = f"{name} [{canon_names[kind] or '?'}]"
        new_names.append(name)
    return Coded(new_codes.astype(np.int64), np.array(new_names, dtype=object)), new_names
