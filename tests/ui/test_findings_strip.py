"""The findings strip above the profile table follows the selection, in the view's language."""

from __future__ import annotations

import pytest

import desktop.analysis.findings as findings_module
from desktop.core.dataset import Dataset
from desktop.session.selection import Selection

pytestmark = pytest.mark.ui

NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")


def _settled(qtbot, window) -> tuple[str, ...]:
    strip = window.findings_strip
    qtbot.waitUntil(lambda: strip.isVisible() and bool(strip.lines), timeout=5000)
    qtbot.waitUntil(lambda: not window.controller._findings_timer.isActive(), timeout=5000)
    return strip.lines


def test_the_strip_shows_the_ranked_findings_and_follows_the_year(qtbot, window) -> None:
    lines = _settled(qtbot, window)
    assert 3 <= len(lines) <= 5
    # each row's own latest shared year, old years ranked lower: Shenyang's 2008 FDI (10.8
    # times its peers' median) no longer leads a profile whose usual year is 2020-2021
    assert lines[0] == ("1. Shenyang's urbanisation rate (urban share of residents) is 13.9 pp "
                        "above the peer median (2020).")
    assert "13.9 pp" in window.findings_strip.text()  # drawn, not only kept
    assert not any("(2008)" in line for line in lines[:2])
    controller = window.controller
    controller.set_state(controller.state.with_year(2016))
    qtbot.waitUntil(lambda: window.findings_strip.lines != lines, timeout=5000)
    assert window.findings_strip.lines[0] == (
        "1. Shenyang does worse than its peers on real GDP growth: 12.7 pp below the peer "
        "median (2016).")


def test_choosing_an_indicator_does_not_recompute_findings(qtbot, window,
                                                          monkeypatch) -> None:
    _settled(qtbot, window)
    calls = []
    original = findings_module.findings
    monkeypatch.setattr(findings_module, "findings",
                        lambda *a, **k: calls.append(1) or original(*a, **k))
    window.indicator_list.sig_indicator_chosen.emit("average_wage")
    qtbot.wait(300)  # longer than the strip's pause
    assert calls == []
    window.controller.set_state(window.controller.state.with_focus("cn-210200"))
    qtbot.waitUntil(lambda: calls == [1], timeout=5000)
    assert window.findings_strip.lines[0].startswith("1. Dalian")


def test_a_chinese_window_shows_chinese_findings(qtbot, dataset: Dataset) -> None:
    from desktop.ui.app import build_main_window

    window = build_main_window(dataset, Selection("cn-210100", NORTH_EAST, "gdp",
                                                  "north_east", year=2016), lang="zh")
    window.close_guard = None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    lines = _settled(qtbot, window)
    assert lines[0] == ("1. 沈阳市的地区生产总值增长率（实际）不及同类城市："
                        "比同类中位数低12.7个百分点（2016年）。")
    assert window.findings_strip.accessibleName() == "主要发现"


def test_findings_never_join_the_frame_of_a_slow_change(qtbot, window, monkeypatch) -> None:
    """A change slower than the strip's pause (a loaded machine) is painted first: its
    findings come in a later event pass, and another indicator chosen meanwhile restarts the
    wait instead of letting them in."""
    import time

    from PySide6.QtWidgets import QApplication

    from desktop.ui.controller import FINDINGS_DELAY_MS

    _settled(qtbot, window)
    calls = []
    original = findings_module.findings
    monkeypatch.setattr(findings_module, "findings",
                        lambda *a, **k: calls.append(1) or original(*a, **k))
    panel = window.chart_panel
    draw = panel.set_selection

    def slow_draw(*args, **kwargs) -> None:
        time.sleep(FINDINGS_DELAY_MS * 1.5 / 1000)
        draw(*args, **kwargs)

    monkeypatch.setattr(panel, "set_selection", slow_draw)
    controller = window.controller
    controller.set_state(controller.state.with_focus("cn-210200"))
    QApplication.processEvents()  # the change's own event pass: layout and paint
    assert calls == []
    window.indicator_list.sig_indicator_chosen.emit("average_wage")  # slow as well
    QApplication.processEvents()
    assert calls == []
    qtbot.waitUntil(lambda: calls == [1], timeout=5000)
    assert window.findings_strip.lines[0].startswith("1. Dalian")
