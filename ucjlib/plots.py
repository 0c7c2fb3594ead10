"""Charts for notebooks and reports: Indonesian number formatting, colour-blind palette,
and shapes/hatching so that they read in grayscale too."""

from __future__ import annotations

import base64
import io

import matplotlib.pyplot as plt
import seaborn as sns
from matplotlib.ticker import FuncFormatter

from .formatting import format_percent

PALETTE = sns.color_palette("colorblind")


def percent_axis(axis, language: str = "id") -> None:
    """Format an axis in percent the language's way (``36,5%``)."""
    axis.set_major_formatter(FuncFormatter(lambda value, _: format_percent(value, language, 0)))


def coverage_vs_targets(coverage: float | None, coverage_label: str, targets: list[tuple[str, float, bool]],
                        title: str, language: str = "id", coverage_decimals: int = 2):
    """Horizontal bars: the region's coverage, then each target (own targets hatched).

    ``targets`` holds ``(label, value, is_own)``. Values are written at the bar ends, the
    coverage with the decimals it was printed with.
    """
    bars = ([(coverage_label, coverage, "observed")] if coverage is not None else []) + [
        (label, value, "own" if own else "national") for label, value, own in targets]
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(bars) + 1.2), dpi=96)
    style = {"observed": (PALETTE[0], ""), "national": (PALETTE[7], ""), "own": (PALETTE[1], "//")}
    for position, (label, value, kind) in enumerate(reversed(bars)):
        colour, hatch = style[kind]
        ax.barh(position, value, color=colour, hatch=hatch, edgecolor="black", linewidth=0.6)
        decimals = coverage_decimals if kind == "observed" else 2
        ax.text(value + 1, position, format_percent(value, language, decimals), va="center", fontsize=9)
    ax.set_yticks(range(len(bars)), [label for label, _, _ in reversed(bars)], fontsize=9)
    ax.set_xlim(0, 120)  # room for the label of a bar at 100%
    percent_axis(ax.xaxis, language)
    ax.set_title(title, fontsize=11, loc="left")
    sns.despine(ax=ax)
    fig.tight_layout()
    return fig


def figure_to_img(fig, alt: str) -> str:
    """Embed a figure as a PNG data URI ``<img>`` (no external file, no network) and close it.

    PNG metadata is dropped so the bytes do not change with the matplotlib version string.
    """
    import html

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}">'
