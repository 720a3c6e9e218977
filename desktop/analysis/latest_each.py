"""The year rule "each city's latest year" (issue #13) for the one-year charts and the report.

Under it a ranking bar or a scatter point is a city's latest value, whatever its year; the label
says which year ("Detroit 2021") and a value older than the chart's comparison year is stale,
said with the profile table's wording ("2019 value; the comparison year is 2021."). The chart's
comparison year is the year most of its values are from (the later one on a tie), so one
laggard does not make every other value look stale, nor one early reporter make all look old.
Plain Python: no Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from desktop.analysis.profile_table import _word as profile_word
from desktop.text.translator import N_, Translator, as_translator

#: Phrases by key: English msgids, said through the text catalogue (desktop.text).
_WORDS: dict[str, str] = {
    "rule": N_("Each city's latest year"),
    "title": N_("{label}, each city's latest year"),
    "scatter_title": N_("{y} against {x}, each city's latest year"),
    "label": N_("{name} {year}"),
    "stale": N_("{name}: {stale}"),
    "no_value": N_("No value in any year: {cities}."),
}


def word(key: str, lang: str | Translator, **values: object) -> str:
    """The phrase `key` of a latest-each view, in the catalogue's language."""
    return as_translator(lang).gettext(_WORDS[key], **values)


def common_year(years: Iterable[int]) -> int | None:
    """The year most values are from, the latest of those on a tie; None without values."""
    counts = Counter(int(y) for y in years)
    if not counts:
        return None
    most = max(counts.values())
    return max(y for y, n in counts.items() if n == most)


def latest_columns(finite: np.ndarray) -> np.ndarray:
    """Per row of a (cities x years) mask, the column of its last True; -1 where none."""
    width = finite.shape[-1]
    if width == 0:
        return np.full(finite.shape[0], -1, dtype=np.intp)
    last = width - 1 - np.argmax(finite[:, ::-1], axis=-1)
    return np.where(finite.any(axis=-1), last, -1)


def year_label(name: str, year: int, lang: str = "en") -> str:
    """A bar's or point's label with its value's year: 'Detroit 2021', '底特律 2021年'."""
    return word("label", lang, name=name, year=year)


def stale_notes(named_years: Sequence[tuple[str, int]], comparison_year: int | None,
                lang: str = "en") -> list[str]:
    """One note per value older than the comparison year, in the profile table's words:
    'Detroit: 2019 value; the comparison year is 2021.'"""
    if comparison_year is None:
        return []
    return [word("stale", lang, name=name,
                 stale=profile_word("stale", lang, year=year, row_year=comparison_year))
            for name, year in named_years if year < comparison_year]


def latest_bars(city_ids: Sequence[str], selected: int, matrix: np.ndarray,
                years: np.ndarray) -> tuple[list[tuple[str, float, int]], list[str], int | None]:
    """(bars as (city, value, year), cities without any value, comparison year) of a
    (cities x years) matrix: each of the first `selected` cities at its latest value; the
    others (a ranking's comparable pool) only with a value in the comparison year itself."""
    finite = np.isfinite(matrix)
    cols = latest_columns(finite[:selected])
    bars = [(c, float(matrix[i, col]), int(years[col]))
            for i, (c, col) in enumerate(zip(city_ids[:selected], cols, strict=True)) if col >= 0]
    missing = [c for c, col in zip(city_ids[:selected], cols, strict=True) if col < 0]
    year = common_year(b[2] for b in bars)
    hits = np.flatnonzero(years == year) if year is not None else ()
    if len(hits):
        col = int(hits[0])
        bars += [(c, float(matrix[i, col]), int(year)) for i, c in enumerate(city_ids)
                 if i >= selected and finite[i, col]]
    return bars, missing, year


def rule_name(lang: str = "en") -> str:
    """The rule's name where a year would stand (a report's cover)."""
    return word("rule", lang)
