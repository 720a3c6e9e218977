"""Economic structure: location quotients and shift-share, for the three sectors the data has.

Location quotient of sector s in city c, year t:  LQ = share_c(s) / share_ref(s).
- basis "gdp": shares of value added. The city share is va_s / (va_primary + va_secondary +
  va_tertiary) when the city has all three value added figures, else its published GDP share
  (gdp_share_s), with a note. The reference share is the all-city aggregate of the pool
  (sum of va_s over the pool cities with all three sectors / sum of their totals), or, when no
  city has value added that year, the plain mean of the published shares, with a note.
- basis "employment": shares of employees on payroll (the CSMAR shares Eect08-10 are of
  单位从业人员, which match `employees`, not year-end `employment`). The city share is the
  published share; the reference is the employees-weighted aggregate over the pool
  (sum of share x employees / sum of employees), else the plain mean of shares, with a note.
The pool is the city's comparable pool (desktop.analysis.panel), the city itself included.

Shift-share of the change in a city's sector value added between two years (nominal yuan):
with e = city value added, E = reference (pool aggregate over cities with all three sectors
in both years), g = E_total(t1)/E_total(t0) - 1, g_s = E_s(t1)/E_s(t0) - 1,
c_s = e_s(t1)/e_s(t0) - 1:
    growth (national / all-city) effect  = e_s(t0) x g
    industry-mix effect                  = e_s(t0) x (g_s - g)
    competitive (local) effect           = e_s(t0) x (c_s - g_s)
and the three add up to e_s(t1) - e_s(t0).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop.analysis.panel import Panel, panel_for, pool_label
from desktop.core.dataset import Dataset
from desktop.core.errors import CityProfilesError

SECTORS = ("primary", "secondary", "tertiary")
BASES = ("gdp", "employment")


class StructureDataError(CityProfilesError):
    """The sector data needed is not there (params: city, year(s), basis, reason)."""

    code = "no_sector_data"


@dataclass(frozen=True)
class SectorLQ:
    sector: str
    city_share: float | None  # percent
    reference_share: float | None  # percent
    lq: float | None


@dataclass(frozen=True)
class LocationQuotients:
    city_id: str
    year: int
    basis: str
    sectors: tuple[SectorLQ, ...]
    reference_label: str
    reference_cities: int
    city_method: str  # "value_added" | "published_shares"
    reference_method: str  # "value_added" | "employees_weighted" | "mean_of_shares"
    notes: tuple[str, ...]

    def lq(self, sector: str) -> float | None:
        return next(s.lq for s in self.sectors if s.sector == sector)


def _va_matrix(panel: Panel, rows: np.ndarray, col: int) -> np.ndarray:
    """(cities, 3) value added by sector in one year."""
    return np.column_stack([panel.matrix(f"va_{s}")[rows, col] for s in SECTORS])


def location_quotients(
    dataset: Dataset, city_id: str, year: int, basis: str = "gdp"
) -> LocationQuotients:
    if basis not in BASES:
        raise StructureDataError(city=city_id, year=year, basis=basis, reason="unknown basis")
    panel = panel_for(dataset)
    key = panel.pool_key_of(city_id)
    pool = panel.pool_rows(key)
    row = panel.row_of(city_id)
    col = panel.col_of(year)
    if col is None:
        raise StructureDataError(city=city_id, year=year, basis=basis, reason="no data that year")
    notes: list[str] = []
    share_ids = [f"{'gdp' if basis == 'gdp' else 'employment'}_share_{s}" for s in SECTORS]
    have_shares = all(i in dataset.indicators for i in share_ids)
    shares = (
        np.column_stack([panel.matrix(i)[pool, col] for i in share_ids])
        if have_shares else np.full((len(pool), 3), np.nan)
    )
    own_shares = (
        np.array([panel.matrix(i)[row, col] for i in share_ids])
        if have_shares else np.full(3, np.nan)
    )
    if basis == "gdp" and all(f"va_{s}" in dataset.indicators for s in SECTORS):
        va = _va_matrix(panel, pool, col)
        complete = ~np.isnan(va).any(axis=1) & (va.sum(axis=1) > 0)
        own_va = _va_matrix(panel, np.array([row]), col)[0]
    else:
        va = np.empty((0, 3))
        complete = np.zeros(0, dtype=bool)
        own_va = np.full(3, np.nan)
    # the city's shares
    if basis == "gdp" and not np.isnan(own_va).any() and own_va.sum() > 0:
        city = own_va / own_va.sum() * 100
        city_method = "value_added"
    else:
        city = own_shares
        city_method = "published_shares"
        if basis == "gdp":
            notes.append("The city's shares are the published GDP shares (no value added).")
    if np.isnan(city).all():
        raise StructureDataError(city=city_id, year=year, basis=basis,
                                 reason="the city has no sector data that year")
    # the reference shares
    reference_method = "mean_of_shares"
    count = 0
    if basis == "gdp" and complete.any():
        totals = va[complete].sum(axis=0)
        reference = totals / totals.sum() * 100
        reference_method, count = "value_added", int(complete.sum())
    elif basis == "employment" and "employees" in dataset.indicators:
        weights = panel.matrix("employees")[pool, col]
        usable = ~np.isnan(shares).any(axis=1) & ~np.isnan(weights) & (weights > 0)
        if usable.any():
            reference = (shares[usable] * weights[usable, None]).sum(axis=0) / weights[
                usable].sum()
            reference_method, count = "employees_weighted", int(usable.sum())
    if reference_method == "mean_of_shares":
        usable = ~np.isnan(shares).any(axis=1)
        if not usable.any():
            raise StructureDataError(city=city_id, year=year, basis=basis,
                                     reason="no reference data that year")
        reference = shares[usable].mean(axis=0)
        count = int(usable.sum())
        notes.append(
            f"Reference shares are the plain mean of {count} cities' published shares "
            "(no totals to weight them)."
        )
    label = pool_label(key)
    notes.insert(0, f"Reference: all {label} with data in {year} ({count} cities), this city "
                    "included; LQ above 1 means more specialised than the reference.")
    if basis == "employment":
        notes.append("Employment shares are of employees on payroll (单位从业人员), not all "
                     "employed persons.")
    sectors = tuple(
        SectorLQ(
            s,
            None if np.isnan(city[i]) else float(city[i]),
            float(reference[i]),
            None if np.isnan(city[i]) or reference[i] <= 0 else float(city[i] / reference[i]),
        )
        for i, s in enumerate(SECTORS)
    )
    return LocationQuotients(city_id, int(year), basis, sectors, label, count, city_method,
                             reference_method, tuple(notes))


@dataclass(frozen=True)
class SectorShift:
    sector: str
    start_value: float
    end_value: float
    change: float
    growth_effect: float
    mix_effect: float
    competitive_effect: float
    city_growth: float  # % over the period
    reference_growth: float  # % over the period, this sector


@dataclass(frozen=True)
class ShiftShare:
    city_id: str
    start_year: int
    end_year: int
    sectors: tuple[SectorShift, ...]
    reference_growth: float  # %, all sectors
    reference_label: str
    reference_cities: int
    notes: tuple[str, ...]

    @property
    def total(self) -> SectorShift:
        """The sum over sectors (growth rates are of the totals)."""
        start = sum(s.start_value for s in self.sectors)
        end = sum(s.end_value for s in self.sectors)
        return SectorShift(
            "total", start, end, end - start,
            sum(s.growth_effect for s in self.sectors),
            sum(s.mix_effect for s in self.sectors),
            sum(s.competitive_effect for s in self.sectors),
            (end / start - 1) * 100 if start else float("nan"),
            self.reference_growth,
        )


def shift_share(dataset: Dataset, city_id: str, start_year: int, end_year: int) -> ShiftShare:
    """Shift-share of the change in sector value added (see the module docstring)."""
    if not all(f"va_{s}" in dataset.indicators for s in SECTORS):
        raise StructureDataError(city=city_id, start=start_year, end=end_year,
                                 reason="no sector value added in the dataset")
    panel = panel_for(dataset)
    key = panel.pool_key_of(city_id)
    pool = panel.pool_rows(key)
    row = panel.row_of(city_id)
    c0, c1 = panel.col_of(start_year), panel.col_of(end_year)
    if c0 is None or c1 is None or start_year >= end_year:
        raise StructureDataError(city=city_id, start=start_year, end=end_year,
                                 reason="years outside the data or not in order")
    e0 = _va_matrix(panel, np.array([row]), c0)[0]
    e1 = _va_matrix(panel, np.array([row]), c1)[0]
    if np.isnan(e0).any() or np.isnan(e1).any():
        raise StructureDataError(city=city_id, start=start_year, end=end_year,
                                 reason="the city lacks sector value added in one of the years")
    r0, r1 = _va_matrix(panel, pool, c0), _va_matrix(panel, pool, c1)
    both = ~np.isnan(r0).any(axis=1) & ~np.isnan(r1).any(axis=1)
    big0, big1 = r0[both].sum(axis=0), r1[both].sum(axis=0)
    g = big1.sum() / big0.sum() - 1
    g_s = big1 / big0 - 1
    sectors = []
    for i, sector in enumerate(SECTORS):
        c_s = e1[i] / e0[i] - 1 if e0[i] else float("nan")
        sectors.append(SectorShift(
            sector, float(e0[i]), float(e1[i]), float(e1[i] - e0[i]),
            float(e0[i] * g), float(e0[i] * (g_s[i] - g)), float(e0[i] * (c_s - g_s[i])),
            float(c_s * 100), float(g_s[i] * 100),
        ))
    label = pool_label(key)
    notes = [
        f"Reference: the sum over the {int(both.sum())} {label} with sector value added in "
        f"both {start_year} and {end_year}, this city included. Nominal yuan, not adjusted "
        "for prices.",
    ]
    for indicator_id in (f"va_{s}" for s in SECTORS):
        for b in dataset.breaks_for(city_id, indicator_id):
            note = f"Series break in {b.year} inside the period: {b.note_en}"
            if start_year < b.year <= end_year and note not in notes:
                notes.append(note)
    return ShiftShare(city_id, int(start_year), int(end_year), tuple(sectors), float(g * 100),
                      label, int(both.sum()), tuple(notes))
