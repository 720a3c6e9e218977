"""Help › User guide as a reader meets it: the Chinese UI gets a Chinese guide with the same
sections, every shortcut and menu path the guides quote is one the window has, every dialog label
they quote is the UI's own (the Chinese one as the zh_CN catalogue translates it), and both
render in Qt's rich-text engine with nothing to fetch.

When the UI renames a menu item or a label, update resources/help/guide.html and guide_zh.html
together (the Chinese labels are the <translation> entries of the .ts file).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.ui.dialogs.text_dialogs import guide_html

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from desktop.core.dataset import Dataset

pytestmark = pytest.mark.ui

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "city_profiles_zh_CN.ts"
HELP = ROOT / "resources" / "help"

H1 = re.compile(r"<h1>(.*?)</h1>", re.S)
H2 = re.compile(r"<h2>(.*?)</h2>", re.S)
MENU_PATH = re.compile(r"<b>([^<]*›[^<]*)</b>")  # e.g. <b>File › Import data</b>
KBD = re.compile(r"<kbd>(.*?)</kbd>", re.S)
CJK = re.compile(r"[\u4e00-\u9fff]")

#: Labels outside the menus that the guides quote: (translation context, source text).
#: Each must be in the catalogue (so in the UI code), in the English guide as written, and in the
#: Chinese guide as translated ('&' mnemonics and a trailing '…' left out in both).
LABELS = (
    ("MainWindow", "Latest shared"), ("MainWindow", "Copy table"),
    ("MainWindow", "Automatic"), ("MainWindow", "US$ (annual exchange rate)"),
    ("MainWindow", "International $ (PPP)"),
    ("MainWindow", "&Details"), ("MainWindow", "Fi&lter"),
    ("PeerPicker", "Peer group"), ("PeerPicker", "Add a peer city…"),
    ("PeerPicker", "Clear"), ("PeerPicker", "Delete"),
    ("ProfileTable", "Peer median"), ("ProfileTable", "Gap to median"),
    ("ProfileTable", "Rank in pool"), ("ProfileTable", "Percentile"),
    ("ProfileTable", "In words"),
    ("ChartPanel", "Over time"), ("ChartPanel", "Ranking"), ("ChartPanel", "Scatter"),
    ("ChartPanel", "Small multiples"), ("ChartPanel", "Structure"),
    ("ChartPanel", "Values"), ("ChartPanel", "Index (base year = 100)"),
    ("ChartPanel", "% change from start"), ("ChartPanel", "Base"),
    ("ChartPanel", "Log scale"), ("ChartPanel", "Peer median and inter-quartile band"),
    ("ChartPanel", "All comparable cities, faintly"), ("MainWindow", "Each city's latest"),
    ("ChartPanel", "Across"), ("ChartPanel", "Up"), ("ChartPanel", "Size by population"),
    ("ChartPanel", "Trails over the years"), ("ChartPanel", "Log scale across"),
    ("ChartPanel", "Export"), ("ChartPanel", "Save chart as PNG…"),
    ("ChartPanel", "Save chart as SVG…"), ("ChartPanel", "Save data as CSV…"),
    ("ChartPanel", "Save data as Excel…"), ("ChartPanel", "View data…"),
    ("StructureView", "Location quotients"), ("StructureView", "Value added (GDP)"),
    ("StructureView", "Employment"), ("StructureView", "Shift-share analysis"),
    ("StructureView", "Growth effect"), ("StructureView", "Industry-mix effect"),
    ("StructureView", "Competitive effect"), ("StructureView", "Time distance"),
    ("StructureView", "Level of the year"),
    ("PeerFinderDialog", "Compare on"), ("PeerFinderDialog", "Weight"),
    ("PeerFinderDialog", "Latest with good coverage"), ("PeerFinderDialog", "&Scaling"),
    ("PeerFinderDialog", "z-score"), ("PeerFinderDialog", "min-max"),
    ("PeerFinderDialog", "&Missing values"), ("PeerFinderDialog", "compare over the rest"),
    ("PeerFinderDialog", "leave out"), ("PeerFinderDialog", "&Peers to propose"),
    ("PeerFinderDialog", "Most similar cities"),
    ("PeerFinderDialog", "Why (share of the distance)"),
    ("PeerFinderDialog", "&Use as peers"), ("PeerFinderDialog", "Save as &group…"),
    ("ImportDialog", "Sheet"), ("ImportDialog", "Encoding"), ("ImportDialog", "Delimiter"),
    ("ImportDialog", "Header starts at row"), ("ImportDialog", "Layout"),
    ("ImportDialog", "Year of the table"), ("ImportDialog", "City of the table"),
    ("ImportDialog", "Column roles"), ("ImportDialog", "Result"),
    ("ImportDialog", "Save recipe…"), ("ImportDialog", "Load recipe…"),
    ("ReportDialog", "Preview…"), ("ReportDialog", "Print…"),
    ("ReportDialog", "Save PDF…"), ("ReportDialog", "Save HTML…"),
    ("SettingsDialog", "Language"), ("SettingsDialog", "Theme"),
    ("SettingsDialog", "Follow the system"), ("SettingsDialog", "Light"),
    ("SettingsDialog", "Dark"), ("SettingsDialog", "Default focus city"),
    ("SettingsDialog", "Default peer group"),
    ("SettingsDialog", "&Reopen the last project at start"),
    ("SettingsDialog", "L&andscape pages"),
    ("CrashReporter", "Copy details"),
)
#: The detail columns whose headings take the number of years.
HORIZON_LABELS = (("ProfileTable", "{0}-yr change", (1, 5, 10)),
                  ("ProfileTable", "CAGR {0} yr", (5, 10)))
#: Menu items the guide must cover (brief: import, report, peers, projects, preferences).
REQUIRED_PATHS = {"File › Import data", "File › Print report", "File › Export table",
                  "File › Save project", "File › Open project", "View › Find peers",
                  "Edit › Preferences", "Edit › Copy table", "Help › Data sources"}


def label(text: str) -> str:
    """A UI text as a guide quotes it: no mnemonic ('&File', '导入数据(&I)…'), no '…'."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&", "").removesuffix("…").strip()


