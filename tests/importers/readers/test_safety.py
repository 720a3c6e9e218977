"""Hostile workbooks are refused fast, with little memory, before any parser inflates them."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.importers.model import ImportRejectedError
from desktop.importers.readers import read_grids

ATTACKS = ["zipbomb_sheet.xlsx", "xml_billion_laughs.xlsx", "xml_quadratic_blowup.xlsx",
           "xml_xxe_local_file.xlsx"]

PROBE = r"""
import json, resource, sys, time
from pathlib import Path
from desktop.importers.readers import read_grids
from desktop.importers.model import ImportRejectedError
out = {}
for name in sys.argv[2:]:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        read_grids(Path(sys.argv[1]) / name)
        code = None
    except ImportRejectedError as exc:
        code = exc.issue.code
    seconds = time.perf_counter() - start
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    out[name] = {"code": code, "seconds": seconds, "grown_mb": grown}
print(json.dumps(out))
"""


def test_bombs_and_entities_refused_fast_and_small(corpus: Path) -> None:
    # a fresh interpreter, so that peak memory is this work's and a crash cannot hide
    result = subprocess.run([sys.executable, "-c", PROBE, str(corpus), *ATTACKS],
                            capture_output=True, text=True, timeout=120, check=True)
    found = json.loads(result.stdout)
    for name in ATTACKS:
        assert found[name]["code"] in ("zip_bomb", "xml_entities_forbidden"), name
        assert found[name]["seconds"] < 5, found[name]
        assert found[name]["grown_mb"] < 200, found[name]
    assert "CANARY-XXE" not in result.stdout + result.stderr


def _lying_zip(path: Path) -> None:
    """A valid-looking workbook whose sheet declares 1,000 bytes but inflates to 30 MB."""
    sheet = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"><sheetData>' + b"<row><c><v>1</v></c></row>" * 1_200_000
             + b"</sheetData></worksheet>")
    workbook = (b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" '
                b'r:id="rId1"/></sheets></workbook>')
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            b'Target="worksheets/sheet1.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    local = data.index(b"PK\x03\x04")  # first local header
    while data[local + 30:local + 30 + len(name)] != name:
        local = data.index(b"PK\x03\x04", local + 4)
    struct.pack_into("<I", data, local + 22, 1000)
    central = data.index(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, 1000)
    path.write_bytes(bytes(data))


def test_zip_lying_about_sizes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "liar.xlsx"
    _lying_zip(path)
    with pytest.raises(ImportRejectedError) as info:
        read_grids(path)
    assert info.value.issue.code in ("damaged_file", "zip_bomb")


def test_ratio_limit(tmp_path: Path) -> None:
    """A single part over 10 MB that expands more than 100:1 is refused from the directory."""
    path = tmp_path / "ratio.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", b"<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b" " * 20_000_000)
    with pytest.raises(ImportRejectedError) as info:
        read_grids(path)
    assert info.value.issue.code == "zip_bomb" and "expands" in info.value.issue.message


def test_docx_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", b"<document/>")
    with pytest.raises(ImportRejectedError) as info:
        read_grids(path)
    assert info.value.issue.code == "not_a_spreadsheet"


def test_openpyxl_would_use_defusedxml() -> None:
    """The one place openpyxl parses (duplicate sheet names) must not expand entities."""
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_far_corner_is_fast(corpus: Path) -> None:
    import time

    start = time.perf_counter()
    grids = read_grids(corpus / "styled_cell_far_corner.xlsx")
    assert time.perf_counter() - start < 2
    assert len(grids[0].rows) == 4
