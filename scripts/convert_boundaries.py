"""One-off conversion of the upstream region boundaries into the project's data.

Reads the MySQL dumps of `cahyadsn/wilayah_boundaries` kept in ``../shared/boundaries/``
(points as [latitude, longitude]) and writes ``data/boundaries/regions.geojson``: one
GeoJSON feature per province and kabupaten/kota, keyed by its Kemendagri code, points as
[longitude, latitude], simplified (Douglas–Peucker) and rounded to what a report map needs.
The licence and attribution are copied beside it. Run again only when upstream changes:

    .venv/bin/python scripts/convert_boundaries.py [path/to/boundaries]
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "boundaries"
UPSTREAM = "cahyadsn/wilayah_boundaries, commit 3c5a7960 (2026-08-20)"
# Degrees: about 2 km for provinces, 1 km for kabupaten/kota; coordinates kept to ~100 m.
TOLERANCE = {"province": 0.02, "local": 0.01}
DECIMALS = 3
ROW = re.compile(
    r"\(\s*'(?P<code>[\d.]+)'\s*,\s*'(?P<name>(?:[^'\\]|\\.|'')*)'\s*,\s*(?P<lat>-?[\d.]+)\s*,\s*(?P<lng>-?[\d.]+)\s*,\s*'(?P<path>\[.*?\])'\s*\)"
)


def simplify(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas–Peucker on one ring (closed: first point = last point)."""
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        if end - start < 2:
            continue
        segment = points[end] - points[start]
        middle = points[start + 1 : end] - points[start]
        length = np.hypot(*segment)
        distance = (
            np.abs(segment[0] * middle[:, 1] - segment[1] * middle[:, 0]) / length
            if length
            else np.hypot(middle[:, 0], middle[:, 1])
        )
        farthest = int(distance.argmax())
        if distance[farthest] > tolerance:
            split = start + 1 + farthest
            keep[split] = True
            stack += [(start, split), (split, end)]
    return points[keep]


def polygons(path: str, tolerance: float) -> list:
    """The upstream multipolygon as GeoJSON coordinates, simplified; vanishing rings dropped."""
    shape = json.loads(path)
    depth, probe = 0, shape
    while isinstance(probe, list) and probe:
        depth, probe = depth + 1, probe[0]
    for _ in range(4 - depth):  # some rows hold one polygon or one ring: make every one a multipolygon
        shape = [shape]
    result = []
    for polygon in shape:
        rings = []
        for ring in polygon:
            points = np.array(ring, dtype=float)[:, ::-1]  # [lat, lng] -> [lng, lat]
            points = np.round(simplify(points, tolerance), DECIMALS)
            points = points[np.r_[True, np.any(np.diff(points, axis=0) != 0, axis=1)]]
            if len(points) >= 4:
                rings.append(points.tolist())
        if rings:
            result.append(rings)
    return result


def convert(source: Path) -> dict:
    features = []
    for folder, level in (("prov", "province"), ("kab", "local")):
        for dump in sorted((source / folder).glob("*.sql")):
            for match in ROW.finditer(dump.read_text(encoding="utf-8")):
                tolerance = TOLERANCE[level]
                shape = polygons(match["path"], tolerance)
                while not shape and tolerance > 1e-4:  # a region of small islands (Kepulauan Seribu)
                    tolerance /= 10
                    shape = polygons(match["path"], tolerance)
                features.append(
                    {
                        "type": "Feature",
                        "properties": {"code": match["code"], "name": match["name"].replace("''", "'")},
                        "geometry": {"type": "MultiPolygon", "coordinates": shape},
                    }
                )
    features.sort(key=lambda f: [int(part) for part in f["properties"]["code"].split(".")])
    return {"type": "FeatureCollection", "source": UPSTREAM, "features": features}


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "boundaries"
    if not (source / "prov").is_dir():
        sys.exit(f"{source} holds no prov/ folder: give the path of the upstream boundaries")
    OUT.mkdir(parents=True, exist_ok=True)
    collection = convert(source)
    (OUT / "regions.geojson").write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    shutil.copyfile(source / "LICENSE", OUT / "LICENSE")
    print(f"{len(collection['features'])} regions, {(OUT / 'regions.geojson').stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
