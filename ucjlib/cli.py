"""Command line: ``python -m ucjlib build | summary | reports | verify``.

This module alone prints and chooses exit codes; the library returns results, raises, or logs
a warning about what it set aside and went on without (a damaged manifest).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import re
import sys

from ucjlib import paths
from ucjlib.data.build import build
from ucjlib.data.processed import load_processed
from ucjlib.data.regions import RegionTable, province_of
from ucjlib.errors import UCJError
from ucjlib.files import exclusive_run
from ucjlib.i18n import LANGUAGES
from ucjlib.model.region import Assumptions, assumptions_for
from ucjlib.model.summary import region_summary, report_regions
from ucjlib.publish.manifest import stale_reports
from ucjlib.publish.runner import MOST_TIMEOUT_SECONDS, worker_cap
from ucjlib.publish.site import render

# Control characters a terminal acts on (ESC clears the screen, sets the title …); a name from the
# data is printed with them escaped, as Python writes them ("\x1b"). The build refuses them in
# data/raw/; this covers processed files edited by hand and every message that quotes the data.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _safe(text: object) -> str:
    r"""Text with control characters escaped; line breaks kept.

    >>> _safe("Kota \x1b[2JBinjai\nnext")
    'Kota \\x1b[2JBinjai\nnext'
    """
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], str(text))


def _summary() -> str:
    return region_summary(load_processed()).to_string(index=False)


def _regions(regions: list[str] | None, province: str | None) -> set[str] | None:
    """Codes of the regions to render (None: all), resolved before any kernel starts."""
    if regions and province:
        raise UCJError("give --region or --province, not both: a region is already in its province")
    if not regions and not province:
        return None
    table, processed = RegionTable.load(), load_processed()
    present = set(report_regions(processed)["region_code"])  # the nation's report too ("00", "Indonesia", "Nasional")
    if regions:
        codes = set()
        for region in regions:
            resolved = table.resolve(region)
            if resolved.code not in present:
                raise UCJError(
                    f"region {region!r} ({resolved.name}, {resolved.code}) has no figures in the processed data; "
                    f"`python -m ucjlib summary` lists the {len(present)} regions with data"
                )
            codes.add(resolved.code)
        return codes
    code = table.resolve(province, "province").code
    return {c for c in present if c != NATIONAL and province_of(c) == code}


NATIONAL = "00"


def _assumptions(args) -> dict:
    """The report assumptions given on the command line, checked against the data (before any
    kernel starts), as notebook parameters; only those given, so defaults stay the template's."""
    given = {
        name: getattr(args, name)
        for name in ("premium_rate", "yardstick", "target_year", "workforce_growth", "as_of")
        if getattr(args, name) is not None
    }
    if not given:
        return {}
    checked = assumptions_for(Assumptions(**given), load_processed())
    # The date goes to the notebook as text (papermill parameters are JSON).
    return {name: getattr(checked, name).isoformat() if name == "as_of" else getattr(checked, name) for name in given}


def _reports(args) -> int:
    regions, parameters = _regions(args.region, args.province), _assumptions(args)
    if args.workers is not None and args.workers > worker_cap():
        print(f"using {worker_cap()} workers: this machine's cores and memory hold no more than that", file=sys.stderr)
    results = render(
        out_dir=paths.reports_dir(args.output),
        languages=(args.language,) if args.language else LANGUAGES,
        force=args.force,
        regions=regions,
        workers=args.workers,
        parameters=parameters,
        timeout=args.timeout,
    )
    for result in results:
        if result.error is None and result.attempts > 1:
            print(
                _safe(
                    f"retried {result.region_code} {result.region_name} [{result.language}]: the kernel was replaced"
                ),
                file=sys.stderr,
            )
    rendered = sum(r.error is None and not r.skipped for r in results)
    into = paths.shown_path(paths.reports_dir(args.output))
    print(f"rendered {rendered} reports, {sum(r.skipped for r in results)} unchanged, into {into}/")
    causes: dict[str, list] = {}
    for result in results:
        if result.error:
            causes.setdefault(result.error, []).append(result)
    for error, failed in causes.items():
        print(_safe(_cause_line(error, failed)), file=sys.stderr)
    return 1 if causes else 0


def _cause_line(error: str, failed: list) -> str:
    """One line for the reports that failed for one cause: which, why, and what became of their pages."""
    regions: dict[str, list] = {}
    for result in failed:
        regions.setdefault(f"{result.region_code} {result.region_name}", []).append(result.language)
    named = [f"{region} [{', '.join(languages)}]" for region, languages in regions.items()]
    who = (
        named[0]
        if len(named) == 1
        else f"{len(failed)} reports of {len(named)} regions ({', '.join(named[:3])}"
        + (f" and {len(named) - 3} more)" if len(named) > 3 else ")")
    )
    kept = sum(result.stale for result in failed)
    fate = (
        "not published"
        if not kept
        else "its last good page stays, marked stale"
        if kept == len(failed) == 1
        else "their last good pages stay, marked stale"
        if kept == len(failed)
        else f"{kept} last good page(s) stay, marked stale; {len(failed) - kept} not published"
    )
    return f"FAILED {who} after {max(result.attempts for result in failed)} attempt(s): {error}; {fate}"


