"""The side-by-side profile as display-ready cells (for the Qt model and the CLI) and as JSON.

Strings are formatted once here, so the Qt model only hands them out. Column headings are keys
(`indicator`, `unit`, `year`, `city`, `peer_median`, `gap`, `rank`); the edges translate them.

With `detail=True` the focus city's metrics from desktop.analysis.profile_metrics follow 'rank':
`pool_rank` ("12 of 298" among all comparable cities), `percentile`, `index` (peer median = 100),
`change` per horizon (1 / 5 / 10 years), `cagr` per horizon longer than one year, and `sentence`
(the plain-language comparison, also at the top of the indicator cell's tooltip). A change or
CAGR whose window crosses a series break is marked with † and the break note is in its tooltip.
Texts follow `lang` ("2 of 4" / "第2/4").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from desktop.analysis.comparison import Cell, IndicatorComparison, Profile
from desktop.analysis.profile_metrics import (
    HORIZONS,
    Change,
    IndicatorMetrics,
    MetricCell,
    ProfileMetrics,
    profile_metrics,
)
from desktop.core.dataset import Dataset
from desktop.core.units import UNITS, format_gap

BETTER, NEUTRAL, WORSE = 1, 0, -1


@dataclass(frozen=True)
class Column:
    key: str
    city_id: str | None = None
    horizon: int | None = None  # years, for the `change` and `cagr` columns


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
    #: Per row, what a filter matches: English and Chinese label, id (lower case).
    search_texts: tuple[str, ...] = ()

    def column_index(self, key: str, horizon: int | None = None) -> int:
        return next(i for i, c in enumerate(self.columns)
                    if c.key == key and (horizon is None or c.horizon == horizon))


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


def rank_of(rank: int, count: int, lang: str = "en") -> str:
    """'2 of 4' / '第2/4'."""
    return f"第{rank}/{count}" if lang == "zh" else f"{rank} of {count}"


def build_profile_table(
    dataset: Dataset,
    profile: Profile,
    lang: str = "en",
    detail: bool = False,
    horizons: tuple[int, ...] = HORIZONS,
    metrics: ProfileMetrics | None = None,
) -> ProfileTable:
    """The table; `detail` adds the focus city's metrics after 'rank' (see the module doc)."""
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
        rank_text = rank_of(focus.rank, row.ranked_count, lang) if ranked else "—"
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
    indicator_ids = tuple(r.indicator_id for r in profile.rows)
    search = tuple(
        " ".join((dataset.indicator(i).label_en, dataset.indicator(i).label_zh, i)).casefold()
        for i in indicator_ids
    )
    if detail:
        if metrics is None:
            metrics = profile_metrics(dataset, profile.focus_id, profile.peer_ids,
                                      indicator_ids, profile.requested_year, horizons)
        columns, rows = _with_detail(dataset, columns, rows, metrics, lang)
    return ProfileTable(columns, tuple(rows), indicator_ids, 3, search)


# --- detail columns -------------------------------------------------------------------------
BREAK_MARK = "†"

_WORDS = {
    "pool_rank": ("Rank among {count} {pool} with a value in {year} (1 = {best}).",
                  "在{year}年有数值的{count}个{pool}中的排名（第1为{best}）。"),
    "highest": ("highest", "最高"),
    "lowest": ("lowest", "最低"),
    "percentile": ("Higher than {share}% of the other {pool} in {year} (ties count half).",
                   "{year}年高于{share}%的其他{pool}（并列计一半）。"),
    "index": ("{value} against a peer median of {median}: index {index} (peer median = 100).",
              "{value}，同类城市中位数为{median}：指数{index}（同类中位数 = 100）。"),
    "change": ("{start} to {end}: {a} → {b}", "{start}年至{end}年：{a} → {b}"),
    "no_start": ("No value in {start}.", "{start}年无数值。"),
    "cagr": ("Average yearly growth {start}–{end}.", "{start}—{end}年年均增长率。"),
    "break": ("{mark} The window crosses a series break in {years}: the values before and after "
              "are not on the same basis.",
              "{mark} 该时段跨越{years}年的统计口径变化：前后数值口径不同。"),
    "other_year": ("The focus city's value is from {year}.", "重点城市的数值为{year}年。"),
}


def _word(key: str, lang: str, **values: object) -> str:
    en, zh = _WORDS[key]
    return (zh if lang == "zh" else en).format(**values)


def _detail_columns(horizons: tuple[int, ...]) -> tuple[Column, ...]:
    return (
        Column("pool_rank"),
        Column("percentile"),
        Column("index"),
        *(Column("change", horizon=h) for h in horizons),
        *(Column("cagr", horizon=h) for h in horizons if h > 1),
        Column("sentence"),
    )


