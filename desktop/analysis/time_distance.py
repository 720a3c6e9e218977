"""Time distance: when a city reached another city's level of some year.

"Shenyang reached Dalian's 2008 GDP per capita in 2013" / "has not yet reached it".

Reached = the first year in which the city's value is at or above the target value (at or
below, for indicators where lower is better). The lag is reached year - target year: positive
when the city got there later, negative when earlier. When the city's first year with data
is already past the target, it is said that way (the true crossing may be earlier).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop.analysis.panel import panel_for
from desktop.analysis.sentences import label_in_sentence
from desktop.core.bilingual import pick
from desktop.core.catalog import City, Indicator
from desktop.core.dataset import Dataset
from desktop.core.errors import CityProfilesError
from desktop.text.translator import Translator, translator


class NoValueError(CityProfilesError):
    """A value needed is missing (params: city, indicator, year)."""

    code = "no_value"


@dataclass(frozen=True)
class TimeDistance:
    city_id: str
    target_city_id: str
    indicator_id: str
    target_year: int
    target_value: float
    reached_year: int | None
    reached_value: float | None
    lag: int | None  # reached_year - target_year
    already_at_start: bool  # the city's first year with data is already past the target
    latest_year: int | None
    latest_value: float | None
    notes: tuple[str, ...]
    sentence_en: str
    sentence_zh: str

    @property
    def reached(self) -> bool:
        return self.reached_year is not None

    def sentence(self, lang: str = "en") -> str:
        return pick(lang, self.sentence_en, self.sentence_zh)


def _first_reach(years: np.ndarray, values: np.ndarray, target: float,
                 lower_is_better: bool) -> int | None:
    present = ~np.isnan(values)
    hits = values <= target if lower_is_better else values >= target
    found = np.flatnonzero(hits & present)
    return int(found[0]) if len(found) else None


def _sentence(tr: Translator, city: City, other: City, indicator: Indicator, target_year: int,
              reached_year: int | None, already: bool, lower: bool, latest: int) -> str:
    """'Shenyang reached Dalian's 2010 GDP per capita in 2016, 6 years later.', in the
    translator's language ('got down to' where lower is better)."""
    what = tr.gettext("{city}'s {year} {label}", city=other.name(tr.lang), year=target_year,
                      label=label_in_sentence(indicator, tr))
    name = city.name(tr.lang)
    if reached_year is None:
        if lower:  # the same English, another Chinese verb (降至, not 达到)
            return tr.pgettext("lower is better",
                               "{city} has not yet reached {what} (latest data: {latest}).",
                               city=name, what=what, latest=latest)
        return tr.gettext("{city} has not yet reached {what} (latest data: {latest}).",
                          city=name, what=what, latest=latest)
    if already:
        return tr.gettext("{city} was already past {what} in {year}, its first year with data.",
                          city=name, what=what, year=reached_year)
    lag = reached_year - target_year
    if lag > 0:
        when = tr.ngettext("{n} year later", "{n} years later", lag)
    elif lag < 0:
        when = tr.ngettext("{n} year earlier", "{n} years earlier", -lag)
    else:
        when = tr.gettext("the same year")
    if lower:
        return tr.gettext("{city} got down to {what} in {year}, {when}.", city=name, what=what,
                          year=reached_year, when=when)
    return tr.gettext("{city} reached {what} in {year}, {when}.", city=name, what=what,
                      year=reached_year, when=when)


def time_distance(
    dataset: Dataset, city_id: str, target_city_id: str, indicator_id: str, target_year: int
) -> TimeDistance:
    indicator = dataset.indicator(indicator_id)
    panel = panel_for(dataset)
    matrix = panel.matrix(indicator_id)
    city_row, target_row = panel.row_of(city_id), panel.row_of(target_city_id)
    col = panel.col_of(target_year)
    target = float("nan") if col is None else float(matrix[target_row, col])
    if np.isnan(target):
        raise NoValueError(city=target_city_id, indicator=indicator_id, year=target_year)
    values = matrix[city_row]
    present = np.flatnonzero(~np.isnan(values))
    if not len(present):
        raise NoValueError(city=city_id, indicator=indicator_id, year=None)
    lower = indicator.higher_is_better is False
    hit = _first_reach(panel.years, values, target, lower)
    reached_year = None if hit is None else int(panel.years[hit])
    already = hit is not None and hit == int(present[0])
    latest = int(present[-1])
    city, other = dataset.cities[city_id], dataset.cities[target_city_id]
    notes = []
    for cid in dict.fromkeys((city_id, target_city_id)):
        for b in dataset.breaks_for(cid, indicator_id):
            if b.note_en not in notes:
                notes.append(b.note_en)
    words = {"city": city, "other": other, "indicator": indicator, "target_year": target_year,
             "reached_year": reached_year, "already": already, "lower": lower,
             "latest": int(panel.years[latest])}
    en, zh = _sentence(translator("en"), **words), _sentence(translator("zh"), **words)
    return TimeDistance(
        city_id=city_id,
        target_city_id=target_city_id,
        indicator_id=indicator_id,
        target_year=int(target_year),
        target_value=target,
        reached_year=reached_year,
        reached_value=None if hit is None else float(values[hit]),
        lag=None if reached_year is None else reached_year - int(target_year),
        already_at_start=already,
        latest_year=int(panel.years[latest]),
        latest_value=float(values[latest]),
        notes=tuple(notes),
        sentence_en=en,
        sentence_zh=zh,
    )


def time_lags(
    dataset: Dataset, city_id: str, target_city_id: str, indicator_id: str
) -> tuple[np.ndarray, np.ndarray]:
    """For every year the target city has: (target years, lag in years, NaN = not yet reached).

    A chart of the lag over time shows whether the city is catching up (falling lag).
    """
    indicator = dataset.indicator(indicator_id)
    panel = panel_for(dataset)
    matrix = panel.matrix(indicator_id)
    values, targets = matrix[panel.row_of(city_id)], matrix[panel.row_of(target_city_id)]
    lower = indicator.higher_is_better is False
    cols = np.flatnonzero(~np.isnan(targets))
    lags = np.full(len(cols), np.nan)
    for n, col in enumerate(cols):
        hit = _first_reach(panel.years, values, float(targets[col]), lower)
        if hit is not None:
            lags[n] = hit - col
    return panel.years[cols].copy(), lags
