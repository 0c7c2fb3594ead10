"""Charts for notebooks and reports: Indonesian number formatting, colour-blind palette,
and shapes/hatching so that they read in grayscale too."""

from __future__ import annotations

import base64
import io

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, MultipleLocator

from .config import LONG_TERM_HORIZON, RULE_BASE_YEAR
from .formatting import format_percent

# seaborn's "colorblind" palette, each colour darkened (HLS lightness lowered) just enough to
# stand at least 3:1 against white, as marks on a white page must; spelled out so that drawing
# a report does not import seaborn. tests/test_plots.py checks hues and contrast against seaborn's.
PALETTE = ["#0173b2", "#cd8405", "#029e73", "#d55e00", "#cc78bc", "#c58652", "#f653c5", "#949494", "#a0970f", "#229de2"]
# No text in a chart is smaller than this (points); pages keep charts wide enough on a phone
# for it to stay legible (see ucjlib.pages).
SMALLEST_FONT_PT = 8


def _plain_text(draw):
    """Draw with every text taken literally: '$' in a name or note from the data is not
    typeset as mathematics (and a lone '$' cannot break the chart)."""
    import functools

    @functools.wraps(draw)
    def plain(*args, **kwargs):
        with plt.rc_context({"text.parse_math": False}):
            return draw(*args, **kwargs)

    return plain


def _despine(ax) -> None:
    ax.spines[["top", "right"]].set_visible(False)


def percent_axis(axis, language: str = "id") -> None:
    """Format an axis in percent the language's way (``36,5%``)."""
    axis.set_major_formatter(FuncFormatter(lambda value, _: format_percent(value, language, 0)))


@_plain_text
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
    ax.set_xticks(range(0, 101, 20))
    percent_axis(ax.xaxis, language)
    ax.set_title(title, fontsize=11, loc="left")
    _despine(ax)
    # Margins from the longest label rather than tight_layout(), which costs a full extra
    # layout pass per chart (a fifth of a report's time at national scale).
    longest = max((len(label) for label, _, _ in bars), default=10)
    fig.subplots_adjust(left=min(0.62, 0.04 + 0.0098 * longest), right=0.97, top=1 - 0.45 / fig.get_figheight(),
                        bottom=0.5 / fig.get_figheight())
    return fig


def figure_to_data_uri(fig) -> str:
    """The figure as an SVG data URI (no external file, no network), and close it.

    SVG keeps text as text (a third of the size of a PNG, sharp at any zoom, quicker to
    draw); inside ``<img>`` it can run nothing. Date and id salt are fixed so the bytes
    depend only on the figure. Templates write the ``<img>`` element and its alt text.
    """
    buffer = io.BytesIO()
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "ucjlib"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


_LINE_STYLES = [("-", "o"), ("--", "s"), ("-.", "^"), (":", "D"), ("-", "v"), ("--", "P"), ("-.", "X")]


@_plain_text
def fan_chart(observed, fitted, targets: list[tuple[str, float]], paths: list[tuple[str, object]], title: str,
              language: str = "id"):
    """Coverage over time: observations (points), a fitted trend with its interval band
    (when there is one), target lines and scenario paths (each with its own line style and
    marker, so they read in grayscale).

    ``observed``: frame with ``year`` (decimal) and ``coverage``; ``fitted``: frame with
    ``year``, ``coverage``, ``lower``, ``upper`` or None; ``paths``: ``(label, frame)`` with
    ``year`` and ``coverage``.
    """
    fig, ax = plt.subplots(figsize=(8, 4.6), dpi=96)
    if fitted is not None:
        ax.fill_between(fitted["year"], fitted["lower"], fitted["upper"], color="0.85", label=fitted.attrs.get("band", ""))
        ax.plot(fitted["year"], fitted["coverage"], color="black", linewidth=2, label=fitted.attrs.get("line", ""))
    for index, (label, path) in enumerate(paths):
        style, marker = _LINE_STYLES[index % len(_LINE_STYLES)]
        ax.plot(path["year"], path["coverage"], linestyle=style, marker=marker, markevery=4, markersize=5,
                color=PALETTE[index % len(PALETTE)], label=label)
    if len(observed):
        ax.scatter(observed["year"], observed["coverage"], color="black", zorder=5, s=30, label=observed.attrs.get("label", ""))
    ax.set_ylim(0, 105)
    start = min([RULE_BASE_YEAR] + list(observed["year"])) - 0.5
    ax.set_xlim(start, LONG_TERM_HORIZON + 0.5)
    ax.xaxis.set_major_locator(MultipleLocator(5))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:.0f}"))  # years take no separator
    for label, value in targets:
        ax.axhline(value, color="0.3", linestyle=(0, (1, 3)), linewidth=1)
        ax.text(start + 0.2, value + 1, f"{label}: {format_percent(value, language)}", fontsize=SMALLEST_FONT_PT, color="0.2")
    percent_axis(ax.yaxis, language)
    ax.set_title(title, fontsize=11, loc="left")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=SMALLEST_FONT_PT, frameon=False)
    _despine(ax)
    fig.subplots_adjust(left=0.09, right=0.98, top=0.92, bottom=0.3)  # room for the legend below
    return fig


