"""Help › Data sources shows each source's trust, licence and caveats in the UI's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from desktop.core.dataset import Dataset

pytestmark = pytest.mark.ui

GDP_NOTE_EN = "Liaoning cities' figures from 2016 on follow the province's downward restatement"
GDP_NOTE_ZH = ("辽宁省各市自2016年起的数据随全省统计数据下调（挤水分）而修订，"
               "因此2015—2016年的变化并非真实增长。")
LABOUR_NOTE_ZH = "本表人口为户籍人口，不是常住人口。"
CSMAR_LICENCE_ZH = "仓库未附许可协议；国泰安（CSMAR）为订阅制数据库。仅限内部使用。"


def _sources_text(qtbot: QtBot, dataset: Dataset, lang: str) -> str:
    """The text a user reads after Help › Data sources in a window of the language."""
    from desktop.session.selection import Selection
    from desktop.ui.app import build_main_window

    from .conftest import NORTH_EAST

    window = build_main_window(dataset, Selection("cn-210100", NORTH_EAST, "gdp", "north_east"),
                               lang)
    window.close_guard = None
    qtbot.addWidget(window)
    window.sources_action.trigger()
    dialog = window.project_controller.dialogs[-1]
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    text = dialog.browser.toPlainText()
    dialog.close()
    return text


def test_chinese_window_shows_chinese_caveats(qtbot: QtBot, dataset: Dataset) -> None:
    text = _sources_text(qtbot, dataset, "zh")
    assert GDP_NOTE_ZH in text
    assert LABOUR_NOTE_ZH in text
    assert CSMAR_LICENCE_ZH in text
    assert "A-（人口普查公报数据，经人工录入并按行政区划调整）" in text
    assert GDP_NOTE_EN not in text
    assert "No licence in the repository" not in text


def test_english_window_shows_english_caveats(qtbot: QtBot, dataset: Dataset) -> None:
    text = _sources_text(qtbot, dataset, "en")
    assert GDP_NOTE_EN in text
    assert "A- (census bulletins, manually digitised and boundary-adjusted)" in text
    assert GDP_NOTE_ZH not in text and CSMAR_LICENCE_ZH not in text


def test_imported_source_without_chinese_shows_its_english_notes(qapp,
                                                                 dataset: Dataset) -> None:
    """A source added by an import has no Chinese caveats; the Chinese page still shows them."""
    from desktop.core.catalog import Source
    from desktop.core.dataset import Dataset
    from desktop.ui.dialogs.text_dialogs import sources_html

    imported = Source("import-1", "mine.csv", "Imported by the user", "mine.csv",
                      notes="layout long; encoding utf-8")
    with_import = Dataset(dataset.observations, dataset.cities.values(),
                          dataset.indicators.values(), [*dataset.sources.values(), imported])
    assert "layout long; encoding utf-8" in sources_html(with_import, "zh")
