"""The import report's sentences and the core's vocabulary come from the text catalogue: each
English msgid has its Chinese there (not in a table beside the code), a Chinese reader of an
import report gets no English sentence, and the data's own names (cities, indicators) stay
data rather than catalogue entries."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.bilingual import word
from desktop.core.breaks_register import KINDS, STATUS_NAMES
from desktop.core.catalog import CITY_KINDS, City
from desktop.core.storage import load_bundled
from desktop.core.units import UNITS
from desktop.importers import report_text
from desktop.importers.model import ImportRejectedError, Issue, Location
from desktop.importers.report_text import ISSUES, issue_message
from desktop.text.translator import translator
from tests.text.catalogue import REPO, ascii_words, english_only_words, read_po

MAKE_CORPUS = REPO / "tests" / "importers" / "corpus" / "make_corpus.py"
CJK = re.compile(r"[\u4e00-\u9fff]")

#: Every table of words kept as English msgids, by where it is.
VOCABULARIES = {
    "core.catalog.CITY_KINDS": CITY_KINDS.values(),
    "core.breaks_register.KINDS": KINDS.values(),
    "core.breaks_register.STATUS_NAMES": STATUS_NAMES.values(),
    "core.units.UNITS": [unit.label_en for unit in UNITS.values()],
    "report_text.LAYOUTS": report_text.LAYOUTS.values(),
    "report_text.DELIMITERS": report_text.DELIMITERS.values(),
    "report_text.EUROSTAT_FLAGS": report_text.EUROSTAT_FLAGS.values(),
    "report_text.ISSUE_NAMES": report_text.ISSUE_NAMES.values(),
    "report_text.UNSUPPORTED": report_text.UNSUPPORTED.values(),
    "report_text.BINARY_KINDS": report_text.BINARY_KINDS,
    "report_text.CONTENTS": report_text.CONTENTS,
}


def _untranslated(msgids: object) -> list[str]:
    """The msgids (with English words in them) whose Chinese is missing or still English."""
    zh = translator("zh")
    return [m for m in msgids if ascii_words(m) and not CJK.search(zh.gettext(m))]


@pytest.mark.parametrize("table", sorted(VOCABULARIES))
def test_every_vocabulary_word_has_its_chinese_in_the_catalogue(table: str) -> None:
    assert _untranslated(VOCABULARIES[table]) == []


def test_every_import_issue_template_is_translated() -> None:
    """A code's template without a Chinese msgstr would print English under --lang zh."""
    templates = [t for t in ISSUES.values() if isinstance(t, str)]
    assert len(templates) > 50
    assert _untranslated(templates) == []


def test_the_check_finds_an_untranslated_word() -> None:
    assert _untranslated(["a word nobody translated"]) == ["a word nobody translated"]


def test_core_vocabulary_reads_the_catalogue_in_both_languages() -> None:
    metro = City("us-19820", "Detroit", "底特律", kind="us_metro", country="US")
    assert metro.kind_label("en") == "US metropolitan statistical area"
    assert metro.kind_label("zh") == "美国大都市统计区"
    assert City("x", "X", kind="new_kind").kind_label("zh") == "new_kind"
    assert (word("zh", KINDS["census_revision"]), word("zh", STATUS_NAMES["dismissed"])) == (
        "经济普查修订", "已排除")
    assert (UNITS["beds"].label("en"), UNITS["beds"].label("zh")) == ("beds", "张")


def test_data_names_are_data_not_catalogue_entries() -> None:
    """City names and indicator labels come with the dataset in both languages; a catalogue
    entry for one would translate a name twice, or differently from the data."""
    dataset = load_bundled()
    msgids = {e.msgid for e in read_po()}
    names = {c.name_en for c in dataset.cities.values()}
    labels = {i.label_en for i in dataset.indicators.values()}
    assert len(names) > 100 and len(labels) > 20
    assert sorted((names | labels) & msgids) == []


def test_a_chinese_issue_sentence_names_its_places_in_chinese() -> None:
    issue = Issue("cell_error", "cells B2, B3 hold Excel errors", Location("f.xlsx", "S"),
                  {"cells": [f"B{r}" for r in range(2, 9)]})
    assert issue_message(issue, "en") == "cells B2, B3 hold Excel errors"
    assert issue_message(issue, "zh") == (
        "单元格 B2、B3、B4、B5、B6 等共 7 个 含有 Excel 错误值（如 #DIV/0!）；按空值读取。")


# ------------------------------------------------------------------ the hostile-input corpus
@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(out)], check=True,
                   capture_output=True, timeout=300)
    return out


def _issues(path: Path) -> list[Issue]:
    from desktop.importers.run import import_file

    try:
        report = import_file(path).report
    except ImportRejectedError as refused:
        return [refused.issue]
    return report.errors + report.warnings


def _data_words(issue: Issue) -> set[str]:
    """Words of the file itself (a header, a cell's text, a sheet name): not ours to
    translate."""
    return ascii_words(f"{issue.values} {issue.location.file} {issue.location.sheet}")


@pytest.mark.slow
def test_every_issue_of_the_hostile_corpus_reads_in_chinese(corpus: Path) -> None:
    """Every issue the ~50 hostile files raise has a Chinese sentence with no English word of
    the catalogue in it, other than the file's own words."""
    english = english_only_words()
    codes, english_left = set(), []
    for path in sorted(corpus.iterdir()):
        if path.name == "manifest.csv":
            continue
        for issue in _issues(path):
            codes.add(issue.code)
            chinese = issue_message(issue, "zh")
            words = (ascii_words(chinese) & english) - _data_words(issue)
            if words or not CJK.search(chinese):
                english_left.append((path.name, issue.code, sorted(words), chinese))
    assert len(codes) > 30
    assert english_left == []
