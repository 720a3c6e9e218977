"""What a table needs from a reader, and what each reader says it reads.

    reason = COLUMN_ENGINE.can_read(plan, grid)   # None: it reads this table; else why not

The row-wise reader (readers -> RawGrid -> interpret) reads every table detection can plan.
The column-wise readers (fast_text, fast_excel) read only some: they declare which layouts
and column roles they read, and which table features (`needs`) they handle. Both hand their
columns to the one records builder (records.build_records), which builds every layout; what
a column-wise reader declines is what it cannot read from the file as columns. A reader
that cannot read a table says why, and the file goes the row-wise way. Declaring what is
read, rather than listing what is declined, keeps a new layout, role or plan field out of
the column-wise readers until one of them says it reads it: a TablePlan field added later
without `metadata=NAMED` in layout.py is a need of its own ('plan field <name>') whenever it
is set. No Qt here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.importers.layout import NAMED, TablePlan, indicator_role
from desktop.importers.model import RawGrid


def role_kind(role: str) -> str:
    """'year:2016' -> 'year:', 'indicator:GDP' -> 'indicator:', 'city' -> 'city'."""
    head, colon, _ = role.partition(":")
    return head + colon


def _default(field: dataclasses.Field) -> object:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return dataclasses.MISSING


def needs(plan: TablePlan, grid: RawGrid) -> list[str]:
    """The features of this table beyond a plain header row over plain data rows, in the
    words a reader gives when it cannot read them (for logs and the bench)."""
    found: list[str] = []
    if plan.problems:
        found.append("plan has problems")
    if plan.footer_rows or plan.end_row != len(grid.rows):
        found.append("footnotes")
    if len(plan.header_rows) > 1 or plan.unit_rows:
        found.append("multi-row header")
    if grid.merged or grid.cell_flags:
        found.append("merged or flagged cells")
    if plan.decimal != ".":
        found.append("decimal comma")
    if any(c.role.startswith("indicator:") and indicator_role(c.role)[1] is not None
           for c in plan.columns):
        found.append("years in indicator headers")
    for field in dataclasses.fields(plan):
        named = field.metadata.get("reader_needs") == NAMED["reader_needs"]
        if not named and getattr(plan, field.name) != _default(field):
            found.append(f"plan field {field.name}")
    return found


@dataclass(frozen=True)
class Reads:
    """What one reader reads: per layout, the column role kinds (see role_kind) it takes,
    and the table features (see `needs`) it handles. None: any."""

    layouts: Mapping[str, frozenset[str]] | None = None
    features: frozenset[str] | None = None

    def can_read(self, plan: TablePlan, grid: RawGrid) -> str | None:
        """None when this reader reads the table, else the first thing it does not read."""
        if self.features is not None:
            for need in needs(plan, grid):
                if need not in self.features:
                    return need
        if self.layouts is None:
            return None
        roles = self.layouts.get(plan.layout)
        if roles is None:
            return f"layout {plan.layout}"
        for column in plan.columns:
            if role_kind(column.role) not in roles:
                return f"role {column.role}"
        return None


#: the row-wise reader: every table detection can plan
ROW_READER = Reads()

_PLAIN_ROLES = frozenset({"city", "city_code", "indicator", "year", "value", "unit", "ignore"})
#: the column-wise readers (fast_text, fast_excel)
COLUMN_ENGINE = Reads(
    layouts={
        "long": _PLAIN_ROLES,
        "wide_years": _PLAIN_ROLES | {"year:"},
        "wide_indicators": _PLAIN_ROLES | {"indicator:"},
    },
    features=frozenset(),
)

__all__ = ["COLUMN_ENGINE", "ROW_READER", "Reads", "needs", "role_kind"]
