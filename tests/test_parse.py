"""Tests for ucjlib.parse: Indonesian figures, dates and periods.

Expected values are worked out by hand or taken from the seed articles.
"""

import datetime as dt
from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from ucjlib.errors import ParseError
from ucjlib.parse import Figure, parse_date, parse_figure, parse_number, parse_period, period_end, period_start


def id_number(value) -> str:
    """Format a number the Indonesian way with Babel ('.' thousands, ',' decimals)."""
    return format_decimal(value, locale="id_ID")


def by_hand(n: int) -> str:
    """Format an integer the Indonesian way without Babel."""
    return f"{n:,}".replace(",", ".")


# Decimals with at most two places: three places after a 1–3 digit whole part ("231,145")
# are ambiguous on purpose and tested separately.
two_places = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
percents = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)


# --- parse_number ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("66.234", 66234.0),  # Labuhanbatu participants
        ("181.567", 181567.0),
        ("1.149.447", 1149447.0),  # Lampung 2025 target
        ("7.500", 7500.0),  # 75 villages × 100 workers
        ("36,48", 36.48),
        ("88.993,42", 88993.42),  # Binjai uncovered
        ("0", 0.0),
        ("lima", 5.0),
        ("dua", 2.0),
        ("Sepuluh", 10.0),
    ],
)
def test_parse_number_examples(text, expected):
    assert parse_number(text) == expected


@given(st.integers(min_value=0, max_value=10**15))
def test_parse_number_roundtrips_babel_integers(n):
    assert parse_number(id_number(n)) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_parse_number_roundtrips_hand_formatted_integers(n):
    assert parse_number(by_hand(n)) == n


@given(two_places)
def test_parse_number_roundtrips_decimals(d):
    assert parse_number(id_number(d)) == float(d)


@given(st.integers(1, 999), st.integers(0, 999))
def test_three_decimal_places_after_short_whole_is_ambiguous(whole, frac):
    text = f"{whole},{frac:03d}"  # "231,145": 231,145 (id) or 231145 (en)?
    with pytest.raises(ParseError, match="ambiguous") as err:
        parse_number(text)
    assert repr(text) in str(err.value)


@pytest.mark.parametrize("text", ["", "abc", "-5", "12,3,4", "4.799.995.20", ".374.183.286.000", "1.2.3"])
def test_parse_number_rejects_malformed(text):
    with pytest.raises(ParseError) as err:
        parse_number(text)
    assert repr(text) in str(err.value)


def test_dot_decimal_suggests_both_readings():
    with pytest.raises(ParseError) as err:
        parse_number("31.9")
    message = str(err.value)
    assert "'31.9'" in message
    assert "319" in message and "31,9" in message


# --- parse_figure ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("36,48%", Figure(36.48, "percent")),
        ("36,48 persen", Figure(36.48, "percent")),
        ("38,39 %", Figure(38.39, "percent")),
        ("Rp16.800", Figure(16800.0, "rupiah")),
        ("Rp 16.800", Figure(16800.0, "rupiah")),
        ("Rp. 8.400", Figure(8400.0, "rupiah")),
        ("Rp1,5 miliar", Figure(1_500_000_000.0, "rupiah")),
        ("Rp837 juta", Figure(837_000_000.0, "rupiah")),
        ("Rp42 juta", Figure(42_000_000.0, "rupiah")),  # JKM death benefit
        ("Rp2,5 M", Figure(2_500_000_000.0, "rupiah")),
        ("Rp1 T", Figure(1_000_000_000_000.0, "rupiah")),
        ("Rp3 triliun", Figure(3_000_000_000_000.0, "rupiah")),
        ("Rp5 milyar", Figure(5_000_000_000.0, "rupiah")),
        ("45 ribu", Figure(45_000.0, "number")),
        ("45rb", Figure(45_000.0, "number")),
        ("2,5 jt", Figure(2_500_000.0, "number")),
        ("2,5jt", Figure(2_500_000.0, "number")),
        ("57,55 juta", Figure(57_550_000.0, "number")),  # BPJS 2025 participant target
        ("7.500", Figure(7500.0, "number")),
        ("dua", Figure(2.0, "number")),
        ("dua juta", Figure(2_000_000.0, "number")),
        ("lima persen", Figure(5.0, "percent")),
        ("66.234\u00a0", Figure(66234.0, "number")),  # no-break space from HTML
    ],
)
def test_parse_figure_exact(text, expected):
    assert parse_figure(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("sekitar 89.300", Figure(89300.0, "number", True, "about")),
        ("kurang lebih 45 ribu", Figure(45000.0, "number", True, "about")),
        ("kira-kira 20%", Figure(20.0, "percent", True, "about")),
        ("± 5 persen", Figure(5.0, "percent", True, "about")),
        ("lebih dari 45 ribu", Figure(45000.0, "number", True, "at_least")),
        ("di atas 50%", Figure(50.0, "percent", True, "at_least")),
        ("hampir 50%", Figure(50.0, "percent", True, "at_most")),
        ("kurang dari 10 persen", Figure(10.0, "percent", True, "at_most")),
        ("45 ribu lebih", Figure(45000.0, "number", True, "at_least")),
        ("sekitar Rp5 miliar", Figure(5_000_000_000.0, "rupiah", True, "about")),
        ("Sekitar 2 juta", Figure(2_000_000.0, "number", True, "about")),
    ],
)
def test_parse_figure_approximations(text, expected):
    assert parse_figure(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("66–67 persen", Figure(66.5, "percent", True, "range")),  # (66 + 67) / 2
        ("66-67%", Figure(66.5, "percent", True, "range")),
        ("66 sampai 67 persen", Figure(66.5, "percent", True, "range")),
        ("10 s.d. 20 ribu", Figure(15_000.0, "number", True, "range")),  # (10 + 20) / 2 × 1.000
        ("Rp1–2 miliar", Figure(1_500_000_000.0, "rupiah", True, "range")),
        ("9 hingga 10", Figure(9.5, "number", True, "range")),
    ],
)
def test_parse_figure_ranges(text, expected):
    assert parse_figure(text) == expected


