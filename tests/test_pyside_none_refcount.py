"""Regression guard for PySide6 6.12.0's `none_dealloc` crash on CPython 3.11.

PySide6 6.12.0 on CPython < 3.12 drops one reference to None on every void C++ call
(`setText`, `update`, ...). None is not immortal before 3.12, so after a few thousand calls its
refcount reaches zero and the interpreter aborts with `Fatal Python error: none_dealloc`.
pyproject.toml therefore pins `PySide6-Essentials<6.12` on Python < 3.12. The calls run in a
subprocess so an abort fails this test instead of killing pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.ui

CALLS = 20_000
# None's refcount moves a little for unrelated reasons (frames, caches); the bug loses one
# reference per call, i.e. thousands, so a small tolerance cannot hide it.
TOLERANCE = 50

CHILD = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range({CALLS // 2}):
        label.setText("calls")  # void C++ call
        label.update()  # void C++ call
    after = sys.getrefcount(None)
    print("NONE_REFCOUNT", before, after, flush=True)
    """
)


def test_installed_pyside6_is_not_6_12_0_on_python_before_3_12() -> None:
    import PySide6

    if sys.version_info >= (3, 12):
        pytest.skip("None is immortal on Python 3.12+; PySide6 6.12.0 is safe there")
    assert tuple(PySide6.__version_info__[:3]) != (6, 12, 0), (
        f"PySide6 {PySide6.__version__} is installed on Python "
        f"{sys.version.split()[0]}: 6.12.0 drops a reference to None on every void C++ call "
        "and aborts with 'Fatal Python error: none_dealloc' after ~5,000 calls. "
        "Install PySide6-Essentials<6.12 (see pyproject.toml)."
    )


def test_void_calls_do_not_leak_references_to_none() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    details = f"exit code {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert "none_dealloc" not in proc.stderr, (
        f"PySide6 freed None after {CALLS} void calls (the 6.12.0 bug):\n{details}"
    )
    assert proc.returncode == 0, f"child process failed:\n{details}"
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("NONE_REFCOUNT ")]
    assert lines, f"child printed no NONE_REFCOUNT line:\n{details}"
    before, after = (int(x) for x in lines[-1].split()[1:3])
    assert after >= before - TOLERANCE, (
        f"sys.getrefcount(None) fell from {before} to {after} over {CALLS} void C++ calls: "
        f"PySide6 is dropping references to None.\n{details}"
    )
