"""The boundary file ``data/boundaries/regions.geojson``, checked like data before a map uses it.

A file that cannot be read as a GeoJSON FeatureCollection (missing, not UTF-8, not JSON,
cut short, another layout) is a :class:`BoundaryFileError`, one line: no map can be trusted.
Otherwise each region of the master list (``data/raw/regions.csv``) needs exactly one
feature with a Polygon or MultiPolygon of closed rings of finite [longitude, latitude]
numbers inside :data:`INDONESIA_BOX`. A region whose feature is missing, repeated or bad has
no shape, so its maps leave it out, and one problem line naming the file, the code and what
is wrong; the other regions are drawn as before.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ucjlib import paths
from ucjlib.data.regions import RegionTable
from ucjlib.errors import BoundaryFileError
from ucjlib.files import file_stamp

# Longitude and latitude (degrees) every point of an Indonesian region lies within: the
# country's extremes (Pulau Weh and Rondo near 95° E, 6° N; the Papua New Guinea border
# near 141° E; Pulau Pamana near 11° S) with half a degree or so to spare. A point outside
# is a damaged number, a swapped [latitude, longitude] pair or another projection, and would
# shrink its region's map to a dot.
INDONESIA_BOX = {"longitude": (94.0, 142.0), "latitude": (-11.5, 6.5)}
GEOMETRIES = ("Polygon", "MultiPolygon")  # maps draw a Polygon as a MultiPolygon of one


@dataclass(frozen=True)
class Boundaries:
    shapes: dict[str, list[np.ndarray]]  # each usable region's outer rings, by Kemendagri code
    problems: dict[str, str]  # one line per region (or stray feature) left without a shape


def checked() -> Boundaries:
    """The project's boundary file checked against the master list, read once per process for as
    long as both files are unchanged."""
    path = paths.boundaries_file()
    return _checked(file_stamp(path) if path.is_file() else (str(path),), RegionTable.current())


@functools.lru_cache(maxsize=1)
def _checked(stamp: tuple, regions: RegionTable) -> Boundaries:
    names = {code: region.name for code, region in regions.by_code.items() if region.level != "national"}
    return read_boundaries(Path(stamp[0]), names)


def read_boundaries(path: Path, names: dict[str, str]) -> Boundaries:
    """The shapes of ``path`` for the regions ``names`` (code: name), and its problems."""
    shown = paths.shown_path(path)
    features = _features(path, shown)
    found: dict[str, list] = {}
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        code = properties.get("code") if isinstance(properties, dict) else None
        found.setdefault(code if isinstance(code, str) else f"#{number}", []).append(feature)
    shapes, problems = {}, {}
    for key, copies in found.items():
        # A code that is not the master list's is shown quoted, cut and escaped: it stays one line.
        label = f"{key} ({names[key]})" if key in names else key if key.startswith("#") else repr(key[:40])
        where = f"{shown}, feature {label}"
        try:
            if key.startswith("#"):
                raise ValueError("has no text code in properties.code; left out")
            if key not in names:
                raise ValueError("is not a province or kabupaten/kota of data/raw/regions.csv; left out")
            if len(copies) > 1:
                raise ValueError(f"has {len(copies)} features; no map rather than another region's outline")
            shapes[key] = _outer_rings(copies[0].get("geometry"))
        except ValueError as problem:
            problems[key] = f"{where}: {problem}"
    problems.update(
        {
            code: f"{shown}, feature {code} ({name}): has no feature; no map"
            for code, name in names.items()
            if code not in found
        }
    )
    return Boundaries(shapes, problems)


def _features(path: Path, shown: str) -> list:
    """The features of a GeoJSON FeatureCollection, or one error line on what the file is instead."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
        collection = json.loads(text)
    except OSError as err:
        raise BoundaryFileError(f"{shown} cannot be read: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise BoundaryFileError(f"{shown} is not UTF-8 text (byte {err.start})") from None
    except json.JSONDecodeError as err:
        cut = err.pos >= len(text.rstrip()) or err.msg.startswith("Unterminated")
        state = "is cut short: its JSON ends inside a value" if cut else f"is not JSON: {err.msg}"
        raise BoundaryFileError(f"{shown} {state} (line {err.lineno}, column {err.colno})") from None
    except RecursionError:
        raise BoundaryFileError(f"{shown} is not JSON a map can use: it is nested too deeply") from None
    if not (
        isinstance(collection, dict)
        and collection.get("type") == "FeatureCollection"
        and isinstance(collection.get("features"), list)
    ):
        kind = collection.get("type") if isinstance(collection, dict) else type(collection).__name__
        raise BoundaryFileError(
            f"{shown} is not a GeoJSON FeatureCollection with a list of features (its type: {str(kind)[:40]!r})"
        )
    return collection["features"]


def _outer_rings(geometry) -> list[np.ndarray]:
    """The outer ring of each polygon (what the maps draw), every ring checked; ValueError says what is wrong."""
    if geometry is None:
        raise ValueError("has no geometry (null); no map")
    kind = geometry.get("type") if isinstance(geometry, dict) else type(geometry).__name__
    if kind not in GEOMETRIES:
        raise ValueError(f"geometry is a {str(kind)[:40]!r}, not a Polygon or MultiPolygon; no map")
    polygons = geometry.get("coordinates")
    polygons = [polygons] if kind == "Polygon" else polygons
    if not isinstance(polygons, list) or not polygons or not all(isinstance(p, list) and p for p in polygons):
        raise ValueError(f"{kind} holds no polygon with a ring; no map")
    checked = [[_ring(ring, number) for ring in polygon] for number, polygon in enumerate(polygons, start=1)]
    return [rings[0] for rings in checked]


def _ring(ring, polygon: int) -> np.ndarray:
    """One ring as an array of [longitude, latitude] rows (a third value, the height, dropped)."""
    where = f"polygon {polygon}"
    try:
        points = np.array(ring)
    except ValueError:  # rows of different lengths
        points = np.array([])
    if points.ndim != 2 or points.shape[1] not in (2, 3) or points.dtype.kind not in "iuf":
        raise ValueError(f"{where} has a ring that is not a list of [longitude, latitude] numbers; no map")
    points = points[:, :2].astype(float)
    if not np.isfinite(points).all():
        raise ValueError(f"{where} has a coordinate that is not a finite number (NaN or infinite); no map")
    (west, east), (south, north) = INDONESIA_BOX["longitude"], INDONESIA_BOX["latitude"]
    outside = ~((points[:, 0] >= west) & (points[:, 0] <= east) & (points[:, 1] >= south) & (points[:, 1] <= north))
    if outside.any():
        longitude, latitude = points[outside][0]
        raise ValueError(
            f"{where} has a point outside Indonesia ({longitude:g}, {latitude:g}: not within longitude "
            f"{west:g}–{east:g}, latitude {south:g}–{north:g}); no map"
        )
    if len(points) < 4 or not np.array_equal(points[0], points[-1]):
        raise ValueError(f"{where} has a ring that is not closed with at least 4 points; no map")
    return points
