"""Records: one entry per candidate value cell of a table, its text coded.

    rec = records.build_records(table, plan)   # the one builder, over either reader's columns

This module holds the record types (Coded, Records) and the small helpers over codes and
roles that the builder (records.py), interpretation and the readers share. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

import numpy as np
import pandas as pd

from desktop.importers.layout import TablePlan
from desktop.importers.model import column_letter


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
    vcols[p // n] (m = n * k records). records.build_records builds it from either reader's
    ColumnTable.
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


def factorize(array: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """pandas.factorize that keeps None as a value (listed last), without the slow path."""
    codes, uniques = pd.factorize(array)
    uniques = np.asarray(uniques, dtype=object)
    if len(codes) and codes.min() < 0:
        codes = np.where(codes < 0, len(uniques), codes)
        uniques = np.append(uniques, np.array([None], dtype=object))
    return codes.astype(np.int64, copy=False), uniques


def file_stem(name: str) -> str:
    stem = PurePath(name).name
    for suffix in (".gz", ".tsv", ".csv", ".txt", ".xlsx", ".xls", ".xlsm"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    return stem


def columns_by_role(plan: TablePlan) -> dict[str, int]:
    """Role -> the first column that has it (the way every role of a plan is read)."""
    by_role: dict[str, int] = {}
    for col in plan.columns:
        by_role.setdefault(col.role, col.index)
    return by_role


def eurostat_dims(header: str) -> tuple[str, ...]:
    """'unit,geo\\time' -> ('unit', 'geo'): the dimensions packed in the first column."""
    head = re.split(r"\\", header, maxsplit=1)[0]
    return tuple(part.strip() for part in head.split(",") if part.strip())
