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
from desktop.text.translator import N_, Translator, as_translator, translator

if TYPE_CHECKING:
    from desktop.analysis.break_checker import Candidate
    from desktop.core.breaks_register import RegisterEntry
    from desktop.core.dataset import Dataset

#: How many cities an entry names before "and N more".
_CITIES_SHOWN = 4

#: Phrases by key: English msgids, said through the text catalogue (desktop.text).
_WORDS: dict[str, str] = {
    "heading": N_("Series breaks, vintages and suspect values: {count} register entries{where}"),
    "none": N_("No register entry concerns this selection."),
    "for": N_(" for {what}"),
    "evidence": N_("evidence"),
    "years": N_("years"),
    "more": N_("{names} and {more} more"),
    "candidates": N_("Checker candidates not in the register: {count}"),
    "city": N_("City"),
    "indicator": N_("Indicator"),
    "year": N_("Year"),
    "test": N_("Test"),
    "value": N_("Value"),
    "previous": N_("Before"),
    "detail": N_("Detail"),
}
#: The checker's tests by name, as a reader calls them.
_TESTS = {"spike": N_("spike"), "scale": N_("scale"), "level_shift": N_("level shift"),
          "census_cut": N_("census cut"), "denominator": N_("denominator")}


def _word(key: str, lang: str | Translator, **values: object) -> str:
    return as_translator(lang).gettext(_WORDS[key], **values)


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
    tr = as_translator(lang)
    if len(names) <= _CITIES_SHOWN:
        return tr.join(names)
    return _word("more", tr, names=tr.join(names[:_CITIES_SHOWN]),
                 more=len(names) - _CITIES_SHOWN, total=len(names))


def _label(dataset: Dataset, indicator_id: str, lang: str) -> str:
    indicator = dataset.indicators.get(indicator_id)
    return indicator.label(lang) if indicator is not None else indicator_id


def entry_lines(dataset: Dataset, entry: RegisterEntry, lang: str) -> list[str]:
    """One entry as a few indented lines."""
    tr = as_translator(lang)
    colon, comma = tr.colon, tr.comma
    years = tr.join(str(y) for y in entry.years) or "—"
    labels = tr.join(_label(dataset, i, lang) for i in entry.indicator_ids)
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
        test = (as_translator(lang).gettext(_TESTS[c.test]) if c.test in _TESTS
                else c.test.replace("_", " "))
        grid.append([
            dataset.cities[c.city_id].name(lang), _label(dataset, c.indicator_id, lang),
            str(c.year), test, f"{c.value:,.6g}",
            "—" if c.previous is None else f"{c.previous:,.6g}", c.detail_in(lang),
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
    where = _word("for", lang, what=translator(lang).comma.join(parts)) if parts else ""
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
