"""The issue collector of one interpretation: errors and warnings with their cells, per-cell
issues capped per code (the rest counted in one 'more_issues' line)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from desktop.importers.mapping import (
    Records,
)
from desktop.importers.model import (
    Issue,
    Location,
    RawGrid,
    column_letter,
    counted,
)

if TYPE_CHECKING:
    pass


MAX_CELL_ISSUES = 100

_ERROR_CODES = {"not_a_number", "non_finite", "overflow", "underflow", "bad_year",
                "formula_not_calculated", "conflicting_duplicate", "missing_city",
                "unreadable_scale", "unit_conflict"}


class Issues:
    """Collects issues, capping per-cell ones per code."""

    def __init__(self, grid: RawGrid) -> None:
        self.grid = grid
        self.errors: list[Issue] = []
        self.warnings: list[Issue] = []
        self.counts: Counter = Counter()

    def loc(self, row: int | None = None, col: int | None = None) -> Location:
        return Location(
            self.grid.file,
            self.grid.sheet,
            self.grid.row_numbers[row] if row is not None and row >= 0 else None,
            column_letter(col) if col is not None and col >= 0 else "",
        )

    def at(self, rec: Records, p: int) -> Location:
        """The value cell of record p."""
        return self.loc(rec.row_at(p), rec.col_at(p))

    def add(self, code: str, message: str, location: Location, cap: bool = False,
            info: bool = False, **values) -> None:
        self.counts[code] += 1
        if cap and self.counts[code] > MAX_CELL_ISSUES:
            return
        if info:
            values["level"] = "info"
        issue = Issue(code, message, location, values)
        (self.errors if code in _ERROR_CODES else self.warnings).append(issue)

    def finish(self) -> None:
        for code, count in sorted(self.counts.items()):
            if count > MAX_CELL_ISSUES:
                target = self.errors if code in _ERROR_CODES else self.warnings
                target.append(Issue(
                    "more_issues",
                    f"{counted(count - MAX_CELL_ISSUES, f'more {code!r} issue')} not listed "
                    f"({count:,} in all)",
                    Location(self.grid.file, self.grid.sheet),
                    {"issue_code": code, "count": count, "listed": MAX_CELL_ISSUES},
                ))


def source_rows(grid: RawGrid, rows: Iterable[int]) -> list[int]:
    return [grid.row_numbers[r] for r in rows if 0 <= r < len(grid.row_numbers)]
