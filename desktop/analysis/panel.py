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
    kind_name = tr.gettext(CITY_KINDS[kind]) if kind in CITY_KINDS else kind
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
    # the Categorical's own codes (read-only); `.cat.codes` copies them into a new Series
    return column.array.codes, names


def _recode_table(names: Sequence[str], position: Mapping[str, int]) -> np.ndarray:
    """A table turning codes over `names` into positions in another order: `table[codes]`
    (-1 where a name has none; code -1 picks the last entry, -1 too)."""
    return np.array([position.get(name, -1) for name in names] + [-1], dtype=np.intp)


#: Provenances a panel remembers before starting again (a few MB).
_PROVENANCES_KEPT = 50_000


class IndicatorRows:
    """The row positions of each indicator in the table, ascending, found when first asked.

    A grouping of every row up front (a stable argsort of 12 M codes) was most of a
    3,000-place panel's build (bench/scale_bench.py). A saved table is sorted by city, then
    indicator, so an indicator's rows are a few thousand runs of consecutive rows: the runs
    are found in one pass and an indicator's positions are its runs spelt out. A table with
    many short runs (unsorted) is searched per indicator instead."""

    def __init__(self, codes: np.ndarray, names: Sequence[str]) -> None:
        self._codes = codes
        self._code_of = {name: code for code, name in enumerate(names)}
        self._runs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        if len(codes):
            starts = np.flatnonzero(codes[1:] != codes[:-1]) + 1
            if len(starts) < len(codes) // 8:  # long runs: worth keeping
                starts = np.concatenate(([0], starts))
                ends = np.append(starts[1:], len(codes))
                self._runs = (codes[starts], starts, ends)

    def __call__(self, name: str) -> np.ndarray:
        """Positions of `name`'s rows, ascending (empty when it has none)."""
        code = self._code_of.get(name)
        if code is None:
            return np.empty(0, dtype=np.intp)
        if self._runs is None:
            return np.flatnonzero(self._codes == code)
        run_codes, starts, ends = self._runs
        mine = np.flatnonzero(run_codes == code)
        first, lengths = starts[mine], ends[mine] - starts[mine]
        # consecutive positions per run: 0..total-1 shifted by each run's start
        shift = first - (np.cumsum(lengths) - lengths)
        return np.arange(int(lengths.sum()), dtype=np.intp) + np.repeat(shift, lengths)


class Panel:
    """Indicator matrices over one Dataset: rows are cities, columns are consecutive years."""

    def __init__(self, dataset: Dataset) -> None:
        # weakly: the panel cache keys on the dataset, and a strong reference from its value
        # would keep every dataset ever compared (each import, each number style) alive
        self._dataset = weakref.ref(dataset)
        obs = dataset.observations
        known = list(dataset.cities)
        city_codes, city_names = _codes(obs["city_id"])
        extra: list[str] = []
        if any(name not in dataset.cities for name in city_names):
            # only then count which categories are used (a pass over every row)
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
        # per row only the table's own columns (views, no copies); a matrix's rows and year
        # columns are worked out from them for its indicator's rows when it is built
        self._city_codes, self._years = city_codes, years
        self._city_table = _recode_table(city_names, self.city_row)
        self._values = obs["value"].to_numpy(dtype=float)
        self._sources, self.source_ids = _codes(obs["source_id"])
        self._source_rows = obs["source_row"].to_numpy()
        self._source_columns = (obs["source_column"].to_numpy(dtype=object)
                                if "source_column" in obs else None)
        codes, names = _codes(obs["indicator_id"])
        self._indicator_rows = IndicatorRows(codes, names)
        self._matrices: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._pools: dict[tuple[str, str], np.ndarray] = {}
        self._sorted_pools: dict[tuple[str, str], tuple] = {}
        self._breaks: dict[tuple[str, str], list[SeriesBreak]] = {}
        self._break_indicators = {i for b in dataset.series_breaks for i in b.indicator_ids}
        self._provenance_parts: dict[tuple[str, int], tuple] = {}
        self._provenances: dict[tuple[str, int], Provenance] = {}
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
        rows = self._indicator_rows(indicator_id)
        if len(rows):
            rows = rows[::-1]  # the first row of a duplicated cell wins, as in Dataset.observation
            r = self._city_table[self._city_codes[rows]]
            if r.min() < 0:  # rows of cities the panel does not know
                keep = r >= 0
                rows, r = rows[keep], r[keep]
            # one flat index for the three matrices (2-D fancy indexing works it out 3 times)
            cells = r * len(self.years) + (self._years[rows] - self.first_year)
            values.ravel()[cells] = self._values[rows]
            sources.ravel()[cells] = self._sources[rows]
            positions.ravel()[cells] = rows
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
        Dataset.observation(...).provenance, without searching the series for the year.
        Remembered: the profile table asks for every cell's on every change (~1,000 cells
        with 100 indicators)."""
        found = self._provenances.get((indicator_id, position))
        if found is not None:
            return found
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
        found = Provenance(
            source,
            int(self._source_rows[position]),
            (column if isinstance(column, str) and column else None) or field_column,
            source_unit,
        )
        if len(self._provenances) >= _PROVENANCES_KEPT:
            self._provenances.clear()
        self._provenances[(indicator_id, position)] = found
        return found

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
        `ordered[index[i], col, :count[index[i], col]]` are the pool's values of
        `indicator_ids[i]` in year column `col`, ascending (NaN after them; a column's values
        are contiguous, for binary search). The stack has a layer per indicator of the
        dataset; a layer is filled the first time it is asked for."""
        stack = self._sorted_pools.get(key)
        if stack is None:
            names = list(self.dataset.indicators)
            rows = self.pool_rows(key)
            stack = self._sorted_pools[key] = (
                # not filled: a layer is written whole when first asked for, and untouched
                # pages cost no memory (a 3,000-city pool's stack is ~90 MB; NaN-filling it
                # took 0.5 s; bench/scale_bench.py)
                np.empty((len(names), len(self.years), len(rows))),
                np.zeros((len(names), len(self.years)), dtype=np.intp),
                np.zeros(len(names), dtype=bool),
                {name: i for i, name in enumerate(names)},
            )
        ordered, count, filled, position = stack
        index = np.array([position[i] for i in indicator_ids], dtype=np.intp)
        for indicator_id, layer in zip(indicator_ids, index, strict=True):
            if not filled[layer]:
                block = self.matrix(indicator_id)[self.pool_rows(key)]
                ordered[layer] = np.sort(block, axis=0).T
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
