"""The benchmarks end with one verdict line, `<name>: <figure> (target <target>) ok|short`.

The verdict is what a reader of a bench run looks for; a bench that crashes after its
figures (as interaction_bench did on a renamed key) leaves no verdict and hides a regression.
These run the quick benches with few rounds: the figures are not judged here, only that each
bench gets to its verdict.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VERDICT = re.compile(r"^(?P<name>\w+): .+ \(target .+\) (ok|short)$")


@pytest.mark.ui
@pytest.mark.parametrize(("script", "args", "name"), [
    ("interaction_bench.py", ["--rounds", "3"], "interaction_bench"),
    ("load_bench.py", [], "bundled_load"),
])
def test_a_bench_ends_with_its_verdict(tmp_path: Path, script: str, args: list[str],
                                       name: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, str(REPO / "bench" / script), *args], cwd=REPO,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    last = result.stdout.strip().splitlines()[-1]
    match = VERDICT.match(last)
    assert match is not None, last
    assert match["name"] == name


def test_the_interaction_verdict_judges_the_window_medians_only() -> None:
    """The medians come with their CPU times beside them; a fast run must read ok, not crash
    on the extra figures (the crash showed only when the 10-city case was within target)."""
    spec = importlib.util.spec_from_file_location("interaction_bench",
                                                  REPO / "bench" / "interaction_bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    fast = {"10x30": 30.0, "300": 40.0, "10x30_cpu": 29.0, "300_cpu": 39.0}
    assert bench.within_targets(fast)
    assert not bench.within_targets({**fast, "10x30": 34.0})
    assert not bench.within_targets({**fast, "300": 51.0})
