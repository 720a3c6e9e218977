"""What a merge did to the data, in English or Chinese: for the CLI (`import`, `report --data`)
and the window's import report.

The merge (merge.py) returns counts and keys; the sentences live here, so the command line and
the window say the same thing: which values were not mixed into a bundled series and why,
the largest differences before and after (so the user can choose), and, when the user chose to
replace, every replaced key.
"""

from __future__ import annotations

from typing import Any

from desktop.core.dataset import Dataset
from desktop.importers.merge import MergeSummary, Overlap
from desktop.text.translator import N_, Translator, as_translator

#: How to ask for replacement, said where the user can do it.
_HINTS: dict[str, str] = {
    "cli": N_("To replace the bundled values instead, run again with --replace."),
    "window": N_(
        "To replace the bundled values instead, import again and choose “Replace the bundled "
        "values”."),
    "": "",
}


def merge_lines(dataset: Dataset, summary: MergeSummary, lang: str | Translator = "en",
                hint: str = "cli", shown: int = 10) -> list[str]:
    """Lines saying what the merge did with values the data already had; `dataset` is the
    merged one (it names the separate series). `hint`: 'cli', 'window' or ''."""
    tr = as_translator(lang)
    lines: list[str] = []
    if summary.replace and summary.overlaps:
        lines.append(tr.ngettext(
            "{n} value in the data replaced by imported ones ({differ} with a different "
            "value); every replaced key follows (city, year: before → imported), the different "
            "ones first:",
            "{n} values in the data replaced by imported ones ({differ} with a different "
            "value); every replaced key follows (city, year: before → imported), the different "
            "ones first:", len(summary.overlaps), differ=f"{len(summary.conflicts):,}"))
        conflicts = sorted(summary.conflicts, key=lambda o: -abs(o.change))
        if conflicts:
            lines.append(_by_city(dataset, conflicts, tr))
        lines += [_overlap_line(dataset, o, tr) for o in conflicts]
        same = [o for o in summary.overlaps if not o.differs]
        if same:
            lines.append(tr.gettext("Replaced with the same value ({count}):",
                                    count=f"{len(same):,}"))
            lines += [_overlap_line(dataset, o, tr) for o in same]
    for catalog_id, series_id in summary.separate_series.items():
        lines += _separate_lines(dataset, summary, catalog_id, series_id, tr, shown)
    if summary.separate_series and _HINTS[hint]:
        lines.append(tr.gettext(_HINTS[hint]))
    if summary.values_equal:
        lines.append(tr.ngettext(
            "{n} imported value equal the data's for the same city and year exactly; it was "
            "not imported again (the data's values keep their source).",
            "{n} imported values equal the data's for the same city and year exactly; they were "
            "not imported again (the data's values keep their source).", summary.values_equal))
    if not summary.overlaps:
        lines.append(tr.gettext(
            "No imported value falls on a city and year the data already has: no value in the "
            "data was changed."))
    return lines


def _separate_lines(dataset: Dataset, summary: MergeSummary, catalog_id: str, series_id: str,
                    tr: Translator, shown: int) -> list[str]:
    """Why an indicator's import became its own series, and its largest differences."""
    label = dataset.indicators[catalog_id].label(tr.lang)
    series = dataset.indicators[series_id].label(tr.lang)
    overlaps = [o for o in summary.overlaps if o.indicator_id == catalog_id]
    conflicts = [o for o in overlaps if o.differs]
    count = int((dataset.observations["indicator_id"] == series_id).sum())
    sources = sorted({o.old_source_id for o in conflicts})
    named = tr.clause_sep.join(
        dataset.sources[s].publisher_in(tr.lang) if s in dataset.sources else s
        for s in sources)
    if len(overlaps) == 1:
        differ = tr.gettext(
            "The imported value of {label} for a city and year the bundled data already has "
            "differs from it (bundled source: {named}).", label=label, named=named)
    else:
        differ = tr.ngettext(
            "{differ} of the {overlaps} imported values of {label} that fall on a city and year "
            "the bundled data already has differs from it (bundled source: {named}).",
            "{differ} of the {overlaps} imported values of {label} that fall on a city and year "
            "the bundled data already has differ from it (bundled source: {named}).",
            len(conflicts), differ=f"{len(conflicts):,}", overlaps=f"{len(overlaps):,}",
            label=label, named=named)
    separate = tr.ngettext(
        "Not to mix two sources in one series, the imported value of {label} comes in as a "
        "separate series, “{series}”; the bundled series is unchanged.",
        "Not to mix two sources in one series, all {n} imported values of {label} come in as "
        "a separate series, “{series}”; the bundled series is unchanged.",
        count, label=label, series=series)
    lines = [differ + tr.word_sep + separate, _by_city(dataset, conflicts, tr)]
    largest = sorted(conflicts, key=lambda o: -abs(o.change))[:shown]
    lines.append(tr.gettext("Largest differences (city, year: in the data → imported, change):"))
    lines += [_overlap_line(dataset, o, tr) for o in largest]
    if len(conflicts) > len(largest):
        lines.append("  " + tr.gettext("… and {more} more differ.",
                                       more=f"{len(conflicts) - len(largest):,}"))
    return lines


