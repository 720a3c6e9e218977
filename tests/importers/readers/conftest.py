"""Fixtures for the readers' tests: the hostile corpus (generated once) and the real files."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[4] / "shared"
EXTERNAL = SHARED / "data" / "external"


@pytest.fixture(scope="session")
def external() -> Path:
    if not EXTERNAL.is_dir():
        pytest.skip("../shared/data/external is not available")
    return EXTERNAL
