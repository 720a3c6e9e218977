"""The report's short methodology: how the figures were compared, so that a reader who gets the
report without the app can check a number (issue 15: comparison year rule, peer median,
plausibility checks, prices and currency, data vintage and generation date). Plain Python.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.analysis.comparison import Profile
from desktop.analysis.currency import view_currency
from desktop.analysis.prices import basis_text, parse_prices
from desktop.core.dataset import Dataset
from desktop.report.model import LATEST_EACH, Heading, Paragraph, ReportOptions
from desktop.text.translator import N_, Translator

TITLE = N_("Methodology")

_YEAR_FIXED = N_("Comparison year: every indicator is compared in {year}; a city without a value "
                 "for {year} has none in the comparison.")
_YEAR_LATEST = N_("Comparison year: for each indicator, the latest year in which {focus} and at "
                  "least one peer both have a value (the Year column); a value of another year "
                  "is marked with its year.")
_YEAR_EACH = N_("Comparison year: each city's latest value, whatever its year; a value older "
                "than the year most cities share is marked with its year.")
_MEDIAN = N_("Peer median: the median of the peers' values in the comparison year, {focus} not "
             "included (with an even number of peers, the mean of the middle two). The gap to "
             "the median is in per cent for levels and in percentage points for rates; the rank "
             "counts all compared cities, 1 being the best by the indicator's direction (higher "
             "or lower is better). Green marks a value better than the peer median, red a worse "
             "one.")
_CHECKS = N_("Plausibility checks: values that a person confirmed as suspect in the breaks "
             "register (an implausible jump, a misprint) are marked ⚠ and left out of medians, "
             "ranks, changes and findings. Series breaks (census revisions, changes of "
             "definition or boundary, Liaoning's 2016 restatement) are marked † and listed under "
             "Notes; a change across a break is not read as growth.")
_CHECKS_INCLUDED = N_("Plausibility checks: values that a person confirmed as suspect in the "
                      "breaks register (an implausible jump, a misprint) are marked ⚠ and, at "
                      "the user's choice, counted in medians, ranks, changes and findings. "
                      "Series breaks (census revisions, changes of definition or boundary, "
                      "Liaoning's 2016 restatement) are marked † and listed under Notes; a "
                      "change across a break is not read as growth.")
_MONEY = {
    "cny": N_("Money: in yuan at {prices}; another country's money is converted at the World "
              "Bank's annual average exchange rate of each year."),
    "usd": N_("Money: in US dollars at {prices}; yuan are converted at the World Bank's annual "
              "average exchange rate of each year (PA.NUS.FCRF), and a year without a rate has "
              "no value rather than an unconverted one."),
    "ppp": N_("Money: in international dollars at {prices}; yuan are converted at the World "
              "Bank's purchasing-power-parity conversion factor of each year, and a year "
              "without a factor has no value."),
}
_CURRENT = N_("current prices")
_CONSTANT = N_("constant prices of the base year in each unit (national GDP deflator)")
_VINTAGE = N_("Data vintage: the values shown run from {first} to {last}, from {count} source "
              "files listed under Notes with their caveats. Generated on {date} by City "
              "Profiles.")


def methodology_blocks(dataset: Dataset, options: ReportOptions, profile: Profile,
                       tr: Translator, *, include_suspect: bool, date: str,
                       source_count: int) -> list[Heading | Paragraph]:
    """The methodology's heading and its five short paragraphs, in the report's language."""
    focus = dataset.cities[profile.focus_id].name(tr.lang)
    if options.year == LATEST_EACH:
        year = tr.gettext(_YEAR_EACH)
    elif isinstance(options.year, int):
        year = tr.gettext(_YEAR_FIXED, year=options.year)
    else:
        year = tr.gettext(_YEAR_LATEST, focus=focus)
    prices = parse_prices(options.prices)
    if not prices.constant:
        basis = tr.gettext(_CURRENT)
    elif prices.year:
        basis = basis_text(prices.year, tr)
    else:
        basis = tr.gettext(_CONSTANT)
    currency = view_currency(dataset, [profile.focus_id, *profile.peer_ids], options.currency)
    first, last = _year_span(dataset, [profile.focus_id, *profile.peer_ids],
                             [row.indicator_id for row in profile.rows])
    paragraphs = [
        year,
        tr.gettext(_MEDIAN, focus=focus),
        tr.gettext(_CHECKS_INCLUDED if include_suspect else _CHECKS),
        tr.gettext(_MONEY[currency], prices=basis),
        tr.gettext(_VINTAGE, first=first, last=last, count=source_count, date=date),
    ]
    return [Heading(tr.gettext(TITLE), 1, "methodology"),
            *(Paragraph(p, "note") for p in paragraphs)]


def _year_span(dataset: Dataset, city_ids: Sequence[str],
               indicator_ids: Sequence[str]) -> tuple[str, str]:
    """The first and last year with a value among these cities and indicators (from each
    series' own years: no scan of every observation)."""
    spans = [years for c in city_ids for i in indicator_ids
             if len(years := dataset.arrays(c, i)[0])]
    if not spans:
        return "—", "—"
    return str(int(min(y[0] for y in spans))), str(int(max(y[-1] for y in spans)))
