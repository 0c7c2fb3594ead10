"""Render the regional reports: papermill runs the template per region and language,
nbconvert exports it without code, and the result is wrapped in a self-contained page
(inline styles, figures embedded, nothing fetched from the network).

A region whose notebook fails is never published; the others still render. Each file is
written atomically, so an interrupted run leaves the previous reports intact.
"""

from __future__ import annotations

import html
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
import papermill
from nbconvert import HTMLExporter

from . import __version__, paths
from .files import remove_stale_temporaries, write_text_atomically
from .manifest import TEMPLATE, Inputs, entry_key, is_current, read_manifest, sha256_bytes, write_manifest
from .errors import UCJError
from .formatting import format_date, format_percent
from .parse import printed_decimals
from .report import report_filename
from .report_text import TEXT
from .summary import region_summary

LANGUAGE_ORDER = ("id", "en")

STYLE = """
body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:62rem;margin:0 auto;padding:1rem;color:#111;line-height:1.45}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;border-bottom:2px solid #333;margin-top:1.6rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#e8e8e8}.headline{font-size:1.15rem}.headline-figure{font-size:1.5rem}
.quality{border:2px solid #333;padding:.2rem 1rem;margin-top:1.5rem;background:#f6f6f6}
.note,.footer{font-size:.85rem;color:#333}.lang{float:right}img{max-width:100%}
.subtitle{margin-top:0;color:#333}sup a{text-decoration:none}
"""


