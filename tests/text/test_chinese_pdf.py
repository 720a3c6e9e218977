"""The printed Chinese report's text layer (what a reader of the PDF sees, charts included)
has no word of the English catalogue: the report as `city-profiles report --lang zh` writes
it, read back with pdftotext."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.storage import load_bundled
from tests.text.catalogue import REPO, ascii_words, english_only_words
from tests.text.test_chinese_output import DATA_WORDS, untranslated

pytestmark = [pytest.mark.ui, pytest.mark.slow,
              pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")]


def test_chinese_pdf_report_has_no_english_sentence(tmp_path: Path) -> None:
    pdf = tmp_path / "沈阳.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "report", "--focus", "沈阳市", "--group", "north_east",
         "--lang", "zh", "--year", "2016", "--charts", "line,bar",
         "--indicators", "gdp,gdp_per_capita,population_registered", "-o", str(pdf)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "同类中位数" in text
    evidence = set().union(*(ascii_words(e) for entry in load_bundled().register.entries
                             for e in entry.evidence))
    assert untranslated(text, english_only_words() - DATA_WORDS - evidence) == []
