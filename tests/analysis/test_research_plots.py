"""Charts of the research notebooks (:mod:`ucjlib.analysis.research_plots`), drawn from small frames
whose marks can be counted by hand."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from ucjlib.analysis.research_plots import VERDICT_STYLE, change_chart, peer_chart, tornado_chart


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
