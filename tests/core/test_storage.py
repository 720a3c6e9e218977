"""Saving and loading datasets: exact round-trips, atomic writes, and clear errors for bad files."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pandas as pd
import pytest

from desktop.core import storage
from desktop.core.catalog import City, Field, Indicator, PeerGroup, SeriesBreak, Source
from desktop.core.dataset import Dataset
from desktop.core.errors import DatasetFileError
from desktop.core.storage import load_dataset, save_dataset, write_atomically
from desktop.core.units import DisplayScale

KEY = ["city_id", "indicator_id", "year"]

# Values chosen to catch lossy text: shortest-repr floats, 17 significant digits, tiny and huge.
ROWS = [
    ("cn-210100", "gdp", 2016, 554_644_980_000.0, "csmar_gdp", 8457),
    ("cn-210100", "gdp", 2015, 727_230_510_000.0, "csmar_gdp", 8046),
    ("cn-210100", "growth", 2016, -5.6, "csmar_gdp", 8457),
    ("country-CHN", "growth", 2016, 6.84876220495761, "wdi", 46),
    ("country-CHN", "fx", 2016, 6.6444778294468, "wdi", 46),
    ("country-CHN", "fx", 2017, 0.1 + 0.2, "wdi", 46),  # 0.30000000000000004
    ("us-19820", "gdp", 2016, 2.55e11, "brookings", 6112),
    ("us-19820", "jobs", 2016, 1_918_976.4, "brookings", 6101),
    ("city, with comma", "jobs", 2016, 5e-324, "brookings", 2),  # the smallest float
]


def _dataset() -> Dataset:
    frame = pd.DataFrame(
        ROWS, columns=["city_id", "indicator_id", "year", "value", "source_id", "source_row"]
    )
    return Dataset(
        frame,
        cities=[
            City(
                "cn-210100", "Shenyang", "沈阳市", ("Shenyang(city)", "沈阳"), "CN", code="210100"
            ),
            City("country-CHN", "China", "中国", ("CHN",), "CN", kind="country", code="CHN"),
            City("us-19820", "Detroit", "底特律", (), "US", "MI", "", "us_metro", "19820"),
            City("city, with comma", 'Comma "quoted" city'),
        ],
        indicators=[
            Indicator(
                "gdp",
                "GDP",
                "地区生产总值",
                "CNY",
                "Economy",
                True,
                DisplayScale(1e8, "亿元", "亿元", 2),
                (Field("csmar_gdp", "Gdpct01", "亿元"),),
            ),
            Indicator("growth", "Growth", "增长率", "percent", "Economy", True),
            Indicator("fx", "FX", "汇率", "CNY_per_USD", "Context", None),
            Indicator("jobs", "Jobs", "就业岗位", "jobs", "Labour", True),
        ],
        sources=[
            Source("csmar_gdp", "gdp.csv", "CSMAR", "GDP"),
            Source("wdi", "wdi.csv", "World Bank", "WDI", trust="A"),
            Source("brookings", "b.csv", "Brookings", "Metro Monitor", sheet="s"),
        ],
        groups=[PeerGroup("g", "Group", "组", ("us-19820", "country-CHN"))],
        series_breaks=[SeriesBreak(2016, ("cn-210100",), ("gdp",), "restated", "下调")],
    )


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    plain = frame.astype(
        {
            "city_id": str,
            "indicator_id": str,
            "year": "int64",
            "source_id": str,
            "source_row": "int64",
        }
    )
    return plain.sort_values(KEY).reset_index(drop=True)


def _bits(values: pd.Series) -> list[bytes]:
    return [struct.pack("<d", v) for v in values]


def test_save_then_load_round_trips_exactly(tmp_path: Path) -> None:
    original = _dataset()
    save_dataset(original, tmp_path)
    loaded = load_dataset(tmp_path)

    before, after = _plain(original.observations), _plain(loaded.observations)
    columns = [*KEY, "source_id", "source_row"]
    assert after[columns].equals(before[columns])
    assert _bits(after["value"]) == _bits(before["value"])  # bit-identical floats

    assert dict(loaded.cities) == dict(original.cities)
    assert dict(loaded.indicators) == dict(original.indicators)
    assert dict(loaded.sources) == dict(original.sources)
    assert dict(loaded.groups) == dict(original.groups)
    assert loaded.series_breaks == original.series_breaks
    assert list(loaded.cities) == list(original.cities)  # catalog order kept


def test_saving_is_deterministic(tmp_path: Path) -> None:
    save_dataset(_dataset(), tmp_path / "a")
    save_dataset(load_dataset(tmp_path / "a"), tmp_path / "b")
    for name in (storage.CATALOG_FILE, storage.OBSERVATIONS_FILE, storage.SNAPSHOT_FILE):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_loaded_dataset_answers_like_the_original(tmp_path: Path) -> None:
    save_dataset(_dataset(), tmp_path)
    loaded = load_dataset(tmp_path)
    assert loaded.series("cn-210100", "gdp").to_dict() == {
        2015: 727_230_510_000.0,
        2016: 554_644_980_000.0,
    }
    observation = loaded.observation("us-19820", "jobs", 2016)
    assert observation is not None and observation.provenance is not None
    assert observation.provenance.row == 6101
    assert observation.provenance.source.file == "b.csv"
    assert loaded.city("沈阳").id == "cn-210100"


def _temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_interrupted_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "catalog.json"
    target.write_bytes(b"old contents")

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(storage.os, failing, boom)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, b"new contents that never land")
    monkeypatch.undo()

    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.json"]


def test_interrupted_write_of_a_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(storage.os, "replace", boom)
    with pytest.raises(OSError):
        write_atomically(tmp_path / "sub" / "new.csv", b"data")
    monkeypatch.undo()
    assert list((tmp_path / "sub").iterdir()) == []


def test_write_atomically_replaces_and_creates_folders(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "folder" / "file.csv"
    write_atomically(target, b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert _temp_files(target.parent) == []
    if os.name == "posix":
        umask = os.umask(0)
        os.umask(umask)
        # mkstemp makes 0600 files; the saved file must be readable like any other file
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_corrupt_catalog_raises_dataset_file_error_naming_the_file(tmp_path: Path) -> None:
    save_dataset(_dataset(), tmp_path)
    (tmp_path / "catalog.json").write_text('{"format_version": 1, "cities": [', encoding="utf-8")
    with pytest.raises(DatasetFileError) as info:
        load_dataset(tmp_path)
    assert info.value.params["file"] == str(tmp_path / "catalog.json")
    assert "catalog.json" in str(info.value)


def test_missing_catalog_raises_dataset_file_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetFileError) as info:
        load_dataset(tmp_path)
    assert info.value.params["file"] == str(tmp_path / "catalog.json")


def test_newer_format_version_is_refused(tmp_path: Path) -> None:
    save_dataset(_dataset(), tmp_path)
    (tmp_path / "catalog.json").write_text('{"format_version": 99}', encoding="utf-8")
    with pytest.raises(DatasetFileError) as info:
        load_dataset(tmp_path)
    assert info.value.params["file"] == str(tmp_path / "catalog.json")
    assert "99" in str(info.value.params["reason"])


def test_bad_observations_raise_dataset_file_error_naming_the_file(tmp_path: Path) -> None:
    save_dataset(_dataset(), tmp_path)
    (tmp_path / "observations.csv").write_text(
        "city_id,indicator_id,year,value,source_id,source_row\n"
        "cn-210100,gdp,2016,not a number,csmar_gdp,8457\n",
        encoding="utf-8",
    )
    with pytest.raises(DatasetFileError) as info:
        load_dataset(tmp_path)
    assert info.value.params["file"] == str(tmp_path / "observations.csv")


def test_missing_observations_raise_dataset_file_error(tmp_path: Path) -> None:
    save_dataset(_dataset(), tmp_path)
    (tmp_path / "observations.csv").unlink()
    with pytest.raises(DatasetFileError) as info:
        load_dataset(tmp_path)
    assert info.value.params["file"] == str(tmp_path / "observations.csv")


@pytest.mark.parametrize(
    "content",
    [
        "[]",  # AttributeError: 'list' object has no attribute 'get'
        '{"format_version": 1}',  # KeyError: 'cities'
        '{"format_version": 1, "cities": [], "indicators": [{"id": "x"}], "sources": [],'
        ' "groups": [], "series_breaks": []}',  # TypeError from Indicator(**...)
    ],
    ids=["list", "no-cities", "bad-indicator"],
)
def test_malformed_catalog_structure_raises_dataset_file_error(
    tmp_path: Path, content: str
) -> None:
    save_dataset(_dataset(), tmp_path)
    (tmp_path / "catalog.json").write_text(content, encoding="utf-8")
    with pytest.raises(DatasetFileError) as info:
        load_dataset(tmp_path)
    assert info.value.params["file"] == str(tmp_path / "catalog.json")


def test_observations_lacking_columns_raise_dataset_file_error(tmp_path: Path) -> None:
    save_dataset(_dataset(), tmp_path)
    (tmp_path / "observations.csv").write_text(
        "city_id,indicator_id,year\ncn-210100,gdp,2016\n", encoding="utf-8"
    )
    with pytest.raises(DatasetFileError) as info:
        load_dataset(tmp_path)
    assert info.value.params["file"] == str(tmp_path / "observations.csv")


def test_a_full_disk_removes_the_temp_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC while the data goes to disk: the OSError reaches the caller (which says it in
    one line), the old file is intact and no hidden temp stays beside it."""
    import errno

    target = tmp_path / "report.pdf"
    target.write_bytes(b"last week's report")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "fsync", full)
    with pytest.raises(OSError) as info:
        write_atomically(target, b"x" * 10_000)
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"last week's report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


