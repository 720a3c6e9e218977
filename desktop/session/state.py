"""The on-screen selection as an immutable value: focus, peers, indicator, year."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class ViewState:
    focus_id: str
    peer_ids: tuple[str, ...]
    indicator_id: str
    year: int | None = None  # None: the latest year the focus shares with a peer
    group_id: str | None = None  # the default group the peers came from, if unchanged

    def with_focus(self, focus_id: str) -> ViewState:
        peers = tuple(p for p in self.peer_ids if p != focus_id)
        group = self.group_id if peers == self.peer_ids else None
        return replace(self, focus_id=focus_id, peer_ids=peers, group_id=group)

    def with_peers(self, peer_ids: tuple[str, ...], group_id: str | None = None) -> ViewState:
        peers = tuple(p for p in dict.fromkeys(peer_ids) if p != self.focus_id)
        return replace(self, peer_ids=peers, group_id=group_id)

    def with_indicator(self, indicator_id: str) -> ViewState:
        return replace(self, indicator_id=indicator_id)

    def with_year(self, year: int | None) -> ViewState:
        return replace(self, year=year)
