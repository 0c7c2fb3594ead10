"""The warm-kernel runner: identical output to a fresh kernel, recovery from dead and hung
kernels, and a failed region that is never published."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from pathlib import Path

import nbformat
import pytest
from conftest import copy_project, run_ucjlib

from ucjlib import paths
from ucjlib.cli import _cause_line
from ucjlib.model.region import processed_model
from ucjlib.publish.manifest import read_manifest, stale_reports
from ucjlib.publish.runner import Failure, Task, _first_request, run_tasks
from ucjlib.publish.site import publish_notebook, render

ORDER = [
    ("18", "Lampung"),
    ("16.06", "Kabupaten Musi Banyuasin"),
    ("12.75", "Kota Binjai"),
    ("12.10", "Kabupaten Labuhanbatu"),
]


@pytest.fixture(scope="module")
def project(seed_built, tmp_path_factory):
    root = tmp_path_factory.mktemp("runner")
    copy_project(seed_built, root)
    return root


def test_a_warm_kernel_renders_exactly_what_a_fresh_kernel_renders(project, tmp_path, monkeypatch):
    monkeypatch.setenv("UCJ_ROOT", str(project))

    # One warm kernel renders all four regions in a row; Labuhanbatu comes last, in both
    # languages from one execution (one model, two labelled outputs).
    def task(code, name, languages):
        return Task(
            code,
            {"region": code, "languages": list(languages), "as_of": dt.date.today().isoformat()},
            {
                "region_name": name,
                "targets": {language: str(tmp_path / "warm" / f"{code}-{language}.html") for language in languages},
            },
        )

    tasks = [task(code, name, ["id"]) for code, name in ORDER[:-1]] + [
        task("12.10", "Kabupaten Labuhanbatu", ["id", "en"])
    ]
    results = list(
        run_tasks(tasks, paths.notebooks_dir() / "report-region.ipynb", publish_notebook, workers=1, progress=False)
    )
    assert [(task.name, error, attempts) for task, error, attempts, _ in results] == [(t.name, None, 1) for t in tasks]
    # What ``finish`` returned comes back: each region's overview, for the index.
    assert [overview.code for *_, overview in results] == [t.name for t in tasks]
    for code, language in ((ORDER[0][0], "id"), ("12.10", "id"), ("12.10", "en")):
        # A run of its own starts a fresh kernel for the one report.
        fresh = render(tmp_path / f"fresh-{code}-{language}", languages=(language,), regions={code}, progress=False)[0]
        assert fresh.error is None and fresh.attempts == 1
        fresh_page = (tmp_path / f"fresh-{code}-{language}" / fresh.file).read_text(encoding="utf-8")
        # The page shell's title is the task's; the body must be byte for byte the same.
        body = lambda page: page[page.index("<main>") :]  # noqa: E731
        assert body((tmp_path / "warm" / f"{code}-{language}.html").read_text(encoding="utf-8")) == body(fresh_page), (
            code
        )


def template_with(folder: Path, source: str) -> Path:
    """The real template with one cell of ``source`` right after its parameters, saved in ``folder``."""
    notebook = nbformat.read(paths.notebooks_dir() / "report-region.ipynb", as_version=4)
    position = next(i for i, cell in enumerate(notebook.cells) if "parameters" in cell.metadata.get("tags", [])) + 1
    notebook.cells.insert(position, nbformat.v4.new_code_cell(source))
    path = folder / "report-region.ipynb"
    nbformat.write(notebook, path)
    return path


def failing_template(folder: Path) -> Path:
    """Binjai's kernel always dies, Muba's hangs the first time."""
    return template_with(
        folder,
        "import os, pathlib, time\n"
        "if region == '12.75':\n    os._exit(1)\n"
        "marker = pathlib.Path(os.environ['UCJ_ROOT']) / 'muba-hung-once'\n"
        "if region == '16.06' and not marker.exists():\n    marker.write_text('hung')\n    time.sleep(600)\n",
    )


def test_dead_and_hung_kernels_are_replaced_and_only_the_failing_region_is_lost(project, tmp_path, monkeypatch):
    monkeypatch.setenv("UCJ_ROOT", str(project))
    out = tmp_path / "reports"
    results = render(out, languages=("id",), template=failing_template(tmp_path), workers=2, timeout=8, progress=False)
    by_region = {r.region_code: r for r in results}
    assert (
        by_region["12.75"].error and "DeadKernelError" in by_region["12.75"].error and by_region["12.75"].attempts == 2
    )
    assert all(by_region[code].error is None for code in ("12.10", "16.06", "18"))
    assert by_region["16.06"].attempts == 2  # hung once, replaced, then rendered
    published = sorted(p.name for p in out.glob("*.html"))
    assert published == [
        "00-indonesia.html",
        "12.10-kabupaten-labuhanbatu.html",
        "16.06-kabupaten-musi-banyuasin.html",
        "18-lampung.html",
        "index.html",
    ]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["failed"]) == {"12.75/id"} and set(manifest["reports"]) == {
        "00/id",
        "12.10/id",
        "16.06/id",
        "18/id",
    }
    assert 'href="12.75-kota-binjai.html"' not in (out / "index.html").read_text(encoding="utf-8")


def worker_killing_template(folder: Path, always: bool) -> Path:
    """Binjai's kernel kills its worker process (the kernel's parent) the first time, or always."""
    return template_with(
        folder,
        "import os, pathlib, signal\n"
        "marker = pathlib.Path(os.environ['UCJ_ROOT']) / 'worker-killed'\n"
        f"if region == '12.75' and ({always} or not marker.exists()):\n"
        "    marker.write_text('killed')\n    os.kill(os.getppid(), signal.SIGKILL)\n",
    )


def test_a_dead_worker_process_costs_a_new_pool_not_the_run(project, tmp_path, monkeypatch):
    monkeypatch.setenv("UCJ_ROOT", str(project))
    (project / "worker-killed").unlink(missing_ok=True)
    out = tmp_path / "once"
    results = render(
        out, languages=("id",), template=worker_killing_template(tmp_path, always=False), workers=2, progress=False
    )
    # The pool broke: what it had not finished (Binjai's batch at least) ran again on a new pool.
    assert (project / "worker-killed").exists()
    assert sorted((r.region_code, r.error) for r in results) == [
        (code, None) for code in ("00", "12.10", "12.75", "16.06", "18")
    ]
    assert (out / "12.75-kota-binjai.html").exists()
    # A worker that dies again on the new pool: Binjai fails, the run still ends with every region accounted for.
    (project / "worker-killed").unlink()
    (tmp_path / "template").mkdir()
    results = render(
        tmp_path / "always",
        languages=("id",),
        template=worker_killing_template(tmp_path / "template", always=True),
        workers=2,
        progress=False,
    )
    by_region = {r.region_code: r for r in results}
    assert sorted(by_region) == ["00", "12.10", "12.75", "16.06", "18"]
    assert by_region["12.75"].error.startswith("worker lost: BrokenProcessPool")
    assert not (tmp_path / "always" / "12.75-kota-binjai.html").exists()
    (project / "worker-killed").unlink()


def test_province_subset_and_cli_options(project):
    result = run_ucjlib(project, "reports", "--province", "Sumut", "--workers", "1")
    assert result.returncode == 0, result.stderr
    reports = project / "reports"
    assert sorted(p.name for p in reports.glob("*.html")) == [
        "12.10-kabupaten-labuhanbatu.html",
        "12.75-kota-binjai.html",
        "index.html",
    ]
    unknown = run_ucjlib(project, "reports", "--province", "Sumatera Utra")  # "Sumatra Utara" is an alias now
    assert unknown.returncode == 1 and "Sumatera Utara" in unknown.stderr


def stopping_template(folder: Path) -> Path:
    """Binjai's kernel stops itself (SIGSTOP) and never answers."""
    return template_with(folder, "import os, signal\nif region == '12.75':\n    os.kill(os.getpid(), signal.SIGSTOP)\n")


