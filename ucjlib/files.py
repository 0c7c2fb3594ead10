"""Reading the raw CSV files people edit, and writing outputs atomically (a reader sees
the old file or the new one, never half of one)."""

from __future__ import annotations

import codecs
import contextlib
import csv
import errno
import io
import os
import re
import stat
import tempfile
from pathlib import Path

import filelock
import pandas as pd

from ucjlib import config, paths
from ucjlib.errors import InputError, UCJError

# Bidirectional-control characters reorder what a reader sees (a name can display as another):
# they carry no meaning in a figure, a name or a note, so they are dropped on reading.
# Zero-width characters (space, joiners, word joiner, a BOM inside text) are invisible too: left
# in, "non\u200b-ASN" would be a second group beside "non-ASN", so they are dropped as well.
_BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u2060\ufeff")
)
# Control characters (NUL, ESC …) no figure, name or note holds; a terminal acts on them when a
# name is printed. Tab, line feed and carriage return are ordinary white space in a cell.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _clean(cell: str) -> str:
    return cell.translate(_BIDI_CONTROLS).strip()


def _cell_problems(shown: str, line: int, header: list[str], row: list[str]) -> list[tuple]:
    """Cells no text can be: a control character, or longer than config.MAX_TEXT_LENGTH."""
    problems = []
    for column, cell in zip(header, row, strict=False):
        if match := _CONTROL.search(cell):
            what = "a NUL byte" if match.group() == "\x00" else f"a control character ({match.group()!r})"
            problems.append(
                (
                    shown,
                    line,
                    column,
                    cell[:60],
                    f"contains {what}, which no text holds (a terminal would act on it): delete it",
                )
            )
        elif len(cell) > config.MAX_TEXT_LENGTH:
            problems.append(
                (
                    shown,
                    line,
                    column,
                    cell[:60],
                    f"has {len(cell)} characters; no cell needs more than "
                    f"{config.MAX_TEXT_LENGTH} (a paste gone wrong?): shorten it",
                )
            )
    return problems


def file_stamp(path: Path) -> tuple:
    """What tells a changed file from the one read before: path, modification time, size."""
    stat = path.stat()
    return str(path), stat.st_mtime_ns, stat.st_size


def read_table(path: Path) -> pd.DataFrame:
    """Read a raw CSV as text: UTF-8 with or without BOM, ',' or ';' delimited (Excel in
    an Indonesian locale writes ';'), any line endings. Every cell stays a string.

    The frame's index is the file line minus 2 (header = line 1), also across blank lines
    and quoted cells spanning lines, so ``index + 2`` is the line a spreadsheet shows.
    A row with more or fewer cells than the header is an error naming its line.
    Bidirectional-control characters are removed from every cell.
    """
    shown = paths.shown_path(path)
    try:
        data = path.read_bytes()
        # UTF-16 without its BOM decodes as UTF-8 full of NUL bytes: one of them in four is enough to tell.
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or data.count(b"\x00") > len(data) // 4 > 0:
            raise InputError(
                [(shown, None, None, None, "is UTF-16 text (Excel's 'Unicode text'); save it as CSV UTF-8")]
            )
        text = data.decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError([(shown, None, None, None, "file not found")]) from None
    except UnicodeDecodeError as err:
        raise InputError(
            [(shown, None, None, None, f"is not UTF-8 text ({err.reason} at byte {err.start}); save it as CSV UTF-8")]
        ) from None
    header_line = text.split("\n", 1)[0]
    if not header_line.strip():
        raise InputError([(shown, 1, None, None, "the file is empty: it needs at least its header line")])
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [_clean(cell) for cell in next(reader)]
        records, lines, problems = [], [], []
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                if len(row) != len(header):
                    problems.append(
                        (
                            shown,
                            line,
                            None,
                            delimiter.join(row)[:80],
                            f"has {len(row)} cells where the header has {len(header)}: check the delimiters and quotes",
                        )
                    )
                else:
                    records.append([_clean(cell) for cell in row])
                    lines.append(line)
                    problems += _cell_problems(shown, line, header, records[-1])
            line = reader.line_num + 1
    except csv.Error as err:
        raise InputError([(shown, reader.line_num, None, None, f"is not a well-formed CSV table: {err}")]) from None
    if problems:
        raise InputError(problems)
    if len(set(header)) != len(header):
        raise InputError([(shown, 1, None, delimiter.join(header), "a column name appears twice in the header")])
    return pd.DataFrame(records, columns=header, index=pd.Index([n - 2 for n in lines]), dtype=object).astype(str)


