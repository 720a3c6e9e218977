"""The fixed words of reports, the command line and error lines, by key.

English is the msgid; the Chinese is in the gettext catalogue (desktop.text.translator), so
a key's sentence reads the same wherever it is printed. Keys stay for callers that name a
phrase rather than spell it (error codes, a peer query's `why`).
"""

from __future__ import annotations

from desktop.core.bilingual import LANGS
from desktop.text.translator import N_, NP_, Translator, as_translator

__all__ = ["LANGS", "category_name", "column_title", "count_phrase", "join_names",
           "reason_text", "text"]

_TEXT: dict[str, str] = {
    "report_title": N_("City profile: {focus}"),
    "subtitle": N_("{focus} compared with {count} peer cities"),
    "focus_city": N_("Focus city"),
    "peers": N_("Peer cities"),
    "peer_group": N_("Peer group"),
    "comparison_year": N_("Comparison year"),
    "latest_year": N_("latest year with data for each indicator"),
    "date": N_("Date"),
    "data_sources": N_("Data sources"),
    "contents": N_("Contents"),
    "summary": N_("Summary"),
    "summary_lead": N_(
        "Key indicators of {focus} against the median of its peers ({peers}). Rank 1 is the "
        "best value among the {count} cities."),
    "notes": N_("Notes"),
    "sources": N_("Sources"),
    "definitions": N_("Definitions"),
    "series_breaks": N_("Series breaks"),
    "series_break": N_("series break"),
    "no_breaks": N_("No known series breaks for these cities and indicators."),
    "appendix": N_("Appendix: data"),
    "appendix_lead": N_(
        "All values used in this report, in display units. Source of every value: see Notes."),
    "indicator": N_("Indicator"),
    "unit": N_("Unit"),
    "year": N_("Year"),
    "value": N_("Value"),
    "peer_median": N_("Peer median"),
    "gap": N_("Gap to median"),
    "rank": N_("Rank"),
    "rank_of": N_("{rank} of {count}"),
    "comparison": N_("Comparison"),
    "table_for": N_("{category}: side by side"),
    "over_time": N_("{label} over time"),
    "in_year": N_("{label}, {year}"),
    "unit_line": N_("Unit: {unit}"),
    "source_line": N_("Source: {sources}"),
    "page_of": N_("Page {page} of {pages}"),
    "generated_by": N_("City Profiles"),
    "other_year_note": N_("Values in brackets are from an earlier year."),
    "list_sep": N_(", "),
    "and": N_(" and "),
    "ratio_share": N_("{focus}'s {label} is about {percent} of the peer median."),
    "ratio_same": N_("{focus}'s {label} is about the same as the peer median."),
    "ratio_times": N_("{focus}'s {label} is about {times} times the peer median."),
    "points_above": N_("{focus}'s {label} is {points} percentage points above the peer median."),
    "points_below": N_("{focus}'s {label} is {points} percentage points below the peer median."),
    "points_same": N_("{focus}'s {label} is about the same as the peer median."),
    "cli_error": N_("error"),
    "cli_warning": N_("warning"),
    "cli_line": N_("city-profiles: {kind}: {line}"),
    "unknown_city": N_("unknown city: {name}"),
    "did_you_mean": N_(" (did you mean {names}?)"),
    "unknown_indicator": N_("unknown indicator: {name}"),
    "unknown_group": N_("unknown peer group: {name}"),
    "known": N_(" (known: {names})"),
    "cannot_write": N_("cannot write {file}: {reason}"),
    "cannot_read": N_("cannot read {file}: {reason}"),
    "not_writable": N_("not a writable location"),
    "no_such_file": N_("no such file"),
    "is_folder": N_("is a folder, not a file"),
    "no_values_found": N_("no values found"),
    "use_csv_or_xlsx": N_("use a .csv or .xlsx name"),
    "use_pdf_or_html": N_("use a .pdf or .html file name"),
    "unknown_chart_type": N_("unknown chart type {name} (known: {known})"),
    "unknown_section": N_("unknown section {name} (known: {known})"),
    "currency_mismatch": N_(
        "values in different currencies cannot share one axis; convert them first"),
    "unit_mismatch": N_("these indicators are in different units"),
    "missing_exchange_rate": N_("no exchange rate for {year}"),
    "missing_deflator": N_(
        "no year has a GDP deflator and an exchange rate for every country here "
        "({countries}); use current prices"),
    "missing_deflator_year": N_(
        "no GDP deflator or exchange rate in {year} for every country here ({countries}); "
        "choose another base year"),
    "no_sector_data": N_("no sector data for {city}"),
    "no_value": N_("no value for {city} in {year}"),
    "invalid_peer_query": "{reason}",  # msgctxt invalid_peer_query
    "peer_weights_mixed": N_("weights: use either 'A=2,B=1' or a plain list, not both"),
    "peer_weight_not_chosen": N_(
        "weight for {names}, which is not among the indicators ({indicators})"),
    "peer_weights_not_chosen": N_(
        "weights for {names}, which are not among the indicators ({indicators})"),
    "peer_weights_count": N_("{weights_given} for {indicators_chosen} ({indicators})"),
    "peer_weights_not_numbers": N_("weights must be numbers: {text}"),
    "peer_weights_negative": N_("weights must be finite and not negative"),
    "peer_weights_all_zero": N_("at least one weight must be positive"),
    "peer_unknown_scaling": N_("unknown scaling {name} (use {known})"),
    "peer_unknown_missing_policy": N_("unknown missing-value policy {name} (use {known})"),
    "peer_k_too_small": N_("k must be at least 1"),
    "peer_no_indicators": N_("no indicators to compare"),
    "peer_no_data": N_("{city} has none of the chosen indicators in any year"),
    "peer_year_out_of_range": N_(
        "{city} has none of the chosen indicators in {year} (the data run from {first} to "
        "{last})"),
    "peer_no_data_in_year": N_(
        "{city} has none of the chosen indicators (with a positive weight) in {year}"),
    "wrote": N_("wrote {file} ({what})"),
    "repeated_key": N_(
        "{file}: {values} repeated a city, indicator and year under another name ({keys} with "
        "different values); the first was kept"),
    "peers_heading": N_("Peers of {focus} among {pool}, {year}, scaling {scaling}"),
    "weights": N_("Weights: {weights}"),
    "city": N_("City"),
    "distance": N_("Distance"),
    "missing": N_("Missing"),
    "shares": N_("Shares: each indicator's part of the distance."),
    "note_line": N_("Note: {note}"),
    "peers_values_note": N_(
        "Values of {year} only (no earlier years); each indicator scaled by {scaling} over "
        "the cities with a value ({counts})."),
    "peers_dropped": N_("dropped {indicators}: the focus city has no value that year"),
    "peers_renormalised": N_(
        "{renormalised} of {compared} compared cities lack some indicators: their distance is "
        "averaged over the indicators they have"),
    "peers_excluded_weight": N_(
        "{excluded} of {pool} cities excluded: they have less than {coverage} of the weight"),
    "peers_excluded_missing": N_(
        "{excluded} of {pool} cities excluded: they lack at least one indicator"),
    "clause_sep": N_("; "),
    "sentence_end": N_("."),
    "scaling_zscore": N_("zscore"),
    "scaling_minmax": N_("minmax"),
    "scaling_rank": N_("rank"),
}

