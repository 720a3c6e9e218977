"""Where bundled resources live, from a source checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder: inside the frozen bundle (sys._MEIPASS) or beside the package."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def bundled_data_dir() -> Path:
    return resources_dir() / "data"


def shared_external_dir() -> Path:
    """The raw source files the bundled dataset is built from (`../shared/data/external`)."""
    return Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "external"
