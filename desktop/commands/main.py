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
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.commands.common import add_lang_argument, run_on_bundled, selection_of

if TYPE_CHECKING:
    import argparse

    from desktop.core.dataset import Dataset


#: The chart tabs a screenshot can show, in the panel's order.
SCREENSHOT_TABS = ("over-time", "ranking", "scatter", "small-multiples", "structure", "map")


def window_size(text: str) -> tuple[int, int]:
    """--size: 'WxH' in pixels, each at least 320 (named so that argparse's error reads
    'invalid window_size value')."""
    import argparse

    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not WxH: {text!r}") from None
    if width < 320 or height < 320 or width > 10_000 or height > 10_000:
        raise argparse.ArgumentTypeError(f"out of range (320-10000): {text!r}")
    return width, height


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
                        help="render the main window offscreen and exit")
    parser.add_argument("--size", type=window_size, default=(1600, 1000), metavar="WxH",
                        help="the screenshot's window size (default: 1600x1000)")
    parser.add_argument("--tab", choices=SCREENSHOT_TABS, default="over-time",
                        help="the chart tab the screenshot shows (default: over-time)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    from desktop.commands.curation import add_curation_parser
    from desktop.commands.importing import add_import_parser
    from desktop.commands.profile import add_profile_parser

    add_profile_parser(commands, _add_selection_arguments)
    add_import_parser(commands)
    from desktop.commands.report import add_report_parser

    add_report_parser(commands)
    from desktop.commands.peers import add_peers_parser

    add_peers_parser(commands)
    from desktop.commands.breaks import add_breaks_parser

    add_breaks_parser(commands)
    add_curation_parser(commands)
    return parser


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
        from desktop.session.selection import resolve_selection
        from desktop.ui.app import run_app_staged

        return run_app_staged(resolve_selection)
    args = build_parser().parse_args(argv)
    chosen = any((args.focus, args.peers, args.group, args.indicator))
    if args.command is None and not args.screenshot and not chosen:
        # The plain start: the window first, the data loaded behind it (nothing to check).
        from desktop.ui.app import run_app_staged

        return run_app_staged(lambda dataset: selection_of(dataset, args), lang=args.lang)
    if args.command == "curation":  # rebuilds the bundled data: does not load it
        from desktop.commands.curation import run_curation

        return run_curation(args)
    chosen_selection: list = []

    def run(dataset: Dataset) -> int:
        if args.command is not None:
            from desktop.core import collection

            collection.settle()
        if args.command == "profile":
            from desktop.commands.profile import run_profile

            return run_profile(dataset, args)
        if args.command == "import":
            from desktop.commands.importing import run_import

            return run_import(dataset, args)
        if args.command == "peers":
            from desktop.commands.peers import run_peers

            return run_peers(dataset, args)
        if args.command == "breaks":
            from desktop.commands.breaks import run_breaks

            return run_breaks(dataset, args)
        if args.command == "report":
            from desktop.commands.report import run_report

            return run_report(dataset, args)
        chosen_selection.append((dataset, selection_of(dataset, args)))
        if args.screenshot:
            from pathlib import Path

            from desktop.core.storage import check_writable

            check_writable(Path(args.screenshot))
        return 0

    status = run_on_bundled(args, run)
    if status or not chosen_selection:  # a command ran, or the window's selection failed
        return status
    dataset, selection = chosen_selection[0]
    from desktop.ui.app import run_app

    return run_app(dataset, selection, screenshot=args.screenshot, lang=args.lang,
                   restore_session=not chosen, size=args.size,
                   tab=SCREENSHOT_TABS.index(args.tab))

