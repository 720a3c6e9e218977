"""The raw source files live in the project (resources/sources): each one is the file its
manifest.json and SOURCES.md describe, a changed byte stops the build with the file's name,
a plain clone rebuilds and verifies the bundled data without ../shared, and the frozen app
leaves the raw files out."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from desktop.core.paths import bundled_data_dir, shared_external_dir, sources_dir
from desktop.curation.__main__ import main as curation_main
from desktop.curation.build import build_dataset
from desktop.curation.errors import CurationError
from desktop.curation.manifest import MANIFEST_FILE, folder_problems, read_manifest
from desktop.curation.sources import ALL_SOURCES

REPO = Path(__file__).resolve().parents[2]
NBS_FILE = "cn_nbs_province_gdp_2006_2024_gbk.csv"


def test_every_raw_file_matches_the_manifest() -> None:
    manifest = read_manifest(sources_dir())
    assert folder_problems(sources_dir()) == []
    # the 24 files of entries 16-39 came with the 16 earlier ones; entry 40 (the CBSA
    # gazetteer) locates US metros on the map
    assert len(manifest) == 41
    assert {s.file for s in ALL_SOURCES} <= set(manifest)


def test_the_old_folder_name_reads_the_project_copy() -> None:
    assert shared_external_dir() == sources_dir() == REPO / "resources" / "sources"


def test_the_bundled_catalog_names_the_manifest_hashes() -> None:
    manifest = read_manifest(sources_dir())
    catalog = json.loads((bundled_data_dir() / "catalog.json").read_text(encoding="utf-8"))
    sources = catalog["sources"]
    records = sources.values() if isinstance(sources, dict) else sources
    hashes = {record["file"]: record["sha256"] for record in records}
    assert len(hashes) == len(ALL_SOURCES)
    assert hashes == {name: manifest[name].sha256 for name in hashes}


def test_sources_md_gives_every_file_its_size_hash_and_notes() -> None:
    text = (sources_dir() / "SOURCES.md").read_text(encoding="utf-8")
    index = {
        match["file"]: (int(match["size"].replace(",", "")), match["sha"])
        for match in re.finditer(
            r"^\| [^|]+ \| `(?P<file>[^`]+)` \| (?P<size>[\d,]+) \| `(?P<sha>[0-9a-f]{64})` \|",
            text,
            flags=re.MULTILINE,
        )
    }
    manifest = read_manifest(sources_dir())
    assert index == {name: (e.size, e.sha256) for name, e in manifest.items()}
    headings = "\n".join(line for line in text.splitlines() if line.startswith("####"))
    tables = "\n".join(line for line in text.splitlines() if line.startswith("| `"))
    for name in manifest:
        # its notes: a heading of its own, or a row of a shared table (entries 26-31)
        assert f"`{name}`" in headings or f"`{name}`" in tables, name


@pytest.fixture
def small_copy(tmp_path: Path) -> Path:
    """A sources folder with one real file and a manifest listing just that file."""
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copyfile(sources_dir() / NBS_FILE, folder / NBS_FILE)
    entry = read_manifest(sources_dir())[NBS_FILE]
    document = {"files": [{"file": NBS_FILE, "bytes": entry.size, "sha256": entry.sha256}]}
    (folder / MANIFEST_FILE).write_text(json.dumps(document), encoding="utf-8")
    return folder


def test_a_copy_that_matches_has_no_problems(small_copy: Path) -> None:
    assert folder_problems(small_copy) == []


def test_a_changed_byte_is_named(small_copy: Path) -> None:
    path = small_copy / NBS_FILE
    data = bytearray(path.read_bytes())
    data[-3] ^= 0x01  # same size, different bytes: only the hash can tell
    path.write_bytes(bytes(data))
    [problem] = folder_problems(small_copy)
    assert NBS_FILE in problem and "SHA-256" in problem


def test_a_truncated_missing_or_unlisted_file_is_named(small_copy: Path) -> None:
    path = small_copy / NBS_FILE
    path.write_bytes(path.read_bytes()[:-10])
    (small_copy / "next_year.csv").write_text("city,2025\n", encoding="utf-8")
    problems = folder_problems(small_copy)
    assert any(NBS_FILE in p and "5,159 bytes" in p and "5,169" in p for p in problems)
    assert any("next_year.csv" in p and "not listed" in p for p in problems)
    path.unlink()
    assert any(NBS_FILE in p and "missing" in p for p in folder_problems(small_copy))


def test_a_broken_manifest_is_named_with_its_line(small_copy: Path) -> None:
    manifest = small_copy / MANIFEST_FILE
    manifest.write_text('{"files": [\n  {"file": "a.csv",}\n]}', encoding="utf-8")
    with pytest.raises(CurationError, match=r"manifest\.json, line 2"):
        read_manifest(small_copy)
    manifest.write_text('{"files": [{"file": "a.csv", "bytes": 3, "sha256": "xyz"}]}',
                        encoding="utf-8")
    with pytest.raises(CurationError, match="entry 1"):
        read_manifest(small_copy)
    manifest.unlink()
    with pytest.raises(CurationError, match="missing"):
        read_manifest(small_copy)


def test_the_build_refuses_a_source_that_is_not_the_recorded_file(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    for name in (MANIFEST_FILE, *(s.file for s in ALL_SOURCES)):
        (folder / name).symlink_to(sources_dir() / name)
    changed = folder / NBS_FILE
    changed.unlink()
    # the 2016 Liaoning figure re-typed: same length, another number
    text = (sources_dir() / NBS_FILE).read_bytes().replace(b"20832", b"20833", 1)
    changed.write_bytes(text)
    with pytest.raises(CurationError, match=re.escape(NBS_FILE) + ".*SHA-256"):
        build_dataset(folder)


def test_check_names_a_changed_source_and_fails(small_copy: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = small_copy / NBS_FILE
    path.write_bytes(path.read_bytes().replace(b"20832", b"20833", 1))
    target = tmp_path / "data"
    # --external: the option's former name still works
    assert curation_main(["--check", "--external", str(small_copy), "--target", str(target)]) == 1
    out = capsys.readouterr().out
    assert f"source file: {path}" in out and "SHA-256" in out
    assert not target.exists()  # a check writes nothing


def test_check_without_a_sources_folder_says_so(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "sources"
    assert curation_main(["--check", "--sources", str(missing)]) == 2
    assert capsys.readouterr().err == f"error: no raw sources folder at {missing}\n"


def _project_files() -> list[str]:
    """What a clone holds once the work tree is committed: tracked files plus new ones that
    .gitignore does not exclude (the raw sources may not be committed yet)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode("utf-8").split("\0")
    return [name for name in listed if name and (REPO / name).is_file()]


