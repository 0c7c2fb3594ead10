"""Execute a parameterised notebook many times fast: a pool of worker processes, each keeping
one warm Jupyter kernel, filling the template's parameters with papermill and executing it
with nbclient. What happens to an executed notebook is the caller's ``finish`` function
(run in the worker, its result handed back); this module knows nothing of HTML, reports or
languages.

Starting a kernel and importing pandas, matplotlib and statsmodels costs seconds; running
the report cells in a kernel that has already done so costs well under one. Before each
task the kernel's user namespace is reset and figures are closed, so nothing carries
over from one task to the next (a test compares against a fresh kernel); what the library
caches at module level (data read, models computed) stays, and the tasks of one batch run
in a row on one kernel so that they share it. A kernel that dies or exceeds the timeout
(per cell, and per attempt in wall-clock time; starting a kernel has a limit of its own and
does not count) is killed, replaced and the task retried once. Workers are capped by cores
and memory, each keeps to a core of its own with its kernel, and they exit when the process
that started them dies, taking their kernels with them; Ctrl-C is the parent's to answer.
"""

from __future__ import annotations

import asyncio
import copy
import ctypes
import multiprocessing
import os
import shutil
import signal
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from ucjlib.errors import TaskTimeout

# Run before every report (in one request with its parameter cells and the first cell after
# them): forget the previous report's variables, outputs and figures.
# The imported modules stay loaded, which is the whole point of a warm kernel.
# What survives IPython's reset is frozen, so that the full garbage collection ending each reset
# walks only what the last report created, not pandas, matplotlib and the library's caches again.
# Figures pyplot holds (if a cell used it: the library's report path does not import it) are
# closed first, so they are collected, not frozen.
RESET = (
    "import sys as _sys\nif 'matplotlib.pyplot' in _sys.modules:\n    _sys.modules['matplotlib.pyplot'].close('all')\n"
    "get_ipython().reset(new_session=False)\nimport gc as _gc\n_gc.freeze()\ndel _gc"
)


@dataclass(frozen=True)
class Task:
    """One execution: the template's parameters, and what ``finish`` needs to know."""

    name: str  # for messages
    parameters: dict
    details: dict = field(default_factory=dict)  # for ``finish``: where the results go, their titles…
    batch: str = ""  # tasks of one batch run in a row in the same kernel (what they share is computed once)


