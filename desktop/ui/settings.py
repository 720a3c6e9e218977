"""The one place that reads and writes QSettings: typed keys with defaults, nothing else.

Unknown keys are programming errors (KeyError), not silently created entries; setting a value
of the wrong type is a TypeError and a value outside a key's choices a ValueError. Reading never
fails: a stored value of the wrong type or shape (an edited, damaged or older file) gives the
default and is noted in `Settings.ignored`, which the start reports in one line. Recent files
are de-duplicated and capped when read as well as when added. Custom peer groups are kept as
versioned JSON text under "custom_groups" (read through custom_groups(), changed through
save_custom_group() and delete_custom_group()). Tests redirect the storage through XDG_CONFIG_HOME.
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
#: More saved-group JSON than any analyst writes: a damaged value, not parsed.
MAX_CUSTOM_GROUPS_TEXT = 1_000_000
MAX_CUSTOM_GROUP_CITIES = 1_000
MAX_CUSTOM_GROUPS = 200  # more would bury the peer picker's list: the rest is not read
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
    "language": _Key("en", str, LANGUAGES),  # the UI language (applied at once and at start)
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
    # Save chart as PNG: the last size (0: the chart as on screen) and DPI chosen
    "png_width": _Key(0, int),
    "png_height": _Key(0, int),
    "png_dpi": _Key(96, int, (96, 150, 300)),
}


_TRUE = (True, "true", "1", 1)
_BOOLEANS = (*_TRUE, False, "false", "0", 0)


def _problem(spec: _Key, value: Any) -> str | None:
    """Why a stored value cannot be used for a key of `spec`, or None when it can."""
    if spec.kind is bool:
        return None if _is_boolean(value) else f"{value!r:.40} is not true or false"
    if spec.kind is QByteArray:
        return None if isinstance(value, QByteArray) else f"a {type(value).__name__}"
    if not isinstance(value, spec.kind) or (spec.kind is int and isinstance(value, bool)):
        return f"a {type(value).__name__}, not {spec.kind.__name__}"
    if spec.choices and value not in spec.choices:
        return f"{value!r:.40} is not one of {', '.join(map(str, spec.choices))}"
    return None


def _is_boolean(value: Any) -> bool:
    try:
        return value in _BOOLEANS
    except TypeError:  # an unhashable or uncomparable value
        return False


def _custom_group(item: Any) -> PeerGroup | None:
    """A saved group from its JSON, or None when any field has the wrong shape."""
    if not isinstance(item, dict) or set(item) != {"id", "name_en", "name_zh", "city_ids"}:
        return None
    cities = item["city_ids"]
    texts = (item["id"], item["name_en"], item["name_zh"])
    if (not all(isinstance(t, str) for t in texts)
            or not str(item["id"]).startswith(CUSTOM_GROUP_PREFIX)
            or not isinstance(cities, list) or len(cities) > MAX_CUSTOM_GROUP_CITIES
            or not all(isinstance(c, str) for c in cities)):
        return None
    from desktop.core.catalog import PeerGroup

    return PeerGroup(item["id"], item["name_en"], item["name_zh"], tuple(cities))


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._store = qsettings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "CityProfiles", "CityProfiles"
        )
        #: Stored values that could not be used, by key: a short reason for the user.
        self.ignored: dict[str, str] = {}

    def get(self, key: str) -> Any:
        """The value of `key`, or its default when the stored value cannot be used (a wrong
        type or shape, an outdated choice): noted in `ignored`, never raised, so a damaged
        settings file cannot stop the start (issue 12)."""
        spec = KEYS[key]
        value = self._store.value(key, spec.default)
        if spec.kind is list:
            return self._list(key, value)
        if spec.kind is int and isinstance(value, str) and value.strip().isdigit():
            value = int(value)  # an INI file gives numbers back as text
        reason = _problem(spec, value)
        if reason is not None:
            self._ignore(key, reason)
            return spec.default
        if spec.kind is bool:
            return value in _TRUE
        return value

    def _list(self, key: str, value: Any) -> list[str]:
        """A list of paths, de-duplicated and capped to MAX_RECENT as it is read: a file
        holding 100,000 entries costs no more than one holding ten."""
        if value in (None, ""):
            return []
        if isinstance(value, str):
            return [value]  # QSettings gives a one-item list back as its item
        if not isinstance(value, list):
            self._ignore(key, f"a {type(value).__name__}, not a list")
            return []
        seen: dict[str, None] = {}
        for item in value:
            if isinstance(item, str) and item:
                seen.setdefault(item)
                if len(seen) == MAX_RECENT:
                    break
        if len(value) > MAX_RECENT * 10:
            self._ignore(key, f"{len(value):,} entries; the first {MAX_RECENT} kept")
        return list(seen)

    def _ignore(self, key: str, reason: str) -> None:
        known = self.ignored.get(key)
        if known is None:
            self.ignored[key] = reason
        elif reason not in known.split("; "):  # a value read again says nothing new
            self.ignored[key] = f"{known}; {reason}"

    def ignored_line(self) -> str:
        """The settings that were ignored, in one line ("" when none): key and reason."""
        return "; ".join(f"{key} ({reason})" for key, reason in self.ignored.items())

    def repair(self) -> None:
        """Store what was used instead of each ignored value, so the next start is quiet
        and quick (custom groups are left as they are: a newer version may read them)."""
        for key in list(self.ignored):
            if key == "custom_groups":
                continue
            if key == "recent_files":
                self._store.setValue(key, self.get(key))
            else:
                self._store.remove(key)

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
        """The analyst's saved groups, in the order saved; an unreadable entry is skipped
        (and noted in `ignored`), whatever shape the stored JSON has."""
        text = self.get("custom_groups")
        if not text:
            return []
        if len(text) > MAX_CUSTOM_GROUPS_TEXT:
            self._ignore("custom_groups", f"{len(text):,} characters")
            return []
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            self._ignore("custom_groups", "not JSON")
            return []
        if not isinstance(data, dict) or data.get("version") != CUSTOM_GROUPS_VERSION:
            self._ignore("custom_groups", "not a version-1 list of groups")
            return []
        items = data.get("groups", [])
        if not isinstance(items, list):
            self._ignore("custom_groups", f"groups is a {type(items).__name__}, not a list")
            return []
        groups, skipped = [], 0
        for item in items[:MAX_CUSTOM_GROUPS]:
            group = _custom_group(item)
            if group is None:
                skipped += 1
            else:
                groups.append(group)
        if skipped:
            self._ignore("custom_groups", f"{skipped:,} unreadable group(s) skipped")
        if len(items) > MAX_CUSTOM_GROUPS:
            self._ignore("custom_groups", f"{len(items):,} groups; the first "
                         f"{MAX_CUSTOM_GROUPS} kept")
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
