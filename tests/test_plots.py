"""Charts: the colour-blind palette, Indonesian axis labels, embedded images."""

import base64
import colorsys

import matplotlib.pyplot as plt
import seaborn as sns

from ucjlib.plots import PALETTE, coverage_vs_targets, figure_to_data_uri, percent_axis


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


def test_bar_labels_use_the_language_and_printed_decimals():
    fig = coverage_vs_targets(36.48, "Cakupan", [("RPJMN 2025–2029 (2029)", 43.92, False)], "Judul", "id")
    labels = [text.get_text() for text in fig.axes[0].texts]
    assert labels == ["43,92%", "36,48%"]  # drawn bottom-up: the target, then the coverage
    uri = figure_to_data_uri(fig)
    assert uri.startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(uri.split("base64,", 1)[1]).decode("utf-8")
    assert "<svg" in svg and "<script" not in svg
    assert ">43,92%<" in svg and ">RPJMN 2025–2029 (2029)<" in svg  # text stays text, readable and searchable
    assert figure_to_data_uri(coverage_vs_targets(36.48, "Cakupan", [], "Judul")) == figure_to_data_uri(
        coverage_vs_targets(36.48, "Cakupan", [], "Judul"))  # same figure, same bytes


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
    # A group or yardstick written with '$' (even a lone one) is drawn as typed, not as mathematics.
    fig = coverage_vs_targets(36.48, "Cakupan $x^2$", [("Target $ daerah", 43.92, True)], "Judul")
    svg = base64.b64decode(figure_to_data_uri(fig).split("base64,", 1)[1]).decode("utf-8")
    assert ">Cakupan $x^2$<" in svg and ">Target $ daerah (2029)<" not in svg and ">Target $ daerah<" in svg


def test_a_report_chart_records_its_smallest_text_as_the_svg_draws_it():
    import re

    from ucjlib.pages import SMALLEST_LEGIBLE_PX, _picture
    from ucjlib.region_model import for_region
    from ucjlib.region_view import View

    view = View(for_region("16.06"), "id")  # Muba: all three report charts
    for draw in (view.coverage_chart, view.fan_chart, view.over_time_chart):
        picture = _picture(*draw())
        svg = base64.b64decode(picture["uri"].split(",", 1)[1]).decode()
        width = re.search(r'<svg[^>]* width="([\d.]+)pt"', svg)  # user units are points: 1 pt = 4/3 CSS px
        sizes = [float(size) for size in re.findall(r"font[^;\"]*?([\d.]+)px", svg)]
        assert width and sizes
        assert picture["smallest_text_px"] == round(min(sizes) * 4 / 3, 2)
        natural_px = float(width.group(1)) * 4 / 3
        # At its minimum width the smallest text is drawn at least SMALLEST_LEGIBLE_PX high.
        assert picture["min_width"] / natural_px * picture["smallest_text_px"] >= SMALLEST_LEGIBLE_PX - 0.01
