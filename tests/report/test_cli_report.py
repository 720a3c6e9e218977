"""`city-profiles report` run as a user runs it, in a subprocess.

The same parser and runner as `city-profiles report` are also driven
through `python -m desktop.commands.report`, which mirrors that wiring exactly.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.paths import sources_dir

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")

def _outputs(folder: Path) -> list[Path]:
    """What a run left in `folder`, without the user folders tests/conftest.py points there."""
    return [p for p in folder.iterdir() if not p.name.startswith("xdg-")]



def _entry() -> list[str]:
    from desktop.commands.main import build_parser

    parser = build_parser()
    wired = any("report" in getattr(a, "choices", None) or {} for a in parser._actions
                if a.__class__.__name__ == "_SubParsersAction")
    return ["-m", "desktop"] if wired else ["-m", "desktop.commands.report"]


def run_report(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, *_entry(), "report", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=180, check=False)


def test_pdf_report_for_shenyang(tmp_path: Path) -> None:
    out = tmp_path / "shenyang.pdf"
    result = run_report("--focus", "Shenyang", "--peers", "Dalian,Harbin,Changchun",
                        "--year", "2016", "--indicators", "gdp,gdp_per_capita,average_wage",
                        "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "City profile: Shenyang" in text
    assert "5,546.45" in text  # CRE_Gdpct line 8457: 5546.4498 亿元
    assert re.search(r"Page 1 of \d+", text)
    assert [p.name for p in _outputs(tmp_path)] == ["shenyang.pdf"], "no temp files left"


def test_chinese_html_report_is_self_contained(tmp_path: Path) -> None:
    out = tmp_path / "沈阳.html"
    result = run_report("--focus", "沈阳市", "--group", "north_east", "--lang", "zh",
                        "--all-charts", "--paper", "letter", "--landscape", "--charts", "line,bar",
                        "--year", "2016", "--indicators", "gdp,gdp_per_capita", "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "沈阳市" in page and "要点一览" in page and "方法说明" in page
    assert page.count('src="data:image/svg+xml;base64,') == 2  # a sparkline per indicator
    # a line and a bar chart per indicator, and the summary's locator map (issue 15)
    assert page.count("<svg") == 5
    assert 'id="map-locator"' in page
    assert "size: letter landscape" in page
    assert not re.search(r"""(src|href)=["'](https?:|//|file:)""", page)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--focus", "Atlantis"), "unknown city: 'Atlantis'"),
        (("--focus", "Shenyang", "--peers", "Dalian,Nowhere"), "unknown city: 'Nowhere'"),
        (("--focus", "Shenyang", "--indicators", "gdp,happiness"),
         "unknown indicator: 'happiness'"),
        (("--focus", "Shenyang", "--group", "moon_base"), "unknown peer group"),
        (("--focus", "Shenyang", "--data", "missing.csv"), "cannot read missing.csv"),
    ],
)
def test_bad_arguments_exit_2_with_one_line_and_no_file(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "report.pdf"
    result = run_report(*args, "-o", str(out))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and not list(_outputs(tmp_path))


@pytest.mark.parametrize("name", ["blocker/report.pdf", "report.docx"])
def test_unwritable_or_unknown_output_exits_2(tmp_path: Path, name: str) -> None:
    (tmp_path / "blocker").write_text("a file, not a folder")
    out = tmp_path / name
    result = run_report("--focus", "Shenyang", "-o", str(out))
    assert result.returncode == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in _outputs(tmp_path)) == ["blocker"]


@pytest.mark.skipif(importlib.util.find_spec("desktop.importers.readers") is None,
                    reason="desktop.importers.readers is still being written")
def test_data_file_is_imported_before_reporting(tmp_path: Path) -> None:
    data = tmp_path / "extra.csv"
    data.write_text("city,year,GDP (亿元)\nShenyang,2022,7695.8\nDalian,2022,8430.9\n",
                    encoding="utf-8")
    out = tmp_path / "with-data.pdf"
    result = run_report("--focus", "Shenyang", "--peers", "Dalian", "--data", str(data),
                        "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_data_values_repeated_under_another_name_are_said(tmp_path: Path, capsys) -> None:
    """Two names for the catalog's GDP in one --data file: the report keeps the first and
    says so on stderr, as the window's import report does."""
    from desktop.commands.report import import_data
    from desktop.core.storage import load_bundled

    data = tmp_path / "extra.csv"
    data.write_text("city,year,GDP (亿元),地区生产总值 (亿元)\nShenyang,2022,7695.8,7700.0\n",
                    encoding="utf-8")
    dataset = import_data(load_bundled(), [str(data)])
    err = capsys.readouterr().err
    assert "extra.csv" in err and "1 imported value repeated" in err
    assert "(1 key with different values)" in err
    observation = dataset.observation("cn-210100", "gdp", 2022)
    assert observation is not None and observation.value == pytest.approx(7695.8e8)


NBS = sources_dir() / "cn_nbs_province_gdp_2006_2024_gbk.csv"


def test_nbs_data_comes_in_as_its_own_series_and_the_hot_spots_keep_csmar(
        tmp_path: Path) -> None:
    """Issue #12: with the NBS province file, Beijing's GDP stays CSMAR's (as Hangzhou's and
    Shenzhen's are in the Hot spots group); NBS's figures are a separate indicator in the
    report, and stderr lists the largest differences."""
    out = tmp_path / "hot_spots.pdf"
    result = run_report("--focus", "Shenyang", "--peers", "Beijing", "--data", str(NBS),
                        "--year", "2016", "--indicators", "gdp,gdp:cn-nbs-province-gdp-2006-"
                        "2024-gbk", "--sections", "summary,notes", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    warning = result.stderr.splitlines()[0]
    assert warning.startswith("city-profiles: warning: cn_nbs_province_gdp_2006_2024_gbk.csv:")
    assert "separate series" in warning
    assert "Tianjin 2016: 17,837.89 亿元 → 11,487.00 亿元 (-35.6%)" in result.stderr
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = re.sub(r"\s+", " ", text)
    assert "GDP (current prices) — National Bureau of Statistics of China" in flat
    assert "as a series of its own" in flat
    # the peer median is Beijing's 2016 GDP: CSMAR's 27,041.20 亿元, not NBS's 28,438.70
    assert "27,041.20 亿元" in flat and "28,438.70" not in flat


def test_default_north_east_report_fits_16_a4_pages_and_appendix_is_an_option(
        tmp_path: Path) -> None:
    """Issue 15: a four-city A4 profile in at most 16 pages by default; --appendix adds the
    full data (it was 41 pages with it always in)."""
    short, full = tmp_path / "short.pdf", tmp_path / "full.pdf"
    assert run_report("--focus", "Shenyang", "--group", "north_east", "-o",
                      str(short)).returncode == 0
    assert run_report("--focus", "Shenyang", "--group", "north_east", "--appendix", "-o",
                      str(full)).returncode == 0

    def pages(path: Path) -> int:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                              check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))

    assert pages(short) <= 16
    assert pages(full) > pages(short) + 3