@_plain_text
def coverage_over_time(region, national, title: str, labels: dict, language: str = "id"):
    """Every dated coverage figure of a region (``region``: ``year`` as a decimal, ``coverage``,
    ``text`` as printed, ``new_basis``), the nation's as a reference line (``national``: ``year``,
    ``coverage``; may be empty), and a ring around a figure whose denominator changed.
    ``labels`` holds the words (``region``, ``national``, ``new_basis``)."""
    fig, ax = plt.subplots(figsize=(7.5, 3.9), dpi=96)
    if len(national):
        ax.plot(national["year"], national["coverage"], color=PALETTE[7], linestyle="--", marker="s", markersize=4,
                label=labels["national"])
    ax.plot(region["year"], region["coverage"], color=PALETTE[0], marker="o", label=labels["region"])
    for row in region.itertuples(index=False):
        ax.annotate(row.text, (row.year, row.coverage), textcoords="offset points", xytext=(0, 7), ha="center",
                    fontsize=SMALLEST_FONT_PT + 1)
    changed = region[region["new_basis"]]
    if len(changed):
        ax.scatter(changed["year"], changed["coverage"], s=160, facecolors="none", edgecolors=PALETTE[3], linewidths=1.8,
                   zorder=6, label=labels["new_basis"])
    years = list(region["year"]) + list(national["year"])
    ax.set_xlim(min(years) - 0.3, max(years) + 0.3)
    ax.set_ylim(0, min(105, max(list(region["coverage"]) + list(national["coverage"])) + 15))
    ax.xaxis.set_major_locator(MultipleLocator(1 if max(years) - min(years) > 1.5 else 0.25))
    ax.xaxis.set_major_formatter(FuncFormatter(_year_label))
    ax.tick_params(labelsize=SMALLEST_FONT_PT + 1)
    percent_axis(ax.yaxis, language)
    ax.set_title(title, fontsize=11, loc="left")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=SMALLEST_FONT_PT + 1, frameon=False)
    _despine(ax)
    fig.subplots_adjust(left=0.09, right=0.98, top=0.9, bottom=0.25)
    return fig


def _year_label(value: float, _position) -> str:
    """A decimal year as ``2025`` or, between years, as ``2025-07``."""
    year = int(value + 1e-9)
    month = round((value - year) * 12) + 1
    return str(year) if month == 1 else f"{year}-{month:02d}"


@_plain_text
def cross_region_chart(rows, yardsticks, title: str, legend: dict, language: str = "id"):
    """Several regions' coverage and own targets as bars (rows with ``label``, ``kind`` among
    coverage / own / rule / no coverage, ``value``, ``value_text``), with the national
    yardsticks (``yardstick``, ``year``, ``target``) drawn once as named lines; ``legend``
    holds the words (``coverage``, ``own``, ``rule``, ``bars``, ``lines``). Colour and hatching
    or line style both differ, so the chart reads in grayscale."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    bar_style = {"coverage": (PALETTE[0], ""), "own": (PALETTE[1], "//"), "rule": (PALETTE[2], "xx")}
    line_style = [(PALETTE[3], (0, (6, 2))), (PALETTE[4], (0, (1, 1.5))), (PALETTE[7], (0, (6, 2, 1, 2))),
                  (PALETTE[3], "-"), ("black", (0, (2, 3)))]
    label_box = {"facecolor": "white", "edgecolor": "none", "pad": 1}
    fig, ax = plt.subplots(figsize=(9, 0.62 * len(rows) + 2.4), dpi=96)
    positions = list(range(len(rows) - 1, -1, -1))
    for (colour, dash), target in zip(line_style, yardsticks.itertuples(index=False)):
        ax.axvline(target.target, color=colour, linestyle=dash, linewidth=1.6, zorder=3)
    for y, row in zip(positions, rows.itertuples(index=False)):
        if row.kind == "no coverage":
            ax.text(1, y, row.value_text, va="center", fontsize=9, style="italic", bbox=label_box, zorder=4)
            continue
        colour, hatch = bar_style[row.kind]
        ax.barh(y, row.value, color=colour, hatch=hatch, edgecolor="black", linewidth=0.6, zorder=2)
        ax.text(row.value + 1, y, row.value_text, va="center", fontsize=9, bbox=label_box, zorder=4)
    ax.set_yticks(positions, rows["label"], fontsize=8.5)
    ax.set_xlim(0, 105)
    percent_axis(ax.xaxis, language)
    ax.set_title(title, fontsize=11, loc="left")
    bars = ax.legend(handles=[Patch(facecolor=c, hatch=h, edgecolor="black", label=legend[k]) for k, (c, h) in bar_style.items()],
                     title=legend["bars"], loc="upper left", bbox_to_anchor=(0, -0.07), fontsize=8, title_fontsize=8.5,
                     frameon=False)
    ax.add_artist(bars)
    ax.legend(handles=[Line2D([], [], color=c, linestyle=d, linewidth=1.6,
                              label=f"{t.yardstick} ({t.year}): {format_percent(t.target, language, 2)}")
                       for (c, d), t in zip(line_style, yardsticks.itertuples(index=False))],
              title=legend["lines"], loc="upper left", bbox_to_anchor=(0.5, -0.07), fontsize=8, title_fontsize=8.5,
              frameon=False)
    _despine(ax)
    fig.tight_layout()
    return fig


@_plain_text
def count_bars(frame, category: str, value: str, title: str, language: str = "id"):
    """A seaborn bar chart of counts by category, each bar labelled with its count written
    the language's way (one colour: the labels carry the reading in grayscale)."""
    import seaborn as sns

    from .formatting import format_number

    fig, ax = plt.subplots(figsize=(7, 0.45 * len(frame) + 1.2), dpi=96)
    sns.barplot(data=frame, x=value, y=category, color=PALETTE[0], edgecolor="black", linewidth=0.6, ax=ax)
    for position, count in enumerate(frame[value]):
        ax.text(count, position, " " + format_number(count, language), va="center", fontsize=9)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda number, _: format_number(number, language)))
    ax.set(xlabel="", ylabel="")
    ax.set_xlim(0, frame[value].max() * 1.15)
    ax.set_title(title, fontsize=11, loc="left")
    sns.despine(ax=ax)
    fig.tight_layout()
    return fig
