"""Publish the regional reports: the template notebook is executed once per region for all
its languages (:mod:`ucjlib.publish.runner`), nbconvert exports each language's outputs without code,
the page shell template wraps them (inline styles, figures embedded, nothing fetched from the
network), and the index lists what is published.

A page comes down only when the data says it must: its region left the data, or its report
raised one of DATA_ERRORS (its region or its figures can no longer be shown). A report that
fails for any other reason (a full disk, a kernel that hung or died, a file gone during the
run) keeps its last good page, marked stale in the manifest with the reason (``verify`` lists
it, the next run renders it again); one never published stays unpublished. The others still
render. A page goes with the manifest entry that recorded it (a region that left the data, a
report its data cannot give, a renamed region's old page); a file the manifest does not
record is not the run's and is kept. The index links only what the manifest records. Each file is written
atomically, and the manifest rewritten every few seconds, at once when a report fails and
at the end, so an interrupted run leaves the previous reports intact and recorded; what it
rendered in its last seconds may not be recorded yet, and the next run renders it again.
Nothing here prints: results go back to the caller.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import multiprocessing
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter, TemplateExporter
from nbconvert.filters import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from traitlets.config import Config

from ucjlib import paths
from ucjlib.data.boundaries import checked
from ucjlib.data.processed import load_all
from ucjlib.data.regions import province_of
from ucjlib.errors import RenderError
from ucjlib.files import remove_stale_temporaries, write_text_atomically
from ucjlib.i18n import LANGUAGES
from ucjlib.model.region import Assumptions, Overview, assumptions_for, processed_model, report_date
from ucjlib.model.summary import region_summary, report_regions
from ucjlib.publish.manifest import (
    INDEX_PAGES,
    TEMPLATE,
    Inputs,
    entry_key,
    is_current,
    read_manifest,
    sha256_bytes,
    write_manifest,
)
from ucjlib.publish.pages import INDEX_FILE, LABELS, index_page, page, page_path, report_filename, report_title
from ucjlib.publish.runner import Task, run_tasks, worker_cap

# The parameters that are report assumptions (the others: region, languages).
ASSUMPTIONS = ("premium_rate", "yardstick", "target_year", "workforce_growth", "as_of")
# What the template imports, imported once as part of each kernel's start: ``--timeout`` counts
# a report's own execution, not the seconds a new kernel spends importing pandas and matplotlib.
PREPARE = "import IPython.display, ucjlib.publish.pages, ucjlib.model.region"
# Below this many models a process, forking costs more than it saves.
MODELS_PER_PROCESS = 40
# Rewritten after every report, the manifest (whose cost grows with what it records) made a national run quadratic.
MANIFEST_INTERVAL_SECONDS = 2.0
# A boundary file with every region wrong (say latitude and longitude swapped) is named in this
# many warning lines and a count, not one line per region.
BOUNDARY_WARNINGS = 10

log = logging.getLogger(__name__)


# The exceptions a report's own code raises when its data cannot give the report: its region
# is not in the master list or has no figures, or its figures cannot be shown with the
# parameters (which the run checks before any kernel starts). Only these take a page down.
DATA_ERRORS = frozenset({"RegionError", "ReportParameterError"})


def comes_down(error) -> bool:
    """Whether a report's failure (a runner Failure) says its page must come down."""
    return getattr(error, "raised", None) in DATA_ERRORS


def notebook_to_html(notebook: nbformat.NotebookNode, title: str, language: str, made: dt.date) -> str:
    """Export one language's page of an executed report notebook, self-contained: no code,
    no prompts, no template description, only the cells with an output for ``language`` (an
    output labelled with another language is left out, the labels are dropped); refuses a
    notebook with an error output or without an output labelled ``language``."""
    cells, labelled = [], False
    for position, cell in enumerate(notebook.cells):
        shown = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                raise RenderError(f"{output.get('ename')}: {output.get('evalue')}")
            labels = output.get("metadata", {})
            if labels.get("language", language) == language:
                labelled |= labels.get("language") == language
                shown.append({**output, "metadata": {key: value for key, value in labels.items() if key not in LABELS}})
        if shown:  # papermill gives its injected cell a random id: ids by position keep pages reproducible
            cells.append({**cell, "id": f"cell-{position}", "outputs": shown})
    if not labelled:
        raise RenderError(f"the notebook displayed no report in {language!r}")
    body, _ = _exporter().from_notebook_node(nbformat.from_dict({**notebook, "cells": cells}))
    return page(body, title, language, made)


