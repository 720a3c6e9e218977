"""The on-screen selection as an immutable value: focus, peers, indicator, year rule and the
view's currency and prices."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class ViewState:
    focus_id: str
    peer_ids: tuple[str, ...]
    indicator_id: str
    #: None: the latest year the selection shares; a year; or "latest-each" (each city's
    #: latest value: desktop.analysis.selection_cube.LATEST_EACH)
    year: int | str | None = None
    group_id: str | None = None  # the default group the peers came from, if unchanged
    #: money in one currency for the whole view: one of desktop.analysis.currency.CHOICES
    currency: str = "auto"
    #: money at "current" prices, or "constant" / "constant:YEAR" (desktop.analysis.prices)
    prices: str = "current"

    def with_focus(self, focus_id: str) -> ViewState:
        peers = tuple(p for p in self.peer_ids if p != focus_id)
        group = self.group_id if peers == self.peer_ids else None
        return replace(self, focus_id=focus_id, peer_ids=peers, group_id=group)

    def with_peers(self, peer_ids: tuple[str, ...], group_id: str | None = None) -> ViewState:
        peers = tuple(p for p in dict.fromkeys(peer_ids) if p != self.focus_id)
        return replace(self, peer_ids=peers, group_id=group_id)

    def with_indicator(self, indicator_id: str) -> ViewState:
        return replace(self, indicator_id=indicator_id)

    def with_year(self, year: int | str | None) -> ViewState:
        return replace(self, year=year)

    def with_currency(self, currency: str) -> ViewState:
        return replace(self, currency=currency)

    def with_prices(self, prices: str) -> ViewState:
        return replace(self, prices=prices)
