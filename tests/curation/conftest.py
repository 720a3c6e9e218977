"""The bundled dataset, loaded once for the curation tests (every module checks values in it)."""

from __future__ import annotations

import pytest

from desktop.core.dataset import Dataset
from desktop.core.storage import load_bundled


@pytest.fixture(scope="session")
def bundled() -> Dataset:
    return load_bundled()
