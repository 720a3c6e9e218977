"""What the Structure tab shows: location quotients, shift-share and time distance, as data.

The Structure view receives a StructureSpec and words it (its sentences are the UI's, in
Qt's translations); every read of the dataset happens here, Qt-free: the years its boxes
offer and start at (`structure_years`) and the three sections for the years and basis
chosen in them (`structure_spec`). A section that cannot be computed says why as a code
(`problem`), never as a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from desktop.analysis.panel import panel_for, pool_label
from desktop.analysis.structure import (
    SECTORS,
    LocationQuotients,
    ShiftShare,
    location_quotients,
    shift_share,
)
from desktop.analysis.time_distance import TimeDistance, time_distance
from desktop.core.dataset import Dataset
from desktop.core.errors import CityProfilesError
from desktop.core.units import DisplayScale
from desktop.session.selection import Selection

VA_IDS = tuple(f"va_{s}" for s in SECTORS)
SHARE_IDS = {
    "gdp": tuple(f"gdp_share_{s}" for s in SECTORS),
    "employment": tuple(f"employment_share_{s}" for s in SECTORS),
}
SECTIONS = ("lq", "shift", "distance")


def years_with(dataset: Dataset, city_id: str, indicator_ids: Sequence[str]) -> list[int]:
    """The years in which the city has every one of these indicators."""
    if not all(i in dataset.indicators for i in indicator_ids):
        return []
    panel = panel_for(dataset)
    row = panel.row_of(city_id)
    present = np.ones(len(panel.years), dtype=bool)
    for indicator_id in indicator_ids:
        present &= ~np.isnan(panel.matrix(indicator_id)[row])
    return [int(y) for y in panel.years[present]]


def amount_scale(dataset: Dataset) -> DisplayScale:
    """How the shift-share shows amounts: the display scale of the value-added indicators
    (亿元 as bundled, bn yuan in the international number style), with one decimal less than
    the profile table shows (亿元 to 0.1)."""
    display = dataset.indicator(VA_IDS[0]).display
    return DisplayScale(display.factor, display.suffix_en, display.suffix_zh,
                        max(display.decimals - 1, 0))


def _year(selection: Selection) -> int | None:
    """The toolbar's year when it is one ("latest shared" and "each city's latest": None)."""
    return selection.year if isinstance(selection.year, int) else None


@dataclass(frozen=True)
class StructureYears:
    """What the year boxes offer (a range; None: no data) and start at."""

    shift_range: tuple[int, int] | None
    shift_default: tuple[int, int] | None
    target_range: tuple[int, int] | None
    target_default: int | None


def structure_years(dataset: Dataset, selection: Selection) -> StructureYears:
    """Shift-share: the focus city's sector years, from 10 years before the latest year it
    shares with its peers to that year. Time distance: the selected year, else 10 years before
    the latest year the focus shares with its peers."""
    focus, peers = selection.focus_id, selection.peer_ids
    own = years_with(dataset, focus, VA_IDS)
    shift_range = shift_default = None
    if own:
        shared = set(own)
        for peer in peers:
            theirs = set(years_with(dataset, peer, VA_IDS))
            if theirs and shared & theirs:
                shared &= theirs
        latest = max(shared)
        shift_range, shift_default = (own[0], own[-1]), (max(latest - 10, own[0]), latest)
    ids = (selection.indicator_id,)
    mine = years_with(dataset, focus, ids)
    every = sorted({y for c in (focus, *peers) for y in years_with(dataset, c, ids)})
    target_range = target_default = None
    if every:
        target_range = (every[0], every[-1])
        target_default = _year(selection)
        if target_default is None:
            shared = set(mine)
            for peer in peers:
                theirs = set(years_with(dataset, peer, ids))
                if shared & theirs:
                    shared &= theirs
            latest = max(shared) if shared else every[-1]
            target_default = max(latest - 10, every[0])
    return StructureYears(shift_range, shift_default, target_range, target_default)


@dataclass(frozen=True)
class StructureChoice:
    """The Structure tab's own controls."""

    basis: str = "gdp"  # of the location quotients: "gdp" (value added) or "employment"
    start: int = 0  # of the shift-share
    end: int = 0
    target_year: int = 0  # of the time distance: the level of this year


@dataclass(frozen=True)
class LqSection:
    basis: str
    year: int | None
    #: "" (drawn), "no_sector_data" (no year with sector data), "no_data_in_year", "error"
    problem: str
    results: Mapping[str, LocationQuotients]  # the focus city first; peers with data
    pool: str  # the reference: the focus city's comparable pool, named in the language
    error: str = ""  # with problem "error": the exception's name


@dataclass(frozen=True)
class ShiftSection:
    start: int
    end: int
    #: "" (drawn), "no_sector_data", "order" (start not before end), "missing_years", "error"
    problem: str
    result: ShiftShare | None
    scale: DisplayScale | None
    pool: str
    breaks: tuple[tuple[int, str], ...] = ()  # series breaks inside the period: year, note
    error: str = ""


@dataclass(frozen=True)
class Distance:
    """One peer's time distance: a result, or why there is none ("no_values" or the name of
    an unexpected error)."""

    peer_id: str
    result: TimeDistance | None
    problem: str = ""


