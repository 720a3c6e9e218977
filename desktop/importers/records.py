"""The one records builder: a ColumnTable + its TablePlan -> Records, whichever reader read it.

    table = columns.grid_table(grid, body_rows, needed_columns(plan))   # the row-wise reader
    table = source.load(plan, progress)                                  # a column-wise reader
    rec, filled_down = build_records(table, plan)

Every layout is built here: long (with further value columns and SDMX's unit split),
wide_years, wide_indicators (years in headers too) and Eurostat's packed first column. Text
columns are coded once per distinct cell (first appearance order, None last, as
mapping.factorize numbers them) and repeated for the k value columns; only what is built from
the cells' text (a fill-down, a unit split, an indicator named after its value column, a
Eurostat key) goes through object arrays, then is coded the same way. So the column-wise
readers (codes + distinct cells) and the row-wise reader (object arrays) give the same
Records, and interpret.interpret_stacked turns them into the same frame and report.

Wide layouts are melted with numpy (repeat/tile), never row by row. Each record keeps its grid
row and the column of its value cell, so every later message can name the cell. No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from desktop.importers.columns import Column, ColumnTable, Objects
from desktop.importers.layout import TablePlan, indicator_role
from desktop.importers.mapping import Coded, Records, coded, columns_by_role, factorize, file_stem
from desktop.importers.table import cell_text

#: the roles whose single column a table's records read (besides value and unit:YEAR columns)
_ROLE_COLUMNS = ("city", "city_code", "indicator", "year", "unit", "unit_mult", "currency")


def is_wide(plan: TablePlan) -> bool:
    """Several value columns per body row with the year or indicator in their headers."""
    return plan.layout in ("wide_years", "wide_indicators", "eurostat")


def value_columns(plan: TablePlan) -> list[int]:
    """The source columns holding values, in record order: a long table's value column and
    its further value columns ('value:NAME'), or a wide table's year and indicator columns."""
    if is_wide(plan):
        kinds = ("year:",) if plan.layout == "eurostat" else ("year:", "indicator:")
        return [c.index for c in plan.columns if c.role.startswith(kinds)]
    by_role = columns_by_role(plan)
    extra = [c.index for c in plan.columns if c.role.startswith("value:")]
    return [by_role["value"], *extra] if "value" in by_role else extra


def needed_columns(plan: TablePlan) -> list[int]:
    """Every column build_records reads, and the key column body rows are judged by."""
    by_role = columns_by_role(plan)
    wanted = set(value_columns(plan))
    if plan.layout == "eurostat":
        wanted.add(0)  # the packed key: unit,geo,...
    else:
        wanted |= {by_role[role] for role in _ROLE_COLUMNS if role in by_role}
        wanted |= {c.index for c in plan.columns if c.role.startswith("unit:")}
    wanted.add(by_role.get("city", 0))
    return sorted(wanted)


# --- codes -----------------------------------------------------------------------------------


def ordered(column: Coded, k: int = 1) -> Coded:
    """Codes renumbered to first appearance, None last, unused values dropped (the order
    mapping.factorize gives an object array), repeated for k value columns."""
    codes, uniques = column.codes, column.uniques
    present = _first_seen(codes, len(uniques))
    values = uniques[present]
    is_none = np.fromiter((u is None for u in values), dtype=bool, count=len(values))
    if is_none.any():
        present = np.concatenate([present[~is_none], present[is_none]])
    if len(present) != len(uniques) or (present != np.arange(len(present))).any():
        remap = np.zeros(len(uniques), dtype=codes.dtype)
        remap[present] = np.arange(len(present))
        codes, uniques = remap[codes], uniques[present]
    return Coded(np.tile(codes, k) if k > 1 else codes, uniques)


def _first_seen(codes: np.ndarray, count: int) -> np.ndarray:
    """The distinct codes (of `count`) in order of first appearance (pandas.unique, made
    cheaper by looking at a prefix, or only at the starts of runs of equal codes)."""
    if len(codes) > 16384:
        head = pd.unique(codes[:4096])
        if len(head) == count or int(codes.max()) - int(codes.min()) + 1 == len(head):
            return head  # the head holds every code there is (or can be)
        starts = np.flatnonzero(codes[1:] != codes[:-1])
        if len(starts) < len(codes) // 4:
            return pd.unique(np.concatenate([codes[:1], codes[starts + 1]]))
    return pd.unique(codes)


def _tile(column: Coded, k: int) -> Coded:
    return column if k == 1 else Coded(np.tile(column.codes, k), column.uniques)


