"""The report's Structure section: location quotients and shift-share as tables and notes.

Nothing is computed here: the numbers come from desktop.session.structure_spec, the same
StructureSpec the window's Structure tab shows (so the report and the tab never disagree); this
module only words it for paper, in the report's language, through the text catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.analysis.structure import SECTORS, LocationQuotients
from desktop.core.dataset import Dataset
from desktop.core.units import DisplayScale
from desktop.report.model import Block, Heading, Paragraph, TableBlock, TableRow
from desktop.session.selection import Selection
from desktop.session.structure_spec import (
    LqSection,
    ShiftSection,
    StructureChoice,
    structure_spec,
    structure_years,
)
from desktop.text.translator import N_, Translator

BASES = ("gdp", "employment")


@dataclass(frozen=True)
class StructureData:
    """What the Structure section shows: one LqSection per basis and the shift-share."""

    focus_id: str
    city_ids: tuple[str, ...]  # focus first
    names: dict[str, str]
    lq: dict[str, LqSection]
    shift: ShiftSection


def structure_data(dataset: Dataset, focus_id: str, peer_ids: tuple[str, ...],
                   year: int | str | None, lang: str) -> StructureData:
    """The Structure tab's spec for both bases and its default shift-share period (the last
    ten years up to the latest year the focus shares with its peers)."""
    # the indicator is the time distance's, which the report does not show
    selection = Selection(focus_id, tuple(peer_ids), "gdp", year=year)
    years = structure_years(dataset, selection)
    start, end = years.shift_default or (0, 0)
    lq: dict[str, LqSection] = {}
    shift: ShiftSection | None = None
    for basis in BASES:
        wanted = ("lq", "shift") if basis == "gdp" else ("lq",)
        spec = structure_spec(dataset, selection, StructureChoice(basis, start, end), lang,
                              wanted)
        assert spec.lq is not None
        lq[basis] = spec.lq
        if spec.shift is not None:
            shift = spec.shift
    assert shift is not None
    cities = (focus_id, *peer_ids)
    return StructureData(focus_id, cities, {c: dataset.cities[c].name(lang) for c in cities},
                         lq, shift)


def structure_blocks(data: StructureData, tr: Translator) -> list[Block]:
    """The section's subsections (its level-1 heading is the builder's)."""
    blocks: list[Block] = []
    blocks.extend(_lq_blocks(data, tr))
    blocks.extend(_shift_blocks(data, tr))
    return blocks


def _sector(sector: str, tr: Translator) -> str:
    return tr.gettext(_SECTORS[sector])


def _lq_blocks(data: StructureData, tr: Translator) -> list[Block]:
    focus = data.names[data.focus_id]
    title = tr.gettext(_WORDS["lq_title"])
    shown = [b for b in BASES if not data.lq[b].problem]
    if not shown:  # the focus has no sector data at all (a US metro area): one line
        return [Heading(title, 2),
                Paragraph(tr.gettext(_WORDS["lq_none"], city=focus), "body")]
    columns = [tr.gettext(_WORDS["city"])]
    for basis in shown:
        section = data.lq[basis]
        columns += [tr.gettext(_WORDS["lq_column"], sector=_sector(s, tr),
                               basis=tr.gettext(_BASIS[basis]), year=section.year)
                    for s in SECTORS]
    rows = []
    for city_id in data.city_ids:
        cells = [data.names[city_id]]
        for basis in shown:
            result = data.lq[basis].results.get(city_id)
            cells += [_lq_text(result, sector) for sector in SECTORS]
        rows.append(TableRow(tuple(cells), emphasis=city_id == data.focus_id))
    count = len(columns) - 1
    blocks: list[Block] = [
        Heading(title, 2),
        TableBlock(columns=tuple(columns), rows=tuple(rows), align=("l", *("r",) * count),
                   widths=(22, *(12,) * count), role="data", title=title,
                   nowrap=tuple(range(1, count + 1))),
    ]
    notes = [tr.gettext(_WORDS["lq_meaning"])]
    notes += _reference_notes(data, shown, tr)
    for basis in shown:
        lacking = [data.names[c] for c in data.city_ids if c not in data.lq[basis].results]
        if lacking:
            notes.append(tr.gettext(_WORDS[f"lq_missing_{basis}"], cities=tr.join_and(lacking),
                                    year=data.lq[basis].year))
    for basis in BASES:
        if basis not in shown:  # the other basis is shown: say why this one is not
            notes.append(tr.gettext(_WORDS[f"lq_focus_no_{basis}"], city=focus))
    notes += _method_notes(data, shown, tr)
    blocks.extend(Paragraph(note, "note") for note in notes)
    return blocks


def _lq_text(result: LocationQuotients | None, sector: str) -> str:
    value = result.lq(sector) if result is not None else None
    return "—" if value is None else f"{value:.2f}"


def _reference_notes(data: StructureData, shown: list[str], tr: Translator) -> list[str]:
    """One line per basis and reference: each city is measured against its own comparable
    pool (a US metro area against US metro areas), so the reference is named per pool."""
    notes = []
    for basis in shown:
        section = data.lq[basis]
        by_pool: dict[tuple[str, int], list[str]] = {}
        for city_id in data.city_ids:
            result = section.results.get(city_id)
            if result is not None:
                key = (result.reference_label, result.reference_cities)
                by_pool.setdefault(key, []).append(city_id)
        for (label, count), cities in by_pool.items():
            notes.append(tr.gettext(
                _WORDS["lq_reference"], basis=tr.gettext(_BASIS[basis]),
                cities=tr.join_and(data.names[c] for c in cities), pool=tr.gettext(label),
                year=section.year, count=count))
    return notes


def _method_notes(data: StructureData, shown: list[str], tr: Translator) -> list[str]:
    """The analysis' own caveats (published shares, plain means, employees on payroll),
    said once each, in the report's language."""
    notes: list[str] = []
    for basis in shown:
        for result in data.lq[basis].results.values():
            for note in result.notes[1:]:
                for prefix, key in _METHOD_NOTES:
                    if note.startswith(prefix):
                        said = tr.gettext(_WORDS[key], count=result.reference_cities)
                        if said not in notes:
                            notes.append(said)
    return notes


