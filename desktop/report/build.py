"""Build a ReportDocument from a Dataset and ReportOptions: all content, no layout, no Qt.

This is the part of report generation that runs in a worker thread; charts are only described
here (LineChartSpec / RankingSpec) and drawn later on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from desktop.analysis.chart_spec import CROSS_COUNTRY_NOTE, LineChartSpec, line_chart_spec
from desktop.analysis.comparison import IndicatorComparison, Profile, build_profile
from desktop.analysis.comparison_sentences import rank_text
from desktop.analysis.currency import view_dataset
from desktop.analysis.findings import TITLE as FINDINGS_TITLE
from desktop.analysis.findings import findings
from desktop.analysis.latest_each import common_year, rule_name, stale_notes, year_label
from desktop.analysis.latest_each import word as latest_word
from desktop.analysis.panel import panel_for
from desktop.analysis.profile_table import build_profile_table, unit_text
from desktop.analysis.vintages import vintage_note
from desktop.core.breaks_register import SuspectValue
from desktop.core.catalog import Indicator, Source
from desktop.core.dataset import Dataset
from desktop.core.errors import UnknownCityError
from desktop.core.progress import NullProgress, Progress, check_cancelled
from desktop.report.methodology import methodology_blocks
from desktop.report.model import (
    LATEST_EACH,
    Block,
    ChartBlock,
    ContentsBlock,
    ContentsEntry,
    CoverBlock,
    Heading,
    LegendEntry,
    PageBreak,
    Paragraph,
    ReportDocument,
    ReportOptions,
    TableBlock,
    TableRow,
)
from desktop.report.palette import series_colors
from desktop.report.pool_rank import pool_ranks
from desktop.report.sparkline import SPAN as SPARK_SPAN
from desktop.report.sparkline import sparkline
from desktop.report.structure import TITLE as STRUCTURE_TITLE
from desktop.report.structure import structure_blocks, structure_data
from desktop.text.phrases import category_name, join_names, text
from desktop.text.translator import N_, Translator, as_translator, translator

#: Shown first in the summary when chosen; other chosen indicators follow up to SUMMARY_SIZE.
KEY_INDICATORS = ("gdp", "gdp_per_capita", "gdp_real_growth", "population_resident",
                  "population_registered", "average_wage", "employment", "gdp_share_tertiary")
SUMMARY_SIZE = 8
#: A chart note repeated under this many charts is said once, in the Methodology.
SHARED_NOTE_CHARTS = 3


def validate_options(dataset: Dataset, options: ReportOptions) -> None:
    """Raise Unknown*Error before any work for a city or indicator the dataset lacks."""
    for city_id in (options.focus_id, *options.peer_ids):
        if city_id not in dataset.cities:
            raise UnknownCityError(name=city_id)
    for indicator_id in options.indicator_ids or ():
        dataset.indicator(indicator_id)


def format_date(iso: str, lang: str | Translator) -> str:
    """'7 December 2026' / '2026年12月7日' (not the C library's locale-dependent month)."""
    day = dt.date.fromisoformat(iso)
    return as_translator(lang).date(day.year, day.month, day.day)


def _slug(textual: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", textual.lower()).strip("-") or "section"


class _Builder:
    """Collects blocks section by section; one instance per report."""

    def __init__(self, dataset: Dataset, options: ReportOptions, profile: Profile) -> None:
        self.dataset, self.options, self.profile = dataset, options, profile
        self.lang = options.lang
        self.tr = translator(options.lang)
        self.focus = dataset.cities[options.focus_id]
        self.peers = [dataset.cities[p] for p in profile.peer_ids]
        self.city_ids = [profile.focus_id, *profile.peer_ids]
        self.rows = {row.indicator_id: row for row in profile.rows}
        self.blocks: list[Block] = []
        #: suspect values count in medians, ranks and sentences (the user's choice)
        self.include_suspect = False
        #: notes said once in the Methodology instead of under every chart
        self.shared_notes: list[str] = []
        self._table_title = ""  # the heading of the table being built (continuation pages)
        self._pinned_notes: set[str] = set()  # break and suspect notes: never shared
        self._sources: list[Source] | None = None

    # --- helpers -------------------------------------------------------------------------
    def indicator(self, indicator_id: str) -> Indicator:
        return self.dataset.indicator(indicator_id)

    def name(self, city_id: str) -> str:
        return self.dataset.cities[city_id].name(self.lang)

    def section(self, title: str, anchor: str, new_page: bool = True) -> None:
        """A level-1 heading; on a new page unless the section may follow on the page (short
        sections share pages: a four-city report stays within 16 pages)."""
        if self.blocks and new_page:
            self.blocks.append(PageBreak())
        self.blocks.append(Heading(title, 1, anchor))

    def used_sources(self) -> list[Source]:
        """The sources of the values this report shows, by id (asked by the cover and the
        notes: found once, from the panel's source codes rather than a scan of every
        observation)."""
        if self._sources is None:
            panel = panel_for(self.dataset)
            rows = panel.rows_of(self.city_ids)
            ids: set[str] = set()
            for indicator_id in self.rows:
                ids |= panel.sources_used(indicator_id, rows, slice(None))
            self._sources = [self.dataset.sources[i] for i in sorted(ids)
                             if i in self.dataset.sources]
        return self._sources

    def source_line(self, source: Source) -> str:
        """'Publisher: title (file)', with Chinese punctuation in a Chinese report."""
        publisher, title = source.publisher_in(self.lang), source.title_in(self.lang)
        return f"{publisher}{self.tr.colon}{title}{self.tr.parens(source.file)}"

    def source_with_caveats(self, source: Source) -> str:
        """The source line followed by its caveats, so a reader of the printed report sees
        what the numbers cannot be used for (e.g. Liaoning's 2016 restatement)."""
        line, notes = self.source_line(source), source.notes_in(self.lang)
        if not notes:
            return line
        return self.tr.sentence(line) + self.tr.word_sep + notes

    # --- sections ------------------------------------------------------------------------
    def cover(self) -> None:
        lang, options = self.lang, self.options
        peers = join_names([p.name(lang) for p in self.peers], lang)
        place = self.focus.kind_label(lang)
        province = self.tr.pick(self.focus.province_en, self.focus.province_zh)
        facts = [
            (text("focus_city", lang), self.tr.comma.join(
                x for x in (self.focus.name(lang), place, province) if x)),
            (text("peers", lang), peers or "—"),
        ]
        if options.group_id and options.group_id in self.dataset.groups:
            facts.append((text("peer_group", lang),
                          self.dataset.groups[options.group_id].name(lang)))
        year = str(options.year) if options.year else text("latest_year", lang)
        if options.year == LATEST_EACH:
            year = rule_name(lang)
        facts.append((text("comparison_year", lang), year))
        facts.append((text("date", lang), format_date(self.date, lang)))
        self.blocks.append(CoverBlock(
            title=self.title, subtitle=text("subtitle", lang, focus=self.focus.name(lang),
                                            count=len(self.peers)),
            facts=tuple(facts),
            # the publishers only: files and caveats are under Notes, the cover stays one page
            sources=tuple(dict.fromkeys(s.publisher_in(lang) for s in self.used_sources())),
            sources_label=text("data_sources", lang),
        ))

    def summary(self) -> None:
        lang = self.lang
        self.section(text("summary", lang), "summary")
        peers = join_names([p.name(lang) for p in self.peers], lang)
        self.blocks.append(Paragraph(
            text("summary_lead", lang, focus=self.focus.name(lang), peers=peers,
                 count=len(self.city_ids)), "lead"))
        self._findings()
        self._at_a_glance()
        from desktop.report.locator import locator_blocks  # the locator map (issue 15)

        self.blocks.extend(locator_blocks(self.dataset, self.profile.focus_id,
                                          self.profile.peer_ids, lang))

    def _at_a_glance(self) -> None:
        """Key figures of the focus against the peer median, with the gap coloured (and its
        key), the rank and a sparkline of the last years: the numbers behind the findings."""
        lang = self.lang
        chosen = [i for i in KEY_INDICATORS if i in self.rows]
        chosen += [i for i in self.rows if i not in chosen]
        rows = [self.rows[i] for i in chosen
                if self.rows[i].focus.value is not None][:SUMMARY_SIZE]
        if not rows:
            return
        sub = Profile(self.profile.focus_id, self.profile.peer_ids, self.profile.requested_year,
                      tuple(rows))
        table = build_profile_table(self.dataset, sub, lang)
        gap_column = table.column_index("gap")
        suspect = [] if self.include_suspect else self.dataset.suspect_values
        pool = pool_ranks(self.dataset, self.profile.focus_id, self.profile.peer_ids,
                          [row.indicator_id for row in rows], self.options.year,
                          self.include_suspect, lang)
        table_rows, lines = [], []
        for row, cells in zip(rows, table.rows, strict=True):
            indicator = self.indicator(row.indicator_id)
            gap = cells[gap_column]
            table_rows.append(TableRow((
                indicator.label(lang),
                str(row.year or "—"),
                self._value_text(indicator, row),
                indicator.format(row.peer_median, lang),
                gap.text,
                rank_text(row, lang),
                pool.cell(row.indicator_id, self.tr),
                "",
            ), tones=(0, 0, gap.tone, 0, gap.tone, 0, 0, 0)))
            lines.append(sparkline(
                self.dataset, self.profile.focus_id, self.profile.peer_ids, row.indicator_id,
                row.year, {(v.city_id, v.year) for v in suspect
                           if v.indicator_id == row.indicator_id}))
        title = self.tr.gettext(_WORDS["at_a_glance"])
        trend = self.tr.gettext(_WORDS["trend"], span=SPARK_SPAN)
        self.blocks.append(Heading(title, 2))
        self.blocks.append(TableBlock(
            columns=(text("indicator", lang), text("year", lang), self.focus.name(lang),
                     text("peer_median", lang), text("gap", lang), text("rank", lang),
                     pool.column_title(self.tr), trend),
            rows=tuple(table_rows), align=("l", "r", "r", "r", "r", "r", "r", "l"),
            widths=(25, 7, 17, 17, 12 if self.tr.chinese else 9, 7, 10, 13),
            focus_column=2, role="summary", title=title, nowrap=(1, 2, 3, 4, 5, 6),
            tone_key=self._tone_key(), sparklines=tuple(lines), spark_column=7,
        ))
        note = pool.note(self.focus.name(lang), self.tr)
        if note:
            self.blocks.append(Paragraph(note, "note"))

    def _tone_key(self) -> tuple[str, str]:
        return (self.tr.gettext(_WORDS["better"]), self.tr.gettext(_WORDS["worse"]))

    def _findings(self) -> None:
        """The 3-5 ranked findings, numbered, first thing in the summary (issue 15)."""
        found = findings(self.dataset, self.profile, self.tr,
                         include_suspect=self.include_suspect)
        if not found:
            return
        self.blocks.append(Heading(self.tr.gettext(FINDINGS_TITLE), 2))
        self.blocks.extend(Paragraph(f"{n}. {finding.text}", "body")
                           for n, finding in enumerate(found, 1))

    def _value_text(self, indicator: Indicator, row: IndicatorComparison) -> str:
        value = indicator.format(row.focus.value, self.lang)
        if row.focus.year is not None and row.focus.year != row.year:
            value += f" ({row.focus.year})"
        if row.focus.suspect is not None:
            value += " ⚠"
        return value

    def categories(self, progress: Progress, start: float, end: float) -> None:
        grouped = [
            (category, [i.id for i in indicators if i.id in self.rows])
            for category, indicators in self.dataset.categories().items()
        ]
        grouped = [(c, ids) for c, ids in grouped if ids]
        total = sum(len(ids) for _, ids in grouped) or 1
        done = 0
        limit = self.options.charts_per_category
        for category, ids in grouped:
            name = category_name(category, self.lang)
            # the first section follows the summary's locator map when it fits beside it
            self.section(name, f"cat-{_slug(category)}", new_page=False)
            for indicator_id in ids:
                check_cancelled(progress)
                if limit is None or indicator_id in self.headline(ids, limit):
                    self.indicator_charts(indicator_id)
                done += 1
                progress.report(start + (end - start) * done / total, "charts")
            self._table_title = text("table_for", self.lang, category=name)
            self.blocks.append(Heading(self._table_title, 2))
            self.blocks.append(self.profile_table(ids))
        self._share_repeated_notes()

    def _share_repeated_notes(self) -> None:
        """A note printed under SHARED_NOTE_CHARTS charts or more (the currency conversion,
        what a US metro is) is said once, in the Methodology, instead of under each chart."""
        if "notes" not in self.options.sections:  # no Methodology: the notes stay put
            return
        charts = [b for b in self.blocks if isinstance(b, ChartBlock)]
        counts = Counter(note for chart in charts for note in set(chart.notes))
        shared = [note for note, count in counts.items()
                  if count >= SHARED_NOTE_CHARTS and note not in self._pinned_notes]
        if not shared:
            return
        self.shared_notes.extend(shared)
        self.blocks = [replace(b, notes=tuple(n for n in b.notes if n not in shared))
                       if isinstance(b, ChartBlock) else b for b in self.blocks]

    def headline(self, ids: Sequence[str], limit: int) -> set[str]:
        """The `limit` indicators of a section that get charts: those most of the compared
        cities have values for (a line of the focus alone says less than the table), in
        catalog order among equals."""
        def shared(indicator_id: str) -> int:
            return sum(self.dataset.has_series(c, indicator_id) for c in self.city_ids)

        ranked = sorted(range(len(ids)), key=lambda i: (-shared(ids[i]), i))
        return {ids[i] for i in ranked[:limit] if shared(ids[i])}

    def indicator_charts(self, indicator_id: str) -> bool:
        """The indicator's charts under its heading; False when it has none to draw."""
        lang = self.lang
        indicator = self.indicator(indicator_id)
        charts: list[ChartBlock] = []
        if "line" in self.options.chart_types:
            spec = line_chart_spec(self.dataset, self.profile.focus_id, self.profile.peer_ids,
                                   indicator_id, lang)
            if not spec.is_empty:
                colors = series_colors(len(spec.series))
                legend = tuple(LegendEntry(s.label, c, s.is_focus)
                               for s, c in zip(spec.series, colors, strict=True) if len(s.years))
                notes = [f"{b.year}: {b.note}" for b in spec.breaks]
                notes += self._suspect_chart_notes(spec)
                self._pinned_notes.update(notes)  # about this chart's points: kept under it
                notes += self._indicator_notes(indicator, spec.notes)
                charts.append(ChartBlock(
                    chart_id=f"line-{indicator_id}", kind="line", spec=spec,
                    title=text("over_time", lang, label=indicator.label(lang)),
                    unit=text("unit_line", lang, unit=unit_text(self.dataset, indicator_id, lang)),
                    legend=legend,
                    notes=tuple(notes),
                    source=text("source_line", lang, sources=spec.source_line)
                    if spec.source_line else "",
                    break_label=text("series_break", lang),
                    alt=f"{indicator.label(lang)}: {', '.join(e.label for e in legend)}",
                ))
        if "bar" in self.options.chart_types:
            bar = self.bar_chart(indicator_id)
            if bar is not None:
                charts.append(bar)
        if len(charts) > 1:  # one chart's title names the indicator already
            self.blocks.append(Heading(indicator.label(lang), 2))
        self.blocks.extend(charts)
        return bool(charts)

    def _suspect_chart_notes(self, spec: LineChartSpec) -> list[str]:
        """One note per suspect point drawn (grey hollow circle, apart from its line)."""
        lead = self.tr.gettext(_SUSPECT_POINT)
        return [f"⚠ {lead}{s.label} {int(year)}{self.tr.colon}{reason}"
                for s in spec.series
                for year, reason in zip(s.suspect_years, s.suspect_reasons, strict=True)]

    def _indicator_notes(self, indicator: Indicator, spec_notes: Sequence[str]) -> list[str]:
        """The chart spec's notes in the report's language (the spec's are English)."""
        notes = list(spec_notes)
        if indicator.notes_en in notes:
            notes[notes.index(indicator.notes_en)] = indicator.notes(self.lang)
        return [self.tr.gettext(CROSS_COUNTRY) if n == CROSS_COUNTRY_NOTE else n
                for n in notes]

    def bar_chart(self, indicator_id: str) -> ChartBlock | None:
        """The compared cities at the profile's year as a ranking (best at the top), drawn
        by the window's ranking code; each bar in its city's colour of the line chart."""
        from desktop.analysis.ranking import RankBar, RankingSpec

        row = self.rows[indicator_id]
        indicator = self.indicator(indicator_id)
        factor = indicator.display.factor
        colors = dict(zip((c.city_id for c in row.cells), series_colors(len(row.cells)),
                          strict=True))
        each = self.options.year == LATEST_EACH  # each bar's year in its label
        bars, legend = [], []
        for cell in row.cells:
            if cell.value is None:
                continue
            label = self.name(cell.city_id)
            if each and cell.year is not None:
                label = year_label(label, cell.year, self.lang)
            is_focus = cell.city_id == self.profile.focus_id
            reason = cell.suspect.reason(self.lang) if cell.suspect is not None else ""
            bars.append(RankBar(cell.city_id, label, cell.value / factor,
                                cell.year or row.year or 0, cell.rank, is_focus, not is_focus,
                                reason, bool(reason) and self.include_suspect))
            legend.append(LegendEntry(label, colors[cell.city_id], is_focus))
        if not bars:
            return None
        descending = indicator.higher_is_better is not False
        bars.sort(key=lambda b: -b.value if descending else b.value)  # stable: ties keep order
        label = indicator.label(self.lang)
        title = text("in_year", self.lang, label=label, year=row.year or "—")
        notes: tuple[str, ...] = ()
        alt = f"{label}, {row.year}"
        if each:  # older than the year most bars are from: stale, in the profile's words
            dated = [(self.name(c.city_id), c.year) for c in row.cells
                     if c.value is not None and c.year is not None]
            title = latest_word("title", self.lang, label=label)
            notes = tuple(stale_notes(dated, common_year(y for _, y in dated), self.lang))
            alt = title
        suffix = indicator.display.suffix(self.lang)
        spec = RankingSpec(
            indicator_id=indicator_id, title=title, value_label=label, unit_suffix=suffix,
            decimals=indicator.display.decimals, year=row.year, bars=tuple(bars),
            focus_index=next((i for i, b in enumerate(bars) if b.is_focus), None),
            peer_median=None if row.peer_median is None else row.peer_median / factor,
            peer_median_label=text("peer_median", self.lang),
            higher_is_better=indicator.higher_is_better, source_line="", notes=notes,
            include_suspect=self.include_suspect)
        return ChartBlock(
            chart_id=f"bar-{indicator_id}", kind="bar", spec=spec,
            title=title,
            unit=text("unit_line", self.lang,
                      unit=unit_text(self.dataset, indicator_id, self.lang)),
            legend=tuple(legend),
            notes=notes, source="", alt=alt,
        )

    def profile_table(self, indicator_ids: Sequence[str]) -> TableBlock:
        lang = self.lang
        sub = Profile(self.profile.focus_id, self.profile.peer_ids, self.profile.requested_year,
                      tuple(self.rows[i] for i in indicator_ids))
        table = build_profile_table(self.dataset, sub, lang)
        titles = {"indicator": text("indicator", lang), "unit": text("unit", lang),
                  "year": text("year", lang), "peer_median": text("peer_median", lang),
                  "gap": text("gap", lang), "rank": text("rank", lang)}
        columns = tuple(self.name(c.city_id) if c.city_id else titles[c.key]
                        for c in table.columns)
        rank_column = table.column_index("rank")
        rows = []
        for indicator_id, cells in zip(table.indicator_ids, table.rows, strict=True):
            texts = [c.text for c in cells]
            texts[rank_column] = rank_text(self.rows[indicator_id], lang)
            rows.append(TableRow(tuple(texts), tones=tuple(c.tone for c in cells)))
        count = len(self.city_ids)
        gap_width = 15 if self.tr.chinese else 11  # '−3.4个百分点' on one line (wide script)
        return TableBlock(
            columns=columns, rows=tuple(rows),
            align=("l", "l", "r", *("r",) * count, "r", "r", "r"),
            widths=(20, 10, 6, *(13,) * count, 12, gap_width, 9),
            focus_column=table.focus_column, role="profile",
            note=text("other_year_note", lang), title=self._table_title,
            nowrap=(1, 2, *range(3 + count, 6 + count)), tone_key=self._tone_key(),
        )

    def structure(self, published: Dataset) -> None:
        """Location quotients of the focus and its peers and the focus city's shift-share,
        from the Structure tab's own computation (desktop.session.structure_spec)."""
        data = structure_data(published, self.profile.focus_id, tuple(self.profile.peer_ids),
                              self.options.year, self.lang)
        self.section(self.tr.gettext(STRUCTURE_TITLE), "structure", new_page=False)
        self.blocks.extend(structure_blocks(data, self.tr))

    def notes(self) -> None:
        lang = self.lang
        colon = self.tr.colon
        sources = self.used_sources()
        method = methodology_blocks(self.dataset, self.options, self.profile, self.tr,
                                    include_suspect=self.include_suspect,
                                    date=format_date(self.date, lang),
                                    source_count=len(sources))
        self.section(method[0].text, method[0].anchor, new_page=False)
        self.blocks.extend(method[1:])
        self.blocks.extend(Paragraph(note, "note") for note in self.shared_notes)
        self.section(text("notes", lang), "notes", new_page=False)
        self.blocks.append(Heading(text("sources", lang), 2))
        self.blocks.extend(Paragraph(self.source_with_caveats(source), "note")
                           for source in sources)
        definitions = []
        charted = {note for block in self.blocks if isinstance(block, ChartBlock)
                   for note in block.notes}
        for indicator_id in self.rows:
            indicator = self.indicator(indicator_id)
            # a note printed under the indicator's chart is not repeated here
            notes = "" if indicator.notes(lang) in charted else indicator.notes(lang)
            # Chinese sentences follow each other without a space.
            body = self.tr.word_sep.join(x for x in (indicator.definition(lang), notes) if x)
            if body:
                definitions.append(Paragraph(f"{indicator.label(lang)}{colon}{body}", "note",
                                             term=indicator.label(lang)))
        if definitions:
            self.blocks.append(Heading(text("definitions", lang), 2))
            self.blocks.extend(definitions)
        self.blocks.append(Heading(text("series_breaks", lang), 2))
        breaks = []
        for series_break in self.dataset.series_breaks:
            cities = [c for c in self.city_ids if c in series_break.city_ids]
            indicators = [i for i in self.rows if i in series_break.indicator_ids]
            if not cities or not indicators:
                continue
            note = series_break.note(lang)
            names = join_names([self.name(c) for c in cities], lang)
            labels = self.tr.parens(self.tr.join(self.indicator(i).label(lang)
                                                 for i in indicators))
            breaks.append(Paragraph(f"{series_break.year} — {names}{colon}{note}{labels}",
                                    "note"))
        self.blocks.extend(breaks or [Paragraph(text("no_breaks", lang), "note")])
        self._register_notes(colon)

    def _register_notes(self, colon: str) -> None:
        """The breaks register's suspect values and vintage differences that concern these
        cities and indicators (its breaks are among the series breaks above)."""
        lang = self.lang
        grouped: dict[tuple[str, str, str], list[SuspectValue]] = {}
        for suspect in self.dataset.suspect_values:  # one note per entry, city, indicator
            if suspect.city_id in self.city_ids and suspect.indicator_id in self.rows:
                key = (suspect.entry_id, suspect.city_id, suspect.indicator_id)
                grouped.setdefault(key, []).append(suspect)
        if grouped:
            heading = "suspect_included" if self.include_suspect else "suspect"
            self.blocks.append(Heading(self.tr.gettext(_REGISTER_HEADINGS[heading]), 2))
            comma = self.tr.comma
            for (_entry, city_id, indicator_id), values in grouped.items():
                years = text("list_sep", lang).join(str(v.year) for v in values)
                label = self.indicator(indicator_id).label(lang)
                self.blocks.append(Paragraph(
                    f"{years} — {self.name(city_id)}{comma}{label}{colon}"
                    f"{values[0].reason(lang)}", "note"))
        # a vintage entry about provinces concerns a report on one of them or their cities
        provinces = {self.dataset.cities[c].province_en for c in self.city_ids}
        vintages = [e for e in self.dataset.register.entries
                    if e.kind == "vintage" and e.confirmed
                    and any(i in self.rows for i in e.indicator_ids)
                    and any(c in self.dataset.cities
                            and self.dataset.cities[c].province_en in provinces
                            for c in e.city_ids)]
        # a city beside its province compares two vintages: said once, first
        mixed = vintage_note(self.dataset, self.city_ids, list(self.rows), lang)
        if vintages or mixed:
            self.blocks.append(Heading(self.tr.gettext(_REGISTER_HEADINGS["vintage"]), 2))
            if mixed:
                self.blocks.append(Paragraph(mixed, "note"))
            self.blocks.extend(Paragraph(e.sentence(lang), "note") for e in vintages)

    def appendix(self, progress: Progress) -> None:
        lang = self.lang
        self.section(text("appendix", lang), "appendix")
        self.blocks.append(Paragraph(text("appendix_lead", lang), "lead"))
        names = tuple(self.name(c) for c in self.city_ids)
        for indicator_id in self.rows:
            check_cancelled(progress)
            indicator = self.indicator(indicator_id)
            frame = self.dataset.wide(indicator_id, self.city_ids).dropna(how="all")
            if frame.empty:
                continue
            unit = unit_text(self.dataset, indicator_id, lang)
            self.blocks.append(Heading(f"{indicator.label(lang)} ({unit})", 2))
            rows = []
            for year, values in frame.iterrows():
                cells = tuple(indicator.display.format(v, lang, with_suffix=False)
                              for v in values.to_numpy(dtype=float))
                rows.append(TableRow((str(int(year)), *cells),
                                     emphasis=int(year) == self.rows[indicator_id].year))
            self.blocks.append(TableBlock(
                columns=(text("year", lang), *names), rows=tuple(rows),
                align=("l", *("r",) * len(names)), widths=(10, *(18,) * len(names)),
                focus_column=1, role="data",
            ))

    def meta(self) -> dict[str, str]:
        """The PDF's document information: subject and keywords (city names, the group)."""
        lang = self.lang
        group = self.options.group_id
        return {
            "focus": self.focus.name(lang),
            "peers": "\n".join(p.name(lang) for p in self.peers),
            "group": self.dataset.groups[group].name(lang)
            if group and group in self.dataset.groups else "",
            "kind": self.tr.gettext(_KEYWORD),
            "subject": text("subtitle", lang, focus=self.focus.name(lang),
                            count=len(self.peers)),
        }

    def contents(self) -> ContentsBlock:
        entries = tuple(ContentsEntry(b.anchor, b.text) for b in self.blocks
                        if isinstance(b, Heading) and b.level == 1)
        return ContentsBlock(text("contents", self.lang), entries)


#: Headings of the breaks register's notes (Chinese in the catalogue).
_REGISTER_HEADINGS = {
    "suspect": N_("Suspect values (shown marked ⚠, left out of medians, ranks and changes)"),
    "vintage": N_("Data vintages"),
    "suspect_included": N_("Suspect values (shown marked ⚠, included in medians, ranks and "
                           "changes at the user's choice)"),
}


#: The report's own words (Chinese in the catalogue).
_WORDS = {
    "at_a_glance": N_("At a glance"),
    "trend": N_("Trend, {span} years"),
    "better": N_("better than the peer median"),
    "worse": N_("worse than the peer median"),
}

#: desktop.analysis.chart_spec.CROSS_COUNTRY_NOTE as a catalogue entry (the window translates
#: it through Qt's catalogue; a test keeps the two texts equal)
CROSS_COUNTRY = N_(
    "Chinese prefecture-level cities include their rural counties; US metropolitan areas are "
    "commuting regions. Money values are converted between US dollars and yuan at the World "
    "Bank's annual average exchange rate of each year; the chart says which currency it shows."
)

#: a keyword of the PDF's document information
_KEYWORD = N_("city profile")

#: what a grey hollow circle on a report chart is
_SUSPECT_POINT = N_("grey hollow circle, a suspect value not joined into its line: ")


def build_report(
    dataset: Dataset, options: ReportOptions, progress: Progress | None = None,
    include_suspect: bool = False,
) -> ReportDocument:
    """Everything a report says, section by section (raises Unknown*Error, CancelledError).
    `include_suspect`: suspect values count in medians, ranks and sentences (still marked)."""
    progress = progress or NullProgress()
    validate_options(dataset, options)
    published = dataset
    # money in one currency for the whole report (auto: US$ when the places mix countries)
    # ... at the view's prices (current, or constant prices of a base year: labels say which)
    dataset = view_dataset(dataset, [options.focus_id, *options.peer_ids], options.currency,
                           options.prices)
    progress.report(0.0, "comparing")
    profile = build_profile(dataset, options.focus_id, options.peer_ids,
                            list(options.indicator_ids) if options.indicator_ids else None,
                            options.year, include_suspect=include_suspect)
    builder = _Builder(dataset, options, profile)
    builder.include_suspect = include_suspect
    lang = options.lang
    builder.date = options.date or dt.date.today().isoformat()
    builder.title = text("report_title", lang, focus=builder.focus.name(lang))
    sections = options.sections
    check_cancelled(progress)
    if "summary" in sections:
        builder.summary()
    if "categories" in sections:
        builder.categories(progress, 0.1, 0.8)
        # the economy's structure follows the indicator sections (issue 15): on the data as
        # published (nominal yuan), as the window's Structure tab shows it
        builder.structure(published)
    if "notes" in sections:
        builder.notes()
    if "appendix" in sections:
        builder.appendix(progress)
    body = builder.blocks
    builder.blocks = []
    front: list[Block] = []
    if "cover" in sections:
        builder.cover()
        front.extend([*builder.blocks, PageBreak()])
    if "contents" in sections:  # on the cover's page when it fits there
        builder.blocks = body
        front.extend([builder.contents(), PageBreak()])
        if len(front) > 2 and isinstance(front[-3], PageBreak):
            del front[-3]
    if front and body and isinstance(body[0], PageBreak):
        body = body[1:]
    blocks = [*front, *body]
    if blocks and isinstance(blocks[-1], PageBreak):
        blocks.pop()
    progress.report(1.0, "built")
    return ReportDocument(
        options=options,
        title=builder.title,
        header=builder.title,
        date=format_date(builder.date, lang),
        blocks=tuple(blocks),
        meta=builder.meta(),
    )
