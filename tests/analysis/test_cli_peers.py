"""`peers` headless: run as a user runs it (subprocess) and through run_peers on hand data."""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from handmade import build_dataset, city, indicator

from desktop.commands.peers import add_peers_parser, run_peers
from desktop.core.errors import UnknownCityError, UnknownIndicatorError

REPO = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop.commands.peers", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


def test_json_names_peers_distances_and_why() -> None:
    result = run("--focus", "沈阳", "--k", "3", "--year", "2016", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["focus"] == "Shenyang" and data["focus_id"] == "cn-210100"
    assert data["year"] == 2016 and data["scaling"] == "zscore"
    assert data["indicators"][0] == "gdp_per_capita"
    assert sum(data["weights"].values()) == pytest.approx(1.0)
    assert len(data["peers"]) == 3
    for peer in data["peers"]:
        assert set(peer) >= {"city", "distance", "contributions"}
        assert sum(peer["contributions"].values()) == pytest.approx(1.0)
    assert data["missing"]["policy"] == "renormalise"
    assert data["missing"]["pool_size"] == 340
    assert "excluded" in data["missing"]["description"]


def test_text_is_an_aligned_table() -> None:
    result = run("--focus", "Shenyang", "--indicators", "gdp_per_capita,average_wage",
                 "--weights", "gdp_per_capita=2", "--k", "4", "--scaling", "rank")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Peers of Shenyang among Chinese")
    header = next(i for i, line in enumerate(lines) if line.startswith("#"))
    assert lines[header].split()[:3] == ["#", "City", "Distance"]
    rows = lines[header + 2: header + 6]
    assert [r.split()[0] for r in rows] == ["1", "2", "3", "4"]
    assert len({r.index("%") for r in rows}) == 1  # share columns line up


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--focus", "Atlantis"), "unknown city: 'Atlantis'"),
        (("--focus", "Shenyang", "--indicators", "gdp,nope"), "unknown indicator: 'nope'"),
        (("--focus", "Shenyang", "--weights", "1,2"), "2 weights for 6 indicators"),
        (("--focus", "Shenyang", "--year", "1900"), "has none of the chosen indicators"),
    ],
)
def test_errors_are_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert lines[0].startswith("city-profiles: error: ")


def _args(**values: object) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_peers_parser(parser.add_subparsers(dest="command"))
    argv = ["peers"]
    for key, value in values.items():
        flag = "--" + key.replace("_", "-")
        argv += [flag] if value is True else [flag, str(value)]
    return parser.parse_args(argv)


def test_run_peers_on_hand_data(capsys: pytest.CaptureFixture[str]) -> None:
    # the base example of test_peers: z-scores x f -1, a 1, b -1, c 1; y f -1, a -1, b 1, c 1
    rows = [("f", "x", 2020, 0.0), ("a", "x", 2020, 2.0), ("b", "x", 2020, 0.0),
            ("c", "x", 2020, 2.0), ("f", "y", 2020, 0.0), ("a", "y", 2020, 0.0),
            ("b", "y", 2020, 4.0), ("c", "y", 2020, 4.0)]
    dataset = build_dataset(rows, [city(c) for c in "fabc"], [indicator("x"), indicator("y")])
    code = run_peers(dataset, _args(focus="f", indicators="x,y", weights="3,1", k=2, json=True))
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    # as in test_peers: weights 0.75 / 0.25 -> b at 1, a at sqrt 3
    assert [p["city_id"] for p in data["peers"]] == ["b", "a"]
    assert [p["distance"] for p in data["peers"]] == pytest.approx([1.0, math.sqrt(3)])
    assert data["peers"][0]["contributions"] == pytest.approx({"x": 0.0, "y": 1.0})
    assert data["weights"] == {"x": 0.75, "y": 0.25}
    with pytest.raises(UnknownCityError):
        run_peers(dataset, _args(focus="zz"))
    with pytest.raises(UnknownIndicatorError):
        run_peers(dataset, _args(focus="f", indicators="q"))
    assert run_peers(dataset, _args(focus="f", scaling="minmax", k=1)) == 0
    assert "Peers of F" in capsys.readouterr().out
