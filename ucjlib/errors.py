"""The project's own error types: every message says what, where, and what to do."""

from __future__ import annotations


class UCJError(Exception):
    """Base class for every error ucjlib raises on purpose."""


class ParseError(UCJError, ValueError):
    """A figure or date whose text cannot be read unambiguously.

    The message always quotes the offending text.
    """


class AmbiguousNumber(ParseError):
    """A number with two readings; ``readings`` lists them (ucjlib.data.numerals.Reading)."""

    def __init__(self, message: str, readings: list):
        super().__init__(message)
        self.readings = readings


class RegionError(UCJError, LookupError):
    """A region name that is unknown or ambiguous; ``line``, ``column`` and ``text`` say where,
    when it is a row of a file (the alias table)."""

    def __init__(self, message: str, line: int | None = None, column: str | None = None, text: str | None = None):
        super().__init__(message)
        self.line, self.column, self.text = line, column, text


class InputError(UCJError):
    """Bad rows in a raw input file, all listed at once.

    ``problems`` holds ``(file, row, column, text, message)`` tuples; ``row`` is the line
    number in the file as a spreadsheet shows it (header = line 1).
    """

    def __init__(self, problems: list[tuple[str, int | None, str | None, str | None, str]]):
        self.problems = problems
        lines = [f"{len(problems)} problem(s) in the raw data:"]
        for file, row, column, text, message in problems:
            where = file + (f", line {row}" if row is not None else "") + (f", column '{column}'" if column else "")
            shown = f" {text!r}:" if text not in (None, "") else ""
            lines.append(f"  {where}:{shown} {message}")
        super().__init__("\n".join(lines))


class BoundaryFileError(UCJError):
    """The boundary file as a whole cannot be used."""


class ContributionError(UCJError, ValueError):
    """A segment, payer or sector the rules do not know, or a month no rule covers."""


class ProjectionError(UCJError, ValueError):
    """Data that cannot support a statistical projection."""


class ReportParameterError(UCJError, ValueError):
    """A report parameter that cannot be used."""


class RenderError(Exception):
    """A region's notebook produced error output."""


class TaskTimeout(Exception):
    """An attempt ran past its wall-clock limit."""
