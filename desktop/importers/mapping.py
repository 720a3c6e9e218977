"""Grid + plan -> one record per value cell (still raw text), whatever the layout.

Wide layouts are melted with numpy (repeat/tile of column arrays), never row by row.
Each record keeps its grid row and the column of its value cell, so every later message
can name the cell. Nothing is parsed here except Eurostat's packed first column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

import numpy as np
import pandas as pd

from desktop.importers.layout import TablePlan, indicator_role
from desktop.importers.model import RawGrid, column_letter
from desktop.importers.table import cell_text


@dataclass
class Stacked:
    """Parallel arrays, one entry per candidate value cell."""

    grid_row: np.ndarray  # int64
    value_col: np.ndarray  # int64
    value: np.ndarray  # object: the raw value cells
    city: np.ndarray  # object
    city_col: int  # -1 when the city is the plan's constant
    indicator: np.ndarray  # object: names as written (may still carry a unit)
    year: np.ndarray  # object: raw year cells, or ints from year headers
    year_col: np.ndarray  # int64: the cell the year came from (header column for wide years)
    year_from_header: bool
    unit: np.ndarray  # object: unit text per record from a unit column/cell ('' none)
    header_unit: np.ndarray  # object: unit text from the value column's header/unit row
    unit_mult: np.ndarray | None = None  # object (SDMX UNIT_MULT, or a scale: 'Billions')
    unit_mult_col: int = -1
    unit_col: int = -1  # the unit column ('' cells where none)
    currency: np.ndarray | None = None  # object (SDMX CURRENCY)
    flag: np.ndarray | None = None  # object (SDMX OBS_STATUS)
    wide: bool = False  # one body row gave several records
    filled_down: list[int] = field(default_factory=list)  # grid rows whose city was filled
    city_code: np.ndarray | None = None  # object: statistical codes of the cities, if given
    notes: list[tuple[str, int, int, str]] = field(default_factory=list)  # code,row,col,text


@dataclass
class Coded:
    """Cells as codes into their distinct values (the raw cells, as readers hand them over).
    In Records, codes are numbered in order of first appearance with None last (the order
    `factorize` gives) and every value is used."""

    codes: np.ndarray  # integers (any width)
    uniques: np.ndarray  # object


@dataclass
class Records:
    """The candidate value cells of a table, coded: the input of interpret.interpret_stacked.

    Records run value column by value column: record p is body row p % n of value column
    vcols[p // n] (m = n * k records). Both import paths build this: the row-wise one from
    Stacked (`code_records`), the column-wise one (fast_path) straight from its columns.
    """

    rows: np.ndarray | range  # (n): grid row of each body row
    source_rows: np.ndarray  # int64 (n): 1-based source row of each body row
    vcols: list[int]  # the k value columns
    city: Coded  # raw city cells (m)
    city_col: int  # -1 when the city is the plan's constant
    indicator: Coded  # indicator names as written (m)
    year: Coded | None  # raw year cells (m); None: `header_years` give them
    header_years: list[int] | None  # per value column
    year_col: np.ndarray | int  # the cell a year came from (per record, or one column)
    unit: Coded  # unit cells ('' none) (m)
    header_unit: list[str]  # unit text of each value column's header
    wide: bool = False
    unit_mult: np.ndarray | None = None  # object (SDMX UNIT_MULT, m)
    currency: np.ndarray | None = None  # object (SDMX CURRENCY, m)
    city_code: Coded | None = None  # statistical codes of the cities (m)
    unit_mult_col: int = -1  # the scale / UNIT_MULT column, for messages
    unit_col: int = -1  # the unit column, for messages

    @property
    def unit_col_letter(self) -> str:
        return column_letter(self.unit_col) if self.unit_col >= 0 else ""

    @property
    def n(self) -> int:
        return len(self.rows)

    @property
    def k(self) -> int:
        return len(self.vcols)

    @property
    def m(self) -> int:
        return self.n * self.k

    def row_at(self, p: int) -> int:
        return int(self.rows[p % self.n])

    def col_at(self, p: int) -> int:
        return int(self.vcols[p // self.n])

    def year_col_at(self, p: int) -> int:
        return int(self.year_col if isinstance(self.year_col, int) else self.year_col[p])

    @property
    def grid_row(self) -> np.ndarray:
        """Grid row per record (m)."""
        rows = np.asarray(self.rows, dtype=np.int64)
        return rows if self.k == 1 else np.tile(rows, self.k)

    @property
    def value_col(self) -> np.ndarray:
        """Value column per record (m)."""
        return np.repeat(np.asarray(self.vcols, dtype=np.int64), self.n)

    def per_column(self) -> np.ndarray:
        """Index of the value column (0..k-1) per record."""
        return np.repeat(np.arange(self.k, dtype=np.intp), self.n)


def first_positions(codes: np.ndarray, count: int) -> np.ndarray:
    """First position of each code 0..count-1 (every code present)."""
    if not len(codes) or count <= 1:
        return np.zeros(count, dtype=np.intp)
    # codes numbered in order of first appearance: each first appearance is a new maximum
    seen = np.maximum.accumulate(codes)
    starts = np.flatnonzero(np.r_[True, seen[1:] > seen[:-1]])
    if len(starts) == count and (seen[starts] == np.arange(count)).all():
        return starts
    _, first = np.unique(codes, return_index=True)
    out = np.zeros(count, dtype=np.intp)
    out[: len(first)] = first
    return out


def coded(array: np.ndarray) -> Coded:
    """An object array as codes (factorize order) into its distinct values."""
    return Coded(*factorize(array))


def code_records(stacked: Stacked, rows: list[int], row_numbers) -> Records:
    """Stacked (object arrays, one entry per record) -> Records."""
    n = len(rows)
    m = len(stacked.value)
    k = m // n if n else 0
    if k * n != m:
        raise ValueError("stacked records are not n body rows x k value columns")
    starts = range(0, m, n) if n else range(0)
    vcols = [int(stacked.value_col[s]) for s in starts]
    grid_rows = np.asarray(rows, dtype=np.int64)
    year_col = stacked.year_col
    if len(year_col) and (year_col == year_col[0]).all():
        year_col = int(year_col[0])
    return Records(
        rows=grid_rows,
        source_rows=np.asarray(row_numbers, dtype=np.int64)[grid_rows] if n else
        np.zeros(0, dtype=np.int64),
        vcols=vcols,
        city=coded(stacked.city),
        city_col=stacked.city_col,
        indicator=coded(stacked.indicator),
        year=None if stacked.year_from_header else coded(stacked.year),
        header_years=[int(stacked.year[s]) for s in starts] if stacked.year_from_header
        else None,
        year_col=year_col if isinstance(year_col, int) else np.asarray(year_col, np.int64),
        unit=coded(stacked.unit),
        header_unit=[stacked.header_unit[s] for s in starts],
        wide=stacked.wide,
        unit_mult=stacked.unit_mult,
        currency=stacked.currency,
        city_code=None if stacked.city_code is None else coded(stacked.city_code),
        unit_mult_col=stacked.unit_mult_col,
        unit_col=stacked.unit_col,
    )


def _columns(grid: RawGrid, rows: list[int], wanted: list[int]) -> dict[int, np.ndarray]:
    """Object arrays of the wanted columns over the body rows (short rows read as empty)."""
    out: dict[int, np.ndarray] = {}
    if not wanted or not rows:
        return {c: np.empty(0, dtype=object) for c in wanted}
    if rows[-1] - rows[0] + 1 == len(rows):  # contiguous: slice, no per-row lookup
        selected = grid.rows[rows[0]: rows[-1] + 1]
    else:
        selected = [grid.rows[i] for i in rows]
    need = max(wanted) + 1
    rectangular = min(map(len, selected)) >= need
    for c in wanted:
        if rectangular:
            values = [r[c] for r in selected]
        else:
            values = [r[c] if c < len(r) else None for r in selected]
        array = np.empty(len(values), dtype=object)
        array[:] = values
        out[c] = array
    _fill_merged(grid, rows, out)
    return out


def _fill_merged(grid: RawGrid, rows: list[int], columns: dict[int, np.ndarray]) -> None:
    """Cells under a merged block (e.g. a city merged down 3 rows) take the block's value."""
    if not grid.merged or not rows:
        return
    position = {r: k for k, r in enumerate(rows)}
    for merged in grid.merged:
        if merged.last_row == merged.first_row or merged.first_row < rows[0]:
            continue
        for c in range(merged.first_column, merged.last_column + 1):
            if c not in columns:
                continue
            top = position.get(merged.first_row)
            if top is None:
                continue
            value = columns[c][top]
            for r in range(merged.first_row + 1, merged.last_row + 1):
                k = position.get(r)
                if k is not None and _is_blank(columns[c][k]):
                    columns[c][k] = value


def factorize(array: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """pandas.factorize that keeps None as a value (listed last), without the slow path."""
    codes, uniques = pd.factorize(array)
    uniques = np.asarray(uniques, dtype=object)
    if len(codes) and codes.min() < 0:
        codes = np.where(codes < 0, len(uniques), codes)
        uniques = np.append(uniques, np.array([None], dtype=object))
    return codes.astype(np.int64, copy=False), uniques


def _is_blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _blank_mask(array: np.ndarray) -> np.ndarray:
    """True for None and for strings that are empty or white space only."""
    return np.fromiter((c is None or (type(c) is str and not c.strip()) or
                        (type(c) is float and c != c) for c in array),
                       dtype=bool, count=len(array))


_NO_NAME_ABOVE = object()  # a row named by its code: the fill stops there


def _fill_down(city: np.ndarray, rows: list[int], values: list[np.ndarray],
               city_code: np.ndarray | None = None) -> list[int]:
    """Blank city cells below a named one take that name when the row has values. A row that
    gives the city's statistical code is named by it, not filled, and ends the name above: a
    blank row after it has no name to take."""
    codes, uniques = factorize(city)
    blank_unique = np.array([_is_blank(u) for u in uniques], dtype=bool)
    if not blank_unique.any():
        return []
    blank = blank_unique[codes]
    coded = (~_blank_mask(city_code) if city_code is not None
             else np.zeros(len(city), dtype=bool))
    has_value = np.zeros(len(city), dtype=bool)
    for array in values:
        has_value |= ~_blank_mask(array)
    above = np.where(blank, None, city).astype(object)
    above[blank & coded] = _NO_NAME_ABOVE
    above = pd.Series(above, dtype=object).ffill().to_numpy()
    fill = blank & ~coded & has_value & (above != None)  # noqa: E711 - elementwise
    if coded.any():
        fill &= above != _NO_NAME_ABOVE
    city[fill] = above[fill]
    return [rows[k] for k in np.flatnonzero(fill)]


def file_stem(name: str) -> str:
    stem = PurePath(name).name
    for suffix in (".gz", ".tsv", ".csv", ".txt", ".xlsx", ".xls", ".xlsm"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    return stem


def columns_by_role(plan: TablePlan) -> dict[str, int]:
    """Role -> the first column that has it (both records builders read roles this way)."""
    by_role: dict[str, int] = {}
    for col in plan.columns:
        by_role.setdefault(col.role, col.index)
    return by_role


def stack(grid: RawGrid, plan: TablePlan, rows: list[int]) -> Stacked:
    layout = plan.layout
    by_role = columns_by_role(plan)
    if layout == "eurostat":
        return _stack_eurostat(grid, plan, rows)
    if layout in ("wide_years", "wide_indicators"):
        return _stack_wide(grid, plan, rows, by_role)
    return _stack_long(grid, plan, rows, by_role)


def _constant(n: int, value: object) -> np.ndarray:
    array = np.empty(n, dtype=object)
    array[:] = [value] * n if n else []
    return array


def _stack_long(grid: RawGrid, plan: TablePlan, rows: list[int],
                by_role: dict[str, int]) -> Stacked:
    n = len(rows)
    value_col = by_role["value"]
    extra = [c for c in plan.columns if c.role.startswith("value:")]
    wanted = [by_role[r] for r in ("city", "city_code", "indicator", "year", "value", "unit",
                                   "unit_mult", "currency", "flag") if r in by_role]
    cols = _columns(grid, rows, wanted + [c.index for c in extra])
    city_col = by_role.get("city", -1)
    city = cols[city_col] if city_col >= 0 else _constant(n, plan.city or "")
    filled: list[int] = []
    if city_col >= 0 and plan.fill_down_city:
        filled = _fill_down(city, rows, [cols[value_col]] + [cols[c.index] for c in extra],
                            cols.get(by_role.get("city_code", -1)))
    if "indicator" in by_role:
        indicator = cols[by_role["indicator"]]
    else:
        indicator = _constant(n, plan.indicator or file_stem(grid.file))
    year_col = by_role.get("year", -1)
    year = cols[year_col] if year_col >= 0 else _constant(n, plan.year)
    unit = cols[by_role["unit"]] if "unit" in by_role else _constant(n, "")
    if plan.layout == "sdmx" and "unit" in by_role and n:
        indicator = _split_by_unit(indicator, unit)
    header_unit = _constant(n, next((c.unit for c in plan.columns if c.index == value_col), ""))
    stacked = Stacked(
        grid_row=np.asarray(rows, dtype=np.int64),
        value_col=np.full(n, value_col, dtype=np.int64),
        value=cols[value_col],
        city=city,
        city_col=city_col,
        indicator=indicator,
        year=year,
        year_col=np.full(n, year_col, dtype=np.int64),
        year_from_header=False,
        unit=unit,
        header_unit=header_unit,
        unit_mult=cols.get(by_role.get("unit_mult", -1)),
        unit_mult_col=by_role.get("unit_mult", -1),
        unit_col=by_role.get("unit", -1),
        currency=cols.get(by_role.get("currency", -1)),
        flag=cols.get(by_role.get("flag", -1)),
        filled_down=filled,
        city_code=cols.get(by_role.get("city_code", -1)),
    )
    if extra:
        _add_value_columns(stacked, extra, cols, "indicator" in by_role)
    return stacked


def value_column_name(role: str) -> str:
    """'value:增速' -> '增速': the indicator (or, beside an indicator column, the measure of
    each row's indicator) a further value column of a long table holds."""
    return role.split(":", 1)[1]


def _add_value_columns(stacked: Stacked, extra: list, cols: dict, has_indicator: bool) -> None:
    """A long table's further value columns ('数值' and '增速'; GDP and population beside a
    value column) as records of their own, after the value column's: each its own indicator,
    named from its header ('GDP 增速' beside an indicator column), its unit from its header
    (the unit column gives the first value column's unit only)."""
    n = len(stacked.value)
    parts = {name: [] for name in ("grid_row", "value_col", "value", "city", "indicator",
                                   "year", "year_col", "unit", "header_unit")}
    for c in extra:
        name = value_column_name(c.role)
        if has_indicator:
            names = pd.Series(stacked.indicator[:n], dtype=object).map(cell_text)
            indicator = (names + " " + name).to_numpy(dtype=object)
        else:
            indicator = _constant(n, name)
        parts["grid_row"].append(stacked.grid_row[:n])
        parts["value_col"].append(np.full(n, c.index, dtype=np.int64))
        parts["value"].append(cols[c.index])
        parts["city"].append(stacked.city[:n])
        parts["indicator"].append(indicator)
        parts["year"].append(stacked.year[:n])
        parts["year_col"].append(stacked.year_col[:n])
        parts["unit"].append(_constant(n, ""))
        parts["header_unit"].append(_constant(n, c.unit))
    for name, arrays in parts.items():
        setattr(stacked, name, np.concatenate([getattr(stacked, name), *arrays]))
    if stacked.city_code is not None:  # a row's city code names the city of all its values
        stacked.city_code = np.concatenate([stacked.city_code] * (1 + len(extra)))
    for name in ("unit_mult", "currency", "flag"):  # these describe the value column only
        array = getattr(stacked, name)
        if array is not None:
            setattr(stacked, name, np.concatenate([array, _constant(n * len(extra), None)]))


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


def _stack_wide(grid: RawGrid, plan: TablePlan, rows: list[int],
                by_role: dict[str, int]) -> Stacked:
    n = len(rows)
    value_plans = [c for c in plan.columns
                   if c.role.startswith("year:") or c.role.startswith("indicator:")]
    unit_cols = {int(c.role.split(":", 1)[1]): c.index for c in plan.columns
                 if c.role.startswith("unit:")}
    wanted = sorted({c.index for c in value_plans} | set(unit_cols.values()) |
                    {by_role[r] for r in ("city", "city_code", "indicator", "year", "unit",
                                          "unit_mult") if r in by_role})
    cols = _columns(grid, rows, wanted)
    k = len(value_plans)
    city_col = by_role.get("city", -1)
    city = cols[city_col] if city_col >= 0 else _constant(n, plan.city or "")
    filled: list[int] = []
    if city_col >= 0 and plan.fill_down_city and k:
        filled = _fill_down(city, rows, [cols[c.index] for c in value_plans],
                            cols.get(by_role.get("city_code", -1)))

    values = np.concatenate([cols[c.index] for c in value_plans]) if k else np.empty(0, object)
    value_col = np.repeat(np.array([c.index for c in value_plans], dtype=np.int64), n)
    grid_row = np.tile(np.asarray(rows, dtype=np.int64), k)
    city_all = np.tile(city, k)

    if plan.layout == "wide_years":
        years = np.repeat(np.array([int(c.role.split(":", 1)[1]) for c in value_plans],
                                   dtype=object), n)
        year_col = value_col.copy()
        from_header = True
        if "indicator" in by_role:
            indicator = np.tile(cols[by_role["indicator"]], k)
        else:
            indicator = _constant(n * k, plan.indicator or file_stem(grid.file))
        unit_parts = []
        for c in value_plans:
            year = int(c.role.split(":", 1)[1])
            if year in unit_cols:
                unit_parts.append(cols[unit_cols[year]])
            elif "unit" in by_role:
                unit_parts.append(cols[by_role["unit"]])
            else:
                unit_parts.append(_constant(n, ""))
        unit = np.concatenate(unit_parts) if k else np.empty(0, object)
    else:
        parts = [indicator_role(c.role) for c in value_plans]
        names = np.array([name for name, _ in parts], dtype=object)
        indicator = np.repeat(names, n)
        year_index = by_role.get("year", -1)
        years = (np.tile(cols[year_index], k) if year_index >= 0
                 else _constant(n * k, plan.year))
        year_col = np.full(n * k, year_index, dtype=np.int64)
        from_header = False
        if any(year is not None for _, year in parts):
            # 'popu_2020': the header names the year; it wins over a year column
            header_years = np.repeat(np.array([y for _, y in parts], dtype=object), n)
            named = header_years != None  # noqa: E711 - elementwise on an object array
            years = np.where(named, header_years, years)
            year_col = np.where(named, value_col, year_col)
        unit = (np.tile(cols[by_role["unit"]], k) if "unit" in by_role
                else _constant(n * k, ""))
    header_unit = np.repeat(np.array([c.unit for c in value_plans], dtype=object), n)
    code_col = by_role.get("city_code", -1)
    city_code = np.tile(cols[code_col], k) if code_col >= 0 else None
    mult_col = by_role.get("unit_mult", -1)
    unit_mult = np.tile(cols[mult_col], k) if mult_col >= 0 else None
    return Stacked(grid_row, value_col, values, city_all, city_col, indicator, years,
                   year_col, from_header, unit, header_unit, wide=True, filled_down=filled,
                   city_code=city_code, unit_mult=unit_mult, unit_mult_col=mult_col,
                   unit_col=by_role.get("unit", -1))


def _stack_eurostat(grid: RawGrid, plan: TablePlan, rows: list[int]) -> Stacked:
    n = len(rows)
    value_plans = [c for c in plan.columns if c.role.startswith("year:")]
    cols = _columns(grid, rows, [0] + [c.index for c in value_plans])
    dims = list(plan.dims) or ["unit", "geo"]
    geo_at = next((i for i, d in enumerate(dims) if d.casefold() == "geo"), len(dims) - 1)
    unit_at = next((i for i, d in enumerate(dims) if d.casefold() == "unit"), None)
    packed = pd.Series(cols[0], dtype=object).map(cell_text)
    parts = packed.str.split(",", expand=True, regex=False)
    if parts.shape[1] < len(dims):
        for extra in range(parts.shape[1], len(dims)):
            parts[extra] = ""
    parts = parts.fillna("")
    geo = parts[geo_at].to_numpy(dtype=object)
    unit = parts[unit_at].to_numpy(dtype=object) if unit_at is not None else _constant(n, "")
    base = plan.indicator or file_stem(grid.file)
    others = [i for i in range(len(dims)) if i != geo_at]
    if others:
        label = parts[others[0]].astype(str)
        for i in others[1:]:
            label = label + "," + parts[i].astype(str)
        indicator = (base + " [" + label + "]").to_numpy(dtype=object)
    else:
        indicator = _constant(n, base)
    k = len(value_plans)
    values = np.concatenate([cols[c.index] for c in value_plans]) if k else np.empty(0, object)
    value_col = np.repeat(np.array([c.index for c in value_plans], dtype=np.int64), n)
    years = np.repeat(np.array([int(c.role.split(":", 1)[1]) for c in value_plans],
                               dtype=object), n)
    return Stacked(
        grid_row=np.tile(np.asarray(rows, dtype=np.int64), k),
        value_col=value_col,
        value=values,
        city=np.tile(geo, k),
        city_col=0,
        indicator=np.tile(indicator, k),
        year=years,
        year_col=value_col.copy(),
        year_from_header=True,
        unit=np.tile(unit, k),
        header_unit=_constant(n * k, ""),
        wide=True,
    )


def eurostat_dims(header: str) -> tuple[str, ...]:
    """'unit,geo\\time' -> ('unit', 'geo'): the dimensions packed in the first column."""
    head = re.split(r"\\", header, maxsplit=1)[0]
    return tuple(part.strip() for part in head.split(",") if part.strip())
