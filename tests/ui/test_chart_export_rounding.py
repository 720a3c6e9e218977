"""Exported chart values are rounded as the chart shows them, never to fewer than four
significant digits, and carry the chart's source and notes (issue 15 item 5)."""

from __future__ import annotations

import pandas as pd

from desktop.ui.plots.chart_data import csv_text, sensible, with_provenance


def test_values_keep_the_charts_decimals_and_four_significant_digits() -> None:
    assert sensible(25.43384744304487, 2) == 25.43
    assert sensible(5546.4498, 2) == 5546.45
    assert sensible(0.001234567, 2) == 0.001235  # a small share is not rounded to 0.00
    assert sensible(1_234_567.891, 0) == 1_234_568
    assert sensible(-3.14159, 1) == -3.142


def test_the_csv_says_source_and_notes_after_the_data() -> None:
    frame = with_provenance(pd.DataFrame({"City": ["Shenyang"], "GDP": [7249.6812345]}),
                            {"GDP": 2}, "CSMAR", ["A note", "A note", "Another"])
    text = csv_text(frame, pd.DataFrame(), "en")
    assert text.splitlines() == ["City,GDP", "Shenyang,7249.68", "", "Source: CSMAR", "Notes",
                                 "A note", "Another"]
