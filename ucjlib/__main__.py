"""Command line: ``python -m ucjlib build | reports | summary``."""

from __future__ import annotations

import argparse
import sys

from . import paths
from .errors import UCJError


def _summary() -> str:
    from .processed import load_processed
    from .summary import region_summary

    table = region_summary(load_processed())
    return table.to_string(index=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ucjlib", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="turn data/raw/ into data/processed/ and print the regions")
    commands.add_parser("summary", help="print the regions' headline figures from data/processed/")
    reports = commands.add_parser("reports", help="render every region's report (Indonesian and English) into reports/")
    reports.add_argument("--region", help="render only this region (code, name or alias) in a fresh kernel; the index is left as it is")
    reports.add_argument("--language", choices=("id", "en"), help="with --region: only this language")
    reports.add_argument("--force", action="store_true", help="render every report even when its inputs are unchanged")
    reports.add_argument("--province", help="render only the regions of this province (code, name or alias)")
    reports.add_argument("--workers", type=int, help="warm kernels to run in parallel (default: one per core)")
    commands.add_parser("verify", help="list published reports that do not match the current processed data")
    args = parser.parse_args(argv)
    if args.command == "reports":
        from .render import main as render_reports

        return render_reports(region=args.region, language=args.language, force=args.force, province=args.province,
                              workers=args.workers)
    if args.command == "verify":
        from .manifest import stale_reports

        problems = stale_reports()
        for key, reason in problems:
            print(f"{key}: {reason}")
        print("all reports match the current data" if not problems else f"{len(problems)} report(s) do not match the data")
        return 1 if problems else 0
    try:
        if args.command == "build":
            from .build import build

            processed = build()
            print(f"built {len(processed)} observations into {paths.shown_path(paths.processed_dir())}/")
        print(_summary())
    except UCJError as err:
        print(f"error: {err}", file=sys.stderr)
        print("nothing was written; the previous outputs are unchanged.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
