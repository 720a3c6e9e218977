"""Scatter of two indicators: point labels, optional point size and trails over years.

A chart spec as desktop.analysis.charts describes them (display units, notes, source line);
its own module so that the start, which shows the chart over time, need not build it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace as dataclass_replace

import numpy as np

from desktop.analysis.charts import (
    axis_label,
    break_marks,
    chart_values,
    city_names,
    cross_country_notes,
    word,
)
from desktop.analysis.latest_each import common_year, latest_columns, stale_notes, year_label
from desktop.analysis.latest_each import word as latest_word
from desktop.analysis.panel import panel_for, selection_ids
from desktop.analysis.selection_cube import LATEST_EACH, YearRule
from desktop.analysis.vintages import vintage_note
from desktop.core.dataset import Dataset


@dataclass(frozen=True)
class ScatterPoint:
    city_id: str
    label: str
    x: float  # display units
    y: float
    size_value: float | None  # the size indicator's value (canonical units)
    marker_size: float  # suggested diameter in pixels (area proportional to the value)
    is_focus: bool
    is_peer: bool
    #: the breaks register's reason when x or y is suspect: a grey point, reason in its tooltip
    suspect: str = ""


@dataclass(frozen=True)
class Trail:
    city_id: str
    years: np.ndarray
    x: np.ndarray
    y: np.ndarray


@dataclass(frozen=True)
class ScatterSpec:
    x_indicator: str
    y_indicator: str
    title: str
    x_label: str
    y_label: str
    x_suffix: str
    y_suffix: str
    x_decimals: int
    y_decimals: int
    year: int | None
    points: tuple[ScatterPoint, ...]
    trails: tuple[Trail, ...]
    size_indicator: str | None
    size_label: str
    log_x: bool
    log_y: bool
    background_x: np.ndarray  # faint pool points (display units)
    background_y: np.ndarray
    background_ids: tuple[str, ...]
    source_line: str
    notes: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.points


MARKER_MIN, MARKER_MAX = 6.0, 30.0


def scatter_spec(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    x_indicator: str,
    y_indicator: str,
    year: YearRule = None,
    *,
    size_indicator: str | None = None,
    trail_range: tuple[int, int] | None = None,
    trail_years: int | None = None,
    background_ids: Sequence[str] = (),
    log_x: bool = False,
    log_y: bool = False,
    currency: str | None = None,
    lang: str = "en",
) -> ScatterSpec:
    """Two indicators for the focus and peers in one year (exact year: a city without both
    values is left out and named in the notes). Optional point size by `size_indicator`
    (its value in the year or the latest earlier), optional trails over `trail_range` or over
    the `trail_years` years up to the chart's year (the latest shared one when `year` is
    None). With `year` LATEST_EACH each city is at its latest year with both values, labelled
    with it; the chart's year is the most common of them (desktop.analysis.latest_each)."""
    panel = panel_for(dataset)
    x_ind, y_ind = dataset.indicator(x_indicator), dataset.indicator(y_indicator)
    city_ids = selection_ids(focus_id, peer_ids)
    everyone = [*city_ids, *[c for c in dict.fromkeys(background_ids) if c not in city_ids]]
    gx = chart_values(dataset, panel, everyone, dict.fromkeys(everyone, x_indicator), slice(None),
                 currency, lang)
    gy = chart_values(dataset, panel, everyone, dict.fromkeys(everyone, y_indicator), slice(None),
                 currency, lang)
    xs, ys = gx.values / gx.display.factor, gy.values / gy.display.factor
    both = np.isfinite(xs) & np.isfinite(ys)
    k = len(city_ids)
    # each city's latest year with both values (its year in its label), else one year
    each = year == LATEST_EACH
    point_cols = latest_columns(both[:k])
    if each:
        year = common_year(int(panel.years[c]) for c in point_cols if c >= 0)
    if year is None:
        focus_years = np.flatnonzero(both[0])
        if len(focus_years):
            counts = both[:k].sum(axis=0)[focus_years]
            year = int(panel.years[focus_years[np.flatnonzero(counts == counts.max())[-1]]])
        else:
            hits = np.flatnonzero(both[:k].any(axis=0))
            year = int(panel.years[hits[-1]]) if len(hits) else None
    col = panel.col_of(year) if year is not None else None
    if trail_years is not None and trail_range is None and year is not None:
        trail_range = (year - trail_years, year)
    sizes = None
    if size_indicator is not None:
        size_matrix = panel.matrix(size_indicator)[panel.rows_of(city_ids)]
        sizes = np.full(k, np.nan)
        if col is not None:
            for i in range(k):
                limit = int(point_cols[i]) if each else col
                have = np.flatnonzero(np.isfinite(size_matrix[i, : limit + 1]))
                if len(have):
                    sizes[i] = size_matrix[i, have[-1]]
    biggest = np.nanmax(sizes) if sizes is not None and np.isfinite(sizes).any() else None
    points, missing = [], []
    peers = set(city_ids[1:])
    for i, city_id in enumerate(city_ids):
        at = (int(point_cols[i]) if point_cols[i] >= 0 else None) if each else col
        if at is None or not both[i, at]:
            missing.append(city_id)
            continue
        size_value = None
        marker = MARKER_MIN + (MARKER_MAX - MARKER_MIN) / 2
        if sizes is not None:
            size_value = None if np.isnan(sizes[i]) else float(sizes[i])
            if size_value is not None and biggest:
                marker = MARKER_MIN + (MARKER_MAX - MARKER_MIN) * float(
                    np.sqrt(max(size_value, 0) / biggest))
            else:
                marker = MARKER_MIN
        year_of = int(panel.years[at])  # the point's own year (LATEST_EACH: its latest)
        reason = "; ".join(v.reason(lang) for v in (
            dataset.suspect(city_id, x_indicator, year_of),
            dataset.suspect(city_id, y_indicator, year_of)) if v is not None)
        points.append(ScatterPoint(city_id, dataset.cities[city_id].name(lang),
                                   float(xs[i, at]), float(ys[i, at]), size_value, marker,
                                   i == 0, city_id in peers, reason))
    trails = []
    if trail_range is not None:
        tcols = panel.cols_between(*trail_range)
        trail_years = panel.years[tcols]
        for i, city_id in enumerate(city_ids):
            keep = both[i, tcols]
            if keep.any():
                trails.append(Trail(city_id, trail_years[keep].copy(), xs[i, tcols][keep],
                                    ys[i, tcols][keep]))
    if col is not None and len(everyone) > k:
        back = both[k:, col]
        background_x, background_y = xs[k:, col][back], ys[k:, col][back]
        back_ids = tuple(c for c, b in zip(everyone[k:], back, strict=True) if b)
    else:
        background_x = background_y = np.empty(0)
        back_ids = ()
    point_years = {c: int(panel.years[point_cols[i]]) for i, c in enumerate(city_ids)
                   if point_cols[i] >= 0}
    notes: list[str] = [vintage_note(dataset, city_ids, [x_indicator, y_indicator], lang)]
    if each:  # the profile table's stale rule and wording, against the most common year
        notes.extend(stale_notes([(p.label, point_years[p.city_id]) for p in points], year,
                                 lang))
        points = [dataclass_replace(p, label=year_label(p.label, point_years[p.city_id], lang))
                  for p in points]
    notes.extend(cross_country_notes(dataset, city_ids, bool(gx.notes or gy.notes), lang))
    notes.extend(dict.fromkeys((*gx.notes, *gy.notes)))
    if missing:
        notes.append(latest_word("no_value", lang, cities=city_names(dataset, missing, lang))
                     if each else
                     word("omitted", lang, year=year, cities=city_names(dataset, missing, lang)))
    if trails:
        notes.append(word("trails", lang, start=int(min(t.years[0] for t in trails)),
                          end=int(max(t.years[-1] for t in trails))))
    size_label = ""
    if size_indicator is not None:
        size_label = word("size_by", lang, label=dataset.indicator(size_indicator).label(lang))
    all_x = np.concatenate(([p.x for p in points], background_x,
                            *[t.x for t in trails])) if points else background_x
    all_y = np.concatenate(([p.y for p in points], background_y,
                            *[t.y for t in trails])) if points else background_y
    if log_x and len(all_x) and all_x.min() <= 0:
        log_x = False
        notes.append(word("no_log", lang))
    if log_y and len(all_y) and all_y.min() <= 0:
        log_y = False
        notes.append(word("no_log", lang))
    for indicator_id in (x_indicator, y_indicator):
        for b in break_marks(dataset, city_ids, dict.fromkeys(city_ids, indicator_id), panel.years,
                         lang):
            notes.append(b.note)
    xs_suffix, ys_suffix = gx.display.suffix(lang), gy.display.suffix(lang)
    return ScatterSpec(
        x_indicator=x_indicator,
        y_indicator=y_indicator,
        title=(latest_word("scatter_title", lang, y=y_ind.label(lang), x=x_ind.label(lang))
               if each else word("scatter_title", lang, y=y_ind.label(lang),
                                 x=x_ind.label(lang), year=year)),
        x_label=axis_label(x_ind.label(lang), xs_suffix),
        y_label=axis_label(y_ind.label(lang), ys_suffix),
        x_suffix=xs_suffix,
        y_suffix=ys_suffix,
        x_decimals=gx.display.decimals,
        y_decimals=gy.display.decimals,
        year=year,
        points=tuple(points),
        trails=tuple(trails),
        size_indicator=size_indicator,
        size_label=size_label,
        log_x=log_x,
        log_y=log_y,
        background_x=background_x,
        background_y=background_y,
        background_ids=back_ids,
        source_line="; ".join(sorted(gx.sources | gy.sources)),
        notes=tuple(n for n in dict.fromkeys(notes) if n),
    )
