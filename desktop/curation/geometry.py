"""Build resources/data/geometry.json: simplified outlines of Chinese prefecture-level cities
(from the census file's WKT `coord` column) and the internal points of US metros (from the
Census CBSA gazetteer), so the app draws maps offline without shapely or any web service.

Deterministic like the rest of the curation: the same two raw files give the same bytes, and
`python -m desktop.curation --check` compares a fresh build with the committed file.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from desktop.curation.errors import CurationError
from desktop.curation.manifest import read_manifest, source_path
from desktop.curation.readers import read_csv_rows

GEOMETRY_FILE = "geometry.json"
CENSUS_FILE = "cn_city_census_population_2010_2020_leiii.csv"
GAZETTEER_FILE = "us_census_gazetteer_2020_cbsa_national.txt"
FORMAT_VERSION = 1
#: Douglas-Peucker tolerance in degrees (about 1 km): on a map of China (60° of longitude
#: across ~900 px) a pixel is ~0.07°, so every bend a reader can see survives, Shenyang keeps
#: ~170 points of its outline, and the file is ~0.8 MB (0.02° halves it but blunts outlines
#: when a reader zooms into one province).
TOLERANCE_DEG = 0.01
#: Coordinates are stored as integers in thousandths of a degree (~100 m): compact JSON,
#: exact round trips, no float formatting differences between platforms.
SCALE = 1000
#: The gazetteer's CBSA_TYPE for a metropolitan (not micropolitan) statistical area.
METRO_TYPE = "1"


def build_geometry(sources: Path) -> dict[str, Any]:
    """The geometry document from the two raw files, each checked against manifest.json."""
    manifest = read_manifest(sources)
    census = source_path(sources, CENSUS_FILE, manifest)
    gazetteer = source_path(sources, GAZETTEER_FILE, manifest)
    return {
        "format": FORMAT_VERSION,
        "about": (
            "Outlines of Chinese prefecture-level cities (WKT column `coord` of "
            f"{CENSUS_FILE}, simplified with shapely at {TOLERANCE_DEG} degrees) and internal "
            f"points of US metropolitan statistical areas ({GAZETTEER_FILE}). Longitude and "
            f"latitude in 1/{SCALE} degree; each ring is a flat list x1, y1, x2, y2, ... "
            "Built by python -m desktop.curation; do not edit by hand."
        ),
        "sources": {
            CENSUS_FILE: manifest[CENSUS_FILE].sha256,
            GAZETTEER_FILE: manifest[GAZETTEER_FILE].sha256,
        },
        "tolerance_deg": TOLERANCE_DEG,
        "scale": SCALE,
        "cn": china_outlines(census),
        "us": metro_points(gazetteer),
    }


def geometry_bytes(document: dict[str, Any]) -> bytes:
    """Compact, key-sorted JSON: byte-identical for the same document on any platform."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def china_outlines(path: Path) -> dict[str, dict[str, Any]]:
    """`cn-<code>` -> {"name": census Chinese name, "polygons": [[ring, hole, ...], ...]}."""
    import shapely
    from shapely import wkt

    rows = read_csv_rows(path)
    header = rows[0]
    try:
        code_at, name_at, coord_at = (header.index(n) for n in ("city_code", "city", "coord"))
    except ValueError:
        raise CurationError(
            f"{path.name}: expected columns city_code, city and coord in the header"
        ) from None
    outlines: dict[str, dict[str, Any]] = {}
    for line, row in enumerate(rows[1:], start=2):
        code = row[code_at].strip()
        where = f"{path.name}, row {line}, column coord ({row[name_at].strip()}, {code})"
        try:
            shape = wkt.loads(row[coord_at])
        except (shapely.errors.ShapelyError, ValueError) as exc:
            raise CurationError(f"{where}: not a WKT polygon ({exc})") from None
        if shape.geom_type not in ("Polygon", "MultiPolygon") or shape.is_empty:
            raise CurationError(f"{where}: expected a POLYGON or MULTIPOLYGON, "
                                f"found {shape.geom_type}")
        simple = shape.simplify(TOLERANCE_DEG, preserve_topology=True)
        polygons = [_polygon(part) for part in getattr(simple, "geoms", [simple])]
        polygons = [p for p in polygons if p]
        if not polygons:
            raise CurationError(f"{where}: nothing left after simplification")
        outlines[f"cn-{code}"] = {"name": row[name_at].strip(), "polygons": polygons}
    return outlines


def _polygon(polygon: Any) -> list[list[int]]:
    """A polygon as [exterior, *holes], each a flat integer ring without the closing point;
    rings that collapse below a triangle at this precision are dropped."""
    rings = []
    for ring in (polygon.exterior, *polygon.interiors):
        flat: list[int] = []
        for x, y in list(ring.coords)[:-1]:
            point = [round(x * SCALE), round(y * SCALE)]
            if flat[-2:] != point:
                flat += point
        if len(flat) >= 6:
            rings.append(flat)
        elif not rings:
            return []  # no exterior: nothing to draw, holes alone mean nothing
    return rings


def metro_points(path: Path) -> dict[str, dict[str, Any]]:
    """`us-<CBSA>` -> {"name": gazetteer name, "point": [lon, lat]} for metropolitan areas."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CurationError(f"{path.name}: not UTF-8 text ({exc})") from None
    reader = csv.reader(io.StringIO(text), delimiter="\t")
    header = [name.strip() for name in next(reader, [])]
    needed = ("GEOID", "NAME", "CBSA_TYPE", "INTPTLAT", "INTPTLONG")
    missing = [name for name in needed if name not in header]
    if missing:
        raise CurationError(f"{path.name}: header lacks {', '.join(missing)}")
    at = {name: header.index(name) for name in needed}
    points: dict[str, dict[str, Any]] = {}
    for line, row in enumerate(reader, start=2):
        cells = [cell.strip() for cell in row]
        if len(cells) < len(header) or cells[at["CBSA_TYPE"]] != METRO_TYPE:
            continue
        try:
            lat, lon = float(cells[at["INTPTLAT"]]), float(cells[at["INTPTLONG"]])
        except ValueError:
            raise CurationError(
                f"{path.name}, row {line}, columns INTPTLAT/INTPTLONG: not numbers "
                f"({cells[at['INTPTLAT']]!r}, {cells[at['INTPTLONG']]!r})"
            ) from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise CurationError(f"{path.name}, row {line}: point {lat}, {lon} is off the globe")
        points[f"us-{cells[at['GEOID']]}"] = {
            "name": cells[at["NAME"]],
            "point": [round(lon * SCALE), round(lat * SCALE)],
        }
    return points
