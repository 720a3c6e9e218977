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

#: How to ask for replacement, said where the user can do it.
_HINTS = {
    "cli": ("To replace the bundled values instead, run again with --replace.",
            "如要改为替换已有数值，请加 --replace 重新运行。"),
    "window": ("To replace the bundled values instead, import again and choose “Replace the "
               "bundled values”.",
               "如要改为替换已有数值，请重新导入并选择“替换已有数值”。"),
    "": ("", ""),
}


def merge_lines(dataset: Dataset, summary: MergeSummary, lang: str = "en",
                hint: str = "cli", shown: int = 10) -> list[str]:
    """Lines saying what the merge did with values the data already had; `dataset` is the
    merged one (it names the separate series). `hint`: 'cli', 'window' or ''."""
    zh = lang == "zh"
    lines: list[str] = []
    if summary.replace and summary.overlaps:
        differ = len(summary.conflicts)
        lines.append(
            f"已有数据中的{len(summary.overlaps):,}个数值被导入数值替换（其中{differ:,}个数值"
            "不同）；以下列出全部被替换的数值（城市、年份：原有 → 导入），不同的在前：" if zh else
            f"{_count(len(summary.overlaps), 'value')} in the data replaced by imported ones "
            f"({differ:,} with a different value); every replaced key follows (city, year: "
            "before → imported), the different ones first:")
        conflicts = sorted(summary.conflicts, key=lambda o: -abs(o.change))
        if conflicts:
            lines.append(_by_city(dataset, conflicts, lang))
        lines += [_overlap_line(dataset, o, lang) for o in conflicts]
        same = [o for o in summary.overlaps if not o.differs]
        if same:
            lines.append(f"以相同数值替换的（{len(same):,}个）：" if zh else
                         f"Replaced with the same value ({len(same):,}):")
            lines += [_overlap_line(dataset, o, lang) for o in same]
    for catalog_id, series_id in summary.separate_series.items():
        lines += _separate_lines(dataset, summary, catalog_id, series_id, lang, shown)
    if summary.separate_series and _HINTS[hint][0]:
        lines.append(_HINTS[hint][1 if zh else 0])
    if summary.values_equal:
        lines.append(
            f"{summary.values_equal:,}个导入数值与已有数据同一城市、同一年份的数值完全相同，"
            "未重复导入（已有数值保留其来源）。" if zh else
            f"{_count(summary.values_equal, 'imported value')} equal the data's for the same "
            f"city and year exactly; {'it was' if summary.values_equal == 1 else 'they were'} "
            "not imported again (the data's values keep their source).")
    if not summary.overlaps:
        lines.append("导入数值与已有数据没有重叠：已有数值均未改动。" if zh else
                     "No imported value falls on a city and year the data already has: no "
                     "value in the data was changed.")
    return lines


def _separate_lines(dataset: Dataset, summary: MergeSummary, catalog_id: str, series_id: str,
                    lang: str, shown: int) -> list[str]:
    """Why an indicator's import became its own series, and its largest differences."""
    zh = lang == "zh"
    label = dataset.indicators[catalog_id].label(lang)
    series = dataset.indicators[series_id].label(lang)
    overlaps = [o for o in summary.overlaps if o.indicator_id == catalog_id]
    conflicts = [o for o in overlaps if o.differs]
    count = int((dataset.observations["indicator_id"] == series_id).sum())
    sources = sorted({o.old_source_id for o in conflicts})
    named = ("；" if zh else "; ").join(
        dataset.sources[s].publisher_in(lang) if s in dataset.sources else s for s in sources)
    lines = [
        f"导入的{label}中有{len(overlaps):,}个数值落在已有数据的城市和年份上，其中{len(conflicts):,}"
        f"个与已有数值不同（已有数值来自{named}）。为不把两个来源混入同一序列，{label}的全部"
        f"{count:,}个导入数值单列为“{series}”，已有序列不变。" if zh else
        _differ_en(len(conflicts), len(overlaps), label) + f" (bundled source: {named}). "
        "Not to mix two sources in one series, "
        + (f"the imported value of {label} comes" if count == 1 else
           f"all {count:,} imported values of {label} come")
        + f" in as a separate series, “{series}”; the bundled series is unchanged."]
    lines.append(_by_city(dataset, conflicts, lang))
    largest = sorted(conflicts, key=lambda o: -abs(o.change))[:shown]
    lines.append("差异最大的数值（城市、年份：已有 → 导入，变化）：" if zh else
                 "Largest differences (city, year: in the data → imported, change):")
    lines += [_overlap_line(dataset, o, lang) for o in largest]
    if len(conflicts) > len(largest):
        more = len(conflicts) - len(largest)
        lines.append(f"  ……另有{more:,}个不同。" if zh else f"  … and {more:,} more differ.")
    return lines


