"""Yuan and US dollars: convert at annual average rates, say so, and refuse to mix silently.

The rate is the bundled `exchange_rate` series of country-CHN: the World Bank's PA.NUS.FCRF,
official exchange rate, yuan per US dollar, period (annual) average (resources/data/SOURCES.md).
A CNY value of year Y is divided by the rate of Y. Years without a rate become NaN and are listed.

Money values in different currencies never share an axis unconverted: spec builders call
`check_one_currency`, which raises CurrencyMismatchError (code "currency_mismatch").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from desktop.analysis.panel import panel_for
from desktop.core.catalog import Indicator
from desktop.core.dataset import Dataset
from desktop.core.errors import CityProfilesError

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
        return self.source_line_zh if lang == "zh" and self.source_line_zh else self.source_line

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
        return self.note_zh if lang == "zh" else self.note_en


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
