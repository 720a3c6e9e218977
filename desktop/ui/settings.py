"""The one place that reads and writes QSettings: typed keys with defaults, nothing else.

Unknown keys are programming errors (KeyError), not silently created entries; a value of the
wrong type is a TypeError and a value outside a key's choices a ValueError. Recent files are
de-duplicated and capped. Custom peer groups are kept as versioned JSON text under
"custom_groups" (read through custom_groups(), changed through save_custom_group() and
delete_custom_group()). Tests redirect the storage through XDG_CONFIG_HOME.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from desktop.core.catalog import PeerGroup

MAX_RECENT = 10
CUSTOM_GROUP_PREFIX = "custom:"
CUSTOM_GROUPS_VERSION = 1


@dataclass(frozen=True)
class _Key:
    default: Any
    kind: type
    choices: tuple[Any, ...] = ()  # empty: any value of `kind`


LANGUAGES = ("en", "zh")
THEMES = ("system", "light", "dark")
#: desktop.core.units.NUMBER_STYLES, written out: importing units (and decimal) here would
#: cost the start ~7 ms before the first paint (tests/ui/test_settings_dialog.py compares them).
NUMBER_STYLES = ("chinese", "international")
PAPERS = ("a4", "letter")

KEYS: dict[str, _Key] = {
    "language": _Key("en", str, LANGUAGES),  # the UI language, used from the next start
    "default_focus": _Key("cn-210100", str),  # a city id, shown when nothing else is chosen
    "default_group": _Key("north_east", str),  # a peer group id, likewise
    "theme": _Key("system", str, THEMES),
    # how large amounts are written: 亿元/万人 or bn yuan/million (desktop/core/units.py)
    "number_style": _Key("chinese", str, NUMBER_STYLES),
    "report_paper": _Key("a4", str, PAPERS),
    "report_landscape": _Key(False, bool),
    "restore_last_session": _Key(True, bool),
    "last_session": _Key("", str),
    "window_geometry": _Key(QByteArray(), QByteArray),
    "window_state": _Key(QByteArray(), QByteArray),
    "recent_files": _Key([], list),
    "custom_groups": _Key("", str),  # JSON: {"version": 1, "groups": [PeerGroup.to_json()]}
}


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._store = qsettings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "CityProfiles", "CityProfiles"
        )

    def get(self, key: str) -> Any:
        spec = KEYS[key]
        value = self._store.value(key, spec.default)
        if spec.kind is bool:
            return value in (True, "true", "1", 1)
        if spec.kind is list:
            if value in (None, ""):
                return []
            return [str(v) for v in (value if isinstance(value, list) else [value])]
        if spec.kind is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray()
        value = spec.kind(value)
        if spec.choices and value not in spec.choices:
            return spec.default  # an edited or outdated file: fall back, never crash
        return value

    def set(self, key: str, value: Any) -> None:
        spec = KEYS[key]
        if spec.kind is not QByteArray and not isinstance(value, spec.kind):
            raise TypeError(f"setting {key!r} takes {spec.kind.__name__}, not {type(value)}")
        if spec.choices and value not in spec.choices:
            raise ValueError(f"setting {key!r} is one of {spec.choices}, not {value!r}")
        self._store.setValue(key, value)

    def add_recent_file(self, path: str) -> list[str]:
        """Put `path` first, drop repeats, keep at most MAX_RECENT; returns the new list."""
        recent = [path, *(p for p in self.get("recent_files") if p != path)][:MAX_RECENT]
        self.set("recent_files", recent)
        return recent

    # --- custom peer groups -------------------------------------------------------------
    def custom_groups(self) -> list[PeerGroup]:
        """The analyst's saved groups, in the order saved; an unreadable entry is skipped."""
        text = self.get("custom_groups")
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            return []
        if not isinstance(data, dict) or data.get("version") != CUSTOM_GROUPS_VERSION:
            return []
        from desktop.core.catalog import PeerGroup

        groups = []
        for item in data.get("groups", []):
            try:
                group = PeerGroup.from_json(item)
            except (KeyError, TypeError, ValueError):
                continue
            if group.id.startswith(CUSTOM_GROUP_PREFIX):
                groups.append(group)
        return groups

    def save_custom_group(self, name: str, city_ids: Sequence[str]) -> PeerGroup:
        """Keep a named group (a group of the same name is replaced); returns it."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("a custom group needs a name")
        from desktop.core.catalog import PeerGroup

        group = PeerGroup(f"{CUSTOM_GROUP_PREFIX}{name}", name, name, tuple(city_ids))
        groups = [g for g in self.custom_groups() if g.id != group.id]
        self._set_custom_groups([*groups, group])
        return group

    def delete_custom_group(self, group_id: str) -> None:
        self._set_custom_groups([g for g in self.custom_groups() if g.id != group_id])

    def _set_custom_groups(self, groups: Sequence[PeerGroup]) -> None:
        data = {"version": CUSTOM_GROUPS_VERSION, "groups": [g.to_json() for g in groups]}
        self.set("custom_groups", json.dumps(data, ensure_ascii=False))

    def sync(self) -> None:
        self._store.sync()

    @property
    def file_name(self) -> str:
        return self._store.fileName()