def _signed(value: float, scale: DisplayScale) -> str:
    """+1,234.5 / −56.7 in the scale (a true minus sign, as the window writes it)."""
    return f"{scale.scaled(value):+,.{scale.decimals}f}".replace("-", "\u2212")


def _shift_blocks(data: StructureData, tr: Translator) -> list[Block]:
    section = data.shift
    focus = data.names[data.focus_id]
    title = tr.gettext(_WORDS["shift_title"], start=section.start, end=section.end)
    result, scale = section.result, section.scale
    if section.problem or result is None or scale is None:
        key = "shift_none" if section.problem == "no_sector_data" else "shift_missing"
        plain = tr.gettext(_WORDS["shift_plain"])
        return [Heading(plain, 2), Paragraph(tr.gettext(
            _WORDS[key], city=focus, start=section.start, end=section.end), "body")]
    columns = (tr.gettext(_WORDS["sector"]),
               tr.gettext(_WORDS["value_of"], year=result.start_year),
               tr.gettext(_WORDS["value_of"], year=result.end_year),
               tr.gettext(_WORDS["change"]), tr.gettext(_WORDS["growth"]),
               tr.gettext(_WORDS["mix"]), tr.gettext(_WORDS["competitive"]))
    rows = []
    for shift in (*result.sectors, result.total):
        rows.append(TableRow((
            tr.gettext(_TOTAL) if shift.sector == "total" else _sector(shift.sector, tr),
            scale.format(shift.start_value, with_suffix=False),
            scale.format(shift.end_value, with_suffix=False),
            _signed(shift.change, scale), _signed(shift.growth_effect, scale),
            _signed(shift.mix_effect, scale), _signed(shift.competitive_effect, scale),
        ), emphasis=shift.sector == "total"))
    lang = "zh" if tr.chinese else "en"
    notes = [
        tr.gettext(_WORDS["shift_caption"], city=focus, unit=scale.suffix(lang)),
        tr.gettext(_WORDS["shift_reference"], count=result.reference_cities, pool=section.pool,
                   start=result.start_year, end=result.end_year, city=focus),
        tr.gettext(_WORDS["shift_growth"], reference=f"{result.reference_growth:+.1f}",
                   city=focus, growth=f"{result.total.city_growth:+.1f}"),
    ]
    notes += [tr.gettext(_WORDS["shift_break"], year=year, note=note)
              for year, note in section.breaks]
    return [
        Heading(title, 2),
        TableBlock(columns=columns, rows=tuple(rows), align=("l", *("r",) * 6),
                   widths=(16, 13, 13, 13, 13, 15, 15), role="data", title=title,
                   nowrap=(1, 2, 3, 4, 5, 6)),
        *(Paragraph(note, "note") for note in notes),
    ]


