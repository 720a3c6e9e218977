"""A 450k-row long table (300 cities x 60 indicators x 25 years): the clean-number fast path.

The grid arrives as Python lists (RawGrid.rows), so interpretation cannot beat pandas' C
reader; what it must not do is parse clean numbers one cell at a time in Python.
"""

from __future__ import annotations

import csv
import time

import pandas as pd
import pytest

from desktop.importers import numbers as num
from desktop.importers.interpret import detect, interpret

from .helpers import grid, value_of

pytestmark = pytest.mark.slow

UNITS = ("亿元", "万人", "%")


def write_table(path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["城市", "指标", "年份", "数值", "单位"])
        for c in range(300):
            for i in range(60):
                for y in range(1996, 2021):
                    value = f"{c * 7 + i * 3 + y}.{(c + i) % 100:02d}"
                    writer.writerow([f"城市{c}市", f"指标{i}", y, value, UNITS[i % 3]])


def test_450k_rows_take_the_vectorised_path(tmp_path, monkeypatch):
    path = tmp_path / "long450k.csv"
    write_table(path)
    start = time.perf_counter()
    pd.read_csv(path)
    baseline = time.perf_counter() - start
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    table = grid(rows, file=path.name)

    slow_cells = []
    original = num._parse_one
    monkeypatch.setattr(num, "_parse_one", lambda *a: (slow_cells.append(a), original(*a)))
    start = time.perf_counter()
    frame, report = interpret(table, detect(table))
    elapsed = time.perf_counter() - start

    assert len(frame) == 450_000 and report.errors == []
    assert slow_cells == []  # no clean number went through the per-cell path
    # 城市1市 / 指标0 / 2000: 1*7 + 0*3 + 2000 = 2007, '.01' -> '2007.01' 亿元 = 200701000000 CNY
    assert value_of(frame, "城市1市", "指标0", 2000) == 200701000000.0
    # 城市2市 / 指标4 / 2010: 14 + 12 + 2010 = 2036, '.06' -> '2036.06' 万人 = 20360600 persons
    assert value_of(frame, "城市2市", "指标4", 2010) == 20360600.0
    print(f"\n450k rows: read_csv {baseline:.3f}s, interpret {elapsed:.3f}s "
          f"({elapsed / baseline:.1f}x read_csv)")
    assert elapsed < 30 * baseline + 2.0  # a per-cell Python parse would be far beyond this