def test_a_kernel_that_stops_answering_times_out_on_the_one_region_path_and_its_last_good_page_stays_stale(
    project, tmp_path, monkeypatch
):
    monkeypatch.setenv("UCJ_ROOT", str(project))
    out = tmp_path / "reports"
    render(out, languages=("id",), regions={"12.75"}, progress=False)
    page = (out / "12.75-kota-binjai.html").read_bytes()
    [result] = render(
        out,
        languages=("id",),
        regions={"12.75"},
        template=stopping_template(tmp_path),
        timeout=2,  # Binjai alone runs under it, and always stops
        force=True,
        progress=False,
    )
    assert result.error.startswith("TaskTimeout: the report did not finish within 2 s") and result.attempts == 2
    # A kernel that hangs says nothing of the data: the last good page stays, linked, marked stale with the reason.
    assert result.stale and (out / "12.75-kota-binjai.html").read_bytes() == page
    manifest = read_manifest(out)
    assert manifest["reports"]["12.75/id"]["stale"] == result.error and "12.75/id" not in manifest["failed"]
    assert 'href="12.75-kota-binjai.html"' in (out / "index.html").read_text(encoding="utf-8")


def full_disk(text, target):
    raise OSError(errno.ENOSPC, "No space left on device", str(target))


def test_a_failure_outside_the_data_keeps_the_last_good_page_marked_stale_and_only_the_data_takes_it_down(
    project, tmp_path, monkeypatch
):
    monkeypatch.setenv("UCJ_ROOT", str(project))
    out = tmp_path / "reports"
    render(out, languages=("id",), regions={"12.75", "12.10"}, progress=False)
    pages = {name: (out / name).read_bytes() for name in ("12.75-kota-binjai.html", "12.10-kabupaten-labuhanbatu.html")}
    # The disk fills up as the pages are written (the workers are forked: they write through this module).
    monkeypatch.setattr("ucjlib.publish.site.write_text_atomically", full_disk)
    results = render(out, languages=("id",), regions={"12.75", "12.10"}, force=True, progress=False)
    monkeypatch.undo()
    monkeypatch.setenv("UCJ_ROOT", str(project))
    assert {(r.region_code, r.error, r.stale) for r in results} == {
        ("12.75", "OSError: No space left on device", True),
        ("12.10", "OSError: No space left on device", True),
    }
    assert {name: (out / name).read_bytes() for name in pages} == pages  # nothing deleted
    manifest = read_manifest(out)  # a stale mark is part of the format the run reads back
    assert manifest["failed"] == {} and {manifest["reports"][k]["stale"] for k in ("12.75/id", "12.10/id")} == {
        "OSError: No space left on device"
    }
    problems, _ = stale_reports(out, languages=("id",))
    assert (
        "12.75/id",
        "stale: its last rendering failed (OSError: No space left on device); "
        "12.75-kota-binjai.html is the last good page",
    ) in problems
    # One line per cause, naming the reports and what became of their pages.
    line = _cause_line(results[0].error, results)
    assert line.startswith("FAILED 2 reports of 2 regions (") and "12.75 Kota Binjai [id]" in line
    assert line.endswith(
        ") after 1 attempt(s): OSError: No space left on device; their last good pages stay, marked stale"
    )
    # The next run renders them again, though their inputs are unchanged, and the marks go.
    again = render(out, languages=("id",), regions={"12.75", "12.10"}, progress=False)
    assert [(r.skipped, r.error) for r in again] == [(False, None)] * 2
    assert not any("stale" in entry for entry in read_manifest(out)["reports"].values())
    # The processed data is gone from under the kernel (the notebook raises, but not about the data's content): kept.
    (tmp_path / "gone").mkdir()
    gone = template_with(
        tmp_path / "gone",
        "if region == '12.75':\n    raise FileNotFoundError('data/processed/observations.csv does not exist yet')\n",
    )
    [result] = render(out, languages=("id",), regions={"12.75"}, template=gone, progress=False)
    assert result.stale and result.error == "FileNotFoundError: data/processed/observations.csv does not exist yet"
    assert (out / "12.75-kota-binjai.html").exists() and read_manifest(out)["reports"]["12.75/id"][
        "stale"
    ] == result.error
    # The data says Binjai's figures cannot be shown (its model raises RegionError): its page goes.
    refused = template_with(
        tmp_path,
        "from ucjlib.errors import RegionError\n"
        "if region == '12.75':\n    raise RegionError('region 12.75 has no figures')\n",
    )
    [result] = render(out, languages=("id",), regions={"12.75"}, template=refused, progress=False)
    assert result.error == "RegionError: region 12.75 has no figures" and not result.stale
    assert not (out / "12.75-kota-binjai.html").exists()
    manifest = read_manifest(out)
    assert "12.75/id" in manifest["failed"] and "12.75/id" not in manifest["reports"]


