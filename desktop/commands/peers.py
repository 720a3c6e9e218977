"""`city-profiles peers`: the most similar cities to a focus city, headless.

    city-profiles peers --focus CITY [--indicators A,B,...] [--weights 2,1,...|A=2,B=1]
                        [--year Y] [--k N] [--scaling zscore|minmax|rank]
                        [--missing renormalise|exclude] [--min-coverage F] [--json] [--lang en|zh]

Unknown cities and indicators raise UnknownCityError / UnknownIndicatorError, which the CLI turns
into one line and exit status 2; a query that cannot be answered (bad weights, a year without
data) prints one line here and returns 2. Also runnable as `python -m desktop.commands.peers`.

English output names indicators by id (what --indicators and --weights take); Chinese output
by their Chinese labels, with headings and notes in Chinese.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from desktop.analysis.peer_options import MISSING_POLICIES, SCALINGS
from desktop.commands.common import (
    add_lang_argument,
    aligned_text,
    lang_of,
    run_on_bundled,
    say,
    split_list,
)
from desktop.text.phrases import text
from desktop.text.translator import translator

if TYPE_CHECKING:
    from desktop.analysis.peers import MissingReport, PeerResult
    from desktop.core.dataset import Dataset


def add_peers_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `peers` subcommand to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "peers", help="find the cities most similar to a focus city, and why")
    _add_arguments(parser)
    return parser


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--focus", required=True,
                        help="focus city: name, Chinese name, alias or id")
    parser.add_argument("--indicators",
                        help="comma-separated indicator ids (default: GDP per capita, registered "
                        "population, secondary and tertiary GDP shares, average wage, growth)")
    parser.add_argument("--weights",
                        help="weights in indicator order ('2,1,1') or by name "
                        "('gdp_per_capita=2'); default 1 each")
    parser.add_argument("--year", type=int,
                        help="year of the values (default: latest year with good coverage)")
    parser.add_argument("--k", type=int, default=5, help="how many peers (default 5)")
    parser.add_argument("--scaling", choices=SCALINGS, default="zscore",
                        help="how indicators are put on one scale (default zscore)")
    parser.add_argument("--missing", choices=MISSING_POLICIES, default="renormalise",
                        help="cities lacking an indicator: compare over the rest (renormalise, "
                        "default) or leave out (exclude)")
    parser.add_argument("--min-coverage", type=float, default=0.5,
                        help="renormalise: least share of the weight a city must have (0.5)")
    parser.add_argument("--json", action="store_true", help="print JSON, numbers as numbers")
    parser.add_argument("--include-suspect", action="store_true",
                        help="use suspect values (breaks register) in the distances; by "
                        "default they are treated as missing")
    add_lang_argument(parser)



def peers_to_json(dataset: Dataset, result: PeerResult, lang: str = "en") -> dict[str, Any]:
    focus = dataset.cities[result.focus_id]
    missing = result.missing
    return {
        "focus": focus.name(lang),
        "focus_id": focus.id,
        "year": result.year,
        "indicators": list(result.indicators),
        "weights": result.weights,
        "scaling": result.scaling,
        "k": result.k,
        "pool": result.pool_label,
        "missing": {
            "policy": missing.policy,
            "min_coverage": missing.min_coverage,
            "pool_size": missing.pool_size,
            "compared": missing.compared,
            "complete": missing.complete,
            "renormalised": missing.renormalised,
            "excluded": missing.excluded,
            "dropped_indicators": list(missing.focus_missing),
            "missing_by_indicator": missing.missing_by_indicator,
            "description": missing.describe(),
        },
        "peers": [
            {
                "city": dataset.cities[m.city_id].name(lang),
                "city_id": m.city_id,
                "distance": m.distance,
                "contributions": m.contributions,
                "missing": list(m.missing),
                "values": m.values,
            }
            for m in result.matches
        ],
        "notes": list(result.notes),
    }


def _namer(dataset: Dataset, lang: str) -> Callable[[str], str]:
    """How an indicator is named: its id in English (what --weights takes, and English
    labels are too long for the table), its label in Chinese (a reader of Chinese need not
    know the English ids)."""
    if not translator(lang).chinese:
        return str
    return lambda indicator_id: dataset.indicator(indicator_id).label(lang)


def _scaling(scaling: str, lang: str) -> str:
    return text(f"scaling_{scaling}", lang) if scaling in SCALINGS else scaling


def _pool(dataset: Dataset, result: PeerResult, lang: str) -> str:
    """The comparison pool's name in `lang` (the result carries the English one)."""
    from desktop.analysis.panel import pool_key, pool_label

    return pool_label(pool_key(dataset.cities[result.focus_id]), lang)


