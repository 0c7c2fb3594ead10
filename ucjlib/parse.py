"""Read figures and dates as Indonesian news prints them.

Numbers are read by Babel's ``id_ID`` locale in strict mode ("." groups thousands, ","
marks decimals; "31.9" is rejected with the readings it could mean). What no library
covers is written here: scale words, approximations, ranges, number words and the
ambiguity of "231,145".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from babel.dates import get_day_names, get_month_names
from babel.numbers import NumberFormatError, parse_decimal

from .errors import ParseError

# Multipliers for scale words. Single letters are only read after "Rp" ("Rp2,3 M").
_SCALE_WORDS = {"ribu": 10**3, "rb": 10**3, "juta": 10**6, "jt": 10**6, "miliar": 10**9, "milyar": 10**9, "triliun": 10**12}
_RUPIAH_SCALE_LETTERS = {"m": 10**9, "t": 10**12}

# Approximation words and the kind of bound they express.
_APPROX_PREFIXES = {
    "kurang lebih": "about", "sekitar": "about", "kira-kira": "about", "±": "about", "~": "about",
    "lebih dari": "at_least", "di atas": "at_least", "hampir": "at_most", "kurang dari": "at_most",
}
_APPROX_SUFFIXES = {"lebih": "at_least", "an": "about"}  # "Rp837 juta lebih", "2jtan", "5 ribuan"

_NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10,
}

_RANGE_SEPARATOR = re.compile(r"\s*(?:–|—|-|s\.d\.|s/d|sampai|hingga)\s*")
# "231,145": English thousands or an Indonesian decimal with three places? Refuse to guess.
_AMBIGUOUS_COMMA = re.compile(r"^[1-9]\d{0,2},\d{3}$")


@dataclass(frozen=True)
class Figure:
    """A parsed figure.

    ``kind`` is ``"percent"``, ``"rupiah"`` or ``"number"``; ``approximate`` is set for
    approximations and ranges; ``bound`` says how an approximation relates to the value
    (``"about"``, ``"at_least"``, ``"at_most"``, ``"range"`` or ``None`` when exact).
    """

    value: float
    kind: str
    approximate: bool = False
    bound: str | None = None


def parse_number(text: str) -> float:
    """Parse a plain Indonesian number ("66.234", "36,48", "lima").

    Examples
    --------
    >>> parse_number("66.234")
    66234.0
    >>> parse_number("36,48")
    36.48
    >>> parse_number("31.9")
    Traceback (most recent call last):
    ...
    ucjlib.errors.ParseError: '31.9' is not an Indonesian number: '.' groups thousands and ',' marks decimals. Did you mean '319' or '31,9'?
    """
    core = " ".join(str(text).split())
    if core.lower() in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[core.lower()])
    if _AMBIGUOUS_COMMA.match(core):
        whole, frac = core.split(",")
        raise ParseError(
            f"{text!r} is ambiguous: it reads as {whole},{frac} in Indonesian but as {whole}{frac} "
            f"in English. Write '{whole}.{frac}' for thousands or '{whole},{frac}0' for a decimal."
        )
    if not re.fullmatch(r"[0-9.,]+", core) or not re.search(r"\d", core):
        raise ParseError(f"{text!r} is not a number")
    try:
        value: Decimal = parse_decimal(core, locale="id_ID", strict=True)
    except NumberFormatError as err:
        hint = ""
        if getattr(err, "suggestions", None):
            hint = " Did you mean " + " or ".join(repr(s) for s in err.suggestions) + "?"
        raise ParseError(
            f"{text!r} is not an Indonesian number: '.' groups thousands and ',' marks decimals.{hint}"
        ) from None
    return float(value)


def _strip_approximation(text: str) -> tuple[str, str | None]:
    lowered = text.lower()
    for word, bound in _APPROX_PREFIXES.items():
        if lowered.startswith(word):
            return text[len(word):].strip(), bound
    for word, bound in _APPROX_SUFFIXES.items():
        if lowered.endswith(" " + word) or (word == "an" and re.search(r"\d\s*(?:rb|jt|ribu|juta|miliar)?an$", lowered)):
            return text[: -len(word)].strip(), bound
    return text, None


def _strip_kind(text: str) -> tuple[str, str]:
    if text.endswith("%"):
        return text[:-1].strip(), "percent"
    if text.lower().endswith(" persen"):
        return text[: -len(" persen")].strip(), "percent"
    match = re.match(r"^rp\.?\s*", text, flags=re.IGNORECASE)
    if match:
        return text[match.end():].strip(), "rupiah"
    return text, "number"


def _strip_scale(text: str, kind: str) -> tuple[str, int]:
    parts = text.rsplit(None, 1)
    word = parts[-1].lower() if parts else ""
    glued = re.fullmatch(r"([0-9.,]+)(" + "|".join(_SCALE_WORDS) + ")", text.lower())
    if glued:
        return glued.group(1), _SCALE_WORDS[glued.group(2)]
    if len(parts) == 2 and word in _SCALE_WORDS:
        return parts[0], _SCALE_WORDS[word]
    if len(parts) == 2 and kind == "rupiah" and word in _RUPIAH_SCALE_LETTERS:
        return parts[0], _RUPIAH_SCALE_LETTERS[word]
    return text, 1


def parse_figure(text: str) -> Figure:
    """Parse a figure as printed: percent, rupiah or count, with scale words,
    approximations and ranges.

    Raises :class:`~ucjlib.errors.ParseError` quoting the text when it is malformed or
    ambiguous.

    Examples
    --------
    >>> parse_figure("36,48%")
    Figure(value=36.48, kind='percent', approximate=False, bound=None)
    >>> parse_figure("Rp105,2 miliar").value
    105200000000.0
    >>> parse_figure("sekitar 89.300")
    Figure(value=89300.0, kind='number', approximate=True, bound='about')
    >>> parse_figure("lebih dari 45 ribu")
    Figure(value=45000.0, kind='number', approximate=True, bound='at_least')
    >>> parse_figure("66–67 persen")
    Figure(value=66.5, kind='percent', approximate=True, bound='range')
    """
    original = text
    cleaned = " ".join(str(text).replace("\u00a0", " ").split())
    if not cleaned:
        raise ParseError(f"the value {original!r} is empty: write the figure as printed, e.g. '36,48%' or 'Rp1,5 miliar'")
    cleaned, bound = _strip_approximation(cleaned)
    cleaned, kind = _strip_kind(cleaned)
    if kind == "number":  # "Rp" may follow an approximation word: "sekitar Rp5 miliar"
        cleaned, kind = _strip_kind(cleaned)
    cleaned, scale = _strip_scale(cleaned, kind)
    pieces = _RANGE_SEPARATOR.split(cleaned)
    if len(pieces) > 1 and not all(pieces):
        raise ParseError(f"cannot read {original!r}: a dash needs a number on both sides (a range 'low–high'); counts cannot be negative")
    try:
        numbers = [parse_number(p) for p in pieces]
    except ParseError as err:
        raise ParseError(f"cannot read {original!r}: {err}") from None
    if len(numbers) == 2 and numbers[0] <= numbers[1] and bound is None:
        return Figure((numbers[0] + numbers[1]) / 2 * scale, kind, True, "range")
    if len(numbers) != 1:
        raise ParseError(f"cannot read {original!r}: expected one number or a range 'low–high'")
    value = numbers[0] * scale
    return Figure(round(value, 6), kind, bound is not None, bound)


def printed_decimals(text: str) -> int:
    """Decimal places a figure was printed with.

    Examples
    --------
    >>> printed_decimals("36,48%"), printed_decimals("33%"), printed_decimals("sekitar 7,98 persen")
    (2, 0, 2)
    """
    digits = re.sub(r"[^0-9,]", "", str(text))
    return len(digits.rsplit(",", 1)[1]) if "," in digits else 0


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
    cleaned = " ".join(str(text).replace(",", " ").split()).lower()
    day_name = None
    first = cleaned.split(" ", 1)[0] if cleaned else ""
    if first in _DAYS:
        day_name = first
        cleaned = cleaned[len(first):].strip()
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
    >>> parse_period("2025-13")
    Traceback (most recent call last):
    ...
    ucjlib.errors.ParseError: '2025-13' is not a date or period: use 2025, 2025-04, 2025-04-22, 2024-01/2025-03 or an Indonesian date
    """
    cleaned = str(text).strip()
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
                f"{text!r} is not a date or period: use 2025, 2025-04, 2025-04-22, 2024-01/2025-03 or an Indonesian date"
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


def period_start(part: str) -> dt.date:
    """First day of an ISO year, month or date."""
    pieces = [int(p) for p in part.split("-")] + [1, 1]
    return dt.date(pieces[0], pieces[1], pieces[2])


def period_end(period: str) -> dt.date:
    """Last day covered by a normalised period (its end for an interval).

    Examples
    --------
    >>> period_end("2025")
    datetime.date(2025, 12, 31)
    >>> period_end("2024-01/2025-03")
    datetime.date(2025, 3, 31)
    """
    last = period.split("/")[-1]
    pieces = [int(p) for p in last.split("-")]
    if len(pieces) == 3:
        return dt.date(*pieces)
    if len(pieces) == 2:
        following = dt.date(pieces[0] + pieces[1] // 12, pieces[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(pieces[0], 12, 31)
