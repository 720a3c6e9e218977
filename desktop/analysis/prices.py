"""Current or constant prices: one choice for the whole view (issue #13).

Current prices (the default) leave every value as published, so a view behaves exactly as it
did before this choice existed.

Constant prices of a base year B follow standard practice: a money value of year Y is first
taken back to its own country's currency (US values are stored in yuan at Y's annual rate, see
desktop.curation.us_series), deflated there with that country's implicit GDP deflator rebased
to B (value x D(B) / D(Y); the bundled `gdp_deflator`, World Bank NY.GDP.MKTP.CN /
NY.GDP.MKTP.KN x 100), and only then converted to the view's currency at B's rate: US$ at B's
annual exchange rate, international $ at B's PPP factor, yuan at B's rate for US values.
Deflating first keeps exchange-rate swings out of the "real" change.

B defaults to the latest year in which every country of the selection has a deflator (and the
rate the conversion needs). A value whose year has no deflator (or whose conversion has no
rate) becomes missing and its indicator's note lists those years: never a current-price value
under a constant-price label. Indicators that are not money, and the BEA real GDP series that
are real already (chained 2017 dollars), are left untouched.

Every converted indicator's label and note say "constant <B> prices (national GDP deflator)",
so table rows, chart axes, chart notes and the report carry the basis.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from desktop.analysis.currency import (
    CNY,
    CONSTANT_ROW_NOTES,
    PPP_INDICATOR,
    RATE_INDICATOR,
    TARGET_UNITS,
    MissingRateError,
    currency_of,
    rate_matrix,
)
from desktop.analysis.panel import panel_for
from desktop.core.catalog import Indicator
from desktop.core.dataset import Dataset
from desktop.core.errors import CityProfilesError
from desktop.text.translator import Translator, as_translator

CURRENT, CONSTANT = "current", "constant"
#: What the CLI, the window and projects offer: "current", "constant" (default base year) or
#: "constant:YEAR".
CHOICES = (CURRENT, CONSTANT)
DEFLATOR_INDICATOR = "gdp_deflator"
#: The place whose deflator a country's values are deflated with; "" (an import that names
#: no country) counts as Chinese, as in currency.in_dollars.
DEFLATOR_PLACES = {"CN": "country-CHN", "US": "country-USA"}
#: Money indicators that are real already (BEA chained 2017 dollars): never deflated again.
REAL_INDICATORS = frozenset({"gdp_real_usd", "gdp_real_usd_2017"})


class MissingDeflatorError(CityProfilesError):
    """Constant prices were asked for but no year has a deflator (and the exchange rate) for
    every country of the selection. params: countries (ISO-2 codes, comma-separated)."""

    code = "missing_deflator"


class MissingBaseYearError(MissingDeflatorError):
    """The base year asked for lacks a country's deflator or the exchange rate.
    params: year, countries."""

    code = "missing_deflator_year"


@dataclass(frozen=True)
class PricesChoice:
    """The parsed choice: `basis` is CURRENT or CONSTANT, `year` a chosen base year or None."""

    basis: str = CURRENT
    year: int | None = None

    @property
    def constant(self) -> bool:
        return self.basis == CONSTANT

    def text(self) -> str:
        """The choice as the CLI and projects write it: "current", "constant", "constant:2015"."""
        return f"{CONSTANT}:{self.year}" if self.constant and self.year else self.basis


def parse_prices(text: str) -> PricesChoice:
    """"current", "constant" or "constant:YEAR" (raises ValueError on anything else)."""
    basis, _, year = text.strip().partition(":")
    if basis not in CHOICES or (year and basis != CONSTANT):
        raise ValueError(f"prices are 'current', 'constant' or 'constant:YEAR', not {text!r}")
    if not year:
        return PricesChoice(basis)
    if not year.isdigit() or not 1900 <= int(year) <= 2100:
        raise ValueError(f"the base year of constant prices is a year, not {year!r}")
    return PricesChoice(CONSTANT, int(year))


def basis_text(year: int, lang: str | Translator = "en") -> str:
    """The phrase every note and label uses: "constant 2019 prices (national GDP deflator)"."""
    return as_translator(lang).gettext("constant {year} prices (national GDP deflator)",
                                       year=year)


def prices_note(year: int, lang: str | Translator = "en") -> str:
    """The sentence a converted indicator's note begins with (after its currency sentence)."""
    tr = as_translator(lang)
    return tr.gettext(
        "At {basis}: each value is deflated in its own country's currency with that country's "
        "implicit GDP deflator (World Bank, NY.GDP.MKTP.CN / NY.GDP.MKTP.KN) rebased to {year}, "
        "then converted at {year}'s rate.", basis=basis_text(year, tr), year=year)