def _with_detail(
    dataset: Dataset,
    columns: tuple[Column, ...],
    rows: list[tuple[TableCell, ...]],
    metrics: ProfileMetrics,
    lang: str,
) -> tuple[tuple[Column, ...], list[tuple[TableCell, ...]]]:
    extra = _detail_columns(metrics.horizons)
    out = []
    for row, m in zip(rows, metrics.rows, strict=True):
        sentence = m.sentence(lang)
        cells = _detail_cells(dataset, m, extra, lang)
        first = row[0]
        if sentence:
            tip = f"{sentence}\n\n{first.tooltip}" if first.tooltip else sentence
            first = TableCell(first.text, first.sort_value, tip, first.tone, first.other_year)
        out.append((first, *row[1:], *cells))
    return (*columns, *extra), out


def _detail_cells(
    dataset: Dataset, m: IndicatorMetrics, extra: tuple[Column, ...], lang: str
) -> list[TableCell]:
    indicator = dataset.indicator(m.indicator_id)
    focus: MetricCell = m.focus
    pool = m.pool_label_zh if lang == "zh" else m.pool_label_en
    other = focus.other_year
    cells = []
    for column in extra:
        if column.key == "sentence":
            sentence = m.sentence(lang)
            cells.append(TableCell(sentence or "—", sentence or None, sentence))
        elif focus.value is None:
            cells.append(TableCell("—", None))
        elif column.key == "pool_rank":
            ranked = focus.pool_rank is not None and focus.pool_count >= 2
            best = _word("lowest" if m.higher_is_better is False else "highest", lang)
            tip = _word("pool_rank", lang, count=focus.pool_count, pool=pool, year=focus.year,
                        best=best) if ranked else ""
            cells.append(TableCell(
                rank_of(focus.pool_rank, focus.pool_count, lang) if ranked else "—",
                focus.pool_rank if ranked else None, tip, other_year=other))
        elif column.key == "percentile":
            p = focus.percentile
            cells.append(TableCell(
                "—" if p is None else f"{p:.0f}", p,
                "" if p is None else _word("percentile", lang, share=f"{p:.0f}", pool=pool,
                                           year=focus.year),
                other_year=other))
        elif column.key == "index":
            i = focus.index
            tip = "" if i is None else _word(
                "index", lang, value=indicator.format(focus.value, lang),
                median=indicator.format(m.peer_median, lang), index=f"{i:.0f}")
            tone = NEUTRAL if i is None else _tone(i - 100, m.higher_is_better)
            cells.append(TableCell("—" if i is None else f"{i:.0f}", i, tip, tone, other))
        else:
            change = focus.change(column.horizon or 0)
            cells.append(_change_cell(dataset, m, change, column.key == "cagr", lang))
    return cells


def _change_cell(
    dataset: Dataset, m: IndicatorMetrics, change: Change | None, cagr: bool, lang: str
) -> TableCell:
    if change is None:
        return TableCell("—", None)
    indicator = dataset.indicator(m.indicator_id)
    number = change.cagr if cagr else change.change
    if change.start_value is None:
        return TableCell("—", None, _word("no_start", lang, start=change.start_year))
    lines = [_word("change", lang, start=change.start_year, end=change.end_year,
                   a=indicator.format(change.start_value, lang),
                   b=indicator.format(change.end_value, lang))]
    if cagr:
        lines.insert(0, _word("cagr", lang, start=change.start_year, end=change.end_year))
    text = format_gap(number, "%" if cagr else change.unit)
    if number is not None and change.has_break:
        text = f"{text} {BREAK_MARK}"
        lines.append(_word("break", lang, mark=BREAK_MARK,
                           years=", ".join(str(y) for y in change.break_years)))
        for b in dataset.breaks_for(m.focus.city_id, m.indicator_id):
            if b.year in change.break_years:
                lines.append(b.note_zh if lang == "zh" and b.note_zh else b.note_en)
    tone = NEUTRAL if number is None else _tone(number, m.higher_is_better)
    return TableCell(text, number, "\n".join(lines), tone)


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
    "pool_rank": "Rank in pool",
    "percentile": "Percentile",
    "index": "Index",
    "change": "Change {h}y",
    "cagr": "CAGR {h}y",
    "sentence": "In words",
}


def profile_text(dataset: Dataset, table: ProfileTable, lang: str = "en") -> str:
    """The table as aligned plain text, for the terminal."""
    titles = [
        dataset.cities[c.city_id].name(lang) if c.city_id
        else COLUMN_TITLES_EN[c.key].format(h=c.horizon)
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
