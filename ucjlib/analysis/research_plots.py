"""Charts of the research notebooks (one per question), in the plots module's palette and
grayscale-safe styles."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter

from ucjlib.analysis.plots import PALETTE, _despine, _plain_text, coverage_target_bars, percent_axis
from ucjlib.formatting import format_date, format_number
from ucjlib.i18n import gettext_for
from ucjlib.model.region import RegionModel
from ucjlib.view.region import View

VERDICT_STYLE = {"same": (PALETTE[0], "o"), "changed": (PALETTE[3], "X"), "unknown": (PALETTE[7], "s")}


@_plain_text
def change_chart(changes: pd.DataFrame, title: str, verdicts: dict[str, str], language: str = "en"):
    """One arrow per pair of consecutive coverage figures (from → to), marked by whether the
    denominator changed between them (``verdicts`` names each verdict in the legend)."""
    frame = changes.reset_index(drop=True)
    labels = [f"{row.region_name} ({row.from_as_of} → {row.to_as_of})" for row in frame.itertuples()]
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(frame) + 1.4), dpi=96)
    for position, row in enumerate(frame.itertuples()):
        colour, marker = VERDICT_STYLE[row.denominator]
        y = len(frame) - 1 - position
        ax.annotate(
            "",
            xy=(row.to_value, y),
            xytext=(row.from_value, y),
            arrowprops={"arrowstyle": "->", "color": colour, "lw": 1.5},
        )
        ax.plot(row.to_value, y, marker=marker, color=colour, linestyle="")
    for verdict, name in verdicts.items():
        colour, marker = VERDICT_STYLE[verdict]
        ax.plot([], [], marker=marker, color=colour, linestyle="", label=name)
    ax.set_yticks(range(len(frame)), list(reversed(labels)), fontsize=8)
    ax.set_xlim(0, 100)  # arrows do not widen the axis by themselves
    percent_axis(ax.xaxis, language)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.4, -0.04), ncol=3, frameon=False)
    ax.set_title(title, fontsize=11, loc="left")
    _despine(ax)
    fig.tight_layout()
    return fig


@_plain_text
def tornado_chart(panels: dict[str, pd.DataFrame], title: str):
    """One panel per region: each parameter's lowest and highest change of the budget in
    percent (from :func:`ucjlib.analysis.sensitivity.tornado_rows`), widest swing on top."""
    fig, axes = plt.subplots(len(panels), 1, figsize=(8, 1.9 * len(panels) + 0.6), dpi=96, sharex=True)
    for ax, (name, rows) in zip(axes, panels.items(), strict=False):
        positions = range(len(rows) - 1, -1, -1)
        ax.barh(list(positions), rows["low"], color=PALETTE[0], edgecolor="black", linewidth=0.5)
        ax.barh(list(positions), rows["high"], color=PALETTE[1], hatch="//", edgecolor="black", linewidth=0.5)
        ax.set_yticks(list(positions), rows["parameter"], fontsize=8)
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_title(name, fontsize=10, loc="left")
        _despine(ax)
    axes[-1].xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:+.0f}%"))
    axes[-1].set_xlabel("change of the first budget year (percent of the model's)", fontsize=9)
    fig.suptitle(title, fontsize=11, x=0.02, ha="left")
    fig.tight_layout()
    return fig


NOT_STATED = "denominator not stated"


@_plain_text
def peer_chart(peers: pd.DataFrame, highlight: list[str], title: str, language: str = "en"):
    """Latest coverage of every region with data, one row per peer group (provinces;
    kabupaten/kota), the ``highlight`` region codes named with their denominator. The
    figures rest on different denominators (``basis``, empty when the source states none):
    a region whose source states none is a hollow mark, and a caption counts the bases."""
    groups = list(peers["peers"].drop_duplicates())
    basis = peers["basis"].fillna("") if "basis" in peers else pd.Series("", index=peers.index)
    fig, ax = plt.subplots(figsize=(8, 1.3 * len(groups) + 1.5), dpi=96)
    for position, group in enumerate(groups):
        rows = peers[peers["peers"] == group]
        chosen = rows["region_code"].isin(highlight)
        for stated, face in ((True, PALETTE[7]), (False, "none")):
            marks = rows[~chosen & ((basis[rows.index] != "") == stated)]
            ax.plot(marks["coverage"], [position] * len(marks), "o", color=PALETTE[7], markerfacecolor=face, alpha=0.7)
        ax.plot(
            rows.loc[chosen, "coverage"], [position] * int(chosen.sum()), "D", color=PALETTE[3], markeredgecolor="black"
        )
        # Neighbouring names alternate above and below their marks so that close ones do not collide.
        for step, row in enumerate(rows[chosen].sort_values("coverage").itertuples()):
            offset = (12, -18, 24)[step % 3]
            ax.annotate(
                f"{row.region_name}\n({basis[row.Index] or NOT_STATED})",
                (row.coverage, position),
                xytext=(0, offset),
                textcoords="offset points",
                ha="center",
                va="bottom" if offset > 0 else "top",
                fontsize=7,
                arrowprops={"arrowstyle": "-", "color": "black", "lw": 0.5},
            )
        ax.plot(rows["coverage"].median(), position, "|", color="black", markersize=18)
    ax.set_yticks(
        range(len(groups)),
        [f"{g} (n = {format_number((peers['peers'] == g).sum(), language)})" for g in groups],
        fontsize=9,
    )
    ax.set_ylim(-0.8, len(groups) - 0.1)
    ax.set_xlim(0, 102)
    percent_axis(ax.xaxis, language)
    ax.set_title(title, fontsize=11, loc="left")
    _despine(ax)
    fig.text(0.01, 0.01, denominator_caption(basis), fontsize=8, ha="left", va="bottom", wrap=True)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


def denominator_caption(basis: pd.Series) -> str:
    """What a chart of many regions' coverage rests on: how many name a denominator, how
    many different ones, and how many name none (hollow marks)."""
    stated = basis[basis != ""]
    return (
        f"Denominators differ: {len(stated)} of {len(basis)} figures name theirs ({stated.nunique()} different bases, "
        f"filled marks); {len(basis) - len(stated)} name none (hollow marks). Named regions show their own."
    )


ONE_BASE = "active participants ÷ BPS employed persons"


def sakernas_rounds(employed_as_of: pd.Series) -> str:
    """The Sakernas rounds a one-base chart divides by, in words: their month when every base is
    of one month's round, else the months (the most used first) and that each count takes the
    round nearest it.

    >>> sakernas_rounds(pd.Series(["2024-08", "2025-08"]))
    'Sakernas, August'
    >>> sakernas_rounds(pd.Series(["2024-08", "2025-02", "2023-08"]))
    'Sakernas, August or February round nearest each count'
    """
    counts = employed_as_of.str[5:7].value_counts()
    months = sorted(counts.index, key=lambda month: (-counts[month], month))
    names = [format_date(f"2000-{month}", "en").split()[0] for month in months]
    if len(names) == 1:
        return f"Sakernas, {names[0]}"
    return f"Sakernas, {' or '.join(names)} round nearest each count"


@_plain_text
def one_base_chart(table: pd.DataFrame, title: str, language: str = "en"):
    """Regions on one base (rows of :func:`ucjlib.analysis.one_base.coverage_on_one_base`, top to
    bottom as given): a filled dot at each region's coverage on BPS employed persons and a hollow
    diamond at its printed figure (on its source's own denominator), joined by a line. The axis
    label states the base and its survey rounds; each row label gives its round's month. Words
    in English; ``language`` writes the numbers and months."""
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=(8, 0.27 * len(table) + 1.9), dpi=96)
    positions = list(range(len(table) - 1, -1, -1))
    for y, row in zip(positions, table.itertuples(index=False), strict=True):
        if pd.notna(row.printed):
            ax.plot([row.on_employed, row.printed], [y, y], color=PALETTE[7], linewidth=0.8, zorder=1)
            ax.plot(row.printed, y, "D", color=PALETTE[3], markerfacecolor="none", markersize=6, zorder=2)
        ax.plot(row.on_employed, y, "o", color=PALETTE[0], markeredgecolor="black", markersize=6, zorder=3)
    labels = [
        f"{row.region_name} (BPS {format_date(row.employed_as_of, language, short=True)})"
        for row in table.itertuples(index=False)
    ]
    ax.set_yticks(positions, labels, fontsize=8)
    ax.set_ylim(-0.7, len(table) - 0.3)
    ax.set_xlim(0, 100)
    percent_axis(ax.xaxis, language)
    ax.set_xlabel(f"{ONE_BASE}\n({sakernas_rounds(table['employed_as_of'])})", fontsize=9)
    ax.grid(axis="x", color=PALETTE[7], linewidth=0.3, alpha=0.5)
    fig.legend(
        handles=[
            Line2D([], [], marker="o", color=PALETTE[0], markeredgecolor="black", linestyle="", label=ONE_BASE),
            Line2D(
                [],
                [],
                marker="D",
                color=PALETTE[3],
                markerfacecolor="none",
                linestyle="",
                label="printed figure, on its source's own denominator",
            ),
        ],
        fontsize=8,
        loc="lower left",
        ncol=2,
        frameon=False,
    )
    ax.set_title(title, fontsize=11, loc="left")
    _despine(ax)
    fig.tight_layout(rect=(0, 0.45 / fig.get_figheight(), 1, 1))
    return fig


def cross_region_chart(models: list[RegionModel], language: str = "id"):
    """The regions' latest coverage (each label naming its denominator, since the regions'
    bases differ) and their own and +20-point-rule targets as bars, the national yardsticks
    as named lines (one line per name and year), words in ``language``."""
    _ = gettext_for(language)
    rows, national = [], {}
    for model in models:
        view = View(model, language)
        if model.coverage is None:
            rows.append(
                {
                    "label": f"{model.name}\n{_('no coverage figure')}",
                    "kind": "no coverage",
                    "value": None,
                    "value_text": _("no coverage figure"),
                }
            )
        else:
            rows.append(
                {
                    "label": f"{model.name}\n{_('Observed coverage')}, {view.date(model.coverage.as_of)}\n"
                    f"{view.basis_text(model.coverage)}",
                    "kind": "coverage",
                    "value": model.coverage.value,
                    "value_text": view.target_value_of(model.coverage),
                }
            )
        for target in model.targets:
            if target.kind == "national":
                national[(target.name, target.year)] = target.value
            else:
                rows.append(
                    {
                        "label": f"{model.name}\n{view.target_name(target)}, {target.year}",
                        "kind": target.kind,
                        "value": target.value,
                        "value_text": view.target_value(target),
                    }
                )
    yardsticks = pd.DataFrame(
        [{"yardstick": name, "year": year, "target": value} for (name, year), value in national.items()]
    )
    legend = {
        "coverage": _("latest coverage"),
        "own": _("regional target"),
        "rule": _("+20-point rule"),
        "bars": _("Regional figures"),
        "lines": _("National yardsticks"),
    }
    title = _("UCJ coverage and targets, on differing denominators")
    return coverage_target_bars(pd.DataFrame(rows), yardsticks, title, legend, language)
