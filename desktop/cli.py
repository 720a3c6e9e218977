"""Command line: the GUI by default, headless subcommands for scripts and tests.

    city-profiles [--focus CITY] [--peers A,B,...|--group NAME] [--indicator ID]
                  [--screenshot FILE.png]
    city-profiles profile --focus CITY [--peers A,B,...|--group NAME] [--year Y] [--json]
    city-profiles import FILE [--sheet NAME] [--recipe R] [--json] [--output OUT.csv|.xlsx]

Errors in arguments (an unknown city, indicator or group) exit with status 2 and one line on
stderr, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
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

    from desktop.core.dataset import Dataset

DEFAULT_FOCUS = "cn-210100"
DEFAULT_GROUP = "north_east"
DEFAULT_INDICATOR = "gdp"


@dataclass(frozen=True)
class Selection:
    """What to show: resolved ids, ready for the window or a headless command."""

    focus_id: str
    peer_ids: tuple[str, ...]
    indicator_id: str
    group_id: str | None


def _add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--focus", help="focus city: name, Chinese name, alias or id")
    peers = parser.add_mutually_exclusive_group()
    peers.add_argument("--peers", help="comma-separated peer cities")
    peers.add_argument("--group", help="a peer group: north_east, hot_spots, us_rust_belt")
    parser.add_argument("--indicator", help="indicator id to chart, e.g. gdp")
    parser.add_argument("--lang", choices=("en", "zh"),
                        help="language (default: English; the window: the language setting)")


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="city-profiles",
        description="Compare a city side by side with its peers.",
    )
    _add_selection_arguments(parser)
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render the main window offscreen at 1600x1000 and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    profile = commands.add_parser("profile", help="print the side-by-side profile table")
    _add_selection_arguments(profile)
    profile.add_argument("--year", type=int, help="comparison year (default: latest shared)")
    profile.add_argument("--indicators", help="comma-separated indicator ids (default: all)")
    profile.add_argument("--json", action="store_true", help="print JSON, numbers as numbers")
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
    from desktop.report.cli_report import add_report_parser

    add_report_parser(commands)
    from desktop.analysis.cli_peers import add_peers_parser

    add_peers_parser(commands)
    return parser


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def resolve_selection(dataset: Dataset, args: argparse.Namespace) -> Selection:
    """Turn names from the command line into catalog ids (raises Unknown*Error)."""
    focus = dataset.city(args.focus).id if args.focus else DEFAULT_FOCUS
    group_id = None
    if args.peers:
        peers = tuple(dataset.city(name).id for name in _split(args.peers))
    else:
        group = dataset.group(args.group or DEFAULT_GROUP)
        group_id = group.id
        peers = group.city_ids
    indicator = args.indicator or DEFAULT_INDICATOR
    dataset.indicator(indicator)
    return Selection(focus, tuple(p for p in peers if p != focus), indicator, group_id)


def error_line(error: CityProfilesError, dataset: Dataset | None = None) -> str:
    """One readable line for an error code."""
    from desktop.importers.model import ImportRejectedError

    name = error.params.get("name", "")
    if isinstance(error, UnknownCityError):
        hint = ""
        if dataset is not None:
            guesses = [c.name_en for c in dataset.lookup.search(str(name), limit=3)]
            hint = f" (did you mean {', '.join(guesses)}?)" if guesses else ""
        return f"unknown city: {name!r}{hint}"
    if isinstance(error, UnknownIndicatorError):
        known = ", ".join(dataset.indicators) if dataset is not None else ""
        return f"unknown indicator: {name!r}" + (f" (known: {known})" if known else "")
    if isinstance(error, UnknownGroupError):
        known = ", ".join(dataset.groups) if dataset is not None else ""
        return f"unknown peer group: {name!r}" + (f" (known: {known})" if known else "")
    if isinstance(error, OutputPathError):
        reason = error.params.get("reason", "not a writable location")
        return f"cannot write {error.params.get('file')}: {reason}"
    if isinstance(error, InputFileError):
        return f"cannot read {error.params.get('file')}: {error.params.get('reason')}"
    if isinstance(error, ImportRejectedError):
        return str(error)
    if isinstance(error, DatasetFileError):
        return f"cannot read {error.params.get('file')}: {error.params.get('reason')}"
    messages = {
        "currency_mismatch": "values in different currencies cannot share one axis; "
                             "convert them first",
        "unit_mismatch": "these indicators are in different units",
        "missing_exchange_rate": "no exchange rate for {year}",
        "no_sector_data": "no sector data for {city}",
        "no_value": "no value for {city} in {year}",
        "invalid_peer_query": "{reason}",
    }
    template = messages.get(error.code)
    if template is not None:
        try:
            return template.format(**error.params)
        except (KeyError, IndexError):
            return f"{template} ({error.params})"
    return f"{error.code}: {error.params}"


def run_profile(dataset: Dataset, args: argparse.Namespace) -> int:
    import json

    from desktop.analysis.comparison import build_profile
    from desktop.analysis.profile_table import (
        build_profile_table,
        profile_text,
        profile_to_json,
    )

    selection = resolve_selection(dataset, args)
    indicators = _split(args.indicators) or None
    for indicator_id in indicators or ():
        dataset.indicator(indicator_id)
    profile = build_profile(dataset, selection.focus_id, selection.peer_ids, indicators,
                            args.year)
    lang = args.lang or "en"
    if args.json:
        print(json.dumps(profile_to_json(dataset, profile, lang), ensure_ascii=False, indent=2))
    else:
        print(profile_text(dataset, build_profile_table(dataset, profile, lang), lang))
    return 0


def run_import(dataset: Dataset, args: argparse.Namespace) -> int:
    import json
    from dataclasses import replace
    from pathlib import Path

    from desktop.core.export import write_csv, write_xlsx
    from desktop.core.storage import check_writable
    from desktop.importers.recipe import Recipe, RecipeError, load_recipe
    from desktop.importers.report_text import report_text
    from desktop.importers.run import import_file, output_table

    path = Path(args.file)
    output = Path(args.output) if args.output else None
    if output is not None:
        if output.suffix.lower() not in (".csv", ".xlsx"):
            raise OutputPathError(file=str(output), reason="use a .csv or .xlsx name")
        check_writable(output)
    if not path.is_file():
        raise InputFileError(file=str(path), reason="no such file")
    try:
        recipe = load_recipe(Path(args.recipe)) if args.recipe else Recipe()
    except RecipeError as exc:
        raise InputFileError(file=args.recipe, reason=str(exc)) from exc
    if args.sheet:
        recipe = replace(recipe, read=replace(recipe.read, sheet=args.sheet))
    if args.year is not None or args.city:
        recipe = replace(recipe, table=replace(
            recipe.table,
            year=args.year if args.year is not None else recipe.table.year,
            city=args.city or recipe.table.city,
        ))
    outcome = import_file(path, recipe, dataset.lookup)
    if output is not None:
        table = output_table(outcome)
        (write_xlsx if output.suffix.lower() == ".xlsx" else write_csv)(table, output)
    if args.json:
        print(json.dumps(outcome.report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(report_text(outcome.report))
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
        if args.command == "report":
            from desktop.report.cli_report import run_report

            return run_report(dataset, args)
        selection = resolve_selection(dataset, args)
        if args.screenshot:
            from pathlib import Path

            from desktop.core.storage import check_writable

            check_writable(Path(args.screenshot))
    except CityProfilesError as error:
        print(f"city-profiles: error: {error_line(error, dataset)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    from desktop.ui.app import run_app

    return run_app(dataset, selection, screenshot=args.screenshot, lang=args.lang,
                   restore_session=not chosen)
