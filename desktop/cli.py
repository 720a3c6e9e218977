"""Command line: the GUI by default, headless subcommands for scripts and tests.

    city-profiles [--focus CITY] [--peers A,B,...|--group NAME] [--indicator ID]
                  [--screenshot FILE.png]
    city-profiles profile --focus CITY [--peers A,B,...|--group NAME] [--year Y] [--json]
    city-profiles import FILE [--sheet NAME] [--recipe R] [--json] [--output OUT.csv|.xlsx]
                         [--replace] [--lang en|zh]

Errors (an unknown city, indicator or group, a damaged recipe, a file that vanishes while it
is read, a full disk) exit with status 2 and one line on stderr, never a traceback.
`--lang zh` puts every line a person reads (tables, reports, warnings, errors) in Chinese;
JSON keys stay English, being an interface.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import (
    CityProfilesError,
    DatasetFileError,
    InputFileError,
    OutputPathError,
    UnknownCityError,
    UnknownGroupError,
    UnknownIndicatorError,
)

if TYPE_CHECKING:
    import argparse

    from desktop.analysis.profile_table import ProfileTable
    from desktop.core.catalog import CityLookup
    from desktop.core.dataset import Dataset
    from desktop.importers.recipe import Recipe
    from desktop.importers.run import ImportOutcome

DEFAULT_FOCUS = "cn-210100"
DEFAULT_GROUP = "north_east"
DEFAULT_INDICATOR = "gdp"
#: Error codes said from their values alone (sentences in desktop/report/i18n_text.py).
CODED_ERRORS = ("currency_mismatch", "unit_mismatch", "missing_exchange_rate", "no_sector_data",
                "no_value", "invalid_peer_query", "missing_deflator", "missing_deflator_year")


@dataclass(frozen=True)
class Selection:
    """What to show: resolved ids, ready for the window or a headless command."""

    focus_id: str
    peer_ids: tuple[str, ...]
    indicator_id: str
    group_id: str | None


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
        raise InputFileError(file=str(path), reason="是文件夹，不是文件" if lang == "zh"
                             else "is a folder, not a file")
    if not path.is_file():
        raise InputFileError(file=str(path), reason="no such file", why="no_such_file")


def merge_heading(lang: str) -> str:
    """The title of what merging the import would do, under the import report."""
    return ("与已有数据合并（report --data 和窗口导入时）：" if lang == "zh" else
            "Merging with the bundled data (as report --data and the window's import do):")


def lang_of(args: argparse.Namespace) -> str:
    """The language a command speaks: the one asked for, else English."""
    return getattr(args, "lang", None) or "en"


def _add_selection_arguments(parser: argparse.ArgumentParser, top: bool = False) -> None:
    parser.add_argument("--focus", help="focus city: name, Chinese name, alias or id")
    peers = parser.add_mutually_exclusive_group()
    peers.add_argument("--peers", help="comma-separated peer cities")
    peers.add_argument("--group", help="a peer group: north_east, hot_spots, us_rust_belt")
    parser.add_argument("--indicator", help="indicator id to chart, e.g. gdp")
    add_lang_argument(parser, top)


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="city-profiles",
        description="Compare a city side by side with its peers.",
    )
    _add_selection_arguments(parser, top=True)
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render the main window offscreen at 1600x1000 and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    profile = commands.add_parser("profile", help="print the side-by-side profile table")
    _add_selection_arguments(profile)
    profile.add_argument("--year", type=year_rule, metavar="YEAR|latest-each",
                         help="comparison year, or latest-each: each city's latest value "
                         "(the median and ranks then compare different years; default: the "
                         "latest year the cities share)")
    profile.add_argument("--indicators", help="comma-separated indicator ids (default: all)")
    profile.add_argument("--json", action="store_true", help="print JSON, numbers as numbers")
    profile.add_argument("--include-suspect", action="store_true",
                         help="count suspect values (breaks register) in medians, ranks and "
                         "sentences; they stay marked")
    profile.add_argument(
        "--currency", choices=("auto", "cny", "usd", "ppp"), default="auto",
        help="money in yuan (cny), US$ at the annual average rate (usd) or international $ "
        "at the PPP factor (ppp); auto (default): yuan for Chinese places alone, US$ when "
        "they are not all Chinese")
    add_prices_argument(profile)
    importer = commands.add_parser("import", help="read a spreadsheet and report what it holds")
    importer.add_argument("file", help="a .csv, .tsv, .txt, .gz, .xlsx, .xlsm or .xls file")
    importer.add_argument("--sheet", help="the sheet to read (default: every visible sheet)")
    importer.add_argument("--recipe", help="an import recipe saved from the import dialog")
    importer.add_argument("--year", type=int,
                          help="the year of a table that has no year column (yearbook tables)")
    importer.add_argument("--city", help="the city of a table that has no city column")
    importer.add_argument("--json", action="store_true", help="print the report as JSON")
    importer.add_argument("--output", metavar="OUT.csv",
                          help="write the normalised long table (city, indicator, year, value, "
                          "unit) to a .csv or .xlsx file")
    add_replace_argument(importer)
    add_lang_argument(importer)
    from desktop.report.cli_report import add_report_parser

    add_report_parser(commands)
    from desktop.analysis.cli_peers import add_peers_parser

    add_peers_parser(commands)
    from desktop.analysis.cli_breaks import add_breaks_parser

    add_breaks_parser(commands)
    return parser


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


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def resolve_selection(dataset: Dataset, args: argparse.Namespace) -> Selection:
    """Turn names from the command line into catalog ids (raises Unknown*Error)."""
    focus = dataset.city(args.focus).id if args.focus else DEFAULT_FOCUS
    group_id = None
    if args.peers:
        peers = tuple(_peer_id(dataset, name, focus) for name in _split(args.peers))
    else:
        group = dataset.group(args.group or DEFAULT_GROUP)
        group_id = group.id
        peers = group.city_ids
    indicator = args.indicator or DEFAULT_INDICATOR
    dataset.indicator(indicator)
    return Selection(focus, tuple(p for p in peers if p != focus), indicator, group_id)


def _peer_id(dataset: Dataset, name: str, focus_id: str) -> str:
    """A peer by name. Beside a province, a province's short name means the province even
    where a city holds that name: `--focus Liaoning --peers Jilin` compares Jilin Province,
    not Jilin city (吉林市), which the name means everywhere else."""
    from desktop.core.catalog import name_key

    found = dataset.city(name)
    if found.kind == "province" or dataset.cities[focus_id].kind != "province":
        return found.id
    key = name_key(name)
    for place in dataset.cities.values():
        short = (place.province_en, place.province_zh.removesuffix("省"))
        if place.kind == "province" and key in {name_key(n) for n in short if n}:
            return place.id
    return found.id


def error_line(error: CityProfilesError, dataset: Dataset | None = None,
               lang: str = "en") -> str:
    """One readable line for an error code, in `lang`."""
    from desktop.importers.model import ImportRejectedError
    from desktop.report.i18n_text import text

    name = error.params.get("name", "")
    if isinstance(error, UnknownCityError):
        return text("unknown_city", lang, name=repr(name)) + _guesses(dataset, str(name), lang)
    if isinstance(error, UnknownIndicatorError | UnknownGroupError):
        key = "unknown_indicator" if isinstance(error, UnknownIndicatorError) else "unknown_group"
        known = _known(dataset, "indicators" if key == "unknown_indicator" else "groups")
        return text(key, lang, name=repr(name)) + (
            text("known", lang, names=known) if known else "")
    if isinstance(error, ImportRejectedError):
        from desktop.importers.report_text import issue_line

        return issue_line(error.issue, lang)
    if isinstance(error, OutputPathError | InputFileError | DatasetFileError):
        key = "cannot_write" if isinstance(error, OutputPathError) else "cannot_read"
        return text(key, lang, file=error.params.get("file"), reason=error_reason(error, lang))
    if error.code == "invalid_peer_query":  # analysis.peers.PeerQueryError (numpy: not imported)
        return text(error.code, lang, reason=error_reason(error, lang, dataset))
    return _coded_line(error, lang)


def _guesses(dataset: Dataset | None, name: str, lang: str) -> str:
    """' (did you mean A, B?)' for a misspelt city, or '' without close names."""
    from desktop.report.i18n_text import text

    if dataset is None:
        return ""
    guesses = [c.name(lang) for c in dataset.lookup.search(name, limit=3)]
    separator = "、" if lang == "zh" else ", "
    return text("did_you_mean", lang, names=separator.join(guesses)) if guesses else ""


def _known(dataset: Dataset | None, what: str) -> str:
    """The ids a user may type (indicators or groups): identifiers, the same in any language."""
    return ", ".join(getattr(dataset, what)) if dataset is not None else ""


def error_reason(error: CityProfilesError, lang: str, dataset: Dataset | None = None) -> str:
    """Why a file cannot be read or written, or a query answered: our own reasons by key
    (`why`), so they can be said in Chinese (a `city_id` among the values is named in `lang`);
    a reason from elsewhere (the OS, a recipe) as it was given."""
    from desktop.report.i18n_text import reason_text, text

    why = error.params.get("why")
    if why:
        values = dict(error.params.get("why_values", {}))
        city_id = values.get("city_id")
        if dataset is not None and city_id in dataset.cities:
            values["city"] = dataset.cities[city_id].name(lang)
        return reason_text(str(why), lang, **values)
    if isinstance(error, OutputPathError) and "reason" not in error.params:
        return text("not_writable", lang)
    return str(error.params.get("reason"))


def _coded_line(error: CityProfilesError, lang: str) -> str:
    """Errors raised as a bare code with values (analysis, charts)."""
    from desktop.report.i18n_text import text

    if error.code not in CODED_ERRORS:
        return f"{error.code}: {error.params}"
    try:
        return text(error.code, lang, **error.params)
    except (KeyError, IndexError):
        return f"{text(error.code, lang)} ({error.params})"


def say(kind: str, line: str, lang: str = "en") -> None:
    """Print one 'city-profiles: error: ...' (or warning) line on stderr, in `lang`."""
    from desktop.report.i18n_text import text

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


def profile_text(dataset: Dataset, table: ProfileTable, lang: str = "en") -> str:
    """The profile table for the terminal, its column titles in `lang` (city names too)."""
    from desktop.report.i18n_text import column_title

    titles = [dataset.cities[c.city_id].name(lang) if c.city_id
              else column_title(c.key, lang, c.horizon) for c in table.columns]
    return aligned_text([titles, *[[cell.text for cell in row] for row in table.rows]])


def run_profile(dataset: Dataset, args: argparse.Namespace) -> int:
    import json

    from desktop.analysis.comparison import build_profile
    from desktop.analysis.currency import view_dataset
    from desktop.analysis.profile_table import build_profile_table, profile_to_json

    selection = resolve_selection(dataset, args)
    indicators = _split(args.indicators) or None
    for indicator_id in indicators or ():
        dataset.indicator(indicator_id)
    # money in one currency for the whole profile (auto: US$ when countries mix)
    dataset = view_dataset(dataset, [selection.focus_id, *selection.peer_ids],
                           args.currency, args.prices)
    profile = build_profile(dataset, selection.focus_id, selection.peer_ids, indicators,
                            args.year, include_suspect=getattr(args, "include_suspect", False))
    lang = lang_of(args)
    from desktop.analysis.vintages import vintage_note

    # a city beside its province compares two vintages: said once, under the table
    note = vintage_note(dataset, [profile.focus_id, *profile.peer_ids],
                        [row.indicator_id for row in profile.rows], lang)
    if args.json:
        data = profile_to_json(dataset, profile, lang)
        if note:
            data["vintage_note"] = note
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(profile_text(dataset, build_profile_table(dataset, profile, lang), lang))
        if note:
            print("\n" + note)
    return 0


def run_import(dataset: Dataset, args: argparse.Namespace) -> int:
    """Read FILE and print its import report, then what merging it would do with the bundled
    data (values not mixed into a bundled series, or replaced with --replace)."""
    import json
    from dataclasses import replace

    from desktop.core.export import write_csv, write_xlsx
    from desktop.core.storage import check_writable
    from desktop.importers.merge import merge_import, user_source
    from desktop.importers.merge_text import merge_json, merge_lines
    from desktop.importers.recipe import Recipe, RecipeError, load_recipe
    from desktop.importers.report_text import report_text
    from desktop.importers.run import output_table

    path = Path(args.file)
    output = Path(args.output) if args.output else None
    if output is not None:
        if output.suffix.lower() not in (".csv", ".xlsx"):
            raise OutputPathError(file=str(output), reason="use a .csv or .xlsx name",
                                  why="use_csv_or_xlsx")
        check_writable(output)
    check_input_file(path, lang_of(args))
    try:
        recipe = load_recipe(Path(args.recipe)) if args.recipe else Recipe()
    except RecipeError as exc:
        raise InputFileError(file=args.recipe, reason=exc.reason_in(lang_of(args))) from exc
    if args.sheet:
        recipe = replace(recipe, read=replace(recipe.read, sheet=args.sheet))
    if args.year is not None or args.city:
        recipe = replace(recipe, table=replace(
            recipe.table,
            year=args.year if args.year is not None else recipe.table.year,
            city=args.city or recipe.table.city,
        ))
    outcome = read_data_file(path, recipe, dataset.lookup)
    if output is not None:
        table = output_table(outcome)
        writer = write_xlsx if output.suffix.lower() == ".xlsx" else write_csv
        write_output(output, lambda: writer(table, output))
    merged = summary = None
    if not outcome.frame.empty:
        merged, summary = merge_import(dataset, outcome.frame, user_source(path, 1),
                                       replace=getattr(args, "replace", False))
    lang = lang_of(args)
    if args.json:
        data = outcome.report.to_json()
        data["merge"] = merge_json(summary) if summary is not None else None
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(report_text(outcome.report, lang))
    if merged is not None and summary is not None:
        print("\n" + merge_heading(lang))
        print("\n".join(line if line.startswith("  ") else "  " + line
                        for line in merge_lines(merged, summary, lang)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """The program (argv None: sys.argv) or one command of it (argv given, as in tests)."""
    if argv is None:
        import os

        from desktop.core import collection

        collection.pause()  # until the window is usable or the data loaded (see there)
        # One BLAS thread: our matrices are small, and OpenBLAS's extra threads spin on the
        # second core (~75 ms of CPU at numpy's import) that the loader and UI threads need.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        # The plain start (a double-click): the window first, with no argument parsing
        # before it; the default selection is resolved once the data has loaded.
        from types import SimpleNamespace

        from desktop.ui.app import run_app_staged

        nothing_chosen = SimpleNamespace(focus=None, peers=None, group=None, indicator=None)
        return run_app_staged(lambda dataset: resolve_selection(dataset, nothing_chosen))
    args = build_parser().parse_args(argv)
    chosen = any((args.focus, args.peers, args.group, args.indicator))
    if args.command is None and not args.screenshot and not chosen:
        # The plain start: the window first, the data loaded behind it (nothing to check).
        from desktop.ui.app import run_app_staged

        return run_app_staged(lambda dataset: resolve_selection(dataset, args), lang=args.lang)
    from desktop.core.storage import load_bundled

    dataset = None
    try:
        dataset = load_bundled()
        if args.command is not None:
            from desktop.core import collection

            collection.settle()
        if args.command == "profile":
            return run_profile(dataset, args)
        if args.command == "import":
            return run_import(dataset, args)
        if args.command == "peers":
            from desktop.analysis.cli_peers import run_peers

            return run_peers(dataset, args)
        if args.command == "breaks":
            from desktop.analysis.cli_breaks import run_breaks

            return run_breaks(dataset, args)
        if args.command == "report":
            from desktop.report.cli_report import run_report

            return run_report(dataset, args)
        selection = resolve_selection(dataset, args)
        if args.screenshot:
            from pathlib import Path

            from desktop.core.storage import check_writable

            check_writable(Path(args.screenshot))
    except CityProfilesError as error:
        say("error", error_line(error, dataset, lang_of(args)), lang_of(args))
        return 2
    except BrokenPipeError:
        return 0
    except Exception as error:
        return unexpected(error, lang_of(args))
    from desktop.ui.app import run_app

    return run_app(dataset, selection, screenshot=args.screenshot, lang=args.lang,
                   restore_session=not chosen)
