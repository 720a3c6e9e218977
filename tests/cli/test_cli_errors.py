"""Issue #12: every failure of a command ends in one line on stderr and exit 2, never a
traceback: damaged recipes, a full disk or read-only destination, a file that vanishes or is
cut short while it is read, bad arguments. Run in-process (desktop.commands.main.main) so that
the disk and the file system can be made to fail; the bundled data is loaded once."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.commands import main as cli
from desktop.core import storage
from desktop.core.paths import sources_dir
from desktop.session.messages import error_line

REPO = Path(__file__).resolve().parents[2]
NBS = sources_dir() / "cn_nbs_province_gdp_2006_2024_gbk.csv"


@pytest.fixture(scope="module")
def bundled():
    return storage.load_bundled()


@pytest.fixture(autouse=True)
def _bundled_once(bundled, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "load_bundled", lambda: bundled)


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "cities.csv"
    path.write_text("city,year,GDP (亿元)\nShenyang,2022,7695.8\nDalian,2022,8430.9\n",
                    encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """main(args) as the program runs it: its status, stdout and stderr."""
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line(status: int, err: str, *fragments: str) -> None:
    assert status == 2
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("city-profiles: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


# --- damaged recipes -----------------------------------------------------------------------
VALID = {"recipe_version": 1, "read": {}, "table": {}}
DEEP = "[" * 100_000 + "]" * 100_000


def _with(section: str, key: str, value: object) -> str:
    data = json.loads(json.dumps(VALID))
    data[section][key] = value
    return json.dumps(data)


RECIPES = [
    ("not_json", "{'read': }", "not JSON"),
    ("empty", "", "not JSON"),
    ("list", "[1, 2]", "expected a JSON object, found a list"),
    ("read_is_a_list", json.dumps({**VALID, "read": ["utf-8"]}), "'read' must be a JSON object"),
    ("no_version", json.dumps({"read": {}}), "no 'recipe_version'"),
    ("version_99", json.dumps({**VALID, "recipe_version": 99}), "recipe version 99"),
    ("version_text", json.dumps({**VALID, "recipe_version": "1"}), "recipe version '1'"),
    ("unknown_top_field", json.dumps({**VALID, "steps": []}), "unknown recipe field 'steps'"),
    ("unknown_field", _with("read", "colour", "red"), "unknown field 'read.colour'"),
    ("encoding_number", _with("read", "encoding", 5), "'read.encoding' must be an encoding"),
    ("encoding_unknown", _with("read", "encoding", "klingon"), "not an encoding"),
    ("delimiter_long", _with("read", "delimiter", ";;"), "'read.delimiter' must be one"),
    ("decimal_other", _with("read", "decimal", ";"), "'read.decimal' must be '.' or ','"),
    ("hidden_text", _with("read", "include_hidden_sheets", "yes"), "must be true or false"),
    ("header_rows_text", _with("table", "header_rows", "3"), "'table.header_rows' must be"),
    ("header_rows_negative", _with("table", "header_rows", [-1]), "'table.header_rows'"),
    ("year_text", _with("table", "year", "2016"), "'table.year' must be a year"),
    ("year_bool", _with("table", "year", True), "'table.year' must be a year"),
    ("layout_unknown", _with("table", "layout", "diagonal"), "'table.layout' must be one of"),
    ("role_unknown", _with("table", "roles", {"人口": "population"}), "unknown role"),
    ("roles_list", _with("table", "roles", ["city"]), "must map column names to roles"),
    ("not_utf8", "{\"recipe_version\": 1, \"read\": {\"sheet\": \"\xb1\xed\"}}", "not UTF-8"),
    ("nested_deep", DEEP, "not a recipe"),
]


@pytest.mark.parametrize(("name", "text", "reason"), RECIPES, ids=[r[0] for r in RECIPES])
def test_a_damaged_recipe_is_one_line_naming_it_and_what_is_wrong(
        tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str], name: str,
        text: str, reason: str) -> None:
    recipe = tmp_path / f"{name}.recipe.json"
    recipe.write_bytes(text.encode("latin-1") if name == "not_utf8" else text.encode())
    status, out, err = run(capsys, "import", str(data_file), "--recipe", str(recipe))
    assert_one_line(status, err, f"{name}.recipe.json", reason)
    assert out == ""


def test_a_huge_recipe_is_refused_without_reading_it_whole(
        tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recipe = tmp_path / "huge.recipe.json"
    recipe.write_bytes(b" " * (3 << 20) + json.dumps(VALID).encode())
    status, _, err = run(capsys, "import", str(data_file), "--recipe", str(recipe))
    assert_one_line(status, err, "huge.recipe.json", "too big to be a recipe")


def test_a_folder_given_as_the_recipe(tmp_path: Path, data_file: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "recipes"
    folder.mkdir()
    status, _, err = run(capsys, "import", str(data_file), "--recipe", str(folder))
    assert_one_line(status, err, "recipes", "is a folder")


def test_an_unreadable_recipe(tmp_path: Path, data_file: Path,
                              capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Permissions (root reads anything, so the refusal is made by the file system mock)."""
    recipe = tmp_path / "locked.recipe.json"
    recipe.write_text(json.dumps(VALID), encoding="utf-8")
    recipe.chmod(0)
    real_open = Path.open

    def refused(self: Path, *args: object, **kwargs: object) -> object:
        if self == recipe:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refused)
    status, _, err = run(capsys, "import", str(data_file), "--recipe", str(recipe))
    assert_one_line(status, err, "locked.recipe.json", "Permission denied")


