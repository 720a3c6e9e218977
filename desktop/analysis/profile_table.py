"""The side-by-side profile as display-ready cells (for the Qt model and the CLI) and as JSON.

Strings are formatted once here, so the Qt model only hands them out. Column headings are keys
(`indicator`, `unit`, `year`, `city`, `peer_median`, `gap`, `rank`); the edges translate them.

With `detail=True` the focus city's metrics from desktop.analysis.profile_metrics follow 'rank':
`pool_rank` ("12 of 298" among all comparable cities), `percentile`, `index` (peer median = 100),
`change` per horizon (1 / 5 / 10 years), `cagr` per horizon longer than one year, and `sentence`
(the plain-language comparison, also at the top of the indicator cell's tooltip). A change or
CAGR whose window crosses a series break is marked with † and the break note is in its tooltip.
Texts follow `lang` ("2 of 4" / "第2/4"), tooltips included: a value's source, a missing value,
the indicator's definition and notes, series-break notes (English where the catalog has no
Chinese, e.g. an imported indicator).
"""

from __future__ import annotations

import unicodedata
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.analysis.comparison import (
    Cell,
    IndicatorComparison,
    Profile,
    available_indicators,
    comparison_arrays,
    gap_percent,
    gap_points,
)
from desktop.analysis.currency import AUTO, currency_of, view_dataset
from desktop.analysis.lazy_rows import LazyRows
from desktop.analysis.panel import panel_for
from desktop.analysis.profile_metrics import (
    HORIZONS,
    Change,
    IndicatorMetrics,
    MetricCell,
    ProfileMetrics,
    profile_metrics,
)
from desktop.analysis.selection_cube import LATEST_EACH, YearRule
from desktop.analysis.suspects import included_note
from desktop.core.bilingual import pick
from desktop.core.catalog import Indicator
from desktop.core.dataset import Dataset, Provenance
from desktop.core.units import UNITS, format_gap
from desktop.text.phrases import column_title, text
from desktop.text.translator import N_, Translator, as_translator

BETTER, NEUTRAL, WORSE = 1, 0, -1


@dataclass(frozen=True)
class Column:
    key: str
    city_id: str | None = None
    horizon: int | None = None  # years, for the `change` and `cagr` columns


#: A tooltip as text, or as what makes it when it is first read.
Tip = str | Callable[[], str]


class TableCell:
    """One cell: its text, the value it sorts by, its tone and marks, and its tooltip.

    The tooltip (the value's source file, sheet, row and column; a change's start and end
    values; a rank's pool) is read only when a person points at the cell, yet making it was
    about a third of building a table of new values (~4-10 ms a selection change for 28-100
    indicators). It may be given as a callable, made on first reading and kept. Cells are
    not changed once made (tables share them) and compare by what they show."""

    __slots__ = ("_tip", "other_year", "sort_value", "suspect", "text", "tone")

    text: str
    sort_value: float | str | None
    tone: int
    #: a value older than the row's comparison year (stale): shown greyed and italic, with
    #: its year after it and "2014 value; the comparison year is 2016" in its tooltip
    other_year: bool
    #: the breaks register's reason when the value is suspect (shown greyed, marked ⚠; it
    #: has no gap or rank and is not in the peer median: desktop.analysis.comparison)
    suspect: str

    def __init__(self, text: str, sort_value: float | str | None, tooltip: Tip = "",
                 tone: int = NEUTRAL, other_year: bool = False, suspect: str = "") -> None:
        # (plain assignments: a table of 100 indicators makes ~1,200 cells a change, and a
        # guarded __setattr__ tripled what making one costs; nothing sets a field later)
        self.text = text
        self.sort_value = sort_value
        self._tip = tooltip
        self.tone = tone
        self.other_year = other_year
        self.suspect = suspect

    @property
    def tooltip(self) -> str:
        tip = self._tip
        if not isinstance(tip, str):
            tip = self._tip = tip()
        return tip

    def _fields(self) -> tuple:
        return (self.text, self.sort_value, self.tooltip, self.tone, self.other_year,
                self.suspect)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TableCell) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (f"TableCell(text={self.text!r}, sort_value={self.sort_value!r}, "
                f"tooltip={self.tooltip!r}, tone={self.tone!r}, "
                f"other_year={self.other_year!r}, suspect={self.suspect!r})")


