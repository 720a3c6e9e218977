"""Chart specs for comparison over time, and the pieces every chart spec shares.

Plot widgets draw these and never reach into the dataset. Every spec carries its title, axis
labels, units, a source line and notes (series breaks, cross-country definitions, currency
conversion, indexing caveats). Values are in display units (the indicator's DisplayScale, or
US dollars after conversion).

Builders read the cached numpy panel (desktop.analysis.panel), not pandas, so a spec for
10 cities x 30 years costs well under a millisecond and one for 300 cities a few.

- `over_time_spec`: a LineChartSpec (modes "absolute", "indexed" (base year = 100), "change"
  (% change from the start of the range, or percentage points for indicators in percent), a
  log flag, a year range, the peer median with its inter-quartile band, faint background lines).
The other charts have their own modules, imported when their tab is first shown:
desktop.analysis.ranking (`ranking_spec`: bars for one year, best first, focus highlighted,
peer-median line), desktop.analysis.scatter (`scatter_spec`: two indicators with point
labels, optional size and trails) and desktop.analysis.small_multiples
(`small_multiples_spec`: one panel per indicator, the focus city against the peer median).

Currencies: values in CNY and USD never share an axis unconverted (CurrencyMismatchError);
pass currency="USD" to convert yuan at the annual average rate (desktop.analysis.currency), which
the spec then says in its notes and source line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from desktop.analysis.chart_spec import (
    CROSS_COUNTRY_NOTE,
    BackgroundSpec,
    BandSpec,
    BreakMark,
    LineChartSpec,
    SeriesSpec,
    column_quantiles,
)
from desktop.analysis.currency import (
    DEFINITIONS_NOTE_EN,
    DEFINITIONS_NOTE_ZH,
    REAL_USD_NOTE,
    REAL_USD_NOTE_ZH,
    CurrencyMismatchError,
    currency_of,
    exchange_rates,
)
from desktop.analysis.panel import Panel, panel_for, selection_ids
from desktop.analysis.prices import base_year_of
from desktop.analysis.suspects import mask_grid, suspect_grid
from desktop.core.bilingual import pick
from desktop.core.breaks_register import SuspectValue
from desktop.core.catalog import Indicator
from desktop.core.dataset import Dataset
from desktop.core.errors import CityProfilesError
from desktop.core.units import DisplayScale
from desktop.text.translator import N_, translator

MODES = ("absolute", "indexed", "change")

_WORDS: dict[str, str] = {  # English msgids; Chinese in the text catalogue
    "points": N_("pp"),
    "label_year": N_("{label} ({year})"),
    'year': N_('Year'),
    'peer_median': N_('Peer median'),
    'band': N_('Peer median, band: middle half of peers (25th-75th percentile)'),
    'index': N_('Index ({year} = 100)'),
    'change_pct': N_('% change since {year}'),
    'change_pp': N_('Change since {year} (percentage points)'),
    'own_base': N_('{cities}: no value in {year}, measured from their first year in the range.'),
    'no_base': N_('{cities}: not positive in the base year, cannot be indexed.'),
    'no_log': N_('Log scale not possible: some values are zero or negative; shown linear.'),
    'omitted': N_('No value in {year}: {cities}.'),
    'earlier': N_('Older than {year}, their latest value: {cities}.'),
    'in_year': N_('{label}, {year}'),
    'scatter_title': N_('{y} against {x}, {year}'),
    'size_by': N_('Point size: {label}'),
    'trails': N_('Trails: {start}–{end}, from small pale dots (earliest) to the point.'),
    'usd': N_('US$'),
    'billion_usd': N_('billion US$'),
}


def word(key: str, lang: str, **values: object) -> str:
    """A chart phrase in `lang`, from the text catalogue."""
    return translator(lang).gettext(_WORDS[key], **values)


class UnitMismatchError(CityProfilesError):
    """Indicators with different units (not just currencies) were put on one axis."""

    code = "unit_mismatch"


# --- shared pieces ------------------------------------------------------------------------

@dataclass(frozen=True)
class _Values:
    values: np.ndarray  # cities x years, canonical units, converted where asked
    display: DisplayScale
    currency: str | None
    notes: tuple[str, ...]
    sources: frozenset[str]


def _usd_display(indicator: Indicator) -> DisplayScale:
    if indicator.display.factor >= 1e6:
        return DisplayScale(1e9, "billion US$", "十亿美元", 1)
    return DisplayScale(1, "US$", "美元", 0)


_DIMENSION = {"CNY": "money", "USD": "money", "CNY_per_person": "money_per_person"}


def chart_values(
    dataset: Dataset,
    panel: Panel,
    city_ids: Sequence[str],
    indicator_of: Mapping[str, str],
    cols: slice,
    currency: str | None,
    lang: str,
) -> _Values:
    """The cities' values on the year window, one indicator per city, in one currency."""
    indicator_ids = list(dict.fromkeys(indicator_of[c] for c in city_ids))
    indicators = [dataset.indicator(i) for i in indicator_ids]
    currencies = {currency_of(i) for i in indicators} - {None}
    units = {_DIMENSION.get(i.unit, i.unit) for i in indicators}
    if len(units) > 1:
        raise UnitMismatchError(units=sorted(i.unit for i in indicators), indicators=indicator_ids)
    if currency not in (None, "USD"):
        raise CurrencyMismatchError(currencies=[currency], indicators=indicator_ids,
                                    reason="only conversion to USD is offered")
    if len(currencies) > 1 and currency is None:
        raise CurrencyMismatchError(currencies=sorted(currencies), indicators=indicator_ids)
    rows = panel.rows_of(city_ids)
    out = np.empty((len(city_ids), len(panel.years[cols])))
    for indicator_id in indicator_ids:
        mask = np.array([indicator_of[c] == indicator_id for c in city_ids])
        out[mask] = panel.matrix(indicator_id)[rows[mask], cols]
    sources = set()
    for indicator_id in indicator_ids:
        mask = np.array([indicator_of[c] == indicator_id for c in city_ids])
        sources |= {
            dataset.sources[s].publisher_in(lang) for s in
            panel.sources_used(indicator_id, rows[mask], cols) if s in dataset.sources
        }
    notes: list[str] = []
    display = indicators[0].display
    converted_currency = next(iter(currencies), None)
    if currency == "USD" and "CNY" in currencies:
        rates = exchange_rates(dataset)
        per_year = rates.cny_per_usd[cols]
        for indicator_id in indicator_ids:
            if currency_of(dataset.indicator(indicator_id)) == "CNY":
                mask = np.array([indicator_of[c] == indicator_id for c in city_ids])
                out[mask] = out[mask] / per_year
        us = [i for i in indicators if currency_of(i) == "USD"]
        display = us[0].display if us else _usd_display(indicators[0])
        converted_currency = "USD"
        notes.append(pick(lang, rates.note_en, rates.note_zh))
        sources.add(rates.source(lang))
        if any(i.id == "gdp_real_usd" for i in indicators):
            notes.append(pick(lang, REAL_USD_NOTE, REAL_USD_NOTE_ZH))
    return _Values(out, display, converted_currency, tuple(notes), frozenset(sources))


