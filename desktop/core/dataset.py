"""The Dataset: an immutable long table of values plus the catalogs that explain them.

Everything downstream reads a Dataset; nothing mutates it. Each value keeps the source and
row it was read from, so any number on screen or on paper can be traced back.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from desktop.core.catalog import City, CityLookup, Indicator, PeerGroup, SeriesBreak, Source
from desktop.core.errors import UnknownCityError, UnknownGroupError, UnknownIndicatorError

OBSERVATION_COLUMNS = ("city_id", "indicator_id", "year", "value", "source_id", "source_row")
#: Imported values know their own column (wide tables spread one indicator over many columns).
OPTIONAL_COLUMNS = ("source_column",)


@dataclass(frozen=True)
class Provenance:
    """Where one value came from: file, sheet, row (1-based, as a spreadsheet shows it), column."""

    source: Source
    row: int
    column: str
    source_unit: str

    def describe(self) -> str:
        sheet = f", sheet {self.source.sheet}" if self.source.sheet else ""
        return f"{self.source.file}{sheet}, row {self.row}, column {self.column}"

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.source.file,
            "sheet": self.source.sheet or None,
            "row": self.row,
            "column": self.column,
            "source_unit": self.source_unit,
            "publisher": self.source.publisher,
            "title": self.source.title,
            "source_id": self.source.id,
        }


@dataclass(frozen=True)
class Observation:
    city_id: str
    indicator_id: str
    year: int
    value: float
    provenance: Provenance | None


class Dataset:
    """Long table `city_id, indicator_id, year, value, source_id, source_row` plus catalogs."""

    def __init__(
        self,
        observations: pd.DataFrame,
        cities: Iterable[City],
        indicators: Iterable[Indicator],
        sources: Iterable[Source],
        groups: Iterable[PeerGroup] = (),
        series_breaks: Iterable[SeriesBreak] = (),
    ) -> None:
        missing = set(OBSERVATION_COLUMNS) - set(observations.columns)
        if missing:
            raise ValueError(f"observations lack columns {sorted(missing)}")
        extra = [c for c in OPTIONAL_COLUMNS if c in observations.columns]
        self._obs = observations.loc[:, [*OBSERVATION_COLUMNS, *extra]]
        self.cities: Mapping[str, City] = {c.id: c for c in cities}
        self.indicators: Mapping[str, Indicator] = {i.id: i for i in indicators}
        self.sources: Mapping[str, Source] = {s.id: s for s in sources}
        self.groups: Mapping[str, PeerGroup] = {g.id: g for g in groups}
        self.series_breaks: tuple[SeriesBreak, ...] = tuple(series_breaks)

    #: The number style last applied by `with_number_style` ("chinese" as loaded).
    number_style: str = "chinese"

    def with_number_style(self, style: str) -> Dataset:
        """The same data with every indicator displayed in `style` ("chinese": 亿元, 万人;
        "international": bn yuan, million). Values never change, only `indicator.display`;
        observations and computed indexes are shared, not copied or rebuilt. Returns itself
        when nothing would change; raises ValueError for an unknown style."""
        indicators = {key: indicator.with_number_style(style)
                      for key, indicator in self.indicators.items()}
        same = all(indicators[key] is self.indicators[key] for key in indicators)
        if same and style == self.number_style:
            return self
        styled = copy.copy(self)  # shares the table and the cached indexes built from it
        styled.indicators = indicators
        styled.number_style = style
        return styled

    # --- the table -------------------------------------------------------------------------
    @property
    def observations(self) -> pd.DataFrame:
        """The long table (a read-only view; copy before changing it)."""
        return self._obs

    def __len__(self) -> int:
        return len(self._obs)

    @cached_property
    def _positions(self) -> dict[tuple[str, str], np.ndarray]:
        """Row positions of each (city, indicator) series, sorted by year; built once."""
        obs = self._obs
        if len(obs) == 0:
            return {}
        cities = pd.Categorical(obs["city_id"])
        indicators = pd.Categorical(obs["indicator_id"])
        keys = cities.codes.astype(np.int64) * len(indicators.categories) + indicators.codes
        order = np.lexsort((obs["year"].to_numpy(), keys))
        sorted_keys = keys[order]
        bounds = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
        starts = np.concatenate(([0], bounds))
        ends = np.concatenate((bounds, [len(order)]))
        width = len(indicators.categories)
        city_names = [str(c) for c in cities.categories]
        indicator_names = [str(i) for i in indicators.categories]
        return {
            (city_names[key // width], indicator_names[key % width]): order[start:end]
            for start, end, key in zip(starts, ends, sorted_keys[starts].tolist(), strict=True)
        }

    @cached_property
    def _years(self) -> np.ndarray:
        return self._obs["year"].to_numpy()

    @cached_property
    def _values(self) -> np.ndarray:
        return self._obs["value"].to_numpy(dtype=float)

    def series(self, city_id: str, indicator_id: str) -> pd.Series:
        """Values of one city for one indicator, indexed by year (ascending)."""
        rows = self._positions.get((city_id, indicator_id))
        if rows is None:
            return pd.Series([], index=pd.Index([], dtype="int64", name="year"), dtype=float)
        return pd.Series(
            self._values[rows], index=pd.Index(self._years[rows], name="year"), dtype=float
        )

    def arrays(self, city_id: str, indicator_id: str) -> tuple[np.ndarray, np.ndarray]:
        """(years, values) of one series as numpy arrays, ascending by year; no pandas objects,
        for the hot paths that run on every selection change."""
        rows = self._positions.get((city_id, indicator_id))
        if rows is None:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=float)
        return self._years[rows].astype(np.int64), self._values[rows]

    def has_series(self, city_id: str, indicator_id: str) -> bool:
        return (city_id, indicator_id) in self._positions

    def observation(self, city_id: str, indicator_id: str, year: int) -> Observation | None:
        rows = self._positions.get((city_id, indicator_id))
        if rows is None:
            return None
        hits = rows[self._years[rows] == year]
        if len(hits) == 0:
            return None
        position = int(hits[0])
        source_ids, source_rows, source_columns = self._provenance_columns
        column = source_columns[position] if source_columns is not None else None
        return Observation(
            city_id,
            indicator_id,
            int(year),
            float(self._values[position]),
            self._provenance(
                indicator_id,
                str(source_ids[position]),
                int(source_rows[position]),
                column if isinstance(column, str) and column else None,
            ),
        )

    @cached_property
    def _provenance_columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """Source id, row and column per observation as plain arrays (no row objects)."""
        obs = self._obs
        columns = obs["source_column"].to_numpy(dtype=object) if "source_column" in obs else None
        return (obs["source_id"].to_numpy(dtype=object), obs["source_row"].to_numpy(), columns)

    def _provenance(
        self, indicator_id: str, source_id: str, row: int, column: str | None = None
    ) -> Provenance | None:
        source = self.sources.get(source_id)
        if source is None:
            return None
        field = self.indicators[indicator_id].field_for(source_id)
        return Provenance(
            source,
            row,
            column or (field.column if field else ""),
            field.source_unit if field else "",
        )

    def wide(self, indicator_id: str, city_ids: Sequence[str]) -> pd.DataFrame:
        """Years x cities table of one indicator (NaN where a city has no value)."""
        columns = {city_id: self.series(city_id, indicator_id) for city_id in city_ids}
        frame = pd.DataFrame(columns)
        frame.index.name = "year"
        return frame.sort_index()

    def values_in_year(self, indicator_id: str, year: int) -> pd.Series:
        """Every city's value of an indicator in one year (for ranks across the whole dataset)."""
        obs = self._obs
        mask = (obs["indicator_id"] == indicator_id).to_numpy() & (self._years == year)
        return pd.Series(
            self._values[mask], index=obs["city_id"].to_numpy()[mask].astype(str), dtype=float
        )

    def years(self, indicator_id: str | None = None) -> list[int]:
        if indicator_id is None:
            return sorted({int(y) for y in np.unique(self._years)})
        mask = (self._obs["indicator_id"] == indicator_id).to_numpy()
        return sorted(int(y) for y in np.unique(self._years[mask]))

    def indicators_of(self, city_id: str) -> list[str]:
        return sorted({ind for (city, ind) in self._positions if city == city_id})

    # --- catalogs --------------------------------------------------------------------------
    @cached_property
    def lookup(self) -> CityLookup:
        return CityLookup(self.cities.values())

    def city(self, name_or_id: str) -> City:
        """A city by id, name or alias; raises UnknownCityError."""
        found = self.lookup.get(name_or_id)
        if found is None:
            raise UnknownCityError(name=name_or_id)
        return found

    def indicator(self, indicator_id: str) -> Indicator:
        try:
            return self.indicators[indicator_id]
        except KeyError:
            raise UnknownIndicatorError(name=indicator_id) from None

    def group(self, name_or_id: str) -> PeerGroup:
        for group in self.groups.values():
            if name_or_id.casefold() in (group.id.casefold(), group.name_en.casefold()) or (
                name_or_id == group.name_zh
            ):
                return group
        raise UnknownGroupError(name=name_or_id)

    def categories(self) -> dict[str, list[Indicator]]:
        """Indicators by category, in catalog order."""
        grouped: dict[str, list[Indicator]] = {}
        for indicator in self.indicators.values():
            grouped.setdefault(indicator.category, []).append(indicator)
        return grouped

    def breaks_for(self, city_id: str, indicator_id: str) -> list[SeriesBreak]:
        return [b for b in self.series_breaks if b.applies_to(city_id, indicator_id)]
