"""`city-profiles profile`: the side-by-side profile table (or JSON) of a focus city and its
peers, in one currency and prices basis, with its vintage note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.commands.common import (
    add_prices_argument,
    aligned_text,
    lang_of,
    selection_of,
    split_list,
    year_rule,
)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from typing import Any

    from desktop.analysis.profile_table import ProfileTable
    from desktop.core.dataset import Dataset

def add_profile_parser(commands: Any,
                       add_selection: Callable[[argparse.ArgumentParser], None]) -> None:
    """`profile` and its options (`add_selection`: --focus, --peers/--group, --indicator)."""
    profile = commands.add_parser("profile", help="print the side-by-side profile table")
    add_selection(profile)
    profile.add_argument("--year", type=year_rule, metavar="YEAR|latest-each",
                         help="comparison year, or latest-each: each city's latest value "
                         "(the median and ranks then compare different years; default: the "
                         "latest year the cities share)")
    profile.add_argument("--indicators", help="comma-separated indicator ids (default: all)")
    profile.add_argument("--json", action="store_true", help="print JSON, numbers as numbers")
    profile.add_argument("--include-suspect", action="store_true",
                         help="count suspect values (breaks register) in medians, ranks and "
                         "sentences; they stay marked")
    profile.add_argument(
        "--currency", choices=("auto", "cny", "usd", "ppp"), default="auto",
        help="money in yuan (cny), US$ at the annual average rate (usd) or international $ "
        "at the PPP factor (ppp); auto (default): yuan for Chinese places alone, US$ when "
        "they are not all Chinese")
    add_prices_argument(profile)


def profile_text(dataset: Dataset, table: ProfileTable, lang: str = "en") -> str:
    """The profile table for the terminal, its column titles in `lang` (city names too)."""
    from desktop.text.phrases import column_title

    titles = [dataset.cities[c.city_id].name(lang) if c.city_id
              else column_title(c.key, lang, c.horizon) for c in table.columns]
    return aligned_text([titles, *[[cell.text for cell in row] for row in table.rows]])


def run_profile(dataset: Dataset, args: argparse.Namespace) -> int:
    import json

    from desktop.analysis.comparison import build_profile
    from desktop.analysis.currency import view_dataset
    from desktop.analysis.profile_table import build_profile_table, profile_to_json

    selection = selection_of(dataset, args)
    indicators = split_list(args.indicators) or None
    for indicator_id in indicators or ():
        dataset.indicator(indicator_id)
    # money in one currency for the whole profile (auto: US$ when countries mix)
    dataset = view_dataset(dataset, [selection.focus_id, *selection.peer_ids],
                           args.currency, args.prices)
    profile = build_profile(dataset, selection.focus_id, selection.peer_ids, indicators,
                            args.year, include_suspect=getattr(args, "include_suspect", False))
    lang = lang_of(args)
    from desktop.analysis.vintages import vintage_note

    # a city beside its province compares two vintages: said once, under the table
    note = vintage_note(dataset, [profile.focus_id, *profile.peer_ids],
                        [row.indicator_id for row in profile.rows], lang)
    if args.json:
        data = profile_to_json(dataset, profile, lang)
        if note:
            data["vintage_note"] = note
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(profile_text(dataset, build_profile_table(dataset, profile, lang), lang))
        if note:
            print("\n" + note)
    return 0

