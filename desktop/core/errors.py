"""Errors with codes and values; the edges (CLI, UI) turn them into sentences."""

from __future__ import annotations


class CityProfilesError(Exception):
    """Base: `code` says what went wrong, `params` the values involved."""

    code = "error"

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__(f"{self.code}: {params}")


class UnknownCityError(CityProfilesError, KeyError):
    code = "unknown_city"


class UnknownIndicatorError(CityProfilesError, KeyError):
    code = "unknown_indicator"


class UnknownGroupError(CityProfilesError, KeyError):
    code = "unknown_group"


class DatasetFileError(CityProfilesError):
    """A bundled or saved dataset file is missing or malformed."""

    code = "dataset_file"


class OutputPathError(CityProfilesError):
    """An output file cannot be written where the user asked."""

    code = "unwritable_output"


class InputFileError(CityProfilesError):
    """An input file (data or recipe) is missing or unreadable before any parsing."""

    code = "unreadable_input"
