"""The peer median of every indicator at once (selection_cube.peer_medians) is the number
statistics.median gives for each: the table, the detail columns and the sentences quote it,
so a last-digit difference would show as two medians for one row."""

from __future__ import annotations

import statistics

import numpy as np

from desktop.analysis.selection_cube import peer_medians


def test_peer_medians_are_statistics_medians_to_the_last_digit() -> None:
    rng = np.random.default_rng(7)
    values = rng.lognormal(8, 2, size=(400, 11)) * rng.choice([1, -1], size=(400, 11))
    values[rng.random(values.shape) < 0.3] = np.nan  # missing or not counted
    values[5, 1:] = np.nan  # no peer has a value
    values[6, :] = np.nan  # nobody has
    medians, counts = peer_medians(values)
    for row, median, count in zip(values.tolist(), medians, counts, strict=True):
        peers = [v for v in row[1:] if v == v]
        assert median == (statistics.median(peers) if peers else None)
        assert count == sum(1 for v in row if v == v)
    assert medians[5] is None and medians[6] is None and counts[6] == 0


def test_a_focus_city_alone_has_no_peer_median() -> None:
    medians, counts = peer_medians(np.array([[3.0], [np.nan]]))
    assert medians == [None, None] and counts == [1, 0]
