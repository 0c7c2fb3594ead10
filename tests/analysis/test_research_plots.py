"""Charts of the research notebooks (:mod:`ucjlib.analysis.research_plots`), drawn from small frames
whose marks can be counted by hand."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from ucjlib.analysis.research_plots import (
    ONE_BASE,
    VERDICT_STYLE,
    change_chart,
    cross_region_chart,
    one_base_chart,
    peer_chart,
    sakernas_rounds,
    tornado_chart,
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_change_chart_draws_one_arrow_per_pair_on_a_full_percent_axis():
    changes = pd.DataFrame(
        {
            "region_name": ["A", "B"],
            "from_as_of": ["2024", "2023"],
            "to_as_of": ["2025", "2024"],
            "from_value": [10.0, 40.0],
            "to_value": [60.0, 35.0],
            "denominator": ["changed", "same"],
        }
    )
    fig = change_chart(changes, "title", {"same": "same", "changed": "changed", "unknown": "unknown"})
    ax = fig.axes[0]
    arrows = [child for child in ax.texts if child.arrow_patch is not None]
    assert len(arrows) == 2
    # A (changed) is the top row: its arrow runs 10% → 60%, in the 'changed' colour.
    top = max(arrows, key=lambda a: a.xy[1])
    assert (top.xyann[0], top.xy[0]) == (10.0, 60.0)
    assert ax.get_xlim() == (0, 100)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["B (2023 → 2024)", "A (2024 → 2025)"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["same", "changed", "unknown"]
    assert VERDICT_STYLE["changed"][0] != VERDICT_STYLE["same"][0]


def test_tornado_has_a_panel_per_region_and_a_bar_pair_per_parameter():
    rows = pd.DataFrame({"parameter": ["premium rate", "target year"], "low": [0.0, -30.0], "high": [190.0, 100.0]})
    fig = tornado_chart({"Binjai": rows, "Muba": rows.iloc[:1]}, "title")
    binjai, muba = fig.axes
    assert (binjai.get_title(loc="left"), muba.get_title(loc="left")) == ("Binjai", "Muba")
    widths = sorted(round(bar.get_width()) for bar in binjai.patches)
    assert widths == [-30, 0, 100, 190]
    assert len(muba.patches) == 2


def test_peer_chart_names_only_the_highlighted_regions_with_their_denominator():
    peers = pd.DataFrame(
        {
            "region_code": ["1", "2", "3", "4"],
            "region_name": ["P", "Q", "R", "S"],
            "peers": ["province"] * 4,
            "coverage": [20.0, 40.0, 60.0, 80.0],
            "basis": ["labour force", "", "", "employed persons"],
        }
    )
    fig = peer_chart(peers, ["2"], "title")
    ax = fig.axes[0]
    assert [text.get_text() for text in ax.texts] == ["Q\n(denominator not stated)"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["province (n = 4)"]
    # P and S name a base (filled), R names none (hollow); Q is the highlighted diamond.
    filled, hollow = ax.lines[0], ax.lines[1]
    assert list(filled.get_xdata()) == [20.0, 80.0] and list(hollow.get_xdata()) == [60.0]
    assert hollow.get_markerfacecolor() == "none"
    # 2 of 4 name a base, 2 different ones; 2 name none.
    assert fig.texts[0].get_text() == (
        "Denominators differ: 2 of 4 figures name theirs (2 different bases, filled marks); "
        "2 name none (hollow marks). Named regions show their own."
    )


def test_one_base_chart_puts_a_filled_dot_on_the_base_and_a_hollow_mark_at_the_printed_figure():
    table = pd.DataFrame(
        {
            "region_name": ["Kabupaten Musi Banyuasin", "Sulawesi Barat"],
            "employed_as_of": ["2024-08", "2024-08"],
            "printed": [49.2, float("nan")],
            "on_employed": [31.95, 8.62],
        }
    )
    fig = one_base_chart(table, "title")
    ax = fig.axes[0]
    # Muba (top row, y = 1): a joining line, the hollow printed mark at 49,2 and the dot at 31,95;
    # Sulawesi Barat (y = 0) prints no figure: its dot only.
    line, printed, dot, lone = ax.lines
    assert list(line.get_xdata()) == [31.95, 49.2] and list(printed.get_xdata()) == [49.2]
    assert printed.get_markerfacecolor() == "none" and dot.get_markerfacecolor() != "none"
    assert (list(dot.get_ydata()), list(lone.get_xdata()), list(lone.get_ydata())) == ([1], [8.62], [0])
    assert dict(zip(ax.get_yticks(), [t.get_text() for t in ax.get_yticklabels()], strict=True)) == {
        1: "Kabupaten Musi Banyuasin (BPS Aug 2024)",
        0: "Sulawesi Barat (BPS Aug 2024)",
    }
    # The axis states the base and its survey round.
    assert ax.get_xlabel() == f"{ONE_BASE}\n(Sakernas, August)"
    assert ax.get_xlim() == (0, 100)


def test_the_survey_rounds_named_on_a_one_base_chart():
    # Two August rounds and one February: August first (used more), then that each count takes its nearest.
    assert sakernas_rounds(pd.Series(["2025-02", "2024-08", "2023-08"])) == (
        "Sakernas, August or February round nearest each count"
    )


def test_cross_region_chart_says_the_regions_bases_differ_and_names_each(model_of):
    fig = cross_region_chart([model_of("12.10"), model_of("16.06")], "en")
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "UCJ coverage and targets, on differing denominators"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # Labuhanbatu's 36,48% is of its potensi pekerja; Muba's 49,2% names none.
    assert "Kabupaten Labuhanbatu\nObserved coverage, 22 April 2025\ndenominator: potential workers" in labels
    assert "Kabupaten Musi Banyuasin\nObserved coverage, 25 September 2025\ndenominator not stated" in labels
