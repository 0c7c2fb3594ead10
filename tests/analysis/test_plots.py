"""The notebooks' charts (matplotlib): Indonesian numbers, each yardstick drawn once, text from the
data kept literal."""

import matplotlib.pyplot as plt

from ucjlib.analysis.plots import percent_axis


def test_percent_axis_writes_indonesian_percentages():
    fig, ax = plt.subplots()
    percent_axis(ax.yaxis, "id")
    formatter = ax.yaxis.get_major_formatter()
    assert formatter(36.5, 0) == "37%" and formatter(100, 0) == "100%"
    plt.close(fig)


def test_count_bars_label_counts_the_indonesian_way():
    import pandas as pd

    from ucjlib.analysis.plots import count_bars

    claims = pd.DataFrame({"programme": ["JHT", "JKK"], "value": [5002.0, 149.0]})  # Labuhanbatu's claim counts
    fig = count_bars(claims, "programme", "value", "Klaim")
    assert [text.get_text().strip() for text in fig.axes[0].texts] == ["5.002", "149"]
    assert [label.get_text() for label in fig.axes[0].get_yticklabels()] == ["JHT", "JKK"]
    plt.close(fig)


def test_cross_region_chart_draws_each_yardstick_once_and_flags_missing_coverage():
    import pandas as pd

    from ucjlib.analysis.plots import coverage_target_bars

    rows = pd.DataFrame(
        {
            "label": ["Binjai: coverage", "Lampung: no coverage figure"],
            "kind": ["coverage", "no coverage"],
            "value": [33.0, float("nan")],
            "value_text": ["33%", "no coverage figure"],
        }
    )
    yardsticks = pd.DataFrame({"yardstick": ["RPJMN 2025–2029"], "year": [2029], "target": [43.92]})
    legend = {
        "coverage": "cakupan",
        "own": "target daerah",
        "rule": "aturan",
        "bars": "Angka daerah",
        "lines": "Nasional",
    }
    fig = coverage_target_bars(rows, yardsticks, "Judul", legend)
    ax = fig.axes[0]
    assert [text.get_text() for text in ax.texts] == ["33%", "no coverage figure"]
    assert [line.get_xdata()[0] for line in ax.get_lines()] == [43.92]
    assert "RPJMN 2025–2029 (2029): 43,92%" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert ax.get_legend().get_title().get_text() == "Nasional"  # the caller's words, not the module's
    plt.close(fig)


def test_dollar_signs_from_the_data_stay_literal_text():
    import pandas as pd

    from ucjlib.analysis.plots import count_bars

    # A category written with '$' (even a lone one) is drawn as typed, not as mathematics.
    fig = count_bars(
        pd.DataFrame({"group": ["Cakupan $x^2$", "Target $ daerah"], "value": [1.0, 2.0]}), "group", "value", "Judul"
    )
    assert [label.get_text() for label in fig.axes[0].get_yticklabels()] == ["Cakupan $x^2$", "Target $ daerah"]
    fig.canvas.draw()  # a lone '$' would fail here if it were parsed as mathematics
    plt.close(fig)
