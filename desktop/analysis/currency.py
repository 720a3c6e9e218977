"""Yuan and US dollars: convert at annual average rates, say so, and refuse to mix silently.

The rate is the bundled `exchange_rate` series of country-CHN: the World Bank's PA.NUS.FCRF,
official exchange rate, yuan per US dollar, period (annual) average (resources/data/SOURCES.md).
A CNY value of year Y is divided by the rate of Y. Years without a rate become NaN and are listed.

Money values in different currencies never share an axis unconverted: spec builders call
`check_one_currency`, which raises CurrencyMismatchError (code "currency_mismatch").
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from desktop.analysis.panel import panel_for
from desktop.core.bilingual import pick
from desktop.core.catalog import Indicator
from desktop.core.dataset import Dataset
from desktop.core.errors import CityProfilesError
from desktop.core.units import DisplayScale

RATE_INDICATOR = "exchange_rate"
RATE_PLACE = "country-CHN"

CONVERSION_NOTE_EN = (
    "Yuan converted to US dollars at the annual average official exchange rate of each year "
    "(World Bank, PA.NUS.FCRF, yuan per US$); values stay nominal."
)
CONVERSION_NOTE_ZH = (
    "人民币按各年官方汇率年平均值（世界银行 PA.NUS.FCRF，元/美元）折算为美元，仍为名义值。"
)
#: Where Chinese and US cities meet on a converted axis (CROSS_COUNTRY_NOTE's last sentence,
#: "not drawn on one axis", no longer holds there).
DEFINITIONS_NOTE_EN = (
    "Chinese prefecture-level cities include their rural counties; US metropolitan areas are "
    "commuting regions."
)
DEFINITIONS_NOTE_ZH = "中国地级市包括其下辖的农村县；美国大都市区是通勤区域。"
REAL_USD_NOTE = (
    "US metro GDP is real (inflation-adjusted) US dollars; converted Chinese values are nominal."
)
REAL_USD_NOTE_ZH = "美国都市区地区生产总值为实际值（剔除价格因素）美元；折算后的中国数值为名义值。"


class CurrencyMismatchError(CityProfilesError):
    """Values in different currencies were to be drawn on one axis without conversion.

    params: currencies (sorted list), indicators (the indicator ids involved).
    """

    code = "currency_mismatch"


class MissingRateError(CityProfilesError):
    """No exchange-rate series in the dataset to convert with."""

    code = "missing_exchange_rate"


def currency_of(indicator: Indicator) -> str | None:
    """'CNY', 'USD' or None for a non-money indicator."""
    return indicator.unit_info.currency


def check_one_currency(dataset: Dataset, indicator_ids: Iterable[str]) -> str | None:
    """The one currency of these indicators (None: no money); raises CurrencyMismatchError."""
    ids = list(dict.fromkeys(indicator_ids))
    currencies = {currency_of(dataset.indicator(i)) for i in ids} - {None}
    if len(currencies) > 1:
        raise CurrencyMismatchError(currencies=sorted(currencies), indicators=ids)
    return next(iter(currencies), None)


@dataclass(frozen=True)
class ExchangeRates:
    years: np.ndarray  # consecutive years of the dataset's panel
    cny_per_usd: np.ndarray  # NaN where the source has no rate
    note_en: str
    note_zh: str
    source_line: str
    source_line_zh: str = ""

    def source(self, lang: str = "en") -> str:
        """The rates' source (publisher, title) in the language."""
        return pick(lang, self.source_line, self.source_line_zh)

    def rate(self, year: int) -> float | None:
        hits = np.flatnonzero(self.years == year)
        if not len(hits) or np.isnan(self.cny_per_usd[hits[0]]):
            return None
        return float(self.cny_per_usd[hits[0]])


