"""The progress/cancel protocol long work speaks; the UI adapts it to signals, tests to lists."""

from __future__ import annotations

from typing import Protocol

from desktop.core.errors import CityProfilesError


class CancelledError(CityProfilesError):
    """The user cancelled; work stops at the next check and nothing is half-applied."""

    code = "cancelled"


class Progress(Protocol):
    def report(self, fraction: float, message: str = "") -> None:
        """Work done so far, 0..1, with a short code-like message ('reading', 'parsing')."""

    def cancelled(self) -> bool:
        """True once the user asked to stop."""


class NullProgress:
    """For callers that do not show progress."""

    def report(self, fraction: float, message: str = "") -> None:
        return None

    def cancelled(self) -> bool:
        return False


def check_cancelled(progress: Progress) -> None:
    if progress.cancelled():
        raise CancelledError()
