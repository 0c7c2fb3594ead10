"""The report's charts: SVG written from the template, words in the page's language, text
that stays text and legible, shapes that read in grayscale."""

import base64
import re
import xml.etree.ElementTree as ET

import pandas as pd

from ucjlib.palette import PALETTE
from ucjlib.view.charts import GREY_BAND, SMALL_PX, coverage_over_time, coverage_vs_targets, fan_chart, text_width

SVG = "{http://www.w3.org/2000/svg}"


def _parsed(chart) -> ET.Element:
    """The chart's SVG, parsed (it must be well-formed XML)."""
    return ET.fromstring(chart.svg())


def _texts(chart) -> list[str]:
    return [element.text for element in _parsed(chart).iter(f"{SVG}text")]


def _filled(chart, tag: str, colour: str) -> int:
    return sum(element.get("fill") == colour for element in _parsed(chart).iter(f"{SVG}{tag}"))


def test_text_widths_are_dejavu_sans_advance_widths():
    # DejaVu Sans: "0" advances 1303 units of a 2048-unit em, "%" 1946 (the font's own metrics).
    assert text_width("0", 2048) == 1303
    hand = (3 * 1303 + 1946) / 2048 * 11  # "100%" at 11 px: 31,4 px (glyphs are hinted to whole pixels)
    assert abs(text_width("100%", 11) - hand) <= 1


def test_bars_write_values_in_the_language_with_the_printed_decimals():
    chart = coverage_vs_targets(
        36.48,
        "Cakupan",
        [("RPJMN 2025–2029 (2029)", 43.92, False), ("Target daerah (2026)", 60, True)],
        "Judul",
        "id",
        coverage_decimals=2,
    )
    texts = _texts(chart)
    assert texts[0] == "Judul"
    assert ["36,48%", "Cakupan", "43,92%", "RPJMN 2025–2029 (2029)", "60,00%", "Target daerah (2026)"] == texts[1:7]
    assert texts[7:] == ["0%", "20%", "40%", "60%", "80%", "100%"]
    bars = [rect for rect in _parsed(chart).iter(f"{SVG}rect") if rect.get("stroke") == "#000"]
    assert [bar.get("fill") for bar in bars] == [PALETTE[0], PALETTE[7], "url(#hatch-own)"]  # own target hatched
    # The axis runs to 120% (room for the label of a full bar): a 60% bar is half the plotting width.
    assert abs(float(bars[2].get("width")) - chart.plot.width / 2) <= 0.05
    assert coverage_vs_targets(49.2, "Cakupan", [], "Judul", "en", 1).svg().count(">49.2%<") == 1


def test_the_same_chart_gives_the_same_bytes_and_runs_nothing():
    draw = lambda: coverage_vs_targets(36.48, "Cakupan", [], "Judul").data_uri()  # noqa: E731
    uri = draw()
    assert uri == draw() and uri.startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(uri.split(",", 1)[1]).decode("utf-8")
    assert "<script" not in svg and "href" not in svg  # nothing fetched, nothing run


def test_words_from_the_data_are_drawn_as_typed():
    chart = coverage_vs_targets(36.48, "Cakupan $x^2$", [('Target <b>Kota</b> & "desa"', 43.92, True)], "Judul")
    assert "Cakupan $x^2$" in _texts(chart) and 'Target <b>Kota</b> & "desa"' in _texts(chart)
    assert "&lt;b&gt;Kota&lt;/b&gt; &amp;" in chart.svg()


def _path(values):
    return pd.DataFrame({"year": [2025.5 + i for i in range(len(values))], "coverage": values})


def test_fan_chart_gives_each_scenario_its_line_style_and_a_marker_every_fourth_point():
    observed = pd.DataFrame({"year": [2024.0, 2025.5], "coverage": [26.8, 49.2]}).assign()
    observed.attrs["label"] = "Observed"
    paths = [("Plan", _path([49.2 + i for i in range(9)])), ("Rule", _path([49.2 + 2 * i for i in range(9)]))]
    chart = fan_chart(observed, None, [("RPJMN 2025–2029 (2029)", 43.92)], paths, "Title", "en")
    lines = list(_parsed(chart).iter(f"{SVG}polyline"))
    assert [(line.get("stroke"), line.get("stroke-dasharray")) for line in lines] == [
        (PALETTE[0], None),
        (PALETTE[1], "6 3"),
    ]
    # Points 0, 4 and 8 of each path carry its marker, and the legend one more.
    assert _filled(chart, "circle", PALETTE[0]) == 3 + 1
    assert _filled(chart, "polygon", PALETTE[1]) == 3 + 1  # squares
    assert _filled(chart, "circle", "#000") == 2 + 1  # the observations
    texts = _texts(chart)
    assert "RPJMN 2025–2029 (2029): 43.92%" in texts
    assert [t for t in texts if t.isdigit()] == ["2025", "2030", "2035", "2040", "2045"]  # from 2023,5 to 2045,5
    assert texts[-3:] == ["Plan", "Rule", "Observed"]


