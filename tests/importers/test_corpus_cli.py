"""Every file of the hostile corpus through `city-profiles import FILE`, each in its own
process as a user would run it: files to import exit 0 (with the manifest's example values
where it gives them), files to refuse exit 2 with one line on stderr and no traceback, and
nothing takes the process down (an abort would show as exit 134 or a negative signal)."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
#: 北京市/地区生产总值/2016=1000.0 亿元 or 上海市/地区生产总值/2016 -> 2234.5 亿元
EXAMPLE = re.compile(r"([^\s/,;]+)/([^\s/,;]+)/(\d{4})\s*(?:=|->)\s*([\d.]+)\s*(亿元|万人|万元)")
ROWS = re.compile(r"(\d+) rows;")
#: canonical units the import converts to (亿元 -> yuan, 万人 -> persons)
FACTOR = {"亿元": 1e8, "万元": 1e4, "万人": 1e4}


def run_cli(path: Path, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "desktop", "import", str(path)]
    if path.suffix != ".txt":
        command += ["--output", str(out)]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300,
                          check=False)


@pytest.fixture(scope="module")
def results(corpus: Path, manifest: dict[str, dict[str, str]],
            tmp_path_factory: pytest.TempPathFactory
            ) -> dict[str, tuple[subprocess.CompletedProcess[str], Path]]:
    out = tmp_path_factory.mktemp("cli")
    names = sorted(manifest)
    with ThreadPoolExecutor(max_workers=2) as pool:  # two cores on the test machines
        done = pool.map(lambda n: run_cli(corpus / n, out / f"{n}.csv"), names)
        return {n: (r, out / f"{n}.csv") for n, r in zip(names, done, strict=True)}


def test_corpus_is_complete(manifest: dict[str, dict[str, str]]) -> None:
    assert len(manifest) >= 50
    assert {row["expected"] for row in manifest.values()} <= {
        "reject with clear error", "import with warnings", "import with these values"}


def test_every_file_behaves_as_the_manifest_says(
        manifest: dict[str, dict[str, str]],
        results: dict[str, tuple[subprocess.CompletedProcess[str], Path]]) -> None:
    wrong = []
    for name, row in sorted(manifest.items()):
        result, _ = results[name]
        if result.returncode < 0 or result.returncode > 2:
            wrong.append(f"{name}: crashed (exit {result.returncode}) {result.stderr[-300:]}")
        elif "Traceback" in result.stderr:
            wrong.append(f"{name}: traceback {result.stderr[-300:]}")
        elif row["expected"] == "reject with clear error":
            lines = result.stderr.strip().splitlines()
            if result.returncode != 2 or len(lines) != 1 or name not in lines[0]:
                wrong.append(f"{name}: expected one error line and exit 2, got exit "
                             f"{result.returncode}: {result.stderr[-300:]!r}")
        elif result.returncode != 0:
            wrong.append(f"{name}: expected an import, got exit {result.returncode}: "
                         f"{result.stderr.strip()[-300:]}")
    assert not wrong, "\n".join(wrong)


def imported(out: Path) -> list[dict[str, str]]:
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_example_values_and_row_counts(
        manifest: dict[str, dict[str, str]],
        results: dict[str, tuple[subprocess.CompletedProcess[str], Path]]) -> None:
    checked = 0
    for name, row in sorted(manifest.items()):
        if row["expected"] == "reject with clear error":
            continue
        result, out = results[name]
        assert result.returncode == 0, name
        table = imported(out)
        if row["expected"] == "import with these values":
            rows = ROWS.search(row["detail"])
            if rows:
                assert len(table) == int(rows.group(1)), name
        for city, indicator, year, value, unit in EXAMPLE.findall(row["detail"]):
            hits = [float(r["value"]) for r in table if r["city"] == city
                    and r["indicator"] == indicator and r["year"] == year]
            assert hits == [pytest.approx(float(value) * FACTOR[unit])], (name, city, year)
            checked += 1
    assert checked >= 30  # the baseline's two examples in most of the files
