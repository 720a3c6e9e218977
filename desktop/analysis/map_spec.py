"""What a map shows, described without Qt: Chinese prefecture-level cities as polygons and US
metros as points, coloured by one indicator in one year, the focus and peers outlined.

- Classes: quintiles of the mapped values (five classes with about as many places each), so
  a skewed indicator (GDP, population) still spreads over the whole ramp; the legend says
  "quintiles" and gives each class's range. Fewer distinct values give fewer classes.
- When both countries have values, each has its own quintiles (a class group per country,
  its own legend, and a note saying so): on one scale almost every US metro fell in the top
  class of money per person and the map said nothing about the US metros' differences.
- Suspect values (breaks register) are drawn in the charts' suspect grey with their reason
  in the hover read-out and are left out of the class breaks, unless the user includes them.
- Places without a value are the lighter 'no data' grey, never left out of the map.
- Projection: longitude x cos(35°) against latitude (an equal-area cylindrical projection
  with standard parallel 35°N; China spans 18-53°N, so shapes stay recognisable). US metros are
  far away: they go in a second panel with the same projection at 38°N.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from desktop.analysis.charts import chart_values, cross_country_notes
from desktop.analysis.latest_each import common_year
from desktop.analysis.map_geometry import MapGeometry
from desktop.analysis.panel import panel_for
from desktop.analysis.selection_cube import LATEST_EACH, YearRule
from desktop.core.dataset import Dataset
from desktop.text.translator import N_, translator

#: ColorBrewer YlGnBu, 5 classes: sequential, readable in grey print, and clear of the focus
#: red and the suspect grey.
RAMP = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
NO_DATA = "#e4e4e4"
SUSPECT = "#8a8a8a"  # the ranking's and profile table's grey for suspect values
FOCUS = "#c0292b"  # desktop.report.palette.FOCUS: the focus city's colour everywhere
PEER = "#111111"
CN_PARALLEL = 35.0
US_PARALLEL = 38.0
#: The views' initial extents (degrees): rings entirely south of 17°N (the South China Sea
#: islands) and metros outside the 48 contiguous states would shrink the map to a corner.
CN_FIT_SOUTH = 17.0
US_FIT = (-130.0, 24.0, -60.0, 50.0)
NO_CLASS, SUSPECT_CLASS = -1, -2

_WORDS: dict[str, str] = {  # English msgids; Chinese in the text catalogue
    'title': N_('{label}, {year}'),
    'title_each': N_("{label}, each city's latest year"),
    'legend': N_('Quintiles ({count} places)'),
    'legend_few': N_('Classes of equal count ({count} places)'),
    'legend_each': N_('Quintiles within each country'),
    'legend_each_few': N_('Classes of equal count within each country'),
    'legend_cn': N_('China ({count} places)'),
    'legend_us': N_('US metros ({count} places)'),
    'per_country': N_('Each country has its own classes (quintiles of its own places), '
                      'so a colour ranks a place within its country: the same colour in '
                      'China and the US is not the same value.'),
    'no_data': N_('No data'),
    'suspect': N_('Suspect value (not classed)'),
    'suspect_included': N_('Suspect value (classed, as you chose)'),
    'best_year': N_('{year} is the year with the most mapped places ({count}).'),
    'each_years': N_("Values are each place's latest, from {first} to {last}."),
    'no_outline': N_('Not on the map (no outline in the census boundary file): {cities}.'),
    'geometry': N_("Outlines: 2020 census city boundaries (simplified to {tolerance}°); US metros "
                   "at the Census Bureau's internal points (2020 Gazetteer)."),
    'us_panel': N_('US metropolitan areas'),
    'locator_title': N_('Where the places are'),
    'locator_alt': N_('Map locating {names}'),
    'outside': N_('Outside the first view of the map (pan to see them): {cities}.'),
    'cn_panel': N_('China, prefecture-level cities'),
}


#: A year in a read-out: '2019' / '2019年' (in parentheses).
YEAR_OF = N_("{year}")


def word(key: str, lang: str, **values: object) -> str:
    """A map phrase in `lang`, from the text catalogue."""
    return translator(lang).gettext(_WORDS[key], **values)


@dataclass(frozen=True)
class MapClass:
    lower: float  # display units, inclusive
    upper: float  # display units, inclusive
    color: str
    count: int


@dataclass(frozen=True)
class ClassGroup:
    """The classes of one colour scale: the whole map ("") or one country's panel ("cn",
    "us") when each country is classed on its own."""

    panel: str
    title: str  # its heading: what the classes are and how many places (per country: which)
    classes: tuple[MapClass, ...]


@dataclass(frozen=True)
class MapPlace:
    """One place on the map; `rings` (projected x, y arrays) for a polygon place, `point`
    for a metro. `role` is "focus", "peer" or "other"."""

    city_id: str
    label: str
    panel: str  # "cn" | "us"
    rings: tuple[np.ndarray, ...]
    point: tuple[float, float] | None
    value: float | None  # display units
    year: int | None
    class_index: int  # >= 0, NO_CLASS or SUSPECT_CLASS
    color: str
    role: str
    suspect: str = ""


@dataclass(frozen=True)
class MapSpec:
    indicator_id: str
    title: str
    unit_suffix: str
    decimals: int
    year: int | None
    places: tuple[MapPlace, ...]
    #: one group for one scale, one per country when each country has its own classes
    class_groups: tuple[ClassGroup, ...]
    legend_title: str  # what the classes are, with the unit
    no_data_label: str
    suspect_label: str
    panel_titles: dict[str, str]
    source_line: str
    notes: tuple[str, ...]
    currency: str | None = None
    lang: str = "en"
    #: what each panel is fitted to, projected (x0, y0, x1, y1): China without the South China
    #: Sea islands, the US without Alaska, Hawaii and Puerto Rico (drawn, reached by panning)
    extents: dict[str, tuple[float, float, float, float]] | None = None

    @property
    def classes(self) -> tuple[MapClass, ...]:
        """Every class of every group (a place's class_index is within its group)."""
        return tuple(c for group in self.class_groups for c in group.classes)

    @property
    def per_country(self) -> bool:
        return any(group.panel for group in self.class_groups)

    def group_of(self, place: MapPlace) -> ClassGroup | None:
        """The class group `place` is coloured by (None when it has no class)."""
        return next((g for g in self.class_groups if g.panel in ("", place.panel)), None)

    @property
    def is_empty(self) -> bool:
        return not any(p.value is not None for p in self.places)

    def place(self, city_id: str) -> MapPlace | None:
        return next((p for p in self.places if p.city_id == city_id), None)

    def readout(self, place: MapPlace) -> str:
        """'Shenyang: 77,777 yuan (2019)', '沈阳市：907.01 万人（2020年）', or 'no data';
        a suspect value carries the register's reason."""
        words = translator(self.lang)
        colon = words.colon
        if place.value is None:
            return f"{place.label}{colon}{word('no_data', self.lang)}"
        number = f"{place.value:,.{self.decimals}f}"
        unit = f" {self.unit_suffix}" if self.unit_suffix else ""
        year = words.parens(words.gettext(YEAR_OF, year=place.year))
        text = f"{place.label}{colon}{number}{unit}{year}"
        return f"{text} ⚠ {place.suspect}" if place.suspect else text


def project(lon: np.ndarray, lat: np.ndarray, parallel: float) -> np.ndarray:
    """Equal-area cylindrical: x = lon·cos(parallel), y = sin(lat)/cos(parallel), in degrees
    of arc at the standard parallel (so a degree of latitude there is a degree on screen)."""
    c = math.cos(math.radians(parallel))
    x = np.asarray(lon, dtype=float) * c
    y = np.degrees(np.sin(np.radians(np.asarray(lat, dtype=float))) / c)
    return np.column_stack((x, y))


def quantile_classes(values: np.ndarray, count: int = len(RAMP)) -> list[tuple[float, float]]:
    """Up to `count` classes of about equal size over sorted `values`: (lower, upper) pairs
    that are actual values, never empty, never overlapping (ties stay in one class)."""
    ordered = np.sort(np.asarray(values, dtype=float))
    if not len(ordered):
        return []
    bounds: list[tuple[float, float]] = []
    start = 0
    n = len(ordered)
    for k in range(1, count + 1):
        end = max(start + 1, round(n * k / count))  # exclusive
        if start >= n:
            break
        end = min(end, n)
        # keep ties together: extend the class to the last equal value
        while end < n and ordered[end] == ordered[end - 1]:
            end += 1
        bounds.append((float(ordered[start]), float(ordered[end - 1])))
        start = end
    return bounds


def class_of(value: float, bounds: Sequence[tuple[float, float]]) -> int:
    for index, (_, upper) in enumerate(bounds):
        if value <= upper:
            return index
    return len(bounds) - 1


def map_spec(
    dataset: Dataset,
    geometry: MapGeometry,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_id: str,
    year: YearRule = None,
    lang: str = "en",
    include_suspect: bool = False,
) -> MapSpec:
    """The map of one indicator: every Chinese city with an outline and every US metro of the
    dataset. `year` None: the year in which most places have a value (the later on a tie);
    LATEST_EACH: each place's latest value, its year in the read-out."""
    indicator = dataset.indicator(indicator_id)
    cn_ids = [c for c in geometry.outlines if c in dataset.cities]
    us_ids = [c for c, city in dataset.cities.items()
              if city.kind == "us_metro" and c in geometry.points]
    city_ids = [*cn_ids, *us_ids]
    panel = panel_for(dataset)
    got = chart_values(dataset, panel, city_ids, dict.fromkeys(city_ids, indicator_id),
                       slice(None), None, lang)
    matrix, years = got.values, panel.years
    finite = np.isfinite(matrix)
    each = year == LATEST_EACH
    notes: list[str] = []
    if each:
        has = finite.any(axis=1)
        cols = np.where(has, finite.shape[1] - 1 - np.argmax(finite[:, ::-1], axis=1), -1)
        picked = [(float(matrix[i, c]), int(years[c])) if c >= 0 else None
                  for i, c in enumerate(cols)]
        found = [p[1] for p in picked if p]
        shown_year = common_year(found)
        if found:
            notes.append(word("each_years", lang, first=min(found), last=max(found)))
    else:
        if year is None:
            counts = finite.sum(axis=0)
            shown_year = (int(years[len(counts) - 1 - int(np.argmax(counts[::-1]))])
                          if len(counts) and counts.max() > 0 else None)
            if shown_year is not None:
                notes.append(word("best_year", lang, year=shown_year,
                                  count=int(counts.max())))
        else:
            shown_year = int(year)
        col = panel.col_of(shown_year) if shown_year is not None else None
        picked = [(float(matrix[i, col]), shown_year) if col is not None and finite[i, col]
                  else None for i in range(len(city_ids))]
    verdicts = dataset.suspects_by_indicator.get(indicator_id, {})
    suspect = {city_ids[i]: verdicts[(city_ids[i], p[1])].reason(lang)
               for i, p in enumerate(picked) if p and (city_ids[i], p[1]) in verdicts}
    factor = got.display.factor
    panel_of = {c: "cn" for c in cn_ids} | {c: "us" for c in us_ids}
    classed_by_panel: dict[str, list[float]] = {"cn": [], "us": []}
    for i, p in enumerate(picked):
        if p and (include_suspect or city_ids[i] not in suspect):
            classed_by_panel[panel_of[city_ids[i]]].append(p[0] / factor)
    # each country its own classes when both have values (one scale put almost every US
    # metro in the top class of money per person); else one scale for the whole map
    scales = ({"cn": "cn", "us": "us"} if all(classed_by_panel.values())
              else {"cn": "", "us": ""})
    values_of = ({"cn": np.array(classed_by_panel["cn"]),
                  "us": np.array(classed_by_panel["us"])} if scales["cn"]
                 else {"": np.array(classed_by_panel["cn"] + classed_by_panel["us"])})
    bounds_of = {scale: quantile_classes(values) for scale, values in values_of.items()}
    ramp_of = {scale: _ramp(len(bounds)) for scale, bounds in bounds_of.items()}
    peers = set(peer_ids) - {focus_id}
    places = []
    for i, city_id in enumerate(city_ids):
        value = picked[i][0] / factor if picked[i] else None
        reason = suspect.get(city_id, "")
        if value is None:
            index, color = NO_CLASS, NO_DATA
        elif reason and not include_suspect:
            index, color = SUSPECT_CLASS, SUSPECT
        else:
            scale = scales[panel_of[city_id]]
            index = class_of(value, bounds_of[scale])
            color = ramp_of[scale][index]
        role = "focus" if city_id == focus_id else "peer" if city_id in peers else "other"
        label = dataset.cities[city_id].name(lang)
        if city_id in geometry.outlines:
            rings = tuple(project(r[:, 0], r[:, 1], CN_PARALLEL)
                          for polygon in geometry.outlines[city_id].polygons for r in polygon)
            places.append(MapPlace(city_id, label, "cn", rings, None, value,
                                   picked[i][1] if picked[i] else None, index, color, role,
                                   reason))
        else:
            spot = geometry.points[city_id]
            xy = project(np.array([spot.lon]), np.array([spot.lat]), US_PARALLEL)[0]
            places.append(MapPlace(city_id, label, "us", (), (float(xy[0]), float(xy[1])),
                                   value, picked[i][1] if picked[i] else None, index, color,
                                   role, reason))
    suffix = got.display.suffix(lang)
    groups = []
    for scale, bounds in bounds_of.items():
        members = [p for p in places if scale in ("", p.panel)]
        classes = tuple(
            MapClass(lo, hi, ramp_of[scale][k],
                     int(sum(1 for p in members if p.class_index == k)))
            for k, (lo, hi) in enumerate(bounds))
        full = len(bounds) == len(RAMP)
        title = (word(f"legend_{scale}", lang, count=len(values_of[scale])) if scale
                 else word("legend" if full else "legend_few", lang,
                           count=len(values_of[scale])))
        groups.append(ClassGroup(scale, title, classes))
    legend = (word("legend_each" if all(len(g.classes) == len(RAMP) for g in groups)
                   else "legend_each_few", lang) if scales["cn"]
              else groups[0].title if groups else "")
    if scales["cn"]:
        notes.append(word("per_country", lang))
    extents, outside = _extents(places, geometry)
    marked = [p.label for p in places if p.role != "other" and p.city_id in outside]
    if marked:
        notes.append(word("outside", lang, cities=translator(lang).list_sep.join(marked)))
    unmapped = [c for c in (focus_id, *peer_ids) if c in dataset.cities
                and c not in geometry.outlines and c not in geometry.points]
    if unmapped:
        sep = translator(lang).list_sep
        notes.append(word("no_outline", lang, cities=sep.join(
            dataset.cities[c].name(lang) for c in dict.fromkeys(unmapped))))
    if indicator.notes(lang):
        notes.insert(0, indicator.notes(lang))
    shown = [c for i, c in enumerate(city_ids) if picked[i]]
    notes.extend(cross_country_notes(dataset, shown, bool(got.notes), lang))
    notes.extend(got.notes)
    notes.append(word("geometry", lang, tolerance=geometry.tolerance_deg))
    title = (word("title_each", lang, label=indicator.label(lang)) if each or shown_year is None
             else word("title", lang, label=indicator.label(lang), year=shown_year))
    return MapSpec(
        indicator_id=indicator_id,
        title=title,
        unit_suffix=suffix,
        decimals=got.display.decimals,
        year=shown_year,
        places=tuple(places),
        class_groups=tuple(groups),
        legend_title=(f"{legend}{translator(lang).comma}{suffix}" if suffix and legend
                      else legend),
        no_data_label=word("no_data", lang),
        suspect_label=word("suspect_included" if include_suspect else "suspect", lang),
        panel_titles={"cn": word("cn_panel", lang), "us": word("us_panel", lang)},
        source_line="; ".join(sorted(got.sources)),
        notes=tuple(n for n in dict.fromkeys(notes) if n),
        currency=got.currency,
        lang=lang,
        extents=extents,
    )


LOCATOR_OTHER = "#e8e8e8"
LOCATOR_PEER = "#4a4a4a"


def locator_spec(dataset: Dataset, geometry: MapGeometry, focus_id: str,
                 peer_ids: Sequence[str], lang: str = "en") -> MapSpec:
    """A locator map for the report: every Chinese city light grey, the focus red, peers
    dark grey; US metros only when the selection has one (else the US panel is left out)."""
    chosen = [focus_id, *[p for p in peer_ids if p != focus_id]]
    peers = set(chosen[1:])
    show_us = any(geometry.points.get(c) is not None for c in chosen)
    places = []
    for city_id, outline in geometry.outlines.items():
        role = "focus" if city_id == focus_id else "peer" if city_id in peers else "other"
        label = dataset.cities[city_id].name(lang) if city_id in dataset.cities else outline.name
        color = FOCUS if role == "focus" else LOCATOR_PEER if role == "peer" else LOCATOR_OTHER
        rings = tuple(project(r[:, 0], r[:, 1], CN_PARALLEL)
                      for polygon in outline.polygons for r in polygon)
        places.append(MapPlace(city_id, label, "cn", rings, None, None, None, NO_CLASS,
                               color, role))
    if show_us:
        for city_id, city in dataset.cities.items():
            spot = geometry.points.get(city_id)
            if city.kind != "us_metro" or spot is None:
                continue
            role = "focus" if city_id == focus_id else "peer" if city_id in peers else "other"
            xy = project(np.array([spot.lon]), np.array([spot.lat]), US_PARALLEL)[0]
            color = FOCUS if role == "focus" else LOCATOR_PEER if role == "peer" else "#cfcfcf"
            places.append(MapPlace(city_id, city.name(lang), "us", (),
                                   (float(xy[0]), float(xy[1])), None, None, NO_CLASS,
                                   color, role))
    extents, _ = _extents(places, geometry)
    unmapped = [c for c in chosen if c in dataset.cities
                and c not in geometry.outlines and c not in geometry.points]
    sep = translator(lang).list_sep
    notes = [word("no_outline", lang, cities=sep.join(dataset.cities[c].name(lang)
                                                       for c in unmapped))] if unmapped else []
    notes.append(word("geometry", lang, tolerance=geometry.tolerance_deg))
    return MapSpec(
        indicator_id="", title=word("locator_title", lang), unit_suffix="", decimals=0,
        year=None, places=tuple(places), class_groups=(), legend_title="",
        no_data_label="", suspect_label="",
        panel_titles={"cn": word("cn_panel", lang),
                      **({"us": word("us_panel", lang)} if show_us else {})},
        source_line="", notes=tuple(notes), lang=lang, extents=extents,
    )


def _extents(places: Sequence[MapPlace], geometry: MapGeometry
             ) -> tuple[dict[str, tuple[float, float, float, float]], set[str]]:
    """Each panel's fitted extent (projected), and the places left outside it."""
    outside: set[str] = set()
    cn_parts, us_parts = [], []
    for place in places:
        if place.panel == "cn":
            rings = [r for polygon in geometry.outlines[place.city_id].polygons for r in polygon]
            kept = [projected for ring, projected in zip(rings, place.rings, strict=True)
                    if ring[:, 1].max() >= CN_FIT_SOUTH]
            cn_parts.extend(kept)
            if not kept:
                outside.add(place.city_id)
        else:
            spot = geometry.points[place.city_id]
            west, south, east, north = US_FIT
            if west <= spot.lon <= east and south <= spot.lat <= north:
                us_parts.append(np.array([place.point]))
            else:
                outside.add(place.city_id)
    extents = {}
    for panel, parts in (("cn", cn_parts), ("us", us_parts)):
        if parts:
            xy = np.concatenate(parts)
            low, high = xy.min(axis=0), xy.max(axis=0)
            extents[panel] = (float(low[0]), float(low[1]), float(high[0]), float(high[1]))
    return extents, outside


def _ramp(count: int) -> tuple[str, ...]:
    """`count` colours spread over the ramp (both ends kept) for fewer than five classes."""
    if count >= len(RAMP):
        return RAMP
    if count <= 1:
        return (RAMP[len(RAMP) // 2],) * count
    step = (len(RAMP) - 1) / (count - 1)
    return tuple(RAMP[round(k * step)] for k in range(count))