def _constant(m: int, value: object) -> Coded:
    uniques = np.empty(1, dtype=object)
    uniques[0] = value
    return Coded(np.zeros(m, dtype=np.int64), uniques)


def _objects(m: int, value: object) -> np.ndarray:
    array = np.empty(m, dtype=object)
    array[:] = [value] * m if m else []
    return array


def cells(column: Column) -> np.ndarray:
    """A column's cells as the row-wise reader hands them over (object array)."""
    if isinstance(column, Objects):
        return column.values
    if isinstance(column, Coded):
        return column.uniques[column.codes]
    out = np.empty(len(column.values), dtype=object)
    out[:] = column.raw(np.arange(len(column.values)))
    return out


class _Reader:
    """A table's columns as codes (each coded once) or as cells."""

    def __init__(self, table: ColumnTable, known: Mapping[int, Coded] | None = None) -> None:
        self.table = table
        self._coded: dict[int, Coded] = dict(known or {})

    def codes(self, col: int) -> Coded:
        if col not in self._coded:
            column = self.table.columns[col]
            self._coded[col] = (ordered(column) if isinstance(column, Coded)
                                else coded(cells(column)))
        return self._coded[col]

    def cells(self, col: int) -> np.ndarray:
        return cells(self.table.columns[col])


# --- the builder -----------------------------------------------------------------------------


def build_records(table: ColumnTable, plan: TablePlan,
                  known: Mapping[int, Coded] | None = None) -> tuple[Records, list[int]]:
    """The table's candidate value cells as Records, and the grid rows whose blank city was
    filled down from the row above (plan.fill_down_city). `known`: columns the caller has
    coded already (as `ordered` codes them), not coded again."""
    first = plan.first_data_row
    rows = (np.asarray(table.grid_rows, dtype=np.int64) if table.grid_rows is not None
            else range(first, first + table.n))
    reader = _Reader(table, known)
    if plan.layout == "eurostat":
        return _eurostat(reader, plan, rows), []
    by_role = columns_by_role(plan)
    vcols = value_columns(plan)
    city, filled = _city(reader, plan, by_role, vcols, rows)
    unit_of = {c.index: c.unit for c in plan.columns}
    rec = Records(
        rows=rows,
        source_rows=np.asarray(table.row_numbers, dtype=np.int64),
        vcols=vcols,
        city=city,
        city_col=by_role.get("city", -1),
        indicator=_constant(0, ""),  # set by the layout below
        year=None,
        header_years=None,
        year_col=-1,
        unit=_constant(0, ""),
        header_unit=[unit_of.get(c, "") for c in vcols],
        city_code=(_tile(reader.codes(by_role["city_code"]), len(vcols))
                   if "city_code" in by_role else None),
        unit_mult_col=by_role.get("unit_mult", -1),
        unit_col=by_role.get("unit", -1),
    )
    if is_wide(plan):
        _wide(reader, plan, by_role, rec)
    else:
        _long(reader, plan, by_role, rec)
    return rec, filled


def _city(reader: _Reader, plan: TablePlan, by_role: dict[str, int], vcols: list[int],
          rows: Sequence[int]) -> tuple[Coded, list[int]]:
    """The city of every record, blank cells filled down where the plan says so."""
    n, k = reader.table.n, len(vcols)
    city_col = by_role.get("city", -1)
    if city_col < 0:
        return _constant(n * k, plan.city or ""), []
    city = reader.codes(city_col)
    blank = [u is None or (isinstance(u, str) and not u.strip()) for u in city.uniques]
    if not (plan.fill_down_city and k and any(blank)):
        return _tile(city, k), []
    names = reader.cells(city_col).copy()
    code_col = by_role.get("city_code")
    filled = _fill_down(names, rows, [reader.cells(c) for c in vcols],
                        reader.cells(code_col) if code_col is not None else None)
    return _tile(coded(names) if filled else city, k), filled


