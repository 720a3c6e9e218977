"""The layers of desktop/ hold (pyproject's import-linter contracts, issue 14 item 1):
commands > ui > report > session > analysis | importers | curation > text > core, every import
counted (inside functions too), and Qt only under desktop.ui."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports() -> subprocess.CompletedProcess[str]:
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert command, "import-linter is a test dependency (pyproject [test])"
    return subprocess.run([command, "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)


def test_the_layer_contracts_are_kept() -> None:
    done = _lint_imports()
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "2 kept, 0 broken" in done.stdout


def test_a_backward_import_inside_a_function_breaks_them(tmp_path: Path) -> None:
    """The contract is not vacuous: core reaching up to ui, even lazily, is caught."""
    probe = ROOT / "desktop" / "core" / "_layer_probe.py"
    probe.write_text("def probe() -> None:\n    from desktop.ui import app  # noqa: F401\n")
    try:
        done = _lint_imports()
    finally:
        probe.unlink()
    assert done.returncode != 0
    assert "desktop.core._layer_probe -> desktop.ui.app" in done.stdout
