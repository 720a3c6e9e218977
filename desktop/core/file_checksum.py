"""A file's CRC-32, remembered by the file's identity so that a load need not read it again.

A snapshot is used only while it describes its CSV byte for byte (desktop/core/snapshot.py).
Proving that by reading the CSV costs ~1 ms per MB: half a second of a 12 M-value load, whose
CSV is ~800 MB (bench/scale_bench.py). So a CRC, once computed, is remembered in the user's
cache with the file's size, modification and change times (ns), inode and device. While all
of them are unchanged, nothing has written the file: every write sets both times, and what
sets the modification time back (`touch -d`, a copy keeping times) sets the change time,
which no program can choose. The remembered CRC then stands for the file.

One race is left, as git's index knows it ("racily clean"): a write in the same clock tick as
the file's last change leaves its times as they were. So a CRC counts only when it was taken
RACY_NS after the file's last change; before that the file is read again on every load (a
freshly saved dataset is read in full on its first load, as before). A file that changes
while it is read is not remembered. On Windows the change time is the creation time: there an
edit that also restores the size and the modification time would go unnoticed.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import zlib
from pathlib import Path

#: How long after a file's last change its CRC must have been taken to be trusted: the
#: coarsest file-system timestamps in use (FAT) are 2 s apart.
RACY_NS = 2_000_000_000
#: Files remembered (the most recently checked ones).
KEEP = 32
_CHUNK = 16 << 20
_FORMAT = 1


def file_crc32(path: Path) -> int:
    """The CRC-32 of the file at `path`, read in chunks (never the whole file in memory)."""
    value = 0
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            value = zlib.crc32(chunk, value)
    return value & 0xFFFFFFFF


def cache_file() -> Path:
    """Where remembered CRCs are kept: the user's cache folder ($XDG_CACHE_HOME when set)."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        elif sys.platform == "darwin":
            base = str(Path.home() / "Library" / "Caches")
        else:
            base = str(Path.home() / ".cache")
    return Path(base) / "city-profiles" / "file-crc32.json"


def _identity(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev]


def _remembered() -> dict[str, list[int]]:
    """The cache's entries: path -> identity (5 numbers), CRC, when it was taken (ns);
    empty when the cache is missing or unreadable (it is only ever a shortcut)."""
    try:
        data = json.loads(cache_file().read_bytes())
        if data.get("format") != _FORMAT:
            return {}
        return {str(key): [int(n) for n in entry] for key, entry in data["files"].items()
                if isinstance(entry, list) and len(entry) == 7}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _remember(entries: dict[str, list[int]]) -> None:
    from desktop.core.storage import write_atomically  # (storage imports this module)

    newest = sorted(entries.items(), key=lambda item: item[1][6], reverse=True)[:KEEP]
    data = json.dumps({"format": _FORMAT, "files": dict(newest)}, sort_keys=True)
    # an unwritable cache costs the next load a read of the file, nothing more
    with contextlib.suppress(OSError):
        write_atomically(cache_file(), data.encode("utf-8"))


def remembered_crc32(path: Path) -> int:
    """The CRC-32 of the file at `path`: the one remembered for it while its identity is
    unchanged, else read in full (and remembered). Raises OSError when it cannot be read."""
    stat = path.stat()
    key = str(path.resolve())
    identity = _identity(stat)
    entries = _remembered()
    entry = entries.get(key)
    if entry is not None and entry[:5] == identity and entry[6] - stat.st_ctime_ns >= RACY_NS:
        return entry[5]
    checked_at = time.time_ns()  # before reading: a write during the read is later than this
    crc = file_crc32(path)
    if _identity(path.stat()) == identity:
        entries[key] = [*identity, crc, checked_at]
        _remember(entries)
    return crc
