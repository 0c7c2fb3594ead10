"""Charts for the notebooks (matplotlib; the reports' charts are :mod:`ucjlib.view.charts`):
Indonesian number formatting, colour-blind palette, and shapes/hatching so that they read
in grayscale too."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

from ucjlib.formatting import format_number, format_percent
from ucjlib.palette import PALETTE


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
def coverage_target_bars(rows, yardsticks, title: str, legend: dict, language: str = "id"):
    """Several regions' coverage and own targets as bars (rows with ``label``, ``kind`` among
    coverage / own / rule / no coverage, ``value``, ``value_text``), with the national
    yardsticks (``yardstick``, ``year``, ``target``) drawn once as named lines; ``legend``
    holds the words (``coverage``, ``own``, ``rule``, ``bars``, ``lines``). Colour and hatching
    or line style both differ, so the chart reads in grayscale."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    bar_style = {"coverage": (PALETTE[0], ""), "own": (PALETTE[1], "//"), "rule": (PALETTE[2], "xx")}
    line_style = [
        (PALETTE[3], (0, (6, 2))),
        (PALETTE[4], (0, (1, 1.5))),
        (PALETTE[7], (0, (6, 2, 1, 2))),
        (PALETTE[3], "-"),
        ("black", (0, (2, 3))),
    ]
    label_box = {"facecolor": "white", "edgecolor": "none", "pad": 1}
    fig, ax = plt.subplots(figsize=(9, 0.62 * len(rows) + 2.4), dpi=96)
    positions = list(range(len(rows) - 1, -1, -1))
    for (colour, dash), target in zip(line_style, yardsticks.itertuples(index=False), strict=False):
        ax.axvline(target.target, color=colour, linestyle=dash, linewidth=1.6, zorder=3)
    for y, row in zip(positions, rows.itertuples(index=False), strict=False):
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
    bars = ax.legend(
        handles=[Patch(facecolor=c, hatch=h, edgecolor="black", label=legend[k]) for k, (c, h) in bar_style.items()],
        title=legend["bars"],
        loc="upper left",
        bbox_to_anchor=(0, -0.07),
        fontsize=8,
        title_fontsize=8.5,
        frameon=False,
    )
    ax.add_artist(bars)
    ax.legend(
        handles=[
            Line2D(
                [],
                [],
                color=c,
                linestyle=d,
                linewidth=1.6,
                label=f"{t.yardstick} ({t.year}): {format_percent(t.target, language, 2)}",
            )
            for (c, d), t in zip(line_style, yardsticks.itertuples(index=False), strict=False)
        ],
        title=legend["lines"],
        loc="upper left",
        bbox_to_anchor=(0.5, -0.07),
        fontsize=8,
        title_fontsize=8.5,
        frameon=False,
    )
    _despine(ax)
    fig.tight_layout()
    return fig


@_plain_text
def count_bars(frame, category: str, value: str, title: str, language: str = "id"):
    """A seaborn bar chart of counts by category, each bar labelled with its count written
    the language's way (one colour: the labels carry the reading in grayscale)."""
    import seaborn as sns

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