def test_timeout_counts_the_reports_own_execution_not_the_kernels_start(tmp_path, monkeypatch):
    # Every kernel takes three seconds to start (a loaded machine); the notebook itself takes milliseconds.
    (tmp_path / "slow").mkdir()
    (tmp_path / "slow" / "sitecustomize.py").write_text(
        "import sys, time\nif 'ipykernel_launcher' in ' '.join(getattr(sys, 'orig_argv', [])):\n    time.sleep(3)\n"
    )
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(tmp_path / "slow"), os.environ.get("PYTHONPATH", "")]))
    notebook = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}
    )
    notebook.cells = [nbformat.v4.new_code_cell("print('done')")]
    nbformat.write(notebook, tmp_path / "quick.ipynb")
    [(_, error, attempts, text)] = run_tasks(
        [Task("quick", {})], tmp_path / "quick.ipynb", printed, workers=1, timeout=2, progress=False
    )
    assert (error, attempts, text) == (None, 1, "done\n")


def test_report_assumptions_from_the_command_line_are_checked_first_and_used(project, refused):
    for flags, words in (
        (["--yardstick", "RPJMN 2099"], "yardstick 'RPJMN 2099' is not in the data"),
        (["--target-year", "2031"], "target_year 2031"),
        (["--premium-rate", "-5"], "premium_rate must be a number of rupiah"),
        (["--premium-rate", "1e308"], "at most 10,000,000"),
        (["--as-of", "2014-12-31"], "as_of must be a date from 2015-07-01"),
    ):
        code, stderr = refused(project, "reports", "--region", "Binjai", *flags)
        assert code == 1 and stderr.startswith("error: ") and words in stderr, stderr
        assert len(stderr.strip().splitlines()) == 1
    # A hyphen for the dash and another case are the same yardstick; the rate reaches the page.
    done = run_ucjlib(
        project,
        "reports",
        "--region",
        "Binjai",
        "--language",
        "id",
        "--premium-rate",
        "20000",
        "--yardstick",
        "rpjmn 2025-2029",
        "--target-year",
        "2029",
    )
    assert done.returncode == 0, done.stderr
    page = (project / "reports" / "12.75-kota-binjai.html").read_text(encoding="utf-8")
    # The budget rows name the rate they use: the reader's, which is no package's.
    assert ">12 × Rp20.000 (tarif yang ditetapkan pembaca)<" in page and "12 × Rp16.800" not in page
    jht = run_ucjlib(project, "reports", "--region", "Binjai", "--language", "id", "--premium-rate", "36800")
    assert jht.returncode == 0, jht.stderr
    page = (project / "reports" / "12.75-kota-binjai.html").read_text(encoding="utf-8")
    # 36.800 is the package with JHT, paid in full by the APBD: named so, never as BPU JKK+JKM.
    assert "(BPU JKK+JKM+JHT, PP 44/2015, PP 46/2015)" in page and ">12 × Rp36.800 (PP 44/2015, PP 46/2015)<" in page


