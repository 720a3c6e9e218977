"""What the chart controls say, as a plain value: part of the session, saved in projects
("chart") and undone with the selection. The chart panel draws from it; nothing here
knows about widgets."""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from desktop.analysis.selection_cube import LATEST_EACH

if TYPE_CHECKING:
    from desktop.core.dataset import Dataset


@dataclass(frozen=True)
class ChartOptions:
    """The chart controls (None: the default, e.g. the whole year range)."""

    tab: int = 0  # the visible tab; 0: Over time (the chart panel numbers its tabs)
    mode: str = "absolute"
    base_year: int | None = None
    log_y: bool = False
    start: int | None = None
    end: int | None = None
    band: bool = True
    background: bool = False
    #: ranking and scatter; None: the latest shared year; LATEST_EACH: each city's latest
    year: int | str | None = None
    x_indicator: str | None = None
    y_indicator: str | None = None
    size_by_population: bool = False
    trails: bool = False
    log_x: bool = False
    #: View > Include suspect values: they count in medians, bands and ranks (still greyed);
    #: kept here so that a project saves and restores it with the chart controls
    include_suspect: bool = False

    def shown_range(self, span: tuple[int, int]) -> tuple[int, int]:
        """The years the chart shows: each end the user set, else the data's `span`."""
        return (self.start if self.start is not None else span[0],
                self.end if self.end is not None else span[1])

    def same_drawing(self, other: ChartOptions) -> bool:
        """Whether both draw the same charts: only the visible tab may differ. Looking at
        another tab changes neither the project nor the undo history."""
        return replace(self, tab=other.tab) == other


_JSON_TYPES = {"int": int, "str": str, "bool": bool, "float": float, "None": types.NoneType}


def chart_options_from_json(data: Mapping[str, Any]) -> ChartOptions:
    """Chart options from a project file: unknown keys are dropped and a value of the wrong
    type (a hand-edited file) falls back to its default, so an older or newer file never
    fails here."""
    values = {}
    for option in fields(ChartOptions):
        if option.name not in data:
            continue
        value = data[option.name]
        allowed = tuple(_JSON_TYPES.get(name.strip(), object)
                        for name in str(option.type).split("|"))
        if isinstance(value, bool) and bool not in allowed:
            continue  # True is an int to Python, not to a year box
        if isinstance(value, allowed):
            values[option.name] = value
    if isinstance(values.get("year"), str) and values["year"] != LATEST_EACH:
        del values["year"]  # the only word a year may be
    return ChartOptions(**values)


def data_span(dataset: Dataset, city_ids: Sequence[str], indicator_id: str
              ) -> tuple[int, int] | None:
    """The first and last year any of `city_ids` has a value of `indicator_id` (None: no
    value at all). The year boxes show it while the user has set no range, so they say
    "1990 - 2021" for series that start in 1990 rather than the whole dataset's 1960 - 2025."""
    import numpy as np

    from desktop.analysis.panel import panel_for

    panel = panel_for(dataset)
    known = [c for c in city_ids if c in panel.city_row]
    if not known or indicator_id not in dataset.indicators:
        return None
    have = np.isfinite(panel.matrix(indicator_id)[panel.rows_of(known)]).any(axis=0)
    cols = np.flatnonzero(have)
    if not len(cols):
        return None
    years = panel.years
    return int(years[cols[0]]), int(years[cols[-1]])