@dataclass(frozen=True)
class DistanceSection:
    year: int
    problem: str  # "" (drawn), "no_peers", "no_indicator"
    distances: tuple[Distance, ...]
    notes: tuple[str, ...]  # series breaks of the cities compared


@dataclass(frozen=True)
class StructureSpec:
    """The sections asked for (None: not recomputed) and the names the view words them with."""

    focus_id: str
    peer_ids: tuple[str, ...]
    lang: str
    names: Mapping[str, str]
    lq: LqSection | None
    shift: ShiftSection | None
    distance: DistanceSection | None


def structure_spec(dataset: Dataset, selection: Selection, choice: StructureChoice,
                   lang: str = "en", sections: Sequence[str] = SECTIONS) -> StructureSpec:
    """The sections of the Structure tab for this selection and the tab's controls."""
    cities = (selection.focus_id, *selection.peer_ids)
    return StructureSpec(
        selection.focus_id, tuple(selection.peer_ids), lang,
        {c: dataset.cities[c].name(lang) for c in cities},
        _lq(dataset, selection, choice.basis, lang) if "lq" in sections else None,
        _shift(dataset, selection, choice, lang) if "shift" in sections else None,
        _distance(dataset, selection, choice.target_year, lang)
        if "distance" in sections else None)


def lq_year(dataset: Dataset, selection: Selection, basis: str) -> int | None:
    """The latest year, up to the selected one, of the focus city's sector shares (or value
    added, on the GDP basis)."""
    focus = selection.focus_id
    years = set(years_with(dataset, focus, SHARE_IDS[basis]))
    if basis == "gdp":
        years |= set(years_with(dataset, focus, VA_IDS))
    chosen = _year(selection)
    if chosen is not None:
        years = {y for y in years if y <= chosen}
    return max(years) if years else None


def _lq(dataset: Dataset, selection: Selection, basis: str, lang: str) -> LqSection:
    focus = selection.focus_id
    pool = pool_label(panel_for(dataset).pool_key_of(focus), lang)
    year = lq_year(dataset, selection, basis)
    if year is None:
        return LqSection(basis, None, "no_sector_data", {}, pool)
    try:
        results = {focus: location_quotients(dataset, focus, year, basis)}
    except CityProfilesError:
        return LqSection(basis, year, "no_data_in_year", {}, pool)
    except Exception as error:  # a message in the tab, never a traceback
        return LqSection(basis, year, "error", {}, pool, type(error).__name__)
    for peer in selection.peer_ids:
        try:
            results[peer] = location_quotients(dataset, peer, year, basis)
        except Exception:  # a peer without data shows dashes
            continue
    return LqSection(basis, year, "", results, pool)


def _shift(dataset: Dataset, selection: Selection, choice: StructureChoice,
           lang: str) -> ShiftSection:
    focus, start, end = selection.focus_id, choice.start, choice.end
    pool = pool_label(panel_for(dataset).pool_key_of(focus), lang)
    if not years_with(dataset, focus, VA_IDS):
        return ShiftSection(start, end, "no_sector_data", None, None, pool)
    if start >= end:
        return ShiftSection(start, end, "order", None, None, pool)
    try:
        result = shift_share(dataset, focus, start, end)
    except CityProfilesError:
        return ShiftSection(start, end, "missing_years", None, None, pool)
    except Exception as error:  # a message in the tab, never a traceback
        return ShiftSection(start, end, "error", None, None, pool, error=type(error).__name__)
    breaks: dict[str, int] = {}
    for indicator_id in VA_IDS:
        for b in dataset.breaks_for(result.city_id, indicator_id):
            if result.start_year < b.year <= result.end_year:
                breaks.setdefault(b.note(lang), b.year)
    return ShiftSection(start, end, "", result, amount_scale(dataset), pool,
                        tuple((year, note) for note, year in breaks.items()))


def _distance(dataset: Dataset, selection: Selection, year: int,
              lang: str) -> DistanceSection:
    if not selection.peer_ids:
        return DistanceSection(year, "no_peers", (), ())
    indicator = dataset.indicators.get(selection.indicator_id)
    if indicator is None:
        return DistanceSection(year, "no_indicator", (), ())
    panel = panel_for(dataset)
    matrix = panel.matrix(selection.indicator_id)
    col = panel.col_of(year)
    lower = indicator.higher_is_better is False
    distances: list[Distance] = []
    notes: list[str] = []
    for peer in selection.peer_ids:
        city, target = selection.focus_id, peer
        if col is not None:
            mine = matrix[panel.row_of(city), col]
            theirs = matrix[panel.row_of(peer), col]
            if not np.isnan(mine) and not np.isnan(theirs) and (
                    mine < theirs if lower else mine > theirs):
                city, target = peer, selection.focus_id  # the one behind is the subject
        try:
            result = time_distance(dataset, city, target, selection.indicator_id, year)
        except CityProfilesError:
            distances.append(Distance(peer, None, "no_values"))
            continue
        except Exception as error:  # a message in the tab
            distances.append(Distance(peer, None, type(error).__name__))
            continue
        distances.append(Distance(peer, result))
        for cid in (city, target):
            for b in dataset.breaks_for(cid, selection.indicator_id):
                text = b.note(lang)
                if text not in notes:
                    notes.append(text)
    return DistanceSection(year, "", tuple(distances), tuple(notes))