def plain(markup: str) -> str:
    """The text a reader sees: no tags, entities decoded, line breaks as single spaces."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", markup)))


def headings(markup: str) -> list[str]:
    return [plain(h).strip() for h in H2.findall(markup)]


def catalogue() -> dict[tuple[str, str], str]:
    root = ET.parse(TS).getroot()
    return {(context.findtext("name") or "", message.findtext("source") or ""):
            message.findtext("translation") or ""
            for context in root.iter("context") for message in context.iter("message")}


def menu_paths(markup: str) -> set[str]:
    return {" › ".join(part.strip() for part in path.split("›"))
            for path in MENU_PATH.findall(markup)}


@pytest.fixture(scope="module")
def english() -> str:
    return guide_html("en")


@pytest.fixture(scope="module")
def chinese() -> str:
    return guide_html("zh")


# --- which guide ---------------------------------------------------------------------------
def test_chinese_ui_gets_the_chinese_guide(english: str, chinese: str) -> None:
    assert (HELP / "guide_zh.html").is_file()
    assert english == (HELP / "guide.html").read_text(encoding="utf-8")
    assert "用户指南" in plain(H1.search(chinese).group(1))
    assert "user guide" in plain(H1.search(english).group(1))
    zh_headings = headings(chinese)
    for heading in headings(english):
        assert heading not in plain(chinese), f"English heading {heading!r} in the Chinese guide"
    assert all(CJK.search(h) for h in zh_headings), zh_headings


def test_both_guides_have_the_same_sections(english: str, chinese: str) -> None:
    assert len(headings(english)) == len(headings(chinese)) >= 10
    assert len(set(headings(chinese))) == len(headings(chinese))  # no section twice


# --- shortcuts and menus are the window's own ---------------------------------------------------
@pytest.fixture(scope="module")
def window_menus(qapp) -> tuple[dict[str, list[str]], set[str]]:
    """The bare window (menus, no data): {menu title: item texts} and every shortcut, as
    written in English (no translator is installed here)."""
    from PySide6.QtGui import QAction, QKeySequence

    from desktop.ui.main_window import MainWindow

    window = MainWindow(None, "en")
    try:
        menus = {menu.title(): [a.text() for a in menu.actions() if not a.isSeparator()]
                 for menu in (a.menu() for a in window.menuBar().actions())}
        keys = {key.toString(QKeySequence.SequenceFormat.PortableText)
                for action in window.findChildren(QAction) for key in action.shortcuts()}
    finally:
        window.deleteLater()
    return menus, keys


def test_every_shortcut_in_the_guide_is_real_and_in_both_languages(
        english: str, chinese: str, window_menus: tuple[dict[str, list[str]], set[str]]) -> None:
    _menus, window_keys = window_menus
    quoted = set(KBD.findall(english))
    assert {"Ctrl+I", "Ctrl+E", "Ctrl+P", "Ctrl+Shift+P", "Ctrl+S", "Ctrl+,", "F1"} <= quoted
    assert quoted <= window_keys, f"not a shortcut of the window: {quoted - window_keys}"
    assert set(KBD.findall(chinese)) == quoted
    for guide in (english, chinese):  # every shortcut is marked up, none hides in the text
        assert "Ctrl+" not in plain(KBD.sub("", guide))


def test_menu_paths_in_the_guides_are_the_window_menus(
        english: str, chinese: str, window_menus: tuple[dict[str, list[str]], set[str]]) -> None:
    menus, _keys = window_menus
    real = {f"{label(title)} › {label(item)}" for title, items in menus.items() for item in items}
    quoted = menu_paths(english)
    assert quoted >= REQUIRED_PATHS
    assert quoted <= real, f"no such menu item: {quoted - real}"
    # The Chinese guide quotes the same items, as the catalogue translates them.
    zh = catalogue()
    translated = {f"{label(zh['MainWindow', title])} › {label(zh['MainWindow', item])}"
                  for title, items in menus.items() for item in items
                  if f"{label(title)} › {label(item)}" in quoted}
    assert menu_paths(chinese) == translated


def test_labels_the_guides_quote_are_the_ui_labels(english: str, chinese: str) -> None:
    zh = catalogue()
    en_text, zh_text = plain(english), plain(chinese)
    quoted = [(key, source, source) for key, source in LABELS]
    quoted += [(key, source, source.format(n))
               for key, source, horizons in HORIZON_LABELS for n in horizons]
    for key, source, shown in quoted:
        translation = zh.get((key, source))
        assert translation, f"{key}: {source!r} is not in the catalogue (renamed in the UI?)"
        if shown != source:
            translation = translation.format(*re.findall(r"\d+", shown))
        assert label(shown) in en_text, f"the English guide lacks {label(shown)!r}"
        assert label(translation) in zh_text, f"the Chinese guide lacks {label(translation)!r}"


# --- it renders ----------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_guide_renders_as_rich_text(qapp, lang: str) -> None:
    from PySide6.QtGui import QTextDocument

    markup = guide_html(lang)
    document = QTextDocument()
    document.setHtml(markup)
    text = document.toPlainText()
    for title in [plain(H1.search(markup).group(1)).strip(), *headings(markup)]:
        assert title in text
    assert "<b>" not in text and "</" not in text  # no tag left over as text
    for external in ("<script", "<link", "<img", "<style", "http://", "https://"):
        assert external not in markup.lower()
    assert len(markup) <= 12_000  # short enough to scan


def test_help_user_guide_opens_the_guide_of_the_ui_language(
        qtbot: QtBot, dataset: Dataset) -> None:
    from desktop.session.selection import Selection
    from desktop.ui.app import build_main_window

    from .conftest import NORTH_EAST

    for lang, heading in (("en", "City Profiles — user guide"), ("zh", "城市概况 — 用户指南")):
        window = build_main_window(dataset, Selection("cn-210100", NORTH_EAST, "gdp",
                                                      "north_east"), lang)
        window.close_guard = None
        qtbot.addWidget(window)
        window.guide_action.trigger()
        dialog = window.project_controller.dialogs[-1]
        qtbot.addWidget(dialog)
        assert dialog.isVisible()
        assert dialog.browser.toPlainText().startswith(heading)
        dialog.close()
