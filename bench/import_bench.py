"""Import speed and memory: our importer against bare pandas readers, in one run.

A generated long table of 450,000 rows (300 cities x 60 indicators x 25 years) is written once
as .xlsx and .csv (cached under bench/.cache). Each reader runs in its own subprocess so that
peak memory (ru_maxrss) is its own. Targets (issue 3): xlsx at least 20x faster than
pandas + openpyxl with peak memory no higher than theirs; CSV within 1.3x of bare read_csv.

Run: .venv/bin/python bench/import_bench.py [--quick]   (--quick: 45,000 rows)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
REPO = Path(__file__).resolve().parent.parent

READERS = {
    "pandas+openpyxl": "import pandas as pd; pd.read_excel(PATH, engine='openpyxl')",
    "pandas+calamine": "import pandas as pd; pd.read_excel(PATH, engine='calamine')",
    "pandas.read_csv": "import pandas as pd; pd.read_csv(PATH)",
    "city-profiles": (
        "from desktop.importers.run import import_file; from pathlib import Path; "
        "outcome = import_file(Path(PATH)); assert outcome.report.rows_imported > 0, "
        "outcome.report.to_json()"
    ),
}


def generate(rows_wanted: int) -> tuple[Path, Path]:
    """The same table as CSV and XLSX: city, indicator, year, value, unit."""
    CACHE.mkdir(exist_ok=True)
    cities, indicators = 300, 60
    years = max(1, rows_wanted // (cities * indicators))
    stem = CACHE / f"long_{cities * indicators * years}"
    csv_path, xlsx_path = stem.with_suffix(".csv"), stem.with_suffix(".xlsx")
    if csv_path.exists() and xlsx_path.exists():
        return csv_path, xlsx_path
    from openpyxl import Workbook

    header = ["城市", "指标", "年份", "数值", "单位"]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("数据")
    sheet.append(header)
    with csv_path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(",".join(header) + "\n")
        for c in range(cities):
            for i in range(indicators):
                for y in range(years):
                    value = round(1000 + c * 12.34 + i * 3.21 + y * 0.55, 2)
                    row = [f"城市{c:03d}", f"指标{i:02d}", 2000 + y, value, "亿元"]
                    sheet.append(row)
                    stream.write(f"{row[0]},{row[1]},{row[2]},{row[3]},{row[4]}\n")
    workbook.save(xlsx_path)
    return csv_path, xlsx_path


def measure(name: str, path: Path) -> tuple[float, float]:
    """Seconds and peak MiB of one reader in a fresh interpreter."""
    code = (
        "import resource, time, json; PATH = " + repr(str(path)) + "\n"
        "start = time.perf_counter()\n" + READERS[name] + "\n"
        "print(json.dumps([time.perf_counter() - start, "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{name} failed on {path.name}:\n{result.stderr[-2000:]}")
    seconds, mib = json.loads(result.stdout.strip().splitlines()[-1])
    return seconds, mib


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rows = 45_000 if args.quick else 450_000
    started = time.perf_counter()
    csv_path, xlsx_path = generate(rows)
    print(f"table: {rows:,} rows (generated or cached in {time.perf_counter() - started:.1f} s)")
    results = {}
    for name, path in (("pandas+openpyxl", xlsx_path), ("pandas+calamine", xlsx_path),
                       ("city-profiles", xlsx_path)):
        results[(name, "xlsx")] = measure(name, path)
    for name in ("pandas.read_csv", "city-profiles"):
        results[(name, "csv")] = measure(name, csv_path)
    for (name, kind), (seconds, mib) in results.items():
        print(f"{kind:4s} {name:16s} {seconds:7.2f} s   peak {mib:7.0f} MiB")
    openpyxl_s, openpyxl_mib = results[("pandas+openpyxl", "xlsx")]
    ours_xlsx_s, ours_xlsx_mib = results[("city-profiles", "xlsx")]
    csv_base_s, _ = results[("pandas.read_csv", "csv")]
    ours_csv_s, _ = results[("city-profiles", "csv")]
    xlsx_speedup = openpyxl_s / ours_xlsx_s
    csv_ratio = ours_csv_s / csv_base_s
    print(f"xlsx: {xlsx_speedup:.1f}x faster than pandas+openpyxl, peak memory "
          f"{ours_xlsx_mib / openpyxl_mib:.2f}x theirs (target >= 20x, <= 1.0x)")
    print(f"csv:  {csv_ratio:.2f}x bare pandas.read_csv (target <= 1.3x)")
    ok = xlsx_speedup >= 20 and ours_xlsx_mib <= openpyxl_mib and csv_ratio <= 1.3
    print(f"import_bench: xlsx {xlsx_speedup:.1f}x, csv {csv_ratio:.2f}x "
          f"(target xlsx >= 20x, csv <= 1.3x) {'ok' if ok else 'short'}")


if __name__ == "__main__":
    main()
