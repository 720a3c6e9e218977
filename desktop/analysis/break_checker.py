"""The break checker: statistical candidates for series breaks and suspect values.

It proposes; a person decides (resources/breaks/register.json). Four tests, each on one series
(or one pair of series) at a time, plain numpy:

- **spike**: one value far from both neighbours in the same direction while the neighbours
  agree with each other (an isolated error: Chaoyang's 1994 population, Nanyang's 1997 growth);
  a spike whose ratio to the neighbours is close to 10, 100 or 1000 is reported as a
  **scale** slip;
- **level shift**: a year-on-year change that is an outlier among the series' own changes
  (robust z-score: distance from the median change over 1.4826 x MAD) and large in itself
  (10%, or 5 points), once the year's typical rise across the country is taken out
  (inflation in 1993-94 is not a break);
- **census cut**: GDP falling by more than 5% in a year whose real growth was positive;
- **denominator**: GDP / GDP per capita is the population a per-capita figure divides by;
  its ratio to the registered population leaving 1 (or coming back), or jumping after a
  steady year, means the denominator changed (户籍 to resident, a census revising the
  resident population), although neither series jumps by itself.

Neighbours are the adjacent observations when they are at most `MAX_GAP` years apart.
Changes of level indicators are log changes; of indicators in percent, differences in points.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from desktop.core.breaks_register import BreaksRegister
from desktop.core.dataset import Dataset
from desktop.text.translator import N_, Message, Translator

MAX_GAP = 2
#: A spike departs from each neighbour by more than this factor (level indicators) ...
SPIKE_FACTOR = 2.0
#: ... or by more than this many points and this multiple of the neighbours (percent ones).
SPIKE_POINTS = 20.0
#: The neighbours agree when they differ by less than this share of the smaller departure.
NEIGHBOUR_AGREEMENT = 0.5
#: log10 distance to a power of ten that still counts as a scale slip.
SCALE_TOLERANCE = 0.12
#: A level shift: robust z above this and a change above `SHIFT_MIN_LOG` (about 10%) ...
SHIFT_Z = 5.0
SHIFT_MIN_LOG = math.log(1.1)
#: ... or, in points for percent indicators, above this.
SHIFT_MIN_POINTS = 5.0
#: GDP falling by more than this (log) while real growth is positive is a census-type cut.
CUT_MIN_LOG = -math.log(1.05)
#: The implied denominator is the registered population when within this (log) of it; it
#: switched when it moves from within to beyond `DENOMINATOR_LOG` (or back), or jumps by
#: more than `DENOMINATOR_JUMP` however it relates to the registered population.
DENOMINATOR_SAME = math.log(1.03)
DENOMINATOR_LOG = math.log(1.05)
DENOMINATOR_JUMP = math.log(1.5)
#: ... or moves by more than `DENOMINATOR_LOG` after a year in which it moved by less than
#: this (a census revising the resident population: Shenyang 1.101 -> 1.183 in 2020).
DENOMINATOR_STEADY = math.log(1.02)
MAD_SCALE = 1.4826
#: Places needed in a year before their median change counts as the year's typical change.
MIN_COMMON = 10

_GDP_LEVELS = ("gdp", "va_primary", "va_secondary", "va_tertiary")



@dataclass(frozen=True)
class Candidate:
    """One finding of the checker, with what a person needs to judge it."""

    city_id: str
    indicator_id: str
    year: int
    test: str  # "spike", "scale", "level_shift", "census_cut" or "denominator"
    value: float
    previous: float | None
    score: float  # the robust z, the factor, or the ratio jump: bigger is stranger
    words: Message
    registered: str | None = None  # the register entry that explains it, if any

    @property
    def detail(self) -> str:
        """What was found, in English (as --json gives it)."""
        return self.words.text()

    def detail_in(self, lang: str | Translator) -> str:
        return self.words.text(lang)

    def to_json(self) -> dict[str, object]:
        return {
            "city_id": self.city_id, "indicator_id": self.indicator_id, "year": self.year,
            "test": self.test, "value": self.value, "previous": self.previous,
            "score": round(self.score, 3), "detail": self.detail,
            "registered": self.registered,
        }


@dataclass(frozen=True)
class _Finding:
    year: int
    test: str
    value: float
    previous: float | None
    score: float
    words: Message

    @property
    def detail(self) -> str:
        return self.words.text()


def _neighbours(years: np.ndarray, i: int) -> tuple[int | None, int | None]:
    before = i - 1 if i > 0 and years[i] - years[i - 1] <= MAX_GAP else None
    after = i + 1 if i + 1 < len(years) and years[i + 1] - years[i] <= MAX_GAP else None
    return before, after


def check_series(years: np.ndarray, values: np.ndarray, in_percent: bool,
                 common: dict[int, float] | None = None) -> list[_Finding]:
    """Spikes, scale slips and level shifts of one series (years ascending). `common`: the
    typical change of this indicator into each year across the country's cities (inflation,
    a national redefinition), taken out before a change is judged."""
    keep = ~np.isnan(values)
    years, values = years[keep].astype(int), values[keep].astype(float)
    if len(values) < 3:
        return []
    logs = not in_percent and bool(np.all(values > 0))
    if not logs and not in_percent:
        return []  # a level series with zeros or negatives: no ratio to judge by
    found: list[_Finding] = []
    spikes: set[int] = set()
    for i in range(len(values)):
        spike = _spike(years, values, i, logs)
        if spike is not None:
            found.append(spike)
            spikes.add(i)
    found += _level_shifts(years, values, logs, spikes, common or {})
    return found


def _distance(a: float, b: float, logs: bool) -> float:
    return math.log(a / b) if logs else a - b


def _spike(years: np.ndarray, values: np.ndarray, i: int, logs: bool) -> _Finding | None:
    before, after = _neighbours(years, i)
    if before is None or after is None:
        return None
    value, left, right = values[i], values[before], values[after]
    up, down = _distance(value, left, logs), _distance(value, right, logs)
    if up * down <= 0:
        return None  # not away from both neighbours in the same direction
    smaller = min(abs(up), abs(down))
    agree = abs(_distance(right, left, logs)) < NEIGHBOUR_AGREEMENT * smaller
    if logs:
        large = smaller > math.log(SPIKE_FACTOR)
    else:
        base = max(abs(left), abs(right), 1.0)
        large = smaller > SPIKE_POINTS and abs(value) > SPIKE_FACTOR * base
    if not (agree and large):
        return None
    if logs:
        factor = value / math.sqrt(left * right)
        power = math.log10(factor)
        nearest = round(power)
        if nearest != 0 and abs(power - nearest) <= SCALE_TOLERANCE:
            return _Finding(int(years[i]), "scale", value, left, abs(factor),
                            Message(N_("x{factor:g} of its neighbours ({left:g}, {right:g})"),
                                  factor=10.0 ** nearest, left=left, right=right))
        return _Finding(int(years[i]), "spike", value, left, max(factor, 1 / factor),
                        Message(N_("{factor:.3g} x its neighbours ({left:g}, {right:g})"),
                              factor=factor, left=left, right=right))
    return _Finding(int(years[i]), "spike", value, left, abs(value) / base,
                    Message(N_("{value:g} between {left:g} and {right:g}"), value=value,
                          left=left, right=right))


def _level_shifts(years: np.ndarray, values: np.ndarray, logs: bool,
                  spikes: set[int], common: dict[int, float]) -> list[_Finding]:
    """Changes that are outliers among the series' own changes, after the year's typical
    rise (a spike's two changes are its own finding, not two shifts)."""
    steps = [i for i in range(1, len(values)) if years[i] - years[i - 1] <= MAX_GAP]
    if len(steps) < 4:
        return []
    raw = [_distance(values[i], values[i - 1], logs) for i in steps]
    # Only a common rise is taken out of a level series (inflation, growth); a common
    # fall is a national redefinition, a break in every city that had it.
    changes = np.array([c - (common.get(int(years[i]), 0.0) if not logs
                             else max(common.get(int(years[i]), 0.0), 0.0))
                        for c, i in zip(raw, steps, strict=True)])
    median = float(np.median(changes))
    mad = float(np.median(np.abs(changes - median))) * MAD_SCALE
    floor = SHIFT_MIN_LOG if logs else SHIFT_MIN_POINTS
    spread = max(mad, floor / SHIFT_Z)  # a very smooth series must not flag 1% wiggles
    out = []
    for i, change in zip(steps, changes.tolist(), strict=True):
        if i in spikes or i - 1 in spikes:
            continue
        z = (change - median) / spread
        own = raw[steps.index(i)]
        if abs(z) < SHIFT_Z or abs(change - median) < floor or abs(own) < floor:
            continue
        previous = float(values[i - 1])
        shown = (Message("{change:+.1f}%", change=(math.exp(own) - 1) * 100) if logs
                 else Message(N_("{change:+.1f} points"), change=own))
        out.append(_Finding(int(years[i]), "level_shift", float(values[i]), previous, abs(z),
                            Message(N_("{shown} from {year}, robust z {z:+.1f} after the typical "
                                     "change of the year"),
                                  shown=shown, year=int(years[i - 1]), z=z)))
    return out


def _census_cuts(dataset: Dataset, city_id: str, common: dict[int, float]) -> list[Candidate]:
    """GDP falling by more than 5% in a year whose real growth was positive; where the city
    has no real growth series, in a year when the country's typical city grew."""
    growth = dataset.series(city_id, "gdp_real_growth")
    series = dataset.series(city_id, "gdp").dropna()
    out = []
    items = list(series.items())
    for (y0, v0), (y1, v1) in itertools.pairwise(items):
        if y1 - y0 != 1 or v0 <= 0 or v1 <= 0:
            continue
        change = math.log(v1 / v0)
        if change >= CUT_MIN_LOG:
            continue
        real = growth.get(y1)
        if real is not None and real == real:
            if real <= 0:
                continue
            why = Message(N_("real growth was {real:+.1f}%"), real=real)
        elif common.get(int(y1), 0.0) > 0:
            why = Message(N_("the typical city's GDP rose {rise:+.1f}%"),
                        rise=(math.exp(common[int(y1)]) - 1) * 100)
        else:
            continue
        out.append(Candidate(city_id, "gdp", int(y1), "census_cut", float(v1), float(v0),
                             abs(change) * 100,
                             Message(N_("{change:+.1f}% nominal while {why}"),
                                   change=(v1 / v0 - 1) * 100, why=why)))
    return out


def _denominator_switches(dataset: Dataset, city_id: str) -> list[Candidate]:
    """Years where GDP / GDP per capita jumps against the registered population."""
    gdp = dataset.series(city_id, "gdp")
    per_head = dataset.series(city_id, "gdp_per_capita")
    population = dataset.series(city_id, "population_registered")
    if gdp.empty or per_head.empty or population.empty:
        return []
    ratio = (gdp / per_head / population).replace([np.inf, -np.inf], np.nan).dropna()
    ratio = ratio[ratio > 0]
    out = []
    items = list(ratio.items())
    steady = False  # whether the ratio moved little into the previous year
    for (y0, r0), (y1, r1) in itertools.pairwise(items):
        if y1 - y0 > MAX_GAP:
            steady = False
            continue
        jump = math.log(r1 / r0)
        before, after = abs(math.log(r0)), abs(math.log(r1))
        switched = (before < DENOMINATOR_SAME and after > DENOMINATOR_LOG) or (
            after < DENOMINATOR_SAME and before > DENOMINATOR_LOG)
        revised = steady and abs(jump) > DENOMINATOR_LOG
        steady = abs(jump) < DENOMINATOR_STEADY
        if switched or revised or abs(jump) > DENOMINATOR_JUMP:
            out.append(Candidate(
                city_id, "gdp_per_capita", int(y1), "denominator", float(per_head[y1]),
                float(per_head[y0]), abs(jump) * 100,
                Message(N_("GDP / GDP per capita is {r0:.3f} x the registered population in "
                         "{y0}, {r1:.3f} x in {y1}"), r0=r0, y0=y0, r1=r1, y1=y1)))
    return out


def check_dataset(dataset: Dataset, city_ids: Iterable[str] | None = None,
                  indicator_ids: Sequence[str] | None = None) -> list[Candidate]:
    """Every candidate of the chosen cities (default: all) and indicators (default: all),
    each marked with the register entry that explains it, sorted by city, indicator, year."""
    cities = list(dataset.cities) if city_ids is None else list(city_ids)
    indicators = list(dataset.indicators) if indicator_ids is None else list(indicator_ids)
    out: list[Candidate] = []
    commons: dict[tuple[str, str], dict[int, float]] = {}
    for city_id in cities:
        country = dataset.cities[city_id].country
        for indicator_id in indicators:
            years, values = dataset.arrays(city_id, indicator_id)
            if len(years) < 3:
                continue
            in_percent = dataset.indicators[indicator_id].unit == "percent"
            key = (country, indicator_id)
            if key not in commons:
                commons[key] = common_changes(dataset, indicator_id, country, in_percent)
            out += [Candidate(city_id, indicator_id, f.year, f.test, f.value, f.previous,
                              f.score, f.words)
                    for f in check_series(years, values, in_percent, commons[key])]
        if "gdp" in indicators:
            if (country, "gdp") not in commons:
                commons[country, "gdp"] = common_changes(dataset, "gdp", country, False)
            out += _census_cuts(dataset, city_id, commons[country, "gdp"])
        if "gdp_per_capita" in indicators:
            out += _denominator_switches(dataset, city_id)
    register = dataset.register
    marked = [_with_entry(c, register) for c in out]
    return sorted(marked, key=lambda c: (c.city_id, c.indicator_id, c.year, c.test))


def common_changes(dataset: Dataset, indicator_id: str, country: str,
                   in_percent: bool) -> dict[int, float]:
    """The median change of an indicator into each year over the country's places with a
    value in both years (log change, or points for percent indicators); years with fewer
    than `MIN_COMMON` places have none. Inflation in 1993-94 moved every city's GDP by ~+40%:
    that is not a break in any one city."""
    obs = dataset.observations
    rows = obs[(obs["indicator_id"] == indicator_id).to_numpy()]
    ids = [c for c in rows["city_id"].astype(str).unique()
           if c in dataset.cities and dataset.cities[c].country == country]
    rows = rows[rows["city_id"].astype(str).isin(ids).to_numpy()]
    if rows.empty:
        return {}
    wide = rows.pivot_table(index="city_id", columns="year", values="value", aggfunc="first",
                            observed=True)
    wide = wide.reindex(columns=range(int(wide.columns.min()), int(wide.columns.max()) + 1))
    matrix = wide.to_numpy(dtype=float)
    if not in_percent:
        with np.errstate(divide="ignore", invalid="ignore"):
            matrix = np.where(matrix > 0, np.log(np.where(matrix > 0, matrix, 1.0)), np.nan)
    steps = matrix[:, 1:] - matrix[:, :-1]
    out = {}
    for j, year in enumerate(list(wide.columns)[1:]):
        column = steps[:, j]
        column = column[~np.isnan(column)]
        if len(column) >= MIN_COMMON:
            out[int(year)] = float(np.median(column))
    return out


def explaining_entry(register: BreaksRegister, city_id: str, indicator_id: str,
                     year: int) -> str | None:
    """The register entry that explains a finding at this place, indicator and year: a
    break in that year or the next (a spike just before a break is the break's other side),
    a suspect value of that year, or a dismissal naming it."""
    for entry in register.select(city_id, indicator_id):
        years = set(entry.years)
        if entry.is_break or entry.status == "dismissed":
            years |= {y - 1 for y in entry.years}
        if year in years:
            return entry.id
    return None


def _with_entry(candidate: Candidate, register: BreaksRegister) -> Candidate:
    entry = explaining_entry(register, candidate.city_id, candidate.indicator_id,
                             candidate.year)
    if entry is None:
        return candidate
    return Candidate(candidate.city_id, candidate.indicator_id, candidate.year, candidate.test,
                     candidate.value, candidate.previous, candidate.score, candidate.words,
                     entry)
