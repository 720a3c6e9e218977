"""Every indicator as a cities x years matrix, and the pool of cities each city is ranked in.

Built once per Dataset (a Dataset is immutable, so the cache is keyed by the object itself) and
read with numpy indexing, so profile metrics, the peer finder and chart specs never do per-cell
pandas look-ups. A matrix is built the first time its indicator is asked for.

Comparable pools ("rank among all cities"): a city is ranked only among places of the same
country and the same kind of unit. Chinese prefecture-level cities and the four municipalities
form one pool; US metro areas another; provinces and countries are never ranked among cities
(each kind is its own pool).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop.core.catalog import CITY_KINDS, City, SeriesBreak
from desktop.core.dataset import Dataset, Provenance
from desktop.core.errors import UnknownCityError
from desktop.text.translator import N_, Translator, as_translator

#: Kinds that are ranked together (within one country).
POOL_OF_KIND = {
    "prefecture_city": "city",
    "municipality": "city",
    "us_metro": "us_metro",
}

POOL_LABELS = {
    ("CN", "city"): N_("Chinese prefecture-level cities and municipalities"),
    ("US", "us_metro"): N_("US metropolitan areas"),
}

def pool_key(city: City) -> tuple[str, str]:
    """(country, pool kind): cities with the same key are ranked against each other."""
    return city.country, POOL_OF_KIND.get(city.kind, city.kind)


#: Country codes as a pool label names them ('CN province' / '中国省级行政区').
COUNTRY_NAMES = {"CN": N_("CN"), "US": N_("US")}


def pool_label(key: tuple[str, str], lang: str | Translator = "en") -> str:
    """Who a value is ranked against, e.g. 'US metropolitan areas'."""
    tr = as_translator(lang)
    known = POOL_LABELS.get(key)
    if known:
        return tr.gettext(known)
    country, kind = key
    country_name = tr.gettext(COUNTRY_NAMES[country]) if country in COUNTRY_NAMES else country
    kind_name = tr.pick(kind, CITY_KINDS.get(kind, ("", kind))[1])
    return tr.gettext("{country} {kind}", country=country_name, kind=kind_name).strip()


@dataclass(frozen=True)
class YearValue:
    value: float
    year: int



def _codes(column: pd.Series) -> tuple[np.ndarray, tuple[str, ...]]:
    """Integer codes and the names they stand for, read straight from a categorical column
    (the bundled data's ids are categoricals: no pass over the rows' strings)."""
    if not isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype(str).astype("category")
    names = tuple(str(name) for name in column.cat.categories)
    return column.cat.codes.to_numpy(), names


def _recode(codes: np.ndarray, names: Sequence[str], position: Mapping[str, int]) -> np.ndarray:
    """`codes` over `names` turned into positions in another order (-1 stays -1)."""
    table = np.array([position.get(name, -1) for name in names] + [-1], dtype=np.int64)
    return table[codes]  # code -1 picks the table's last entry

class Panel:
    """Indicator matrices over one Dataset: rows are cities, columns are consecutive years."""

    def __init__(self, dataset: Dataset) -> None:
        # weakly: the panel cache keys on the dataset, and a strong reference from its value
        # would keep every dataset ever compared (each import, each number style) alive
        self._dataset = weakref.ref(dataset)
        obs = dataset.observations
        known = list(dataset.cities)
        city_codes, city_names = _codes(obs["city_id"])
        used = np.bincount(city_codes[city_codes >= 0], minlength=len(city_names)) > 0
        extra = sorted({name for name, is_used in zip(city_names, used, strict=True)
                        if is_used} - set(known))
        self.city_ids: tuple[str, ...] = (*known, *extra)
        self.city_row: dict[str, int] = {c: i for i, c in enumerate(self.city_ids)}
        years = obs["year"].to_numpy()
        if len(years):
            self.first_year, last = int(years.min()), int(years.max())
        else:
            self.first_year, last = 0, -1
        self.years = np.arange(self.first_year, last + 1)
        self._rows = _recode(city_codes, city_names, self.city_row)
        self._cols = (years.astype(np.int64) - self.first_year) if len(years) else years
        self._values = obs["value"].to_numpy(dtype=float)
        codes, self.source_ids = _codes(obs["source_id"])
        self._sources = codes.astype(np.int16)
        self._source_rows = obs["source_row"].to_numpy()
        self._source_columns = (obs["source_column"].to_numpy(dtype=object)
                                if "source_column" in obs else None)
        codes, names = _codes(obs["indicator_id"])
        order = np.argsort(codes, kind="stable")
        # rows per indicator, counted: searchsorted on the int8 codes first widened all 12 M
        # of them (0.2 s of a 3,000-place load; bench/scale_bench.py)
        counts = np.bincount(codes[codes >= 0], minlength=len(names))
        bounds = np.concatenate(([0], np.cumsum(counts))) + int((codes < 0).sum())
        self._positions = {
            name: order[bounds[i]:bounds[i + 1]] for i, name in enumerate(names)
        }
        self._matrices: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._pools: dict[tuple[str, str], np.ndarray] = {}
        self._sorted_pools: dict[tuple[str, str], tuple] = {}
        self._breaks: dict[tuple[str, str], list[SeriesBreak]] = {}
        self._break_indicators = {i for b in dataset.series_breaks for i in b.indicator_ids}
        self._provenance_parts: dict[tuple[str, int], tuple] = {}
        self._lock = threading.Lock()
        self._kinds = [
            pool_key(dataset.cities[c]) if c in dataset.cities else ("", "imported")
            for c in self.city_ids
        ]

    # --- matrices -------------------------------------------------------------------------
    def _build(self, indicator_id: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        values = np.full((len(self.city_ids), len(self.years)), np.nan)
        sources = np.full(values.shape, -1, dtype=np.int16)
        positions = np.full(values.shape, -1, dtype=np.int32)
        rows = self._positions.get(indicator_id)
        if rows is not None and len(rows):
            rows = rows[::-1]  # the first row of a duplicated cell wins, as in Dataset.observation
            keep = self._rows[rows] >= 0
            rows = rows[keep]
            r, c = self._rows[rows], self._cols[rows]
            values[r, c] = self._values[rows]
            sources[r, c] = self._sources[rows]
            positions[r, c] = rows
        for array in (values, sources, positions):
            array.flags.writeable = False
        return values, sources, positions

    def matrix(self, indicator_id: str) -> np.ndarray:
        """Cities x years values of one indicator (read-only; NaN where there is no value)."""
        return self._pair(indicator_id)[0]

    def source_codes(self, indicator_id: str) -> np.ndarray:
        """Cities x years index into `source_ids` (-1 where there is no value)."""
        return self._pair(indicator_id)[1]

    def positions(self, indicator_id: str) -> np.ndarray:
        """Cities x years row of each value in the dataset's observations (-1: no value)."""
        return self._pair(indicator_id)[2]

    def source_codes_at(self, positions: np.ndarray) -> np.ndarray:
        """The source code (index into `source_ids`) of the observations at `positions`
        (see `positions`); -1 where the position is -1."""
        if not len(self._sources):  # no observations: every position is -1
            return np.full(np.shape(positions), -1)
        return np.where(positions >= 0, self._sources[np.maximum(positions, 0)], -1)

    def provenance(self, indicator_id: str, position: int) -> Provenance | None:
        """Where the observation at `position` (see `positions`) came from: the same as
        Dataset.observation(...).provenance, without searching the series for the year."""
        code = int(self._sources[position])
        parts = self._provenance_parts.get((indicator_id, code))
        if parts is None:
            source_id = self.source_ids[code]
            source = self.dataset.sources.get(source_id)
            field = self.dataset.indicators[indicator_id].field_for(source_id)
            parts = self._provenance_parts[(indicator_id, code)] = (
                source, field.column if field else "", field.source_unit if field else "")
        source, field_column, source_unit = parts
        if source is None:
            return None
        column = (self._source_columns[position] if self._source_columns is not None
                  else None)
        return Provenance(
            source,
            int(self._source_rows[position]),
            (column if isinstance(column, str) and column else None) or field_column,
            source_unit,
        )

    def _pair(self, indicator_id: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        found = self._matrices.get(indicator_id)
        if found is None:
            self.dataset.indicator(indicator_id)  # raises UnknownIndicatorError
            with self._lock:
                found = self._matrices.get(indicator_id)
                if found is None:
                    found = self._build(indicator_id)
                    self._matrices[indicator_id] = found
        return found

    # --- rows and columns -----------------------------------------------------------------
    def row_of(self, city_id: str) -> int:
        try:
            return self.city_row[city_id]
        except KeyError:
            raise UnknownCityError(name=city_id) from None

    def rows_of(self, city_ids: Sequence[str]) -> np.ndarray:
        return np.array([self.row_of(c) for c in city_ids], dtype=np.intp)

    def col_of(self, year: int) -> int | None:
        col = int(year) - self.first_year
        return col if 0 <= col < len(self.years) else None

    def cols_between(self, start: int | None, end: int | None) -> slice:
        lo = 0 if start is None else max(0, int(start) - self.first_year)
        hi = len(self.years) if end is None else max(0, int(end) - self.first_year + 1)
        return slice(lo, min(hi, len(self.years)))

    def value(self, city_id: str, indicator_id: str, year: int) -> float | None:
        col = self.col_of(year)
        if col is None:
            return None
        value = self.matrix(indicator_id)[self.row_of(city_id), col]
        return None if np.isnan(value) else float(value)

    def value_at_or_before(
        self, city_id: str, indicator_id: str, year: int | None
    ) -> YearValue | None:
        """The value in `year`, else the latest earlier one (None when there is none)."""
        row = self.matrix(indicator_id)[self.row_of(city_id)]
        if year is None:
            return None
        col = min(int(year) - self.first_year, len(self.years) - 1)
        if col < 0:
            return None
        have = np.flatnonzero(~np.isnan(row[: col + 1]))
        if not len(have):
            return None
        last = int(have[-1])
        return YearValue(float(row[last]), int(self.years[last]))

    def sources_used(self, indicator_id: str, rows: np.ndarray, cols: slice) -> set[str]:
        """Ids of the sources of the values in these rows and year columns."""
        codes = self.source_codes(indicator_id)[rows, cols]
        return {self.source_ids[c] for c in np.unique(codes) if c >= 0}

    # --- pools ----------------------------------------------------------------------------
    def pool_key_of(self, city_id: str) -> tuple[str, str]:
        return self._kinds[self.row_of(city_id)]

    def pool_rows(self, key: tuple[str, str]) -> np.ndarray:
        """Row indices of every city in a comparable pool."""
        found = self._pools.get(key)
        if found is None:
            found = np.array([i for i, k in enumerate(self._kinds) if k == key], dtype=np.intp)
            self._pools[key] = found
        return found

    def sorted_pools(self, key: tuple[str, str], indicator_ids: Sequence[str]
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A pool's values sorted up each year column, for ranking selected cities among their
        pool without sorting on every change: (ordered, count, index), where
        `ordered[index[i], :count[index[i], col], col]` are the pool's values of
        `indicator_ids[i]` in year column `col` (NaN after them). The stack has a layer per
        indicator of the dataset; a layer is filled the first time it is asked for."""
        stack = self._sorted_pools.get(key)
        if stack is None:
            names = list(self.dataset.indicators)
            rows = self.pool_rows(key)
            stack = self._sorted_pools[key] = (
                np.full((len(names), len(rows), len(self.years)), np.nan),
                np.zeros((len(names), len(self.years)), dtype=np.intp),
                np.zeros(len(names), dtype=bool),
                {name: i for i, name in enumerate(names)},
            )
        ordered, count, filled, position = stack
        index = np.array([position[i] for i in indicator_ids], dtype=np.intp)
        for indicator_id, layer in zip(indicator_ids, index, strict=True):
            if not filled[layer]:
                block = self.matrix(indicator_id)[self.pool_rows(key)]
                ordered[layer] = np.sort(block, axis=0)
                count[layer] = (~np.isnan(block)).sum(axis=0)
                filled[layer] = True
        return ordered, count, index

    def break_notes(self, city_ids: Sequence[str], indicator_id: str) -> tuple[str, ...]:
        """The English notes of the series breaks of these cities' `indicator_id`, each once,
        in the cities' order."""
        if indicator_id not in self._break_indicators:
            return ()
        notes: list[str] = []
        for city_id in city_ids:
            for series_break in self.breaks_for(city_id, indicator_id):
                if series_break.note_en not in notes:
                    notes.append(series_break.note_en)
        return tuple(notes)

    def breaks_for(self, city_id: str, indicator_id: str) -> list[SeriesBreak]:
        """Dataset.breaks_for, remembered (asked for every cell on every change)."""
        found = self._breaks.get((city_id, indicator_id))
        if found is None:
            found = self._breaks[(city_id, indicator_id)] = self.dataset.breaks_for(
                city_id, indicator_id)
        return found

    @property
    def dataset(self) -> Dataset:
        found = self._dataset()
        if found is None:  # a panel is only reached through panel_for(its dataset)
            raise ReferenceError("the panel's dataset is gone")
        return found

    def pool_ids(self, city_id: str) -> list[str]:
        """Ids of the cities `city_id` is ranked among (itself included)."""
        return [self.city_ids[i] for i in self.pool_rows(self.pool_key_of(city_id))]


_CACHE: weakref.WeakKeyDictionary[Dataset, Panel] = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def panel_for(dataset: Dataset) -> Panel:
    """The Panel of a dataset, built on first use and kept while the dataset lives."""
    found = _CACHE.get(dataset)
    if found is None:
        with _CACHE_LOCK:
            found = _CACHE.get(dataset)
            if found is None:
                found = Panel(dataset)
                _CACHE[dataset] = found
    return found


def selection_ids(focus_id: str, peer_ids: Iterable[str]) -> list[str]:
    """Focus first, then the peers in order, without duplicates or the focus itself."""
    return [focus_id, *[p for p in dict.fromkeys(peer_ids) if p != focus_id]]
