"""One call for a whole import: read the file's grids, interpret each, combine the results.

Used by the headless `city-profiles import` command and by the import worker in the UI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from desktop.core.progress import NullProgress, Progress, check_cancelled
from desktop.importers.model import (
    LONG_COLUMNS,
    ImportRejectedError,
    ImportReport,
    Issue,
    Location,
    RawGrid,
    plural,
)
from desktop.importers.recipe import Recipe

if TYPE_CHECKING:  # the catalog is only passed through
    from desktop.core.catalog import CityLookup


@dataclass
class ImportOutcome:
    frame: pd.DataFrame
    report: ImportReport
    sheet_reports: list[ImportReport] = field(default_factory=list)
    grids: list[RawGrid] = field(default_factory=list)
    plans: list[object] = field(default_factory=list)  # interpret.TablePlan per grid
    #: "columns" when the column-wise fast path read the file (grids then hold only the
    #: first rows, for the preview), "rows" for the row-wise path
    path_taken: str = "rows"


class ScaledProgress:
    """Maps a part of the work onto a slice of the caller's progress bar."""

    def __init__(self, progress: Progress, start: float, end: float) -> None:
        self._progress, self._start, self._end = progress, start, end

    def report(self, fraction: float, message: str = "") -> None:
        self._progress.report(self._start + (self._end - self._start) * fraction, message)

    def cancelled(self) -> bool:
        return self._progress.cancelled()


def import_file(
    path: Path,
    recipe: Recipe | None = None,
    lookup: CityLookup | None = None,
    progress: Progress | None = None,
    fast: bool = True,
) -> ImportOutcome:
    """Read and interpret `path`; raises ImportRejectedError for a file that cannot be used.

    Big, clean, regular files go through the column-wise fast path (fast_path.py), which
    gives the same result much faster; `fast=False` forces the row-wise path."""
    progress = progress or NullProgress()
    recipe = recipe or Recipe()
    if fast:
        from desktop.importers.fast_path import try_fast_import

        taken = try_fast_import(path, recipe, lookup, progress)
        if taken is not None:
            frame, report, grid, plan = taken
            return ImportOutcome(frame, report, [report], [grid], [plan], "columns")
    from desktop.importers.interpret import detect, interpret
    from desktop.importers.readers import read_grids

    grids = read_grids(path, recipe.read, ScaledProgress(progress, 0.0, 0.5))
    results: list[tuple[RawGrid, object, pd.DataFrame, ImportReport]] = []
    refused: list[tuple[RawGrid, ImportRejectedError]] = []
    for index, grid in enumerate(grids):
        check_cancelled(progress)
        share = 0.5 / max(len(grids), 1)
        try:
            plan = detect(grid, recipe.table)
            frame, report = interpret(grid, plan, lookup, ScaledProgress(
                progress, 0.5 + index * share, 0.5 + (index + 1) * share))
        except ImportRejectedError as exc:
            if len(grids) == 1:
                raise
            refused.append((grid, exc))
            continue
        results.append((grid, plan, frame, report))
    results, notes = _data_sheets(path.name, results, refused)
    progress.report(1.0, "done")
    frames = [frame for _, _, frame, _ in results]
    reports = [report for _, _, _, report in results]
    frame = (
        pd.concat(frames, ignore_index=True) if frames
        else pd.DataFrame({c: [] for c in LONG_COLUMNS})
    )
    combined = combine_reports(path.name, reports)
    combined.warnings[:0] = notes  # with one sheet left, its own report says it too
    return ImportOutcome(frame, combined, reports, [g for g, _, _, _ in results],
                         [p for _, p, _, _ in results])


def _data_sheets(file: str, results: list, refused: list[tuple[RawGrid, ImportRejectedError]]
                 ) -> tuple[list, list[Issue]]:
    """Of a workbook's visible sheets, those that hold a table. A sheet of notes (a title
    page, sources, definitions) before the data is common in yearbook downloads: it is left
    out, and the report says which sheet the data came from. When no sheet holds a table,
    the first sheet's reason is the file's."""
    with_rows = [r for r in results if r[3].rows_imported > 0]
    if not with_rows:
        if refused and not results:
            raise refused[0][1]
        if refused and results:
            with_rows = results
        else:
            return results, []
    skipped = [grid.sheet for grid, _ in refused]
    skipped += [r[0].sheet for r in results if r not in with_rows]
    if not skipped:
        return with_rows, []
    # what was said about the whole file (a wrong extension, a decrypted workbook) rides
    # on the first sheet's grid: keep it when that sheet is left out
    kept = {id(r[0]) for r in with_rows}
    about_file = [issue for grid in [g for g, _ in refused] + [r[0] for r in results]
                  if id(grid) not in kept for issue in grid.issues
                  if not issue.location.sheet]
    used = ", ".join(repr(r[0].sheet) for r in with_rows)
    names = ", ".join(repr(s) for s in skipped)
    n = len(skipped)
    note = Issue("sheet_without_table",
                 f"{'Sheet' if n == 1 else 'Sheets'} {names} {plural(n, 'holds', 'hold')} no "
                 f"table of values (notes or titles only) and {plural(n, 'was', 'were')} "
                 f"skipped; the data was read from {plural(len(with_rows), 'sheet')} {used}.",
                 Location(file, skipped[0]),
                 {"skipped": skipped, "used": [r[0].sheet for r in with_rows], "count": n})
    return with_rows, [*about_file, note]


def combine_reports(file: str, reports: list[ImportReport]) -> ImportReport:
    """One report over several sheets: counts added up, lists joined without repeats."""
    if len(reports) == 1:
        return reports[0]
    combined = ImportReport(file=file)
    combined.sheet = ", ".join(r.sheet for r in reports if r.sheet)
    combined.layout = ", ".join(dict.fromkeys(r.layout for r in reports if r.layout))
    combined.encoding = ", ".join(dict.fromkeys(r.encoding for r in reports if r.encoding))
    for report in reports:
        combined.rows_read += report.rows_read
        combined.rows_imported += report.rows_imported
        combined.cities_matched.update(report.cities_matched)
        combined.warnings += report.warnings
        combined.errors += report.errors
        for name in ("cities", "cities_new", "indicators", "units_converted",
                     "unit_conversions"):
            merged = getattr(combined, name)
            merged += [item for item in getattr(report, name) if item not in merged]
    combined.years = sorted({y for r in reports for y in r.years})
    return combined


def output_table(outcome: ImportOutcome, city_names: dict[str, str] | None = None
                 ) -> pd.DataFrame:
    """The normalised long table for export: city, indicator, year, value, unit.

    Matched cities are written with the name the file used (not the catalog id).
    """
    names_in_file = {}
    for name, city_id in outcome.report.cities_matched.items():
        names_in_file.setdefault(city_id, name)
    if city_names:
        for city_id, name in city_names.items():
            names_in_file.setdefault(city_id, name)
    frame = outcome.frame
    return pd.DataFrame(
        {
            "city": frame["city"].astype(str).map(lambda c: names_in_file.get(c, c)),
            "indicator": frame["indicator"].astype(str),
            "year": frame["year"].astype("int64"),
            "value": frame["value"].astype(float),
            "unit": frame["unit"].astype(str),
        }
    )
