"""The spec of each chart tab, from the data, the selection and the chart controls.

Chart widgets receive specs and never compute them: the chart panel asks here for the visible
tab's spec and hands it to the tab's widget (`set_spec`). Plain Python, no Qt, so what a tab
shows for a selection is tested without a window. The modules of the tabs other than Over time
are imported when their tab is first drawn (start-up imports only the chart over time).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from desktop.analysis.charts import over_time_spec
from desktop.analysis.panel import panel_for
from desktop.core.dataset import Dataset
from desktop.core.errors import CityProfilesError
from desktop.session.chart_options import ChartOptions
from desktop.session.selection import Selection

if TYPE_CHECKING:
    from desktop.analysis.chart_spec import LineChartSpec
    from desktop.analysis.map_spec import MapSpec
    from desktop.analysis.ranking import RankingSpec
    from desktop.analysis.scatter import ScatterSpec
    from desktop.analysis.small_multiples import SmallMultiplesSpec

#: The chart panel's tabs, in their order.
OVER_TIME, RANKING, SCATTER, MULTIPLES, STRUCTURE, MAP = range(6)
#: The tabs whose chart is drawn from a spec made here (Structure has its own sections:
#: desktop.session.structure_spec).
SPEC_TABS = frozenset({OVER_TIME, RANKING, SCATTER, MULTIPLES, MAP})
#: Indicators the small multiples show first (those the focus city has), then the rest.
HEADLINE = ("gdp", "gdp_per_capita", "gdp_real_growth", "population_registered",
            "average_wage", "gdp_share_tertiary", "employment", "fdi_utilised", "gdp_real_usd",
            "jobs", "gdp_usd_current")
NOT_CHARTED = frozenset({"exchange_rate"})
MAX_PANELS = 9
#: Scatter points sized by resident population (常住), else registered (户籍) where none.
POPULATION = ("population_resident", "population_registered")
#: Scatter trails go back this many years from the scatter's year.
TRAIL_YEARS = 10
#: The scatter's indicators until the user picks others.
DEFAULT_X, DEFAULT_Y = "gdp_per_capita", "gdp_real_growth"

@dataclass(frozen=True)
class TabChart:
    """A tab's spec and the indicators it shows (their definitions go with its exports and
    the caption says when their yuan were converted)."""

    spec: LineChartSpec | RankingSpec | ScatterSpec | SmallMultiplesSpec | MapSpec
    indicator_ids: tuple[str, ...]


def chart_spec(dataset: Dataset, selection: Selection, options: ChartOptions, tab: int,
               lang: str = "en") -> TabChart:
    """The spec of `tab` (one of SPEC_TABS) for this selection under these controls.

    `dataset` is in the view's currency; the ranking, the scatter and the map take their
    year from the controls (`options.year`), the others draw every year. Raises CityProfilesError
    when the chart cannot be drawn (e.g. money in two currencies on one axis)."""
    if tab == OVER_TIME:
        return _over_time(dataset, selection, options, lang)
    if tab == RANKING:
        return _ranking(dataset, selection, options, lang)
    if tab == SCATTER:
        return _scatter(dataset, selection, options, lang)
    if tab == MULTIPLES:
        return _multiples(dataset, selection, options, lang)
    if tab == MAP:
        return _map(dataset, selection, options, lang)
    raise ValueError(f"tab {tab} is not drawn from a spec")


def background_ids(dataset: Dataset, selection: Selection, options: ChartOptions) -> list[str]:
    """The focus city's comparable pool, drawn faintly, when the controls ask for it."""
    if not options.background:
        return []
    chosen = {selection.focus_id, *selection.peer_ids}
    return [c for c in panel_for(dataset).pool_ids(selection.focus_id) if c not in chosen]


def multiples_indicators(dataset: Dataset, selection: Selection) -> list[str]:
    """The chosen indicator first, then headline ones the focus city has (at most 9)."""
    have = [i for i in dataset.indicators_of(selection.focus_id) if i not in NOT_CHARTED]
    ordered = [selection.indicator_id, *[h for h in HEADLINE if h in have], *sorted(have)]
    return [i for i in dict.fromkeys(ordered) if i in have][:MAX_PANELS]


def _over_time(dataset: Dataset, selection: Selection, options: ChartOptions,
               lang: str) -> TabChart:
    spec = over_time_spec(
        dataset, selection.focus_id, selection.peer_ids, selection.indicator_id,
        mode=options.mode, log_y=options.log_y, year_range=(options.start, options.end),
        base_year=options.base_year, band=options.band,
        background_ids=background_ids(dataset, selection, options),
        lang=lang, include_suspect=options.include_suspect)
    return TabChart(spec, (selection.indicator_id,))


def _ranking(dataset: Dataset, selection: Selection, options: ChartOptions,
             lang: str) -> TabChart:
    from desktop.analysis.ranking import ranking_spec  # with its tab: not at the start

    spec = ranking_spec(dataset, selection.focus_id, selection.peer_ids,
                        selection.indicator_id, options.year, lang=lang,
                        include_suspect=options.include_suspect)
    return TabChart(spec, (selection.indicator_id,))


def _scatter(dataset: Dataset, selection: Selection, options: ChartOptions,
             lang: str) -> TabChart:
    from desktop.analysis.scatter import scatter_spec

    x = options.x_indicator or DEFAULT_X
    y = options.y_indicator or DEFAULT_Y
    size = None
    if options.size_by_population:
        have = set(dataset.indicators_of(selection.focus_id))
        size = next((p for p in POPULATION if p in have), None)
    spec = scatter_spec(dataset, selection.focus_id, selection.peer_ids, x, y, options.year,
                        size_indicator=size,
                        trail_years=TRAIL_YEARS if options.trails else None,
                        background_ids=background_ids(dataset, selection, options),
                        log_x=options.log_x, lang=lang)
    return TabChart(spec, tuple(i for i in (x, y, size) if i))


def _multiples(dataset: Dataset, selection: Selection, options: ChartOptions,
               lang: str) -> TabChart:
    """One panel per indicator; an indicator that cannot be drawn (money in two currencies
    without conversion) is left out, and only when none can is it an error."""
    from desktop.analysis.small_multiples import small_multiples_spec

    specs = []
    for indicator_id in multiples_indicators(dataset, selection):
        try:
            specs.append(small_multiples_spec(
                dataset, selection.focus_id, selection.peer_ids, [indicator_id],
                mode=options.mode, log_y=options.log_y,
                year_range=(options.start, options.end), base_year=options.base_year,
                lang=lang, include_suspect=options.include_suspect))
        except CityProfilesError:
            continue
    if not specs:
        raise CityProfilesError()
    sources = sorted({s for spec in specs for s in spec.source_line.split("; ") if s})
    spec = replace(specs[0], panels=tuple(p for s in specs for p in s.panels),
                   source_line="; ".join(sources))
    return TabChart(spec, tuple(dict.fromkeys(p.indicator_id for p in spec.panels)))


def _map(dataset: Dataset, selection: Selection, options: ChartOptions, lang: str) -> TabChart:
    """Every mapped city coloured by the indicator in the year box's year (None: the year
    most places have; LATEST_EACH: each place's latest), the focus and peers outlined."""
    from desktop.analysis.map_geometry import load_geometry  # with its tab: not at the start
    from desktop.analysis.map_spec import map_spec

    spec = map_spec(dataset, load_geometry(), selection.focus_id, selection.peer_ids,
                    selection.indicator_id, options.year, lang, options.include_suspect)
    return TabChart(spec, (selection.indicator_id,))
