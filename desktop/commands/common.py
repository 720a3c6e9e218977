"""What every headless command shares: its --lang/--prices/--replace options, reading an
input file and writing an output file with errors that name them, and printing one line or an
aligned table."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import InputFileError, OutputPathError

if TYPE_CHECKING:
    import argparse

    from desktop.core.catalog import CityLookup
    from desktop.core.dataset import Dataset
    from desktop.importers.recipe import Recipe
    from desktop.importers.run import ImportOutcome
    from desktop.session.selection import Selection

def add_lang_argument(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """`--lang` for the program or a subcommand. A subcommand's is SUPPRESSed when not given,
    so `city-profiles --lang zh import F` keeps the language given before the command."""
    import argparse

    parser.add_argument("--lang", choices=("en", "zh"),
                        default=None if top else argparse.SUPPRESS,
                        help="language (default: English; the window: the language setting)"
                        if top else "language of what is printed and written (default: "
                        "English); JSON keys stay English")


def prices_choice(text: str) -> str:
    """argparse type of --prices: "current", "constant" or "constant:YEAR", checked."""
    import argparse

    from desktop.analysis.prices import parse_prices

    try:
        return parse_prices(text).text()
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_prices_argument(parser: argparse.ArgumentParser) -> None:
    """`--prices`: money at current prices (default) or constant prices of a base year."""
    parser.add_argument(
        "--prices", type=prices_choice, default="current", metavar="current|constant[:YEAR]",
        help="money at current prices (default) or at constant prices of a base year, "
        "deflated with each country's national GDP deflator then converted at that year's "
        "rate (default base year: the latest with a deflator and a rate for every country)")


def add_replace_argument(parser: argparse.ArgumentParser) -> None:
    """`--replace`: imported values replace the bundled ones (never the default)."""
    parser.add_argument(
        "--replace", action="store_true",
        help="let imported values replace the bundled values for the same city, indicator "
             "and year (default: an import whose values differ from the bundled ones comes "
             "in as a separate series, and the bundled series stays as it is)")


def os_reason(error: BaseException) -> tuple[str, dict[str, str]]:
    """The reason and `why` of an OSError, as InputFileError/OutputPathError take them: a
    vanished file by key (said in Chinese too), else the OS's own words."""
    if isinstance(error, FileNotFoundError):
        return "no such file", {"why": "no_such_file"}
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return str(reason), {}


def read_data_file(path: Path, recipe: Recipe | None, lookup: CityLookup) -> ImportOutcome:
    """import_file, with a file that vanishes or cannot be read mid-import (OSError) said as
    InputFileError naming it, like any unreadable input."""
    from desktop.importers.run import import_file

    try:
        return import_file(path, recipe, lookup)
    except (OSError, EOFError) as exc:
        reason, why = os_reason(exc)
        raise InputFileError(file=str(path), reason=reason, **why) from exc


def write_output(path: Path, write: Callable[[], object]) -> None:
    """Run `write` (an atomic write of `path`); a full disk or a read-only folder found only
    while writing (OSError) becomes OutputPathError naming the file."""
    try:
        write()
    except OSError as exc:  # the OS's words: 'no such file' would name the wrong file
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise OutputPathError(file=str(path), reason=reason) from exc


def check_input_file(path: Path, lang: str) -> None:
    """Raise InputFileError for a data file that is not there or is a folder."""
    if path.is_dir():
        raise InputFileError(file=str(path), reason="is a folder, not a file", why="is_folder")
    if not path.is_file():
        raise InputFileError(file=str(path), reason="no such file", why="no_such_file")


def lang_of(args: argparse.Namespace) -> str:
    """The language a command speaks: the one asked for, else English."""
    return getattr(args, "lang", None) or "en"


def year_rule(text: str) -> int | str:
    """--year of a profile: a year or "latest-each" (named so that argparse's error reads
    "invalid year_rule value")."""
    import argparse

    from desktop.analysis.selection_cube import LATEST_EACH

    if text.strip().lower() == LATEST_EACH:
        return LATEST_EACH
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a year or {LATEST_EACH}: {text!r}") from None


def split_list(text: str | None) -> list[str]:
    """'A, B,,C' -> ['A', 'B', 'C']: a comma-separated option's items."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def say(kind: str, line: str, lang: str = "en") -> None:
    """Print one 'city-profiles: error: ...' (or warning) line on stderr, in `lang`."""
    from desktop.text.phrases import text

    print(text("cli_line", lang, kind=text(f"cli_{kind}", lang), line=line), file=sys.stderr)


def unexpected(error: Exception, lang: str) -> int:
    """Say an error no check foresaw in one line (its type and message) and return 2; with
    CITY_PROFILES_TRACEBACK=1 in the environment it is raised, for a developer to trace."""
    import os

    if os.environ.get("CITY_PROFILES_TRACEBACK") == "1":
        raise error
    say("error", f"{type(error).__name__}: {error}"[:500], lang)
    return 2


def aligned_text(grid: list[list[str]], left: Sequence[int] = (0,)) -> str:
    """Rows as aligned plain text (CJK characters take two columns), a rule under the first;
    columns in `left` are left-aligned, the rest right-aligned (numbers)."""
    import unicodedata

    def width(cell: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in cell)

    widths = [max(width(row[i]) for row in grid) for i in range(len(grid[0]))]
    lines = []
    for index, row in enumerate(grid):
        cells = [cell + " " * (widths[i] - width(cell)) if i in left
                 else " " * (widths[i] - width(cell)) + cell for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)



def selection_of(dataset: Dataset, args: argparse.Namespace) -> Selection:
    """The selection named by --focus, --peers/--group and --indicator."""
    from desktop.session.selection import resolve_selection

    return resolve_selection(dataset, args.focus, split_list(args.peers), args.group,
                             args.indicator)


def run_on_bundled(args: argparse.Namespace, run: Callable[[Dataset], int]) -> int:
    """`run(dataset)` on the bundled data with every failure said in one line and exit 2
    (a closed pipe is a normal end): the one error handling of every headless command."""
    from desktop.core.errors import CityProfilesError
    from desktop.core.storage import load_bundled
    from desktop.session.messages import error_line

    dataset = None
    try:
        dataset = load_bundled()
        return run(dataset)
    except CityProfilesError as error:
        say("error", error_line(error, dataset, lang_of(args)), lang_of(args))
        return 2
    except BrokenPipeError:
        return 0
    except Exception as error:
        return unexpected(error, lang_of(args))
