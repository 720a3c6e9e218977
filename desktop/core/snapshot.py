"""observations.csv's columns in binary, next to it, so that a start need not parse the CSV.

Parsing the bundled 148k-row observations.csv is most of loading the data (~70-140 ms of a
start); reading the same columns as raw arrays takes a few milliseconds. The CSV stays the
data's one source, the file people read, diff and trace numbers to; the snapshot is derived
from it when a dataset is saved, and used only while it describes exactly that CSV: it
records the CSV's size and CRC-32, which are checked on every load. A snapshot that is
missing, stale or damaged is ignored and the CSV is parsed instead (load_dataset).

The size is compared first, for free. The CSV's CRC is the one remembered for it while the
file's size, times, inode and device are unchanged (desktop/core/file_checksum.py: an edit
changes them), else it is read in full, in chunks: reading a 12 M-value CSV (~800 MB) was
half a second of each load (bench/scale_bench.py), and reading it whole added its size to
the peak memory.

Layout: MAGIC, the header's length (8 bytes, little-endian), the header (JSON: the CSV's size
and CRC, the row count, per column its name, dtype, byte offset and, for categorical columns,
the categories), then each column's bytes, 8-byte aligned. Deterministic: the same CSV gives
the same bytes.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

from desktop.core.file_checksum import remembered_crc32

MAGIC = b"CITY-PROFILES-OBSERVATIONS 1\n"
_LENGTH_BYTES = 8


def crc32(data: bytes) -> int:
    return zlib.crc32(data) & 0xFFFFFFFF


def snapshot_bytes(observations: pd.DataFrame, csv_data: bytes) -> bytes:
    """The snapshot of `observations`, which must be what `csv_data` reads as."""
    columns, blobs, offset = [], [], 0
    for name in observations.columns:
        series = observations[name]
        entry: dict[str, object] = {"name": str(name)}
        if isinstance(series.dtype, pd.CategoricalDtype):
            array = np.ascontiguousarray(series.cat.codes.to_numpy())
            entry["categories"] = [str(c) for c in series.cat.categories]
        else:
            array = np.ascontiguousarray(series.to_numpy())
            if array.dtype.kind not in "iuf":
                raise TypeError(f"column {name} is neither numbers nor categories")
        entry["dtype"] = array.dtype.newbyteorder("<").str
        entry["offset"] = offset
        blob = array.astype(entry["dtype"], copy=False).tobytes()
        blobs.append(blob + b"\0" * (-len(blob) % 8))
        offset += len(blobs[-1])
        columns.append(entry)
    header = json.dumps({"csv_size": len(csv_data), "csv_crc32": crc32(csv_data),
                         "rows": len(observations), "columns": columns},
                        ensure_ascii=False, sort_keys=True).encode("utf-8")
    header += b" " * (-(len(MAGIC) + _LENGTH_BYTES + len(header)) % 8)
    return b"".join([MAGIC, len(header).to_bytes(_LENGTH_BYTES, "little"), header, *blobs])


def _read_whole(path: Path) -> np.ndarray | None:
    """The file's bytes in a writable buffer (the frame's arrays are views of it), or None
    when it is shorter than it said. Not a bytearray: that is zero-filled before the read,
    a second pass over 200 MB (0.2 s of a 12 M-value load)."""
    size = path.stat().st_size
    data = np.empty(size, dtype=np.uint8)
    view, done = memoryview(data), 0
    with path.open("rb", buffering=0) as stream:
        while done < size and (count := stream.readinto(view[done:])):
            done += count
    return data if done == size else None


def read_snapshot(path: Path, csv_path: Path) -> pd.DataFrame | None:
    """The observations from the snapshot at `path`, or None when there is none, or it is
    not the snapshot of the CSV at `csv_path` as it is now, or it is damaged."""
    try:
        data = _read_whole(path)
        csv_stat = csv_path.stat()
    except OSError:
        return None
    if data is None or data[: len(MAGIC)].tobytes() != MAGIC:
        return None
    try:
        at = len(MAGIC)
        length = int.from_bytes(data[at: at + _LENGTH_BYTES].tobytes(), "little")
        at += _LENGTH_BYTES
        header = json.loads(data[at: at + length].tobytes())
        if header["csv_size"] != csv_stat.st_size:
            return None
        try:
            if header["csv_crc32"] != remembered_crc32(csv_path):
                return None
        except OSError:
            return None
        body, rows = at + length, int(header["rows"])
        frame = {}
        for entry in header["columns"]:
            dtype = np.dtype(entry["dtype"])
            start = body + int(entry["offset"])
            if start + rows * dtype.itemsize > len(data):
                return None
            array = np.frombuffer(data, dtype=dtype, count=rows, offset=start)
            if "categories" in entry:
                categories = pd.Index(entry["categories"])
                if len(array) and (array.min() < -1 or array.max() >= len(categories)):
                    return None
                frame[entry["name"]] = pd.Categorical.from_codes(
                    array, dtype=pd.CategoricalDtype(categories), validate=False)
            else:
                frame[entry["name"]] = array
        return pd.DataFrame(frame, copy=False)
    except (ValueError, KeyError, TypeError):
        return None
