"""Read figures and dates as news prints them.

Numbers follow a number convention (:mod:`ucjlib.data.numerals`): Indonesian print by default
("." groups thousands, "," marks decimals), English for English-language outlets. What
no library covers is written here: scale words, approximations, ranges, number words,
and the rules that settle a separator when only one reading is possible (a scale word
after "2,145"; a percent that cannot exceed 100 for "27.5"). Every such rule is recorded
in :attr:`Figure.reading`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from babel.dates import get_day_names, get_month_names

from ucjlib.data.numerals import Convention, ascii_digits, convention, read_number
from ucjlib.errors import AmbiguousNumber, ParseError
from ucjlib.periods import period_start


@dataclass(frozen=True)
class _Words:
    """The words one language prints around numbers."""

    scale: dict[str, int]
    rupiah_scale_letters: dict[str, int]  # only after "Rp": "Rp2,3 M", "Rp5,7M"
    approx_prefixes: dict[str, str]  # word → bound
    approx_suffixes: dict[str, str]
    percent: tuple[str, ...]
    rupiah: re.Pattern
    numbers: dict[str, int]
    range_separator: re.Pattern
    an_suffix: bool = False  # the Indonesian "-an" of approximation: "512.000-an", "5 ribuan"


_WORDS = {
    "id": _Words(
        scale={
            "ribu": 10**3,
            "rb": 10**3,
            "juta": 10**6,
            "jt": 10**6,
            "miliar": 10**9,
            "milyar": 10**9,
            "triliun": 10**12,
        },
        rupiah_scale_letters={"m": 10**9, "t": 10**12},
        approx_prefixes={
            "kurang lebih": "about",
            "sekitar": "about",
            "kira-kira": "about",
            "±": "about",
            "~": "about",
            "lebih dari": "at_least",
            "di atas": "at_least",
            "hampir": "at_most",
            "mendekati": "at_most",  # "close to": approaching from below (issue 28 §1)
            "kurang dari": "at_most",
        },
        # "Rp837 juta lebih"; "lima besar" (the top five: a rank of five at most); "-an" is read by _APPROX_AN
        approx_suffixes={"lebih": "at_least", "besar": "at_most"},
        percent=("persen",),
        rupiah=re.compile(r"^rp\.?\s*", re.IGNORECASE),
        numbers={
            "satu": 1,
            "dua": 2,
            "tiga": 3,
            "empat": 4,
            "lima": 5,
            "enam": 6,
            "tujuh": 7,
            "delapan": 8,
            "sembilan": 9,
            "sepuluh": 10,
        },
        range_separator=re.compile(r"\s*(?:–|—|-|s\.d\.|s/d|sampai|hingga)\s*"),
        an_suffix=True,
    ),
    "en": _Words(
        scale={"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12},
        rupiah_scale_letters={},  # "M" is a million in English, a billion (miliar) in Indonesian: not read
        approx_prefixes={
            "approximately": "about",
            "about": "about",
            "around": "about",
            "roughly": "about",
            "±": "about",
            "~": "about",
            "more than": "at_least",
            "over": "at_least",
            "at least": "at_least",
            "nearly": "at_most",
            "almost": "at_most",
            "less than": "at_most",
            "under": "at_most",
        },
        approx_suffixes={"or more": "at_least"},
        percent=("percent", "per cent"),
        rupiah=re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE),
        numbers={
            "one": 1,
            "two": 2,
            "three": 3,
            "four": 4,
            "five": 5,
            "six": 6,
            "seven": 7,
            "eight": 8,
            "nine": 9,
            "ten": 10,
        },
        range_separator=re.compile(r"\s*(?:–|—|-)\s*|\s+to\s+"),
    ),
}

# The Indonesian "-an" suffix of approximation: "512.000-an", "5 ribuan", "2jtan", "1,2 juta-an".
_APPROX_AN = re.compile(r"\d(?:\s*(?:rb|jt|ribu|juta|miliar|milyar|triliun))?(-?an)$")


@dataclass(frozen=True)
class Figure:
    """A parsed figure.

    ``kind`` is ``"percent"``, ``"rupiah"`` or ``"number"``; ``approximate`` is set for
    approximations and ranges; ``bound`` says how an approximation relates to the value
    (``"about"``, ``"at_least"``, ``"at_most"``, ``"range"`` or ``None`` when exact).
    ``reading`` is empty for an ordinary figure; otherwise it names, separated by "; ",
    how the text was read: ``"full-width digits"`` (normalised to 0–9), ``"en
    convention"`` (English separators, from the source), or the rule that settled an
    ambiguous separator, e.g. ``"dot-decimal (unit range)"`` or
    ``"comma-decimal (scale word)"``. ``ends`` are a printed range's two ends ("40–45 persen").
    """

    value: float
    kind: str
    approximate: bool = False
    bound: str | None = None
    reading: str = ""
    ends: tuple[float, float] | None = field(default=None, repr=False, compare=False)


def printed_range(text: str) -> tuple[float, float] | None:
    """The two ends of a figure printed as a range, else None.

    >>> printed_range("40–45 persen"), printed_range("36,48%")
    ((40.0, 45.0), None)
    """
    try:
        return parse_figure(text).ends
    except ParseError:
        return None


def parse_number(text: str, number_convention: str = "id") -> float:
    """Parse a plain number ("66.234", "36,48", "lima"); Indonesian print unless
    ``number_convention`` is ``"en"``.

    Examples
    --------
    >>> parse_number("66.234")
    66234.0
    >>> parse_number("36,48")
    36.48
    >>> parse_number("412,530", "en")
    412530.0
    >>> parse_number("31.9")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ucjlib.errors.ParseError: '31.9' is not an Indonesian number: ... Did you mean '319' or '31,9'?
    """
    conv = convention(number_convention)
    core = " ".join(ascii_digits(text)[0].split())
    words = _WORDS[conv.code].numbers
    if core.lower() in words:
        return float(words[core.lower()])
    try:
        return float(read_number(core, conv))
    except AmbiguousNumber as err:
        raise ParseError(str(err)) from None  # the readings matter only to parse_figure


@functools.cache
def _prefix(word: str) -> re.Pattern:
    """An approximation word at the start of a figure (compiled once: the build reads every row)."""
    return re.compile(rf"{re.escape(word)}(?![a-z])")


def _strip_approximation(text: str, words: _Words) -> tuple[str, str | None]:
    lowered = text.lower()
    for word, bound in words.approx_prefixes.items():
        if _prefix(word).match(lowered):
            return text[len(word) :].strip(), bound
    for word, bound in words.approx_suffixes.items():
        if lowered.endswith(" " + word):
            return text[: -len(word)].strip(), bound
    if words.an_suffix and (match := _APPROX_AN.search(lowered)):
        return text[: -len(match.group(1))].strip(), "about"
    return text, None


def _strip_kind(text: str, words: _Words) -> tuple[str, str]:
    if text.endswith("%"):
        return text[:-1].strip(), "percent"
    for word in words.percent:
        if text.lower().endswith(" " + word):
            return text[: -len(word)].strip(), "percent"
    match = words.rupiah.match(text)
    if match:
        return text[match.end() :].strip(), "rupiah"
    return text, "number"


def _strip_scale(text: str, kind: str, words: _Words) -> tuple[str, int]:
    scales = words.scale | (words.rupiah_scale_letters if kind == "rupiah" else {})
    glued = re.fullmatch(r"(.*\d)([a-z]+)", text.lower())  # "45rb", "2,5jt", "Rp5,7M"
    if glued and glued.group(2) in scales:
        return text[: len(glued.group(1))], scales[glued.group(2)]
    parts = text.rsplit(None, 1)
    if len(parts) == 2 and parts[1].lower() in scales:
        return parts[0], scales[parts[1].lower()]
    return text, 1


def _read_piece(piece: str, conv: Convention, words: _Words, scale: int, maximum: float | None) -> tuple[Decimal, str]:
    """One number of a figure and the rule that settled its reading ("" for none)."""
    if piece.lower() in words.numbers:
        return Decimal(words.numbers[piece.lower()]), ""
    try:
        return read_number(piece, conv), ""
    except AmbiguousNumber as err:
        decimal = next((r for r in err.readings if r.rule == conv.decimal_rule), None)
        if scale > 1 and decimal is not None:
            return decimal.value, f"{decimal.rule} (scale word)"  # "2,145 juta": nobody groups before "juta"
        if maximum is None:
            raise
        fitting = [r for r in err.readings if r.value * scale <= Decimal(str(maximum))]
        if len(fitting) == 1:
            return fitting[0].value, f"{fitting[0].rule} (unit range)"
        which = "both readings are" if fitting else "neither reading is"
        raise ParseError(f"{err} For this indicator, which cannot exceed {maximum:g}, {which} possible.") from None


def parse_figure(text: str, number_convention: str = "id", maximum: float | None = None) -> Figure:
    """Parse a figure as printed: percent, rupiah or count, with scale words,
    approximations and ranges.

    ``number_convention`` is the source's (``"id"``, the default, or ``"en"``).
    ``maximum`` is the indicator's largest possible value (100 for a percentage): text
    with two readings is accepted when only one of them stays within it, and the rule is
    recorded in :attr:`Figure.reading`. Raises :class:`~ucjlib.errors.ParseError` quoting
    the text when it is malformed or stays ambiguous.

    Examples
    --------
    >>> parse_figure("36,48%")
    Figure(value=36.48, kind='percent', approximate=False, bound=None, reading='')
    >>> parse_figure("Rp105,2 miliar").value
    105200000000.0
    >>> parse_figure("sekitar 89.300")
    Figure(value=89300.0, kind='number', approximate=True, bound='about', reading='')
    >>> parse_figure("lebih dari 45 ribu")
    Figure(value=45000.0, kind='number', approximate=True, bound='at_least', reading='')
    >>> parse_figure("66–67 persen")
    Figure(value=66.5, kind='percent', approximate=True, bound='range', reading='')
    >>> parse_figure("512.000-an")
    Figure(value=512000.0, kind='number', approximate=True, bound='about', reading='')
    >>> parse_figure("Rp2,145 miliar")
    Figure(value=2145000000.0, kind='rupiah', approximate=False, bound=None, reading='comma-decimal (scale word)')
    >>> parse_figure("27.5 persen", maximum=100)
    Figure(value=27.5, kind='percent', approximate=False, bound=None, reading='dot-decimal (unit range)')
    >>> parse_figure("nearly 412,530", "en")
    Figure(value=412530.0, kind='number', approximate=True, bound='at_most', reading='en convention')
    """
    original = text
    conv = convention(number_convention)
    words = _WORDS[conv.code]
    text, full_width = ascii_digits(text)
    cleaned = " ".join(text.replace("\u00a0", " ").split())
    if not cleaned:
        raise ParseError(
            f"the value {original!r} is empty: write the figure as printed, e.g. '36,48%' or 'Rp1,5 miliar'"
        )
    cleaned, bound = _strip_approximation(cleaned, words)
    cleaned, kind = _strip_kind(cleaned, words)
    if kind == "number":  # "Rp" may follow an approximation word: "sekitar Rp5 miliar"
        cleaned, kind = _strip_kind(cleaned, words)
    cleaned, scale = _strip_scale(cleaned, kind, words)
    pieces = words.range_separator.split(cleaned)
    if len(pieces) > 1 and not all(pieces):
        raise ParseError(
            f"cannot read {original!r}: a dash needs a number on both sides (a range 'low–high'); "
            "counts cannot be negative"
        )
    try:
        read = [_read_piece(piece, conv, words, scale, maximum) for piece in pieces]
    except ParseError as err:
        raise ParseError(f"cannot read {original!r}: {err}") from None
    numbers = [number for number, _ in read]
    notes = ["full-width digits"] if full_width else []
    if conv.code != "id" and re.search(r"\d[.,]\d", cleaned):
        notes.append(f"{conv.code} convention")
    notes += dict.fromkeys(rule for _, rule in read if rule)  # each rule once, in order
    reading = "; ".join(notes)
    if len(numbers) == 2 and numbers[0] <= numbers[1] and bound is None:
        return Figure(
            float((numbers[0] + numbers[1]) / 2 * scale),
            kind,
            True,
            "range",
            reading,
            (float(numbers[0] * scale), float(numbers[1] * scale)),
        )
    if len(numbers) != 1:
        raise ParseError(f"cannot read {original!r}: expected one number or a range 'low–high'")
    return Figure(float(numbers[0] * scale), kind, bound is not None, bound, reading)


def printed_decimals(text: str, decimal_mark: str | None = None) -> int:
    """Decimal places a figure was printed with.

    The decimal mark is "," (Indonesian print) unless given, or unless the text has no
    comma and a final "." that cannot group thousands ("27.5%", "18.75 percent"), which
    the build accepts only under a recorded rule or an English source.

    Examples
    --------
    >>> printed_decimals("36,48%"), printed_decimals("33%"), printed_decimals("sekitar 7,98 persen")
    (2, 0, 2)
    >>> printed_decimals("7.500"), printed_decimals("27.5 persen"), printed_decimals("36.480 percent", ".")
    (0, 1, 3)
    """
    digits = re.sub(r"[^0-9.,]", "", str(text))
    if decimal_mark is None:
        decimal_mark = "." if "," not in digits and re.search(r"\.(?:\d{1,2}|\d{4,})$", digits) else ","
    return len(digits.rsplit(decimal_mark, 1)[1]) if decimal_mark in digits else 0


def printed_step(text: str) -> float:
    """The unit of the last digit a figure was printed with: a printed figure stands for
    any value within half a step of it.

    Examples
    --------
    >>> printed_step("36,48%"), printed_step("33%"), printed_step("66.234")
    (0.01, 1.0, 1.0)
    >>> printed_step("23 ribu"), printed_step("2,145 juta"), printed_step("45rb")
    (1000.0, 1000.0, 1000.0)
    """
    lowered = str(text).lower()
    scale = 1
    for words in _WORDS.values():
        for word, factor in words.scale.items():
            if re.search(rf"\d\s*{word}(?:-?an)?\b", lowered):
                scale = max(scale, factor)
    return round(scale / 10 ** printed_decimals(text), 12)


_MONTHS = {name.lower(): number for number, name in get_month_names("wide", locale="id").items()}
_MONTHS |= {name.lower(): number for number, name in get_month_names("abbreviated", locale="id").items()}
_MONTHS |= {"nopember": 11, "pebruari": 2, "agust": 8, "sept": 9}  # older spellings seen in print
_DAYS = {name.lower(): number for number, name in get_day_names("wide", locale="id").items()}
_DAYS |= {"jum'at": 4, "minggu": 6, "ahad": 6}

_NUMERIC_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_WORDED_DATE = re.compile(r"^(\d{1,2})\s+([a-z']+)\.?\s+(\d{4})$")


def parse_date(text: str) -> dt.date:
    """Parse an Indonesian date: "Selasa (16/9/2025)", "8 Desember 2025",
    "Rabu, 23 April 2025", "(19/10/2024)" or ISO "2025-04-22".

    A day name that does not match the date is an error, since one of the two is a typo.
    Full-width digits are read as 0–9; other non-ASCII digits are refused.

    Examples
    --------
    >>> parse_date("Selasa (16/9/2025)")
    datetime.date(2025, 9, 16)
    >>> parse_date("Rabu, 23 April 2025")
    datetime.date(2025, 4, 23)
    >>> parse_date("Jumat (19/10/2024)")
    Traceback (most recent call last):
    ...
    ucjlib.errors.ParseError: 'Jumat (19/10/2024)' names Jumat, but 2024-10-19 is a Sabtu: check which one is right
    """
    original = text
    cleaned = " ".join(ascii_digits(text)[0].replace(",", " ").split()).lower()
    day_name = None
    first = cleaned.split(" ", 1)[0] if cleaned else ""
    if first in _DAYS:
        day_name = first
        cleaned = cleaned[len(first) :].strip()
    cleaned = cleaned.strip("()").strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned):
            date = dt.date.fromisoformat(cleaned)
        elif match := _NUMERIC_DATE.match(cleaned):
            day, month, year = (int(g) for g in match.groups())
            date = dt.date(year + 2000 if year < 100 else year, month, day)
        elif (match := _WORDED_DATE.match(cleaned)) and match.group(2) in _MONTHS:
            date = dt.date(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
        else:
            raise ParseError(
                f"{original!r} is not a date: write it as '8 Desember 2025', 'Selasa (16/9/2025)' or '2025-12-08'"
            )
    except ValueError as err:
        if isinstance(err, ParseError):
            raise
        raise ParseError(f"{original!r} is not a valid date ({err})") from None
    if day_name is not None and _DAYS[day_name] != date.weekday():
        actual = next(name for name, number in _DAYS.items() if number == date.weekday() and name[0].isalpha())
        raise ParseError(
            f"{original!r} names {day_name.capitalize()}, but {date.isoformat()} is a {actual.capitalize()}: "
            "check which one is right"
        )
    return date


_PERIOD_PART = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def parse_period(text: str) -> str:
    """Normalise an ``as_of`` value to ISO: a date, a month ``2025-04``, a year ``2025``,
    an interval ``2024-01/2025-03`` (``..`` for an open start), or an Indonesian date.

    Examples
    --------
    >>> parse_period("2024-01/2025-03")
    '2024-01/2025-03'
    >>> parse_period("8 Desember 2025")
    '2025-12-08'
    >>> parse_period("２０２５-０４-２２")
    '2025-04-22'
    >>> parse_period("2025-13")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ucjlib.errors.ParseError: '2025-13' is not a date or period: use 2025, 2025-04, ... or an Indonesian date
    """
    cleaned = ascii_digits(text)[0].strip()
    if re.search(r"[A-Za-z(]", cleaned):  # an Indonesian date, perhaps with a day name
        return parse_date(cleaned).isoformat()
    parts = cleaned.split("/") if "/" in cleaned and not _NUMERIC_DATE.match(cleaned) else [cleaned]
    if len(parts) > 2:
        raise ParseError(f"{text!r} is not a date or period: an interval has one '/'")
    out = []
    for i, part in enumerate(parts):
        if part == ".." and i == 0 and len(parts) == 2:
            out.append(part)
        elif _PERIOD_PART.match(part) and _valid_iso_prefix(part):
            out.append(part)
        elif len(parts) == 1 and not _PERIOD_PART.match(part):
            return parse_date(part).isoformat()
        else:
            raise ParseError(
                f"{text!r} is not a date or period: use 2025, 2025-04, 2025-04-22, 2024-01/2025-03 "
                "or an Indonesian date"
            )
    if len(out) == 2 and out[0] != ".." and period_start(out[0]) > period_start(out[1]):
        raise ParseError(f"{text!r} ends before it starts")
    return "/".join(out)


def _valid_iso_prefix(part: str) -> bool:
    try:
        period_start(part)
    except ValueError:
        return False
    return True
