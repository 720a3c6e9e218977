"""The report's locator map: where the focus city and its peers are (issue 15).

A ChartBlock of kind "map" whose spec is a MapSpec (desktop.analysis.map_spec.locator_spec);
desktop/ui/report_charts.py draws it with the Map tab's canvas. Plain Python: no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.analysis.map_geometry import load_geometry
from desktop.analysis.map_spec import FOCUS, LOCATOR_PEER, locator_spec, word
from desktop.core.dataset import Dataset
from desktop.core.errors import DatasetFileError
from desktop.report.model import ChartBlock, LegendEntry
from desktop.text.translator import translator

CHART_ID = "map-locator"


def locator_blocks(dataset: Dataset, focus_id: str, peer_ids: Sequence[str],
                   lang: str = "en") -> list[ChartBlock]:
    """The locator map block, or none when the bundled geometry cannot be read (the report
    is complete without it: a map locates, it carries no figure)."""
    try:
        geometry = load_geometry()
    except DatasetFileError:
        return []
    spec = locator_spec(dataset, geometry, focus_id, peer_ids, lang)
    focus = dataset.cities[focus_id].name(lang)
    peers = [dataset.cities[p].name(lang) for p in peer_ids if p != focus_id]
    legend = [LegendEntry(focus, FOCUS, True),
              *(LegendEntry(name, LOCATOR_PEER, False) for name in peers)]
    sep = translator(lang).list_sep
    return [ChartBlock(
        chart_id=CHART_ID, kind="map", spec=spec, title=spec.title, unit="",
        legend=tuple(legend), notes=spec.notes, source="",
        alt=word("locator_alt", lang, names=sep.join([focus, *peers])),
    )]
