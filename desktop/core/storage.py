"""Reading and writing a Dataset as files: `catalog.json` plus `observations.csv`.

Beside them, `observations.snapshot` holds the CSV's columns in binary for a quick load
(desktop/core/snapshot.py); it is derived from the CSV and used only while it matches it.

The format is plain text so that a rebuild can be compared with what is committed, and written
deterministically (sorted rows, shortest round-trip floats, sorted keys). Writes go to a temporary
file that is then renamed, so an interrupted write never leaves a half-written file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

import pandas as pd

from desktop.core.catalog import City, Indicator, PeerGroup, SeriesBreak, Source
from desktop.core.dataset import OBSERVATION_COLUMNS, Dataset
from desktop.core.errors import DatasetFileError, OutputPathError
from desktop.core.snapshot import read_snapshot, snapshot_bytes

CATALOG_FILE = "catalog.json"
OBSERVATIONS_FILE = "observations.csv"
SNAPSHOT_FILE = "observations.snapshot"
_OBSERVATION_DTYPES = {
    "city_id": "category",
    "indicator_id": "category",
    "year": "int16",
    "value": "float64",
    "source_id": "category",
    "source_row": "int32",
}
FORMAT_VERSION = 1


#: A temp file of write_atomically: `.NAME.<pid>.<random>.tmp`, so that a later write can tell
#: whose it is and whether that process is still alive.
_TEMP_SUFFIX = ".tmp"
#: A temp file older than this is stale even if its pid is alive again (pids are reused).
STALE_TEMP_SECONDS = 3600


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temp file beside `path`, flush it to disk, then rename over `path`.

    On any failure (a full disk, a read-only folder) the temp file is removed, `path` keeps
    its old contents and the OSError is raised. A run killed mid-write (SIGKILL) cannot clean
    up, so each write first removes the temp files of `path` left by dead processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.",
                                         suffix=_TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def remove_stale_temps(path: Path, now: float | None = None) -> list[Path]:
    """Remove the temp files of `path` whose writer is gone (its pid not alive) or that are
    older than STALE_TEMP_SECONDS; a live process's recent temp is left alone. Returns what
    was removed. Never raises: a temp that cannot be removed is tried again next time."""
    prefix = f".{path.name}."
    pattern = re.compile(re.escape(prefix) + r"(\d+)\.[^.]+" + re.escape(_TEMP_SUFFIX))
    removed = []
    now = time.time() if now is None else now
    try:
        candidates = [entry for entry in os.scandir(path.parent)
                      if entry.name.startswith(prefix)]
    except OSError:
        return removed
    for entry in candidates:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS
            if old or not _alive(int(match.group(1))):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    """Whether process `pid` exists (this one always does; another user's counts as alive)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name != "posix":  # Windows' os.kill(pid, 0) would end the process: go by age
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # exists but is not ours, or we cannot tell: leave its file alone
    return True


def check_writable(path: Path) -> None:
    """Fail early, before any work, when `path` cannot be created (raises OutputPathError)."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if path.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise OutputPathError(file=str(path))


def catalog_json(dataset: Dataset) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "sources": [s.to_json() for s in dataset.sources.values()],
        "indicators": [i.to_json() for i in dataset.indicators.values()],
        "cities": [c.to_json() for c in dataset.cities.values()],
        "groups": [g.to_json() for g in dataset.groups.values()],
        "series_breaks": [b.to_json() for b in dataset.series_breaks],
    }


def observations_csv(observations: pd.DataFrame) -> bytes:
    ordered = observations.sort_values(["city_id", "indicator_id", "year", "source_id"])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(OBSERVATION_COLUMNS)
    for row in ordered.loc[:, list(OBSERVATION_COLUMNS)].itertuples(index=False):
        city_id, indicator_id, year, value, source_id, source_row = row
        writer.writerow(
            [city_id, indicator_id, int(year), repr(float(value)), source_id, int(source_row)]
        )
    return buffer.getvalue().encode("utf-8")


def save_dataset(dataset: Dataset, folder: Path) -> None:
    text = json.dumps(catalog_json(dataset), ensure_ascii=False, indent=1, sort_keys=False)
    write_atomically(folder / CATALOG_FILE, (text + "\n").encode("utf-8"))
    csv_data = observations_csv(dataset.observations)
    write_atomically(folder / OBSERVATIONS_FILE, csv_data)
    # from the CSV as it reads back, so that both give the same frame
    snapshot = snapshot_bytes(_read_observations(io.BytesIO(csv_data)), csv_data)
    write_atomically(folder / SNAPSHOT_FILE, snapshot)


def _read_observations(source: Path | io.BytesIO) -> pd.DataFrame:
    return pd.read_csv(source, dtype=_OBSERVATION_DTYPES, keep_default_na=False,
                       na_filter=False, engine="c")


def load_dataset(folder: Path) -> Dataset:
    """Load a dataset folder; raises DatasetFileError naming the file when it is unusable."""
    catalog_path = folder / CATALOG_FILE
    observations_path = folder / OBSERVATIONS_FILE
    try:
        catalog = json.loads(catalog_path.read_text(encoding="utf-8"))
        version = catalog.get("format_version")
        if version != FORMAT_VERSION:
            raise DatasetFileError(file=str(catalog_path), reason=f"format_version {version}")
        cities = [City.from_json(c) for c in catalog["cities"]]
        indicators = [Indicator.from_json(i) for i in catalog["indicators"]]
        sources = [Source.from_json(s) for s in catalog["sources"]]
        groups = [PeerGroup.from_json(g) for g in catalog["groups"]]
        breaks = [SeriesBreak.from_json(b) for b in catalog["series_breaks"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DatasetFileError(file=str(catalog_path), reason=str(exc)) from exc
    try:
        observations = read_snapshot(folder / SNAPSHOT_FILE, observations_path)
        if observations is None:
            observations = _read_observations(observations_path)
        return Dataset(observations, cities, indicators, sources, groups, breaks)
    except (OSError, ValueError) as exc:
        raise DatasetFileError(file=str(observations_path), reason=str(exc)) from exc


def load_bundled() -> Dataset:
    """The dataset shipped in resources/data, with the breaks register of resources/breaks
    applied (desktop.core.breaks_register): its breaks marked, its suspect values flagged."""
    from desktop.core.breaks_register import load_register
    from desktop.core.paths import bundled_data_dir

    return load_dataset(bundled_data_dir()).with_register(load_register())