def write_text_atomically(text: str, target: Path) -> None:
    """Write ``text`` under a temporary name beside ``target``, then rename it into place.

    The temporary file lives in the same folder so the rename cannot cross file systems;
    a crash before the rename leaves only a ``.tmp-*`` file, which the next write ignores.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _write_temporary(text, target.parent)
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_temporary(text: str, folder: Path) -> Path:
    """``text`` in a new ``.tmp-*`` file of ``folder``, flushed to disk; removed if writing fails."""
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def _replace(source: Path, target: Path) -> None:
    os.replace(source, target)


def write_texts_together(texts: dict[Path, str]) -> None:
    """Write several files of one folder all or none (the build's outputs, issue 29 §5).

    Every text is first written whole under a temporary name; only when all are on disk are they
    renamed into place, in order. If a rename fails part-way, the files already renamed get their
    previous content back (or are removed, when there was none); a folder made for them and left
    empty is removed too. A crash between renames is what the generation stamp, renamed last,
    lets readers detect.
    """
    folders = {target.parent for target in texts}
    assert len(folders) == 1, "files written together live in one folder"
    folder = folders.pop()
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    previous = {target: target.read_bytes() if target.exists() else None for target in texts}
    temporaries: dict[Path, Path] = {}
    done: list[Path] = []
    try:
        for target, text in texts.items():
            temporaries[target] = _write_temporary(text, folder)
        for target, temporary in temporaries.items():
            _replace(temporary, target)
            done.append(target)
    except BaseException:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)
        for target in done:
            if previous[target] is None:
                target.unlink(missing_ok=True)
            else:
                write_text_atomically(previous[target].decode("utf-8"), target)
        if made and not any(folder.iterdir()):
            folder.rmdir()
        raise


def remove_stale_temporaries(folder: Path) -> None:
    """Delete ``.tmp-*`` files an interrupted write left behind (the targets are intact)."""
    for leftover in folder.glob("**/.tmp-*"):
        leftover.unlink(missing_ok=True)


_RUN_LOCK = ".ucj-run.lock"


def _refuse_unless_own_file(info: os.stat_result, lock: Path, command: str) -> None:
    """Refuse a run lock that is a link or not a plain file: the holder's name is written into it,
    which must not land in (or truncate) a file the link leads to."""
    if stat.S_ISLNK(info.st_mode):
        what = "a symbolic link"
    elif info.st_nlink > 1:
        what = "a hard link (a second name of another file)"
    elif not stat.S_ISREG(info.st_mode):
        what = "not a plain file"
    else:
        return
    raise UCJError(
        f"{lock.relative_to(paths.root())} is {what}; the run lock must be a file of its own: "
        f"remove it, then run `python -m ucjlib {command}` again"
    )


def _holder(lock: Path) -> str:
    """Who holds the run lock, as its holder wrote it (read without following a link)."""
    try:
        handle = os.open(lock, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return "another command"
    try:
        # Windows locks the file's first byte against other readers, so the name starts after it.
        os.lseek(handle, 1, os.SEEK_SET)
        return os.read(handle, 200).decode("utf-8", "replace").strip() or "another command"
    except OSError:
        return "another command"
    finally:
        os.close(handle)


@contextlib.contextmanager
def exclusive_run(command: str):
    """Hold the project's run lock while ``command`` runs: a second ``build`` or ``reports``
    started meanwhile refuses at once (it would clean up or overwrite the first one's files).

    The lock is ``filelock``'s (``flock`` on Unix, ``LockFileEx`` on Windows), which the
    operating system releases when its holder dies, however it dies. The lock file stays
    between runs; it is opened without following a symbolic link and never truncated on
    opening, and a link or anything but a plain file is refused untouched.
    """
    lock = paths.root() / _RUN_LOCK
    with contextlib.suppress(FileNotFoundError):
        _refuse_unless_own_file(os.lstat(lock), lock, command)

    def claim(handle: int) -> None:
        _refuse_unless_own_file(os.fstat(handle), lock, command)  # the name may have changed since lstat
        os.ftruncate(handle, 0)
        os.lseek(handle, 0, os.SEEK_SET)
        os.write(handle, f"\n`python -m ucjlib {command}` (process {os.getpid()})".encode())

    # preserve_lock_file: the file is not deleted on release (Windows) and there is no soft
    # fallback, whose marker file a left-over lock file would be taken for.
    run_lock = filelock.FileLock(lock, mode=0o644, blocking=False, preserve_lock_file=True, on_acquired=claim)
    try:
        run_lock.acquire()
    except filelock.Timeout:  # a TimeoutError, hence before OSError
        raise UCJError(
            f"{_holder(lock)} is running in {paths.shown_path(paths.root())}; "
            f"wait for it to finish, then run `python -m ucjlib {command}` again"
        ) from None
    except OSError as err:
        if err.errno == errno.ELOOP:  # a link made between the check and the opening
            _refuse_unless_own_file(os.lstat(lock), lock, command)
        raise
    try:
        yield
    finally:
        run_lock.release()
