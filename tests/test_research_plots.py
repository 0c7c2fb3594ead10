"""Charts of the research notebooks (:mod:`ucjlib.research_plots`), drawn from small frames
whose marks can be counted by hand."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from ucjlib.research_plots import VERDICT_STYLE, change_chart, peer_chart, tornado_chart


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_change_chart_draws_one_arrow_per_pair_on_a_full_percent_axis():
    changes = pd.DataFrame({"region_name": ["A", "B"], "from_as_of": ["2024", "2023"], "to_as_of": ["2025", "2024"],
                            "from_value": [10.0, 40.0], "to_value": [60.0, 35.0], "denominator": ["changed", "same"]})
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


def test_peer_chart_names_only_the_highlighted_regions():
    peers = pd.DataFrame({"region_code": ["1", "2", "3"], "region_name": ["P", "Q", "R"], "peers": ["province"] * 3,
                          "coverage": [20.0, 40.0, 60.0]})
    fig = peer_chart(peers, ["2"], "title")
    ax = fig.axes[0]
    assert [text.get_text() for text in ax.texts] == ["Q"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["province (n = 3)"]
