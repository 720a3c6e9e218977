"""Report fixtures: the bundled dataset once per session, and rendered reports once per module."""

from __future__ import annotations

import pytest

from desktop.core.dataset import Dataset
from desktop.core.storage import load_bundled

SHENYANG = "cn-210100"
NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")  # Dalian, Harbin, Changchun


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_bundled()
