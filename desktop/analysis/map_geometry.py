"""The bundled map geometry (resources/data/geometry.json, built by desktop.curation.geometry)
read into arrays: city outlines in longitude/latitude and US metro points.

Plain Python and numpy: the map spec, the Map tab and the report's locator map all read it
here, once per process (about 60,000 points; reading takes a few tens of milliseconds).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from desktop.core.errors import DatasetFileError
from desktop.core.paths import bundled_data_dir

GEOMETRY_FILE = "geometry.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Outline:
    """One place's outline: polygons, each a tuple of rings (exterior first, then holes),
    each ring an (n, 2) array of longitude, latitude in degrees."""

    city_id: str
    name: str
    polygons: tuple[tuple[np.ndarray, ...], ...]


@dataclass(frozen=True)
class MetroPoint:
    """A US metro's internal point (Census gazetteer), longitude and latitude in degrees."""

    city_id: str
    name: str
    lon: float
    lat: float


@dataclass(frozen=True)
class MapGeometry:
    outlines: dict[str, Outline]
    points: dict[str, MetroPoint]
    tolerance_deg: float


def load_geometry(folder: Path | None = None) -> MapGeometry:
    """The geometry of `folder` (default: the bundled data), read once per process."""
    return _load((folder or bundled_data_dir()) / GEOMETRY_FILE)


@lru_cache(maxsize=4)
def _load(path: Path) -> MapGeometry:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetFileError(path=str(path), problem="missing") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DatasetFileError(path=str(path), problem=str(exc)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_VERSION:
        raise DatasetFileError(path=str(path), problem=f"not format {FORMAT_VERSION}")
    try:
        scale = float(document["scale"])
        outlines = {
            city_id: Outline(city_id, item["name"], tuple(
                tuple(np.asarray(ring, dtype=float).reshape(-1, 2) / scale for ring in polygon)
                for polygon in item["polygons"]))
            for city_id, item in document["cn"].items()
        }
        points = {
            city_id: MetroPoint(city_id, item["name"], item["point"][0] / scale,
                                item["point"][1] / scale)
            for city_id, item in document["us"].items()
        }
        tolerance = float(document["tolerance_deg"])
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise DatasetFileError(path=str(path), problem=f"malformed ({exc!r})") from None
    return MapGeometry(outlines, points, tolerance)
