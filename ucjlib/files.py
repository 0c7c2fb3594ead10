"""Reading the raw CSV files people edit, and writing outputs atomically (a reader sees
the old file or the new one, never half of one)."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

import pandas as pd

from . import paths
from .errors import InputError


def read_table(path: Path) -> pd.DataFrame:
    """Read a raw CSV as text: UTF-8 with or without BOM, ',' or ';' delimited (Excel in
    an Indonesian locale writes ';'), any line endings. Every cell stays a string."""
    shown = paths.shown_path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError([(shown, None, None, None, "file not found")]) from None
    except UnicodeDecodeError as err:
        raise InputError([(shown, None, None, None, f"is not UTF-8 text ({err.reason} at byte {err.start}); save it as CSV UTF-8")]) from None
    header = text.split("\n", 1)[0]
    if not header.strip():
        raise InputError([(shown, 1, None, None, "the file is empty: it needs at least its header line")])
    delimiter = ";" if header.count(";") > header.count(",") else ","
    try:
        # Blank lines are kept while reading so that index + 2 is the line a spreadsheet shows.
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
                            quoting=csv.QUOTE_MINIMAL, skip_blank_lines=False)
    except pd.errors.ParserError as err:
        raise InputError([(shown, None, None, None, f"is not a well-formed CSV table: {err}")]) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.apply(lambda column: column.str.strip())
    return frame[(frame != "").any(axis=1)]


def write_text_atomically(text: str, target: Path) -> None:
    """Write ``text`` under a temporary name beside ``target``, then rename it into place.

    The temporary file lives in the same folder so the rename cannot cross file systems;
    a crash before the rename leaves only a ``.tmp-*`` file, which the next write ignores.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