def year_spans(years: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive years as (first, last) spans: 2001, 2002, 2003, 2024 -> (2001, 2003), (2024,
    2024), so a long gap is one short phrase."""
    spans: list[tuple[int, int]] = []
    for year in sorted(set(years)):
        if spans and year == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], year)
        else:
            spans.append((year, year))
    return spans


def gaps_note(years: Iterable[int], lang: str | Translator = "en") -> str:
    """The sentence listing the years whose values became missing at constant prices."""
    tr = as_translator(lang)
    listed = tr.join(tr.pgettext("year", "{year}", year=a) if a == b
                     else tr.gettext("{first}–{last}", first=a, last=b)
                     for a, b in year_spans(years))
    return tr.gettext("No deflator or rate for {years}: those years' values are left out.",
                      years=listed)


#: How a label says it is at current prices; replaced by the constant basis, never beside it.
_CURRENT_EN = re.compile(r"\s*\(current [^)]*\)")
_CURRENT_ZH = re.compile(r"（(?:当年价格|现价[^）]*)）")


def constant_label(label: str, year: int, lang: str | Translator = "en") -> str:
    """`label` at constant `year` prices: "GDP (current prices)" -> "GDP, constant 2019 prices
    (national GDP deflator)"."""
    tr = as_translator(lang)
    bare = _CURRENT_ZH.sub("", _CURRENT_EN.sub("", label))
    return tr.gettext("{label}, {basis}", label=bare, basis=basis_text(year, tr))


# --- deflators and the base year ----------------------------------------------------------

def _country(dataset: Dataset, city_id: str) -> str:
    city = dataset.cities.get(city_id)
    return (city.country if city is not None else "") or "CN"


def deflators(dataset: Dataset) -> tuple[int, dict[str, np.ndarray]]:
    """First panel year and each country's deflator by year (NaN where unpublished); only the
    countries whose deflator place and values are in the dataset."""
    panel = panel_for(dataset)
    found: dict[str, np.ndarray] = {}
    if DEFLATOR_INDICATOR in dataset.indicators:
        matrix = panel.matrix(DEFLATOR_INDICATOR)
        for country, place in DEFLATOR_PLACES.items():
            if place in dataset.cities and not np.all(np.isnan(row := matrix[panel.row_of(place)])):
                found[country] = row
    return int(panel.years[0]) if len(panel.years) else 0, found


def _usable(dataset: Dataset, countries: set[str], currency: str) -> tuple[int, np.ndarray]:
    """First panel year and, per year, whether it can be a base year for these countries."""
    first, found = deflators(dataset)
    if not countries <= set(found):
        raise MissingDeflatorError(countries=", ".join(sorted(countries - set(found))))
    usable = np.logical_and.reduce([~np.isnan(found[c]) for c in countries])
    for indicator_id in (RATE_INDICATOR, PPP_INDICATOR) if currency == "ppp" else (
            RATE_INDICATOR,):
        rates = _rates(dataset, indicator_id)
        if rates is not None:  # an import without rates keeps yuan and dollars as they are
            usable &= ~np.isnan(_on_axis(*rates, first, len(usable)))
    return first, usable


def _countries(dataset: Dataset, city_ids: Iterable[str]) -> set[str]:
    return {_country(dataset, c) for c in city_ids} or {"CN"}


def default_base_year(dataset: Dataset, city_ids: Iterable[str], currency: str) -> int:
    """The latest year in which every country of the selection has a deflator, and the
    exchange rate (and, for PPP, the factor) exists: dollars published for Chinese places and
    yuan stored for US places need it at B whatever the currency, and one B for every currency
    keeps the numbers comparable when the currency changes. Raises MissingDeflatorError when
    no year qualifies."""
    countries = _countries(dataset, city_ids)
    first, usable = _usable(dataset, countries, currency)
    years = np.flatnonzero(usable)
    if not len(years):
        raise MissingDeflatorError(countries=", ".join(sorted(countries)))
    return first + int(years[-1])


def check_base_year(dataset: Dataset, city_ids: Iterable[str], currency: str, year: int) -> None:
    """Raise MissingBaseYearError unless `year` can be the base year of this selection: a
    chosen year without a deflator would turn every value into a gap."""
    countries = _countries(dataset, city_ids)
    first, usable = _usable(dataset, countries, currency)
    if not 0 <= year - first < len(usable) or not usable[year - first]:
        raise MissingBaseYearError(year=year, countries=", ".join(sorted(countries)))


def base_years(dataset: Dataset, city_ids: Iterable[str], currency: str) -> list[int]:
    """Every year that can be the base year of this selection, latest first (for a picker)."""
    try:
        first, usable = _usable(dataset, _countries(dataset, city_ids), currency)
    except MissingDeflatorError:
        return []
    return [first + int(i) for i in np.flatnonzero(usable)[::-1]]


def _on_axis(first: int, values: np.ndarray, axis_first: int, length: int) -> np.ndarray:
    """`values` (starting at `first`) on a year axis starting at `axis_first`."""
    return _at(np.arange(axis_first, axis_first + length), first, values)


def _at(years: np.ndarray, first: int, values: np.ndarray) -> np.ndarray:
    cols = years.astype(np.int64) - first
    inside = (cols >= 0) & (cols < len(values))
    out = np.full(len(years), np.nan)
    out[inside] = values[cols[inside]]
    return out


# --- the constant-price view ----------------------------------------------------------------

_VIEWS: weakref.WeakKeyDictionary[Dataset, dict[tuple[str, int, frozenset[str]], Dataset]] = (
    weakref.WeakKeyDictionary())
_BASE_YEARS: weakref.WeakKeyDictionary[Dataset, int] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def base_year_of(view: Dataset) -> int | None:
    """B when `view` is a constant-price view made here, else None (current prices)."""
    return _BASE_YEARS.get(view)


def constant_view(
    dataset: Dataset, currency: str, year: int, countries: Iterable[str] = ("CN", "US")
) -> Dataset:
    """`dataset` with every nominal money value at constant `year` prices, in `currency`
    ("cny", "usd" or "ppp": what currency.view_currency chose); the notes list the years lost
    by places of `countries` (the selection's). Built once per dataset, currency, year and
    countries."""
    key = (currency, year, frozenset(countries))
    found = _VIEWS.get(dataset, {}).get(key)
    if found is not None:
        return found
    with _LOCK:
        views = _VIEWS.setdefault(dataset, {})
        if key not in views:
            views[key] = _build(dataset, currency, year, key[2])
            _BASE_YEARS[views[key]] = year
        return views[key]


def priced_view(
    dataset: Dataset, city_ids: Iterable[str], currency: str, prices: str | PricesChoice
) -> Dataset:
    """The view of these places at `prices` in `currency` (already resolved by
    currency.view_currency); current prices return `dataset` unchanged."""
    choice = parse_prices(prices) if isinstance(prices, str) else prices
    if not choice.constant:
        return dataset
    ids = list(city_ids)
    if choice.year:
        check_base_year(dataset, ids, currency, choice.year)
    year = choice.year or default_base_year(dataset, ids, currency)
    return constant_view(dataset, currency, year, _countries(dataset, ids))


def _money(indicator: Indicator) -> bool:
    return currency_of(indicator) in ("CNY", "USD") and indicator.id not in REAL_INDICATORS


def _build(dataset: Dataset, currency: str, year: int, shown: frozenset[str]) -> Dataset:
    first, found = deflators(dataset)
    if not found:
        raise MissingDeflatorError(countries=", ".join(sorted(DEFLATOR_PLACES)))
    money = {k for k, i in dataset.indicators.items() if _money(i)}
    obs = dataset.observations.copy()
    # per distinct indicator and city, then spread by codes: no Python loop over values
    indicator_codes, indicator_ids = pd.factorize(obs["indicator_id"])
    city_codes, city_ids = pd.factorize(obs["city_id"])
    is_money = np.array([k in money for k in indicator_ids], dtype=bool)
    rows = is_money[indicator_codes] if len(indicator_ids) else np.zeros(len(obs), dtype=bool)
    codes = indicator_codes[rows]
    years = obs["year"].to_numpy()[rows].astype(np.int64)
    values = obs["value"].to_numpy(dtype=float, copy=True)
    countries = np.array([_country(dataset, c) for c in city_ids] or [""])[city_codes[rows]]
    us = countries == "US"
    published_usd = np.array([
        k in money and currency_of(dataset.indicators[k]) == "USD" for k in indicator_ids
    ] or [False])[codes]

    rates = _rates(dataset, RATE_INDICATOR)
    rate_y = _at(years, *rates) if rates else np.full(len(years), np.nan)
    rate_b = _at(np.array([year]), *rates)[0] if rates else np.nan
    # 1. back to the country's own currency (US yuan at Y's rate, Chinese dollars at Y's rate)
    local = values[rows] * np.where(us & ~published_usd, 1 / rate_y,
                                    np.where(~us & published_usd, rate_y, 1.0))
    # 2. deflate there with the country's deflator rebased to B (other countries: no deflator)
    deflated = np.full(len(local), np.nan)
    for country, deflator in found.items():
        mine = countries == country
        at_b = _at(np.array([year]), first, deflator)[0]
        deflated[mine] = local[mine] * at_b / _at(years[mine], first, deflator)
    # 3. to the indicator's view currency at B's rate
    target = np.array([_target(dataset.indicators[k], currency) if k in money else CNY
                       for k in indicator_ids] or [CNY])[codes]
    ppp = _rates(dataset, PPP_INDICATOR) if currency == "ppp" else None
    ppp_b = _at(np.array([year]), *ppp)[0] if ppp else np.nan
    factor = np.ones(len(local))
    factor[(target == CNY) & us] = rate_b
    factor[(target == "usd") & ~us] = 1 / rate_b
    factor[(target == "ppp") & ~us] = 1 / ppp_b
    out = deflated * factor
    lost = np.isnan(out) & ~np.isnan(values[rows]) & np.isin(countries, list(shown))
    values[rows] = out
    obs["value"] = values
    gaps: dict[str, set[int]] = {}
    for code, gap_year in zip(codes[lost], years[lost], strict=True):
        gaps.setdefault(str(indicator_ids[code]), set()).add(int(gap_year))
    indicators = {
        k: _constant_indicator(i, currency, year, gaps.get(k, ())) if k in money else i
        for k, i in dataset.indicators.items()
    }
    return dataset.derived(obs, indicators.values())


def _target(indicator: Indicator, currency: str) -> str:
    """The currency an indicator is shown in: dollars it was published in stay dollars (as in
    the current-price view), yuan go to the view's currency where a dollar unit exists."""
    if currency_of(indicator) == "USD":
        return "usd"
    return currency if indicator.unit in TARGET_UNITS.get(currency, {}) else CNY


def _rates(dataset: Dataset, indicator_id: str) -> tuple[int, np.ndarray] | None:
    try:
        return rate_matrix(dataset, indicator_id)
    except MissingRateError:
        return None


def _constant_indicator(
    indicator: Indicator, currency: str, year: int, gap_years: Iterable[int]
) -> Indicator:
    """The indicator at constant `year` prices: its unit in the view's currency, the basis in
    its label and note, and the years left out."""
    unit, display = indicator.unit, indicator.display
    currency_en = currency_zh = ""
    if currency_of(indicator) == "CNY" and _target(indicator, currency) != CNY:
        unit, display = TARGET_UNITS[currency][indicator.unit]
        currency_en, currency_zh = CONSTANT_ROW_NOTES[currency]
    gaps = list(gap_years)
    notes_en = [currency_en, prices_note(year), gaps_note(gaps) if gaps else "",
                indicator.notes_en]
    notes_zh = [currency_zh, prices_note(year, "zh"), gaps_note(gaps, "zh") if gaps else "",
                indicator.notes_zh]
    return replace(
        indicator,
        unit=unit,
        display=display,
        label_en=constant_label(indicator.label_en, year),
        label_zh=constant_label(indicator.label_zh or indicator.label_en, year, "zh"),
        notes_en=" ".join(t for t in notes_en if t),
        notes_zh="".join(t for t in notes_zh if t),
    )
