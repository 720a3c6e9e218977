"""Shared by the readers' and the interpretation tests: the hostile-input corpus, generated
once per test session by make_corpus.py (about 50 files + manifest.csv)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

#: The hostile-input generator as ../shared provides it (newest), else the copy kept beside
#: these tests (tests/importers/corpus/make_corpus.py), so a plain clone runs every test.
SHARED_MAKE_CORPUS = (Path(__file__).resolve().parents[3] / "shared" / "badinputs"
                      / "make_corpus.py")
KEPT_MAKE_CORPUS = Path(__file__).resolve().parent / "corpus" / "make_corpus.py"
MAKE_CORPUS = SHARED_MAKE_CORPUS if SHARED_MAKE_CORPUS.exists() else KEPT_MAKE_CORPUS


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(out)], check=True,
                   capture_output=True, timeout=300)
    return out


@pytest.fixture(scope="session")
def manifest(corpus: Path) -> dict[str, dict[str, str]]:
    with (corpus / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle)}
