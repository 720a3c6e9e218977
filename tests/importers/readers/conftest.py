"""Fixtures for the readers' tests: the hostile corpus (generated once) and the real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.paths import sources_dir

EXTERNAL = sources_dir()


@pytest.fixture(scope="session")
def external() -> Path:
    """The project's raw source files (resources/sources): real downloads as users have them."""
    return EXTERNAL