def exchange_rates(dataset: Dataset) -> ExchangeRates:
    """The bundled yuan-per-dollar rates on the panel's year axis (raises MissingRateError)."""
    if RATE_INDICATOR not in dataset.indicators or RATE_PLACE not in dataset.cities:
        raise MissingRateError(indicator=RATE_INDICATOR, place=RATE_PLACE)
    panel = panel_for(dataset)
    rates = panel.matrix(RATE_INDICATOR)[panel.row_of(RATE_PLACE)]
    if np.all(np.isnan(rates)):
        raise MissingRateError(indicator=RATE_INDICATOR, place=RATE_PLACE)
    sources = panel.sources_used(RATE_INDICATOR, np.array([panel.row_of(RATE_PLACE)]),
                                 slice(None))
    used = [dataset.sources[s] for s in sorted(sources) if s in dataset.sources]
    line = "; ".join(f"{s.publisher}, {s.title}" for s in used)
    line_zh = "; ".join(f"{s.publisher_in('zh')}，{s.title_in('zh')}" for s in used)
    return ExchangeRates(panel.years, rates, CONVERSION_NOTE_EN, CONVERSION_NOTE_ZH, line,
                         line_zh)


@dataclass(frozen=True)
class ConvertedSeries:
    years: np.ndarray
    values: np.ndarray  # US dollars (NaN where a year has no rate)
    rates: np.ndarray  # the yuan-per-dollar rate used for each year
    missing_rate_years: tuple[int, ...]
    note_en: str
    note_zh: str
    source_line: str

    def note(self, lang: str = "en") -> str:
        return pick(lang, self.note_en, self.note_zh)


def cny_to_usd(
    dataset: Dataset, years: Iterable[int] | np.ndarray, values: Iterable[float] | np.ndarray
) -> ConvertedSeries:
    """Divide each year's yuan value by that year's average yuan-per-dollar rate."""
    rates = exchange_rates(dataset)
    years_arr = np.asarray(list(years) if not isinstance(years, np.ndarray) else years)
    values_arr = np.asarray(
        list(values) if not isinstance(values, np.ndarray) else values, dtype=float
    )
    cols = years_arr.astype(np.int64) - int(rates.years[0]) if len(rates.years) else years_arr
    inside = (cols >= 0) & (cols < len(rates.years))
    used = np.full(len(years_arr), np.nan)
    used[inside] = rates.cny_per_usd[cols[inside]]
    converted = values_arr / used
    missing = tuple(
        int(y) for y, r, v in zip(years_arr, used, values_arr, strict=True)
        if np.isnan(r) and not np.isnan(v)
    )
    return ConvertedSeries(years_arr, converted, used, missing, rates.note_en, rates.note_zh,
                           rates.source_line)


def convert_row(
    rates: ExchangeRates, values: np.ndarray
) -> np.ndarray:
    """A panel row (or matrix, years last) of yuan in US dollars: cheap, for spec builders."""
    return values / rates.cny_per_usd


# --- one currency per row in a profile that mixes countries --------------------------------

#: The two ways to put yuan and dollars in one currency: US$ at the annual average market
#: rate (the default), or international $ at the World Bank's PPP conversion factor.
BASES = ("usd", "ppp")
PPP_INDICATOR = "ppp_factor"
#: Canonical yuan units, per basis, with their converted unit and how to show it.
TARGET_UNITS = {
    "usd": {
        "CNY": ("USD", DisplayScale(1e9, "billion US$", "十亿美元", 2)),
        "CNY_per_person": ("USD_per_person", DisplayScale(1, "US$", "美元", 0)),
    },
    "ppp": {
        "CNY": ("PPP_USD", DisplayScale(1e9, "billion intl $ (PPP)", "十亿国际元", 2)),
        "CNY_per_person": ("PPP_USD_per_person", DisplayScale(1, "intl $ (PPP)", "国际元", 0)),
    },
}
#: Added to a converted indicator's notes, so the table's tooltip and the report say it.
ROW_NOTES = {
    "usd": (
        "Shown in US dollars: the selection includes places outside China, so yuan values "
        "are divided by the World Bank's annual average rate of the same year (PA.NUS.FCRF); "
        "US values stored in yuan at that rate come back to their published dollars.",
        "以美元显示：所选地区包括中国以外的地区，人民币数值除以世界银行同年年平均汇率"
        "（PA.NUS.FCRF）；按该汇率存为人民币的美国数值因此还原为公布的美元数。",
    ),
    "ppp": (
        "Shown in international dollars (PPP): Chinese yuan values are divided by the World "
        "Bank's PPP conversion factor of the same year (PA.NUS.PPP, yuan per international $); "
        "US values are their published dollars (an international dollar is a US dollar in "
        "the United States).",
        "以国际元（购买力平价）显示：中国的人民币数值除以世界银行同年购买力平价换算因子"
        "（PA.NUS.PPP，元/国际元）；美国数值为公布的美元数（一国际元在美国即一美元）。",
    ),
}

