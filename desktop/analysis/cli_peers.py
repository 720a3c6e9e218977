"""`city-profiles peers`: the most similar cities to a focus city, headless.

    city-profiles peers --focus CITY [--indicators A,B,...] [--weights 2,1,...|A=2,B=1]
                        [--year Y] [--k N] [--scaling zscore|minmax|rank]
                        [--missing renormalise|exclude] [--min-coverage F] [--json] [--lang en|zh]

Unknown cities and indicators raise UnknownCityError / UnknownIndicatorError, which the CLI turns
into one line and exit status 2; a query that cannot be answered (bad weights, a year without
data) prints one line here and returns 2. Also runnable as `python -m desktop.analysis.cli_peers`.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop.analysis.peer_options import MISSING_POLICIES, SCALINGS

if TYPE_CHECKING:
    from desktop.analysis.peers import PeerResult
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
    parser.add_argument("--lang", choices=("en", "zh"), default="en")


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


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


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, left: bool) -> str:
    gap = " " * (width - _width(text))
    return text + gap if left else gap + text


def peers_text(dataset: Dataset, result: PeerResult, lang: str = "en") -> str:
    """A heading, an aligned table (distance and each indicator's share) and the notes."""
    focus = dataset.cities[result.focus_id]
    weights = ", ".join(f"{i} {w:.2f}" for i, w in result.weights.items())
    lines = [
        f"Peers of {focus.name(lang)} among {result.pool_label}, {result.year}, "
        f"scaling {result.scaling}",
        f"Weights: {weights}",
        "",
    ]
    header = ["#", "City", "Distance", *result.indicators, "Missing"]
    grid = [header]
    for n, match in enumerate(result.matches, 1):
        grid.append([
            str(n),
            dataset.cities[match.city_id].name(lang),
            f"{match.distance:.3f}",
            *(f"{match.contributions[i] * 100:.0f}%" if i in match.contributions else "—"
              for i in result.indicators),
            ", ".join(match.missing) or "—",
        ])
    widths = [max(_width(row[i]) for row in grid) for i in range(len(header))]
    for index, row in enumerate(grid):
        lines.append("  ".join(
            _pad(text, widths[i], left=i in (1, len(header) - 1)) for i, text in enumerate(row)
        ).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    lines.append("Shares: each indicator's part of the distance.")
    lines.extend(f"Note: {note}" for note in result.notes)
    return "\n".join(lines)


def run_peers(dataset: Dataset, args: argparse.Namespace) -> int:
    from desktop.analysis.peers import PeerQueryError, find_peers, parse_weights

    focus = dataset.city(args.focus).id  # raises UnknownCityError
    indicators = _split(args.indicators) or None
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
        )
    except PeerQueryError as error:
        print(f"city-profiles: error: {error.params.get('reason')}", file=sys.stderr)
        return 2
    lang = getattr(args, "lang", "en")
    if args.json:
        print(json.dumps(peers_to_json(dataset, result, lang), ensure_ascii=False, indent=2))
    else:
        print(peers_text(dataset, result, lang))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Standalone entry point, with the CLI's one-line errors."""
    from desktop.cli import error_line
    from desktop.core.errors import CityProfilesError
    from desktop.core.storage import load_bundled

    parser = argparse.ArgumentParser(prog="city-profiles peers",
                                     description="Find the cities most similar to a focus city.")
    _add_arguments(parser)
    args = parser.parse_args(argv)
    dataset = None
    try:
        dataset = load_bundled()
        return run_peers(dataset, args)
    except CityProfilesError as error:
        print(f"city-profiles: error: {error_line(error, dataset)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
