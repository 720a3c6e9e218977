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

from desktop.core.breaks_register import BreaksRegister, SuspectValue, merged_breaks
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


@dataclass(frozen=True)
class _SeriesIndex:
    """Dataset._series_index: the table's rows grouped by (city, indicator)."""

    order: np.ndarray | None  # row positions sorted by (city, indicator, year); None: as is
    starts: list[int]
    ends: list[int]
    #: The series' keys (city code x width + indicator code), ascending, and the index into
    #: starts/ends of each (None: the same order). Searched, not a dict: 300,000 series made
    #: a dict of ~40 MB that took 0.1 s to build.
    keys: np.ndarray
    slot_of_key: np.ndarray | None
    city_code: dict[str, int]
    indicator_code: dict[str, int]
    width: int

    def slot(self, city: int, indicator: int) -> int | None:
        key = city * self.width + indicator
        at = int(self.keys.searchsorted(key))
        if at == len(self.keys) or self.keys[at] != key:
            return None
        return at if self.slot_of_key is None else int(self.slot_of_key[at])

    def indicators_of(self, city: int) -> np.ndarray:
        """Codes of the indicators `city` has a series of."""
        lo, hi = self.keys.searchsorted([city * self.width, (city + 1) * self.width])
        return self.keys[lo:hi] - city * self.width


