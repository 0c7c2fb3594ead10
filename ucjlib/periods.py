"""Dates of normalised periods: an ISO year, month or date, or an interval of two."""

from __future__ import annotations

import datetime as dt


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


def months_between(first: str, second: str) -> int:
    """Whole months from the end of ``first`` to the end of ``second`` (negative when ``second`` ends first).

    >>> months_between("2023-08", "2022-04"), months_between("2024-10-15", "2025-03-16")
    (-16, 5)
    """
    a, b = period_end(first), period_end(second)
    return (b.year - a.year) * 12 + b.month - a.month