#: The currency sentence of a yuan indicator at constant prices (desktop.analysis.prices):
#: converted at the base year's rate, not each year's.
CONSTANT_ROW_NOTES = {
    "usd": (
        "Shown in US dollars at constant prices: the values are converted at the base year's "
        "annual average rate (World Bank, PA.NUS.FCRF) after deflation.",
        "以美元按不变价显示：数值平减后按基年的年平均汇率（世界银行，PA.NUS.FCRF）折算。",
    ),
    "ppp": (
        "Shown in international dollars (PPP) at constant prices: Chinese values are converted "
        "at the base year's PPP conversion factor (World Bank, PA.NUS.PPP) after deflation; US "
        "values are dollars.",
        "以国际元（购买力平价）按不变价显示：中国数值平减后按基年的购买力平价换算因子"
        "（世界银行，PA.NUS.PPP）换算；美国数值为美元。",
    ),
}

_VIEWS: weakref.WeakKeyDictionary[Dataset, dict[str, Dataset]] = weakref.WeakKeyDictionary()
_VIEWS_LOCK = threading.Lock()


def _check_basis(basis: str) -> None:
    """A programming error, not a user's: the CLI and the UI offer BASES only."""
    if basis not in BASES:
        raise ValueError(f"currency basis is one of {BASES}, not {basis!r}")


def needs_one_currency(dataset: Dataset, city_ids: Iterable[str]) -> bool:
    """True when a place in the selection is not Chinese: money is then compared in dollars."""
    return any(
        dataset.cities[c].country not in ("", "CN") for c in city_ids if c in dataset.cities
    )


def converted_indicator(indicator: Indicator, basis: str = "usd") -> Indicator | None:
    """The indicator in dollars of the basis (unit, display, a note), None if not yuan."""
    target = TARGET_UNITS[basis].get(indicator.unit)
    if target is None:
        return None
    unit, display = target
    note_en, note_zh = ROW_NOTES[basis]
    return replace(
        indicator,
        unit=unit,
        display=display,
        notes_en=" ".join(t for t in (note_en, indicator.notes_en) if t),
        notes_zh="".join(t for t in (note_zh, indicator.notes_zh) if t),
    )


def in_dollars(dataset: Dataset, basis: str = "usd") -> Dataset:
    """The dataset with every yuan indicator in dollars of `basis` (see BASES). Values of
    years without a rate become missing (NaN), never unconverted yuan. Built once per dataset
    and basis; raises MissingRateError when the rates are not in the dataset."""
    _check_basis(basis)
    found = _VIEWS.get(dataset, {}).get(basis)
    if found is not None:
        return found
    with _VIEWS_LOCK:
        views = _VIEWS.setdefault(dataset, {})
        if basis not in views:
            views[basis] = _build_view(dataset, basis)
        return views[basis]


def rate_matrix(dataset: Dataset, indicator_id: str) -> tuple[int, np.ndarray]:
    """First year and yuan-per-dollar values of country-CHN's `indicator_id` by year."""
    if indicator_id not in dataset.indicators or RATE_PLACE not in dataset.cities:
        raise MissingRateError(indicator=indicator_id, place=RATE_PLACE)
    panel = panel_for(dataset)
    rates = panel.matrix(indicator_id)[panel.row_of(RATE_PLACE)]
    if np.all(np.isnan(rates)):
        raise MissingRateError(indicator=indicator_id, place=RATE_PLACE)
    return int(panel.years[0]), rates


def _per_row(years: np.ndarray, first: int, rates: np.ndarray) -> np.ndarray:
    cols = years - first
    inside = (cols >= 0) & (cols < len(rates))
    out = np.full(len(years), np.nan)
    out[inside] = rates[cols[inside]]
    return out


