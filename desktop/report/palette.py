"""Report colours as hex strings, shared by the chart renderer and the HTML legends.

The values match desktop/ui/plots/line_chart.py so that a printed chart looks like the one on
screen; they live here too because desktop/report must not import Qt.
"""

from __future__ import annotations

FOCUS = "#c0292b"
PEERS = ("#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
         "#7f7f7f", "#bcbd22")
MEDIAN = "#555555"
BREAK = "#c87800"
BETTER = "#1a7f37"
WORSE = "#b42318"


def series_colors(count: int) -> list[str]:
    """Colour of each series, focus first: the order charts and legends both use."""
    return [FOCUS, *(PEERS[i % len(PEERS)] for i in range(max(count - 1, 0)))]
