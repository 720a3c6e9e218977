"""A CSV's CRC is remembered by the file's identity: an unchanged CSV is not read again on
the next load, and any edit (even one that keeps its size and modification time) is read."""

from __future__ import annotations

import os
import time
import zlib
from pathlib import Path

import pandas as pd
import pytest

from desktop.core import file_checksum, storage
from desktop.core.dataset import OBSERVATION_COLUMNS, Dataset
from desktop.core.file_checksum import RACY_NS, cache_file, remembered_crc32
from desktop.core.storage import load_dataset, save_dataset


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files read in full for their CRC (the real CRC is still computed)."""
    done: list[Path] = []
    real = file_checksum.file_crc32

    def counting(path: Path) -> int:
        done.append(path)
        return real(path)

    monkeypatch.setattr(file_checksum, "file_crc32", counting)
    return done


def _later(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """The clock `seconds` ahead: the CRC is taken that long after the file was written."""
    now = time.time_ns() + int(seconds * 1e9)
    monkeypatch.setattr(file_checksum.time, "time_ns", lambda: now)


def _rewrite_same_size(path: Path, old: bytes, new: bytes) -> None:
    """Replace `old` by `new` in place (same length) and put the modification time back;
    repeated until the change time differs (a write within one clock tick leaves it)."""
    stat = path.stat()
    data = path.read_bytes()
    assert len(old) == len(new) and old in data
    while True:
        time.sleep(0.01)
        path.write_bytes(data.replace(old, new))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        if path.stat().st_ctime_ns != stat.st_ctime_ns:
            return


def test_an_unchanged_file_is_read_once(tmp_path: Path, reads: list[Path],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "observations.csv"
    path.write_bytes(b"city_id,value\nShenyang,1.5\n")
    _later(monkeypatch, 3)
    crc = zlib.crc32(path.read_bytes())
    assert remembered_crc32(path) == crc
    assert remembered_crc32(path) == crc
    assert reads == [path]
    assert cache_file().is_file()


def test_an_edit_keeping_size_and_modification_time_is_read(
        tmp_path: Path, reads: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "observations.csv"
    path.write_bytes(b"city_id,value\nShenyang,1.5\n")
    _later(monkeypatch, 3)
    remembered_crc32(path)
    _rewrite_same_size(path, b"1.5", b"1.6")
    _later(monkeypatch, 6)
    assert remembered_crc32(path) == zlib.crc32(path.read_bytes())
    assert len(reads) == 2


def test_a_crc_taken_right_after_a_write_is_not_trusted(tmp_path: Path,
                                                        reads: list[Path]) -> None:
    """Within RACY_NS of the last change a same-size edit could keep every time: read again."""
    path = tmp_path / "observations.csv"
    path.write_bytes(b"city_id,value\nShenyang,1.5\n")
    assert time.time_ns() - path.stat().st_ctime_ns < RACY_NS
    remembered_crc32(path)
    remembered_crc32(path)
    assert len(reads) == 2


@pytest.mark.parametrize("cache", ["damaged", "not writable"])
def test_a_bad_cache_only_costs_a_read(tmp_path: Path, reads: list[Path], cache: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "observations.csv"
    path.write_bytes(b"city_id,value\nShenyang,1.5\n")
    if cache == "damaged":
        cache_file().parent.mkdir(parents=True)
        cache_file().write_bytes(b'{"format": 1, "files": {"x": [1, 2')
    else:  # the cache folder's place is taken by a file
        blocked = tmp_path / "blocked"
        blocked.write_text("")
        monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    _later(monkeypatch, 3)
    assert remembered_crc32(path) == zlib.crc32(path.read_bytes())
    assert remembered_crc32(path) == zlib.crc32(path.read_bytes())
    assert len(reads) == (1 if cache == "damaged" else 2)


def _dataset() -> Dataset:
    frame = pd.DataFrame([("cn-210100", "gdp", 2016, 554.25, "csmar_gdp", 8457),
                          ("cn-210200", "gdp", 2016, 777.5, "csmar_gdp", 8458)],
                         columns=list(OBSERVATION_COLUMNS))
    return Dataset(frame, [], [], [], [], [])


def test_a_saved_dataset_edited_later_loads_the_edit(tmp_path: Path, reads: list[Path],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The remembered CRC never hides an edit: the snapshot gives way to the edited CSV."""
    save_dataset(_dataset(), tmp_path)
    _later(monkeypatch, 3)
    assert load_dataset(tmp_path).observations["value"].tolist() == [554.25, 777.5]
    assert load_dataset(tmp_path).observations["value"].tolist() == [554.25, 777.5]
    assert len(reads) == 1  # the second load trusted the remembered CRC
    _rewrite_same_size(tmp_path / storage.OBSERVATIONS_FILE, b"777.5", b"777.9")
    _later(monkeypatch, 6)
    assert load_dataset(tmp_path).observations["value"].tolist() == [554.25, 777.9]