class SentenceCell(TableCell):
    """The detail columns' plain-language sentence, written when its text is first read:
    the window shows a third of a long table's rows, and writing every row's sentence was
    ~2 ms of each selection change for 100 indicators."""

    __slots__ = ("_say", "_written")

    def __init__(self, say: Callable[[], str]) -> None:
        super().__init__("", None)
        self._say, self._written = say, False

    def _write(self) -> None:
        sentence = self._say()
        _TEXT.__set__(self, sentence or "—")
        _SORT_VALUE.__set__(self, sentence or None)
        self._tip = sentence
        self._written = True

    @property  # type: ignore[override]
    def text(self) -> str:
        if not self._written:
            self._write()
        return _TEXT.__get__(self)

    @text.setter
    def text(self, value: str) -> None:
        _TEXT.__set__(self, value)

    @property  # type: ignore[override]
    def sort_value(self) -> float | str | None:
        if not self._written:
            self._write()
        return _SORT_VALUE.__get__(self)

    @sort_value.setter
    def sort_value(self, value: float | str | None) -> None:
        _SORT_VALUE.__set__(self, value)

    @property
    def tooltip(self) -> str:
        if not self._written:
            self._write()
        return super().tooltip


_TEXT, _SORT_VALUE = TableCell.__dict__["text"], TableCell.__dict__["sort_value"]


def tip_text(tip: Tip) -> str:
    """A tooltip given either way, as text."""
    return tip if isinstance(tip, str) else tip()


@dataclass(frozen=True)
class ProfileTable:
    columns: tuple[Column, ...]
    #: a tuple, or LazyRows (each row made when first read)
    rows: Sequence[tuple[TableCell, ...]]
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
    label = pick(lang, known.label_en, known.label_zh) if known else indicator.unit
    return suffix or label


def source_tooltip(cell: Cell, lang: str = "en") -> str:
    return _provenance_tooltip(cell.provenance, lang)


def _provenance_tooltip(p: Provenance | None, lang: str = "en") -> str:
    """Publisher, title, and file, sheet, row and column of the value (with its source unit)."""
    if p is None:
        return ""
    source, tr = p.source, as_translator(lang)
    sheet = tr.gettext(", sheet {sheet}", sheet=source.sheet) if source.sheet else ""
    where = tr.gettext("{file}{sheet}, row {row}, column {column}", file=source.file,
                       sheet=sheet, row=p.row, column=p.column) + tr.parens(p.source_unit)
    return f"{source.publisher_in(lang)}\n{source.title_in(lang)}\n{where}"


def _tone(gap: float | None, higher_is_better: bool | None) -> int:
    if gap is None or higher_is_better is None or gap == 0:
        return NEUTRAL
    better = gap > 0 if higher_is_better else gap < 0
    return BETTER if better else WORSE


def _missing_cell(row_year: int | None, latest_year: int | None, lang: str = "en") -> TableCell:
    if latest_year and latest_year != row_year:
        key = "missing_latest" if row_year else "missing_any_latest"
    else:
        key = "missing" if row_year else "missing_any"
    return TableCell("—", None, _word(key, lang, year=row_year, latest=latest_year))


def _break_note(dataset: Dataset, note_en: str, lang: str) -> str:
    """A series-break note (as the comparison gives it, in English) in the language."""
    for series_break in dataset.series_breaks:
        if series_break.note_en == note_en:
            return series_break.note(lang)
    return note_en


def _label_tooltip(dataset: Dataset, indicator: Indicator, break_notes: Sequence[str],
                   lang: str, years_note: str = "") -> str:
    """The indicator cell's tooltip: its definition, its notes, the series-break notes and,
    under "each city's latest year", that the row compares values of different years."""
    lines = (indicator.definition(lang), indicator.notes(lang),
             *(_break_note(dataset, n, lang) for n in break_notes), years_note)
    return "\n".join(line for line in lines if line)


def _value_text(indicator: Indicator, value: float, year: int | None, row_year: int | None,
                lang: str) -> tuple[str, bool]:
    """(the value as the table shows it, whether it is older than the row's year: stale).
    Under "each city's latest year" a value newer than the row's year carries its year too,
    but it is not stale."""
    text = indicator.display.format(value, lang, with_suffix=False)
    if year != row_year:
        text = f"{text} ({year})"
    return text, year is not None and row_year is not None and year < row_year


