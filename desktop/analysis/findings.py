"""Findings: the 3-5 things a reader should know first about the focus city (issue 15).

Candidates, each scored so that different kinds compare (a score of 1 is "clearly notable"):
- gap to the peer median (desktop.analysis.comparison): |gap| / 50 % for levels, / 5 points
  for indicators measured in percent;
- change over 5 and 10 years relative to the peers' median change over the same window
  (desktop.analysis.profile_metrics): |difference| / (5 % x years) for levels, / (1 point x
  years) for percent indicators; peers whose window holds a series break or a suspect value
  are left out of that median;
- a series break of the focus city inside a change window: the change is not comparable and
  is never stated; the finding says so, scored as the change would have been (at most
  MAX_BREAK_SCORE), and each set of break years is said once, for its best-scored indicator;
- lead or lag: rank 1 or last among at least three ranked cities, a fixed LEAD_SCORE.
Only values of the compared year count (a city's older fallback value would read as this
year's), suspect values never feed a finding (the comparison masks them unless
include_suspect), at most one finding per indicator (its best-scored), highest scores first.
Words such as "better" or "worse" appear only where the indicator declares
`higher_is_better`; otherwise the sentence says "higher" or "lower".
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace

from desktop.analysis.comparison import IndicatorComparison, Profile
from desktop.analysis.profile_metrics import IndicatorMetrics, profile_metrics
from desktop.analysis.sentences import label_in_sentence
from desktop.core.catalog import Indicator
from desktop.core.dataset import Dataset
from desktop.text.translator import N_, Translator, as_translator

HORIZONS = (5, 10)
#: An indicator that is itself a year-on-year rate (real GDP growth, a 同比 price index): the
#: change between two single years of it is noise, not a finding ("growth changed by +12.6 pp
#: since 2016" compares one bad year with one good one).
YEAR_ON_YEAR = re.compile(r"growth|yoy|year[- _]on[- _]year|增长率|增速|同比", re.IGNORECASE)
YEAR_ON_YEAR_UNITS = frozenset({"index_yoy"})
LEAD_SCORE = 0.75
#: a break is worth saying, not worth crowding out every real difference
MAX_BREAK_SCORE = 1.5
MIN_RANKED = 3

GAP_TEXT = {
    (True, None): N_("{city}'s {indicator} is {gap} above the peer median ({year})."),
    (False, None): N_("{city}'s {indicator} is {gap} below the peer median ({year})."),
    (True, True): N_("{city} does better than its peers on {indicator}: {gap} above the "
                     "peer median ({year})."),
    (False, True): N_("{city} does worse than its peers on {indicator}: {gap} below the "
                      "peer median ({year})."),
    (True, False): N_("{city} does worse than its peers on {indicator}: {gap} above the "
                      "peer median, where lower is better ({year})."),
    (False, False): N_("{city} does better than its peers on {indicator}: {gap} below the "
                       "peer median, where lower is better ({year})."),
}
CHANGE_TEXT = {
    None: N_("Over {years} years ({start}-{end}) {city}'s {indicator} changed by {change}, "
             "the peers' median by {peer_change}."),
    True: N_("Over {years} years ({start}-{end}) {city}'s {indicator} changed by {change}, "
             "the peers' median by {peer_change}: better than its peers."),
    False: N_("Over {years} years ({start}-{end}) {city}'s {indicator} changed by {change}, "
              "the peers' median by {peer_change}: worse than its peers."),
}
BREAK_TEXT = N_("{city}'s {indicator} over {years} years ({start}-{end}) is not comparable: "
                "the series breaks in {breaks}.")
RANK_TEXT = {
    ("first", None): N_("{city} has the highest {indicator} of the {count} cities compared "
                        "({year})."),
    ("last", None): N_("{city} has the lowest {indicator} of the {count} cities compared "
                       "({year})."),
    ("first", True): N_("{city} ranks first of the {count} cities compared on {indicator} "
                        "({year})."),
    ("last", True): N_("{city} ranks last of the {count} cities compared on {indicator} "
                       "({year})."),
}
POINTS_TEXT = N_("{points} pp")
#: the heading above the findings (report) or the strip's name (window)
TITLE = N_("Findings")


@dataclass(frozen=True)
class Finding:
    """One ranked sentence about the focus city."""

    indicator_id: str
    kind: str  # gap, change, break, rank
    score: float
    text: str
    #: for a break: its years ("2016"), to say each break once
    detail: str = ""


#: Findings about a year more than this many years before the profile's usual (most common)
#: year are ranked lower,
#: by STALE_FACTOR for each further year.
STALE_AFTER_YEARS = 2
STALE_FACTOR = 0.7


def findings(dataset: Dataset, profile: Profile, lang: str | Translator = "en",
             limit: int = 5, include_suspect: bool = False) -> list[Finding]:
    """The `limit` best findings of `profile` (built from `dataset`), best first."""
    tr = as_translator(lang)
    rows = [r for r in profile.rows if _usable(r, include_suspect)]
    if not rows or not profile.peer_ids:
        return []
    metrics = profile_metrics(dataset, profile.focus_id, profile.peer_ids,
                              [r.indicator_id for r in rows], profile.requested_year,
                              HORIZONS, include_suspect=include_suspect)
    city = dataset.cities[profile.focus_id].name(tr.lang)
    years = Counter(r.year for r in rows if r.year is not None)
    latest = max(years, key=lambda y: (years[y], y))  # the profile's usual year
    best: list[Finding] = []
    for row in rows:
        indicator = dataset.indicator(row.indicator_id)
        said = _Sayer(tr, city, indicator, row)
        candidates = [*_gap(said, row), *_rank(said, row),
                      *_changes(said, metrics.row(row.indicator_id))]
        if candidates:
            found = max(candidates, key=lambda f: f.score)
            # a comparison of long ago says less about the city now: a 2008 gap must not
            # lead a 2021 profile (the sentence keeps its year either way)
            age = latest - (row.year if row.year is not None else latest)
            if age > STALE_AFTER_YEARS:
                fade = STALE_FACTOR ** (age - STALE_AFTER_YEARS)
                found = replace(found, score=found.score * fade)
            best.append(found)
    best.sort(key=lambda f: -f.score)
    return _one_per_break(best)[:limit]


def _one_per_break(ranked: list[Finding]) -> list[Finding]:
    """One restatement touches many indicators: say it once (the best-scored), not five times;
    the other indicators' changes across it stay unsaid."""
    seen: set[str] = set()
    out = []
    for finding in ranked:
        if finding.kind == "break":
            if finding.detail in seen:
                continue
            seen.add(finding.detail)
        out.append(finding)
    return out