def test_a_good_recipe_still_imports(tmp_path: Path, data_file: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    recipe = tmp_path / "good.recipe.json"
    recipe.write_text(_with("table", "layout", "long"), encoding="utf-8")
    status, out, err = run(capsys, "import", str(data_file), "--recipe", str(recipe))
    assert status == 0, err
    assert "Imported 2 values" in out


# --- a full disk, a read-only destination -----------------------------------------------------
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_full_disk_on_import_output_is_one_line_and_leaves_nothing(
        tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"long{suffix}"

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage.os, "fsync", full)
    status, out, err = run(capsys, "import", str(data_file), "--output", str(target))
    assert_one_line(status, err, f"cannot write {target}", "No space left on device")
    assert list(out_dir.iterdir()) == []  # no half-written file, no hidden temp
    assert out == ""


def test_a_read_only_destination_keeps_the_old_output(
        tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "long.csv"
    target.write_text("last year's table\n", encoding="utf-8")

    def read_only(*args: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(storage.os, "replace", read_only)
    status, _, err = run(capsys, "import", str(data_file), "--output", str(target))
    assert_one_line(status, err, "cannot write", "Read-only file system")
    assert target.read_text(encoding="utf-8") == "last year's table\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


_FULL_DISK_REPORT = """
import errno, os, sys
from desktop.core import storage
def full(fd):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
storage.os.fsync = full
from desktop.commands.main import main
from desktop.core.paths import sources_dir
sys.exit(main(sys.argv[1:]))
"""


def test_a_full_disk_on_report_output_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = subprocess.run(
        [sys.executable, "-c", _FULL_DISK_REPORT, "report", "--focus", "Shenyang",
         "--peers", "Dalian", "--indicators", "gdp", "--sections", "summary",
         "-o", str(target)],
        cwd=REPO, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True,
        text=True, timeout=180, check=False)
    assert_one_line(result.returncode, result.stderr, f"cannot write {target}",
                    "No space left on device")
    # nothing half-written beside the target (the xdg-* folders are the test's own homes)
    assert [p for p in tmp_path.iterdir() if not p.name.startswith("xdg-")] == []


# --- a file that vanishes or is cut short while it is read -----------------------------------
def _interrupted(monkeypatch: pytest.MonkeyPatch, damage: object) -> None:
    """Damage the file (delete or truncate it) just as the reading starts."""
    from desktop.importers import fast_path

    real = fast_path.try_fast_import

    def damaged(path: Path, *args: object, **kwargs: object) -> object:
        damage(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(fast_path, "try_fast_import", damaged)


def test_a_file_deleted_mid_import_is_one_line(
        data_file: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _interrupted(monkeypatch, lambda path: path.unlink())
    status, _, err = run(capsys, "import", str(data_file))
    assert_one_line(status, err, "cities.csv", "does not exist")


def test_a_read_failing_mid_import_is_one_line(
        data_file: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk (or a pulled USB stick) fails while the reader is inside the file."""
    from desktop.importers import fast_path, readers

    def pulled(path: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))

    monkeypatch.setattr(fast_path, "try_fast_import", lambda *args, **kwargs: None)
    monkeypatch.setattr(readers, "read_grids", pulled)
    status, _, err = run(capsys, "import", str(data_file))
    assert_one_line(status, err, f"cannot read {data_file}", "Input/output error")


def test_a_workbook_cut_short_mid_import_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    book = tmp_path / "cities.xlsx"
    pd.DataFrame({"city": ["Shenyang"] * 50, "year": range(1970, 2020),
                  "GDP (亿元)": range(50)}).to_excel(book, index=False)

    def truncate(path: Path) -> None:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])

    _interrupted(monkeypatch, truncate)
    status, _, err = run(capsys, "import", str(book))
    assert_one_line(status, err, "cities.xlsx")


def test_a_data_file_deleted_mid_import_for_a_report(
        data_file: Path, bundled, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.commands.report import import_data
    from desktop.core.errors import InputFileError
    from desktop.importers import fast_path

    real = fast_path.try_fast_import

    def vanished(path: Path, *args: object, **kwargs: object) -> object:
        real(path, *args, **kwargs)
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))

    monkeypatch.setattr(fast_path, "try_fast_import", vanished)
    with pytest.raises(InputFileError) as info:
        import_data(bundled, [str(data_file)])
    assert error_line(info.value) == f"cannot read {data_file}: no such file"


# --- bad arguments ---------------------------------------------------------------------------
BAD_ARGUMENTS = [
    ("profile", "--year", "abc"),
    ("import", "x.csv", "--year", "abc"),
    ("report", "--focus", "Shenyang", "--year", "abc", "-o", "r.pdf"),
    ("report", "--focus", "Shenyang", "--paper", "b5", "-o", "r.pdf"),
    ("report", "--focus", "Shenyang", "--number-style", "roman", "-o", "r.pdf"),
    ("report", "--focus", "Shenyang"),  # no -o
    ("peers", "--focus", "Shenyang", "--k", "many"),
    ("peers", "--focus", "Shenyang", "--scaling", "log"),
    ("profile", "--lang", "fr"),
    ("frobnicate",),
]


@pytest.mark.parametrize("args", BAD_ARGUMENTS, ids=[" ".join(a) for a in BAD_ARGUMENTS])
def test_a_malformed_argument_is_a_usage_error_not_a_traceback(
        capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(list(args))
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("city-profiles")
    assert "error:" in err.strip().splitlines()[-1]


UNKNOWN_NAMES = [
    (("profile", "--peers", "Dalian,Atlantis"), "unknown city: 'Atlantis'"),
    (("report", "--focus", "Shenyang", "--peers", "Atlantis", "-o", "r.pdf"), "unknown city"),
    (("report", "--focus", "Shenyang", "--charts", "pie", "-o", "r.pdf"), "pie"),
    (("peers", "--focus", "Shenyang", "--indicators", "happiness"), "happiness"),
    (("peers", "--focus", "Atlantis"), "unknown city: 'Atlantis'"),
    (("import", "nowhere.csv"), "cannot read nowhere.csv: no such file"),
]


@pytest.mark.parametrize(("args", "message"), UNKNOWN_NAMES,
                         ids=[" ".join(a) for a, _ in UNKNOWN_NAMES])
def test_an_unknown_name_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch,
                                     args: tuple[str, ...], message: str) -> None:
    monkeypatch.chdir(tmp_path)  # any r.pdf would land here (none must)
    status, _, err = run(capsys, *args)
    assert_one_line(status, err, message)
    assert list(tmp_path.iterdir()) == []


def test_an_unforeseen_failure_is_still_one_line(
        data_file: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug no check foresaw (here: the reader raising a bare RuntimeError) still ends in
    one line naming the error, not a traceback."""
    from desktop.importers import fast_path

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("reader lost its place")

    monkeypatch.setattr(fast_path, "try_fast_import", broken)
    monkeypatch.delenv("CITY_PROFILES_TRACEBACK", raising=False)
    status, _, err = run(capsys, "import", str(data_file))
    assert_one_line(status, err, "RuntimeError: reader lost its place")


def test_a_damaged_recipe_is_said_in_chinese(tmp_path: Path, data_file: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    recipe = tmp_path / "年鉴.recipe.json"
    recipe.write_text(_with("table", "layout", "diagonal"), encoding="utf-8")
    status, _, err = run(capsys, "import", str(data_file), "--recipe", str(recipe),
                         "--lang", "zh")
    assert status == 2 and len(err.strip().splitlines()) == 1
    assert err.strip() == (
        f"city-profiles：错误：无法读取 {recipe}：'table.layout' 应为以下之一："
        "long, wide_years, wide_indicators, sdmx, eurostat，而不是 'diagonal'")
