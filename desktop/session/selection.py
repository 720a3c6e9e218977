"""What a view shows: a focus city, its peers (named or a group) and an indicator, resolved
from the names a person types into catalog ids. The window, the headless commands and the
report use this one type and this one resolution."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.dataset import Dataset

#: What a plain start shows: Shenyang against its north-east neighbours, by GDP.
DEFAULT_FOCUS = "cn-210100"
DEFAULT_GROUP = "north_east"
DEFAULT_INDICATOR = "gdp"


@dataclass(frozen=True)
class Selection:
    """What to show: resolved ids, ready for the window or a headless command."""

    focus_id: str
    peer_ids: tuple[str, ...]
    indicator_id: str
    group_id: str | None


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