def _value_tooltip(source: str, year: int | None, row_year: int | None, lang: str) -> str:
    """The source of a value, said first to be stale when it is older than the row's year:
    a grey italic number alone does not tell a reader why it is grey."""
    if year is None or row_year is None or year == row_year:
        return source
    stale = _word("stale", lang, year=year, row_year=row_year)
    return f"{stale}\n{source}" if source else stale


def _source_tip(panel: Any, indicator_id: str, position: int, year: int | None,
                row_year: int | None, lang: str) -> Callable[[], str]:
    """A value's tooltip (its source, said to be stale when it is), made when read (the
    panel holds its dataset weakly: the cell cache keyed on the dataset does not keep it)."""
    def make() -> str:
        return _value_tooltip(_provenance_tooltip(panel.provenance(indicator_id, position),
                                                  lang), year, row_year, lang)
    return make


def _suspect_marked(text: str, tooltip: Tip, reason: str) -> tuple[str, Tip]:
    """A suspect value's text marked ⚠ and its tooltip led by the register's reason."""
    if not reason:
        return text, tooltip

    def marked() -> str:
        tip = tip_text(tooltip)
        return f"⚠ {reason}\n{tip}" if tip else f"⚠ {reason}"
    return f"{text} ⚠", marked


def _value_cell(dataset: Dataset, row: IndicatorComparison, cell: Cell, lang: str) -> TableCell:
    indicator = dataset.indicator(row.indicator_id)
    if cell.value is None:
        return _missing_cell(row.year, cell.latest_year, lang)
    text, other_year = _value_text(indicator, cell.value, cell.year, row.year, lang)
    reason = cell.suspect.reason(lang) if cell.suspect else ""
    text, tooltip = _suspect_marked(
        text, _value_tooltip(source_tooltip(cell, lang), cell.year, row.year, lang), reason)
    return TableCell(
        text,
        cell.value,
        tooltip,
        _tone(cell.gap, indicator.higher_is_better),
        other_year,
        reason,
    )


def rank_of(rank: int, count: int, lang: str = "en") -> str:
    """'2 of 4' / '第2/4'."""
    return text("rank_of", lang, rank=rank, count=count)


def _columns(focus_id: str, peer_ids: Sequence[str]) -> tuple[Column, ...]:
    return (
        Column("indicator"),
        Column("unit"),
        Column("year"),
        Column("city", focus_id),
        *(Column("city", p) for p in peer_ids),
        Column("peer_median"),
        Column("gap"),
        Column("rank"),
    )


def _head_cells(dataset: Dataset, indicator: Indicator, break_notes: Sequence[str], lang: str,
                made: dict[tuple, TableCell], years_note: str = ""
                ) -> tuple[TableCell, TableCell]:
    """An indicator's label and unit cells (made once per indicator and language)."""
    key = ("label", indicator.id, lang, tuple(break_notes), years_note)
    label = made.get(key)
    if label is None:
        label = made[key] = TableCell(
            indicator.label(lang), indicator.label(lang),
            _label_tooltip(dataset, indicator, break_notes, lang, years_note))
    key = ("unit", indicator.id, lang)
    unit = made.get(key)
    if unit is None:
        unit = made[key] = TableCell(unit_text(dataset, indicator.id, lang), indicator.unit)
    return label, unit


def _compared_cells(indicator: Indicator, year: int | None, value_cells: Sequence[TableCell],
                    median: float | None, gap_unit: str, focus_gap: float | None,
                    focus_rank: int | None, ranked_count: int, lang: str,
                    made: dict[tuple, TableCell]) -> tuple[TableCell, ...]:
    """A row after its label and unit: year, the cities' values, median, gap and rank."""
    # A rank means something only against at least one peer with a value.
    ranked = focus_rank is not None and ranked_count >= 2
    key = ("rank", focus_rank if ranked else None, ranked_count, lang)
    rank = made.get(key)
    if rank is None:
        rank = made[key] = TableCell(rank_of(focus_rank, ranked_count, lang) if ranked else "—",
                                     focus_rank if ranked else None)
    return (
        TableCell(str(year) if year else "—", year),
        *value_cells,
        TableCell(indicator.display.format(median, lang, with_suffix=False), median),
        TableCell(
            format_gap(focus_gap, gap_unit, lang=lang),
            focus_gap,
            tone=_tone(focus_gap, indicator.higher_is_better),
        ),
        rank,
    )


