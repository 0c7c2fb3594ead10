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
(per cell, and per attempt in wall-clock time) is killed, replaced and the task retried
once. Workers are capped by cores and memory, each keeps to a core of its own with its kernel,
and they exit when the process that started them dies, taking their kernels with them.
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
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

# Run before every report (in one request with its parameter cells and the first cell after
# them): forget the previous report's variables, outputs and figures.
# The imported modules stay loaded, which is the whole point of a warm kernel.
# IPython's reset ends in a full garbage collection, which would otherwise walk every object
# of pandas, matplotlib and statsmodels, and everything the library has cached since, again
# before each report (a fifth of a core-second at first, growing with every region); what
# survives it is frozen, left out of every later collection, so each collection only walks
# what the last report created. Figures pyplot holds (if a cell used it: the library's report
# path does not import it) are closed first, so they are collected, not frozen.
RESET = ("import sys as _sys\nif 'matplotlib.pyplot' in _sys.modules:\n    _sys.modules['matplotlib.pyplot'].close('all')\n"
         "get_ipython().reset(new_session=False)\nimport gc as _gc\n_gc.freeze()\ndel _gc")


@dataclass(frozen=True)
class Task:
    """One execution: the template's parameters, and what ``finish`` needs to know."""

    name: str  # for messages
    parameters: dict
    details: dict = field(default_factory=dict)  # for ``finish``: where the results go, their titles…
    batch: str = ""  # tasks of one batch run in a row in the same kernel (what they share is computed once)