def _verify(args) -> int:
    problems, kept = stale_reports(paths.reports_dir(args.output))
    for key, reason in problems + kept:  # the files kept are named, but fail nothing: they are not the run's
        print(_safe(f"{key}: {reason}"))
    print("all reports match the current data" if not problems else f"{len(problems)} report(s) do not match the data")
    return 1 if problems else 0


def _date(text: str):
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def _show_warnings() -> None:
    """Print the library's warnings as one line each, like errors (not through the root logger,
    which papermill and nbclient log to as well)."""
    log = logging.getLogger("ucjlib")
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("warning: %(message)s"))
        log.addHandler(handler)
        log.propagate = False


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def _seconds(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MOST_TIMEOUT_SECONDS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of seconds from 1 to {MOST_TIMEOUT_SECONDS}")
    return int(text)


EPILOG = f"""\
folders: data/raw/, data/processed/ and reports/ are those beside ucjlib/. Set the
environment variable {paths.ROOT_VARIABLE} to another folder holding a data/raw/ to work on
that tree instead, e.g.  {paths.ROOT_VARIABLE}=/tmp/trial python -m ucjlib build
`reports --output DIR` writes the reports, their index and manifest into DIR instead
of reports/ (and `verify --output DIR` checks them there)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ucjlib",
        description=__doc__,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="turn data/raw/ into data/processed/ and print the regions")
    commands.add_parser("summary", help="print the regions' headline figures from data/processed/")
    reports = commands.add_parser(
        "reports",
        help="render every region's report (Indonesian and English) into reports/ (or --output DIR)",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    output = {
        "metavar": "DIR",
        "help": "the reports' folder (default: reports/ of the project; a relative DIR is from the current folder)",
    }
    reports.add_argument("--output", **output)
    reports.add_argument(
        "--region", action="append", help="render only this region (code, name or alias); repeat it for several"
    )
    reports.add_argument("--province", help="render only the regions of this province (code, name or alias)")
    reports.add_argument("--language", choices=LANGUAGES, help="render only this language")
    reports.add_argument("--force", action="store_true", help="render every report even when its inputs are unchanged")
    reports.add_argument(
        "--workers",
        type=_positive,
        help="warm kernels to run in parallel (default and most: one per core, as many as memory holds)",
    )
    reports.add_argument(
        "--timeout",
        type=_seconds,
        default=120,
        metavar="SECONDS",
        help="wall-clock limit for one report's execution, a kernel's start not counted (1 to 3600); "
        "a report past it is retried once, then failed (default 120)",
    )
    reports.add_argument(
        "--premium-rate",
        type=float,
        metavar="RUPIAH",
        help="contribution the regional budget pays per person per month: 16800 is BPU JKK+JKM (the "
        "default), 36800 the same with JHT; any other rate is costed as the reader's",
    )
    reports.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the reports' date, from which their advice (budget years, missed targets, ages of "
        "figures) is dated (default: today)",
    )
    reports.add_argument(
        "--yardstick", help="target the scenarios aim at (default: 'RPJMN 2025–2029'; dash or hyphen, any case)"
    )
    reports.add_argument("--target-year", type=int, metavar="YEAR", help="year of that target (default: 2029)")
    reports.add_argument(
        "--workforce-growth",
        type=float,
        metavar="FRACTION",
        help="yearly growth of the work force, e.g. 0.02 (default: that of BPS's employed persons in the region, "
        "else its province, else the nation, else 0)",
    )
    verify = commands.add_parser("verify", help="list published reports that do not match the current processed data")
    verify.add_argument("--output", **output)
    args = parser.parse_args(argv)
    _show_warnings()
    try:
        if args.command == "reports":
            with exclusive_run("reports"):
                return _reports(args)
        if args.command == "verify":
            return _verify(args)
        if args.command == "build":
            with exclusive_run("build"):
                processed = build()
            print(f"built {len(processed)} observations into {paths.shown_path(paths.processed_dir())}/")
        print(_safe(_summary()))
    except (UCJError, OSError) as err:  # OSError: a missing input, an unwritable folder …
        print(_safe(f"error: {err}"), file=sys.stderr)
        if args.command == "build":
            print("nothing was written; the previous outputs are unchanged.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C: what was written is whole (each file atomically); the next run goes on
        print(
            f"interrupted: `python -m ucjlib {args.command}` stopped; the files it wrote are whole, "
            f"run it again to finish",
            file=sys.stderr,
        )
        return 130
    return 0
