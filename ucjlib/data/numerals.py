"""Digits and separators: which characters count as digits, and how "." and "," are read.

A number convention says which separator groups thousands and which marks decimals:
``"id"`` (Indonesian print, the default: "66.234", "36,48") or ``"en"`` (English-language
outlets: "412,530", "18.75"). Numbers are read by Babel in strict mode for the
convention's locale. Two kinds of text have two readings and are never guessed here:

- three digits after the decimal mark of a short whole part ("231,145" in Indonesian
  print could be English thousands), and
- a grouping mark that groups nothing ("31.9" in Indonesian print: 319, or 31,9 with an
  English decimal point).

For those :func:`read_number` raises :class:`AmbiguousNumber`, which carries both
readings so that a caller who knows more (a scale word, the indicator's range) can pick
the only possible one and record which rule did.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.numbers import NumberFormatError, parse_decimal

from ucjlib.errors import AmbiguousNumber, ParseError

_NAMES = {".": "dot", ",": "comma"}


@dataclass(frozen=True)
class Convention:
    """How one language prints numbers."""

    code: str
    language: str
    locale: str
    group: str
    decimal: str

    @property
    def decimal_rule(self) -> str:
        """The name of the reading that takes the decimal mark as a decimal mark."""
        return f"{_NAMES[self.decimal]}-decimal"


CONVENTIONS = {
    "id": Convention("id", "Indonesian", "id_ID", group=".", decimal=","),
    "en": Convention("en", "English", "en_US", group=",", decimal="."),
}


def convention(code: str | None) -> Convention:
    """The convention for a code; empty or ``None`` means Indonesian.

    >>> convention("").language, convention("en").decimal
    ('Indonesian', '.')
    """
    key = (code or "id").strip().lower()
    if key not in CONVENTIONS:
        raise ParseError(f"number convention {code!r} is unknown: use 'id' (Indonesian print, the default) or 'en'")
    return CONVENTIONS[key]


@dataclass(frozen=True)
class Reading:
    """One way of reading a number: its value and the separator rule behind it
    (``"comma-decimal"``, ``"dot-thousands"`` …)."""

    value: Decimal
    rule: str


def ascii_digits(text: str) -> tuple[str, bool]:
    """Full-width characters ("２０２５", "％", "，") become ASCII by NFKC; any other digit
    outside 0–9 (Arabic-Indic, Devanagari, superscripts …) is refused.

    Returns the text and whether full-width characters were replaced.

    Examples
    --------
    >>> ascii_digits("３６，４８％")
    ('36,48%', True)
    >>> ascii_digits("٣٦")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ucjlib.errors.ParseError: '٣٦' contains '٣' (ARABIC-INDIC DIGIT THREE), a digit other than 0–9: ...
    """
    text = str(text)
    out, replaced = [], False
    for char in text:
        if "\uff01" <= char <= "\uff5e" or char == "\u3000":  # full-width forms, ideographic space
            out.append(unicodedata.normalize("NFKC", char))
            replaced = True
        elif char.isdigit() and not ("0" <= char <= "9"):
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            raise ParseError(
                f"{text!r} contains {char!r} ({name}), a digit other than 0–9: retype it with the digits 0–9"
            )
        else:
            out.append(char)
    return "".join(out), replaced


@functools.cache
def _locale(name: str) -> Locale:
    """Babel's locale, parsed once rather than for every number the build reads."""
    return Locale.parse(name)


@functools.cache
def _plain_number(conv: Convention) -> re.Pattern:
    """Digits grouped by threes (or under 1000) with an optional decimal part: the usual
    print, which Babel's strict reading would accept with the same value, only slower."""
    group, decimal = re.escape(conv.group), re.escape(conv.decimal)
    return re.compile(rf"(?:0|[1-9]\d{{0,2}}(?:{group}\d{{3}})*)(?:{decimal}\d+)?")


def read_number(text: str, conv: Convention) -> Decimal:
    """Read digits with the convention's separators ("66.234" → 66234 in Indonesian print).

    Raises :class:`AmbiguousNumber` (with both readings) for text that reads two ways
    and :class:`~ucjlib.errors.ParseError` for anything else that is not a number.

    Examples
    --------
    >>> read_number("88.993,42", CONVENTIONS["id"]), read_number("412,530", CONVENTIONS["en"])
    (Decimal('88993.42'), Decimal('412530'))
    >>> try:
    ...     read_number("231,145", CONVENTIONS["id"])
    ... except AmbiguousNumber as err:
    ...     print([(r.rule, str(r.value)) for r in err.readings])
    [('comma-decimal', '231.145'), ('comma-thousands', '231145')]
    """
    core = " ".join(str(text).split())
    if not re.fullmatch(r"[0-9.,]+", core) or not re.search(r"\d", core):
        raise ParseError(f"{text!r} is not a number")
    if re.fullmatch(rf"[1-9]\d{{0,2}}{re.escape(conv.decimal)}\d{{3}}", core):
        whole, frac = core.split(conv.decimal)
        other = CONVENTIONS["en" if conv.code == "id" else "id"]
        raise AmbiguousNumber(
            f"{text!r} is ambiguous: it reads as {whole}{conv.decimal}{frac} in {conv.language} but as {whole}{frac} "
            f"in {other.language}. Write '{whole}{conv.group}{frac}' for thousands or "
            f"'{whole}{conv.decimal}{frac}0' for a decimal.",
            [
                Reading(Decimal(f"{whole}.{frac}"), f"{_NAMES[conv.decimal]}-decimal"),
                Reading(Decimal(whole + frac), f"{_NAMES[conv.decimal]}-thousands"),
            ],
        )
    if _plain_number(conv).fullmatch(core):
        return Decimal(core.replace(conv.group, "").replace(conv.decimal, "."))
    try:
        return parse_decimal(core, locale=_locale(conv.locale), strict=True)
    except NumberFormatError as err:
        suggestions = getattr(err, "suggestions", None) or []
        hint = " Did you mean " + " or ".join(repr(s) for s in suggestions) + "?" if suggestions else ""
        message = (
            f"{text!r} is not an {conv.language} number: '{conv.group}' groups thousands and "
            f"'{conv.decimal}' marks decimals.{hint}"
        )
        if re.fullmatch(rf"\d+{re.escape(conv.group)}\d+", core):
            # "31.9" → ['319', '31,9']: the grouping mark read as grouping, then as a decimal mark.
            name = _NAMES[conv.group]
            as_decimal, as_grouping = Decimal(core.replace(conv.group, ".")), Decimal(core.replace(conv.group, ""))
            raise AmbiguousNumber(
                message, [Reading(as_decimal, f"{name}-decimal"), Reading(as_grouping, f"{name}-thousands")]
            ) from None
        raise ParseError(message) from None