class _Worker:
    """One warm kernel, owned by one worker process."""

    def __init__(self, template: str, timeout: int, finish: Callable, prepare: str = ""):
        from jupyter_client.manager import AsyncKernelManager
        from papermill.iorw import load_notebook_node

        self.template = load_notebook_node(template)
        self.timeout = timeout
        self.finish = finish
        self.prepare = prepare
        self.loop = asyncio.new_event_loop()
        self.manager_class = AsyncKernelManager
        self.km = self.kc = None
        self.language_info = None  # the kernel's, asked once per kernel (nbclient asks before every notebook)
        self.workdir = tempfile.mkdtemp(prefix="ucj-kernel-")

    async def _start(self) -> None:
        # Over Unix sockets in this worker's own folder (readable by its user alone), not TCP ports
        # on localhost that any local user can reach (ipykernel warns of those at every start).
        self.km = self.manager_class(kernel_name="python3", transport="ipc", ip=os.path.join(self.workdir, "kernel"))
        # No IPython history: it would write every execution to SQLite, which nobody reads.
        await self.km.start_kernel(cwd=self.workdir, extra_arguments=["--HistoryManager.enabled=False"])
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=KERNEL_START_SECONDS)
        self.language_info = None

    async def _stop(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None and await self.km.is_alive():
            await self.km.shutdown_kernel(now=True)
        self.km = self.kc = None

    async def _ready(self) -> None:
        """A kernel that answers, started if there is none (or it died), and its language."""
        if self.km is None or not await self.km.is_alive():
            await self._stop()
            await self._start()
        if self.language_info is None:  # the same for every notebook this kernel runs (nbclient asks before each)
            reply = await self.kc.kernel_info(reply=True)
            self.language_info = reply["content"]["language_info"]
            if self.prepare:  # what every task imports: part of a kernel's start, not of the first task's time
                reply = await self.kc.execute(self.prepare, silent=True, store_history=False, reply=True)
                if reply["content"]["status"] != "ok":
                    raise RuntimeError(
                        f"the kernel could not prepare: {reply['content'].get('ename')}: "
                        f"{reply['content'].get('evalue')}"
                    )

    async def _execute(self, parameters: dict):
        from nbclient import NotebookClient
        from papermill.parameterize import parameterize_notebook

        notebook = parameterize_notebook(
            copy.deepcopy(self.template), parameters, kernel_name="python3", language="python"
        )
        client = NotebookClient(notebook, km=self.km, kernel_name="python3", timeout=self.timeout, allow_errors=False)
        client.kc = self.kc  # reuse the warm kernel's client: nothing is started or shut down
        notebook.metadata["language_info"] = self.language_info
        # What nbclient's async_execute does, except that the reset and the parameter cells go to
        # the kernel in one request with the first cell after them: each request costs the kernel
        # and this worker milliseconds whatever it runs.
        head, first = _first_request(notebook)
        prefix = "\n".join([RESET, *(notebook.cells[index].source for index in head)])
        for index, cell in enumerate(notebook.cells):
            if index in head:
                continue
            source = cell.source
            if index == first:
                cell.source = f"{prefix}\n{source}"
            try:
                await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            finally:
                cell.source = source
        return notebook

    def close(self) -> None:
        try:
            self._within(10, "the kernel did not shut down", self._stop())
        except BaseException:  # a kernel that does not answer (stopped, or busy with a cell the run left)
            self._kill()
        shutil.rmtree(self.workdir, ignore_errors=True)  # the kernel's working folder, and its sockets

    def _kill(self) -> None:
        """Kill the kernel outright (it may not answer a shutdown request) and forget it."""
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        if self.kc is not None:
            self.kc.stop_channels()
        self.km = self.kc = None

    def _within(self, seconds: int, what: str, step):
        """Run the coroutine ``step`` on this worker's loop, stopped by TaskTimeout(``what``)
        after ``seconds`` of wall-clock time, whatever hangs."""
        global _overdue
        _overdue = what
        signal.alarm(seconds)
        try:
            return self.loop.run_until_complete(step)
        finally:
            signal.alarm(0)

    def run(self, task: Task) -> tuple[Failure | None, int, object]:
        """Execute one task and hand the notebook to ``finish``; returns (error or None, attempts,
        what ``finish`` returned or None).
        Each attempt has a wall-clock limit of ``timeout`` seconds for the notebook's own execution
        (its reset and cells, whatever hangs), and one of KERNEL_START_SECONDS for starting a
        kernel before it: a machine slow to start a kernel does not fail reports that run in time."""
        from nbclient.exceptions import CellExecutionError

        error = None
        for attempt in (1, 2):
            try:
                self._within(
                    KERNEL_START_SECONDS, f"the kernel did not start within {KERNEL_START_SECONDS} s", self._ready()
                )
                notebook = self._within(
                    self.timeout, f"the report did not finish within {self.timeout} s", self._execute(task.parameters)
                )
            except CellExecutionError as err:  # the notebook itself failed: retrying will not help
                return Failure(f"{err.ename}: {err.evalue}", raised=err.ename), attempt, None
            except Exception as err:  # a dead or hung kernel: replace it, then retry once
                error = Failure(f"{type(err).__name__}: {err}".strip())
                self._kill()
                continue
            try:
                finished = self.finish(task, notebook)
            except Exception as err:  # the result cannot be used (an error output, a full disk): not retried
                return Failure(f"{type(err).__name__}: {_one_line(err)}"), attempt, None
            return None, attempt, finished
        return error, 2, None


class Failure(str):
    """Why a task failed, in one line. ``raised``: the name of the exception the notebook's own
    code raised (a cell failed); None when something around it failed: its kernel died or
    hung, its worker was lost, or ``finish`` could not use what it made."""

    raised: str | None

    def __new__(cls, text: str, raised: str | None = None):
        failure = super().__new__(cls, text)
        failure.raised = raised
        return failure

    def __reduce__(self):  # handed back from the worker processes
        return Failure, (str(self), self.raised)


def _one_line(err: Exception) -> str:
    """An exception's message for a cause line: an OSError without the file it names (a full
    disk is one cause, whichever page it was writing), any other on one line."""
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return " ".join(str(err).split())


_worker: _Worker | None = None

# Memory a worker with its warm kernel needs, with a margin (measured in benchmarks/README.md), for the worker cap.
WORKER_MEMORY_BYTES = 300 * 2**20
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


# Wall-clock limit for starting a kernel and its first answer (as nbclient's wait_for_ready), apart
# from the report's own ``timeout``.
KERNEL_START_SECONDS = 120
# Longest ``timeout`` a report may have: an hour is far past any report (they take seconds).
MOST_TIMEOUT_SECONDS = 3600


_overdue = "the report did not finish in time"  # what the running step's alarm means


def _on_alarm(signum, frame):
    raise TaskTimeout(_overdue)


def _die_with(parent: int) -> None:
    """Make this worker exit when the process that started it dies (even by ``kill -9``);
    its kernel follows, since ipykernel exits when its own parent goes."""
    libc = ctypes.CDLL(None, use_errno=True)
    if hasattr(libc, "prctl"):  # Linux; elsewhere workers end with the pool as before
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _cores() -> list[int]:
    """The cores this process may run on."""
    return sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else list(range(os.cpu_count() or 1))


def worker_cap() -> int:
    """Most workers this machine can run: one per core, and no more than memory holds."""
    cores = len(_cores())
    try:
        available = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError):
        return cores
    return max(1, min(cores, available // WORKER_MEMORY_BYTES))


def _keep_to_a_core(started) -> None:
    """Run this worker, and the kernel it starts (which inherits it), on a core of its own:
    a worker and its kernel take turns (each waits for the other), and left to migrate between
    cores, the pairs evict each other's caches (benchmarks/README.md). ``started``: a shared
    count of the workers started so far."""
    if not hasattr(os, "sched_setaffinity"):
        return
    with started.get_lock():
        position = started.value
        started.value += 1
    cores = _cores()
    os.sched_setaffinity(0, {cores[position % len(cores)]})


def _first_request(notebook) -> tuple[list[int], int | None]:
    """What goes to the kernel first, after the reset: the template's parameters cell and
    papermill's injected one when they lead the notebook (they only assign values), and the
    first code cell after them, which gets any outputs. Returns their positions."""
    head = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        if not {"parameters", "injected-parameters"} & set(cell.metadata.get("tags", [])):
            return head, index
        head.append(index)
    return head[:-1], (head[-1] if head else None)


def _initialise(
    template: str, timeout: int, environment: dict, finish: Callable, parent: int, started, prepare: str
) -> None:
    global _worker
    from multiprocessing.util import Finalize

    _die_with(parent)
    _keep_to_a_core(started)
    signal.signal(signal.SIGALRM, _on_alarm)
    # Ctrl-C reaches the whole process group: the parent alone answers it (ends the run in one
    # line, and its workers with it); a worker would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.update(environment)
    _worker = _Worker(template, timeout, finish, prepare)
    # Pool workers leave through multiprocessing's exit path, which runs finalizers (not atexit).
    Finalize(_worker, _worker.close, exitpriority=10)
    signal.signal(signal.SIGTERM, _leave)  # terminated: leave through the exit path, which runs the finalizer


def _leave(signum, frame):
    signal.alarm(0)
    raise SystemExit(1)


def _run(batch: list[Task]) -> list[tuple[Task, str | None, int, object]]:
    return [(task, *_worker.run(task)) for task in batch]


def batches(tasks: list[Task]) -> list[list[Task]]:
    """Tasks grouped by their ``batch`` (in their order), the largest batch first (so that the
    last to finish are small ones and no kernel waits long for another); a task without a
    batch is one of its own.

    Examples
    --------
    >>> tasks = [Task("a", {}), Task("b", {}, batch="p"), Task("c", {}), Task("d", {}, batch="p")]
    >>> [[task.name for task in batch] for batch in batches(tasks)]
    [['b', 'd'], ['a'], ['c']]
    """
    grouped: dict[str, list[Task]] = {}
    for position, task in enumerate(tasks):
        grouped.setdefault(task.batch or f"\0{position}", []).append(task)
    return sorted(grouped.values(), key=len, reverse=True)


def run_tasks(
    tasks: list[Task],
    template: Path,
    finish: Callable,
    workers: int | None = None,
    timeout: int = 120,
    progress: bool = True,
    prepare: str = "",
):
    """Execute tasks on a pool of warm kernels, calling ``finish(task, notebook)`` in the worker
    after each; yields ``(task, error, attempts, finished)`` as each batch finishes (in completion
    order), ``finished`` being what ``finish`` returned (None after an error).
    ``finish`` must be a module-level function (it is passed to the workers). ``prepare``: code
    each new kernel runs once as part of its start (the imports every task needs), so that
    ``timeout`` counts each task's own execution only.

    A worker process that dies (not its kernel: the worker replaces that) breaks the pool, and
    every batch it has not finished fails with it; those batches get a new pool, once."""
    if not tasks:
        return
    pending = batches(tasks)
    bar = _progress(len(tasks)) if progress else None
    try:
        for last_pool in (False, True):
            broken = []
            for batch, outcome in _run_pool(pending, template, finish, workers, timeout, prepare):
                if isinstance(outcome, BrokenProcessPool) and not last_pool:
                    broken.append(batch)
                    continue
                if bar is not None:
                    bar.update(len(batch))
                if isinstance(outcome, Exception):
                    yield from (
                        (task, Failure(f"worker lost: {type(outcome).__name__}: {outcome}"), 1, None) for task in batch
                    )
                else:
                    yield from outcome
            if not broken:
                break
            pending = broken
    finally:  # interrupted too: the bar's line is cleared, so that what is printed next starts a line of its own
        if bar is not None:
            bar.close()


def _run_pool(
    groups: list[list[Task]], template: Path, finish: Callable, workers: int | None, timeout: int, prepare: str
):
    """Run batches on a new pool of workers; yields each batch with its results, or with the
    exception that lost them, as they finish."""
    workers = max(1, min(workers or worker_cap(), worker_cap(), len(groups)))
    environment = {key: os.environ[key] for key in ("UCJ_ROOT", "MPLBACKEND") if key in os.environ}
    environment.setdefault("MPLBACKEND", "Agg")
    # Forked workers inherit this process's imports (nbformat alone takes seconds to import);
    # that is safe because kernels and zmq sockets are only created inside the workers.
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_initialise,
        initargs=(str(template), timeout, environment, finish, os.getpid(), context.Value("i", 0), prepare),
    )
    try:
        futures = {pool.submit(_run, batch): batch for batch in groups}
        for future in as_completed(futures):
            try:
                yield futures[future], future.result()
            except Exception as err:  # the worker process itself died
                yield futures[future], err
    except BaseException:  # Ctrl-C, or the caller stopped: end the workers now, not after their batches
        workers, manager = list((pool._processes or {}).values()), pool._executor_manager_thread
        pool.shutdown(wait=False, cancel_futures=True)
        for process in workers:
            process.terminate()  # its finalizer shuts its kernel down and removes its folder
        if manager is not None:
            # Let the pool's manager thread close its wake-up pipe before the interpreter's exit hook
            # writes to it (Python 3.11 races the two: an "Exception ignored ... Bad file descriptor").
            manager.join(timeout=10)
        raise
    pool.shutdown(wait=True)


def _progress(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit="notebook", desc="executing", leave=False, dynamic_ncols=True)