def _row(dataset: Dataset, indicator: Indicator, year: int | None, break_notes: Sequence[str],
         value_cells: Sequence[TableCell], median: float | None, gap_unit: str,
         focus_gap: float | None, focus_rank: int | None, ranked_count: int, lang: str,
         made: dict[tuple, TableCell] | None = None,
         years_note: str = "") -> tuple[TableCell, ...]:
    """One indicator's row: label, unit, year, the cities' values, median, gap and rank.
    `made`: cells already made (see selection_table), looked up by what they show."""
    made = {} if made is None else made
    return (*_head_cells(dataset, indicator, break_notes, lang, made, years_note),
            *_compared_cells(indicator, year, value_cells, median, gap_unit, focus_gap,
                             focus_rank, ranked_count, lang, made))


def mixed_years_note(years: Sequence[int | None], lang: str = "en") -> str:
    """Under "each city's latest year": say that the median and ranks compare values of
    different years, and which ("" when the values are all of one year)."""
    found = sorted({y for y in years if y is not None})
    if len(found) < 2:
        return ""
    return _word("mixed_years", lang, first=found[0], last=found[-1])


def _search_texts(dataset: Dataset, indicator_ids: Sequence[str]) -> tuple[str, ...]:
    return tuple(
        " ".join((dataset.indicator(i).label_en, dataset.indicator(i).label_zh, i)).casefold()
        for i in indicator_ids
    )


def build_profile_table(
    dataset: Dataset,
    profile: Profile,
    lang: str = "en",
    detail: bool = False,
    horizons: tuple[int, ...] = HORIZONS,
    metrics: ProfileMetrics | None = None,
) -> ProfileTable:
    """The table; `detail` adds the focus city's metrics after 'rank' (see the module doc)."""
    columns = _columns(profile.focus_id, profile.peer_ids)
    rows = []
    for row in profile.rows:
        focus = row.focus
        rows.append(_row(dataset, dataset.indicator(row.indicator_id), row.year,
                         row.break_notes,
                         [_value_cell(dataset, row, cell, lang) for cell in row.cells],
                         row.peer_median, row.gap_unit, focus.gap, focus.rank,
                         row.ranked_count, lang,
                         years_note=mixed_years_note([c.year for c in row.cells], lang)
                         if profile.requested_year == LATEST_EACH else ""))
    indicator_ids = tuple(r.indicator_id for r in profile.rows)
    if detail:
        if metrics is None:
            metrics = profile_metrics(dataset, profile.focus_id, profile.peer_ids,
                                      indicator_ids, profile.requested_year, horizons,
                                      focus_only=True)
        columns, rows = _with_detail(dataset, columns, rows, metrics, lang)
    return ProfileTable(columns, tuple(rows), indicator_ids, 3,
                        _search_texts(dataset, indicator_ids))


#: Cells already made, per dataset, by what they show: a value's by (indicator, observation
#: row, other year, tone, language), the detail columns' by their numbers and words.
_VALUE_CELLS: weakref.WeakKeyDictionary[Dataset, dict[tuple, TableCell]] = (
    weakref.WeakKeyDictionary())
_VALUE_CELLS_LIMIT = 50_000