#: Sentences whose words follow a count ('1 of 292 cities lacks', '2 of 292 cities lack'):
#: key -> (the value that counts, {count: English} for the counts said otherwise than by the
#: key's own sentence). Chinese needs no singular, but 'none' reads better than '有0个'.
_BY_COUNT: dict[str, tuple[str, dict[int, str]]] = {
    "subtitle": ("count", {
        1: N_("{focus} compared with 1 peer city"),
    }),
    "peers_renormalised": ("renormalised", {
        0: N_("all {compared} compared cities have every indicator"),
        1: N_(
            "1 of {compared} compared cities lacks some indicators: its distance is averaged "
            "over the indicators it has"),
    }),
    "peers_excluded_weight": ("excluded", {
        0: N_("none of the {pool} cities excluded: each has at least {coverage} of the weight"),
        1: N_("1 of {pool} cities excluded: it has less than {coverage} of the weight"),
    }),
    "peers_excluded_missing": ("excluded", {
        0: N_("none of the {pool} cities excluded: each has every indicator"),
        1: N_("1 of {pool} cities excluded: it lacks at least one indicator"),
    }),
}

#: Profile table column titles by column key ({h}: a number of years).
COLUMN_TITLES: dict[str, str] = {
    "indicator": N_("Indicator"),
    "unit": N_("Unit"),
    "year": N_("Year"),
    "peer_median": N_("Peer median"),
    "gap": N_("Gap to median"),
    "rank": N_("Rank"),
    "pool_rank": N_("Rank in pool"),
    "percentile": N_("Percentile"),
    "index": N_("Index"),
    "change": N_("Change {h}y"),
    "cagr": N_("CAGR {h}y"),
    "sentence": N_("In words"),
}