def describe_missing(missing: MissingReport, lang: str = "en",
                     name: Callable[[str], str] = str) -> str:
    """MissingReport.describe() in `lang`: who was compared over fewer indicators or left out."""
    sep = text("list_sep", lang)
    parts = []
    if missing.focus_missing:
        parts.append(text("peers_dropped", lang,
                          indicators=sep.join(name(i) for i in missing.focus_missing)))
    if missing.policy == "renormalise":
        parts.append(text("peers_renormalised", lang, renormalised=missing.renormalised,
                          compared=missing.compared))
        parts.append(text("peers_excluded_weight", lang, excluded=missing.excluded,
                          pool=missing.pool_size, coverage=f"{missing.min_coverage:.0%}"))
    else:
        parts.append(text("peers_excluded_missing", lang, excluded=missing.excluded,
                          pool=missing.pool_size))
    if missing.suspect:  # suspect values treated as missing (or counted), said as such
        parts.append(missing.suspect_sentence(lang, name))
    return text("clause_sep", lang).join(parts) + text("sentence_end", lang)


def peer_notes(dataset: Dataset, result: PeerResult, lang: str = "en") -> list[str]:
    """The result's notes in `lang` (in English they read as PeerResult.notes): the year and
    scaling with how many cities have each indicator, who was left out, series breaks."""
    name, missing = _namer(dataset, lang), result.missing
    counts = text("list_sep", lang).join(
        f"{name(i)} {missing.pool_size + 1 - missing.missing_by_indicator.get(i, 0)}"
        for i in result.indicators)  # the focus city has them all, candidates bar the missing
    breaks = {b.note_en: b.note(lang) for b in dataset.series_breaks}
    return [
        text("peers_values_note", lang, year=result.year,
             scaling=_scaling(result.scaling, lang), counts=counts),
        describe_missing(missing, lang, name),
        *(breaks.get(note, note) for note in result.notes[2:]),
    ]


def peers_text(dataset: Dataset, result: PeerResult, lang: str = "en") -> str:
    """A heading, an aligned table (distance and each indicator's share) and the notes."""
    focus, name = dataset.cities[result.focus_id], _namer(dataset, lang)
    sep = text("list_sep", lang)
    weights = sep.join(f"{name(i)} {w:.2f}" for i, w in result.weights.items())
    header = ["#", text("city", lang), text("distance", lang),
              *(name(i) for i in result.indicators), text("missing", lang)]
    grid = [header]
    for n, match in enumerate(result.matches, 1):
        grid.append([
            str(n),
            dataset.cities[match.city_id].name(lang),
            f"{match.distance:.3f}",
            *(f"{match.contributions[i] * 100:.0f}%" if i in match.contributions else "—"
              for i in result.indicators),
            sep.join(name(i) for i in match.missing) or "—",
        ])
    return "\n".join([
        text("peers_heading", lang, focus=focus.name(lang), pool=_pool(dataset, result, lang),
             year=result.year, scaling=_scaling(result.scaling, lang)),
        text("weights", lang, weights=weights),
        "",
        aligned_text(grid, left=(1, len(header) - 1)),
        "",
        text("shares", lang),
        *(text("note_line", lang, note=note) for note in peer_notes(dataset, result, lang)),
    ])


def run_peers(dataset: Dataset, args: argparse.Namespace) -> int:
    from desktop.analysis.peers import PeerQueryError, find_peers, parse_weights

    focus = dataset.city(args.focus).id  # raises UnknownCityError
    indicators = split_list(args.indicators) or None
    for indicator_id in indicators or ():
        dataset.indicator(indicator_id)  # raises UnknownIndicatorError
    try:
        if indicators is None:
            from desktop.analysis.peers import default_indicators

            indicators = list(default_indicators(dataset, focus))
        weights = parse_weights(args.weights, indicators)
        result = find_peers(
            dataset, focus, indicators, weights, year=args.year, k=args.k,
            scaling=args.scaling, missing=args.missing, min_coverage=args.min_coverage,
            include_suspect=getattr(args, "include_suspect", False),
        )
    except PeerQueryError as error:
        from desktop.session.messages import error_line

        say("error", error_line(error, dataset, lang_of(args)), lang_of(args))
        return 2
    lang = lang_of(args)
    if args.json:
        print(json.dumps(peers_to_json(dataset, result, lang), ensure_ascii=False, indent=2))
    else:
        print(peers_text(dataset, result, lang))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Standalone entry point, with the CLI's one-line errors."""
    parser = argparse.ArgumentParser(prog="city-profiles peers",
                                     description="Find the cities most similar to a focus city.")
    _add_arguments(parser)
    args = parser.parse_args(argv)
    return run_on_bundled(args, lambda dataset: run_peers(dataset, args))


if __name__ == "__main__":
    sys.exit(main())
