"""One readable line for each error a person can meet (an unknown city, a file that cannot be
read or written, a refused query), in English or Chinese: the same words in the window, the
headless commands and the report dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.errors import (
    CityProfilesError,
    DatasetFileError,
    InputFileError,
    OutputPathError,
    UnknownCityError,
    UnknownGroupError,
    UnknownIndicatorError,
)

if TYPE_CHECKING:
    from desktop.core.dataset import Dataset

#: Error codes said from their values alone (sentences in desktop/text/phrases.py).
CODED_ERRORS = ("currency_mismatch", "unit_mismatch", "missing_exchange_rate", "no_sector_data",
                "no_value", "invalid_peer_query", "missing_deflator", "missing_deflator_year")


def error_line(error: CityProfilesError, dataset: Dataset | None = None,
               lang: str = "en") -> str:
    """One readable line for an error code, in `lang`."""
    from desktop.importers.model import ImportRejectedError
    from desktop.text.phrases import text

    name = error.params.get("name", "")
    if isinstance(error, UnknownCityError):
        return text("unknown_city", lang, name=repr(name)) + _guesses(dataset, str(name), lang)
    if isinstance(error, UnknownIndicatorError | UnknownGroupError):
        key = "unknown_indicator" if isinstance(error, UnknownIndicatorError) else "unknown_group"
        known = _known(dataset, "indicators" if key == "unknown_indicator" else "groups")
        return text(key, lang, name=repr(name)) + (
            text("known", lang, names=known) if known else "")
    if isinstance(error, ImportRejectedError):
        from desktop.importers.report_text import issue_line

        return issue_line(error.issue, lang)
    if isinstance(error, OutputPathError | InputFileError | DatasetFileError):
        key = "cannot_write" if isinstance(error, OutputPathError) else "cannot_read"
        return text(key, lang, file=error.params.get("file"), reason=error_reason(error, lang))
    if error.code == "invalid_peer_query":  # analysis.peers.PeerQueryError (numpy: not imported)
        return text(error.code, lang, reason=error_reason(error, lang, dataset))
    return _coded_line(error, lang)


def _guesses(dataset: Dataset | None, name: str, lang: str) -> str:
    """' (did you mean A, B?)' for a misspelt city, or '' without close names."""
    from desktop.text.phrases import text

    if dataset is None:
        return ""
    from desktop.text.translator import translator

    guesses = [c.name(lang) for c in dataset.lookup.search(name, limit=3)]
    names = translator(lang).join(guesses)
    return text("did_you_mean", lang, names=names) if guesses else ""


def _known(dataset: Dataset | None, what: str) -> str:
    """The ids a user may type (indicators or groups): identifiers, the same in any language."""
    return ", ".join(getattr(dataset, what)) if dataset is not None else ""


def error_reason(error: CityProfilesError, lang: str, dataset: Dataset | None = None) -> str:
    """Why a file cannot be read or written, or a query answered: our own reasons by key
    (`why`), so they can be said in Chinese (a `city_id` among the values is named in `lang`);
    a reason from elsewhere (the OS, a recipe) as it was given."""
    from desktop.text.phrases import reason_text, text

    why = error.params.get("why")
    if why:
        values = dict(error.params.get("why_values", {}))
        city_id = values.get("city_id")
        if dataset is not None and city_id in dataset.cities:
            values["city"] = dataset.cities[city_id].name(lang)
        return reason_text(str(why), lang, **values)
    if isinstance(error, OutputPathError) and "reason" not in error.params:
        return text("not_writable", lang)
    return str(error.params.get("reason"))


def _coded_line(error: CityProfilesError, lang: str) -> str:
    """Errors raised as a bare code with values (analysis, charts)."""
    from desktop.text.phrases import text

    if error.code not in CODED_ERRORS:
        return f"{error.code}: {error.params}"
    try:
        return text(error.code, lang, **error.params)
    except (KeyError, IndexError):
        return f"{text(error.code, lang)} ({error.params})"

