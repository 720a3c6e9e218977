"""Where bundled resources live, from a source checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder: inside the frozen bundle (sys._MEIPASS) or beside the package."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def bundled_data_dir() -> Path:
    return resources_dir() / "data"


def sources_dir() -> Path:
    """The raw files the bundled data is built from (`resources/sources` in the checkout).

    Always the source checkout, never sys._MEIPASS: the frozen app does not carry the raw
    files (build.spec leaves them out), it only reads the bundled data built from them."""
    return Path(__file__).resolve().parents[2] / "resources" / "sources"


def shared_external_dir() -> Path:
    """Former name of sources_dir(), when the raw files lived in `../shared/data/external`;
    kept so that older callers read the project's own copy (the same bytes)."""
    return sources_dir()