def test_an_interrupted_run_records_a_failure_at_once_and_the_next_run_renders_what_it_left_unrecorded(
    project, tmp_path, monkeypatch
):
    monkeypatch.setenv("UCJ_ROOT", str(project))
    out = tmp_path / "reports"
    regions = {"12.75", "12.10"}
    render(out, regions=regions, progress=False)
    published = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["reports"]

    def interrupted(tasks, *args):  # Binjai's execution fails, Labuhanbatu's pages are replaced, then the run is killed
        binjai, labuhanbatu = sorted(tasks, key=lambda task: task.name != "12.75")
        yield binjai, Failure("RegionError: gone from the master list", raised="RegionError"), 1, None
        for target in labuhanbatu.details["targets"].values():
            Path(target).write_text("<!DOCTYPE html>new</html>\n", encoding="utf-8")
        yield labuhanbatu, None, 1, processed_model("12.10").overview
        raise KeyboardInterrupt

    monkeypatch.setattr("ucjlib.publish.site.run_tasks", interrupted)
    monkeypatch.setattr("ucjlib.publish.site.MANIFEST_INTERVAL_SECONDS", 3600)  # however slow the machine
    with pytest.raises(KeyboardInterrupt):
        render(out, regions=regions, force=True, progress=False)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    # The failure is on record and its pages gone; the pages replaced within the last seconds are not recorded yet.
    assert {"12.75/id", "12.75/en"} <= set(manifest["failed"])
    assert not any((out / published[f"12.75/{language}"]["file"]).exists() for language in ("id", "en"))
    assert manifest["reports"] == {key: entry for key, entry in published.items() if key.startswith("12.10/")}
    monkeypatch.undo()
    monkeypatch.setenv("UCJ_ROOT", str(project))
    again = render(out, regions=regions, progress=False)
    assert not any(result.skipped for result in again)  # the next run renders all four again
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["reports"] == published


