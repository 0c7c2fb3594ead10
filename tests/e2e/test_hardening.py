"""Hostile text stays text, interrupted runs lose nothing, arbitrary input fails cleanly,
and `verify` notices reports that no longer match the data."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import add_fictional_region, copy_project, copy_raw, drop_missing_fictional_region, run_ucjlib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ucjlib.data.build import load_and_clean
from ucjlib.errors import InputError
from ucjlib.publish.manifest import FORMAT, write_manifest

HOSTILE = {
    "script": "<script>alert('ucj')</script>",
    "img": '<img src=x onerror="alert(1)">',
    "link": '<a href="javascript:alert(1)">klik</a>',
}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def visible_text(page: str) -> str:
    parser = _Tags()
    parser.feed(page)
    return "".join(parser.text)


def active_content(page: str) -> list:
    """Every tag or attribute in a page that would run or navigate to script."""
    parser = _Tags()
    parser.feed(page)
    found = []
    for tag, attrs in parser.tags:
        if tag in ("script", "iframe", "object", "embed"):
            found.append(tag)
        found += [f"{tag} {name}" for name in attrs if name.startswith("on")]
        found += [
            f"{tag} {name}={value}"
            for name, value in attrs.items()
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:")
        ]
    return found


def edit_csv(path: Path, edit) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    fields = list(rows[0])
    for row in rows:
        edit(row)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_hostile_text_in_the_data_shows_as_text_in_reports_and_index(tmp_path):
    raw = copy_raw(tmp_path)

    def sources(row):
        if row["source_id"] == "poskota-labuhanbatu-2025-04":
            row["outlet"] = "Poskota " + HOSTILE["script"]
            row["title_id"] = row["title_en"] = "Judul " + HOSTILE["img"]
            row["note_id"] = row["note_en"] = "Catatan " + HOSTILE["link"]

    def observations(row):
        if row["indicator"] == "uncovered_by_group" and row["group"] == "guru":
            row["group"] = "guru " + HOSTILE["img"]
        if row["region"] == "Muba":
            row["region"] = "<b>Muba</b>"

    edit_csv(raw / "sources.csv", sources)
    edit_csv(raw / "observations.csv", observations)
    with (raw / "region_aliases.csv").open("a", encoding="utf-8") as aliases:
        aliases.write(
            '<b>Muba</b>,Kabupaten Musi Banyuasin,"alias with markup '
            + HOSTILE["script"].replace('"', "'")
            + '",hostile text test\n'
        )
    assert run_ucjlib(tmp_path, "build").returncode == 0
    result = run_ucjlib(tmp_path, "reports")
    assert result.returncode == 0, result.stderr
    pages = {
        p.relative_to(tmp_path / "reports").as_posix(): p.read_text(encoding="utf-8")
        for p in (tmp_path / "reports").glob("**/*.html")
    }
    assert len(pages) == 12  # the nation and four regions in two languages, and two index pages
    for name, page in pages.items():
        assert active_content(page) == [], name
    # The markup arrives as the text a reader sees, character for character.
    labuhanbatu = visible_text(pages["12.10-kabupaten-labuhanbatu.html"])
    for text in ("Poskota " + HOSTILE["script"], "guru " + HOSTILE["img"], "Catatan " + HOSTILE["link"]):
        assert text in labuhanbatu, text
    assert "Poskota " + HOSTILE["script"] in visible_text(pages["index.html"])


# -- interrupted runs ------------------------------------------------------------------------


def start(root: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "UCJ_ROOT": str(root), "MPLBACKEND": "Agg"}
    return subprocess.Popen(
        [sys.executable, "-m", "ucjlib", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def kill_after(process: subprocess.Popen, seconds: float) -> None:
    time.sleep(seconds)
    kill_when(process, lambda run: True)


def kill_when(process: subprocess.Popen, moment) -> None:
    """Kill the whole run, kernels included, as soon as ``moment(process)`` holds (unless it ended first;
    a moment that never comes is waited for two minutes at most)."""
    deadline = time.monotonic() + 120
    while process.poll() is None and not moment(process) and time.monotonic() < deadline:
        time.sleep(0.05)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.glob("**/*")) if p.is_file()}


def test_killing_the_build_keeps_complete_outputs_and_the_next_build_recovers(seed_built, tmp_path):
    raw = copy_project(seed_built, tmp_path)
    before = snapshot(tmp_path / "data" / "processed")
    edit_csv(raw / "observations.csv", lambda row: row.update(note_en=row["note_en"] + " (revised)"))
    for delay in (0.0, 0.4, 0.8, 1.2, 1.6, 2.5):
        kill_after(start(tmp_path, "build"), delay)
        now = snapshot(tmp_path / "data" / "processed")
        for name in before:
            # Each file is the old one or a complete new one: parseable, same row count.
            assert name in now
            rows = list(csv.reader(io.StringIO(now[name].decode("utf-8"))))
            assert len(rows) == len(list(csv.reader(io.StringIO(before[name].decode("utf-8"))))), (delay, name)
    assert run_ucjlib(tmp_path, "build").returncode == 0
    after = snapshot(tmp_path / "data" / "processed")
    assert set(after) == set(before)  # no leftover temporary files
    assert b"(revised)" in after["observations.csv"]


def test_killing_the_report_run_keeps_published_reports_whole_and_the_next_run_recovers(seed_published, tmp_path):
    copy_project(seed_published, tmp_path)
    reports = tmp_path / "reports"
    written = {page: page.stat().st_mtime_ns for page in reports.glob("**/*.html")}

    def kernel_running(run):
        try:
            return any(b"ipykernel" in _cmdline(pid) for pid in _descendants(run.pid))
        except OSError:  # a process ended while its children were read
            return False

    def page_replaced(run):
        return any(page.stat().st_mtime_ns != mtime for page, mtime in written.items() if page.exists())

    # Killed while starting (before any kernel), once a kernel runs, and once it has begun replacing pages.
    for moment, when in (
        ("starting", lambda run: time.sleep(0.5) or True),
        ("kernel running", kernel_running),
        ("page replaced", page_replaced),
    ):
        run = start(tmp_path, "reports", "--force")
        kill_when(run, when)
        for page in reports.glob("**/*.html"):
            text = page.read_text(encoding="utf-8")
            assert text.startswith("<!DOCTYPE html>") and text.endswith("</html>\n"), (moment, page)
        # The manifest is always readable and true to the files it lists.
        assert run_ucjlib(tmp_path, "verify").returncode == 0, moment
        written = {page: page.stat().st_mtime_ns for page in reports.glob("**/*.html")}
    rerun = run_ucjlib(tmp_path, "reports")
    assert rerun.returncode == 0
    assert not list(reports.glob("**/.tmp-*"))
    assert run_ucjlib(tmp_path, "verify").returncode == 0


def test_verify_lists_reports_made_stale_by_a_data_change(seed_built, seed_published, tmp_path):
    copy_project(seed_built, tmp_path / "partial")
    assert run_ucjlib(tmp_path / "partial", "reports", "--region", "Binjai").returncode == 0
    # Only Binjai was rendered, and outside a full run: the others are listed as not rendered.
    verify = run_ucjlib(tmp_path / "partial", "verify")
    assert verify.returncode == 1 and "12.10/id: not rendered" in verify.stdout
    # After a full run (a copy of one: the copy keeps its files' times):
    tmp_path = tmp_path / "published"
    raw = copy_project(seed_published, tmp_path)
    index = tmp_path / "reports" / "index.html"
    written = index.stat().st_mtime_ns
    second = run_ucjlib(tmp_path, "reports")
    assert "rendered 0 reports, 10 unchanged" in second.stdout  # nothing changed: nothing re-rendered
    assert index.stat().st_mtime_ns == written  # not even the index
    edit_csv(
        raw / "observations.csv",
        lambda row: (
            row.update(value="34%") if row["region"] == "Kota Binjai" and row["indicator"] == "ucj_coverage" else None
        ),
    )
    assert run_ucjlib(tmp_path, "build").returncode == 0
    verify = run_ucjlib(tmp_path, "verify")
    assert verify.returncode == 1
    stale = sorted(line.split(":")[0] for line in verify.stdout.splitlines() if "stale" in line)
    assert stale == ["12.75/en", "12.75/id"]  # another region's edit leaves the others current
    third = run_ucjlib(tmp_path, "reports")
    assert "rendered 2 reports, 8 unchanged" in third.stdout
    assert index.stat().st_mtime_ns != written  # it shows Binjai's new figure
    assert run_ucjlib(tmp_path, "verify").returncode == 0


def test_a_bad_build_leaves_processed_data_and_reports_untouched(seed_published, tmp_path):
    raw = copy_project(seed_published, tmp_path)
    before = snapshot(tmp_path / "data" / "processed") | snapshot(tmp_path / "reports")
    edit_csv(
        raw / "observations.csv",
        lambda row: row.update(value="12,3,4%") if row["indicator"] == "ucj_coverage" else None,
    )
    result = run_ucjlib(tmp_path, "build")
    assert result.returncode == 1 and "'12,3,4%'" in result.stderr
    assert snapshot(tmp_path / "data" / "processed") | snapshot(tmp_path / "reports") == before


# -- fuzzing the raw loader ---------------------------------------------------------------------

HEADER = "region,level,province,indicator,value,as_of,source_id,note\n"
cells = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        [
            "Muba",
            "Kota Binjai",
            "Jambi",
            "ucj_coverage",
            "workers",
            "36,48%",
            "31.9",
            "2025",
            "2025-13",
            "poskota-labuhanbatu-2025-04",
            '"',
            ";",
            "\r\n",
            "\ufeff",
            "",
        ]
    ),
)
rows = st.lists(st.lists(cells, min_size=0, max_size=9), max_size=4)


def _load_arbitrary(raw: Path, table: list[list[str]], as_text: str | None = None) -> None:
    if as_text is None:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(table)
        as_text = HEADER + buffer.getvalue()
    (raw / "observations.csv").write_text(as_text, encoding="utf-8", errors="surrogatepass")
    try:
        load_and_clean(raw)
    except InputError:
        pass  # the project's own error type: the only acceptable failure


@pytest.fixture(scope="module")
def scratch_raw():
    with tempfile.TemporaryDirectory() as folder:
        yield copy_raw(Path(folder))


FUZZ = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@settings(max_examples=40, **FUZZ)
@given(table=rows)
def test_raw_loader_on_arbitrary_rows_returns_or_raises_input_error(scratch_raw, table):
    _load_arbitrary(scratch_raw, table)


@settings(max_examples=25, **FUZZ)
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_raw_loader_on_arbitrary_text_returns_or_raises_input_error(scratch_raw, text):
    _load_arbitrary(scratch_raw, [], as_text=text)


@pytest.mark.exhaustive
@settings(max_examples=1500, **FUZZ)
@given(table=rows, text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_raw_loader_fuzz_many_examples(scratch_raw, table, text):
    _load_arbitrary(scratch_raw, table)
    _load_arbitrary(scratch_raw, [], as_text=text)


@pytest.mark.parametrize("command", ["summary", "verify", "reports"])
def test_commands_before_any_build_say_so_in_one_line(tmp_path, command):
    copy_raw(tmp_path)  # raw data only: data/processed/ does not exist yet
    result = run_ucjlib(tmp_path, command)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ") and "python -m ucjlib build" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bidirectional_controls_are_removed_from_raw_text(tmp_path):
    raw = copy_raw(tmp_path)
    # U+202E (right-to-left override) inside a region name would display "Binjai" reversed.
    edit_csv(
        raw / "observations.csv",
        lambda row: row.update(region="Kota Bin\u202ejai") if row["region"] == "Kota Binjai" else None,
    )
    assert run_ucjlib(tmp_path, "build").returncode == 0
    processed = (tmp_path / "data" / "processed" / "observations.csv").read_text(encoding="utf-8")
    assert "\u202e" not in processed and "Kota Binjai" in processed


def test_processed_files_are_safe_to_open_in_a_spreadsheet(tmp_path):
    raw = copy_raw(tmp_path, everything=True)  # every source: a "+20-point rule" check needs JPNN's 2024 Muba figure
    # Text a spreadsheet would run as a formula, in a note and in a group.
    edit_csv(
        raw / "observations.csv",
        lambda row: (
            row.update(note_en='=HYPERLINK("http://x","y")', group="@SUM(A1)", group_en="@SUM(A1)")
            if row["indicator"] == "uncovered_by_group" and row["group"] == "guru"
            else None
        ),
    )
    assert run_ucjlib(tmp_path, "build").returncode == 0
    processed = tmp_path / "data" / "processed"
    rows = list(csv.DictReader((processed / "observations.csv").open(encoding="utf-8")))
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))]  # nothing a spreadsheet would run
    assert '\'=HYPERLINK("http://x","y")' in cells and "'@SUM(A1)" in cells
    # The project reads the text back as it was written.
    from ucjlib.data.processed import load_checks, load_processed

    frame = load_processed(processed / "observations.csv")
    assert '=HYPERLINK("http://x","y")' in set(frame["note_en"]) and "@SUM(A1)" in set(frame["group"])
    assert "+20-point rule" in set(load_checks(processed / "checks.csv")["check"])


# -- one published set --------------------------------------------------------------------------


def _drop_binjai(raw: Path) -> None:
    """Take Kota Binjai (its one source) out of the data."""
    for name in ("observations.csv", "sources.csv", "legal_references.csv"):
        path = raw / name
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(row for row in rows if row["source_id"] != "fgd-binjai-2024-10")


def test_a_region_that_leaves_the_data_loses_its_page_and_its_link(seed_published, tmp_path):
    raw = copy_project(seed_published, tmp_path)
    reports = tmp_path / "reports"
    assert (reports / "12.75-kota-binjai.html").exists()
    _drop_binjai(raw)
    assert run_ucjlib(tmp_path, "build").returncode == 0
    # Before any new render, verify already says the published set no longer matches.
    verify = run_ucjlib(tmp_path, "verify")
    assert verify.returncode == 1 and "12.75/id: published, but its region is no longer in the data" in verify.stdout
    # A partial run (another province) is enough to take the page down and unlink it.
    assert run_ucjlib(tmp_path, "reports", "--province", "Lampung", "--language", "id").returncode == 0
    assert not (reports / "12.75-kota-binjai.html").exists()
    assert "12.75-kota-binjai.html" not in (reports / "index.html").read_text(encoding="utf-8")


def test_files_the_run_did_not_make_are_kept_and_named_and_an_index_that_misses_a_report_is_listed(
    seed_published, tmp_path
):
    copy_project(seed_published, tmp_path)
    reports = tmp_path / "reports"
    assert run_ucjlib(tmp_path, "verify").returncode == 0
    # A person's files: a page, one named like a report, a folder of their own.
    theirs = {
        "about.html": "<!DOCTYPE html><p>about</p>",
        "99.99-kota-lama.html": "<!DOCTYPE html><p>old</p>",
        "en/notes/readme.txt": "notes",
    }
    for name, text in theirs.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_text(text, encoding="utf-8")
    index = (reports / "en" / "index.html").read_text(encoding="utf-8")
    (reports / "en" / "index.html").write_text(
        index.replace('href="12.10-kabupaten-labuhanbatu.html"', 'href="#"'), encoding="utf-8"
    )
    # A page the run made under the region's former name: it goes when the run renders the new one.
    recorded = json.loads((reports / "manifest.json").read_text(encoding="utf-8"))
    (reports / "12.75-kota-binjai.html").rename(reports / "12.75-kota-binjai-lama.html")
    recorded["reports"]["12.75/id"] |= {
        "file": "12.75-kota-binjai-lama.html",
        "inputs_sha256": "rendered from older data",
    }
    (reports / "manifest.json").write_text(json.dumps(recorded), encoding="utf-8")
    verify = run_ucjlib(tmp_path, "verify")
    assert verify.returncode == 1
    assert "en/index.html: does not link en/12.10-kabupaten-labuhanbatu.html" in verify.stdout
    # The next run rewrites the index and keeps the files it did not make; verify names them, and passes.
    assert run_ucjlib(tmp_path, "reports").returncode == 0
    assert (reports / "12.75-kota-binjai.html").exists() and not (reports / "12.75-kota-binjai-lama.html").exists()
    verify = run_ucjlib(tmp_path, "verify")
    assert verify.returncode == 0, verify.stdout
    for name, text in theirs.items():
        assert (reports / name).read_text(encoding="utf-8") == text
        assert f"{name}: kept, not made by the run (the manifest does not record it)" in verify.stdout


def test_a_damaged_manifest_is_set_aside_in_one_line_and_rebuilt(seed_published, tmp_path):
    copy_project(seed_published, tmp_path)
    path = tmp_path / "reports" / "manifest.json"
    good = json.loads(path.read_text(encoding="utf-8"))
    without_hash = json.loads(json.dumps(good))
    del without_hash["reports"]["12.75/id"]["html_sha256"]
    damages = (
        path.read_text(encoding="utf-8").encode("utf-16"),
        json.dumps(good | {"reports": None}).encode(),
        json.dumps(without_hash).encode(),
    )
    for number, damaged in enumerate(damages):
        path.write_bytes(damaged)
        # A full run rebuilds the manifest once; the other damages are read by a one-report run.
        subset = () if number == 0 else ("--region", "12.75", "--language", "id")
        for command in (("verify",), ("reports", *subset)):
            result = run_ucjlib(tmp_path, *command)
            assert "Traceback" not in result.stderr, command
            [line] = [line for line in result.stderr.splitlines() if "manifest.json" in line]
            assert line.startswith("warning: reports/manifest.json: ") and "treated as absent" in line, command
        if number == 0:
            assert run_ucjlib(tmp_path, "verify").returncode == 0  # rebuilt by the run


def test_a_manifest_path_outside_reports_is_refused_and_its_file_survives_a_failed_report(tmp_path):
    raw = copy_raw(tmp_path)
    add_fictional_region(raw)
    assert run_ucjlib(tmp_path, "build").returncode == 0
    drop_missing_fictional_region(raw)  # its report fails
    sources = (raw / "sources.csv").read_bytes()
    entry = {
        "file": "../data/raw/sources.csv",
        "html_sha256": "ab",
        "inputs_sha256": "cd",
        "language": "id",
        "parameters": {"region": "99.02"},
        "region_code": "99.02",
        "region_name": "Kota Fiktif Hilang",
    }
    write_manifest(tmp_path / "reports", {"format": FORMAT, "failed": {}, "reports": {"99.02/id": entry}})
    result = run_ucjlib(tmp_path, "reports", "--province", "99", "--language", "id")
    assert result.returncode == 1 and "FAILED 99.02 Kota Fiktif Hilang [id]" in result.stderr
    assert (raw / "sources.csv").read_bytes() == sources
    [line] = [line for line in result.stderr.splitlines() if "manifest.json" in line]
    assert "'../data/raw/sources.csv' is not inside reports/" in line


def test_processed_files_from_two_builds_are_refused(seed_built, tmp_path):
    raw = copy_project(seed_built, tmp_path)
    processed = tmp_path / "data" / "processed"
    first = (processed / "observations.csv").read_bytes()
    edit_csv(raw / "observations.csv", lambda row: row.update(note_en=row["note_en"] + " (revised)"))
    assert run_ucjlib(tmp_path, "build").returncode == 0
    # An interrupted build: the new checks and stamp, the old observations.
    (processed / "observations.csv").write_bytes(first)
    result = run_ucjlib(tmp_path, "reports", "--region", "Binjai")
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "observations.csv is not the file the last build wrote" in result.stderr
    assert not list((tmp_path / "reports").glob("*.html"))


# -- runs that cannot collide or outlive their parent -------------------------------------------


def test_a_second_run_refuses_while_one_runs_and_touches_nothing(seed_built, tmp_path, monkeypatch):
    from ucjlib.files import exclusive_run

    copy_project(seed_built, tmp_path)
    processed = tmp_path / "data" / "processed"
    leftover = processed / ".tmp-another-run"
    leftover.write_text("a temporary file of the run in progress", encoding="utf-8")
    before = snapshot(processed)
    monkeypatch.setenv("UCJ_ROOT", str(tmp_path))
    with exclusive_run("reports"):
        for command in ("build", "reports"):
            result = run_ucjlib(tmp_path, command)
            assert result.returncode == 1, command
            assert f"`python -m ucjlib reports` (process {os.getpid()}) is running" in result.stderr
            assert f"then run `python -m ucjlib {command}` again" in result.stderr
        assert snapshot(processed) == before  # the other run's temporary file survives
    assert run_ucjlib(tmp_path, "build").returncode == 0  # released: the next run goes ahead


@pytest.mark.parametrize("link", ["symbolic", "dangling symbolic", "hard"])
def test_a_run_lock_that_is_a_link_is_refused_in_one_line_and_its_target_untouched(tmp_path, link):
    raw = copy_raw(tmp_path)
    target, lock = raw / "observations.csv", tmp_path / ".ucj-run.lock"
    before = target.read_bytes()
    if link == "hard":
        os.link(target, lock)
    else:
        lock.symlink_to(target if link == "symbolic" else tmp_path / "elsewhere.csv")
    result = run_ucjlib(tmp_path, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("error: .ucj-run.lock is ")
    assert target.read_bytes() == before and not (tmp_path / "elsewhere.csv").exists()
    assert not (tmp_path / "data" / "processed").exists()  # refused before the build began


def _descendants(pid: int) -> set[int]:
    found, queue = set(), [pid]
    while queue:
        parent = queue.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            children = (task / "children").read_text().split() if (task / "children").exists() else []
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    queue.append(child)
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return b""


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


def test_killing_the_report_process_alone_takes_its_workers_and_kernels_with_it(seed_built, tmp_path):
    copy_project(seed_built, tmp_path)
    run = start(tmp_path, "reports", "--force", "--workers", "2")
    deadline, kernels = time.time() + 60, set()
    while time.time() < deadline and not kernels:
        time.sleep(0.5)
        family = _descendants(run.pid)
        kernels = {pid for pid in family if b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes()}
    assert kernels, "no kernel started"
    family = _descendants(run.pid)
    os.kill(run.pid, signal.SIGKILL)  # the parent only, as `kill -9 <pid>` would
    run.wait()
    deadline = time.time() + 20
    while time.time() < deadline and any(_alive(pid) for pid in family):
        time.sleep(0.5)
    assert not [pid for pid in family if _alive(pid)], "workers or kernels outlived their parent"


def test_more_workers_than_the_machine_holds_are_capped(seed_built, tmp_path):
    from ucjlib.publish.runner import worker_cap

    copy_project(seed_built, tmp_path)
    result = run_ucjlib(tmp_path, "reports", "--workers", "1000", "--region", "Binjai", "--language", "id")
    assert result.returncode == 0, result.stderr
    assert f"using {worker_cap()} workers" in result.stderr and 1 <= worker_cap() <= (os.cpu_count() or 1)
    for bad in ("0", "-3", "many"):
        refused = run_ucjlib(tmp_path, "reports", "--workers", bad)
        assert refused.returncode == 2 and "is not a whole number of at least 1" in refused.stderr


def test_an_output_folder_that_cannot_be_written_ends_in_one_error_line(tmp_path):
    # A file where a folder belongs (root ignores permission bits, so this is how the test blocks writing).
    copy_raw(tmp_path)
    (tmp_path / "data" / "processed").write_text("not a folder", encoding="utf-8")
    build = run_ucjlib(tmp_path, "build")
    assert build.returncode == 1 and build.stderr.startswith("error: ") and "data/processed" in build.stderr
    assert "Traceback" not in build.stderr
    (tmp_path / "data" / "processed").unlink()
    assert run_ucjlib(tmp_path, "build").returncode == 0
    (tmp_path / "reports").write_text("not a folder", encoding="utf-8")
    for command in ("reports", "verify"):
        result = run_ucjlib(tmp_path, command)
        assert result.returncode == 1 and result.stderr.startswith("error: ") and "reports" in result.stderr, command
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def copy_code(root: Path) -> Path:
    """ucjlib, its template notebooks and the boundary file under ``root``: the code reads the last
    two beside itself, not under UCJ_ROOT. Run with PYTHONPATH=root (kernels inherit it)."""
    import shutil

    from ucjlib import paths

    for part in ("ucjlib", "notebooks", "data/boundaries"):
        shutil.copytree(paths.PACKAGE_DIR.parent / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    return root / "data" / "boundaries" / "regions.geojson"


def test_a_bad_boundary_costs_one_map_and_a_damaged_boundary_file_stops_the_run_in_one_line(
    seed_built, tmp_path, monkeypatch
):
    copy_project(seed_built, tmp_path)
    boundaries = copy_code(tmp_path)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.chdir(tmp_path)  # `python -m` puts the working folder first on the path
    # Kota Medan's feature once more, coded as Kota Binjai's: Binjai's map would show Medan.
    collection = json.loads(boundaries.read_text(encoding="utf-8"))
    medan = next(feature for feature in collection["features"] if feature["properties"]["code"] == "12.71")
    collection["features"].append({**medan, "properties": {"code": "12.75", "name": "Binjai"}})
    boundaries.write_text(json.dumps(collection), encoding="utf-8")
    assert run_ucjlib(tmp_path, "build").returncode == 0
    result = run_ucjlib(tmp_path, "reports", "--region", "Binjai", "--language", "id")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "reports" / "12.75-kota-binjai.html").read_text(encoding="utf-8")
    assert '<figure class="map">' not in page and "peta letak daerah" in page
    [line] = [line for line in result.stderr.splitlines() if "regions.geojson" in line]
    assert line.startswith("warning: data/boundaries/regions.geojson, feature 12.75 (Kota Binjai): has 2 features")
    # Cut short: one error line before any kernel starts, and reports/ (pages, index, manifest) as it was.
    published = {path: path.read_bytes() for path in (tmp_path / "reports").rglob("*") if path.is_file()}
    boundaries.write_text(boundaries.read_text(encoding="utf-8")[:300_000], encoding="utf-8")
    result = run_ucjlib(tmp_path, "reports", "--region", "Binjai", "--language", "id", "--force")
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("error: data/boundaries/regions.geojson is cut short")
    assert {path: path.read_bytes() for path in (tmp_path / "reports").rglob("*") if path.is_file()} == published


# -- a failure outside a page never takes the page down ------------------------------------------


def test_contradictory_options_and_numbers_out_of_bounds_are_refused_in_one_line_and_the_nation_can_be_chosen(
    seed_built, tmp_path, monkeypatch, refused
):
    from ucjlib.cli import _regions

    copy_project(seed_built, tmp_path)
    # The command as a user types it (one refusal), then the others in this process (tests/conftest.py).
    first = run_ucjlib(tmp_path, "reports", "--region", "Binjai", "--province", "Sumut")
    assert first.returncode == 1 and first.stderr.startswith("error: give --region or --province, not both")
    assert len(first.stderr.splitlines()) == 1, first.stderr
    for flags, words in (
        (["--region", "Binjai", "--premium-rate", "nan"], "premium_rate must be a number of rupiah"),
        (["--region", "Binjai", "--premium-rate", "inf"], "premium_rate must be a number of rupiah"),
        (["--region", "Binjai", "--workforce-growth", "nan"], "workforce_growth must be a yearly fraction"),
        (["--region", "Binjai", "--workforce-growth", "1e308"], "workforce_growth must be a yearly fraction"),
    ):
        code, stderr = refused(tmp_path, "reports", *flags)
        assert code == 1 and stderr.startswith("error: ") and words in stderr, stderr
        assert len(stderr.strip().splitlines()) == 1, stderr
    for seconds in ("0", "3601", "1e9", "nan"):  # a report's time limit has bounds too
        code, stderr = refused(tmp_path, "reports", "--region", "Binjai", "--timeout", seconds)
        assert code == 2 and "is not a whole number of seconds from 1 to 3600" in stderr, seconds
    assert not (tmp_path / "reports").exists() or not list((tmp_path / "reports").glob("**/*.html"))
    # The national report is chosen by its code, its name or its alias; a province's regions never include it.
    monkeypatch.setenv("UCJ_ROOT", str(tmp_path))
    for name in ("00", "Indonesia", "Nasional"):
        assert _regions([name], None) == {"00"}, name
    assert _regions(None, "Sumut") == {"12.10", "12.75"}


def test_ctrl_c_ends_a_report_run_in_one_line_and_leaves_its_pages_whole(seed_published, tmp_path):
    from ucjlib.publish.manifest import read_manifest

    copy_project(seed_published, tmp_path)
    reports = tmp_path / "reports"
    before = snapshot(reports)
    env = {**os.environ, "UCJ_ROOT": str(tmp_path), "MPLBACKEND": "Agg"}
    # As a terminal's Ctrl-C: SIGINT to the whole process group (workers too), handled as by default.
    run = subprocess.Popen(
        [sys.executable, "-m", "ucjlib", "reports", "--region", "Binjai", "--language", "id", "--force"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline, kernels = time.time() + 120, set()
    while time.time() < deadline and not kernels and run.poll() is None:
        time.sleep(0.2)
        kernels = {pid for pid in _descendants(run.pid) if b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes()}
    assert kernels, "no kernel started"
    os.killpg(run.pid, signal.SIGINT)
    _, stderr = run.communicate(timeout=120)
    lines = [
        line for line in stderr.replace("\r", "\n").splitlines() if line.strip() and not line.startswith("executing")
    ]
    assert run.returncode == 130 and len(lines) == 1 and lines[0].startswith("interrupted: "), stderr
    assert snapshot(reports) == before and read_manifest(reports)["reports"]
