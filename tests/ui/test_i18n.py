"""The Simplified Chinese UI: nothing user-visible escapes tr(), the zh_CN catalogue is complete
and compiled, and the app starts in Chinese.

When a test here fails after a UI change, regenerate the catalogue (resources/i18n/README.md):
lupdate, translate the new entries (Qt Linguist or by hand), lrelease, commit .ts and .qm.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .i18n_scan import (
    UI_DIR,
    scan_source,
    scan_ui,
    tr_aliases,
    tr_arguments_that_are_not_literals,
)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from desktop.core.dataset import Dataset

pytestmark = pytest.mark.ui

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TS = ROOT / "resources" / "i18n" / "city_profiles_zh_CN.ts"
QM = ROOT / "resources" / "i18n" / "city_profiles_zh_CN.qm"
PLACEHOLDER = re.compile(r"\{\d*\}|%\d")


def ui_sources() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in sorted(UI_DIR.rglob("*.py"))]


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a .ts file."""
    root = ET.parse(ts).getroot()
    return [(context.findtext("name") or "", message.findtext("source") or "",
             message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


def run_lupdate(target: Path) -> None:
    subprocess.run([str(BIN / "pyside6-lupdate"), *ui_sources(), "-ts", str(target),
                    "-no-obsolete", "-target-language", "zh_CN"],
                   cwd=ROOT, check=True, capture_output=True, text=True, timeout=120)


# --- (a) strings that escape translation ---------------------------------------------------
def test_the_scan_catches_untranslated_text() -> None:
    """The check itself: literals given to Qt text setters are found, wrapped ones are not."""
    source = '''
QLabel("Peer group")
box.setToolTip(f"Values from {year}")
QMessageBox.warning(self, "Import failed", self.tr("fine"))
combo.addItem("Light", "light")
pg.InfiniteLine(pos=2016, label="series break")
table.setHorizontalHeaderLabels(["Column", self.tr("Role")])
QLabel(self.tr("{0} values").format(n))
QLabel(QCoreApplication.translate("Ctx", "Fine"))
QLabel("<b>" + name + "</b>&nbsp;")
combo.addItem("English", "en")
'''
    found = [(e.line, e.text) for e in scan_source(source)]
    assert found == [(2, "Peer group"), (3, "Values from "), (4, "Import failed"),
                     (5, "Light"), (6, "series break"), (7, "Column")]


def test_no_user_visible_string_escapes_translation() -> None:
    escapes = scan_ui()
    assert not escapes, "untranslated UI text:\n" + "\n".join(map(str, escapes))


def test_lupdate_can_read_every_translation_call() -> None:
    """lupdate reads only self.tr("literal") / translate("Context", "literal"): no f-strings,
    variables or aliases (`tr = self.tr` files strings under an empty context)."""
    problems = tr_arguments_that_are_not_literals() + tr_aliases()
    assert not problems, "\n".join(problems)


def test_catalogue_contexts_are_the_classes_that_translate() -> None:
    """self.tr() looks up the calling class's name at run time: every context in the .ts must
    be a class in desktop/ui or a context named in a translate()/QT_TRANSLATE_NOOP call."""
    known: set[str] = set()
    for path in UI_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                known.add(node.name)
            elif isinstance(node, ast.Call) and node.args and isinstance(
                    node.args[0], ast.Constant) and getattr(node.func, "attr", getattr(
                    node.func, "id", "")) in ("translate", "QT_TRANSLATE_NOOP"):
                known.add(str(node.args[0].value))
    contexts = {context for context, _source, _t in messages(TS)}
    assert contexts <= known, contexts - known


# --- (b) the zh_CN catalogue is complete ---------------------------------------------------
def test_every_entry_is_translated() -> None:
    entries = messages(TS)
    assert len(entries) > 200
    unfinished = [(c, s) for c, s, t in entries
                  if t is None or t.get("type") in ("unfinished", "obsolete", "vanished")
                  or not (t.text or "").strip()]
    assert not unfinished, unfinished


def test_translations_keep_placeholders_mnemonics_and_shortcuts() -> None:
    for context, source, translation in messages(TS):
        text = translation.text or ""
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
            context, source, text)
        if re.search(r"&\w", source.replace("&nbsp;", "")):
            assert re.search(r"\(&[A-Z]\)|&\w", text), (context, source, text)
        if source.startswith("Ctrl+"):
            assert text == source, (context, source, text)
        if any("a" <= ch.lower() <= "z" for ch in source) and not source.startswith("Ctrl+"):
            assert text != source or source in ("A4",), (context, source)


def test_catalogue_has_every_string_lupdate_finds_now(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_zh_CN.ts"
    run_lupdate(fresh)
    found = {(c, s) for c, s, _t in messages(fresh)}
    committed = {(c, s) for c, s, _t in messages(TS)}
    assert found - committed == set(), "new strings: run lupdate and translate them"
    assert committed - found == set(), "strings no longer in the code: run lupdate -no-obsolete"


# --- (c) the compiled catalogue matches its source -----------------------------------------
def test_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    out = tmp_path / "check.qm"
    result = subprocess.run([str(BIN / "pyside6-lrelease"), "-fail-on-unfinished",
                             "-fail-on-invalid", str(TS), "-qm", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes() == QM.read_bytes(), "run pyside6-lrelease and commit the .qm"


def test_translators_load_and_answer_in_every_context(qtbot: QtBot) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop.analysis.chart_spec import CROSS_COUNTRY_NOTE
    from desktop.ui.i18n import install_translators

    app = QCoreApplication.instance()
    translators = install_translators(app, "zh")
    try:
        assert len(translators) == 2  # Qt's own (qtbase_zh_CN) and ours
        translate = QCoreApplication.translate
        assert translate("MainWindow", "&File") == "文件(&F)"
        assert translate("ProfileTable", "Peer median") == "同类中位数"
        assert translate("QPlatformTheme", "Cancel") == "取消"  # standard buttons, from Qt
        assert translate("ChartPanel", CROSS_COUNTRY_NOTE).startswith("中国地级市")
        assert "世界银行各年年平均汇率" in translate("ChartPanel", CROSS_COUNTRY_NOTE)
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_the_chart_note_marked_for_translation_is_the_one_analysis_writes() -> None:
    import ast
    from pathlib import Path

    from desktop.analysis.chart_spec import CROSS_COUNTRY_NOTE

    source = Path(__file__).resolve().parents[2] / "desktop/ui/plots/chart_panel.py"
    literals = {node.value for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
                if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    assert CROSS_COUNTRY_NOTE in literals  # the panel's tr() text is the same sentence
    # US money is stored in yuan and shown in US$ at the annual rate: no longer "not drawn
    # on one axis" (issue #13 part 6)
    assert "not drawn on one axis" not in CROSS_COUNTRY_NOTE
    assert "World Bank's annual average exchange rate" in CROSS_COUNTRY_NOTE


# --- (d) the window in Chinese -------------------------------------------------------------
def test_window_speaks_chinese(qtbot: QtBot, dataset: Dataset) -> None:
    from PySide6.QtCore import QCoreApplication, Qt

    from desktop.session.selection import Selection
    from desktop.ui.app import build_main_window
    from desktop.ui.i18n import install_translators

    app = QCoreApplication.instance()
    translators = install_translators(app, "zh")
    try:
        selection = Selection("cn-210100", ("cn-210200", "cn-230100", "cn-220100"), "gdp",
                              "north_east")
        window = build_main_window(dataset, selection, "zh")
        window.close_guard = None
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
        model = window.profile_view.proxy
        headers = [model.headerData(c, Qt.Orientation.Horizontal)
                   for c in range(model.columnCount())]
        assert headers[:10] == ["指标", "单位", "年份", "沈阳市", "大连市", "哈尔滨市", "长春市",
                                "同类中位数", "与中位数差距", "排名"]
        assert model.index(0, 0).data() == "地区生产总值（当年价格）"
        assert model.index(0, 9).data() == "第2/4"  # the rank column
        assert model.index(0, 10).data().startswith("第")  # rank among all comparable cities
        assert window.chart.title.text() == "地区生产总值（当年价格）"
        assert window.peer_picker.group_box.currentText() == "东北（大连市、哈尔滨市、长春市）"
        assert window.indicator_list.topLevelItem(0).text(0) == "经济"
        assert window.windowTitle().startswith("城市概况 — 沈阳市")
        assert window.preferences_action.text() == "首选项(&P)…"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


@pytest.mark.slow
def test_app_starts_in_chinese_and_saves_a_screenshot(tmp_path: Path) -> None:
    """Look at the PNG too: menus, toolbar, panels, headers and chart labels in Chinese."""
    out = tmp_path / "zh.png"
    result = subprocess.run([sys.executable, "-m", "desktop", "--lang", "zh",
                             "--screenshot", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 50_000
    assert "Traceback" not in result.stderr


def test_language_setting_is_used_when_no_lang_is_given(tmp_path: Path) -> None:
    """No --lang: the window follows the language setting (written here to a temp config)."""
    import os

    config = tmp_path / "config"
    ini = config / "CityProfiles" / "CityProfiles.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[General]\nlanguage=zh\n", encoding="utf-8")
    script = (
        "from desktop.session.selection import Selection\n"
        "from desktop.core.storage import load_bundled\n"
        "from desktop.ui.app import create_window\n"
        "selection = Selection('cn-210100', ('cn-210200',), 'gdp', None)\n"
        "window = create_window(load_bundled(), selection, None)\n"
        "print(window.menuBar().actions()[0].text(), window.controller.lang)\n"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["文件(&F)", "zh"], result.stderr
