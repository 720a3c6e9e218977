"""`city-profiles breaks`: the breaks register, and what the checker finds beyond it.

    city-profiles breaks [--city C] [--indicator I] [--json] [--lang en|zh] [--candidates]

Lists every register entry (confirmed and dismissed) that concerns the city and indicator
given: kind, status, years, places, indicators, the sentence and the evidence. With
`--candidates`, also the checker's candidates that no entry explains (desktop.analysis.
break_checker), for a person to confirm or dismiss. An unknown city or indicator raises
UnknownCityError / UnknownIndicatorError: the CLI prints one line and exits with status 2.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from desktop.commands.common import add_lang_argument, aligned_text, lang_of

if TYPE_CHECKING:
    from desktop.analysis.break_checker import Candidate
    from desktop.core.breaks_register import RegisterEntry
    from desktop.core.dataset import Dataset

#: How many cities an entry names before "and N more".
_CITIES_SHOWN = 4

_WORDS = {
    "heading": ("Series breaks, vintages and suspect values: {count} register entries{where}",
                "统计口径变化、数据版本与可疑数值：登记{count}条{where}"),
    "none": ("No register entry concerns this selection.", "所选范围内没有登记条目。"),
    "for": (" for {what}", "（{what}）"),
    "evidence": ("evidence", "依据"),
    "years": ("years", "年份"),
    "more": ("{names} and {more} more", "{names}等{total}个"),
    "candidates": ("Checker candidates not in the register: {count}",
                   "检查程序发现、尚未登记的候选：{count}条"),
    "city": ("City", "城市"),
    "indicator": ("Indicator", "指标"),
    "year": ("Year", "年份"),
    "test": ("Test", "检验"),
    "value": ("Value", "数值"),
    "previous": ("Before", "前值"),
    "detail": ("Detail", "说明"),
}
_TESTS_ZH = {"spike": "孤立异常值", "scale": "数量级错误", "level_shift": "水平突变",
             "census_cut": "普查式下调", "denominator": "分母口径变化"}


def _word(key: str, lang: str, **values: object) -> str:
    en, zh = _WORDS[key]
    return (zh if lang == "zh" else en).format(**values)


def add_breaks_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `breaks` subcommand to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "breaks", help="list the register of series breaks, vintages and suspect values")
    parser.add_argument("--city", help="only entries for this city (name, alias or id)")
    parser.add_argument("--indicator", help="only entries for this indicator id, e.g. gdp")
    parser.add_argument("--candidates", action="store_true",
                        help="also list what the statistical checker finds that the register "
                        "does not explain")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_lang_argument(parser)
    return parser


def _names(dataset: Dataset, city_ids: tuple[str, ...], lang: str) -> str:
    names = [dataset.cities[c].name(lang) if c in dataset.cities else c for c in city_ids]
    sep = "、" if lang == "zh" else ", "
    if len(names) <= _CITIES_SHOWN:
        return sep.join(names)
    return _word("more", lang, names=sep.join(names[:_CITIES_SHOWN]),
                 more=len(names) - _CITIES_SHOWN, total=len(names))


def _label(dataset: Dataset, indicator_id: str, lang: str) -> str:
    indicator = dataset.indicators.get(indicator_id)
    return indicator.label(lang) if indicator is not None else indicator_id


def entry_lines(dataset: Dataset, entry: RegisterEntry, lang: str) -> list[str]:
    """One entry as a few indented lines."""
    sep, colon, comma = ("、", "：", "，") if lang == "zh" else (", ", ": ", ", ")
    years = sep.join(str(y) for y in entry.years) or "—"
    labels = sep.join(_label(dataset, i, lang) for i in entry.indicator_ids)
    return [
        f"{entry.id} — {entry.kind_name(lang)}{comma}{entry.status_name(lang)}{comma}"
        f"{_word('years', lang)} {years}",
        f"  {_names(dataset, entry.city_ids, lang)}{colon}{labels}",
        f"  {entry.sentence(lang)}",
        *(f"  {_word('evidence', lang)}{colon}{e}" for e in entry.evidence),
    ]


def candidates_grid(dataset: Dataset, candidates: list[Candidate], lang: str) -> list[list[str]]:
    header = [_word(k, lang) for k in ("city", "indicator", "year", "test", "value",
                                       "previous", "detail")]
    grid = [header]
    for c in candidates:
        test = _TESTS_ZH.get(c.test, c.test) if lang == "zh" else c.test.replace("_", " ")
        grid.append([
            dataset.cities[c.city_id].name(lang), _label(dataset, c.indicator_id, lang),
            str(c.year), test, f"{c.value:,.6g}",
            "—" if c.previous is None else f"{c.previous:,.6g}", c.detail,
        ])
    return grid


def run_breaks(dataset: Dataset, args: argparse.Namespace) -> int:
    lang = lang_of(args)
    city_id = dataset.city(args.city).id if args.city else None  # raises UnknownCityError
    indicator_id = dataset.indicator(args.indicator).id if args.indicator else None
    entries = dataset.register.select(city_id, indicator_id)
    candidates: list[Candidate] = []
    if args.candidates:
        from desktop.analysis.break_checker import check_dataset

        found = check_dataset(dataset, None if city_id is None else [city_id],
                              None if indicator_id is None else [indicator_id])
        candidates = [c for c in found if c.registered is None]
    if args.json:
        data: dict[str, object] = {"entries": [e.to_json() for e in entries]}
        if args.candidates:
            data["candidates"] = [c.to_json() for c in candidates]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    parts = [dataset.city(city_id).name(lang)] if city_id else []
    parts += [_label(dataset, indicator_id, lang)] if indicator_id else []
    where = _word("for", lang, what=("，" if lang == "zh" else ", ").join(parts)) if parts else ""
    lines = [_word("heading", lang, count=len(entries), where=where), ""]
    for entry in entries:
        lines += [*entry_lines(dataset, entry, lang), ""]
    if not entries:
        lines += [_word("none", lang), ""]
    if args.candidates:
        lines.append(_word("candidates", lang, count=len(candidates)))
        if candidates:
            lines += ["", aligned_text(candidates_grid(dataset, candidates, lang),
                                       left=(0, 1, 3, 6))]
    print("\n".join(lines).rstrip())
    return 0
