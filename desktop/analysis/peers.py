"""Peer finder: the k cities most similar to a focus city, and why.

The analyst picks indicators, weights, the year and the scaling; candidates are every other city
of the focus city's comparable pool (desktop.analysis.panel: Chinese prefecture-level cities and
municipalities, or US metro areas).

Method (tests/analysis/test_peers.py works examples by hand):
1. values are the cities' values in exactly the chosen year (no earlier-year fallback); the
   default year is the latest in which the focus city has the most of the chosen indicators
   and at least 80% as many candidates have all of them as in the best such year;
2. each indicator is scaled over the focus and all candidates that have it that year:
   - "zscore": (x - mean) / standard deviation (population, ddof = 0),
   - "minmax": (x - min) / (max - min),
   - "rank":   (average rank - 1) / (n - 1), so 0 = lowest, 1 = highest;
   an indicator whose values are all equal scales to 0 for everybody (it cannot separate);
3. weights are normalised to sum to 1 over the indicators the focus city has;
   d(c) = sqrt( sum_i w_i (s_i(c) - s_i(focus))^2 / sum_i w_i ), the sums over the indicators
   the candidate has; indicator i's share of the distance is w_i (s_i(c) - s_i(f))^2 divided by
   the sum (shares add up to 1; all 0 when the distance is 0);
4. missing values, said in the result (`MissingReport`):
   - an indicator the focus city lacks in that year is dropped for everyone;
   - policy "renormalise" (default): a candidate lacking some indicators is compared over the
     ones it has (the division by its own sum of weights keeps distances on one scale), provided
     those carry at least `min_coverage` (default one half) of the weight; otherwise excluded;
   - policy "exclude": a candidate lacking any indicator is excluded.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from desktop.analysis.panel import Panel, panel_for, pool_label
from desktop.analysis.peer_options import MISSING_POLICIES, SCALINGS
from desktop.core.dataset import Dataset
from desktop.core.errors import CityProfilesError
from desktop.text.translator import as_translator

#: Economic structure: level, size, sectors, wages, growth.
DEFAULT_INDICATORS = (
    "gdp_per_capita",
    "population_registered",
    "gdp_share_secondary",
    "gdp_share_tertiary",
    "average_wage",
    "gdp_real_growth",
)
#: Used when the focus city has none of the defaults (US metros).
FALLBACK_INDICATORS = ("gdp_real_usd", "jobs")


class PeerQueryError(CityProfilesError):
    """The peer query cannot be answered as asked (weights, scaling, k, year).

    Like the CLI's file errors, `why` is the key of the sentence saying why
    (desktop/report/i18n_text.py, 'peer_...') and `why_values` its values, so the edges can say
    it in Chinese too; `reason` is that sentence in English, for logs and callers that show it
    as it is. A city is named by `city_id` (and `city`, its English name)."""

    code = "invalid_peer_query"

    def __init__(self, why: str, **values: object) -> None:
        from desktop.text.phrases import reason_text

        super().__init__(reason=reason_text(why, "en", **values), why=why, why_values=values)

    @property
    def reason(self) -> str:
        """Why, in English."""
        return str(self.params["reason"])


@dataclass(frozen=True)
class PeerMatch:
    city_id: str
    distance: float
    contributions: dict[str, float]  # indicator -> share of the distance (sums to 1)
    missing: tuple[str, ...]  # indicators this city lacked (distance renormalised)
    values: dict[str, float]  # raw values used, canonical units


@dataclass(frozen=True)
class MissingReport:
    policy: str
    min_coverage: float
    pool_size: int  # candidates in the pool (focus excluded)
    compared: int  # candidates with a distance
    complete: int  # of those, with every indicator
    renormalised: int  # of those, compared over fewer indicators
    excluded: int  # candidates left out for missing values
    focus_missing: tuple[str, ...]  # indicators dropped because the focus city lacks them
    missing_by_indicator: dict[str, int] = field(default_factory=dict)  # candidates lacking each
    #: (city, indicator) values the breaks register judges suspect, treated as missing (never
    #: in a distance) unless the user includes suspect values
    suspect: tuple[tuple[str, str], ...] = ()
    include_suspect: bool = False
    #: city id -> (English, Chinese) name, for the cities in `suspect`
    suspect_cities: dict[str, tuple[str, str]] = field(default_factory=dict)

    def suspect_sentence(self, lang: str = "en", name: Callable[[str], str] = str) -> str:
        """Which suspect values were treated as missing (or counted), or "" when none;
        `name` names an indicator (as the peers table does)."""
        if not self.suspect:
            return ""
        tr = as_translator(lang)
        names = {c: tr.pick(*n) for c, n in self.suspect_cities.items()}
        where = tr.join(f"{names.get(c, c)} {name(i)}" for c, i in self.suspect)
        if self.include_suspect:
            return tr.gettext("suspect values counted in the distances: {where}", where=where)
        return tr.gettext("suspect values treated as missing, not in any distance: {where}",
                          where=where)

    def describe(self) -> str:
        """Who was compared over fewer indicators or left out, in English: the CLI's sentences
        (desktop/report/i18n_text.py, 'peers_...'), which agree with their counts ('1 of 292
        compared cities lacks', '2 of 292 … lack', 'all 297 … have every indicator')."""
        from desktop.text.phrases import text

        parts = []
        if self.focus_missing:
            parts.append(text("peers_dropped", indicators=", ".join(self.focus_missing)))
        if self.policy == "renormalise":
            parts.append(text("peers_renormalised", renormalised=self.renormalised,
                              compared=self.compared))
            parts.append(text("peers_excluded_weight", excluded=self.excluded,
                              pool=self.pool_size, coverage=f"{self.min_coverage:.0%}"))
        else:
            parts.append(text("peers_excluded_missing", excluded=self.excluded,
                              pool=self.pool_size))
        if self.suspect:
            parts.append(self.suspect_sentence())
        return "; ".join(parts) + "."


@dataclass(frozen=True)
class PeerResult:
    focus_id: str
    year: int
    indicators: tuple[str, ...]  # as used (after dropping the focus city's missing ones)
    weights: dict[str, float]  # normalised to sum to 1 over `indicators`
    scaling: str
    k: int
    pool_label: str
    matches: tuple[PeerMatch, ...]
    missing: MissingReport
    notes: tuple[str, ...]

    @property
    def peer_ids(self) -> tuple[str, ...]:
        return tuple(m.city_id for m in self.matches)


def parse_weights(text: str | None, indicators: Sequence[str]) -> dict[str, float]:
    """'2,1,1' (in indicator order) or 'gdp_per_capita=2,average_wage=0.5' (others 1)."""
    weights = {i: 1.0 for i in indicators}
    parts = [p.strip() for p in (text or "").split(",") if p.strip()]
    if not parts:
        return weights
    named = all("=" in p for p in parts)
    if not named and any("=" in p for p in parts):
        raise PeerQueryError("peer_weights_mixed")
    try:
        if named:
            for part in parts:
                key, _, number = part.partition("=")
                key = key.strip()
                if key not in weights:
                    raise _not_chosen([key], indicators)
                weights[key] = float(number)
        else:
            if len(parts) != len(indicators):
                raise PeerQueryError("peer_weights_count", weights_given=len(parts),
                                     indicators_chosen=len(indicators),
                                     indicators=", ".join(indicators))
            weights = {i: float(p) for i, p in zip(indicators, parts, strict=True)}
    except ValueError:
        raise PeerQueryError("peer_weights_not_numbers", text=repr(text)) from None
    check_weights(weights)
    return weights


def _not_chosen(names: Sequence[str], indicators: Sequence[str]) -> PeerQueryError:
    """Weights given for indicators that are not being compared."""
    return PeerQueryError("peer_weight_not_chosen" if len(names) == 1
                          else "peer_weights_not_chosen",
                          names=", ".join(repr(n) for n in names),
                          indicators=", ".join(indicators))


def check_weights(weights: Mapping[str, float]) -> None:
    if any(not math.isfinite(w) or w < 0 for w in weights.values()):
        raise PeerQueryError("peer_weights_negative")
    if not any(w > 0 for w in weights.values()):
        raise PeerQueryError("peer_weights_all_zero")


def default_indicators(dataset: Dataset, focus_id: str) -> tuple[str, ...]:
    """The economic-structure set, limited to what the focus city has (US metros: GDP, jobs)."""
    for candidates in (DEFAULT_INDICATORS, FALLBACK_INDICATORS):
        have = tuple(
            i for i in candidates if i in dataset.indicators and dataset.has_series(focus_id, i)
        )
        if have:
            return have
    return tuple(i for i in dataset.indicators_of(focus_id))


def _default_year(
    panel: Panel, focus_row: int, pool: Sequence[int], indicators: Sequence[str]
) -> int | None:
    """The latest year in which the focus city has the most of the chosen indicators and at
    least 80% as many candidates have all of them as in the best such year."""
    focus_has = np.vstack([~np.isnan(panel.matrix(i)[focus_row]) for i in indicators]).sum(axis=0)
    if not focus_has.any():
        return None
    years = np.flatnonzero(focus_has == focus_has.max())
    complete = np.ones((len(pool), len(panel.years)), dtype=bool)
    for indicator_id in indicators:
        complete &= ~np.isnan(panel.matrix(indicator_id)[pool])
    counts = complete.sum(axis=0)[years]
    good = years[counts >= 0.8 * counts.max()]
    return int(panel.years[good[-1]])


def scale(values: np.ndarray, method: str) -> np.ndarray:
    """Scale the non-NaN values of one indicator (NaN stays NaN); see the module docstring."""
    out = np.full(values.shape, np.nan)
    present = ~np.isnan(values)
    x = values[present]
    if not len(x):
        return out
    if method == "zscore":
        std = x.std()
        scaled = (x - x.mean()) / std if std > 0 else np.zeros_like(x)
    elif method == "minmax":
        span = x.max() - x.min()
        scaled = (x - x.min()) / span if span > 0 else np.zeros_like(x)
    elif method == "rank":
        order = np.argsort(x, kind="stable")
        ranks = np.empty(len(x))
        ranks[order] = np.arange(1, len(x) + 1)
        _, inverse = np.unique(x, return_inverse=True)  # tied values share their average rank
        average = (np.bincount(inverse, weights=ranks) / np.bincount(inverse))[inverse]
        scaled = (average - 1) / (len(x) - 1) if len(x) > 1 else np.zeros_like(x)
    else:
        raise _unknown_scaling(method)
    out[present] = scaled
    return out


def _unknown_scaling(method: str) -> PeerQueryError:
    return PeerQueryError("peer_unknown_scaling", name=repr(method), known=", ".join(SCALINGS))


def _suspects_in(dataset: Dataset, panel: Panel, rows: np.ndarray,
                 indicator_ids: Sequence[str], year: int) -> tuple[tuple[str, str], ...]:
    """(city, indicator) of the compared cities' suspect values in `year` that have a value
    (a look-up per indicator when none is suspect, the usual case)."""
    by_indicator = dataset.suspects_by_indicator
    if not any(i in by_indicator for i in indicator_ids):
        return ()
    col = panel.col_of(year)
    members = {int(r) for r in rows}
    found = []
    for indicator_id in indicator_ids:
        for city_id, when in by_indicator.get(indicator_id, {}):
            if when != year or city_id not in dataset.cities or col is None:
                continue
            row = panel.row_of(city_id)
            if row in members and not np.isnan(panel.matrix(indicator_id)[row, col]):
                found.append((city_id, indicator_id))
    return tuple(sorted(found))


def find_peers(
    dataset: Dataset,
    focus_id: str,
    indicator_ids: Sequence[str] | None = None,
    weights: Mapping[str, float] | None = None,
    year: int | None = None,
    k: int = 5,
    scaling: str = "zscore",
    missing: str = "renormalise",
    min_coverage: float = 0.5,
    exclude: Sequence[str] = (),
    include_suspect: bool = False,
) -> PeerResult:
    """The k most similar cities to `focus_id` in its comparable pool (see module docstring).
    A value the breaks register judges suspect is treated as missing (MissingReport.suspect)
    unless `include_suspect`."""
    if scaling not in SCALINGS:
        raise _unknown_scaling(scaling)
    if missing not in MISSING_POLICIES:
        raise PeerQueryError("peer_unknown_missing_policy", name=repr(missing),
                             known=", ".join(MISSING_POLICIES))
    if k < 1:
        raise PeerQueryError("peer_k_too_small", k=k)
    panel = panel_for(dataset)
    focus_row = panel.row_of(focus_id)
    requested = tuple(dict.fromkeys(indicator_ids or default_indicators(dataset, focus_id)))
    for indicator_id in requested:
        dataset.indicator(indicator_id)
    if not requested:
        raise PeerQueryError("peer_no_indicators")
    given = dict(weights) if weights is not None else {i: 1.0 for i in requested}
    unknown = set(given) - set(requested)
    if unknown:
        raise _not_chosen(sorted(unknown), requested)
    raw_weights = {i: float(given.get(i, 1.0)) for i in requested}
    check_weights(raw_weights)
    key = panel.pool_key_of(focus_id)
    skip = {focus_id, *exclude}
    pool = [int(r) for r in panel.pool_rows(key) if panel.city_ids[r] not in skip]
    target = year if year is not None else _default_year(panel, focus_row, pool, requested)
    name = dataset.cities[focus_id].name_en if focus_id in dataset.cities else focus_id
    if target is None:
        raise PeerQueryError("peer_no_data", city=name, city_id=focus_id)
    col = panel.col_of(target)
    if col is None:
        raise PeerQueryError("peer_year_out_of_range", city=name, city_id=focus_id,
                             year=target, first=int(panel.years[0]),
                             last=int(panel.years[-1]))
    rows = np.array([focus_row, *pool], dtype=np.intp)
    suspect = _suspects_in(dataset, panel, rows, requested, int(target))
    hidden = set() if include_suspect else set(suspect)
    focus_missing = tuple(
        i for i in requested if np.isnan(panel.matrix(i)[focus_row, col]) or raw_weights[i] == 0
        or (focus_id, i) in hidden
    )
    used = tuple(i for i in requested if i not in focus_missing)
    if not used:
        raise PeerQueryError("peer_no_data_in_year", city=name, city_id=focus_id, year=target)
    total = sum(raw_weights[i] for i in used)
    w = np.array([raw_weights[i] / total for i in used])
    raw = np.vstack([panel.matrix(i)[rows, col] for i in used]).T  # (1 + candidates, indicators)
    if hidden:  # a suspect value is no value: scaled, compared and counted as missing
        position = {int(r): n for n, r in enumerate(rows)}
        for city_id, indicator_id in hidden:
            if indicator_id in used:
                raw[position[panel.row_of(city_id)], used.index(indicator_id)] = np.nan
    scaled = np.column_stack([scale(raw[:, j], scaling) for j in range(len(used))])
    diff2 = (scaled[1:] - scaled[0]) ** 2  # NaN where a candidate lacks an indicator
    have = ~np.isnan(diff2)
    coverage = (have * w).sum(axis=1)
    if missing == "exclude":
        eligible = have.all(axis=1)
    else:
        eligible = (coverage >= min_coverage - 1e-12) & have.any(axis=1)
    weighted = np.where(have, diff2 * w, 0.0)
    sums = weighted.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        distance = np.sqrt(sums / np.where(coverage > 0, coverage, np.nan))
    candidates = np.flatnonzero(eligible)
    order = candidates[np.lexsort((
        np.array([panel.city_ids[pool[c]] for c in candidates]), distance[candidates]
    ))]
    matches = []
    for c in order[:k]:
        shares = weighted[c] / sums[c] if sums[c] > 0 else np.zeros(len(used))
        matches.append(PeerMatch(
            city_id=panel.city_ids[pool[c]],
            distance=float(distance[c]),
            contributions={
                i: float(shares[j]) for j, i in enumerate(used) if have[c, j]
            },
            missing=tuple(i for j, i in enumerate(used) if not have[c, j]),
            values={i: float(raw[c + 1, j]) for j, i in enumerate(used) if have[c, j]},
        ))
    complete = int(np.count_nonzero(eligible & have.all(axis=1)))
    report = MissingReport(
        policy=missing,
        min_coverage=min_coverage,
        pool_size=len(pool),
        compared=len(candidates),
        complete=complete,
        renormalised=len(candidates) - complete,
        excluded=len(pool) - len(candidates),
        focus_missing=focus_missing,
        missing_by_indicator={
            i: int(np.count_nonzero(~have[:, j])) for j, i in enumerate(used)
        },
        suspect=suspect,
        include_suspect=include_suspect,
        suspect_cities={c: (dataset.cities[c].name("en"), dataset.cities[c].name("zh"))
                        for c, _ in suspect},
    )
    counts = ", ".join(
        f"{i} {int(np.count_nonzero(~np.isnan(raw[:, j])))}" for j, i in enumerate(used)
    )
    notes = [
        f"Values of {target} only (no earlier years); each indicator scaled by {scaling} over "
        f"the cities with a value ({counts}).",
        report.describe(),
    ]
    breaks = {
        b.note_en for b in dataset.series_breaks
        if b.year == target and any(i in b.indicator_ids for i in used)
    }
    notes.extend(sorted(breaks))
    return PeerResult(
        focus_id=focus_id,
        year=int(target),
        indicators=used,
        weights={i: float(w[j]) for j, i in enumerate(used)},
        scaling=scaling,
        k=k,
        pool_label=pool_label(key),
        matches=tuple(matches),
        missing=report,
        notes=tuple(notes),
    )