_SLOW_WRITER = """
import sys, time
from pathlib import Path
from desktop.core import storage
real_fsync = storage.os.fsync
def slow_fsync(fd):
    real_fsync(fd)
    print("writing", flush=True)
    time.sleep(60)  # killed here, between the temp's data and the rename
storage.os.fsync = slow_fsync
storage.write_atomically(Path(sys.argv[1]), b"half a report")
"""


def _killed_mid_write(target: Path) -> Path:
    """Run a writer of `target` in a child process and SIGKILL it mid-write; returns the temp
    file it leaves behind."""
    import signal
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(target)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline() == "writing\n"
        temps = [p for p in target.parent.iterdir() if p.name.startswith(f".{target.name}.")]
        assert len(temps) == 1
        assert temps[0].name.startswith(f".{target.name}.{child.pid}.")  # says whose it is
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    return temps[0]


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_temp_left_by_a_killed_run_is_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    left = _killed_mid_write(target)
    assert left.exists() and target.read_bytes() == b"old"  # the kill left it, as it must
    other = tmp_path / ".other.pdf.1.abcdefgh.tmp"  # another target's temp: not ours to touch
    other.write_bytes(b"")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name, "report.pdf"]


def test_a_live_process_temp_is_left_alone_unless_it_is_over_an_hour_old(
    tmp_path: Path
) -> None:
    """A concurrent writer's temp (its pid alive, here our parent's) must survive another
    write of the same file; the same name an hour old is stale (pids get reused)."""
    import time

    target = tmp_path / "project.cityprofile"
    live = tmp_path / f".{target.name}.{os.getppid()}.k2j4h5g6.tmp"
    live.write_bytes(b"being written")
    write_atomically(target, b"saved")
    assert live.exists()
    hour_ago = time.time() - storage.STALE_TEMP_SECONDS - 60
    os.utime(live, (hour_ago, hour_ago))
    assert storage.remove_stale_temps(target) == [live]
    assert not live.exists() and target.read_bytes() == b"saved"