def selection_table(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_ids: Sequence[str],
    year: YearRule = None,
    lang: str = "en",
    detail: bool = False,
    horizons: tuple[int, ...] = HORIZONS,
    currency: str = AUTO,
    prices: str = "current",
    include_suspect: bool = False,
) -> ProfileTable:
    """The same table as build_profile_table(build_profile(dataset, focus_id, peer_ids,
    indicator_ids, year), lang, detail, horizons) on the dataset in the view's `currency`
    at the view's `prices` (currency.view_dataset), built straight from the panel's arrays
    (desktop.analysis.comparison.comparison_arrays) for the window, which rebuilds it on every
    selection change: the profile's cells are never made, and a value's cell (formatted number,
    source tooltip) is remembered per observation, so a change formats only the values it
    brings in."""
    # Money in the view's one currency (`currency`: a currency.CHOICES; by default yuan for
    # Chinese places alone, US$ at the annual rate when the selection mixes countries).
    dataset = view_dataset(dataset, [focus_id, *peer_ids], currency, prices)
    if not indicator_ids:
        indicator_ids = available_indicators(dataset, [focus_id, *peer_ids])
    found = comparison_arrays(dataset, focus_id, peer_ids, indicator_ids, year,
                              include_suspect)
    panel = panel_for(dataset)
    made = _VALUE_CELLS.get(dataset)
    if made is None or len(made) > _VALUE_CELLS_LIMIT:
        made = _VALUE_CELLS[dataset] = {}
    first_year = found.first_year
    indicator_ids = tuple(i.id for i in found.indicators)
    columns = _columns(focus_id, found.city_ids[1:])
    metrics = profile_metrics(dataset, focus_id, found.city_ids[1:], indicator_ids, year,
                              horizons, focus_only=True, include_suspect=include_suspect) \
        if detail else None
    extra = _detail_columns(metrics.horizons) if metrics is not None else ()
    # every row's label and unit now; the rest of a row when it is first read (LazyRows),
    # with Details its label then led by the row's sentence (drawn as the plain label)
    heads = [_head_cells(dataset, indicator, found.notes[i], lang, made,
                         mixed_years_note([c + first_year for c in found.cols[i] if c >= 0],
                                          lang) if year == LATEST_EACH else "")
             for i, indicator in enumerate(found.indicators)]

    def make_row(i: int) -> tuple[TableCell, ...]:
        indicator = found.indicators[i]
        indicator_id = indicator.id
        row_year, median = found.years[i], found.medians[i]
        in_points = indicator.unit == "percent"
        gap = gap_points if in_points else gap_percent
        higher = indicator.higher_is_better
        row_values, row_cols, row_positions = found.values[i], found.cols[i], found.positions[i]
        cells = []
        focus_gap = None
        for c, col in enumerate(row_cols):
            if col < 0:
                latest = found.latest[i][c]
                cells.append(_missing_cell(row_year, latest + first_year if latest >= 0
                                           else None, lang))
                continue
            value = row_values[c]
            suspect = found.suspects[i][c] if found.suspects else None
            reason = suspect.reason(lang) if suspect is not None else ""
            if reason and include_suspect:  # still marked, and said to be counted
                reason = f"{reason} {included_note(lang)}"
            cell_gap = gap(value, median) if include_suspect or not reason else None
            if c == 0:
                focus_gap = cell_gap
            cell_year = col + first_year
            tone = _tone(cell_gap, higher)
            # a stale value's tooltip names the row's year too
            stale_year = row_year if cell_year != row_year else None
            key = ("value", indicator_id, row_positions[c], stale_year, tone, lang, reason)
            cell = made.get(key)
            if cell is None:
                # its number and source, whatever its tone (another peer set moves the median)
                shown_key = ("shown", indicator_id, row_positions[c], stale_year, lang)
                shown = made.get(shown_key)
                if shown is None:
                    text, other_year = _value_text(indicator, value, cell_year, row_year, lang)
                    shown = made[shown_key] = (text, other_year, _source_tip(
                        panel, indicator_id, row_positions[c], cell_year, row_year, lang))
                text, other_year, tooltip = shown
                text, tooltip = _suspect_marked(text, tooltip, reason)
                cell = made[key] = TableCell(text, value, tooltip, tone, other_year, reason)
            cells.append(cell)
        focus_rank = (found.ranks[i][0] or None) if row_cols[0] >= 0 else None
        label, unit = heads[i]
        compared = _compared_cells(indicator, row_year, cells, median,
                                   "pp" if in_points else "%", focus_gap, focus_rank,
                                   found.ranked_counts[i], lang, made)
        if metrics is None:
            return (label, unit, *compared)
        m = metrics.rows[i]
        return (_said(label, m, lang, made), unit, *compared,
                *_detail_cells(dataset, m, extra, lang, made))

    return ProfileTable((*columns, *extra), LazyRows(heads, make_row), indicator_ids, 3,
                        _search_texts(dataset, indicator_ids))


# --- detail columns -------------------------------------------------------------------------
BREAK_MARK = "†"

