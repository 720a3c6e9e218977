"""Project files: the data files and recipes used plus what is on screen, as versioned JSON.

Written to a temporary file and renamed, so a crash or kill while saving leaves the previous
project intact. A file from a newer version of the app is refused with a clear reason rather
than half-read; data files that have moved are reported so the user can locate them.

Versions: 1 held the selection, data files, report options and language; 2 adds the chart
controls ("chart", a plain dict of the chart panel's options) and the table's detail switch
("table": {"detail": ...}). A version-1 file opens with their defaults. The view's prices
("view.prices": "current", "constant" or "constant:YEAR") are read as current prices when a
file has none.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.analysis.currency import AUTO, CHOICES
from desktop.analysis.prices import CURRENT, parse_prices
from desktop.analysis.selection_cube import LATEST_EACH
from desktop.core.errors import CityProfilesError
from desktop.core.storage import write_atomically
from desktop.importers.recipe import Recipe, RecipeError
from desktop.session.selection import Selection

PROJECT_VERSION = 2
SUFFIX = ".cityprofiles.json"


class ProjectError(CityProfilesError):
    """A project file that cannot be opened: `reason` is a code, `file` the path."""

    code = "project_file"


@dataclass(frozen=True)
class DataFile:
    path: str
    recipe: Recipe = field(default_factory=Recipe)

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "recipe": self.recipe.to_json()}


@dataclass(frozen=True)
class Project:
    view: Selection
    data_files: tuple[DataFile, ...] = ()
    report: dict[str, Any] = field(default_factory=dict)
    lang: str = "en"
    #: The chart controls as plain JSON values (desktop.session.chart_options reads them);
    #: empty: the defaults.
    chart: dict[str, Any] = field(default_factory=dict)
    #: The profile table's Details switch (saved as "table": {"detail": ...}).
    detail: bool = True

    def __post_init__(self) -> None:
        """The view carries the Details switch too: one Selection says all a view shows."""
        if self.view.detail != self.detail:
            object.__setattr__(self, "view", replace(self.view, detail=self.detail))

    def to_json(self) -> dict[str, Any]:
        view = asdict(self.view)
        view["peer_ids"] = list(self.view.peer_ids)
        del view["detail"]  # saved as "table": {"detail": ...}, as before the one Selection
        return {
            "app": "City Profiles",
            "project_version": PROJECT_VERSION,
            "view": view,
            "data_files": [d.to_json() for d in self.data_files],
            "report": self.report,
            "lang": self.lang,
            "chart": self.chart,
            "table": {"detail": self.detail},
        }

    def missing_files(self, base: Path | None = None) -> list[str]:
        """Data files that are not where the project says (relative paths from `base`)."""
        return [d.path for d in self.data_files if not _resolve(d.path, base).is_file()]


def _resolve(path: str, base: Path | None) -> Path:
    candidate = Path(path)
    return candidate if candidate.is_absolute() or base is None else base / candidate


def save_project(project: Project, path: Path) -> None:
    text = json.dumps(project.to_json(), ensure_ascii=False, indent=2)
    write_atomically(path, (text + "\n").encode("utf-8"))


class _FieldError(Exception):
    """A field of a project file that is missing or has the wrong type."""

    def __init__(self, field_name: str, problem: str, value: object = None) -> None:
        super().__init__(field_name, problem)
        self.field_name, self.problem, self.value = field_name, problem, value


#: Larger than any project we write (its data stays in the data files): not read.
MAX_PROJECT_BYTES = 50_000_000


def load_project(path: Path) -> Project:
    """The project in `path`, or a ProjectError saying what is wrong: `reason` is
    "unreadable" (with `line`, `column` when the JSON is broken), "not_a_project",
    "newer_version" or "malformed" (with `field` and `problem`: "missing" or "invalid")."""
    try:
        if path.stat().st_size > MAX_PROJECT_BYTES:
            raise ProjectError(file=str(path), reason="unreadable",
                               detail=f"{path.stat().st_size:,} bytes")
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ProjectError(file=str(path), reason="unreadable", detail=exc.msg,
                           line=exc.lineno, column=exc.colno) from exc
    except (OSError, ValueError, RecursionError) as exc:
        raise ProjectError(file=str(path), reason="unreadable", detail=str(exc)) from exc
    if not isinstance(data, dict) or data.get("app") != "City Profiles":
        raise ProjectError(file=str(path), reason="not_a_project")
    version = data.get("project_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProjectError(file=str(path), reason="not_a_project")
    if version > PROJECT_VERSION:
        raise ProjectError(file=str(path), reason="newer_version", version=version,
                           supported=PROJECT_VERSION)
    return project_from_json(data, str(path))


def project_from_json(data: dict[str, Any], file: str = "") -> Project:
    """A Project from its JSON object (a project file, or an autosaved session: `file` "");
    raises ProjectError ("malformed") naming the first field that is missing or invalid."""
    try:
        return _project(data)
    except _FieldError as exc:
        value = "" if exc.value is None else f"{exc.value!r:.60}"
        raise ProjectError(file=file, reason="malformed", field=exc.field_name,
                           problem=exc.problem, value=value,
                           detail=f"{exc.field_name}: {exc.problem} {value}".strip()) from exc


def _project(data: dict[str, Any]) -> Project:
    view = _field(data, "view", dict, "view")
    year = view.get("year")
    if year is not None and year != LATEST_EACH and (
            not isinstance(year, int) or isinstance(year, bool) or not 0 < year < 10_000):
        raise _FieldError("view.year", "invalid", year)
    # Projects saved before the view's choice: automatic, or US$ where the charts had
    # their own "Convert yuan to US$" switch on.
    chart = data.get("chart")
    old_usd = isinstance(chart, dict) and chart.get("usd") is True
    currency = view.get("currency", "usd" if old_usd else AUTO)
    if currency not in CHOICES:
        raise _FieldError("view.currency", "invalid", currency)
    prices = view.get("prices", CURRENT)  # absent: saved before the choice, current prices
    try:
        prices = parse_prices(prices).text() if isinstance(prices, str) else None
    except ValueError:
        prices = None
    if prices is None:
        raise _FieldError("view.prices", "invalid", view.get("prices"))
    group = view.get("group_id")
    chart = _optional(data, "chart", dict, {})  # absent before version 2
    table = _optional(data, "table", dict, {})
    detail = table.get("detail", True)
    if not isinstance(detail, bool):
        raise _FieldError("table.detail", "invalid", detail)
    state = Selection(
        focus_id=_field(view, "focus_id", str, "view.focus_id"),
        peer_ids=_strings(_field(view, "peer_ids", list, "view.peer_ids"), "view.peer_ids"),
        indicator_id=_field(view, "indicator_id", str, "view.indicator_id"),
        year=year,
        group_id=group if isinstance(group, str) else None,  # only a label: safe to drop
        currency=currency,
        prices=prices,
        detail=detail,
    )
    files = []
    for n, item in enumerate(_optional(data, "data_files", list, [])):
        where = f"data_files[{n}]"
        if not isinstance(item, dict):
            raise _FieldError(where, "invalid", item)
        recipe = _field(item, "recipe", dict, f"{where}.recipe")
        try:
            files.append(DataFile(_field(item, "path", str, f"{where}.path"),
                                  Recipe.from_json(recipe)))
        except (RecipeError, TypeError, ValueError, AttributeError) as exc:
            raise _FieldError(f"{where}.recipe", "invalid", str(exc)) from exc
    report = _optional(data, "report", dict, {})
    lang = data.get("lang", "en")
    return Project(state, tuple(files), dict(report), lang if lang in ("en", "zh") else "en",
                   chart=dict(chart), detail=detail)


def _field(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise _FieldError(where, "missing")
    value = data[key]
    if not isinstance(value, kind):
        raise _FieldError(where, "invalid", value)
    return value


def _optional(data: dict[str, Any], key: str, kind: type, default: Any) -> Any:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, kind):
        raise _FieldError(key, "invalid", value)
    return value


def _strings(values: list[Any], where: str) -> tuple[str, ...]:
    for n, value in enumerate(values):
        if not isinstance(value, str):
            raise _FieldError(f"{where}[{n}]", "invalid", value)
    return tuple(values)