class _ReportExporter(HTMLExporter):
    """nbconvert's HTML exporter without the pass it ends with, which re-parses the whole page
    with BeautifulSoup and serialises it again (four fifths of an export's time) only to give
    every ``<img>`` lacking alt text a placeholder and to make the inputs and outputs of a
    ``.jp-Notebook`` focusable. Our pages need neither: every image ucjlib's templates draw has
    its alt text, and the basic template without inputs or prompts has no ``.jp-Notebook``.
    The page is the template's markup as rendered (the soup sorted attributes, closed void
    elements and dropped blank lines; browsers read both the same)."""

    def __init__(self, **kw):
        super().__init__(**kw)
        # The code highlighter the templates use, made once (HTMLExporter makes one per export);
        # the lexer only colours code inputs, which our pages leave out.
        self.register_filter("highlight_code", Highlight2HTML(pygments_lexer="python", parent=self))

    def from_notebook_node(self, nb, resources=None, **kw):
        resources = self._init_resources(resources)
        # The filter the templates use for output types, registered as HTMLExporter.from_notebook_node does.
        self.register_filter(
            "filter_data_type",
            WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources),
        )
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


@functools.lru_cache(maxsize=1)
def _exporter() -> HTMLExporter:
    """One exporter per process: building one (traitlets, templates, preprocessors) costs several
    times what exporting a report does, and it keeps no state from one export to the next.
    It validates the notebook once after its preprocessors rather than after each of them:
    the same check that they left it valid, at a twelfth of the cost. The stylesheet for
    highlighted code, which the template's preprocessor writes for a page's head on every
    export, is not made: our pages have their own head and show no code."""
    return _ReportExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_markdown=True,
        optimistic_validation=True,
        config=Config({"CSSHTMLHeaderPreprocessor": {"enabled": False}}),
    )


def publish_notebook(task: Task, notebook: nbformat.NotebookNode) -> Overview:
    """The runner's ``finish``: export each language's page of the executed notebook, then
    replace the pages atomically (none is written if one cannot be exported); returns the
    region's overview the outputs carry, for the index."""
    name, targets, made = (
        task.details["region_name"],
        task.details["targets"],
        dt.date.fromisoformat(task.parameters["as_of"]),
    )
    pages = {language: notebook_to_html(notebook, report_title(name, language), language, made) for language in targets}
    for language, html in pages.items():
        write_text_atomically(html, Path(targets[language]))
    return next(
        Overview.from_json(output.metadata["overview"])
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "overview" in output.get("metadata", {})
    )


@dataclass
class RenderResult:
    region_code: str
    region_name: str
    language: str
    file: str | None
    parameters: dict
    error: str | None = None
    skipped: bool = False
    attempts: int = 1
    stale: bool = False  # failed, for a reason other than its data: its last good page stays, marked stale


def _check_boundaries() -> None:
    """Read the boundary file once, before any kernel starts: a damaged file stops the run
    (:class:`ucjlib.errors.BoundaryFileError`); a region whose boundary is bad is named in a
    warning line, and its report is made without the map."""
    problems = list(checked().problems.values())
    for line in problems[:BOUNDARY_WARNINGS]:
        log.warning("%s", line)
    if len(problems) > BOUNDARY_WARNINGS:
        log.warning(
            "%s: %s more regions without a map",
            paths.shown_path(paths.boundaries_file()),
            len(problems) - BOUNDARY_WARNINGS,
        )


