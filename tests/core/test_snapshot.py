"""The binary snapshot beside observations.csv: the same frame as the CSV, used only while it
matches the CSV byte for byte, and never in the way when it is stale or damaged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from desktop.core import storage
from desktop.core.dataset import OBSERVATION_COLUMNS, Dataset
from desktop.core.paths import bundled_data_dir
from desktop.core.snapshot import MAGIC, read_snapshot
from desktop.core.storage import load_dataset, save_dataset


def _dataset() -> Dataset:
    frame = pd.DataFrame(
        [("cn-210100", "gdp", 2016, 554_644_980_000.0, "csmar_gdp", 8457),
         ("cn-210100", "growth", 2016, -5.6, "csmar_gdp", 8457),
         ("country-CHN", "growth", 2016, 6.84876220495761, "wdi", 46),
         ("us-19820", "jobs", 2016, 5e-324, "brookings", 6101)],  # the smallest float
        columns=list(OBSERVATION_COLUMNS))
    return Dataset(frame, [], [], [], [], [])


def _csv_frame(folder: Path) -> pd.DataFrame:
    return storage._read_observations(folder / storage.OBSERVATIONS_FILE)


def test_the_bundled_snapshot_is_the_bundled_csv() -> None:
    """Committed together: a rebuilt CSV without its snapshot would slow every start."""
    folder = bundled_data_dir()
    found = read_snapshot(folder / storage.SNAPSHOT_FILE, folder / storage.OBSERVATIONS_FILE)
    assert found is not None, "observations.snapshot does not match observations.csv"
    pd.testing.assert_frame_equal(found, _csv_frame(folder), check_exact=True)


def test_a_saved_dataset_loads_the_same_through_its_snapshot(tmp_path: Path) -> None:
    save_dataset(_dataset(), tmp_path)
    through_snapshot = load_dataset(tmp_path).observations
    (tmp_path / storage.SNAPSHOT_FILE).unlink()
    through_csv = load_dataset(tmp_path).observations
    pd.testing.assert_frame_equal(through_snapshot, through_csv, check_exact=True)
    assert through_csv["value"].tolist()[-1] == 5e-324  # the smallest float survives both


@pytest.mark.parametrize("damage", ["csv edited", "truncated", "not a snapshot", "bad codes"])
def test_a_stale_or_damaged_snapshot_gives_way_to_the_csv(tmp_path: Path, damage: str) -> None:
    save_dataset(_dataset(), tmp_path)
    csv_path, snapshot = tmp_path / storage.OBSERVATIONS_FILE, tmp_path / storage.SNAPSHOT_FILE
    if damage == "csv edited":  # same size, one digit changed: the CRC tells
        text = csv_path.read_text(encoding="utf-8")
        csv_path.write_text(text.replace("-5.6,", "-5.7,"), encoding="utf-8")
    elif damage == "truncated":
        snapshot.write_bytes(snapshot.read_bytes()[:-40])
    elif damage == "not a snapshot":
        shutil.copy(csv_path, snapshot)
    else:  # a city code beyond the categories
        data = bytearray(snapshot.read_bytes())
        at = len(MAGIC)
        length = int.from_bytes(data[at: at + 8], "little")
        header = json.loads(bytes(data[at + 8: at + 8 + length]))
        city = next(c for c in header["columns"] if c["name"] == "city_id")
        start = at + 8 + length + city["offset"]
        data[start: start + np.dtype(city["dtype"]).itemsize] = b"\x7f" * np.dtype(
            city["dtype"]).itemsize
        snapshot.write_bytes(bytes(data))
    assert read_snapshot(snapshot, csv_path) is None
    loaded = load_dataset(tmp_path).observations
    pd.testing.assert_frame_equal(loaded, _csv_frame(tmp_path), check_exact=True)
    if damage == "csv edited":
        assert -5.7 in loaded["value"].tolist()