def _transform(
    values: np.ndarray, years: np.ndarray, mode: str, base_year: int | None, in_points: bool
) -> tuple[np.ndarray, int | None, np.ndarray, np.ndarray, np.ndarray]:
    """(transformed, base year, rows measured from their own first year, rows not indexable,
    each row's base value (NaN in "absolute" mode))."""
    count = len(values)
    none = np.zeros(count, dtype=bool)
    if mode == "absolute" or not len(years):
        return values, None, none, none, np.full(count, np.nan)
    finite = np.isfinite(values)
    has_any = finite.any(axis=1)
    if base_year is not None and years[0] <= base_year <= years[-1]:
        base_col = int(base_year - years[0])
    else:  # no base chosen: the first year of the cities' data, not of the grid (1960)
        present = np.flatnonzero(finite.any(axis=0))
        base_col = int(present[0]) if len(present) else 0
    own = ~finite[:, base_col] & has_any
    cols = np.where(own, finite.argmax(axis=1), base_col)
    base = values[np.arange(count), cols]
    with np.errstate(invalid="ignore", divide="ignore"):
        if mode == "change" and in_points:
            out = values - base[:, None]
            bad = none
        else:
            positive = base > 0
            ratio = values / np.where(positive, base, np.nan)[:, None]
            out = ratio * 100 if mode == "indexed" else (ratio - 1) * 100
            bad = has_any & ~positive
    return out, int(years[base_col]), own, bad, base


