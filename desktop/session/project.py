"""Project files: the data files and recipes used plus what is on screen, as versioned JSON.

Written to a temporary file and renamed, so a crash or kill while saving leaves the previous
project intact. A file from a newer version of the app is refused with a clear reason rather
than half-read; data files that have moved are reported so the user can locate them.

Versions: 1 held the selection, data files, report options and language; 2 adds the chart
controls ("chart", a plain dict of the chart panel's options) and the table's detail switch
("table": {"detail": ...}). A version-1 file opens with their defaults.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import CityProfilesError
from desktop.core.storage import write_atomically
from desktop.importers.recipe import Recipe, RecipeError
from desktop.session.state import ViewState

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
    view: ViewState
    data_files: tuple[DataFile, ...] = ()
    report: dict[str, Any] = field(default_factory=dict)
    lang: str = "en"
    #: The chart controls as plain JSON values (the UI turns them into its ChartOptions and
    #: back); empty: the defaults.
    chart: dict[str, Any] = field(default_factory=dict)
    #: The profile table's Details switch.
    detail: bool = True

    def to_json(self) -> dict[str, Any]:
        view = asdict(self.view)
        view["peer_ids"] = list(self.view.peer_ids)
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


def load_project(path: Path) -> Project:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProjectError(file=str(path), reason="unreadable", detail=str(exc)) from exc
    if not isinstance(data, dict) or data.get("app") != "City Profiles":
        raise ProjectError(file=str(path), reason="not_a_project")
    version = data.get("project_version")
    if not isinstance(version, int):
        raise ProjectError(file=str(path), reason="not_a_project")
    if version > PROJECT_VERSION:
        raise ProjectError(file=str(path), reason="newer_version", version=version,
                           supported=PROJECT_VERSION)
    try:
        view = data["view"]
        state = ViewState(
            focus_id=str(view["focus_id"]),
            peer_ids=tuple(str(p) for p in view["peer_ids"]),
            indicator_id=str(view["indicator_id"]),
            year=int(view["year"]) if view.get("year") is not None else None,
            group_id=view.get("group_id"),
        )
        files = tuple(
            DataFile(str(d["path"]), Recipe.from_json(d["recipe"]))
            for d in data.get("data_files", [])
        )
        chart = data.get("chart") or {}  # absent before version 2
        table = data.get("table") or {}
        if not isinstance(chart, dict) or not isinstance(table, dict):
            raise TypeError("chart and table settings must be objects")
        detail = table.get("detail", True)
        if not isinstance(detail, bool):
            raise TypeError(f"the table's detail switch must be true or false, not {detail!r}")
    except (KeyError, TypeError, ValueError, RecipeError) as exc:
        raise ProjectError(file=str(path), reason="malformed", detail=str(exc)) from exc
    return Project(state, files, dict(data.get("report") or {}), str(data.get("lang", "en")),
                   chart=dict(chart), detail=detail)
