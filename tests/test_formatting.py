"""Tests for ucjlib.formatting: Indonesian (default) and English output."""

import pytest

from ucjlib.formatting import format_date, format_number, format_percent, format_points, format_rupiah

NAN = float("nan")


@pytest.mark.parametrize(
    "value, language, decimals, expected",
    [
        (66234, "id", 0, "66.234"),
        (66234, "en", 0, "66,234"),
        (1_149_447, "id", 0, "1.149.447"),
        (1_149_447, "en", 0, "1,149,447"),
        (88993.42, "id", 2, "88.993,42"),  # Binjai uncovered: 132.826 × 0,67
        (88993.42, "en", 2, "88,993.42"),
        (88993.42, "id", 0, "88.993"),
        (2.5, "id", 1, "2,5"),
        (7500, "id", 0, "7.500"),
        (0, "id", 0, "0"),
        (999, "id", 0, "999"),
    ],
)
def test_format_number(value, language, decimals, expected):
    assert format_number(value, language, decimals) == expected


@pytest.mark.parametrize(
    "points, language, decimals, expected",
    [
        (36.4791, "id", 2, "36,48%"),  # Labuhanbatu 66.234 ÷ 181.567
        (36.4791, "en", 2, "36.48%"),
        (38.39, "id", 2, "38,39%"),
        (20, "id", 0, "20%"),
        (32.15, "id", 0, "32%"),
        (100, "id", 2, "100,00%"),
    ],
)
def test_format_percent(points, language, decimals, expected):
    assert format_percent(points, language, decimals) == expected


@pytest.mark.parametrize(
    "points, language, expected",
    [
        (15.67, "id", "15,67 poin persentase"),  # 52,15 − 36,48
        (15.67, "en", "15.67 percentage points"),
        (20, "id", "20,00 poin persentase"),
    ],
)
def test_format_points(points, language, expected):
    assert format_points(points, language) == expected


@pytest.mark.parametrize(
    "amount, language, expected",
    [
        (1_500_000_000, "id", "Rp1,5 miliar"),
        (1_500_000_000, "en", "Rp1.5 billion"),
        (837_000_000, "id", "Rp837 juta"),
        (837_000_000, "en", "Rp837 million"),
        (16_800, "id", "Rp16.800"),
        (16_800, "en", "Rp16,800"),
        (8_400, "id", "Rp8.400"),
        (201_600, "id", "Rp201.600"),  # 16.800 × 12
        (42_000_000, "id", "Rp42 juta"),
        (1_000_000, "id", "Rp1 juta"),
        (2_000_000_000, "id", "Rp2 miliar"),
        (105_200_000_000, "id", "Rp105,2 miliar"),
        (1_260_000_000, "id", "Rp1,3 miliar"),  # 1,26 to one decimal
        (2_500_000_000_000, "id", "Rp2,5 triliun"),
        (2_500_000_000_000, "en", "Rp2.5 trillion"),
    ],
)
def test_format_rupiah(amount, language, expected):
    assert format_rupiah(amount, language) == expected


def test_format_rupiah_drops_zero_decimal_after_rounding():
    # 837,04 juta to one decimal is 837,0 → shown like the whole amount
    assert format_rupiah(837_040_000) == "Rp837 juta"


@pytest.mark.parametrize(
    "points, language, expected",
    # 52,15 to one decimal is 52,2 whether halves round up or to even (1 is odd)
    [(52.15, "id", "52,2%"), (52.15, "en", "52.2%"), (0.35, "id", "0,4%")],
)
def test_format_percent_rounds_printed_halves(points, language, expected):
    assert format_percent(points, language, decimals=1) == expected


def test_format_rupiah_more_decimals():
    assert format_rupiah(2_016_000_000, decimals=3) == "Rp2,016 miliar"  # 10.000 × 16.800 × 12


@pytest.mark.parametrize("formatter", [format_number, format_percent, format_rupiah])
@pytest.mark.parametrize("missing", [NAN, None])
@pytest.mark.parametrize("language", ["id", "en"])
def test_missing_is_dash(formatter, missing, language):
    assert formatter(missing, language) == "–"


def test_format_points_missing_is_dash():
    assert format_points(NAN) == "–"


@pytest.mark.parametrize(
    "iso, language, expected",
    [
        ("2025-04-22", "id", "22 April 2025"),
        ("2025-04-22", "en", "22 April 2025"),
        ("2025-12-08", "id", "8 Desember 2025"),
        ("2025-12", "id", "Desember 2025"),
        ("2025-12", "en", "December 2025"),
        ("2025", "id", "2025"),
        ("2024-01/2025-03", "id", "Januari 2024 – Maret 2025"),
        ("2024-01/2025-03", "en", "January 2024 – March 2025"),
        ("../2024", "id", "sampai 2024"),
    ],
)
def test_format_date(iso, language, expected):
    assert format_date(iso, language) == expected


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_number(1, "fr"),
        lambda: format_percent(1.0, "ID"),
        lambda: format_points(1.0, "fr"),
        lambda: format_rupiah(16_800, "fr"),
        lambda: format_rupiah(1_500_000_000, "de"),
        lambda: format_date("2025-04-22", "fr"),
    ],
)
def test_invalid_language_raises(call):
    with pytest.raises(ValueError, match="language"):
        call()
