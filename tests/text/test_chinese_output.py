"""What a Chinese reader gets from the report and the headless commands is Chinese: no word
of the English catalogue that its Chinese translations do not keep (so 'GDP', 'CSV' may
appear, 'series break', 'peer median' or 'row' may not)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from desktop.commands.main import main
from desktop.core.dataset import Dataset
from desktop.core.storage import load_bundled
from desktop.report.build import build_report
from desktop.report.html import render_html
from desktop.report.model import ReportOptions
from tests.text.catalogue import ascii_words, english_only_words

SHENYANG = "cn-210100"
NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")  # Dalian, Harbin, Changchun
#: Among the cities' catalogue data and file names, not sentences of ours.
DATA_WORDS = {"messy", "csv"}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_bundled()


@pytest.fixture(scope="module")
def english_only(dataset: Dataset) -> set[str]:
    """The English catalogue's words, less those of data that has no Chinese: the breaks
    register's evidence (quoted from the sources) and file names."""
    evidence = set().union(*(ascii_words(e) for entry in dataset.register.entries
                             for e in entry.evidence))
    return english_only_words() - DATA_WORDS - evidence


def untranslated(text: str, english_only: set[str]) -> list[str]:
    """The English-only catalogue words in `text`, each with a little of its context."""
    found = []
    for word in sorted(ascii_words(text) & english_only):
        match = re.search(rf"(?i).{{0,30}}\b{word}\b.{{0,30}}", text)
        found.append(match.group(0) if match else word)
    return found


def _visible(page: str) -> str:
    """A page's text as a reader sees it: no tags, styles or attributes."""
    page = re.sub(r"(?s)<(style|script|svg)\b.*?</\1>", " ", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_word_list_knows_english_from_kept_words(english_only: set[str]) -> None:
    """The check has teeth: sentence words are in it, words Chinese keeps are not."""
    assert {"median", "break", "peer", "row"} <= english_only
    assert not {"gdp", "json"} & english_only


@pytest.mark.parametrize("year", [2016, "latest-each"])
def test_chinese_report_has_no_english_sentence(dataset: Dataset, english_only: set[str],
                                                year: int | str) -> None:
    options = ReportOptions(focus_id=SHENYANG, peer_ids=NORTH_EAST, lang="zh",
                            year=year, chart_types=("line", "bar"), date="2026-12-07")
    page = _visible(render_html(build_report(dataset, options), charts={}))
    assert "沈阳市" in page and "同类中位数" in page
    assert untranslated(page, english_only) == []


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["--lang", "zh", *args])
    out, err = capsys.readouterr()
    assert code in (0, 2), err
    return out + err


@pytest.mark.parametrize("args", [
    ("profile", "--focus", "Shenyang", "--peers", "Dalian,Harbin,Changchun", "--year", "2016"),
    ("profile", "--focus", "Shenyang", "--peers", "Detroit,Pittsburgh", "--year",
     "latest-each", "--prices", "constant:2015"),
    ("peers", "--focus", "Shenyang", "--indicators", "gdp_per_capita,population_resident",
     "--k", "3"),
    ("breaks", "--city", "Shenyang", "--candidates"),
    ("profile", "--focus", "Nowhere"),
], ids=["profile", "profile-us-constant", "peers", "breaks", "error"])
def test_chinese_command_output_has_no_english_sentence(
        capsys: pytest.CaptureFixture[str], english_only: set[str], args: tuple[str, ...]) -> None:
    out = _run(capsys, *args)
    assert re.search(r"[\u4e00-\u9fff]", out)
    assert untranslated(out, english_only) == []


def test_chinese_import_report_has_no_english_sentence(
        capsys: pytest.CaptureFixture[str], english_only: set[str], tmp_path: Path) -> None:
    path = tmp_path / "messy.csv"
    path.write_text("city,year,GDP (亿元)\nShenyang,2016,abc\nDalian,20x6,5\n,2016,3\n"
                    'Harbin,2017,"1,234"\nDalian,2019,5\nDalian,2019,6\n', encoding="utf-8")
    out = _run(capsys, "import", str(path))
    assert "第 2 行" in out
    assert untranslated(out, english_only) == []
