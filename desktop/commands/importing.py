"""`city-profiles import FILE`: read a spreadsheet, print its import report and what merging
it with the bundled data would do; optionally write the normalised long table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands.common import (
    add_lang_argument,
    add_replace_argument,
    check_input_file,
    lang_of,
    read_data_file,
    write_output,
)
from desktop.core.errors import InputFileError, OutputPathError
from desktop.text.translator import translator

if TYPE_CHECKING:
    import argparse
    from typing import Any

    from desktop.core.dataset import Dataset

def add_import_parser(commands: Any) -> None:
    """`import FILE` and its options."""
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


def merge_heading(lang: str) -> str:
    """The title of what merging the import would do, under the import report."""
    return translator(lang).gettext(
        "Merging with the bundled data (as report --data and the window's import do):")


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