def render(
    out_dir: Path | None = None,
    languages=LANGUAGES,
    parameters: dict | None = None,
    force: bool = False,
    regions: set[str] | None = None,
    workers: int | None = None,
    template: Path | None = None,
    timeout: int = 120,
    progress: bool = True,
) -> list[RenderResult]:
    """Render the reports of ``regions`` (codes; all regions in the processed data when None)
    in ``languages``, then the index. One path for one region and for all.

    A report whose inputs are unchanged since the manifest recorded it is skipped unless
    ``force``. The manifest is rewritten (atomically) every MANIFEST_INTERVAL_SECONDS while
    reports come in, at once when one fails and at the end. The report assumptions among
    ``parameters`` are checked against the data first (ReportParameterError): a bad one fails
    the run before any kernel starts, never every report.
    """
    out_dir = out_dir or paths.reports_dir()
    template = template or paths.notebooks_dir() / TEMPLATE
    # The report's date is a parameter like any other: a page made on another day is made again.
    parameters = {"as_of": dt.date.today().isoformat(), **(parameters or {})}
    as_of = report_date(parameters["as_of"])
    _check_boundaries()
    remove_stale_temporaries(out_dir)
    inputs = Inputs.load(template)
    assumptions_for(
        Assumptions(
            **{name: as_of if name == "as_of" else value for name, value in parameters.items() if name in ASSUMPTIONS}
        ),
        inputs.processed,
    )
    summary = region_summary(inputs.processed)
    reported = report_regions(inputs.processed, summary)
    manifest = read_manifest(out_dir)
    wanted = {entry_key(code, language) for code in reported["region_code"] for language in LANGUAGES}
    for key in set(manifest["reports"]) - wanted:  # regions that left the data
        _take_down(manifest, key, out_dir)
    manifest["failed"] = {key: value for key, value in manifest["failed"].items() if key in wanted}
    selected = reported if regions is None else reported[reported["region_code"].isin(regions)]
    results, tasks, fingerprints, recorded_parameters = [], [], {}, {}
    for region in selected.itertuples(index=False):
        targets = {}
        for language in languages:
            key = entry_key(region.region_code, language)
            recorded_parameters[key] = {"region": region.region_code, "language": language, **parameters}
            fingerprints[key] = inputs.fingerprint(region.region_code, recorded_parameters[key])
            if not force and is_current(out_dir, manifest["reports"].get(key), fingerprints[key]):
                results.append(
                    RenderResult(
                        region.region_code,
                        region.region_name,
                        language,
                        manifest["reports"][key]["file"],
                        recorded_parameters[key],
                        skipped=True,
                    )
                )
                continue
            targets[language] = str(out_dir / report_filename(region.region_code, region.region_name, language))
        if targets:  # one execution renders every language the region needs: its model is computed once
            # A province and its kabupaten/kota run on one kernel: the province's report computes their
            # models (it lists them), and their own reports reuse them.
            tasks.append(
                Task(
                    region.region_code,
                    {"region": region.region_code, "languages": list(targets), **parameters},
                    {"region_name": region.region_name, "targets": targets},
                    batch=province_of(region.region_code),
                )
            )
    next_write = time.monotonic() + MANIFEST_INTERVAL_SECONDS
    overviews = {}  # of the regions rendered, for the index
    for task, error, attempts, overview in run_tasks(
        tasks, template, publish_notebook, workers, timeout, progress, PREPARE
    ):
        if overview is not None:
            overviews[task.name] = overview
        for language, target in task.details["targets"].items():
            key = entry_key(task.name, language)
            file = None if error else Path(target).relative_to(out_dir).as_posix()
            stale = error is not None and not comes_down(error) and key in manifest["reports"]
            result = RenderResult(
                task.name,
                task.details["region_name"],
                language,
                file,
                recorded_parameters[key],
                None if error is None else str(error),
                attempts=attempts,
                stale=stale,
            )
            _record(manifest, key, result, fingerprints[key], out_dir)
            results.append(result)
        if error or time.monotonic() >= next_write:
            write_manifest(out_dir, manifest)
            next_write = time.monotonic() + MANIFEST_INTERVAL_SECONDS
    if tasks:  # record every report before the index (seconds at national scale), which links what the manifest records
        write_manifest(out_dir, manifest)
    update_index(out_dir, inputs, summary, manifest, overviews, as_of)
    manifest["inputs"] = {"template": {"path": f"notebooks/{TEMPLATE}", "sha256": inputs.template_sha256}} | {
        name: {"path": paths.shown_path(path), "sha256": sha256_bytes(path.read_bytes())}
        for name, path in (
            ("observations", paths.processed_observations()),
            ("checks", paths.processed_checks()),
            ("legal_references", paths.processed_legal()),
        )
    }
    write_manifest(out_dir, manifest)
    return results