@pytest.mark.slow
def test_check_passes_on_a_clone_without_shared(tmp_path: Path) -> None:
    clone = tmp_path / "city-profiles"
    for name in _project_files():
        target = clone / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / name, target)
    assert not (clone.parent / "shared").exists()
    result = subprocess.run(
        [sys.executable, "-m", "desktop.curation", "--check"],
        cwd=clone, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # the clone's own code and files were used, not the repository beside the venv
    assert str(clone / "resources" / "sources") in result.stdout
    assert "matches a fresh rebuild" in result.stdout


def test_git_keeps_the_raw_files_and_their_bytes() -> None:
    names = [str(Path("resources/sources") / name) for name in read_manifest(sources_dir())]
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", *names],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert ignored.stdout == ""  # none is ignored
    crlf_file = "resources/sources/us_bea_cagdp1_msa_gdp_2001_2022.csv"
    attributes = subprocess.run(
        ["git", "check-attr", "text", "--", crlf_file],
        cwd=REPO, capture_output=True, text=True, check=True,
    )
    assert attributes.stdout.strip().endswith("text: unset")  # CRLF file: no conversion


def test_the_frozen_app_leaves_the_raw_files_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run build.spec with PyInstaller's build steps replaced by recorders."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: []  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    seen: dict[str, object] = {}

    def analysis(*args: object, **kwargs: object) -> types.SimpleNamespace:
        seen.update(kwargs)
        return types.SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[])

    spec = REPO / "build.spec"
    namespace = {
        "SPECPATH": str(REPO),
        "Analysis": analysis,
        "PYZ": lambda *a, **k: None,
        "EXE": lambda *a, **k: None,
        "COLLECT": lambda *a, **k: None,
    }
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    datas = {(Path(source).relative_to(REPO).as_posix(), target)
             for source, target in seen["datas"]}  # type: ignore[union-attr]
    assert ("resources/data", "resources/data") in datas
    assert ("resources/i18n", "resources/i18n") in datas
    assert not any(source.startswith("resources/sources") for source, _ in datas)
