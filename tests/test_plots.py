"""The notebooks' charts: the colour-blind palette, Indonesian axis labels."""

import colorsys

import matplotlib.pyplot as plt
import seaborn as sns

from ucjlib.plots import PALETTE, percent_axis


def _relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_palette_is_seaborns_colorblind_palette_darkened_to_3_to_1_on_white():
    seaborn = sns.color_palette("colorblind").as_hex()
    assert len(PALETTE) == len(seaborn)
    for ours, theirs in zip(PALETTE, seaborn):
        assert 1.05 / (_relative_luminance(ours) + 0.05) >= 3.0, ours  # contrast against white (luminance 1)
        hue = colorsys.rgb_to_hls(*(int(ours[i:i + 2], 16) / 255 for i in (1, 3, 5)))[0]
        their_hue = colorsys.rgb_to_hls(*(int(theirs[i:i + 2], 16) / 255 for i in (1, 3, 5)))[0]
        assert abs(hue - their_hue) < 0.02, (ours, theirs)  # the same colour, only darker
        assert _relative_luminance(ours) <= _relative_luminance(theirs) + 1e-9
    # The colours seaborn's palette already gives at 3:1 are kept as they are.
    assert [o for o, t in zip(PALETTE, seaborn) if o == t] == ["#0173b2", "#029e73", "#d55e00", "#cc78bc", "#949494"]


def test_percent_axis_writes_indonesian_percentages():
    fig, ax = plt.subplots()
    percent_axis(ax.yaxis, "id")
    formatter = ax.yaxis.get_major_formatter()
    assert formatter(36.5, 0) == "37%" and formatter(100, 0) == "100%"
    plt.close(fig)


def test_count_bars_label_counts_the_indonesian_way():
    import pandas as pd

    from ucjlib.plots import count_bars

    claims = pd.DataFrame({"programme": ["JHT", "JKK"], "value": [5002.0, 149.0]})  # Labuhanbatu's claim counts
    fig = count_bars(claims, "programme", "value", "Klaim")
    assert [text.get_text().strip() for text in fig.axes[0].texts] == ["5.002", "149"]
    assert [label.get_text() for label in fig.axes[0].get_yticklabels()] == ["JHT", "JKK"]
    plt.close(fig)


def test_cross_region_chart_draws_each_yardstick_once_and_flags_missing_coverage():
    import pandas as pd

    from ucjlib.plots import cross_region_chart

    rows = pd.DataFrame({"label": ["Binjai: coverage", "Lampung: no coverage figure"], "kind": ["coverage", "no coverage"],
                         "value": [33.0, float("nan")], "value_text": ["33%", "no coverage figure"]})
    yardsticks = pd.DataFrame({"yardstick": ["RPJMN 2025–2029"], "year": [2029], "target": [43.92]})
    legend = {"coverage": "cakupan", "own": "target daerah", "rule": "aturan", "bars": "Angka daerah", "lines": "Nasional"}
    fig = cross_region_chart(rows, yardsticks, "Judul", legend)
    ax = fig.axes[0]
    assert [text.get_text() for text in ax.texts] == ["33%", "no coverage figure"]
    assert [line.get_xdata()[0] for line in ax.get_lines()] == [43.92]
    assert "RPJMN 2025–2029 (2029): 43,92%" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert ax.get_legend().get_title().get_text() == "Nasional"  # the caller's words, not the module's
    plt.close(fig)


def test_dollar_signs_from_the_data_stay_literal_text():
    import pandas as pd

    from ucjlib.plots import count_bars

    # A category written with '$' (even a lone one) is drawn as typed, not as mathematics.
    fig = count_bars(pd.DataFrame({"group": ["Cakupan $x^2$", "Target $ daerah"], "value": [1.0, 2.0]}), "group", "value", "Judul")
    assert [label.get_text() for label in fig.axes[0].get_yticklabels()] == ["Cakupan $x^2$", "Target $ daerah"]
    fig.canvas.draw()  # a lone '$' would fail here if it were parsed as mathematics
    plt.close(fig)
