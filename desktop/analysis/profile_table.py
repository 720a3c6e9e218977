"""The side-by-side profile as display-ready cells (for the Qt model and the CLI) and as JSON.

Strings are formatted once here, so the Qt model only hands them out. Column headings are keys
(`indicator`, `unit`, `year`, `city`, `peer_median`, `gap`, `rank`); the edges translate them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from desktop.analysis.comparison import Cell, IndicatorComparison, Profile
from desktop.core.dataset import Dataset
from desktop.core.units import UNITS, format_gap

BETTER, NEUTRAL, WORSE = 1, 0, -1


@dataclass(frozen=True)
class Column:
    key: str
    city_id: str | None = None


@dataclass(frozen=True)
class TableCell:
    text: str
    sort_value: float | str | None
    tooltip: str = ""
    tone: int = NEUTRAL
    other_year: bool = False


@dataclass(frozen=True)
class ProfileTable:
    columns: tuple[Column, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    indicator_ids: tuple[str, ...]
    focus_column: int

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)


def unit_text(dataset: Dataset, indicator_id: str, lang: str = "en") -> str:
    """The unit as the table shows it: the display scale, e.g. '亿元' or 'million US$'."""
    indicator = dataset.indicator(indicator_id)
    suffix = indicator.display.suffix(lang)
    known = UNITS.get(indicator.unit)
    return suffix or (known.label_en if known else indicator.unit)


def source_tooltip(cell: Cell) -> str:
    if cell.provenance is None:
        return ""
    p = cell.provenance
    return (
        f"{p.source.publisher}\n{p.source.title}\n{p.describe()} ({p.source_unit})"
    )


def _tone(gap: float | None, higher_is_better: bool | None) -> int:
    if gap is None or higher_is_better is None or gap == 0:
        return NEUTRAL
    better = gap > 0 if higher_is_better else gap < 0
    return BETTER if better else WORSE


def _value_cell(dataset: Dataset, row: IndicatorComparison, cell: Cell, lang: str) -> TableCell:
    indicator = dataset.indicator(row.indicator_id)
    if cell.value is None:
        latest = f" (latest {cell.latest_year})" if cell.latest_year else ""
        return TableCell("—", None, f"No value for {row.year}{latest}")
    text = indicator.display.format(cell.value, lang, with_suffix=False)
    other_year = cell.year != row.year
    if other_year:
        text = f"{text} ({cell.year})"
    return TableCell(
        text,
        cell.value,
        source_tooltip(cell),
        _tone(cell.gap, indicator.higher_is_better),
        other_year,
    )


def build_profile_table(dataset: Dataset, profile: Profile, lang: str = "en") -> ProfileTable:
    columns = (
        Column("indicator"),
        Column("unit"),
        Column("year"),
        Column("city", profile.focus_id),
        *(Column("city", p) for p in profile.peer_ids),
        Column("peer_median"),
        Column("gap"),
        Column("rank"),
    )
    rows = []
    for row in profile.rows:
        indicator = dataset.indicator(row.indicator_id)
        notes = "\n".join((indicator.notes_en, *row.break_notes)).strip()
        median_text = indicator.display.format(row.peer_median, lang, with_suffix=False)
        focus = row.focus
        # A rank means something only against at least one peer with a value.
        ranked = focus.rank is not None and row.ranked_count >= 2
        rank_text = f"{focus.rank} of {row.ranked_count}" if ranked else "—"
        rows.append(
            (
                TableCell(indicator.label(lang), indicator.label(lang),
                          notes or indicator.definition_en),
                TableCell(unit_text(dataset, row.indicator_id, lang), indicator.unit),
                TableCell(str(row.year) if row.year else "—", row.year),
                *(_value_cell(dataset, row, cell, lang) for cell in row.cells),
                TableCell(median_text, row.peer_median),
                TableCell(
                    format_gap(focus.gap, row.gap_unit),
                    focus.gap,
                    tone=_tone(focus.gap, indicator.higher_is_better),
                ),
                TableCell(rank_text, focus.rank if ranked else None),
            )
        )
    return ProfileTable(columns, tuple(rows), tuple(r.indicator_id for r in profile.rows), 3)


def _cell_json(dataset: Dataset, indicator_id: str, cell: Cell, lang: str) -> dict[str, Any]:
    indicator = dataset.indicator(indicator_id)
    city = dataset.cities[cell.city_id]
    return {
        "city_id": cell.city_id,
        "city": city.name(lang),
        "value": cell.value,
        "display": indicator.display.format(cell.value, lang) if cell.value is not None else None,
        "year": cell.year,
        "latest_year": cell.latest_year,
        "rank": cell.rank,
        "gap_to_peer_median": cell.gap,
        "source": cell.provenance.to_json() if cell.provenance else None,
    }


def profile_to_json(dataset: Dataset, profile: Profile, lang: str = "en") -> dict[str, Any]:
    """The profile with numbers as numbers (canonical units) plus their display forms."""
    focus = dataset.cities[profile.focus_id]
    return {
        "focus": {"id": focus.id, "name": focus.name(lang), "name_zh": focus.name_zh},
        "peers": [
            {"id": p, "name": dataset.cities[p].name(lang), "name_zh": dataset.cities[p].name_zh}
            for p in profile.peer_ids
        ],
        "year": profile.requested_year,
        "indicators": [
            {
                "id": row.indicator_id,
                "label": dataset.indicator(row.indicator_id).label(lang),
                "unit": dataset.indicator(row.indicator_id).unit,
                "display_unit": unit_text(dataset, row.indicator_id, lang),
                "year": row.year,
                "peer_median": row.peer_median,
                "gap_unit": row.gap_unit,
                "ranked_among": row.ranked_count,
                "focus": _cell_json(dataset, row.indicator_id, row.focus, lang),
                "peers": [_cell_json(dataset, row.indicator_id, c, lang) for c in row.peers],
                "notes": list(row.break_notes),
            }
            for row in profile.rows
        ],
    }


COLUMN_TITLES_EN = {
    "indicator": "Indicator",
    "unit": "Unit",
    "year": "Year",
    "peer_median": "Peer median",
    "gap": "Gap to median",
    "rank": "Rank",
}


def profile_text(dataset: Dataset, table: ProfileTable, lang: str = "en") -> str:
    """The table as aligned plain text, for the terminal."""
    titles = [
        dataset.cities[c.city_id].name(lang) if c.city_id else COLUMN_TITLES_EN[c.key]
        for c in table.columns
    ]
    grid = [titles, *[[cell.text for cell in row] for row in table.rows]]
    widths = [max(_width(r[i]) for r in grid) for i in range(len(titles))]
    lines = []
    for index, row in enumerate(grid):
        parts = [
            _pad(text, widths[i], left=i == 0) for i, text in enumerate(row)
        ]
        lines.append("  ".join(parts).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, left: bool) -> str:
    gap = " " * (width - _width(text))
    return text + gap if left else gap + text
