"""Sparklines as tiny SVG drawn from the data: the at-a-glance table's trend column.

Why SVG text from plain Python: the same drawing goes inline into the HTML report and, rendered
by Qt's SVG renderer, into the printed table cell; no chart widget is needed for a line the
size of a word. The focus city is its report colour, the peer median grey and dashed, the
last focus value a dot.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

from desktop.core.dataset import Dataset
from desktop.report.model import Sparkline
from desktop.report.palette import FOCUS, MEDIAN

#: Size of a sparkline in layout units (1/96 inch): about two words of table text.
WIDTH, HEIGHT = 96, 20
#: Years shown: the latest this many years up to the comparison year.
SPAN = 15


def sparkline(dataset: Dataset, focus_id: str, peer_ids: Sequence[str], indicator_id: str,
              last_year: int | None, suspect: set[tuple[str, int]] | None = None
              ) -> Sparkline | None:
    """The focus city's series and the peer median per year over the SPAN years up to
    `last_year`, suspect values left out; None when the focus has fewer than two values."""
    if last_year is None:
        return None
    suspect = suspect or set()
    first = last_year - SPAN

    def values(city_id: str) -> dict[int, float]:
        # the series' own arrays: building a pandas table per row cost ~9 ms a sparkline
        years, numbers = dataset.arrays(city_id, indicator_id)
        return {year: value for year, value in zip(years.tolist(), numbers.tolist(), strict=True)
                if first < year <= last_year and value == value
                and (city_id, year) not in suspect}

    focus = sorted(values(focus_id).items())
    by_year: dict[int, list[float]] = {}
    for peer in peer_ids:
        for year, value in values(peer).items():
            by_year.setdefault(year, []).append(value)
    median = []
    for year in sorted(by_year):
        peers = sorted(by_year[year])
        middle = len(peers) // 2
        median.append((year, peers[middle] if len(peers) % 2
                       else (peers[middle - 1] + peers[middle]) / 2))
    line = Sparkline(tuple(focus), tuple(median))
    return None if line.is_empty else line


def sparkline_svg(line: Sparkline, width: int = WIDTH, height: int = HEIGHT) -> str:
    """The sparkline as a standalone SVG document of `width` x `height` user units."""
    points = [*line.focus, *line.median]
    years = [y for y, _ in points]
    values = [v for _, v in points]
    low, high = min(values), max(values)
    first, last = min(years), max(years)
    pad = 2.5

    def xy(year: int, value: float) -> str:
        x = pad + (width - 2 * pad) * (year - first) / max(last - first, 1)
        y = height - pad - (height - 2 * pad) * (value - low) / ((high - low) or 1.0)
        return f"{x:.1f},{y:.1f}"

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}">']
    if len(line.median) >= 2:
        parts.append(f'<polyline fill="none" stroke="{MEDIAN}" stroke-width="1" '
                     f'stroke-dasharray="2,1.5" points="{" ".join(xy(*p) for p in line.median)}"/>')
    parts.append(f'<polyline fill="none" stroke="{FOCUS}" stroke-width="1.5" '
                 f'stroke-linejoin="round" points="{" ".join(xy(*p) for p in line.focus)}"/>')
    x, y = xy(*line.focus[-1]).split(",")
    parts.append(f'<circle cx="{x}" cy="{y}" r="2" fill="{FOCUS}"/>')
    parts.append("</svg>")
    return "".join(parts)


def data_uri(svg: str) -> str:
    """An SVG as a data: URI, for an <img> in the self-contained HTML page."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
