"""python-calamine in a child process, for workbooks small enough that this costs little.

calamine aborts the whole process (exit 134, no Python exception) on some malformed
workbooks. zip_safety's caps refuse every such workbook we know of before calamine runs,
but a crash we do not know of would still take the window and the unsaved session with it.
So a workbook of up to CHILD_MAX_BYTES is read by a child interpreter, which reads every
sheet and hands the values back pickled; a child killed by a signal becomes
ImportRejectedError('reader_crashed') naming the file. Measured: +0.1 s for a 75-row
workbook, +0.24 s (0.56 -> 0.80 s) for a 36,000-row one of 0.85 MB. Bigger workbooks, which
passed the caps, are read in-process: on the 450k-row benchmark sheet the child took 6.5 s
against 4.0 s in-process (the values pickled back and rebuilt), and such files are what a
user imports on purpose. A frozen (PyInstaller) app has no interpreter to start: in-process.

Run as a module (the child): python -m desktop.importers.calamine_child WORKBOOK
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.importers.sniff import reject

#: workbooks up to this size are read in a child process
CHILD_MAX_BYTES = 2 * 1024 * 1024
CHILD_TIMEOUT = 300
_OOXML_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


class CalamineError(Exception):
    """calamine raised (a damaged workbook): its message, for the caller to explain."""


@dataclass
class SheetValues:
    name: str
    state: str  # "visible" | "hidden" | "veryhidden"
    #: the sheet's cells from A1 ('' for empty), or the error calamine raised reading it
    values: list[list[Any]] | None = None
    error: str = ""
    size: tuple[int, int] | None = None


@dataclass
class Book:
    """Every sheet of a workbook as calamine reads it."""

    sheets: list[SheetValues] = field(default_factory=list)

    def values(self, index: int) -> list[list[Any]]:
        sheet = self.sheets[index]
        if sheet.values is None:
            raise CalamineError(sheet.error)
        return sheet.values

    def size(self, index: int) -> tuple[int, int] | None:
        return self.sheets[index].size


class LazyBook(Book):
    """The same, in this process, each sheet read when asked for (big workbooks)."""

    def __init__(self, path: Path) -> None:
        try:
            self._workbook = open_calamine(path)
        except Exception as exc:
            raise CalamineError(str(exc)) from None
        super().__init__([SheetValues(m.name, str(m.visible).rsplit(".", 1)[-1].lower())
                          for m in self._workbook.sheets_metadata])

    def values(self, index: int) -> list[list[Any]]:
        try:
            return self._workbook.get_sheet_by_index(index).to_python(skip_empty_area=False)
        except Exception as exc:
            raise CalamineError(str(exc) or type(exc).__name__) from None

    def size(self, index: int) -> tuple[int, int] | None:
        try:
            sheet = self._workbook.get_sheet_by_index(index)
            return sheet.height, sheet.width
        except Exception:
            return None


def open_book(path: Path, file: str) -> Book:
    """The workbook's sheets through calamine: in a child process for small files, here for
    big ones. Raises CalamineError (damaged) or ImportRejectedError (the child crashed)."""
    if use_child(path):
        return read_book_in_child(path, file)
    return LazyBook(path)


def open_calamine(path: Path) -> Any:
    """A CalamineWorkbook, chosen by content: calamine picks its reader by the name, so a
    real .xlsx named .xls is opened from a stream (checked to be a zip already)."""
    from python_calamine import CalamineWorkbook

    if path.suffix.lower() in _OOXML_SUFFIXES:
        return CalamineWorkbook.from_path(str(path))
    with open(path, "rb") as handle:
        return CalamineWorkbook.from_filelike(handle)


def read_book(path: Path) -> Book:
    """Sheet names and states, and every sheet's values (what the child hands back)."""
    lazy = LazyBook(path)
    book = Book()
    for index, sheet in enumerate(lazy.sheets):
        try:
            sheet.values = lazy.values(index)
            sheet.size = (len(sheet.values), max((len(r) for r in sheet.values), default=0))
        except CalamineError as exc:
            sheet.error = str(exc)
        book.sheets.append(sheet)
    return book


def use_child(path: Path) -> bool:
    if getattr(sys, "frozen", False):
        return False
    try:
        return path.stat().st_size <= CHILD_MAX_BYTES
    except OSError:
        return False


def child_command(path: Path) -> list[str]:
    """The child's command line (a test points it at a process that aborts)."""
    return [sys.executable, "-m", "desktop.importers.calamine_child", str(path)]


def read_book_in_child(path: Path, file: str) -> Book:
    """read_book(path) in a child interpreter; a crash is a refusal, not the app's end."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(_PACKAGE_ROOT), env.get("PYTHONPATH", "")) if p)
    try:
        result = subprocess.run(child_command(path), capture_output=True, env=env,
                                timeout=CHILD_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise reject("reader_crashed", f"The Excel reader did not finish within "
                     f"{CHILD_TIMEOUT} s on this workbook and was stopped; nothing else was "
                     "affected.", file, seconds=CHILD_TIMEOUT) from None
    if result.returncode != 0:
        code = result.returncode
        if code < 0:
            try:
                how = f"was killed by signal {signal.Signals(-code).name}"
            except ValueError:
                how = f"was killed by signal {-code}"
        elif code == 134:
            how = "aborted"
        else:
            how = f"failed (exit status {code})"
        raise reject("reader_crashed", f"The Excel reader {how} on this workbook, which is "
                     "damaged or built to crash readers; it ran in a separate process, so "
                     "nothing else was affected.", file, exit_status=code)
    outcome = pickle.loads(result.stdout)  # written by main() below, our own child
    if isinstance(outcome, str):
        raise CalamineError(outcome)
    return outcome


def main(argv: list[str]) -> int:
    # the classes by their module's name, not __main__'s, so that the parent can unpickle
    from desktop.importers import calamine_child

    path = Path(argv[0])
    try:
        outcome: Book | str = calamine_child.read_book(path)
    except calamine_child.CalamineError as exc:
        outcome = str(exc)
    sys.stdout.buffer.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
