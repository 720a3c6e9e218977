"""Project files: round trip, refusing newer versions, and surviving a kill while saving."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.importers.model import ReadOptions, TableOptions
from desktop.importers.recipe import Recipe
from desktop.session.project import (
    PROJECT_VERSION,
    DataFile,
    Project,
    ProjectError,
    load_project,
    save_project,
)
from desktop.session.selection import Selection

REPO = Path(__file__).resolve().parents[2]


CHART = {"tab": 1, "mode": "indexed", "base_year": 2005, "log_y": True, "start": 2000,
         "end": None, "band": False, "usd": True, "year": 2016, "x_indicator": "gdp"}


def sample_project() -> Project:
    view = Selection("cn-210100", ("cn-210200", "cn-230100"), "gdp", year=2016)
    recipe = Recipe(ReadOptions(sheet="1-7"), TableOptions(header_rows=(2, 3)))
    return Project(view, (DataFile("yearbook.xls", recipe),), {"paper": "a4"}, "zh",
                   chart=CHART, detail=False)


def test_project_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "shenyang.cityprofiles.json"
    save_project(sample_project(), path)
    assert load_project(path) == sample_project()
    assert json.loads(path.read_text(encoding="utf-8"))["project_version"] == PROJECT_VERSION


def test_chart_controls_and_the_detail_switch_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "charts.cityprofiles.json"
    save_project(sample_project(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["chart"] == CHART and data["table"] == {"detail": False}
    project = load_project(path)
    assert (project.chart, project.detail) == (CHART, False)


def test_a_version_1_project_opens_with_default_chart_and_table(tmp_path: Path) -> None:
    path = tmp_path / "old.cityprofiles.json"
    data = sample_project().to_json()
    del data["chart"], data["table"]
    data["project_version"] = 1
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    project = load_project(path)
    # the same view, with the Details switch at its default (version 1 did not keep it)
    assert project.view == replace(sample_project().view, detail=True)
    assert project.data_files == sample_project().data_files
    assert (project.chart, project.detail) == ({}, True)


@pytest.mark.parametrize("change", [{"chart": "indexed"}, {"table": "compact"},
                                    {"table": {"detail": "no"}}])
def test_malformed_chart_or_table_settings_are_reported(tmp_path: Path,
                                                         change: dict[str, object]) -> None:
    path = tmp_path / "odd.cityprofiles.json"
    path.write_text(json.dumps({**sample_project().to_json(), **change}), encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert info.value.params["reason"] == "malformed"


def test_a_newer_project_is_refused_with_its_version(tmp_path: Path) -> None:
    path = tmp_path / "future.cityprofiles.json"
    data = sample_project().to_json()
    data["project_version"] = PROJECT_VERSION + 1
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert info.value.params["reason"] == "newer_version"
    assert info.value.params["version"] == PROJECT_VERSION + 1


@pytest.mark.parametrize("content", ["", "{", "[]", '{"app": "Other"}',
                                     '{"app": "City Profiles", "project_version": 1}'])
def test_broken_project_files_raise_project_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "broken.cityprofiles.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert info.value.params["file"] == str(path)


def test_missing_data_files_are_listed(tmp_path: Path) -> None:
    (tmp_path / "present.csv").write_text("x", encoding="utf-8")
    project = Project(sample_project().view, (DataFile("present.csv"), DataFile("gone.xlsx")))
    assert project.missing_files(tmp_path) == ["gone.xlsx"]


SAVER = """
import sys, itertools
from pathlib import Path
from desktop.session.project import Project, save_project
from desktop.session.selection import Selection
path = Path(sys.argv[1])
print("ready", flush=True)
for n in itertools.count():
    peers = tuple(f"cn-{100000 + i}" for i in range(2000))  # a large file, slow to write
    save_project(Project(Selection("cn-210100", peers, "gdp", year=n % 30 + 1990)), path)
"""


def test_killing_the_app_while_saving_leaves_a_valid_project(tmp_path: Path) -> None:
    path = tmp_path / "live.cityprofiles.json"
    save_project(sample_project(), path)
    process = subprocess.Popen([sys.executable, "-c", SAVER, str(path)], cwd=REPO,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    time.sleep(0.3)  # many saves are under way
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    process.stdout.close()
    project = load_project(path)  # the old or a new complete file, never a torn one
    assert project.view.focus_id == "cn-210100"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != path.name]
    assert all(name.startswith(f".{path.name}.") for name in leftovers)


def test_truncated_json_names_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "cut.cityprofiles.json"
    text = json.dumps(sample_project().to_json(), indent=2)
    path.write_text(text[: len(text) // 2], encoding="utf-8")  # a save cut off half-way
    with pytest.raises(ProjectError) as info:
        load_project(path)
    params = info.value.params
    assert params["reason"] == "unreadable"
    lines = text[: len(text) // 2].splitlines()
    assert params["line"] == len(lines) and params["column"] >= 1


@pytest.mark.parametrize("edit, field, problem", [
    (lambda d: d.pop("view"), "view", "missing"),
    (lambda d: d.update(view=[1, 2]), "view", "invalid"),
    (lambda d: d["view"].pop("focus_id"), "view.focus_id", "missing"),
    (lambda d: d["view"].update(focus_id=210100), "view.focus_id", "invalid"),
    (lambda d: d["view"].update(peer_ids="cn-210200"), "view.peer_ids", "invalid"),
    (lambda d: d["view"].update(peer_ids=["cn-210200", None]), "view.peer_ids[1]", "invalid"),
    (lambda d: d["view"].update(year=1e400), "view.year", "invalid"),
    (lambda d: d["view"].update(year=True), "view.year", "invalid"),
    (lambda d: d.update(data_files=5), "data_files", "invalid"),
    (lambda d: d.update(data_files=["yearbook.xls"]), "data_files[0]", "invalid"),
    (lambda d: d["data_files"][0].pop("path"), "data_files[0].path", "missing"),
    (lambda d: d["data_files"][0].update(recipe=[1]), "data_files[0].recipe", "invalid"),
    (lambda d: d["data_files"][0]["recipe"].update(read=7), "data_files[0].recipe", "invalid"),
    (lambda d: d.update(report=[1, 2]), "report", "invalid"),
])
def test_a_damaged_field_is_named(tmp_path: Path, edit: object, field: str,
                                  problem: str) -> None:
    """Each way a hand edit or a bad disk breaks a field gives a ProjectError naming it —
    never a KeyError, AttributeError or OverflowError from deep inside."""
    data = sample_project().to_json()
    edit(data)  # type: ignore[operator]
    path = tmp_path / "edited.cityprofiles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert info.value.params["reason"] == "malformed"
    assert (info.value.params["field"], info.value.params["problem"]) == (field, problem)


def test_what_is_only_a_label_falls_back_instead_of_refusing(tmp_path: Path) -> None:
    data = sample_project().to_json()
    data["view"]["group_id"] = 7
    data["lang"] = ["zh"]
    path = tmp_path / "labels.cityprofiles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    project = load_project(path)
    assert project.view.group_id is None and project.lang == "en"
    assert project.view.peer_ids == sample_project().view.peer_ids


def test_a_deeply_nested_file_is_refused_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.cityprofiles.json"
    path.write_text("[" * 200_000, encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert info.value.params["reason"] == "unreadable"