class _Worker:
    """One warm kernel, owned by one worker process."""

    def __init__(self, template: str, timeout: int, finish: Callable):
        from jupyter_client.manager import AsyncKernelManager
        from papermill.iorw import load_notebook_node

        self.template = load_notebook_node(template)
        self.timeout = timeout
        self.finish = finish
        self.loop = asyncio.new_event_loop()
        self.manager_class = AsyncKernelManager
        self.km = self.kc = None
        self.language_info = None  # the kernel's, asked once per kernel (nbclient asks before every notebook)
        self.workdir = tempfile.mkdtemp(prefix="ucj-kernel-")

    async def _start(self) -> None:
        # Over Unix sockets in this worker's own folder (readable by its user alone), not TCP ports
        # on localhost that any local user can reach (ipykernel warns of those at every start).
        self.km = self.manager_class(kernel_name="python3", transport="ipc", ip=os.path.join(self.workdir, "kernel"))
        # No IPython history: it would write every execution to SQLite (from a thread of its own),
        # a few core-milliseconds per cell that nobody reads.
        await self.km.start_kernel(cwd=self.workdir, extra_arguments=["--HistoryManager.enabled=False"])
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=120)
        self.language_info = None

    async def _stop(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None and await self.km.is_alive():
            await self.km.shutdown_kernel(now=True)
        self.km = self.kc = None

    async def _execute(self, parameters: dict):
        from nbclient import NotebookClient
        from papermill.parameterize import parameterize_notebook

        if self.km is None or not await self.km.is_alive():
            await self._stop()
            await self._start()
        notebook = parameterize_notebook(copy.deepcopy(self.template), parameters, kernel_name="python3", language="python")
        client = NotebookClient(notebook, km=self.km, kernel_name="python3", timeout=self.timeout, allow_errors=False)
        client.kc = self.kc  # reuse the warm kernel's client: nothing is started or shut down
        if self.language_info is None:  # the same for every notebook this kernel runs (nbclient asks before each)
            reply = await client.async_wait_for_reply(self.kc.kernel_info())
            self.language_info = reply["content"]["language_info"]
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
        self.loop.run_until_complete(self._stop())
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

    def run(self, task: Task) -> tuple[str | None, int, object]:
        """Execute one task and hand the notebook to ``finish``; returns (error or None, attempts,
        what ``finish`` returned or None).
        Each attempt has a wall-clock limit of ``timeout`` seconds, whatever hangs (a cell, the
        kernel's start, its reset)."""
        from nbclient.exceptions import CellExecutionError

        error = None
        for attempt in (1, 2):
            signal.alarm(self.timeout)
            try:
                notebook = self.loop.run_until_complete(self._execute(task.parameters))
            except CellExecutionError as err:  # the notebook itself failed: retrying will not help
                return f"{err.ename}: {err.evalue}", attempt, None
            except Exception as err:  # a dead or hung kernel: replace it, then retry once
                error = f"{type(err).__name__}: {err}".strip()
                self._kill()
                continue
            finally:
                signal.alarm(0)
            try:
                finished = self.finish(task, notebook)
            except Exception as err:  # the result cannot be used (an error output, say): not retried
                return f"{type(err).__name__}: {err}", attempt, None
            return None, attempt, finished
        return error, 2, None


_worker: _Worker | None = None

# Memory a worker with its warm kernel needs (measured: about 250 MB), for the worker cap.
WORKER_MEMORY_BYTES = 300 * 2**20
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


class TaskTimeout(Exception):
    """An attempt ran past its wall-clock limit."""


def _on_alarm(signum, frame):
    raise TaskTimeout("the report did not finish in time")


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
    cores, the pairs evict each other's caches: measured on 2 cores, a tenth more kernel CPU
    a report. ``started``: a shared count of the workers started so far."""
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


def _initialise(template: str, timeout: int, environment: dict, finish: Callable, parent: int, started) -> None:
    global _worker
    from multiprocessing.util import Finalize

    _die_with(parent)
    _keep_to_a_core(started)
    signal.signal(signal.SIGALRM, _on_alarm)
    os.environ.update(environment)
    _worker = _Worker(template, timeout, finish)
    # Pool workers leave through multiprocessing's exit path, which runs finalizers (not atexit).
    Finalize(_worker, _worker.close, exitpriority=10)


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


def run_tasks(tasks: list[Task], template: Path, finish: Callable, workers: int | None = None, timeout: int = 120,
              progress: bool = True):
    """Execute tasks on a pool of warm kernels, calling ``finish(task, notebook)`` in the worker
    after each; yields ``(task, error, attempts, finished)`` as each batch finishes (in completion
    order), ``finished`` being what ``finish`` returned (None after an error).
    ``finish`` must be a module-level function (it is passed to the workers).

    A worker process that dies (not its kernel: the worker replaces that) breaks the pool, and
    every batch it has not finished fails with it; those batches get a new pool, once."""
    if not tasks:
        return
    pending = batches(tasks)
    bar = _progress(len(tasks)) if progress else None
    for last_pool in (False, True):
        broken = []
        for batch, outcome in _run_pool(pending, template, finish, workers, timeout):
            if isinstance(outcome, BrokenProcessPool) and not last_pool:
                broken.append(batch)
                continue
            if bar is not None:
                bar.update(len(batch))
            if isinstance(outcome, Exception):
                yield from ((task, f"worker lost: {type(outcome).__name__}: {outcome}", 1, None) for task in batch)
            else:
                yield from outcome
        if not broken:
            break
        pending = broken
    if bar is not None:
        bar.close()


def _run_pool(groups: list[list[Task]], template: Path, finish: Callable, workers: int | None, timeout: int):
    """Run batches on a new pool of workers; yields each batch with its results, or with the
    exception that lost them, as they finish."""
    workers = max(1, min(workers or worker_cap(), worker_cap(), len(groups)))
    environment = {key: os.environ[key] for key in ("UCJ_ROOT", "MPLBACKEND") if key in os.environ}
    environment.setdefault("MPLBACKEND", "Agg")
    # Forked workers inherit this process's imports (nbformat alone takes seconds to import);
    # that is safe because kernels and zmq sockets are only created inside the workers.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_initialise,
                             initargs=(str(template), timeout, environment, finish, os.getpid(), context.Value("i", 0))) as pool:
        futures = {pool.submit(_run, batch): batch for batch in groups}
        for future in as_completed(futures):
            try:
                yield futures[future], future.result()
            except Exception as err:  # the worker process itself died
                yield futures[future], err


def _progress(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit="notebook", desc="executing", leave=False, dynamic_ncols=True)