def _build_view(dataset: Dataset, basis: str) -> Dataset:
    indicators = {k: converted_indicator(i, basis) or i for k, i in dataset.indicators.items()}
    money = [k for k, i in indicators.items() if i is not dataset.indicators[k]]
    obs = dataset.observations.copy()
    rows = obs["indicator_id"].isin(money).to_numpy()
    years = obs["year"].to_numpy()[rows].astype(np.int64)
    rate = _per_row(years, *rate_matrix(dataset, RATE_INDICATOR))
    if basis == "ppp":
        # Chinese (and unplaced) values at the PPP factor; US values back to their dollars
        foreign = [c.id for c in dataset.cities.values() if c.country not in ("", "CN")]
        at_ppp = ~np.isin(obs["city_id"].to_numpy()[rows], foreign)
        ppp = _per_row(years, *rate_matrix(dataset, PPP_INDICATOR))
        rate = np.where(at_ppp, ppp, rate)
    values = obs["value"].to_numpy(dtype=float, copy=True)
    values[rows] = values[rows] / rate
    obs["value"] = values
    return dataset.derived(obs, indicators.values())


def profile_dataset(dataset: Dataset, city_ids: Iterable[str], basis: str = "usd") -> Dataset:
    """The dataset a profile of these places reads: money in dollars of `basis` when they
    are not all Chinese and the dataset has the rates, else the dataset itself."""
    _check_basis(basis)
    if not needs_one_currency(dataset, list(city_ids)):
        return dataset
    try:
        return in_dollars(dataset, basis)
    except MissingRateError:
        return dataset


# --- the view's one currency choice (issue 13) ----------------------------------------------

#: The choices a view offers: "auto" (yuan for Chinese places alone, US$ as soon as a place
#: is not Chinese), "cny" (yuan throughout: other countries' money at the annual rate), and
#: the two dollar bases of BASES.
AUTO, CNY = "auto", "cny"
CHOICES = (AUTO, CNY, *BASES)


def view_currency(dataset: Dataset, city_ids: Iterable[str], choice: str = AUTO) -> str:
    """The currency a view of these places uses for money: "cny", "usd" or "ppp". "auto"
    becomes "usd" when a place is not Chinese, else "cny"; an unknown choice is a programming
    error (the CLI, the UI and projects offer CHOICES only)."""
    if choice not in CHOICES:
        raise ValueError(f"currency choice is one of {CHOICES}, not {choice!r}")
    if choice == AUTO:
        return "usd" if needs_one_currency(dataset, list(city_ids)) else CNY
    return choice


def view_dataset(
    dataset: Dataset, city_ids: Iterable[str], choice: str = AUTO, prices: str = "current"
) -> Dataset:
    """The dataset a view of these places reads under the currency `choice`: the dataset
    itself in yuan, else with every yuan indicator in the dollars of the chosen basis. When
    the dataset has no rates (an import without them) money stays in yuan, as the unit
    column then says. `prices` ("current", "constant" or "constant:YEAR") puts money at
    constant prices (desktop.analysis.prices; raises its MissingDeflatorError when the
    dataset cannot)."""
    city_ids = list(city_ids)
    currency = view_currency(dataset, city_ids, choice)
    if prices != "current":
        from desktop.analysis.prices import priced_view  # prices builds on this module

        return priced_view(dataset, city_ids, currency, prices)
    if currency == CNY:
        return dataset
    try:
        return in_dollars(dataset, currency)
    except MissingRateError:
        return dataset


def converted_basis(indicator: Indicator) -> str | None:
    """"usd" or "ppp" when `indicator` is a yuan indicator converted by in_dollars (its notes
    then begin with that basis's ROW_NOTES sentence), else None: a chart says so in its
    caption, and an indicator published in dollars is not called converted. Constant-price
    views (desktop.analysis.prices) convert at the base year's rate, not each year's: None,
    and their label and note say how."""
    for basis, (note_en, _) in ROW_NOTES.items():
        if indicator.notes_en.startswith(note_en):
            return basis
    return None