@given(percents, st.sampled_from(["{}%", "{} %", "{} persen"]))
def test_percent_roundtrip(d, template):
    text = template.format(id_number(d))
    assert parse_figure(text) == Figure(float(d), "percent")


@given(st.integers(1, 999_999), st.sampled_from([("ribu", 10**3), ("juta", 10**6), ("miliar", 10**9), ("triliun", 10**12)]))
def test_rupiah_whole_with_scale_word_roundtrip(n, scale):
    word, size = scale
    assert parse_figure(f"Rp{id_number(n)} {word}") == Figure(float(n * size), "rupiah")


@given(st.decimals(min_value=Decimal("0.1"), max_value=999, places=1), st.sampled_from([("juta", 10**6), ("miliar", 10**9)]))
def test_rupiah_one_decimal_with_scale_word_roundtrip(d, scale):
    word, size = scale
    figure = parse_figure(f"Rp{id_number(d)} {word}")  # "Rp1,5 miliar"
    assert figure.kind == "rupiah" and not figure.approximate
    assert figure.value == pytest.approx(float(d * size), rel=1e-12)


@given(
    st.integers(0, 10**9),
    st.sampled_from(
        [("sekitar {}", "about"), ("lebih dari {}", "at_least"), ("hampir {}", "at_most"), ("{} lebih", "at_least")]
    ),
)
def test_approximation_roundtrip(n, template_bound):
    template, bound = template_bound
    assert parse_figure(template.format(id_number(n))) == Figure(float(n), "number", True, bound)


@given(st.integers(0, 99), st.integers(1, 100))
def test_range_roundtrip(low, width):
    high = low + width
    figure = parse_figure(f"{low}–{high} persen")
    assert figure == Figure((low + high) / 2, "percent", True, "range")


@pytest.mark.parametrize(
    "text, shown",
    [
        ("31.9", "'31.9'"),
        ("31.9%", "'31.9%'"),
        ("231,145", "'231,145'"),
        ("12,3,4%", "'12,3,4%'"),
        ("Rp4.799.995.20", "'Rp4.799.995.20'"),
        ("Rp .374.183.286.000", "'Rp .374.183.286.000'"),
        ("abc", "'abc'"),
        ("-5", "'-5'"),
        ("67–66 persen", "'67–66 persen'"),  # reversed range
        ("hampir 66–67 persen", "'hampir 66–67 persen'"),  # approximate range is not a range
        ("Rp", "'Rp'"),
    ],
)
def test_parse_figure_rejects_with_quoted_text(text, shown):
    with pytest.raises(ParseError) as err:
        parse_figure(text)
    assert shown in str(err.value)


def test_parse_figure_dot_decimal_suggests_readings():
    with pytest.raises(ParseError) as err:
        parse_figure("31.9")
    assert "319" in str(err.value) and "31,9" in str(err.value)


def test_parse_figure_ambiguous_comma_says_so():
    with pytest.raises(ParseError, match="ambiguous"):
        parse_figure("231,145")


