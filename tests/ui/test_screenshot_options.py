"""`city-profiles --screenshot FILE --size WxH --tab TAB` renders any tab at any size headless
(issue 15 item 4), and refuses a size it cannot use in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180, check=False)


def test_a_small_window_on_the_map_tab(tmp_path: Path, qapp) -> None:
    out = tmp_path / "map.png"
    done = _run("--focus", "Shenyang", "--group", "north_east", "--screenshot", str(out),
                "--size", "1024x700", "--tab", "map")
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)


def test_an_unusable_size_is_one_line(tmp_path: Path) -> None:
    done = _run("--screenshot", str(tmp_path / "x.png"), "--size", "10x10")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].endswith("out of range (320-10000): '10x10'")
    assert "Traceback" not in done.stderr