def _differ_en(differ: int, overlaps: int, label: str) -> str:
    """'64 of the 577 imported values of GDP that fall on ... differ from it', agreeing."""
    where = "a city and year the bundled data already has"
    if overlaps == 1:
        return f"The imported value of {label} for {where} differs from it"
    verb = "differs" if differ == 1 else "differ"
    return (f"{differ:,} of the {overlaps:,} imported values of {label} that fall on {where} "
            f"{verb} from it")


def _by_city(dataset: Dataset, conflicts: list[Overlap], lang: str) -> str:
    """'Differing values by city: Tianjin 16 (largest -35.6%, 2016), Beijing 16 (...)', the
    cities with the largest difference first, so no city hides behind another's."""
    zh = lang == "zh"
    worst: dict[str, Overlap] = {}
    counts: dict[str, int] = {}
    for overlap in conflicts:
        counts[overlap.city_id] = counts.get(overlap.city_id, 0) + 1
        if overlap.city_id not in worst or abs(overlap.change) > abs(
                worst[overlap.city_id].change):
            worst[overlap.city_id] = overlap
    order = sorted(worst, key=lambda c: -abs(worst[c].change))
    parts = []
    for city_id in order:
        change, year = _change(worst[city_id], lang, dataset), worst[city_id].year
        parts.append(f"{dataset.cities[city_id].name(lang)} {counts[city_id]:,}"
                     + (f"（最大 {change}，{year}年）" if zh
                        else f" (largest {change}, {year})"))
    return ("不同数值按城市：" + "、".join(parts) + "。" if zh else
            "Differing values by city: " + ", ".join(parts) + ".")


def _change(overlap: Overlap, lang: str, dataset: Dataset) -> str:
    """'+12.3%'; for a rate the difference in percentage points ('+0.50 pp'), as a ratio of
    two growth rates means little; or what stands in when there is no ratio."""
    if not overlap.differs:
        return "数值相同" if lang == "zh" else "same value"
    if dataset.indicators[overlap.indicator_id].unit == "percent":
        points = overlap.new - overlap.old
        return f"{points:+.2f}个百分点" if lang == "zh" else f"{points:+.2f} pp"
    if overlap.change == float("inf"):
        return "原为0" if lang == "zh" else "from 0"
    return f"{overlap.change * 100:+.1f}%"


def _overlap_line(dataset: Dataset, overlap: Overlap, lang: str) -> str:
    """'  Tianjin 2016: 17,837.89 亿元 → 11,487.00 亿元 (-35.6%), row 6, column J'."""
    zh = lang == "zh"
    city = dataset.cities[overlap.city_id].name(lang)
    scale = dataset.indicators[overlap.indicator_id].display
    old, new = scale.format(overlap.old, lang), scale.format(overlap.new, lang)
    change = _change(overlap, lang, dataset)
    if zh:
        return (f"  {city} {overlap.year}：{old} → {new}（{change}），"
                f"第{overlap.row}行第{overlap.column}列")
    return f"  {city} {overlap.year}: {old} → {new} ({change}), row {overlap.row}, column " \
           f"{overlap.column}"


def _count(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


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


#: The import dialog's words for the merge choice, English and Chinese. They live here, beside
#: the sentences they introduce, so the window and the command line name the choice alike.
UI_TEXT: dict[str, tuple[str, str]] = {
    "group": ("Values the data already has", "已有数据中的数值"),
    "keep": ("Keep as a separate series", "单列为一个序列（保留已有数值）"),
    "replace": ("Replace the bundled values", "替换已有数值"),
    "checking": ("Comparing with the data…", "正在与已有数据对照…"),
    "none": ("No imported value falls on a city and year the data already has: nothing in it "
             "will change.", "导入数值与已有数据没有重叠：已有数值不会改动。"),
    "equal": ("{n} imported values equal the data's exactly: no conflict, nothing in the data "
              "will change.", "{n}个导入数值与已有数据完全相同：没有冲突，已有数值不会改动。"),
    "differ": ("{n} imported values differ from the data for the same city and year ({cities}). "
               "Kept as a separate series, the data stays as it is; replaced, the import's "
               "values take their place. The tab “Compared with the data” lists them before and "
               "after.",
               "{n}个导入数值与已有数据同一城市、同一年份的数值不同（{cities}）。单列为一个序列时，"
               "已有数据保持不变；选择替换时，导入数值将取代它们。“与已有数据对照”标签页列出替换前后"
               "的数值。"),
    "tab": ("Compared with the data", "与已有数据对照"),
    "columns": ("City|Indicator|Year|In the data|Imported|Change|Row|Column",
                "城市|指标|年份|已有数值|导入数值|变化|行|列"),
}


def ui_text(key: str, lang: str = "en", **values: object) -> str:
    """One of UI_TEXT in `lang`, with `values` filled in."""
    en, zh = UI_TEXT[key]
    template = zh if lang == "zh" else en
    return template.format(**values) if values else template


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
    return ("、" if lang == "zh" else ", ").join(names) + ("…" if len(order) > 5 else "")
