"""Start-up cost of the bundled dataset: load_bundled() against a bare pandas.read_csv.

Both run in this process on the same files; the baseline is the cheapest possible read of
observations.csv, so the ratio shows what catalogs, dtypes and checks add.
Run: .venv/bin/python bench/load_bench.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import pandas as pd

from desktop.core.paths import bundled_data_dir
from desktop.core.storage import OBSERVATIONS_FILE, load_bundled

TARGET_SECONDS = 0.2
REPEATS = 7


def timed(function: Callable[[], object]) -> list[float]:
    function()  # warm the file cache and lazy imports
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    path = bundled_data_dir() / OBSERVATIONS_FILE
    baseline = timed(lambda: pd.read_csv(path))
    ours = timed(load_bundled)
    first_series = timed(lambda: load_bundled().series("cn-210100", "gdp"))
    base_median, our_median = statistics.median(baseline), statistics.median(ours)
    print(f"bare pandas.read_csv(observations.csv): median {base_median * 1000:.1f} ms")
    print(f"load_bundled():                         median {our_median * 1000:.1f} ms "
          f"({our_median / base_median:.2f}x bare read)")
    print(f"load + first series lookup:             median "
          f"{statistics.median(first_series) * 1000:.1f} ms")
    verdict = "ok" if our_median < TARGET_SECONDS else "short"
    print(f"bundled_load: {our_median:.3f} s (target {TARGET_SECONDS} s) {verdict}")


if __name__ == "__main__":
    main()