def _rebased(value: float, base: float, mode: str, in_points: bool) -> float:
    """One value transformed against its row's base as `_transform` transforms the row (for
    a suspect point kept out of the row's line)."""
    if mode == "absolute":
        return value
    if mode == "change" and in_points:
        return value - base
    if not base > 0:
        return float("nan")
    return value / base * 100 if mode == "indexed" else (value / base - 1) * 100


def _band(values: np.ndarray, years: np.ndarray, label: str) -> BandSpec | None:
    """Median and quartiles of the rows per year, over the years where any row has a value."""
    if not len(values):
        return None
    counts = np.isfinite(values).sum(axis=0)
    keep = counts > 0
    if not keep.any():
        return None
    q1, median, q3 = column_quantiles(values[:, keep], (0.25, 0.5, 0.75))
    return BandSpec(label, years[keep].copy(), median, q1, q3, counts[keep])


def break_marks(dataset: Dataset, city_ids: Sequence[str], indicator_of: Mapping[str, str],
            years: np.ndarray, lang: str) -> tuple[BreakMark, ...]:
    found: dict[int, str] = {}
    lo, hi = (int(years[0]), int(years[-1])) if len(years) else (0, -1)
    for city_id in city_ids:
        for b in dataset.breaks_for(city_id, indicator_of[city_id]):
            if lo <= b.year <= hi:
                found.setdefault(b.year, b.note(lang))
    return tuple(BreakMark(y, n) for y, n in sorted(found.items()))


def cross_country_notes(
    dataset: Dataset, city_ids: Sequence[str], converted: bool = False, lang: str = "en"
) -> tuple[str, ...]:
    """The definitions note where Chinese and US cities meet (CROSS_COUNTRY_NOTE, or, on an
    axis converted to US dollars, the definitions alone)."""
    countries = {dataset.cities[c].country for c in city_ids}
    if not {"CN", "US"} <= countries:
        return ()
    # at constant prices money is converted at the base year's rate, as each row's note says
    if converted or base_year_of(dataset) is not None:
        return (pick(lang, DEFINITIONS_NOTE_EN, DEFINITIONS_NOTE_ZH),)
    return (CROSS_COUNTRY_NOTE,)


def city_names(dataset: Dataset, ids: Sequence[str], lang: str) -> str:
    return translator(lang).list_sep.join(dataset.cities[c].name(lang) for c in ids)


def axis_label(label: str, suffix: str) -> str:
    return f"{label} ({suffix})" if suffix else label


#: a series without suspect values (shared: the usual case costs no arrays)
_NO_MARKS: tuple[np.ndarray, np.ndarray, tuple[str, ...]] = (np.empty(0), np.empty(0), ())


def _suspect_marks(grid: Mapping[tuple[int, int], SuspectValue], raw: np.ndarray,
                   bases: np.ndarray, years: np.ndarray, mode: str, in_points: bool,
                   factor: float, lang: str
                   ) -> dict[int, tuple[np.ndarray, np.ndarray, tuple[str, ...]]]:
    """Per row with any, its suspect points: years, values on the chart's scale (`mode`,
    against the row's base; display units) and the register's reasons."""
    rows: dict[int, list[tuple[int, SuspectValue]]] = {}
    for (row, col), verdict in sorted(grid.items(), key=lambda item: item[0]):
        if np.isfinite(raw[row, col]):
            rows.setdefault(row, []).append((col, verdict))
    return {row: (np.array([float(years[col]) for col, _ in found]),
                  np.array([_rebased(float(raw[row, col]), float(bases[row]), mode, in_points)
                            / factor for col, _ in found]),
                  tuple(v.reason(lang) for _, v in found))
            for row, found in rows.items()}


# --- over time ----------------------------------------------------------------------------