def _by_city(dataset: Dataset, conflicts: list[Overlap], tr: Translator) -> str:
    """'Differing values by city: Tianjin 16 (largest -35.6%, 2016), Beijing 16 (...)', the
    cities with the largest difference first, so no city hides behind another's."""
    worst: dict[str, Overlap] = {}
    counts: dict[str, int] = {}
    for overlap in conflicts:
        counts[overlap.city_id] = counts.get(overlap.city_id, 0) + 1
        if overlap.city_id not in worst or abs(overlap.change) > abs(
                worst[overlap.city_id].change):
            worst[overlap.city_id] = overlap
    order = sorted(worst, key=lambda c: -abs(worst[c].change))
    parts = [f"{dataset.cities[c].name(tr.lang)} {counts[c]:,}" + tr.gettext(
        " (largest {change}, {year})", change=_change(worst[c], tr, dataset),
        year=worst[c].year) for c in order]
    return tr.gettext("Differing values by city: {cities}.", cities=tr.join(parts))


def _change(overlap: Overlap, lang: str | Translator, dataset: Dataset) -> str:
    """'+12.3%'; for a rate the difference in percentage points ('+0.50 pp'), as a ratio of
    two growth rates means little; or what stands in when there is no ratio."""
    tr = as_translator(lang)
    if not overlap.differs:
        return tr.gettext("same value")
    if dataset.indicators[overlap.indicator_id].unit == "percent":
        return tr.gettext("{points} pp", points=f"{overlap.new - overlap.old:+.2f}")
    if overlap.change == float("inf"):
        return tr.gettext("from 0")
    return f"{overlap.change * 100:+.1f}%"


def _overlap_line(dataset: Dataset, overlap: Overlap, tr: Translator) -> str:
    """'  Tianjin 2016: 17,837.89 亿元 → 11,487.00 亿元 (-35.6%), row 6, column J'."""
    scale = dataset.indicators[overlap.indicator_id].display
    return "  " + tr.gettext(
        "{city} {year}: {old} → {new} ({change}), row {row}, column {column}",
        city=dataset.cities[overlap.city_id].name(tr.lang), year=overlap.year,
        old=scale.format(overlap.old, tr.lang), new=scale.format(overlap.new, tr.lang),
        change=_change(overlap, tr, dataset), row=overlap.row, column=overlap.column)


def merge_json(summary: MergeSummary) -> dict[str, Any]:
    """The merge for `--json`: counts, the separate series and every overlapping key."""
    return {
        "replace": summary.replace,
        "values_added": summary.values_added,
        "values_replaced": summary.values_replaced,
        "values_equal": summary.values_equal,
        "separate_series": summary.separate_series,
        "overlaps": [{"city_id": o.city_id, "indicator_id": o.indicator_id, "year": o.year,
                      "old": o.old, "old_source_id": o.old_source_id, "new": o.new,
                      "row": o.row, "column": o.column} for o in summary.overlaps],
    }


#: The import dialog's words for the merge choice (Chinese in the catalogue). They live here, beside
#: the sentences they introduce, so the window and the command line name the choice alike.
UI_TEXT: dict[str, str] = {
    "group": N_("Values the data already has"),
    "keep": N_("Keep as a separate series"),
    "replace": N_("Replace the bundled values"),
    "checking": N_("Comparing with the data…"),
    "none": N_(
        "No imported value falls on a city and year the data already has: nothing in it will "
        "change."),
    "equal": N_(
        "{n} imported values equal the data's exactly: no conflict, nothing in the data will "
        "change."),
    "differ": N_(
        "{n} imported values differ from the data for the same city and year ({cities}). Kept "
        "as a separate series, the data stays as it is; replaced, the import's values take "
        "their place. The tab “Compared with the data” lists them before and after."),
    "tab": N_("Compared with the data"),
    "columns": N_("City|Indicator|Year|In the data|Imported|Change|Row|Column"),
}


def ui_text(key: str, lang: str | Translator = "en", **values: object) -> str:
    """One of UI_TEXT in `lang`, with `values` filled in."""
    return as_translator(lang).gettext(UI_TEXT[key], **values)


def conflict_rows(dataset: Dataset, summary: MergeSummary, lang: str = "en") -> list[list[str]]:
    """The differing keys as table rows (city, indicator, year, before, after, change, row,
    column), the largest difference first: what the dialog lists before the user chooses."""
    rows = []
    for overlap in sorted(summary.conflicts, key=lambda o: -abs(o.change)):
        indicator = dataset.indicators[overlap.indicator_id]
        rows.append([dataset.cities[overlap.city_id].name(lang), indicator.label(lang),
                     str(overlap.year), indicator.display.format(overlap.old, lang),
                     indicator.display.format(overlap.new, lang), _change(overlap, lang, dataset),
                     str(overlap.row), overlap.column])
    return rows


def conflict_cities(dataset: Dataset, summary: MergeSummary, lang: str = "en") -> str:
    """'Tianjin, Beijing, Shanghai, Chongqing': the cities with differing values, the largest
    difference first (at most five, then '…')."""
    order: list[str] = []
    for overlap in sorted(summary.conflicts, key=lambda o: -abs(o.change)):
        if overlap.city_id not in order:
            order.append(overlap.city_id)
    names = [dataset.cities[c].name(lang) for c in order[:5]]
    return as_translator(lang).join(names) + ("…" if len(order) > 5 else "")