def _long(reader: _Reader, plan: TablePlan, by_role: dict[str, int], rec: Records) -> None:
    """One value column (and further 'value:NAME' columns, each its own indicator, named from
    its header, its unit from its header: the unit column gives the value column's unit)."""
    n, k = rec.n, rec.k
    extra = [value_column_name(c.role) for c in plan.columns if c.role.startswith("value:")]
    has_indicator = "indicator" in by_role
    sdmx_split = plan.layout == "sdmx" and "unit" in by_role and n > 0
    if extra or sdmx_split:
        indicator = (reader.cells(by_role["indicator"]) if has_indicator
                     else _objects(n, plan.indicator or file_stem(reader.table.grid.file)))
        if sdmx_split:
            indicator = _split_by_unit(indicator, reader.cells(by_role["unit"]))
        parts = [indicator]
        for name in extra:
            if has_indicator:
                names = pd.Series(indicator, dtype=object).map(cell_text)
                parts.append((names + " " + name).to_numpy(dtype=object))
            else:
                parts.append(_objects(n, name))
        rec.indicator = coded(np.concatenate(parts))
    elif has_indicator:
        rec.indicator = reader.codes(by_role["indicator"])
    else:
        rec.indicator = _constant(n, plan.indicator or file_stem(reader.table.grid.file))

    year_col = by_role.get("year", -1)
    rec.year = _tile(reader.codes(year_col) if year_col >= 0 else _constant(n, plan.year), k)
    rec.year_col = year_col
    if "unit" not in by_role:
        rec.unit = _constant(n * k, "")
    elif extra:  # the further value columns' units are their headers'
        rec.unit = coded(np.concatenate([reader.cells(by_role["unit"]),
                                         _objects(n * len(extra), "")]))
    else:
        rec.unit = reader.codes(by_role["unit"])
    for name in ("unit_mult", "currency"):  # these describe the value column only
        if name in by_role:
            own = reader.cells(by_role[name])
            setattr(rec, name, np.concatenate([own, _objects(n * len(extra), None)])
                    if extra else own)


def _wide(reader: _Reader, plan: TablePlan, by_role: dict[str, int], rec: Records) -> None:
    """Year columns (wide_years) or indicator columns (wide_indicators): k records per row."""
    n, k = rec.n, rec.k
    rec.wide = True
    role_of = {c.index: c.role for c in plan.columns}
    if "unit_mult" in by_role:
        rec.unit_mult = np.tile(reader.cells(by_role["unit_mult"]), k)
    if plan.layout == "wide_years":
        rec.header_years = [int(role_of[c].split(":", 1)[1]) for c in rec.vcols]
        rec.year_col = (rec.vcols[0] if k == 1 else
                        np.repeat(np.asarray(rec.vcols, dtype=np.int64), n))
        rec.indicator = (_tile(reader.codes(by_role["indicator"]), k) if "indicator" in by_role
                         else _constant(n * k, plan.indicator
                                        or file_stem(reader.table.grid.file)))
        unit_cols = {int(c.role.split(":", 1)[1]): c.index for c in plan.columns
                     if c.role.startswith("unit:")}
        if unit_cols:  # a unit column per year
            shared = (reader.cells(by_role["unit"]) if "unit" in by_role
                      else _objects(n, ""))
            rec.unit = coded(np.concatenate([
                reader.cells(unit_cols[year]) if year in unit_cols else shared
                for year in rec.header_years]) if k else np.empty(0, dtype=object))
        else:
            rec.unit = _tile(_unit(reader, by_role, n), k)
        return
    parts = [indicator_role(role_of[c]) for c in rec.vcols]
    names, header_year = zip(*parts, strict=True) if parts else ((), ())
    codes, uniques = factorize(np.array(names, dtype=object))
    rec.indicator = Coded(np.repeat(codes, n).astype(np.intp), uniques)
    rec.unit = _tile(_unit(reader, by_role, n), k)
    year_index = by_role.get("year", -1)
    year = reader.codes(year_index) if year_index >= 0 else _constant(n, plan.year)
    if all(y is None for y in header_year):
        rec.year, rec.year_col = _tile(year, k), year_index
        return
    # 'popu_2020': the header names the year; it wins over a year column
    from_header = np.repeat(np.array(header_year, dtype=object), n)
    named = from_header != None  # noqa: E711 - elementwise on an object array
    value_col = np.repeat(np.asarray(rec.vcols, dtype=np.int64), n)
    column = (reader.cells(year_index) if year_index >= 0 else _objects(n, plan.year))
    rec.year = coded(np.where(named, from_header, np.tile(column, k)))
    year_col = np.where(named, value_col, year_index)
    rec.year_col = int(year_col[0]) if (year_col == year_col[0]).all() else year_col


def _unit(reader: _Reader, by_role: dict[str, int], n: int) -> Coded:
    """The unit column's cells ('' where there is none) of the n body rows."""
    return reader.codes(by_role["unit"]) if "unit" in by_role else _constant(n, "")


