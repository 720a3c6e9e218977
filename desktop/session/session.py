"""The session: everything the window shows and a project saves, as one immutable value,
and the transitions that change it. Each transition says what happened (a selection, an
import, a project opened), so nobody has to guess it from a changed dataset; the window's
controllers only turn widget signals into transitions and draw the result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.errors import CityProfilesError
from desktop.session.chart_options import ChartOptions, chart_options_from_json
from desktop.session.selection import Selection

if TYPE_CHECKING:  # projects (with the import recipes they hold) load when first used:
    # not on the start path
    from desktop.core.dataset import Dataset
    from desktop.session.project import DataFile, Project


class ProjectFocusMissingError(CityProfilesError):
    """A project's focus city is not in the data read for it (e.g. its file was skipped)."""

    code = "project_focus_missing"


@dataclass(frozen=True)
class Session:
    """What is on screen and what a project keeps. `dataset` is `base` with `data_files`
    merged in; `report` is the report dialog's last choices as JSON (empty: none yet)."""

    selection: Selection
    base: Dataset  # the bundled data, before any import
    dataset: Dataset
    chart: ChartOptions = field(default_factory=ChartOptions)
    report: Mapping[str, Any] = field(default_factory=dict)
    data_files: tuple[DataFile, ...] = ()
    project_path: Path | None = None  # None: never saved
    dirty: bool = False  # changes since the project was saved or opened


def start(dataset: Dataset, selection: Selection) -> Session:
    """A new, unsaved comparison on the bundled data."""
    return Session(selection, dataset, dataset)


def select(session: Session, selection: Selection) -> Session:
    """Show `selection`. The ranking's and scatter's year follows the view's year rule: a
    year chosen there is kept only while the view stays on "Latest shared" (as the chart
    panel draws it)."""
    if selection == session.selection:
        return session
    chart = session.chart
    year = selection.year
    if (year is not None or session.selection.year is not None) and year != chart.year:
        chart = replace(chart, year=year)
    return replace(session, selection=selection, chart=chart, dirty=True)


def normalize(session: Session, selection: Selection) -> Session:
    """The same view said precisely (an indicator the cities lack replaced by one they
    have, constant prices that cannot be shown replaced by current ones): not a change the
    user made, so the project stays as it was."""
    return replace(session, selection=selection)


def set_chart_options(session: Session, chart: ChartOptions) -> Session:
    """New chart controls; looking at another tab alone is not a change to the project."""
    if chart == session.chart:
        return session
    return replace(session, chart=chart,
                   dirty=session.dirty or not chart.same_drawing(session.chart))


def set_report_options(session: Session, report: Mapping[str, Any]) -> Session:
    if dict(report) == dict(session.report):
        return session
    return replace(session, report=dict(report), dirty=True)


def apply_import(session: Session, dataset: Dataset, data_file: DataFile) -> Session:
    """`dataset` is the session's data with `data_file` merged in (importers.merge)."""
    return replace(session, dataset=dataset, data_files=(*session.data_files, data_file),
                   dirty=True)


def open_project(session: Session, project: Project, dataset: Dataset,
                 data_files: tuple[DataFile, ...], path: Path | None,
                 dirty: bool = False) -> Session:
    """The project shown on `dataset` (the base data with the `data_files` that could be
    read). Peers missing from that data are left out; a missing focus city refuses the
    whole project (ProjectFocusMissingError), so nothing of it is applied. `dirty`: a
    recovered session's unsaved changes."""
    view = project.view
    if view.focus_id not in dataset.cities:
        raise ProjectFocusMissingError(focus=view.focus_id)
    selection = replace(view.with_peers([p for p in view.peer_ids if p in dataset.cities],
                                        view.group_id), detail=project.detail)
    chart = chart_options_from_json(project.chart)
    if "year" not in project.chart:  # saved before the chart had its own year
        chart = replace(chart, year=view.year)
    return replace(session, selection=selection, dataset=dataset, chart=chart,
                   report=dict(project.report), data_files=tuple(data_files),
                   project_path=path, dirty=dirty)


def saved(session: Session, path: Path) -> Session:
    return replace(session, project_path=path, dirty=False)


def restyled(session: Session, style: str) -> Session:
    """Large amounts written in `style` ("chinese", "international"): only the display
    changes, so the project does not."""
    return replace(session, base=session.base.with_number_style(style),
                   dataset=session.dataset.with_number_style(style))


def to_project(session: Session, lang: str) -> Project:
    """What a project file (or an autosave) keeps of the session."""
    from dataclasses import asdict

    from desktop.session.project import Project

    return Project(session.selection, session.data_files, report=dict(session.report),
                   lang=lang, chart=asdict(session.chart), detail=session.selection.detail)
