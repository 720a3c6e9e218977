"""Checks on the normalised long table: duplicates, empty results.

Duplicates (same city, indicator and year after matching and unit conversion):
- the same value again (exactly, in canonical units): collapsed to the first row, one
  warning 'duplicate_collapsed' per key naming every row;
- a different value: the FIRST row is kept (file order, so the result is reproducible and the
  user can see which), and 'conflicting_duplicate' is reported as an error naming all rows
  and values, so the conflict is never resolved silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


@dataclass
class Duplicate:
    code: str  # 'duplicate_collapsed' | 'conflicting_duplicate'
    positions: list[int]  # positions in the table, first = kept
    city: str
    indicator: str
    year: int
    values: list[float]


@dataclass
class DuplicateCheck:
    keep: np.ndarray  # bool mask
    duplicates: list[Duplicate] = field(default_factory=list)


def find_duplicates(key_parts: list[np.ndarray], value: np.ndarray) -> DuplicateCheck:
    """Rows whose keys (non-negative integer codes: city, indicator, year, unit) repeat.

    Labels (city, indicator, year) are left for the caller to fill in.
    """
    n = len(value)
    keep = np.ones(n, dtype=bool)
    if n < 2:
        return DuplicateCheck(keep)
    key = np.zeros(n, dtype=np.int64)
    for part in key_parts:
        part = np.asarray(part, dtype=np.int64)
        low = int(part.min())
        key = key * (int(part.max()) - low + 1) + (part - low)
    dup = pd.Series(key).duplicated(keep=False).to_numpy()
    result = DuplicateCheck(keep)
    if not dup.any():
        return result
    groups: dict[int, list[int]] = {}
    for p in np.flatnonzero(dup).tolist():
        groups.setdefault(int(key[p]), []).append(p)
    for members in groups.values():
        vals = [float(value[p]) for p in members]
        code = "duplicate_collapsed" if len(set(vals)) == 1 else "conflicting_duplicate"
        keep[members[1:]] = False
        result.duplicates.append(Duplicate(code, members, "", "", 0, vals))
    return result