@pytest.mark.parametrize("text", ["", "   ", "\u00a0"])
def test_parse_figure_empty(text):
    with pytest.raises(ParseError, match="empty"):
        parse_figure(text)


@pytest.mark.parametrize("text", ["–5", "5–"])
def test_parse_figure_rejects_dangling_dash(text):
    with pytest.raises(ParseError):
        parse_figure(text)


@settings(max_examples=200)
@given(st.text())
def test_parse_figure_fuzz_only_figure_or_parse_error(text):
    try:
        result = parse_figure(text)
    except ParseError:
        return
    assert isinstance(result, Figure)


# --- parse_date -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("Selasa (16/9/2025)", dt.date(2025, 9, 16)),  # 16 Sep 2025 was a Tuesday
        ("8 Desember 2025", dt.date(2025, 12, 8)),
        ("(19/10/2024)", dt.date(2024, 10, 19)),
        ("Rabu, 23 April 2025", dt.date(2025, 4, 23)),  # 23 Apr 2025 was a Wednesday
        ("Sabtu (19/10/2024)", dt.date(2024, 10, 19)),
        ("10 Nopember 2024", dt.date(2024, 11, 10)),
        ("14 Pebruari 2025", dt.date(2025, 2, 14)),
        ("17 Agustus 2025", dt.date(2025, 8, 17)),
        ("8 Des 2025", dt.date(2025, 12, 8)),
        ("16/9/25", dt.date(2025, 9, 16)),
        ("2025-04-22", dt.date(2025, 4, 22)),
        ("Jum'at, 18 Oktober 2024", dt.date(2024, 10, 18)),  # the day before a Saturday
        ("Minggu, 20 Oktober 2024", dt.date(2024, 10, 20)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_day_name_that_does_not_match_raises():
    # 19 Oct 2024: 1 Jan 2024 was a Monday, day 293 of the year, 292 = 41·7 + 5 → Saturday.
    with pytest.raises(ParseError) as err:
        parse_date("Jumat (19/10/2024)")
    assert "'Jumat (19/10/2024)'" in str(err.value)
    assert "Sabtu" in str(err.value)


@pytest.mark.parametrize("text", ["31/2/2025", "30 Februari 2024", "8 Desembr 2025", "kemarin", "", "2025-13-01"])
def test_parse_date_rejects(text):
    with pytest.raises(ParseError) as err:
        parse_date(text)
    assert repr(text) in str(err.value)


# --- parse_period, period_start, period_end ---------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025", "2025"),
        ("2025-04", "2025-04"),
        ("2025-04-22", "2025-04-22"),
        ("2024-01/2025-03", "2024-01/2025-03"),
        ("../2024", "../2024"),
        (" 2025 ", "2025"),
        ("8 Desember 2025", "2025-12-08"),
        ("(19/10/2024)", "2024-10-19"),
        ("Rabu, 23 April 2025", "2025-04-23"),
    ],
)
def test_parse_period(text, expected):
    assert parse_period(text) == expected


def test_parse_period_day_named_numeric_date():
    assert parse_period("Selasa (16/9/2025)") == "2025-09-16"


@pytest.mark.parametrize(
    "text", ["2025-13", "2025-02-30", "2025-03/2024-01", "2024/..", "2024/2025/2026", "2025-00", "abc"]
)
def test_parse_period_rejects(text):
    with pytest.raises(ParseError) as err:
        parse_period(text)
    assert repr(text) in str(err.value)


def test_reversed_interval_says_so():
    with pytest.raises(ParseError, match="ends before it starts"):
        parse_period("2025-03/2024-01")


@pytest.mark.parametrize(
    "part, expected",
    [("2025", dt.date(2025, 1, 1)), ("2025-04", dt.date(2025, 4, 1)), ("2025-04-22", dt.date(2025, 4, 22))],
)
def test_period_start(part, expected):
    assert period_start(part) == expected


@pytest.mark.parametrize(
    "period, expected",
    [
        ("2025", dt.date(2025, 12, 31)),
        ("2025-02", dt.date(2025, 2, 28)),
        ("2024-02", dt.date(2024, 2, 29)),  # leap year
        ("2025-11", dt.date(2025, 11, 30)),
        ("2025-12", dt.date(2025, 12, 31)),
        ("2025-04-22", dt.date(2025, 4, 22)),
        ("2024-01/2025-03", dt.date(2025, 3, 31)),
        ("../2024", dt.date(2024, 12, 31)),
    ],
)
def test_period_end(period, expected):
    assert period_end(period) == expected
