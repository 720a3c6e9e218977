"""What a view shows: a focus city, its peers (named or a group), an indicator, the year rule,
the money choices and the table's Details switch. The window, the chart panel, the headless
commands and the report use this one type, and `resolve_selection` is the one resolution of
names a person types into catalog ids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.dataset import Dataset

#: What a plain start shows: Shenyang against its north-east neighbours, by GDP.
DEFAULT_FOCUS = "cn-210100"
DEFAULT_GROUP = "north_east"
DEFAULT_INDICATOR = "gdp"


@dataclass(frozen=True)
class Selection:
    """What to show, as resolved ids: an immutable value, changed only through `with_*`."""

    focus_id: str
    peer_ids: tuple[str, ...]
    indicator_id: str
    group_id: str | None = None  # the default group the peers came from, if unchanged
    #: None: the latest year the selection shares; a year; or "latest-each" (each city's
    #: latest value: desktop.analysis.selection_cube.LATEST_EACH)
    year: int | str | None = None
    #: money in one currency for the whole view: one of desktop.analysis.currency.CHOICES
    currency: str = "auto"
    #: money at "current" prices, or "constant" / "constant:YEAR" (desktop.analysis.prices)
    prices: str = "current"
    #: the profile table's Details switch (rank and percentile among all comparable cities)
    detail: bool = True

    def with_focus(self, focus_id: str) -> Selection:
        peers = tuple(p for p in self.peer_ids if p != focus_id)
        group = self.group_id if peers == self.peer_ids else None
        return replace(self, focus_id=focus_id, peer_ids=peers, group_id=group)

    def with_peers(self, peer_ids: Sequence[str], group_id: str | None = None) -> Selection:
        peers = tuple(p for p in dict.fromkeys(peer_ids) if p != self.focus_id)
        return replace(self, peer_ids=peers, group_id=group_id)

    def with_indicator(self, indicator_id: str) -> Selection:
        return replace(self, indicator_id=indicator_id)

    def with_year(self, year: int | str | None) -> Selection:
        return replace(self, year=year)

    def with_currency(self, currency: str) -> Selection:
        return replace(self, currency=currency)

    def with_prices(self, prices: str) -> Selection:
        return replace(self, prices=prices)

    def with_detail(self, detail: bool) -> Selection:
        return replace(self, detail=detail)


def resolve_selection(dataset: Dataset, focus: str | None = None, peers: Sequence[str] = (),
                      group: str | None = None, indicator: str | None = None) -> Selection:
    """Turn names as a person types them into catalog ids (raises Unknown*Error); what is
    not given is the default selection's."""
    focus = dataset.city(focus).id if focus else DEFAULT_FOCUS
    group_id = None
    if peers:
        peer_ids = tuple(_peer_id(dataset, name, focus) for name in peers)
    else:
        found = dataset.group(group or DEFAULT_GROUP)
        group_id = found.id
        peer_ids = found.city_ids
    indicator = indicator or DEFAULT_INDICATOR
    dataset.indicator(indicator)
    return Selection(focus, tuple(p for p in peer_ids if p != focus), indicator, group_id)


def _peer_id(dataset: Dataset, name: str, focus_id: str) -> str:
    """A peer by name. Beside a province, a province's short name means the province even
    where a city holds that name: `--focus Liaoning --peers Jilin` compares Jilin Province,
    not Jilin city (吉林市), which the name means everywhere else."""
    from desktop.core.catalog import name_key

    found = dataset.city(name)
    if found.kind == "province" or dataset.cities[focus_id].kind != "province":
        return found.id
    key = name_key(name)
    for place in dataset.cities.values():
        short = (place.province_en, place.province_zh.removesuffix("省"))
        if place.kind == "province" and key in {name_key(n) for n in short if n}:
            return place.id
    return found.id

