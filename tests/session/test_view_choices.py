"""A project keeps the view's year rule and currency choice (issue #13), and names a bad one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.session.project import Project, ProjectError, load_project, save_project
from desktop.session.selection import Selection


def project(view: Selection) -> Project:
    return Project(view, (), {}, "en")


def test_latest_each_and_the_currency_are_kept(tmp_path: Path) -> None:
    view = Selection("cn-210100", ("us-19820",), "gdp", year="latest-each", currency="ppp")
    path = tmp_path / "choices.cityprofiles.json"
    save_project(project(view), path)
    saved = json.loads(path.read_text(encoding="utf-8"))["view"]
    assert (saved["year"], saved["currency"]) == ("latest-each", "ppp")
    assert load_project(path).view == view


def test_a_project_saved_before_the_choice_opens_automatic(tmp_path: Path) -> None:
    data = project(Selection("cn-210100", (), "gdp", year=2016)).to_json()
    del data["view"]["currency"]
    path = tmp_path / "old.cityprofiles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_project(path).view.currency == "auto"
    data["chart"] = {"usd": True}  # the charts' old "Convert yuan to US$" switch
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_project(path).view.currency == "usd"


@pytest.mark.parametrize(("field", "value"), [
    ("currency", "eur"), ("currency", ["usd"]), ("year", "latest"),
])
def test_a_bad_choice_is_named(tmp_path: Path, field: str, value: object) -> None:
    data = project(Selection("cn-210100", (), "gdp")).to_json()
    data["view"][field] = value
    path = tmp_path / "edited.cityprofiles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert (info.value.params["field"], info.value.params["problem"]) == (
        f"view.{field}", "invalid")