def over_time_spec(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_id: str,
    *,
    mode: str = "absolute",
    log_y: bool = False,
    year_range: tuple[int, int] | None = None,
    base_year: int | None = None,
    band: bool = True,
    background_ids: Sequence[str] = (),
    currency: str | None = None,
    city_indicators: Mapping[str, str] | None = None,
    lang: str = "en",
    include_suspect: bool = False,
) -> LineChartSpec:
    """The indicator over time for the focus (first) and peers, with the peer-median band.

    `city_indicators` gives some cities another indicator (e.g. a US metro's `gdp_real_usd`
    beside Chinese `gdp`); money in two currencies then needs currency="USD".
    `background_ids` (e.g. the peer finder's pool) are drawn faintly as one curve.
    A value the breaks register judges suspect is left out of its line (a gap, as for a
    missing year) and drawn apart (`SeriesSpec.suspect_*`); it is out of the peer band and
    of an index's base unless `include_suspect`.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    panel = panel_for(dataset)
    indicator = dataset.indicator(indicator_id)
    city_ids = selection_ids(focus_id, peer_ids)
    indicator_of = {c: indicator_id for c in city_ids}
    indicator_of.update({c: i for c, i in (city_indicators or {}).items() if c in indicator_of})
    cols = panel.cols_between(*(year_range or (None, None)))
    years = panel.years[cols]
    got = chart_values(dataset, panel, city_ids, indicator_of, cols, currency, lang)
    in_points = indicator.unit == "percent"
    grid = suspect_grid(dataset, city_ids, indicator_of, years)
    counted = got.values if include_suspect else mask_grid(got.values, grid)
    values, used_base, own, bad, bases = _transform(counted, years, mode, base_year, in_points)
    notes = [n for n in (indicator.notes(lang),) if n]
    notes.extend(cross_country_notes(dataset, city_ids, bool(got.notes), lang))
    notes.extend(got.notes)
    if own.any():
        notes.append(word("own_base", lang, year=used_base,
                           cities=city_names(dataset, [c for c, o in zip(city_ids, own, strict=True)
                                                   if o], lang)))
    if bad.any():
        notes.append(word("no_base", lang, cities=city_names(
            dataset, [c for c, b in zip(city_ids, bad, strict=True) if b], lang)))
    label = indicator.label(lang)
    if mode == "absolute":
        suffix, decimals = got.display.suffix(lang), got.display.decimals
        values = values / got.display.factor
        y_label = axis_label(label, suffix)
    elif mode == "indexed":
        suffix, decimals = "", 1
        y_label = f"{label}: {word('index', lang, year=used_base)}"
    else:
        points = word("points", lang)  # the unit of a change in percent
        suffix, decimals = (points, 2) if in_points else ("%", 1)
        change = word("change_pp" if in_points else "change_pct", lang, year=used_base)
        y_label = f"{label}: {change}"
    if log_y:
        finite = values[np.isfinite(values)]
        if mode == "change" or (len(finite) and finite.min() <= 0):
            log_y = False
            notes.append(word("no_log", lang))
    lines = mask_grid(values, grid)  # a suspect point is never joined into its line
    marks = _suspect_marks(grid, got.values, bases, years, mode, in_points,
                           got.display.factor if mode == "absolute" else 1.0, lang) if grid \
        else {}
    series = []
    for i, city_id in enumerate(city_ids):
        keep = np.isfinite(lines[i])
        suspect_years, suspect_values, reasons = marks.get(i, _NO_MARKS)
        series.append(SeriesSpec(
            city_id=city_id,
            label=dataset.cities[city_id].name(lang),
            years=years[keep].astype(float),
            values=lines[i, keep],
            is_focus=i == 0,
            suspect_years=suspect_years,
            suspect_values=suspect_values,
            suspect_reasons=reasons,
        ))
    band_spec = _band(values[1:], years, word("band", lang)) if band else None
    background = None
    if background_ids:
        back_ids = [c for c in dict.fromkeys(background_ids) if c not in indicator_of]
        back_of = {c: indicator_id for c in back_ids}
        back = chart_values(dataset, panel, back_ids, back_of, cols, currency, lang) if back_ids \
            else None
        if back is not None:
            back_values = _transform(back.values, years, mode, used_base, in_points)[0]
            if mode == "absolute":
                back_values = back_values / back.display.factor
            background = BackgroundSpec(tuple(back_ids), years.copy(), back_values)
    year_span = (int(years[0]), int(years[-1])) if len(years) else None
    return LineChartSpec(
        indicator_id=indicator_id,
        title=label,
        y_label=y_label,
        unit_suffix=suffix,
        decimals=decimals,
        series=tuple(series),
        breaks=break_marks(dataset, city_ids, indicator_of, years, lang),
        source_line="; ".join(sorted(got.sources)),
        notes=tuple(dict.fromkeys(notes)),
        mode=mode,
        log_y=log_y,
        year_range=year_span,
        base_year=used_base,
        band=band_spec,
        background=background,
        currency=got.currency,
        x_label=word("year", lang),
        include_suspect=include_suspect,
    )
