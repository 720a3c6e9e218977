"""`city-profiles report`: a profile report as PDF or HTML from the command line.

    city-profiles report --focus CITY [--peers A,B,...|--group NAME] [--data FILE ...]
                         [--replace] [--indicators ID,...] [--charts line,bar] [--sections S,...]
                         [--lang en|zh] [--year Y] [--paper a4|letter] [--landscape]
                         [--number-style chinese|international] -o OUT.pdf|OUT.html

`--year` is the comparison year and also the year of a --data table that has none (a yearbook
table), as `import --year` is. Imported values never replace bundled ones unless --replace is
given: an import that differs from the bundled data comes in as a separate series, and what
was not mixed (or, with --replace, every replaced value) is listed on stderr.

Every argument is checked before any work, and errors are raised as CityProfilesError so that
desktop/commands/main.py prints one line and exits 2; the output is written atomically at the
very end, so a failed or interrupted run never leaves a file behind. Charts need Qt: it is
imported here lazily (offscreen when there is no display), keeping desktop/report free of Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.commands.common import (
    add_lang_argument,
    add_prices_argument,
    add_replace_argument,
    check_input_file,
    lang_of,
    read_data_file,
    run_on_bundled,
    say,
    split_list,
    write_output,
    year_rule,
)
from desktop.core.errors import InputFileError, OutputPathError
from desktop.core.units import NUMBER_STYLES
from desktop.report.model import (
    CHART_TYPES,
    CHARTS_PER_CATEGORY,
    DEFAULT_SECTIONS,
    PAPERS,
    SECTIONS,
    ReportOptions,
)
from desktop.text.phrases import count_phrase, text

if TYPE_CHECKING:
    from desktop.core.dataset import Dataset
    from desktop.importers.merge import MergeSummary

DEFAULT_GROUP = "north_east"
OUTPUT_SUFFIXES = (".pdf", ".html", ".htm")


def add_report_parser(subparsers: Any) -> None:
    """Add the `report` subcommand to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "report", help="write a printable profile report (PDF or self-contained HTML)")
    parser.add_argument("--focus", required=True,
                        help="focus city: name, Chinese name, alias or id")
    peers = parser.add_mutually_exclusive_group()
    peers.add_argument("--peers", help="comma-separated peer cities")
    peers.add_argument("--group", help=f"a peer group (default: {DEFAULT_GROUP})")
    parser.add_argument("--data", action="extend", nargs="+", default=[], metavar="FILE",
                        help="import these spreadsheets before reporting")
    add_replace_argument(parser)
    parser.add_argument("--indicators", help="comma-separated indicator ids (default: all)")
    parser.add_argument("--charts", default="line",
                        help=f"chart types, comma-separated: {', '.join(CHART_TYPES)}")
    parser.add_argument("--sections", default=",".join(DEFAULT_SECTIONS),
                        help=f"sections, comma-separated: {', '.join(SECTIONS)} (default: "
                        "all but the appendix)")
    parser.add_argument("--appendix", action="store_true",
                        help="add the full data appendix (every value of every indicator)")
    parser.add_argument("--all-charts", action="store_true",
                        help=f"a chart for every indicator (default: the first "
                        f"{CHARTS_PER_CATEGORY} of each section; the others are in its table)")
    add_lang_argument(parser)
    parser.add_argument("--year", type=year_rule, metavar="YEAR|latest-each",
                        help="comparison year (default: latest shared), or latest-each: each "
                             "city's latest value; a year is also the year of a --data table "
                             "that has no year column")
    parser.add_argument("--paper", choices=PAPERS, default="a4")
    parser.add_argument("--landscape", action="store_true")
    parser.add_argument("--include-suspect", action="store_true",
                        help="count suspect values (breaks register) in medians, ranks and "
                        "sentences; they stay marked")
    parser.add_argument("--number-style", choices=NUMBER_STYLES, default="chinese",
                        help="how large amounts are written: chinese (亿元, 万人, the default) "
                             "or international (bn yuan, million)")
    add_prices_argument(parser)
    parser.add_argument("-o", "--output", required=True, metavar="OUT.pdf|OUT.html")



def check_output(path: Path) -> None:
    """Raise OutputPathError for a name we cannot write or whose kind we do not know."""
    if path.suffix.lower() not in OUTPUT_SUFFIXES:
        raise OutputPathError(file=str(path), reason="use a .pdf or .html file name",
                              why="use_pdf_or_html")
    from desktop.core.storage import check_writable

    check_writable(path)