def _categorical(column: pd.Series) -> pd.Categorical:
    """The column as a Categorical: its own codes when it is one (no pass over the rows)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.array
    return pd.Categorical(column)


def _keys(city_codes: np.ndarray, indicator_codes: np.ndarray, width: int) -> np.ndarray:
    """One integer per (city, indicator); -1 where either is missing (code -1), which no
    look-up asks for (city x width - 1 would be the previous city's last indicator)."""
    keys = city_codes.astype(np.int64) * width + indicator_codes
    keys[(city_codes < 0) | (indicator_codes < 0)] = -1
    return keys


def _sorted_by_series(city_codes: np.ndarray, indicator_codes: np.ndarray, years: np.ndarray,
                      width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(order, starts, keys) of a table not in series order: the row positions sorted by
    (city, indicator, year), where each series starts in that order, and its key."""
    keys = _keys(city_codes, indicator_codes, width)
    wide_years = years.astype(np.int64)
    first = int(wide_years.min())
    span = int(wide_years.max()) - first + 1
    # One stable sort on (series, year) packed into one integer: ~5x faster than lexsort.
    order = np.argsort(keys * span + (wide_years - first), kind="stable")
    sorted_keys = keys[order]
    starts = np.concatenate(([0], np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1))
    return order, starts, sorted_keys[starts]


def _present(years: np.ndarray) -> list[int]:
    """The distinct values of `years`, ascending: counted, not sorted (years span a few
    hundred values at most, whatever the number of rows)."""
    if not len(years):
        return []
    first = int(years.min())
    counts = np.bincount(years.astype(np.intp, copy=False) - first)
    return (np.flatnonzero(counts) + first).tolist()


class _Labels:
    """A text column's value by row position, without an array of a Python string per row
    (12 M of them took 0.4 s and 100 MB for one look-up; bench/scale_bench.py): a
    categorical column is read through its codes."""

    def __init__(self, column: pd.Series) -> None:
        self._codes: np.ndarray | None = None
        if isinstance(column.dtype, pd.CategoricalDtype):
            self._codes = column.array.codes  # (`.cat.codes` would copy them)
            # code -1 (a missing value) picks the last entry
            self._names = np.append(column.cat.categories.to_numpy(dtype=object), None)
        else:
            self._names = column.to_numpy(dtype=object)

    def __getitem__(self, position: int) -> object:
        if self._codes is None:
            return self._names[position]
        return self._names[self._codes[position]]


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
        suspect_values: Iterable[SuspectValue] = (),
        register: BreaksRegister | None = None,
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
        self.suspect_values: tuple[SuspectValue, ...] = tuple(suspect_values)
        self.register = register or BreaksRegister()

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
    def _series_index(self) -> _SeriesIndex:
        """Where each (city, indicator) series lies in the table, sorted by year; built once.
        Slices are cut on demand: a dict of ~8,000 array views cost ~15 ms at start-up.

        A saved table is already in that order (storage sorts it), so each series is one run
        of consecutive rows: that is checked in a pass over the codes and years and the table
        is then its own order. Sorting 12 M packed keys instead took ~1.5 s and 400 MB
        (bench/scale_bench.py); it is done only for a table that is not in order."""
        obs = self._obs
        cities = _categorical(obs["city_id"])
        indicators = _categorical(obs["indicator_id"])
        width = max(len(indicators.categories), 1)
        city_codes, indicator_codes = cities.codes, indicators.codes
        years = obs["year"].to_numpy()
        order: np.ndarray | None = None
        if len(years):
            bounds = np.flatnonzero((city_codes[1:] != city_codes[:-1])
                                    | (indicator_codes[1:] != indicator_codes[:-1])) + 1
            starts = np.concatenate(([0], bounds))
            keys = _keys(city_codes[starts], indicator_codes[starts], width)
            backwards = np.diff(years) < 0
            backwards[bounds - 1] = False  # a new series may start at any year
            # each series in one run: keys increasing (a saved table), else all different
            split = not (np.diff(keys) > 0).all() and len(np.unique(keys)) != len(keys)
            if backwards.any() or split:
                order, starts, keys = _sorted_by_series(city_codes, indicator_codes, years,
                                                        width)
            ends = np.append(starts[1:], len(years))
        else:
            starts = ends = keys = np.empty(0, dtype=np.int64)
        slot_of_key = None
        if len(keys) > 1 and not (np.diff(keys) > 0).all():
            slot_of_key = np.argsort(keys, kind="stable")
            keys = keys[slot_of_key]
        return _SeriesIndex(
            order=order,
            starts=starts.tolist(),
            ends=ends.tolist(),
            keys=keys,
            slot_of_key=slot_of_key,
            city_code={str(c): i for i, c in enumerate(cities.categories)},
            indicator_code={str(c): i for i, c in enumerate(indicators.categories)},
            width=width,
        )

    def _rows(self, city_id: str, indicator_id: str) -> np.ndarray | None:
        """Row positions of one series, ascending by year; None when there is none."""
        index = self._series_index
        city, indicator = index.city_code.get(city_id), index.indicator_code.get(indicator_id)
        if city is None or indicator is None:
            return None
        slot = index.slot(city, indicator)
        if slot is None:
            return None
        start, end = index.starts[slot], index.ends[slot]
        return np.arange(start, end) if index.order is None else index.order[start:end]

    @cached_property
    def _years(self) -> np.ndarray:
        return self._obs["year"].to_numpy()

    @cached_property
    def _values(self) -> np.ndarray:
        return self._obs["value"].to_numpy(dtype=float)

    def series(self, city_id: str, indicator_id: str) -> pd.Series:
        """Values of one city for one indicator, indexed by year (ascending)."""
        rows = self._rows(city_id, indicator_id)
        if rows is None:
            return pd.Series([], index=pd.Index([], dtype="int64", name="year"), dtype=float)
        return pd.Series(
            self._values[rows], index=pd.Index(self._years[rows], name="year"), dtype=float
        )

    def arrays(self, city_id: str, indicator_id: str) -> tuple[np.ndarray, np.ndarray]:
        """(years, values) of one series as numpy arrays, ascending by year; no pandas objects,
        for the hot paths that run on every selection change."""
        rows = self._rows(city_id, indicator_id)
        if rows is None:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=float)
        return self._years[rows].astype(np.int64), self._values[rows]

    def has_series(self, city_id: str, indicator_id: str) -> bool:
        return self._rows(city_id, indicator_id) is not None

    def observation(self, city_id: str, indicator_id: str, year: int) -> Observation | None:
        rows = self._rows(city_id, indicator_id)
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
    def _provenance_columns(self) -> tuple[_Labels, np.ndarray, _Labels | None]:
        """Source id, row and column per observation, read by position (no row objects)."""
        obs = self._obs
        columns = _Labels(obs["source_column"]) if "source_column" in obs else None
        return (_Labels(obs["source_id"]), obs["source_row"].to_numpy(), columns)

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
        """The years with a value (of one indicator), ascending. The window asks on every
        chart update: all years are found once, by counting (np.unique sorted 12 M years,
        0.6 s a call; bench/scale_bench.py)."""
        if indicator_id is None:
            return list(self._all_years)
        mask = (self._obs["indicator_id"] == indicator_id).to_numpy()
        return _present(self._years[mask])

    @cached_property
    def _all_years(self) -> tuple[int, ...]:
        return tuple(_present(self._years))

    def indicators_of(self, city_id: str) -> list[str]:
        index = self._series_index
        city = index.city_code.get(city_id)
        if city is None:
            return []
        names = list(index.indicator_code)
        return sorted(names[i] for i in index.indicators_of(city).tolist())

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

    def derived(self, observations: pd.DataFrame, indicators: Iterable[Indicator]) -> Dataset:
        """Other values over the same places, sources, groups, breaks, register and number
        style: a view in another currency or at constant prices."""
        view = Dataset(observations, self.cities.values(), indicators, self.sources.values(),
                       self.groups.values(), self.series_breaks,
                       suspect_values=self.suspect_values, register=self.register)
        return view.with_number_style(self.number_style)

    # --- the breaks register ---------------------------------------------------------------
    def with_register(self, register: BreaksRegister) -> Dataset:
        """The same data with a breaks register applied: its confirmed breaks join the
        catalog's series breaks (so charts, tables and the report mark them where they mark
        Liaoning's restatement) and its suspect values are flagged. Observations and their
        indexes are shared, not copied."""
        applied = copy.copy(self)
        applied.__dict__.pop("_suspect_index", None)
        applied.__dict__.pop("suspects_by_indicator", None)
        applied.series_breaks = merged_breaks(self.series_breaks, register)
        applied.suspect_values = tuple(register.suspect_values())
        applied.register = register
        return applied

    @cached_property
    def _suspect_index(self) -> dict[tuple[str, str, int], SuspectValue]:
        return {(s.city_id, s.indicator_id, s.year): s for s in self.suspect_values}

    def suspect(self, city_id: str, indicator_id: str, year: int | None) -> SuspectValue | None:
        """The register's verdict on one value, when it is judged suspect (else None)."""
        if year is None or not self.suspect_values:
            return None
        return self._suspect_index.get((city_id, indicator_id, int(year)))

    @cached_property
    def suspects_by_indicator(self) -> dict[str, dict[tuple[str, int], SuspectValue]]:
        """Suspect values by indicator, then (city, year): a selection's check is then one
        dict look-up per indicator, and per cell only for the few indicators that have any."""
        table: dict[str, dict[tuple[str, int], SuspectValue]] = {}
        for s in self.suspect_values:
            table.setdefault(s.indicator_id, {})[(s.city_id, s.year)] = s
        return table

    def has_suspects(self, indicator_id: str) -> bool:
        """Whether any value of this indicator is suspect (lets hot paths skip the check)."""
        return indicator_id in self.suspects_by_indicator
