"""What a chart shows, described without Qt: series, labels, units, notes, sources.

Plot widgets receive a spec and draw it; they never reach back into the dataset.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from desktop.core.dataset import Dataset

#: Where Chinese and US places meet: what a place is on each side, and how money is made
#: comparable (US money is stored in yuan at the year's World Bank rate, and shown in US$ when
#: the chart converts; the chart's unit says which). chart_panel.py translates it (tr()).
CROSS_COUNTRY_NOTE = (
    "Chinese prefecture-level cities include their rural counties; US metropolitan areas are "
    "commuting regions. Money values are converted between US dollars and yuan at the World "
    "Bank's annual average exchange rate of each year; the chart says which currency it shows."
)


def unbroken(years: np.ndarray) -> bool:
    """Two or more ascending years with none missing between them (the usual case, checked
    in O(1) so drawings take pyqtgraph's fast path for it)."""
    count = len(years)
    return count > 1 and years[count - 1] - years[0] == count - 1


def joined_to_next(years: np.ndarray) -> np.ndarray:
    """pyqtgraph's `connect` array for points at ascending `years` (values present only).

    A point is joined to the next one only when that is the next year: a line drawn across a
    missing year would show a value nobody measured (issue #13, "honest time").
    """
    count = len(years)
    joined = np.zeros(count, dtype=bool)
    if count > 1:
        joined[:-1] = (years[1:] - years[:-1]) == 1
    return joined


def connect_for(years: np.ndarray) -> str | np.ndarray:
    """What a curve passes as pyqtgraph's `connect`: "all" for an unbroken run of years,
    else `joined_to_next(years)`."""
    return "all" if unbroken(years) else joined_to_next(years)


def lone_points(years: np.ndarray) -> np.ndarray:
    """Points with no neighbouring year on either side: a line draws nothing for them, so
    every drawing gives them a marker (census years 2000, 2010, 2020 are all lone)."""
    if unbroken(years):
        return np.zeros(len(years), dtype=bool)
    joined = joined_to_next(years)
    if not len(joined):
        return joined
    from_previous = np.concatenate(([False], joined[:-1]))
    return ~(joined | from_previous)


@dataclass(frozen=True)
class SeriesSpec:
    city_id: str
    label: str
    years: np.ndarray
    values: np.ndarray  # in display units (already divided by the display factor)
    is_focus: bool
    # `years` holds only years with a value: a missing year is a gap in `years`, never NaN.
    # Drawings join points with `joined_to_next(years)` and mark `lone_points(years)`.
    #: values the breaks register judges suspect, in display units: never in `years` (the
    #: line has a gap there, as for a missing year); drawn as grey hollow markers with
    #: `suspect_reasons` (one per year) in their tooltip
    suspect_years: np.ndarray = field(default_factory=lambda: np.empty(0))
    suspect_values: np.ndarray = field(default_factory=lambda: np.empty(0))
    suspect_reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class BreakMark:
    year: int
    note: str


@dataclass(frozen=True)
class BandSpec:
    """The peer median with the inter-quartile range behind the lines, per year (display units).

    Years where no peer has a value are left out (the band breaks there, as series do:
    `joined_to_next(years)`); `counts` says how many peers each year has
    (with one peer the band is that peer's line, with two or three it is thin evidence).
    """

    label: str
    years: np.ndarray
    median: np.ndarray
    q1: np.ndarray
    q3: np.ndarray
    counts: np.ndarray


def lone_band_segments(band: BandSpec) -> tuple[np.ndarray, np.ndarray]:
    """x, y pairs (q1 then q3) for the band at its lone years, to draw with connect="pairs":
    a fill between two curves has no width at a year with no neighbour, so it would vanish."""
    lone = lone_points(band.years)
    x = np.repeat(np.asarray(band.years, dtype=float)[lone], 2)
    y = np.column_stack((band.q1[lone], band.q3[lone])).ravel().astype(float)
    return x, y


def column_quantiles(values: np.ndarray, qs: Sequence[float]) -> np.ndarray:
    """Quantiles of each column over its finite values, numpy's default ("linear") method.

    np.nanpercentile loops over columns in Python; this sorts once (NaN goes last) and
    interpolates, which is ~50x faster for 30 columns. Columns must have a finite value.
    """
    ordered = np.sort(values, axis=0)
    counts = np.isfinite(values).sum(axis=0)
    out = np.empty((len(qs), values.shape[1]))
    columns = np.arange(values.shape[1])
    for n, q in enumerate(qs):
        position = (counts - 1) * q
        lo = np.floor(position).astype(np.intp)
        hi = np.minimum(lo + 1, counts - 1)
        low, high = ordered[lo, columns], ordered[hi, columns]
        out[n] = low + (position - lo) * (high - low)
    return out



#: Above this many comparable cities the chart draws their spread, not a line each: a
#: thousand faint one-pixel lines are a solid grey mass in a plot a few hundred pixels tall
#: (it hid the peers' lines), and stroking them cost ~30 ms a change (2,770 cities).
SPREAD_ABOVE = 1000
#: The spread's percentiles: the middle 80% and, darker, the middle half.
SPREAD_LEVELS = (10.0, 25.0, 75.0, 90.0)
#: Fewest cities with a value in a year for the spread to be drawn there: a percentile of a
#: handful of cities is not a distribution (a gap instead, as for a missing year).
SPREAD_MIN_CITIES = 20


@dataclass(frozen=True)
class BackgroundSpec:
    """The comparable cities behind the chosen ones (e.g. the focus city's whole pool): a
    faint line each, drawn as one item, or above SPREAD_ABOVE cities their
    spread (`percentiles`).

    `values` is cities x years on the shared `years` axis (NaN = no value). `flat()` gives
    x, y and a `connect` array (join point i to i + 1) for that one item, not 300.
    """

    city_ids: tuple[str, ...]
    years: np.ndarray
    values: np.ndarray

    def flat(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        count, width = self.values.shape
        x = np.tile(self.years.astype(float), count)
        y = self.values.ravel().astype(float)
        finite = np.isfinite(y)
        connect = finite.copy()
        connect[:-1] &= finite[1:]
        if width:
            connect[width - 1 :: width] = False  # never join one city's end to the next start
        return x, y, connect

    @property
    def as_spread(self) -> bool:
        """Whether the chart draws these cities' spread rather than their lines."""
        return len(self.city_ids) > SPREAD_ABOVE

    def percentiles(self, levels: Sequence[float] = SPREAD_LEVELS) -> np.ndarray:
        """(levels, years): the cities' values at each percentile in each year (numpy's
        "linear" method); NaN in a year fewer than SPREAD_MIN_CITIES cities have a value."""
        values = np.asarray(self.values, dtype=float)
        out = np.full((len(levels), values.shape[1]), np.nan)
        enough = np.count_nonzero(np.isfinite(values), axis=0) >= max(SPREAD_MIN_CITIES, 1)
        if enough.any():
            out[:, enough] = column_quantiles(values[:, enough],
                                              [level / 100.0 for level in levels])
        return out


@dataclass(frozen=True)
class LineChartSpec:
    indicator_id: str
    title: str
    y_label: str
    unit_suffix: str
    decimals: int
    series: tuple[SeriesSpec, ...]
    breaks: tuple[BreakMark, ...]
    source_line: str
    notes: tuple[str, ...]
    # Added for the comparison charts (desktop.analysis.charts); defaults keep old callers.
    mode: str = "absolute"  # "absolute" | "indexed" (base year = 100) | "change" (from start)
    log_y: bool = False
    year_range: tuple[int, int] | None = None
    base_year: int | None = None
    band: BandSpec | None = None
    background: BackgroundSpec | None = None
    currency: str | None = None  # currency of the y axis, e.g. "USD" after conversion
    x_label: str = "Year"
    #: suspect values count in the peer band (the user's "Include suspect values"); they are
    #: still drawn apart, greyed
    include_suspect: bool = False

    @property
    def short_y_label(self) -> str:
        """The value axis' title without the indicator's name (which the chart's title
        gives): the unit, or the index or change basis, for a plot too short to hold the
        whole title ("GDP (current prices) (亿元)" -> "亿元")."""
        rest = self.y_label
        if rest.startswith(self.title):
            rest = rest[len(self.title):]
        rest = rest.strip().lstrip(":：").strip()
        if rest[:1] in "(（" and rest[-1:] in ")）" and sum(rest.count(c) for c in "(（") == 1:
            rest = rest[1:-1].strip()
        return rest

    @property
    def is_empty(self) -> bool:
        return not any(len(s.years) for s in self.series)


def line_chart_spec(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_id: str,
    lang: str = "en",
) -> LineChartSpec:
    """The indicator over time for the focus city (first) and each peer; suspect values
    (breaks register) are out of the lines, in `SeriesSpec.suspect_*`."""
    indicator = dataset.indicator(indicator_id)
    display = indicator.display
    series = []
    sources: dict[str, str] = {}
    breaks: dict[int, str] = {}
    city_ids = [focus_id, *[p for p in peer_ids if p != focus_id]]
    verdicts = dataset.suspects_by_indicator.get(indicator_id, {})
    for city_id in city_ids:
        values = dataset.series(city_id, indicator_id).dropna()
        suspect = [(int(y), v) for (c, y), v in sorted(verdicts.items(), key=lambda kv: kv[0])
                   if c == city_id and y in values.index]
        line = values.drop([y for y, _ in suspect]) if suspect else values
        series.append(
            SeriesSpec(
                city_id=city_id,
                label=dataset.cities[city_id].name(lang),
                years=line.index.to_numpy(dtype=float),
                values=line.to_numpy(dtype=float) / display.factor,
                is_focus=city_id == focus_id,
                # a suspect value is drawn apart, greyed, never joined into its line
                suspect_years=np.array([float(y) for y, _ in suspect]),
                suspect_values=np.array([float(values[y]) / display.factor
                                         for y, _ in suspect]),
                suspect_reasons=tuple(v.reason(lang) for _, v in suspect),
            )
        )
        if len(values):
            observation = dataset.observation(city_id, indicator_id, int(values.index[-1]))
            if observation and observation.provenance:
                source = observation.provenance.source
                sources[source.id] = source.publisher_in(lang)
        for series_break in dataset.breaks_for(city_id, indicator_id):
            note = series_break.note(lang)
            breaks.setdefault(series_break.year, note)
    suffix = display.suffix(lang)
    label = indicator.label(lang)
    notes = [indicator.notes(lang)] if indicator.notes(lang) else []
    countries = {dataset.cities[c].country for c in city_ids}
    if {"CN", "US"} <= countries:
        notes.append(CROSS_COUNTRY_NOTE)
    return LineChartSpec(
        indicator_id=indicator_id,
        title=label,
        y_label=f"{label} ({suffix})" if suffix else label,
        unit_suffix=suffix,
        decimals=display.decimals,
        series=tuple(series),
        breaks=tuple(BreakMark(year, note) for year, note in sorted(breaks.items())),
        source_line="; ".join(sorted(set(sources.values()))),
        notes=tuple(notes),
    )


def readout(spec: LineChartSpec, year: int) -> list[tuple[str, str, bool]]:
    """(city, formatted value or '—', is_focus) for each series at a year: the hover read-out."""
    rows = []
    for series in spec.series:
        hits = np.flatnonzero(series.years == year)
        suspect = np.flatnonzero(series.suspect_years == year)
        if len(hits):
            value = float(series.values[hits[0]])
            text = f"{value:,.{spec.decimals}f}"
        elif len(suspect):  # shown, marked as the profile table marks it
            value = float(series.suspect_values[suspect[0]])
            text = f"{value:,.{spec.decimals}f} ⚠"
        else:
            text = "—"
        rows.append((series.label, text, series.is_focus))
    return rows


def year_span(spec: LineChartSpec) -> tuple[int, int] | None:
    years = [y for s in spec.series for y in s.years]
    if not years:
        return None
    return int(min(years)), int(max(years))
