"""The bundled map geometry: built from the census outlines and the CBSA gazetteer, the same
bytes on every rebuild, small enough to ship, Shenyang still Shenyang; a damaged input stops
the build with the file, row and column."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from desktop.core.paths import bundled_data_dir, sources_dir
from desktop.curation.errors import CurationError
from desktop.curation.geometry import (
    CENSUS_FILE,
    GAZETTEER_FILE,
    GEOMETRY_FILE,
    build_geometry,
    geometry_bytes,
)
from desktop.curation.manifest import MANIFEST_FILE, file_sha256

HEADER = '"city","city_code","province","coord"\n'
GAZETTEER_HEADER = ("CSAFP\tGEOID\tNAME\tCBSA_TYPE\tALAND\tAWATER\tALAND_SQMI\tAWATER_SQMI\t"
                    "INTPTLAT\tINTPTLONG      \n")


@pytest.fixture(scope="module")
def document() -> dict:
    return build_geometry(sources_dir())


def test_the_bundled_file_is_a_fresh_rebuild_and_small(document: dict) -> None:
    committed = (bundled_data_dir() / GEOMETRY_FILE).read_bytes()
    assert committed == geometry_bytes(document)
    assert len(committed) < 2_000_000


def _area_km2(ring: np.ndarray) -> float:
    """Shoelace area of a lon/lat ring on a local equal-area plane (good to ~1% for a city)."""
    lat0 = math.radians(float(ring[:, 1].mean()))
    x = ring[:, 0] * 111.32 * math.cos(lat0)
    y = ring[:, 1] * 110.57
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2


def test_shenyang_keeps_its_outline_and_size(document: dict) -> None:
    shenyang = document["cn"]["cn-210100"]
    assert shenyang["name"] == "沈阳市"
    rings = [np.asarray(r, dtype=float).reshape(-1, 2) / document["scale"]
             for polygon in shenyang["polygons"] for r in polygon]
    outer = max(rings, key=len)
    assert len(outer) > 100  # a recognisable outline, not a simplified blob
    # Shenyang's administrative area is about 12,860 km² (city yearbook); the simplified
    # outline must keep it within a few percent
    assert _area_km2(outer) == pytest.approx(12_860, rel=0.05)
    # the city centre (Shenyang Station, 123.39°E 41.79°N) lies inside its bounding box
    assert outer[:, 0].min() < 123.39 < outer[:, 0].max()
    assert outer[:, 1].min() < 41.79 < outer[:, 1].max()
    assert len(document["cn"]) == 369  # every unit of the census file


def test_us_metros_are_gazetteer_internal_points(document: dict) -> None:
    detroit = document["us"]["us-19820"]
    # 2020 Gazetteer, GEOID 19820: INTPTLAT 42.721848, INTPTLONG -83.200846
    assert detroit["point"] == [-83201, 42722]
    assert detroit["name"] == "Detroit-Warren-Dearborn, MI Metro Area"
    assert "us-10300" not in document["us"]  # Adrian, MI is a micropolitan area
    assert len(document["us"]) == 392


def _folder(tmp_path: Path, census_row: str, gazetteer_row: str) -> Path:
    """A sources folder with a one-row census file and gazetteer, listed in a manifest."""
    folder = tmp_path / "sources"
    folder.mkdir(parents=True)
    (folder / CENSUS_FILE).write_text(HEADER + census_row, encoding="utf-8")
    (folder / GAZETTEER_FILE).write_text(GAZETTEER_HEADER + gazetteer_row, encoding="utf-8")
    files = [{"file": name, "bytes": (folder / name).stat().st_size,
              "sha256": file_sha256(folder / name)} for name in (CENSUS_FILE, GAZETTEER_FILE)]
    (folder / MANIFEST_FILE).write_text(json.dumps({"files": files}), encoding="utf-8")
    return folder


GOOD_CENSUS = '"沈阳市","210100","辽宁省","POLYGON((123 41,124 41,124 42,123 42,123 41))"\n'
GOOD_METRO = "220\t19820\tDetroit, MI Metro Area\t1\t1\t1\t1\t1\t42.721848\t-83.200846  \n"


def test_a_small_folder_builds(tmp_path: Path) -> None:
    document = build_geometry(_folder(tmp_path, GOOD_CENSUS, GOOD_METRO))
    assert document["cn"]["cn-210100"]["polygons"] == [
        [[123000, 41000, 124000, 41000, 124000, 42000, 123000, 42000]]]
    assert document["us"]["us-19820"]["point"] == [-83201, 42722]


def test_broken_wkt_names_file_row_and_column(tmp_path: Path) -> None:
    broken = '"沈阳市","210100","辽宁省","POLYGON((123 41,124 41,124"\n'
    with pytest.raises(CurationError) as caught:
        build_geometry(_folder(tmp_path, broken, GOOD_METRO))
    message = str(caught.value)
    assert CENSUS_FILE in message and "row 2" in message and "column coord" in message
    assert "沈阳市" in message


def test_a_point_is_not_an_outline(tmp_path: Path) -> None:
    point = '"沈阳市","210100","辽宁省","POINT(123 41)"\n'
    with pytest.raises(CurationError, match="expected a POLYGON or MULTIPOLYGON"):
        build_geometry(_folder(tmp_path, point, GOOD_METRO))


def test_unreadable_coordinates_name_the_gazetteer_row(tmp_path: Path) -> None:
    bad = GOOD_METRO.replace("42.721848", "4 2.7")
    with pytest.raises(CurationError) as caught:
        build_geometry(_folder(tmp_path, GOOD_CENSUS, bad))
    assert GAZETTEER_FILE in str(caught.value) and "row 2" in str(caught.value)
    off_globe = GOOD_METRO.replace("42.721848", "142.7")
    with pytest.raises(CurationError, match="off the globe"):
        build_geometry(_folder(tmp_path / "b", GOOD_CENSUS, off_globe))


def test_a_changed_source_byte_stops_the_build(tmp_path: Path) -> None:
    folder = _folder(tmp_path, GOOD_CENSUS, GOOD_METRO)
    path = folder / GAZETTEER_FILE
    path.write_bytes(path.read_bytes().replace(b"Detroit", b"Detroiz"))
    with pytest.raises(CurationError, match="not the file the bundled data was built from"):
        build_geometry(folder)