def where_it_ran(task, notebook):
    """``finish`` for the affinity test: this worker's process and cores, and the kernel's cores
    as its cell printed them."""
    kernel = json.loads(notebook.cells[-1].outputs[0].text)
    return os.getpid(), sorted(os.sched_getaffinity(0)), kernel


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="CPU affinity is Linux's")
def test_each_worker_and_its_kernel_keep_to_a_core_of_their_own(tmp_path):
    notebook = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}
    )
    parameters = nbformat.v4.new_code_cell("step = 0")
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [
        parameters,
        nbformat.v4.new_code_cell(
            "import json, os, time\ntime.sleep(0.5)\nprint(json.dumps(sorted(os.sched_getaffinity(0))))"
        ),
    ]
    nbformat.write(notebook, tmp_path / "where.ipynb")
    tasks = [Task(str(step), {"step": step}) for step in range(6)]
    runs = [
        finished
        for _, error, _, finished in run_tasks(tasks, tmp_path / "where.ipynb", where_it_ran, workers=2, progress=False)
        if error is None
    ]
    assert len(runs) == 6
    cores = sorted(os.sched_getaffinity(0))
    workers = {pid: worker for pid, worker, _ in runs}
    for _pid, worker, kernel in runs:
        assert len(worker) == 1 and worker[0] in cores and kernel == worker
    if len(cores) >= 2 and len(workers) == 2:  # two workers took tasks: each has a core of its own
        assert workers[min(workers)] != workers[max(workers)]


def printed(task, notebook):
    """``finish``: what the notebook's last cell printed."""
    return notebook.cells[-1].outputs[0].text