#: Phrases by key: English msgids, said through the text catalogue (desktop.text).
_WORDS: dict[str, str] = {
    "pool_rank": N_("Rank among {count} {pool} with a value in {year} (1 = {best})."),
    "highest": N_("highest"),
    "lowest": N_("lowest"),
    "percentile": N_("Higher than {share}% of the other {pool} in {year} (ties count half)."),
    "index": N_("{value} against a peer median of {median}: index {index} (peer median = 100)."),
    "change": N_("{start} to {end}: {a} → {b}"),
    "no_start": N_("No value in {start}."),
    "suspect_change": N_("Withheld: the value of {years} is suspect."),
    "cagr": N_("Average yearly growth {start}–{end}."),
    "break": N_(
        "{mark} The window crosses a series break in {years}: the values before and after are "
        "not on the same basis."),
    "other_year": N_("The focus city's value is from {year}."),
    "stale": N_("{year} value; the comparison year is {row_year}."),
    "missing": N_("No value for {year}"),
    "missing_latest": N_("No value for {year} (latest {latest})"),
    "mixed_years": N_(
        "Each city's latest year: the values are from {first} to {last}, so the peer median "
        "and ranks compare values of different years."),
    "missing_any": N_("No value"),
    "missing_any_latest": N_("No value (latest {latest})"),
}


def _word(key: str, lang: str | Translator, **values: object) -> str:
    return as_translator(lang).gettext(_WORDS[key], **values)


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
    made: dict[tuple, TableCell] | None = None,
) -> tuple[tuple[Column, ...], list[tuple[TableCell, ...]]]:
    """The rows with the detail cells after them; `made`: cells already made (see
    selection_table), looked up by what they show."""
    extra = _detail_columns(metrics.horizons)
    made = {} if made is None else made
    out = []
    for row, m in zip(rows, metrics.rows, strict=True):
        out.append((_said(row[0], m, lang, made), *row[1:],
                    *_detail_cells(dataset, m, extra, lang, made)))
    return (*columns, *extra), out


def _said(label: TableCell, m: IndicatorMetrics, lang: str,
          made: dict[tuple, TableCell]) -> TableCell:
    """The label cell with its tooltip led by the row's sentence (when there is one)."""
    if not m.says_something:
        return label
    key = ("said", label, m.sentence_key, lang)
    said = made.get(key)
    if said is None:
        said = made[key] = TableCell(label.text, label.sort_value,
                                     _led_by(m.sentence_writer(lang), label), label.tone,
                                     label.other_year)
    return said


def _led_by(say: Callable[[], str], cell: TableCell) -> Callable[[], str]:
    """`cell`'s tooltip with the row's sentence before it, made when read."""
    def make() -> str:
        sentence = say()
        return f"{sentence}\n\n{cell.tooltip}" if cell.tooltip else sentence
    return make


def _detail_cells(
    dataset: Dataset, m: IndicatorMetrics, extra: tuple[Column, ...], lang: str,
    made: dict[tuple, TableCell],
) -> list[TableCell]:
    indicator = dataset.indicator(m.indicator_id)
    focus: MetricCell = m.focus
    pool = pick(lang, m.pool_label_en, m.pool_label_zh)
    other = focus.other_year
    cells = []
    for column in extra:
        if column.key == "sentence":
            if not m.says_something:
                cells.append(TableCell("—", None))
                continue
            key = ("sentence", m.sentence_key, lang)
            cell = made.get(key)
            if cell is None:
                cell = made[key] = SentenceCell(m.sentence_writer(lang))
            cells.append(cell)
        elif focus.value is None:
            cells.append(TableCell("—", None))
        elif column.key == "pool_rank":
            key = ("pool_rank", focus.pool_rank, focus.pool_count, pool, focus.year,
                   m.higher_is_better is False, lang, other)
            cell = made.get(key)
            if cell is None:
                ranked = focus.pool_rank is not None and focus.pool_count >= 2
                tip = _pool_rank_tip(m.higher_is_better is False, focus.pool_count, pool,
                                     focus.year, lang) if ranked else ""
                cell = made[key] = TableCell(
                    rank_of(focus.pool_rank, focus.pool_count, lang) if ranked else "—",
                    focus.pool_rank if ranked else None, tip, other_year=other)
            cells.append(cell)
        elif column.key == "percentile":
            p = focus.percentile
            key = ("percentile", p, pool, focus.year, lang, other)
            cell = made.get(key)
            if cell is None:
                cell = made[key] = TableCell(
                    "—" if p is None else f"{p:.0f}", p,
                    "" if p is None else _later(_word, "percentile", lang, share=f"{p:.0f}",
                                                pool=pool, year=focus.year),
                    other_year=other)
            cells.append(cell)
        elif column.key == "index":
            i = focus.index
            key = ("index", m.indicator_id, focus.value, m.peer_median, i,
                   m.higher_is_better, lang, other)
            cell = made.get(key)
            if cell is None:
                tip = "" if i is None else _index_tip(indicator, focus.value, m.peer_median,
                                                      i, lang)
                tone = NEUTRAL if i is None else _tone(i - 100, m.higher_is_better)
                cell = made[key] = TableCell("—" if i is None else f"{i:.0f}", i, tip, tone,
                                             other)
            cells.append(cell)
        else:
            # A change is the focus city's series from `horizon` years before its value's
            # year: that is what tells one from another.
            cagr = column.key == "cagr"
            key = ("change", m.indicator_id, focus.city_id, focus.year, column.horizon, cagr,
                   lang)
            cell = made.get(key)
            if cell is None:
                cell = made[key] = _change_cell(dataset, m, focus.change(column.horizon or 0),
                                                cagr, lang)
            cells.append(cell)
    return cells