_SECTORS = {"primary": N_("Primary"), "secondary": N_("Secondary"),
            "tertiary": N_("Tertiary")}
_TOTAL = N_("Total")
_BASIS = {"gdp": N_("GDP"), "employment": N_("employment")}

#: (the analysis' English note starts with, the catalogue sentence that says it)
_METHOD_NOTES = (
    ("The city's shares are the published GDP shares", "published_shares"),
    ("Reference shares are the plain mean", "plain_mean"),
    ("Employment shares are of employees on payroll", "payroll"),
)

#: The section's words (Chinese in the catalogue); the Structure tab says the same in Qt's.
_WORDS = {
    "title": N_("Sectors: specialisation and growth"),
    "lq_title": N_("Location quotients"),
    "city": N_("City"),
    "lq_column": N_("{sector}, {basis} {year}"),
    "lq_none": N_("No sector data for {city}: location quotients need primary, secondary and "
                  "tertiary shares, which the data has for Chinese cities only."),
    "lq_meaning": N_("Location quotient: a sector's share of the city's value added (GDP) or "
                     "employment divided by its share in the reference; above 1 means more "
                     "specialised than the reference."),
    "lq_reference": N_("Reference ({basis}) of {cities}: all {pool} with data in {year} "
                       "({count} cities), the city included."),
    "lq_missing_gdp": N_("No sector value added for {cities} in {year} (the data has it for "
                         "Chinese cities only): — in the GDP columns."),
    "lq_missing_employment": N_("No employment by sector for {cities} in {year}: — in the "
                                "employment columns."),
    "lq_focus_no_gdp": N_("No sector value added for {city} (the data has it for Chinese "
                          "cities only): location quotients on the employment basis only."),
    "lq_focus_no_employment": N_("No employment by sector for {city}: location quotients on "
                                 "the GDP basis only."),
    "published_shares": N_("The city's shares are the published GDP shares (no value added)."),
    "plain_mean": N_("Reference shares are the plain mean of {count} cities' published "
                     "shares (no totals to weight them)."),
    "payroll": N_("Employment shares are of employees on payroll (单位从业人员), not all "
                  "employed persons."),
    "shift_title": N_("Shift-share analysis, {start}–{end}"),
    "shift_plain": N_("Shift-share analysis"),
    "shift_none": N_("No sector data for {city}: shift-share needs value added by sector, "
                     "which the data has for Chinese cities only."),
    "shift_missing": N_("Shift-share needs value added by sector for {city} in both {start} "
                        "and {end}."),
    "sector": N_("Sector"),
    "value_of": N_("{year} value"),
    "change": N_("Change"),
    "growth": N_("Growth effect"),
    "mix": N_("Industry-mix effect"),
    "competitive": N_("Competitive effect"),
    "shift_caption": N_("Value added of {city} by sector, {unit} at current prices (nominal). "
                        "Growth effect + industry-mix effect + competitive effect = change."),
    "shift_reference": N_("Reference: the sum over the {count} {pool} with sector value added "
                          "in both {start} and {end}, {city} included. Nominal yuan, not "
                          "adjusted for prices."),
    "shift_growth": N_("Over the period the reference grew {reference}%, {city} {growth}%."),
    "shift_break": N_("Series break in {year} inside the period: {note}"),
}

TITLE = _WORDS["title"]
