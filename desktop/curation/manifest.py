"""The raw sources' manifest (resources/sources/manifest.json): name, size and SHA-256 of
every raw file, so that a changed, truncated or re-encoded input stops the build with a
sentence naming the file instead of silently changing the bundled numbers.

The folder's SOURCES.md says where each file came from; this file is what the code checks.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from desktop.curation.errors import CurationError

MANIFEST_FILE = "manifest.json"
#: Files in the sources folder that are about the sources, not sources themselves.
NOT_SOURCES = frozenset({MANIFEST_FILE, "SOURCES.md", ".gitattributes"})
_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class ManifestEntry:
    """One raw file as it must be: its name, its size in bytes and its SHA-256 (lower-case hex)."""

    file: str
    size: int
    sha256: str


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in blocks (the largest source is a few MB; no need to slurp)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(folder: Path) -> dict[str, ManifestEntry]:
    """The entries of `folder/manifest.json` by file name; a CurationError names what is wrong."""
    path = folder / MANIFEST_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CurationError(
            f"{path} is missing: without it the raw source files cannot be verified"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CurationError(f"{path} cannot be read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise CurationError(
            f"{path}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"
        ) from None
    files = document.get("files") if isinstance(document, dict) else None
    if not isinstance(files, list):
        raise CurationError(f"{path}: expected an object with a list under \"files\"")
    entries: dict[str, ManifestEntry] = {}
    for number, item in enumerate(files, start=1):
        entry = _entry(item)
        if entry is None:
            raise CurationError(
                f"{path}, entry {number}: expected {{\"file\": name, \"bytes\": size, "
                f"\"sha256\": 64 hex digits}}, found {item!r}"
            )
        if entry.file in entries:
            raise CurationError(f"{path}, entry {number}: {entry.file} is listed twice")
        entries[entry.file] = entry
    return entries


def _entry(item: object) -> ManifestEntry | None:
    if not isinstance(item, dict):
        return None
    name, size, sha256 = item.get("file"), item.get("bytes"), item.get("sha256")
    if not isinstance(name, str) or not name or "/" in name or "\\" in name:
        return None
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        return None
    if not isinstance(sha256, str) or len(sha256) != 64 or not set(sha256) <= _HEX:
        return None
    return ManifestEntry(name, size, sha256)


def verified_path(folder: Path, entry: ManifestEntry) -> Path:
    """`folder/entry.file` once its size and SHA-256 match the manifest, else a CurationError."""
    path = folder / entry.file
    if not path.is_file():
        raise CurationError(f"missing source file: {path} (listed in {MANIFEST_FILE})")
    size = path.stat().st_size
    if size != entry.size:
        raise CurationError(
            f"{path} has {size:,} bytes, {MANIFEST_FILE} says {entry.size:,}: "
            "not the file the bundled data was built from"
        )
    digest = file_sha256(path)
    if digest != entry.sha256:
        raise CurationError(
            f"{path} has SHA-256 {digest}, {MANIFEST_FILE} says {entry.sha256}: "
            "not the file the bundled data was built from"
        )
    return path


def source_path(folder: Path, file_name: str, manifest: dict[str, ManifestEntry]) -> Path:
    """The verified path of one raw file the build reads; it must be in the manifest."""
    entry = manifest.get(file_name)
    if entry is None:
        raise CurationError(
            f"{file_name} is not listed in {folder / MANIFEST_FILE}: add its name, size and "
            "SHA-256 there (and its entry in SOURCES.md) before the build may read it"
        )
    return verified_path(folder, entry)


def folder_problems(folder: Path) -> list[str]:
    """Everything that keeps `folder` from being exactly what its manifest lists: missing or
    changed files, and files nobody listed (an unlisted file has no recorded origin)."""
    manifest = read_manifest(folder)
    problems: list[str] = []
    for entry in manifest.values():
        try:
            verified_path(folder, entry)
        except CurationError as exc:
            problems.append(str(exc))
    present = {p.name for p in folder.iterdir() if p.is_file()}
    for name in sorted(present - set(manifest) - NOT_SOURCES):
        problems.append(f"{folder / name} is not listed in {MANIFEST_FILE}")
    return problems