#: The catalog's categories (data keys, English); an imported one stays as it is.
CATEGORIES: dict[str, str] = {
    "Economy": N_("Economy"),
    "Structure": N_("Structure"),
    "Population": N_("Population"),
    "Labour": N_("Labour"),
    "Investment": N_("Investment"),
    "Context": N_("Context"),
    "Housing": N_("Housing"),
    "Health": N_("Health"),
    "Education": N_("Education"),
    "Innovation": N_("Innovation"),
}

SECTION_NAMES: dict[str, str] = {
    "cover": N_("Cover"),
    "contents": N_("Contents"),
    "summary": N_("Summary"),
    "categories": N_("Indicator sections"),
    "notes": N_("Notes"),
    "appendix": N_("Appendix"),
}


def text(key: str, lang: str | Translator = "en", **values: object) -> str:
    """The phrase `key` in `lang`, with `values` filled in (raises KeyError for unknown keys);
    a sentence in _BY_COUNT is worded for its count, so it agrees with its number."""
    message = _TEXT[key]
    if key in _BY_COUNT:
        name, forms = _BY_COUNT[key]
        count = values.get(name)
        if isinstance(count, int) and count in forms:
            message = forms[count]
    tr = as_translator(lang)
    if key == "invalid_peer_query":  # English says the reason alone; Chinese leads into it
        return tr.pgettext("invalid_peer_query", "{reason}", **values)
    return tr.gettext(message, **values)


def category_name(category: str, lang: str | Translator = "en") -> str:
    """A catalog category in the report's language; unknown (imported) ones stay as they are."""
    return as_translator(lang).gettext(category) if category in CATEGORIES else category


def section_name(key: str, lang: str | Translator = "en") -> str:
    """A report section's name (cover, contents, ...)."""
    return as_translator(lang).gettext(SECTION_NAMES[key])


def join_names(names: list[str], lang: str | Translator = "en") -> str:
    """'Dalian, Harbin and Changchun' / '大连市、哈尔滨市和长春市'."""
    return as_translator(lang).join_and(names)


def column_title(key: str, lang: str | Translator = "en", horizon: int | None = None) -> str:
    """A profile table column's title; unknown keys are shown as they are."""
    if key not in COLUMN_TITLES:
        return key
    return as_translator(lang).gettext(COLUMN_TITLES[key]).format(h=horizon)


#: Counted nouns ('1 page', '2 pages', '2页'): key -> (singular, plural) English templates
#: with {n}; Chinese has one form with its measure word.
COUNTED: dict[str, tuple[str, str]] = {
    "value": NP_("{n} value", "{n} values"),
    "row": NP_("{n} row", "{n} rows"),
    "page": NP_("{n} page", "{n} pages"),
    "key": NP_("{n} key", "{n} keys"),
    "imported value": NP_("{n} imported value", "{n} imported values"),
    "weight": NP_("{n} weight", "{n} weights"),
    "indicator": NP_("{n} indicator", "{n} indicators"),
}


def count_phrase(count: int, noun: str, lang: str | Translator = "en") -> str:
    """'1 page' / '2 pages' / '2页': `noun` is a key of COUNTED, worded by ngettext so the
    noun agrees with the count in English and takes its measure word in Chinese."""
    singular, plural = COUNTED[noun]
    return as_translator(lang).ngettext(singular, plural, count)


#: Values of a reason (`reason_text`) that are counts, with their nouns (keys of COUNTED).
COUNT_WORDS: dict[str, str] = {
    "weights_given": "weight",
    "indicators_chosen": "indicator",
}


def reason_text(key: str, lang: str | Translator = "en", **values: object) -> str:
    """Why something failed, from its key and values (an error's `why` and `why_values`):
    counts named in COUNT_WORDS come worded ('1 weight', '2 weights', '2个权重'), so the
    sentence agrees with its numbers in either language."""
    worded = {name: count_phrase(value, COUNT_WORDS[name], lang)
              if name in COUNT_WORDS and isinstance(value, int) else value
              for name, value in values.items()}
    return text(key, lang, **worded)
