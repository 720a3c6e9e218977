"""A project keeps the view's prices (current or constant, issue #13 item 2) and names a bad
one; a project saved before the choice opens at current prices, as it was shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.session.project import Project, ProjectError, load_project, save_project
from desktop.session.selection import Selection


def project(view: Selection) -> Project:
    return Project(view, (), {}, "en")


@pytest.mark.parametrize("prices", ["constant", "constant:2015", "current"])
def test_the_prices_choice_is_kept(tmp_path: Path, prices: str) -> None:
    view = Selection("cn-210100", ("us-19820",), "gdp", currency="ppp", prices=prices)
    path = tmp_path / "prices.cityprofiles.json"
    save_project(project(view), path)
    assert json.loads(path.read_text(encoding="utf-8"))["view"]["prices"] == prices
    assert load_project(path).view == view


def test_a_project_saved_before_the_choice_opens_at_current_prices(tmp_path: Path) -> None:
    data = project(Selection("cn-210100", (), "gdp", year=2016)).to_json()
    del data["view"]["prices"]
    path = tmp_path / "old.cityprofiles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_project(path).view.prices == "current"


@pytest.mark.parametrize("value", ["real", "constant:15", 2019, None])
def test_a_bad_prices_choice_is_named(tmp_path: Path, value: object) -> None:
    data = project(Selection("cn-210100", (), "gdp")).to_json()
    data["view"]["prices"] = value
    path = tmp_path / "edited.cityprofiles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert (info.value.params["field"], info.value.params["problem"]) == (
        "view.prices", "invalid")


@pytest.mark.parametrize(("saved", "read"), [
    ("constant:2015", "constant:2015"), ("constant", "constant"), ("constant:15", "current"),
    (None, "current"), ("real", "current"),
])
def test_report_options_keep_the_prices_and_read_damage_as_current(
    saved: object, read: str
) -> None:
    from desktop.report.model import ReportOptions

    data = ReportOptions("cn-210100", ("us-19820",), prices="constant:2015").to_json()
    assert data["prices"] == "constant:2015"
    data["prices"] = saved
    assert ReportOptions.from_json(data).prices == read
