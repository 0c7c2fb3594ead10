"""Locator maps from ``data/boundaries/regions.geojson`` (see its README): where a
kabupaten/kota lies within its province, and a province within Indonesia.

Maps are drawn with matplotlib as small PNG images (flat shapes compress well; an SVG of
every boundary point would outweigh the rest of the report) and embedded in the page.
"""

from __future__ import annotations

import base64
import functools
import io
import json

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PolyCollection

from . import paths

HIGHLIGHT, CONTEXT, EDGE = "#0072b2", "#d9d9d9", "#ffffff"
SIZE_INCHES, DPI = (5.0, 3.4), 100


@functools.lru_cache(maxsize=1)
def boundaries() -> dict[str, list[np.ndarray]]:
    """Every region's outer rings (arrays of longitude, latitude), by Kemendagri code."""
    collection = json.loads(paths.boundaries_file().read_text(encoding="utf-8"))
    return {feature["properties"]["code"]: [np.asarray(polygon[0]) for polygon in feature["geometry"]["coordinates"]]
            for feature in collection["features"]}


def neighbours(code: str) -> list[str]:
    """The regions a locator map shows around ``code``: its province's kabupaten/kota, or
    every province for a province."""
    shapes = boundaries()
    if "." in code:
        province = code.split(".")[0]
        return [other for other in shapes if other.startswith(province + ".")]
    return [other for other in shapes if "." not in other]


def locator_map(code: str):
    """A figure with ``code`` highlighted among its neighbours; None when it has no boundary."""
    shapes = boundaries()
    if code not in shapes:
        return None
    fig, ax = plt.subplots(figsize=SIZE_INCHES)
    for other in neighbours(code):
        colour = HIGHLIGHT if other == code else CONTEXT
        ax.add_collection(PolyCollection(shapes[other], facecolors=colour, edgecolors=EDGE, linewidths=0.4,
                                         zorder=2 if other == code else 1))
    ax.autoscale_view()
    ax.set_aspect("equal")
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    return fig


def figure_to_png_uri(fig) -> str:
    """The figure as a PNG data URI, and close it (no metadata: the bytes depend only on the map)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