def _eurostat(reader: _Reader, plan: TablePlan, rows: Sequence[int]) -> Records:
    """Eurostat's TSV: 'unit,geo\\time' packs the unit and place (and further dimensions, the
    indicator's qualifiers) into the first column; year columns follow."""
    table = reader.table
    n = table.n
    vcols = value_columns(plan)
    k = len(vcols)
    dims = list(plan.dims) or ["unit", "geo"]
    geo_at = next((i for i, d in enumerate(dims) if d.casefold() == "geo"), len(dims) - 1)
    unit_at = next((i for i, d in enumerate(dims) if d.casefold() == "unit"), None)
    packed = pd.Series(reader.cells(0), dtype=object).map(cell_text)
    parts = packed.str.split(",", expand=True, regex=False)
    for extra in range(parts.shape[1], len(dims)):
        parts[extra] = ""
    parts = parts.fillna("")
    geo = parts[geo_at].to_numpy(dtype=object)
    unit = parts[unit_at].to_numpy(dtype=object) if unit_at is not None else _objects(n, "")
    base = plan.indicator or file_stem(table.grid.file)
    others = [i for i in range(len(dims)) if i != geo_at]
    if others:
        label = parts[others[0]].astype(str)
        for i in others[1:]:
            label = label + "," + parts[i].astype(str)
        indicator = (base + " [" + label + "]").to_numpy(dtype=object)
    else:
        indicator = _objects(n, base)
    role_of = {c.index: c.role for c in plan.columns}
    return Records(
        rows=rows,
        source_rows=np.asarray(table.row_numbers, dtype=np.int64),
        vcols=vcols,
        city=_tile(coded(geo), k),
        city_col=0,
        indicator=_tile(coded(indicator), k),
        year=None,
        header_years=[int(role_of[c].split(":", 1)[1]) for c in vcols],
        year_col=(vcols[0] if k == 1 else np.repeat(np.asarray(vcols, dtype=np.int64), n)),
        unit=_tile(coded(unit), k),
        header_unit=[""] * k,
        wide=True,
    )


# --- helpers over cells ----------------------------------------------------------------------


def value_column_name(role: str) -> str:
    """'value:增速' -> '增速': the indicator (or, beside an indicator column, the measure of
    each row's indicator) a further value column of a long table holds."""
    return role.split(":", 1)[1]


def _split_by_unit(indicator: np.ndarray, unit: np.ndarray) -> np.ndarray:
    """SDMX: a measure given in several UNIT_MEASUREs is several series: 'B1GQ_V [USD]'."""
    frame = pd.DataFrame({"i": pd.Series(indicator, dtype=object).map(cell_text),
                          "u": pd.Series(unit, dtype=object).map(cell_text)})
    counts = frame.drop_duplicates().groupby("i")["u"].nunique()
    several = frame["i"].isin(counts[counts > 1].index).to_numpy()
    if not several.any():
        return indicator
    labelled = (frame["i"] + " [" + frame["u"] + "]").to_numpy(dtype=object)
    return np.where(several, labelled, indicator)


def _is_blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _blank_mask(array: np.ndarray) -> np.ndarray:
    """True for None and for strings that are empty or white space only."""
    return np.fromiter((c is None or (type(c) is str and not c.strip()) or
                        (type(c) is float and c != c) for c in array),
                       dtype=bool, count=len(array))


_NO_NAME_ABOVE = object()  # a row named by its code: the fill stops there


def _fill_down(city: np.ndarray, rows: Sequence[int], values: list[np.ndarray],
               city_code: np.ndarray | None = None) -> list[int]:
    """Blank city cells below a named one take that name when the row has values (in place;
    returns the grid rows filled). A row that gives the city's statistical code is named by
    it, not filled, and ends the name above: a blank row after it has no name to take."""
    codes, uniques = factorize(city)
    blank_unique = np.array([_is_blank(u) for u in uniques], dtype=bool)
    if not blank_unique.any():
        return []
    blank = blank_unique[codes]
    named_by_code = (~_blank_mask(city_code) if city_code is not None
                     else np.zeros(len(city), dtype=bool))
    has_value = np.zeros(len(city), dtype=bool)
    for array in values:
        has_value |= ~_blank_mask(array)
    above = np.where(blank, None, city).astype(object)
    above[blank & named_by_code] = _NO_NAME_ABOVE
    above = pd.Series(above, dtype=object).ffill().to_numpy()
    fill = blank & ~named_by_code & has_value & (above != None)  # noqa: E711 - elementwise
    if named_by_code.any():
        fill &= above != _NO_NAME_ABOVE
    city[fill] = above[fill]
    return [int(rows[k]) for k in np.flatnonzero(fill)]


__all__ = [
    "build_records",
    "cells",
    "needed_columns",
    "ordered",
    "value_column_name",
    "value_columns",
]