def options_from_args(dataset: Dataset, args: argparse.Namespace) -> ReportOptions:
    """Resolve names to ids (raises UnknownCityError, UnknownIndicatorError, ...)."""
    focus = dataset.city(args.focus).id
    group_id = None
    if args.peers:
        peers = tuple(dataset.city(name).id for name in split_list(args.peers))
    else:
        group = dataset.group(args.group or DEFAULT_GROUP)
        group_id, peers = group.id, group.city_ids
    indicators = tuple(split_list(args.indicators)) or None
    for indicator_id in indicators or ():
        dataset.indicator(indicator_id)
    charts = tuple(split_list(args.charts))
    sections = tuple(split_list(args.sections))
    if getattr(args, "appendix", False) and "appendix" not in sections:
        sections += ("appendix",)
    for what, chosen, known in (("chart_type", charts, CHART_TYPES),
                                ("section", sections, SECTIONS)):
        unknown = [c for c in chosen if c not in known]
        if unknown:
            name = what.replace("_", " ")
            raise InputFileError(file=f"--{name.split()[0]}s",
                                 reason=f"unknown {name} {unknown[0]!r} "
                                        f"(known: {', '.join(known)})",
                                 why=f"unknown_{what}", why_values={
                                     "name": repr(unknown[0]), "known": ", ".join(known)})
    return ReportOptions(
        focus_id=focus, peer_ids=tuple(p for p in peers if p != focus),
        indicator_ids=indicators, year=args.year, lang=lang_of(args), sections=sections,
        chart_types=charts, paper=args.paper, landscape=args.landscape, group_id=group_id,
        prices=getattr(args, "prices", "current"),
        charts_per_category=None if getattr(args, "all_charts", False) else CHARTS_PER_CATEGORY,
    )


def import_data(dataset: Dataset, files: Sequence[str], lang: str = "en",
                year: int | None = None, replace: bool = False) -> Dataset:
    """The dataset with each --data file merged in, in order (raises on a bad file); `year`
    is the year of a table without one. What was merged differently from the file (repeated
    keys, values kept apart from or replacing bundled ones) is said on stderr in `lang`."""
    if not files:
        return dataset
    from desktop.importers.merge import merge_import, user_source
    from desktop.importers.model import TableOptions
    from desktop.importers.recipe import Recipe

    recipe = Recipe(table=TableOptions(year=year)) if year is not None else None
    for number, name in enumerate(files, start=1):
        path = Path(name)
        check_input_file(path, lang)
        outcome = read_data_file(path, recipe, dataset.lookup)
        if outcome.frame.empty:
            raise InputFileError(file=str(path), reason="no values found",
                                 why="no_values_found")
        dataset, summary = merge_import(dataset, outcome.frame, user_source(path, number),
                                        replace=replace)
        if summary.duplicates:  # said, as the window's import report says it
            _say_repeated(path.name, summary, lang)
        if summary.overlaps:
            _say_merged(path.name, dataset, summary, lang)
    return dataset


def _say_merged(file: str, dataset: Dataset, summary: MergeSummary, lang: str) -> None:
    """What happened to values the data already had: a warning line, then its listing."""
    from desktop.importers.merge_text import merge_lines
    from desktop.text.translator import translator

    first, *rest = merge_lines(dataset, summary, lang)
    say("warning", f"{file}{translator(lang).colon}{first}", lang)
    for line in rest:
        print(line if line.startswith("  ") else "  " + line, file=sys.stderr)


def _say_repeated(file: str, summary: MergeSummary, lang: str) -> None:
    """Warn that imported values repeated a key under another indicator name."""
    differ = sum(d.values_differ for d in summary.duplicates)
    say("warning", text(
        "repeated_key", lang, file=file,
        values=count_phrase(summary.values_dropped, "imported value", lang),
        keys=count_phrase(differ, "key", lang)), lang)


def run_report(dataset: Dataset, args: argparse.Namespace) -> int:
    """Build, render and write the report; returns 0 (errors are raised, see module doc)."""
    output = Path(args.output)
    check_output(output)
    lang = lang_of(args)
    table_year = args.year if isinstance(args.year, int) else None  # not "latest-each"
    dataset = import_data(dataset, args.data, lang, table_year, getattr(args, "replace", False))
    dataset = dataset.with_number_style(getattr(args, "number_style", "chinese"))
    options = options_from_args(dataset, args)
    from desktop.core.storage import write_atomically
    from desktop.report.build import build_report
    from desktop.ui.printing import ensure_app, render_output

    ensure_app()
    document = build_report(dataset, options,
                            include_suspect=getattr(args, "include_suspect", False))
    data, pages = render_output(document, "html" if output.suffix.lower() != ".pdf" else "pdf")
    write_output(output, lambda: write_atomically(output, data))
    what = count_phrase(pages, "page", lang) if pages else "HTML"
    print(text("wrote", lang, file=output, what=what))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the report command alone (`python -m desktop.commands.report ...`), exactly as the
    `report` subcommand of desktop/commands/main.py runs it: one error line and exit 2 on bad
    input."""
    parser = argparse.ArgumentParser(prog="city-profiles")
    commands = parser.add_subparsers(dest="command", required=True)
    add_report_parser(commands)
    args = parser.parse_args(argv)
    return run_on_bundled(args, lambda dataset: run_report(dataset, args))


if __name__ == "__main__":
    sys.exit(main())
