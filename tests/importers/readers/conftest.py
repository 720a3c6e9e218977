"""Fixtures for the readers' tests: the hostile corpus (generated once) and the real files."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[4] / "shared"
CORPUS_SCRIPT = SHARED / "badinputs" / "make_corpus.py"
EXTERNAL = SHARED / "data" / "external"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """make_corpus.py output (about 50 files and manifest.csv), without --big."""
    if not CORPUS_SCRIPT.exists():
        pytest.skip("../shared/badinputs/make_corpus.py is not available")
    out = tmp_path_factory.mktemp("readers-corpus")
    subprocess.run([sys.executable, str(CORPUS_SCRIPT), str(out)], check=True,
                   capture_output=True, timeout=300)
    return out


@pytest.fixture(scope="session")
def manifest(corpus: Path) -> dict[str, dict[str, str]]:
    with open(corpus / "manifest.csv", encoding="utf-8", newline="") as f:
        return {row["file"]: row for row in csv.DictReader(f)}


@pytest.fixture(scope="session")
def external() -> Path:
    if not EXTERNAL.is_dir():
        pytest.skip("../shared/data/external is not available")
    return EXTERNAL