def test_fan_chart_band_stops_where_the_interval_does():
    # Three figures (df = 1): an interval for 2024–2029 only (span 2024–2025 + 4 years); the trend line
    # goes on to 2031 without a band. The band's outline holds the six years with an interval, each twice.
    observed = pd.DataFrame({"year": [2024.0, 2024.5, 2025.0], "coverage": [30.0, 31.0, 32.0]})
    years = [2024.0 + i for i in range(8)]
    fitted = pd.DataFrame(
        {
            "year": years,
            "coverage": [30.0 + 2 * i for i in range(8)],
            "lower": [28.0 + 2 * i for i in range(6)] + [None] * 2,
            "upper": [32.0 + 2 * i for i in range(6)] + [None] * 2,
        }
    )
    chart = fan_chart(observed, fitted, [], [], "Title", "en")
    (band,) = [p for p in _parsed(chart).iter(f"{SVG}polygon") if p.get("fill") == GREY_BAND]
    points = band.get("points").split()
    assert len(points) == 12 and "nan" not in band.get("points")


def test_over_time_chart_labels_each_figure_as_printed_and_rings_a_new_denominator():
    region = pd.DataFrame(
        {"year": [2024.75, 2025.5], "coverage": [26.8, 49.2], "text": ["26,8%", "49,2%"], "new_basis": [False, True]}
    )
    national = pd.DataFrame({"year": [2025.25], "coverage": [35.68]})
    labels = {"region": "Kabupaten Musi Banyuasin", "national": "Indonesia (nasional)", "new_basis": "penyebut baru"}
    chart = coverage_over_time(region, national, "Judul", labels, "id")
    texts = _texts(chart)
    assert "26,8%" in texts and "49,2%" in texts
    # Less than a year and a half: quarterly ticks between 2024,45 and 2025,8.
    # Ticks between years are months as a reader writes them, in the page's language.
    assert [t for t in texts if re.fullmatch(r"(\w{3} )?\d{4}", t)] == [
        "Jul 2024",
        "Okt 2024",
        "2025",
        "Apr 2025",
        "Jul 2025",
        "Okt 2025",
    ]
    # The axis reaches the highest figure plus 15 points (64,2%), ticked every 10 points.
    assert [t for t in texts if t.endswith("%") and "," not in t] == ["0%", "10%", "20%", "30%", "40%", "50%", "60%"]
    rings = [c for c in _parsed(chart).iter(f"{SVG}circle") if c.get("fill") == "none"]
    assert len(rings) == 1 + 1  # the 49,2% figure, and its key in the legend
    assert texts[-3:] == ["Indonesia (nasional)", "Kabupaten Musi Banyuasin", "penyebut baru"]


def test_the_legend_wraps_to_stay_within_the_chart():
    long = "a scenario with a very long name, as a translated label can be, " * 3
    paths = [(f"{long}{i}", _path([40, 41, 42])) for i in range(3)]
    observed = pd.DataFrame({"year": [2025.0], "coverage": [40.0]})
    observed.attrs["label"] = "Observed"
    chart = fan_chart(observed, None, [], paths, "Title", "en")
    texts = [
        (float(e.get("x")), float(e.get("y")), e.text)
        for e in _parsed(chart).iter(f"{SVG}text")
        if e.get("text-anchor") is None
    ]
    assert all(x + text_width(text, SMALL_PX) <= chart.width - 8 for x, _, text in texts)
    legend = [text for _, _, text in texts if text != "Title"]
    assert " ".join(legend) == " ".join([f"{long}{i}" for i in range(3)] + ["Observed"])  # every word, in order
    assert len(legend) > 4  # the long labels took several lines each
    assert float(_parsed(chart).get("height")) >= max(y for _, y, _ in texts)


def test_a_report_chart_records_its_smallest_text_as_the_svg_draws_it():
    from ucjlib.model.region import for_region
    from ucjlib.publish.pages import SMALLEST_LEGIBLE_PX, _picture
    from ucjlib.view.region import View

    view = View(for_region("16.06"), "id")  # Muba: all three report charts
    for draw in (view.coverage_chart, view.fan_chart, view.over_time_chart):
        picture = _picture(*draw())
        svg = base64.b64decode(picture["uri"].split(",", 1)[1]).decode()
        root = ET.fromstring(svg)
        sizes = [float(text.get("font-size")) for text in root.iter(f"{SVG}text")]
        assert picture["smallest_text_px"] == min(sizes) == SMALL_PX
        natural_px = float(root.get("width"))  # user units are CSS pixels
        # At its minimum width the smallest text is drawn at least SMALLEST_LEGIBLE_PX high.
        assert picture["min_width"] / natural_px * picture["smallest_text_px"] >= SMALLEST_LEGIBLE_PX - 0.01


def test_two_figures_for_one_date_do_not_print_over_each_other():
    # The nation's October 2025: 37,01% and 42% (a conflict the quality box names). The higher label
    # sits above its point, the lower one below its own.
    region = pd.DataFrame(
        {
            "year": [2025.25, 2025.75, 2025.75],
            "coverage": [35.68, 37.01, 42.0],
            "text": ["35,68%", "37,01%", "42%"],
            "new_basis": [False, False, False],
        }
    )
    chart = coverage_over_time(
        region,
        region.iloc[:0][["year", "coverage"]],
        "Judul",
        {"region": "Indonesia", "national": "", "new_basis": ""},
        "id",
    )
    labels = {
        text: float(attributes["y"])
        for tag, attributes, text in chart.shapes
        if tag == "text" and text in ("37,01%", "42%")
    }
    markers = [
        float(attributes["cy"]) for tag, attributes, _ in chart.shapes if tag == "circle" and attributes["r"] == "4.5"
    ]
    low_point, high_point = max(markers[1:]), min(markers[1:])  # October's two; SVG y grows downward
    assert labels["42%"] < high_point and labels["37,01%"] > low_point
