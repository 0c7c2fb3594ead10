"""Locator maps from ``data/boundaries/regions.geojson`` (see its README; checked by
:mod:`ucjlib.data.boundaries`): where a kabupaten/kota lies within its province, and a province
within Indonesia.

Maps are drawn with matplotlib as small PNG images (flat shapes compress well; an SVG of
every boundary point would outweigh the rest of the report) and embedded in the page. They
are figures of their own on an Agg canvas, not pyplot's: nothing keeps them once drawn, and
a report kernel (or the index) does not import pyplot and its backend machinery.
"""

from __future__ import annotations

import base64
import functools
import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from ucjlib.data.boundaries import checked
from ucjlib.data.regions import province_of

HIGHLIGHT, CONTEXT, EDGE = "#0072b2", "#d9d9d9", "#ffffff"
SIZE_INCHES, DPI = (5.0, 3.4), 100


def boundaries() -> dict[str, list[np.ndarray]]:
    """Every region's outer rings (arrays of longitude, latitude), by Kemendagri code: those of
    regions whose boundary passed the checks of :mod:`ucjlib.data.boundaries` (the others have no map)."""
    return checked().shapes


def neighbours(code: str) -> list[str]:
    """The regions a locator map shows around ``code``: its province's kabupaten/kota, or
    every province for a province."""
    shapes = boundaries()
    if "." in code:
        prefix = province_of(code) + "."
        return [other for other in shapes if other.startswith(prefix)]
    return [other for other in shapes if "." not in other]


def _figure(size_inches: tuple[float, float]):
    """A figure with one axes, drawn by Agg."""
    fig = Figure(figsize=size_inches)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def locator_map(code: str):
    """A figure with ``code`` highlighted among its neighbours; None when it has no boundary."""
    shapes = boundaries()
    if code not in shapes:
        return None
    fig, ax = _figure(SIZE_INCHES)
    # Two collections (the context, then the region on top), however many neighbours: each artist costs its own draw.
    context = [ring for other in neighbours(code) if other != code for ring in shapes[other]]
    ax.add_collection(PolyCollection(context, facecolors=CONTEXT, edgecolors=EDGE, linewidths=0.4))
    ax.add_collection(PolyCollection(shapes[code], facecolors=HIGHLIGHT, edgecolors=EDGE, linewidths=0.4))
    ax.autoscale_view()
    ax.set_aspect("equal")
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    return fig


@functools.lru_cache(maxsize=2)
def locator_png(code: str) -> str | None:
    """The locator map of ``code`` as a PNG data URI (None without a boundary), drawn once for
    the reports of both languages (it holds no words)."""
    fig = locator_map(code)
    return None if fig is None else figure_to_png_uri(fig)


def smallest_font_pt(fig) -> float:
    """Size (points) of the smallest visible text of a figure."""
    from matplotlib.text import Text

    return min(text.get_fontsize() for text in fig.findobj(Text) if text.get_visible() and text.get_text())


def figure_to_png_uri(fig) -> str:
    """The figure as a PNG data URI. A map has few colours: a 64-colour palette
    keeps it a third of the size (no metadata: the bytes depend only on the map)."""
    from PIL import Image

    fig.set_dpi(DPI)
    fig.canvas.draw()
    image = Image.frombuffer("RGBA", fig.canvas.get_width_height(), fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    # Fast octree quantisation: a tenth of median cut's time (and ~no need for optimize's extra passes) for flat shapes.
    image = image.convert("RGB").quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, format="png")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")


# Coverage classes (percent) and their colours: cividis, readable by colour-blind readers and
# in grayscale (each class lighter than the next); regions without data are white, hatched.
CLASS_EDGES = (0, 20, 30, 40, 50, 60, 100.0001)
CLASS_COLOURS = ("#00224e", "#35456c", "#666970", "#948e77", "#c8b866", "#fee838")[::-1]
NO_DATA_HATCH = "////"


def coverage_class(coverage: float) -> int:
    """Index of the class a coverage percent falls in (0: below 20%)."""
    return max(i for i, edge in enumerate(CLASS_EDGES[:-1]) if coverage >= edge)


def choropleth(
    values: dict[str, float],
    codes: list[str],
    legend_title: str,
    no_data: str,
    class_labels: list[str],
    overlay: dict[str, float] | None = None,
):
    """``codes`` coloured by their coverage class (``values``; hatched where missing), then the
    ``overlay`` regions (kabupaten/kota with data over their provinces) drawn on top."""
    shapes = boundaries()
    fig, ax = _figure((6.4, 3.6))
    for layer, width in ((({code: values.get(code) for code in codes}), 0.4), ((overlay or {}), 0.25)):
        # One collection per class (not per region): a national map has 552 regions, and each artist costs its own draw.
        classes: dict[int | None, list] = {}
        for code, value in layer.items():
            if code in shapes:
                classes.setdefault(None if value is None else coverage_class(value), []).extend(shapes[code])
        for index, rings in sorted(classes.items(), key=lambda item: -1 if item[0] is None else item[0]):
            if index is None:
                ax.add_collection(
                    PolyCollection(rings, facecolors="white", edgecolors="0.45", linewidths=width, hatch=NO_DATA_HATCH)
                )
            else:
                ax.add_collection(
                    PolyCollection(rings, facecolors=CLASS_COLOURS[index], edgecolors="white", linewidths=width)
                )
    ax.autoscale_view()
    ax.set_aspect("equal")
    ax.set_axis_off()
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=colour, edgecolor="0.45", label=label)
        for colour, label in zip(CLASS_COLOURS, class_labels, strict=False)
    ]
    handles.append(Patch(facecolor="white", edgecolor="0.45", hatch=NO_DATA_HATCH, label=no_data))
    # Large legend text: the picture is shown at about half its width on a phone.
    ax.legend(
        handles=handles,
        title=legend_title,
        loc="upper center",
        bbox_to_anchor=(0.5, 0),
        ncol=4,
        fontsize=11,
        title_fontsize=11,
        frameon=False,
    )
    fig.subplots_adjust(0, 0.3, 1, 1)
    return fig