def _change_cell(
    dataset: Dataset, m: IndicatorMetrics, change: Change | None, cagr: bool, lang: str
) -> TableCell:
    if change is None:
        return TableCell("—", None)
    number = change.cagr if cagr else change.change
    if change.suspect_years:  # withheld: a suspect value at either end (breaks register)
        found = (dataset.suspect(m.focus.city_id, m.indicator_id, y)
                 for y in change.suspect_years)
        reasons = dict.fromkeys(s.reason(lang) for s in found if s is not None)
        return TableCell("— ⚠", None, "\n".join([_word(
            "suspect_change", lang, years=", ".join(str(y) for y in change.suspect_years)),
            *reasons]))
    if change.start_value is None:
        return TableCell("—", None, _later(_word, "no_start", lang, start=change.start_year))
    text = format_gap(number, "%" if cagr else change.unit, lang=lang)
    if number is not None and change.has_break:
        text = f"{text} {BREAK_MARK}"
    tone = NEUTRAL if number is None else _tone(number, m.higher_is_better)
    return TableCell(text, number, _change_tip(dataset, m, change, number, cagr, lang), tone)


def _change_tip(dataset: Dataset, m: IndicatorMetrics, change: Change, number: float | None,
                cagr: bool, lang: str) -> Callable[[], str]:
    """A change cell's tooltip (its years and end values, the breaks it crosses), made when
    read. It holds the indicator and the breaks, never the dataset: the cells are kept in
    a cache keyed weakly on the dataset."""
    indicator = dataset.indicator(m.indicator_id)
    crossed = [b for b in dataset.breaks_for(m.focus.city_id, m.indicator_id)
               if b.year in change.break_years] if number is not None and change.has_break \
        else None

    def make() -> str:
        lines = [_word("change", lang, start=change.start_year, end=change.end_year,
                       a=indicator.format(change.start_value, lang),
                       b=indicator.format(change.end_value, lang))]
        if cagr:
            lines.insert(0, _word("cagr", lang, start=change.start_year, end=change.end_year))
        if crossed is not None:
            lines.append(_word("break", lang, mark=BREAK_MARK,
                               years=", ".join(str(y) for y in change.break_years)))
            lines.extend(b.note(lang) for b in crossed)
        return "\n".join(lines)
    return make


def _pool_rank_tip(lowest_best: bool, count: int, pool: str, year: int | None,
                   lang: str) -> Callable[[], str]:
    def make() -> str:
        best = _word("lowest" if lowest_best else "highest", lang)
        return _word("pool_rank", lang, count=count, pool=pool, year=year, best=best)
    return make


def _index_tip(indicator: Indicator, value: float, median: float | None, index: float,
               lang: str) -> Callable[[], str]:
    def make() -> str:
        return _word("index", lang, value=indicator.format(value, lang),
                     median=indicator.format(median, lang), index=f"{index:.0f}")
    return make


def _later(make: Callable[..., str], *args: object, **values: object) -> Callable[[], str]:
    """make(*args, **values), when read."""
    return lambda: make(*args, **values)


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
        # the breaks register's reason when the value is suspect (not ranked, not in medians)
        "suspect": cell.suspect.reason(lang) if cell.suspect else None,
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
                "currency": currency_of(dataset.indicator(row.indicator_id)),
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


def profile_text(dataset: Dataset, table: ProfileTable, lang: str = "en") -> str:
    """The table as aligned plain text, for the terminal."""
    titles = [
        dataset.cities[c.city_id].name(lang) if c.city_id
        else column_title(c.key, "en", c.horizon)
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