def _page(title: str, body: str, language: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{html.escape(title)}</title>\n'
            f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")


class RenderError(Exception):
    """A region's notebook failed or produced error output."""


def notebook_to_html(notebook: nbformat.NotebookNode, title: str, language: str) -> str:
    """Export an executed report notebook as a self-contained page: no code, no prompts,
    no template description; refuses a notebook with an error output."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                raise RenderError(f"{output.get('ename')}: {output.get('evalue')}")
    for position, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{position}"  # papermill gives its injected cell a random id: keep pages reproducible
    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, exclude_markdown=True)
    body, _ = exporter.from_notebook_node(notebook)
    return _page(title, body, language)


@dataclass
class RenderResult:
    region_code: str
    region_name: str
    language: str
    file: str | None
    parameters: dict
    error: str | None = None
    skipped: bool = False


def render_region(region_code: str, region_name: str, language: str, out_dir: Path, parameters: dict | None = None,
                  kernel_name: str = "python3") -> RenderResult:
    """Execute the template for one region and language and publish its HTML."""
    parameters = {"region": region_code, "language": language, **(parameters or {})}
    target = out_dir / report_filename(region_code, region_name, language)
    with tempfile.TemporaryDirectory() as work:
        executed = Path(work) / "report.ipynb"
        try:
            papermill.execute_notebook(str(paths.notebooks_dir() / TEMPLATE), str(executed), parameters=parameters,
                                       kernel_name=kernel_name, progress_bar=False, cwd=work)
            notebook = nbformat.read(executed, as_version=4)
            title = f"{region_name} — {TEXT[language]['title']}"
            write_text_atomically(notebook_to_html(notebook, title, language), target)
        except (papermill.PapermillExecutionError, RenderError) as err:
            message = getattr(err, "ename", "") and f"{err.ename}: {err.evalue}" or str(err)
            return RenderResult(region_code, region_name, language, None, parameters, message)
    return RenderResult(region_code, region_name, language, target.relative_to(out_dir).as_posix(), parameters)


def index_html(summary, language: str, failed: set[str]) -> str:
    """The index page: every region with its headline figure and links to its reports."""
    t = TEXT[language]
    rows = []
    for region in summary.itertuples(index=False):
        coverage = "–" if not isinstance(region.coverage_as_printed, str) else format_percent(
            region.coverage, language, printed_decimals(region.coverage_as_printed))
        as_of = format_date(region.as_of, language) if isinstance(region.as_of, str) and region.as_of else "–"
        if region.region_code in failed:  # named, but nothing to link to
            link = html.escape(region.region_name)
        else:
            link = f'<a href="{html.escape(report_filename(region.region_code, region.region_name, language, relative_to=language))}">{html.escape(region.region_name)}</a>'
        rows.append(f"<tr><td>{html.escape(region.region_code)}</td><td>{link}</td><td class='headline-figure-cell'>{html.escape(coverage)}</td>"
                    f"<td>{html.escape(as_of)}</td><td>{html.escape(region.source if isinstance(region.source, str) else '–')}</td></tr>")
    header = "".join(f"<th>{html.escape(h)}</th>" for h in t["index_columns"])
    switch = "en/index.html" if language == "id" else "../index.html"
    body = (f'<p class="lang"><a href="{switch}">{html.escape(t["other_language"])}</a></p><h1>{html.escape(t["index_title"])}</h1>'
            f"<p>{html.escape(t['index_intro'])}</p><table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f"<p class='footer'>{html.escape(t['footer'].format(version=__version__))}</p>")
    return _page(t["index_title"], body, language)


def render_all(out_dir: Path | None = None, languages=LANGUAGE_ORDER, parameters: dict | None = None,
               force: bool = False, province: str | None = None, workers: int | None = None,
               template: Path | None = None, timeout: int = 120, progress: bool = True,
               log=print) -> list[RenderResult]:
    """Render every region present in the processed data (or one province's), then the index.

    Reports run on a pool of warm kernels (see :mod:`ucjlib.runner`). A report whose
    inputs are unchanged since the manifest recorded it is skipped unless ``force``. The
    manifest is rewritten (atomically) after every report, so an interrupted run leaves it
    true to what is published.
    """
    from .runner import Task, render_tasks

    out_dir = out_dir or paths.reports_dir()
    template = template or paths.notebooks_dir() / TEMPLATE
    remove_stale_temporaries(out_dir)
    inputs = Inputs.load(template)
    summary = region_summary(inputs.processed)
    manifest = read_manifest(out_dir)
    wanted = {entry_key(r.region_code, language) for r in summary.itertuples() for language in languages}
    for table in ("reports", "failed"):
        manifest[table] = {key: value for key, value in manifest[table].items() if key in wanted}
    selected = summary
    if province:
        from .regions import RegionTable

        code = RegionTable.load().resolve(province, "province").code
        selected = summary[summary["region_code"].map(lambda c: c.split(".")[0] == code)]
    results, tasks, fingerprints = [], [], {}
    for region in selected.itertuples(index=False):
        for language in languages:
            key = entry_key(region.region_code, language)
            region_parameters = {"region": region.region_code, "language": language, **(parameters or {})}
            fingerprints[key] = inputs.fingerprint(region.region_code, region_parameters)
            if not force and is_current(out_dir, manifest["reports"].get(key), fingerprints[key]):
                results.append(RenderResult(region.region_code, region.region_name, language,
                                            manifest["reports"][key]["file"], region_parameters, skipped=True))
            else:
                target = out_dir / report_filename(region.region_code, region.region_name, language)
                tasks.append(Task(region.region_code, region.region_name, language, region_parameters, str(target)))
    for task, error, attempts in render_tasks(tasks, template, workers, timeout, progress):
        file = None if error else Path(task.target).relative_to(out_dir).as_posix()
        result = RenderResult(task.region_code, task.region_name, task.language, file, task.parameters, error)
        key = entry_key(task.region_code, task.language)
        _record(manifest, key, result, fingerprints[key], out_dir)
        write_manifest(out_dir, manifest)
        if error or attempts > 1:
            log(f"{'FAILED' if error else 'retried'} {task.region_code} {task.region_name} [{task.language}]"
                + (f" after {attempts} attempt(s): {error}" if error else ": the kernel was replaced"))
        results.append(result)
    failed = {r.region_code for r in results if r.error}
    for language in languages:
        write_text_atomically(index_html(summary, language, failed), out_dir / ("index.html" if language == "id" else "en/index.html"))
    manifest["inputs"] = {"template": {"path": f"notebooks/{TEMPLATE}", "sha256": inputs.template_sha256}} | {
        name: {"path": paths.shown_path(path), "sha256": sha256_bytes(path.read_bytes())}
        for name, path in (("observations", paths.processed_observations()), ("checks", paths.processed_checks()),
                           ("legal_references", paths.processed_legal()))}
    write_manifest(out_dir, manifest)
    return results


def _record(manifest: dict, key: str, result: RenderResult, fingerprint: str, out_dir: Path) -> None:
    if result.error:
        manifest["reports"].pop(key, None)
        manifest["failed"][key] = {"region_code": result.region_code, "language": result.language, "error": result.error}
        return
    manifest["failed"].pop(key, None)
    manifest["reports"][key] = {
        "region_code": result.region_code, "region_name": result.region_name, "language": result.language,
        "file": result.file, "parameters": result.parameters, "inputs_sha256": fingerprint,
        "html_sha256": sha256_bytes((out_dir / result.file).read_bytes()),
    }


def render_one(region: str, languages=LANGUAGE_ORDER, out_dir: Path | None = None, log=print) -> list[RenderResult]:
    """Render one region (any name, alias or code) in a fresh kernel and record it in the
    manifest; the index is left as it is."""
    from .regions import RegionTable

    out_dir = out_dir or paths.reports_dir()
    resolved = RegionTable.load().resolve(region)
    inputs, manifest = Inputs.load(), read_manifest(out_dir)
    results = []
    for language in languages:
        result = render_region(resolved.code, resolved.name, language, out_dir)
        _record(manifest, entry_key(resolved.code, language), result, inputs.fingerprint(resolved.code, result.parameters), out_dir)
        write_manifest(out_dir, manifest)
        log(f"{'ok    ' if result.error is None else 'FAILED'} {result.region_code} {result.region_name} [{result.language}]"
            + (f": {result.error}" if result.error else f" → {paths.shown_path(out_dir / result.file)}"))
        results.append(result)
    return results


def main(out_dir: Path | None = None, region: str | None = None, language: str | None = None, force: bool = False,
         province: str | None = None, workers: int | None = None) -> int:
    if region:
        try:
            results = render_one(region, (language,) if language else LANGUAGE_ORDER, out_dir)
        except UCJError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        return 1 if any(r.error for r in results) else 0
    try:
        results = render_all(out_dir, force=force, province=province, workers=workers)
    except UCJError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    failed = sorted({f"{r.region_code} {r.region_name}" for r in results if r.error})
    rendered = sum(r.error is None and not r.skipped for r in results)
    print(f"rendered {rendered} reports, {sum(r.skipped for r in results)} unchanged, into "
          f"{paths.shown_path(out_dir or paths.reports_dir())}/")
    if failed:
        print(f"failed regions (not published): {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0