def test_the_reset_and_leading_parameter_cells_join_the_first_cell_after_them_and_the_notebook_runs_as_written(
    tmp_path,
):
    notebook = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
        cells=[
            nbformat.v4.new_markdown_cell("# title"),
            nbformat.v4.new_code_cell("a = 1\nb = 1"),
            nbformat.v4.new_code_cell("print(a + b)"),
        ],
    )
    notebook.cells[1].metadata["tags"] = ["parameters"]
    nbformat.write(notebook, tmp_path / "leading.ipynb")
    notebook.cells.insert(
        1, nbformat.v4.new_code_cell("c = 10")
    )  # a cell before the parameters: it goes with the reset
    notebook.cells[-1].source = "print(a + b + c)"
    nbformat.write(notebook, tmp_path / "later.ipynb")
    for name, expected in (("leading", "3\n"), ("later", "13\n")):
        [(_, error, _, text)] = run_tasks(
            [Task(name, {"b": 2})], tmp_path / f"{name}.ipynb", printed, workers=1, progress=False
        )
        assert error is None and text == expected, name
    later = nbformat.read(tmp_path / "later.ipynb", as_version=4)
    assert _first_request(later) == ([], 1)
    injected = nbformat.v4.new_code_cell("b = 2")
    injected.metadata["tags"] = ["injected-parameters"]
    later.cells = [later.cells[0], later.cells[2], injected, nbformat.v4.new_code_cell(""), later.cells[3]]
    assert _first_request(later) == ([1, 2], 4)  # a blank cell is not executed
    later.cells = later.cells[:3]
    assert _first_request(later) == ([1], 2)  # parameter cells only: the last one goes with the reset


def connection(task, notebook):
    """``finish``: the kernel's connection as its notebook printed it."""
    return json.loads(notebook.cells[-1].outputs[0].text)


def test_kernels_listen_on_unix_sockets_in_a_folder_of_their_workers_own(project, tmp_path):
    notebook = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}
    )
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "import json, os\nfrom ipykernel.connect import get_connection_info\n"
            "info = get_connection_info(unpack=True)\n"
            "folder = os.path.dirname(info['ip']) if info['transport'] == 'ipc' else None\n"
            "print(json.dumps({'transport': info['transport'], 'ip': info['ip'],\n"
            "                  'mode': folder and oct(os.stat(folder).st_mode & 0o777)}))"
        )
    ]
    nbformat.write(notebook, tmp_path / "connection.ipynb")
    [(_, error, _, info)] = run_tasks(
        [Task("a", {})], tmp_path / "connection.ipynb", connection, workers=1, progress=False
    )
    assert error is None
    assert info["transport"] == "ipc" and os.path.isabs(info["ip"]) and info["mode"] == "0o700"
    assert not os.path.exists(os.path.dirname(info["ip"]))  # removed with its worker
    # ipykernel warns of a kernel listening on TCP without encryption at every start; not here.
    cli = run_ucjlib(project, "reports", "--region", "Binjai", "--language", "id", "--force")  # a kernel starts
    assert cli.returncode == 0 and "without encryption" not in cli.stderr, cli.stderr


def pyplot_state(task, notebook):
    """``finish``: what the notebook's last cell printed of pyplot in its kernel."""
    return json.loads(notebook.cells[-1].outputs[0].text)


def test_reports_draw_their_maps_without_pyplot_and_a_figure_a_cell_leaves_is_closed_before_the_next(
    project, tmp_path, monkeypatch
):
    """Importing pyplot costs a kernel a third of a core-second; its figures would outlive the reset."""
    monkeypatch.setenv("UCJ_ROOT", str(project))
    notebook = nbformat.read(paths.notebooks_dir() / "report-region.ipynb", as_version=4)
    notebook.cells.append(
        nbformat.v4.new_code_cell(
            "import json, sys\nloaded = 'matplotlib.pyplot' in sys.modules\nfigures = None\n"
            "if region == '12.75':  # a cell that draws with pyplot and leaves its figure open\n"
            "    import matplotlib.pyplot as plt\n    figures = len(plt.get_fignums())\n    plt.figure()\n"
            "print(json.dumps([loaded, figures]))"
        )
    )
    nbformat.write(notebook, tmp_path / "report-region.ipynb")
    # Lampung's report draws a locator map and a choropleth of its kabupaten/kota.
    tasks = [
        Task(f"{step}-{code}", {"region": code, "languages": ["id"]}, batch="one kernel")
        for step, code in enumerate(["18", "12.75", "12.75"])
    ]
    runs = {
        task.name: (error, state)
        for task, error, _, state in run_tasks(
            tasks, tmp_path / "report-region.ipynb", pyplot_state, workers=1, progress=False
        )
    }
    assert runs == {"0-18": (None, [False, None]), "1-12.75": (None, [False, 0]), "2-12.75": (None, [True, 0])}
