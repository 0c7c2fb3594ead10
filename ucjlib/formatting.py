"""Write numbers for readers: Indonesian by default (``36,48%``, ``Rp1,5 miliar``),
English on request (``36.48%``, ``Rp1.5 billion``)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from ucjlib.i18n import LANGUAGES, N_, gettext_for
from ucjlib.periods import period_start

_LOCALES = {"id": "id_ID", "en": "en_US"}
_SCALES = {
    "id": [(10**12, "triliun"), (10**9, "miliar"), (10**6, "juta")],
    "en": [(10**12, "trillion"), (10**9, "billion"), (10**6, "million")],
}


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _locale(language: str) -> str:
    if language not in _LOCALES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    return _LOCALES[language]


def format_number(value: float, language: str = "id", decimals: int = 0) -> str:
    """Format a number with the language's separators.

    Examples
    --------
    >>> format_number(66234)
    '66.234'
    >>> format_number(66234, "en")
    '66,234'
    >>> format_number(2.5, decimals=1)
    '2,5'
    """
    if _missing(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    # Round half up on the decimal text (52.15 → 52,2), not on the binary float (52.1499…).
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return format_decimal(rounded, format=pattern, locale=_locale(language))


def format_percent(points: float, language: str = "id", decimals: int = 2) -> str:
    """Format a percentage given in points (36.48 means 36,48%).

    Examples
    --------
    >>> format_percent(36.4791)
    '36,48%'
    >>> format_percent(36.4791, "en")
    '36.48%'
    >>> format_percent(20, decimals=0)
    '20%'
    """
    if _missing(points):
        return "–"
    return format_number(points, language, decimals) + "%"


def format_points(points: float, language: str = "id", decimals: int = 2) -> str:
    """Format a difference in percentage points.

    Examples
    --------
    >>> format_points(15.67)
    '15,67 poin persentase'
    >>> format_points(15.67, "en")
    '15.67 percentage points'
    """
    if _missing(points):
        return "–"
    unit = "poin persentase" if language == "id" else "percentage points"
    return f"{format_number(points, language, decimals)} {unit}"


def format_rupiah(amount: float, language: str = "id", decimals: int = 1) -> str:
    """Format rupiah with a scale word from a million up.

    Examples
    --------
    >>> format_rupiah(1_500_000_000)
    'Rp1,5 miliar'
    >>> format_rupiah(1_500_000_000, "en")
    'Rp1.5 billion'
    >>> format_rupiah(16_800)
    'Rp16.800'
    >>> format_rupiah(837_000_000)
    'Rp837 juta'
    """
    if _missing(amount):
        return "–"
    _locale(language)
    for size, word in _SCALES[language]:
        if abs(amount) >= size:
            scaled = amount / size
            shown = format_number(scaled, language, decimals)
            if decimals and shown.endswith(("," if language == "id" else ".") + "0" * decimals):
                shown = shown[: -decimals - 1]
            return f"Rp{shown} {word}"
    return f"Rp{format_number(amount, language)}"


# Decimals a unit's numbers are shown with where no printed figure says otherwise; other units whole.
UNIT_DECIMALS = {"percent": 2, "points": 2, "months": 1}


def format_in_unit(value: float, unit: str, language: str = "id", decimals: int = 0) -> str:
    """A figure written with its unit's writer: percent with a sign, points in words, rupiah with a
    scale word (and that writer's decimals), any other unit as a bare number.

    Examples
    --------
    >>> format_in_unit(36.48, "percent", decimals=2), format_in_unit(20, "points", "en")
    ('36,48%', '20 percentage points')
    >>> format_in_unit(212_500_000, "rupiah"), format_in_unit(181_567, "persons")
    ('Rp212,5 juta', '181.567')
    """
    if unit == "percent":
        return format_percent(value, language, decimals)
    if unit == "points":
        return format_points(value, language, decimals)
    if unit == "rupiah":
        return format_rupiah(value, language)
    return format_number(value, language, decimals)


def format_rounded(value: float, unit: str, language: str = "id") -> str:
    """A recomputed figure bare (a table's unit column names its unit), rounded as its unit is
    usually shown (UNIT_DECIMALS); rupiah with a scale word.

    Examples
    --------
    >>> format_rounded(36.4791, "percent"), format_rounded(88_993.42, "persons"), format_rounded(2.25, "months", "en")
    ('36,48', '88.993', '2.3')
    >>> format_rounded(584_825_439.74, "rupiah"), format_rounded(float("nan"), "persons")
    ('Rp584,8 juta', '–')
    """
    if unit == "rupiah":
        return format_rupiah(value, language)
    return format_number(value, language, UNIT_DECIMALS.get(unit, 0))


UP_TO = N_("up to %(date)s")


def format_date(iso: str, language: str = "id", short: bool = False) -> str:
    """Format an ISO date, month or year for readers (``short``: abbreviated months, for chart
    ticks); intervals keep their two ends.

    Examples
    --------
    >>> format_date("2025-04-22")
    '22 April 2025'
    >>> format_date("2025-12", "en"), format_date("2025-10", short=True)
    ('December 2025', 'Okt 2025')
    >>> format_date("2024-01/2025-03")
    'Januari 2024 – Maret 2025'
    >>> format_date("../2024"), format_date("../2025-05-15", "en")
    ('sampai 2024', 'up to 15 May 2025')
    """
    if "/" in iso:
        start, end = iso.split("/")
        if start == "..":  # some time up to the end date (the source says "now" or "recently")
            return gettext_for(language)(UP_TO) % {"date": format_date(end, language)}
        return f"{format_date(start, language)} – {format_date(end, language)}"
    pieces = iso.split("-")
    date = period_start(iso)
    pattern = {1: "yyyy", 2: "MMMM yyyy", 3: "d MMMM yyyy"}[len(pieces)]
    if short:
        pattern = pattern.replace("MMMM", "MMM")
    return _babel_date(date, format=pattern, locale=_locale(language))
