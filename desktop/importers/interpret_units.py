"""Indicators and units of an interpretation's records: names cleaned, units read from the
unit column, the header or the name, per-row series scales, and what disagrees (header unit
vs unit column, mixed units within an indicator, unreadable scales), said per cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from desktop.importers import numbers as num
from desktop.importers.layout import (
    TablePlan,
)
from desktop.importers.mapping import (
    Coded,
    Records,
    coded,
    first_positions,
)
from desktop.importers.matching import (
    clean_name,
)
from desktop.importers.model import (
    ImportReport,
    column_letter,
    counted,
    plural,
)
from desktop.importers.series import UnreadableScale, scaled_unit, split_series_by_unit
from desktop.importers.table import (
    cell_text,
)
from desktop.importers.unit_parsing import (
    per_person_units,
    sdmx_unit,
    split_unit,
    unit_label,
    unit_or_text,
)

if TYPE_CHECKING:
    pass

from desktop.importers.issue_log import MAX_CELL_ISSUES, Issues


@dataclass
class _Units:
    names: np.ndarray  # object: cleaned indicator name per indicator code
    name_codes: np.ndarray  # per indicator code: code of its cleaned name
    specs: list  # UnitSpec | None per unit code
    codes: np.ndarray  # unit code per record
    #: indicator code per record (into `names`): the raw indicator cells, or those cells
    #: split by unit where one series is given in units that cannot be converted
    indicator: Coded
    unreadable: np.ndarray  # bool per unit code: its scale cannot be read (not imported)
    refused: np.ndarray | None = None  # per record: header and unit column disagree in kind


def indicators_and_units(rec: Records, plan: TablePlan, issues: Issues,
                          report: ImportReport) -> _Units:
    """Indicator names (a unit inside the name is taken out) and the unit of every record:
    the unit cell, else the unit in the name, the value column's header, the plan's unit."""
    m = rec.m
    ind = rec.indicator
    names, name_units = [], []
    for raw in ind.uniques:
        name = clean_name(cell_text(raw))
        stripped_name, spec, stripped = split_unit(name)
        names.append(stripped_name if stripped else name)
        name_units.append(spec.source if spec else "")
    explicit = rec.unit
    explicit_text = [cell_text(u) for u in explicit.uniques]
    if "" in explicit_text:
        # records without a unit cell: the unit depends on (unit cell, indicator, column)
        n_ind, k = len(ind.uniques), rec.k
        if len(explicit_text) == 1 and k == 1:
            combo_codes, combo_keys = ind.codes, np.arange(n_ind)
        else:
            combo = (explicit.codes.astype(np.int64) * n_ind + ind.codes) * k
            if k > 1:
                combo += rec.per_column()
            combo_codes, combo_keys = pd.factorize(combo)
        texts = []
        for key in combo_keys.tolist():
            rest, vc = divmod(key, k)
            e, i = divmod(rest, n_ind)
            text = explicit_text[e] or name_units[i] or rec.header_unit[vc] or ""
            if not text and plan.unit:
                text = plan.unit
            texts.append(text)
        text_codes, text_uniques = _factorize_list(texts)
        unit_codes = text_codes[combo_codes]
    else:
        unit_codes, text_uniques = explicit.codes, explicit_text
    if rec.unit_mult is not None or rec.currency is not None:
        empty = np.full(m, "", dtype=object)
        mult = coded(rec.unit_mult if rec.unit_mult is not None else empty)
        currency = coded(rec.currency if rec.currency is not None else empty)
        key = (unit_codes.astype(np.int64) * len(mult.uniques) + mult.codes) * len(
            currency.uniques) + currency.codes
        unit_codes, keys = pd.factorize(key)
        specs = []
        for key_value in keys.tolist():
            rest, c = divmod(key_value, len(currency.uniques))
            t, u = divmod(rest, len(mult.uniques))
            measure = cell_text(text_uniques[t])
            if measure.upper() == "XDC" and cell_text(currency.uniques[c]):
                measure = cell_text(currency.uniques[c])
            scale = cell_text(mult.uniques[u])
            if plan.layout == "sdmx":
                specs.append(sdmx_unit(measure, scale))
            else:
                specs.append(scaled_unit(measure, scale))
    else:
        specs = [unit_or_text(u) if u else None for u in text_uniques]
    unit_codes = np.asarray(unit_codes)
    # 人均… in 元 is yuan per person, never a money total (unit_parsing.per_person_units)
    specs, unit_codes, per_person = per_person_units(names, ind.codes, unit_codes, specs)
    for name, spec, first in per_person:
        issues.add("per_person_unit",
                   f"{name}: unit {spec.source!r} read as {unit_label(spec.code)}, since the "
                   "name says per person (not a money total)", issues.at(rec, first), info=True,
                   indicator=name, unit=spec.source, unit_code=spec.code)
    unreadable = np.array([isinstance(s, UnreadableScale) for s in specs], dtype=bool)

    # report units: unknown ones, conversions, and mixed units within an indicator
    firsts = counts = None
    for k, spec in enumerate(specs):
        if spec is None or isinstance(spec, UnreadableScale):
            continue
        if not spec.known:
            if firsts is None:
                firsts = first_positions(unit_codes, len(specs))
                counts = np.bincount(unit_codes, minlength=len(specs))
            where = issues.at(rec, int(firsts[k])) if m else issues.loc()
            at_rows = _rows_of(rec, unit_codes, k) if m and len(specs) <= 50 else []
            listed = (f" (rows {', '.join(map(str, at_rows[:10]))}"
                      f"{', …' if len(at_rows) > 10 else ''})" if at_rows else "")
            issues.add("unknown_unit",
                       f"unit {spec.source!r} is not known; values kept as written{listed}",
                       where, unit=spec.source, rows=int(counts[k]),
                       source_rows=at_rows[:MAX_CELL_ISSUES])
        if spec.exponent:
            text = spec.describe()
            if text not in report.units_converted:
                report.units_converted.append(text)
                report.unit_conversions.append((spec.source, spec.code, spec.exponent))
    refused = _header_unit_conflicts(rec, explicit_text, issues)
    indicator = Coded(ind.codes, ind.uniques)
    if m and len(specs) > 1 and plan.layout in ("wide_years", "long") and (
            rec.unit_mult is not None or plan.layout == "wide_years"):
        indicator, names = split_series_by_unit(ind.codes, names, unit_codes, specs)
        if len(names) > len(ind.uniques):
            _series_split_note(rec, indicator, names, ind.codes, issues)
    name_codes, _ = _factorize_list(names)
    names_arr = np.array(names, dtype=object)
    codes = indicator.codes
    if m and len(specs) > 1:
        _mixed_units(name_codes[codes], unit_codes, specs, rec, issues,
                     lambda first: str(names_arr[codes[first]]))
    return _Units(names_arr, name_codes, specs, unit_codes, indicator, unreadable, refused)


def _header_unit_conflicts(rec: Records, explicit_text: list[str],
                           issues: Issues) -> np.ndarray | None:
    """A value column whose header names a unit ('GDP (亿元)') beside a unit column that says
    another ('万元'): never resolved silently. The same kind of unit at another scale is a
    warning (the unit column is used: it is written per row); units of different kinds
    (亿元 vs 万人) refuse those values, since neither can be trusted. Returns the refused
    records (None: none)."""
    if rec.unit_mult is not None or not any(explicit_text) or not any(rec.header_unit):
        return None
    refused = None
    n = rec.n
    parsed: dict[str, object] = {}

    def spec_of(text: str):
        return parsed.setdefault(text, unit_or_text(text))

    for j, header_text in enumerate(rec.header_unit):
        if not header_text:
            continue
        header_spec = spec_of(header_text)
        cells = rec.unit.codes[j * n:(j + 1) * n]
        for e in pd.unique(cells).tolist():
            text = explicit_text[e]
            if not text:
                continue
            cell_spec = spec_of(text)
            if (cell_spec.code, cell_spec.exponent) == (header_spec.code, header_spec.exponent):
                continue
            where = np.flatnonzero(cells == e)
            rows = rec.source_rows[where].tolist()
            listed = ", ".join(map(str, rows[:10])) + (", …" if len(rows) > 10 else "")
            column = column_letter(rec.vcols[j])
            unit_col = rec.unit_col_letter
            location = issues.loc(rec.row_at(int(where[0])), rec.vcols[j])
            values = dict(column=column, header_unit=header_text, cell_unit=text,
                          unit_column=unit_col, rows=rows[:MAX_CELL_ISSUES], count=len(rows))
            differ_kind = (header_spec.known and cell_spec.known
                           and header_spec.code != cell_spec.code)
            if differ_kind:
                if refused is None:
                    refused = np.zeros(rec.m, dtype=bool)
                refused[j * n + where] = True
                issues.add("unit_conflict",
                           f"column {column}'s header says {header_text} but the unit column"
                           f" ({unit_col}) says {text} in {plural(len(rows), 'row')} "
                           f"{listed}: different kinds of unit; "
                           f"{plural(len(rows), 'this value was', 'these values were')} "
                           "not imported", location, **values)
            else:
                issues.add("header_unit_differs",
                           f"column {column}'s header says {header_text} but the unit column"
                           f" ({unit_col}) says {text} in {plural(len(rows), 'row')} "
                           f"{listed}; used {text} from the unit column", location, **values)
    return refused


def _series_split_note(rec: Records, indicator: Coded, names: list[str],
                       raw_codes: np.ndarray, issues: Issues) -> None:
    """Say which series were given in several units and became one indicator per unit."""
    firsts = first_positions(indicator.codes, len(names))
    raw_of = raw_codes[firsts]  # the raw series cell of each new indicator
    parts = np.bincount(raw_of)
    split = [names[j] for j in np.flatnonzero(parts[raw_of] > 1).tolist()]
    issues.add("series_split_by_unit",
               f"{counted(len(split), 'series', 'series')} given in units that cannot be "
               f"converted into each other became one indicator per unit: "
               + ", ".join(split[:10]) + ("…" if len(split) > 10 else ""),
               issues.at(rec, int(firsts[0])), count=len(split), series=split[:50])


def unreadable_scales(rec: Records, units: _Units, status: np.ndarray,
                       issues: Issues) -> None:
    """Values whose scale cell ('Billions', '亿', UNIT_MULT) cannot be read are not imported:
    kept unscaled they would be silently wrong by a power of ten. Named row by row."""
    if not units.unreadable.any():
        return
    bad = units.unreadable[units.codes] & (status != num.MISSING)
    status[bad] = num.BAD
    positions = np.flatnonzero(bad)
    rows, first = np.unique(rec.grid_row[positions], return_index=True)
    for row, at in zip(rows[: MAX_CELL_ISSUES + 1].tolist(),
                       first[: MAX_CELL_ISSUES + 1].tolist(), strict=True):
        spec = units.specs[units.codes[int(positions[at])]]
        issues.add("unreadable_scale",
                   f"scale {spec.scale!r} cannot be read (expected e.g. Billions, Millions, "
                   "Thousands, Units, 亿, 万 or a power of ten); the row's values were not "
                   "imported", issues.loc(row, rec.unit_mult_col), cap=True, scale=spec.scale,
                   unit=spec.measure)
    issues.counts["unreadable_scale"] = len(rows)


def _rows_of(rec: Records, unit_codes: np.ndarray, code: int) -> list[int]:
    """Source rows (sorted, distinct) of the records whose unit is `code`."""
    positions = np.flatnonzero(unit_codes == code)
    return np.unique(rec.source_rows[positions % rec.n]).tolist()


def _factorize_list(values: list) -> tuple[np.ndarray, list]:
    index: dict = {}
    codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.intp,
                        count=len(values))
    return codes, list(index)


def _mixed_units(ind_codes: np.ndarray, unit_codes: np.ndarray, specs: list, rec: Records,
                 issues: Issues, name_of: Callable[[int], str]) -> None:
    """One issue per indicator given in several units: converted ('mixed_units') or not
    convertible ('inconsistent_units'). `ind_codes`: cleaned indicator name per record."""
    width = int(unit_codes.max()) + 1
    pairs = np.sort(pd.unique(ind_codes.astype(np.int64) * width + unit_codes))
    pair_ind, pair_unit = pairs // width, pairs % width
    several = np.unique(pair_ind[np.r_[False, pair_ind[1:] == pair_ind[:-1]]])
    for code in several.tolist():
        codes = pair_unit[pair_ind == code].tolist()
        mask = ind_codes == code
        first = int(np.argmax(mask))
        name = name_of(first)
        used = [specs[c] for c in codes if specs[c] is not None]
        canon = {s.code for s in used}
        sources = [s.source for s in used][:6] + (["…"] if len(used) > 6 else [])
        rows_by_unit = {}
        for c in codes:
            spec = specs[c]
            rows_by_unit[spec.source if spec else ""] = int((mask & (unit_codes == c)).sum())
        where = issues.at(rec, first)
        if len(canon) == 1 and len(used) == len(codes):
            code = next(iter(canon))
            issues.add("mixed_units",
                       f"{name}: values given in {', '.join(sources)}; all converted to "
                       f"{unit_label(code) if code else 'the same scale'}",
                       where, indicator=name, units=rows_by_unit, unit=code)
        else:
            issues.add("inconsistent_units",
                       f"{name}: values in different units ({', '.join(sources) or '—'}) that "
                       "cannot be converted into each other; check before comparing",
                       where, indicator=name, units=rows_by_unit)