def _usable(row: IndicatorComparison, include_suspect: bool) -> bool:
    """A focus value of the compared year that is not suspect (unless the user counts them)."""
    focus = row.focus
    return (focus.value is not None and focus.year is not None and focus.year == row.year
            and (include_suspect or focus.suspect is None))


@dataclass(frozen=True)
class _Sayer:
    """What every sentence about one indicator needs."""

    tr: Translator
    city: str
    indicator: Indicator
    row: IndicatorComparison

    @property
    def in_points(self) -> bool:
        return self.row.gap_unit == "pp"

    def amount(self, value: float, signed: bool) -> str:
        """'12%' / '+3.1 pp' (Chinese: '+3.1个百分点')."""
        if self.in_points:
            points = f"{value:+.1f}" if signed else f"{value:.1f}"
            return self.tr.gettext(POINTS_TEXT, points=points.replace("-", "−"))
        # a minus sign, not a hyphen: as the tables print negative gaps
        return (f"{value:+,.0f}%" if signed else f"{value:,.0f}%").replace("-", "−")

    def finding(self, kind: str, score: float, template: str, detail: str = "",
                **values: object) -> Finding:
        label = label_in_sentence(self.indicator, self.tr)
        return Finding(self.indicator.id, kind, score,
                       self.tr.gettext(template, city=self.city, indicator=label, **values),
                       detail)


def _gap(said: _Sayer, row: IndicatorComparison) -> list[Finding]:
    gap = row.focus.gap
    if gap is None or gap == 0:
        return []
    score = abs(gap) / (5.0 if said.in_points else 50.0)
    template = GAP_TEXT[(gap > 0, said.indicator.higher_is_better)]
    return [said.finding("gap", score, template, gap=said.amount(abs(gap), signed=False),
                         year=row.year)]


def _rank(said: _Sayer, row: IndicatorComparison) -> list[Finding]:
    rank, count = row.focus.rank, row.ranked_count
    if rank is None or count < MIN_RANKED or rank not in (1, count):
        return []
    if rank == count and any(p.rank == count for p in row.peers):
        return []  # a shared last place is no finding
    # ranks already follow higher_is_better: first is the best, whichever way that is
    judged = said.indicator.higher_is_better is not None or None
    template = RANK_TEXT[("first" if rank == 1 else "last", judged)]
    return [said.finding("rank", LEAD_SCORE, template, count=count, year=row.year)]


def is_year_on_year(indicator: Indicator) -> bool:
    """Whether the indicator is a rate of change from the year before (see YEAR_ON_YEAR)."""
    names = (indicator.id, indicator.label_en, indicator.label_zh)
    return indicator.unit in YEAR_ON_YEAR_UNITS or any(YEAR_ON_YEAR.search(n) for n in names)


def _changes(said: _Sayer, metrics: IndicatorMetrics) -> list[Finding]:
    if is_year_on_year(said.indicator):
        return []
    out = []
    for h in HORIZONS:
        change = metrics.focus.change(h)
        if change is None or change.start_value is None or change.suspect_years:
            continue
        peers = [c.change(h) for c in metrics.peers]
        peer_changes = [p.change for p in peers
                        if p is not None and p.change is not None and not p.break_years]
        if not peer_changes:
            continue
        peer_median = statistics.median(peer_changes)
        scale = (1.0 if said.in_points else 5.0) * h
        window = {"years": h, "start": change.start_year, "end": change.end_year}
        if change.has_break:
            raw = change.change if change.change is not None else 0.0
            breaks = said.tr.join(str(y) for y in sorted(change.break_years))
            out.append(said.finding(
                "break", min(abs(raw - peer_median) / scale, MAX_BREAK_SCORE), BREAK_TEXT,
                detail=breaks, breaks=breaks, **window))
            continue
        if change.change is None:
            continue
        difference = change.change - peer_median
        hib = said.indicator.higher_is_better
        verdict = None if hib is None or difference == 0 else (difference > 0) == hib
        out.append(said.finding(
            "change", abs(difference) / scale, CHANGE_TEXT[verdict],
            change=said.amount(change.change, signed=True),
            peer_change=said.amount(peer_median, signed=True), **window))
    return out