def _take_down(manifest: dict, key: str, out_dir: Path, keep: str | None = None) -> None:
    """Drop a report from the manifest and delete its page, unless it is ``keep`` (just written
    anew): the only way a page goes, so the run deletes only pages it recorded making
    (read_manifest refuses a manifest naming a file outside ``out_dir``)."""
    old = manifest["reports"].pop(key, None)
    if old and old["file"] != keep:
        (out_dir / old["file"]).unlink(missing_ok=True)


def _record(manifest: dict, key: str, result: RenderResult, fingerprint: str, out_dir: Path) -> None:
    if result.stale:  # its page stays as it was, and says why it is not new
        manifest["reports"][key]["stale"] = result.error
        return
    _take_down(manifest, key, out_dir, keep=result.file)  # one its data cannot give; a renamed region's old one
    if result.error:
        manifest["failed"][key] = {
            "region_code": result.region_code,
            "language": result.language,
            "error": result.error,
        }
        return
    manifest["failed"].pop(key, None)
    manifest["reports"][key] = {
        "region_code": result.region_code,
        "region_name": result.region_name,
        "language": result.language,
        "file": result.file,
        "parameters": result.parameters,
        "inputs_sha256": fingerprint,
        "html_sha256": sha256_bytes((out_dir / result.file).read_bytes()),
    }


def update_index(
    out_dir: Path, inputs: Inputs, summary, manifest: dict, overviews: dict[str, Overview], as_of: dt.date
) -> None:
    """Write both index pages unless what they show (every region's data, ucjlib's code, the
    published reports) is unchanged since the manifest recorded them and they are intact:
    building them takes every region's overview and draws the national map, seconds at
    national scale, which a run with nothing to do must not spend. ``overviews``: those the
    run's kernels handed back (the others are computed here)."""
    published = sorted(entry["file"] for entry in manifest["reports"].values())
    fingerprint = sha256_bytes(
        json.dumps([inputs.code_sha256, load_all().version, published, as_of.isoformat()]).encode()
    )
    recorded = manifest.get("index", {})
    if recorded.get("inputs_sha256") == fingerprint and all(
        (out_dir / name).exists() and sha256_bytes((out_dir / name).read_bytes()) == sha256
        for name, sha256 in recorded.get("html_sha256", {}).items()
    ):
        return
    write_index(out_dir, inputs, summary, manifest, overviews, as_of)
    manifest["index"] = {
        "inputs_sha256": fingerprint,
        "html_sha256": {name: sha256_bytes((out_dir / name).read_bytes()) for name in sorted(INDEX_PAGES)},
    }


def write_index(
    out_dir: Path, inputs: Inputs, summary, manifest: dict, overviews: dict[str, Overview], as_of: dt.date
) -> None:
    """Both languages' index pages as of ``as_of``, linking the reports the manifest records as published."""
    observations = inputs.processed
    codes = list(summary["region_code"])
    missing = [code for code in codes if code not in overviews]  # not rendered by this run
    known = dict(zip(missing, index_overviews(missing, as_of), strict=False)) | overviews
    listed = [known[code] for code in codes]
    national = observations.loc[observations["level"] == "national", "region_code"]
    nation = processed_model(national.iloc[0], Assumptions(as_of=as_of)) if len(national) else None
    for language in LANGUAGES:
        published = {entry["region_code"] for entry in manifest["reports"].values() if entry["language"] == language}
        write_text_atomically(
            index_page(listed, nation, language, published, as_of),
            out_dir / page_path(INDEX_FILE, language),
        )


def _overview(code: str, as_of: dt.date) -> Overview:
    return processed_model(code, Assumptions(as_of=as_of)).overview


def index_overviews(codes: list[str], as_of: dt.date) -> list[Overview]:
    """The listed regions' overviews computed from their models: at national scale (552 regions,
    half a minute of one core) by a pool of forked processes, one per core, which inherit the
    loaded tables."""
    workers = min(worker_cap(), len(codes) // MODELS_PER_PROCESS)
    if workers < 2:
        return [_overview(code, as_of) for code in codes]
    load_all()  # read before forking: every process starts with the tables
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(functools.partial(_overview, as_of=as_of), codes, chunksize=MODELS_PER_PROCESS)
