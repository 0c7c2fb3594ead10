"""The run lock (``ucjlib.files.exclusive_run``, issue 26 §3): filelock's, so the library imports
where ``fcntl`` does not exist; a second run is refused, a dead holder's lock is free again.

The command-line side (a second ``build`` or ``reports`` refused with the holder's name, a lock
file that is a link refused untouched) is in ``tests/e2e/test_hardening.py``."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from ucjlib import paths
from ucjlib.errors import UCJError
from ucjlib.files import exclusive_run

ROOT = paths.PACKAGE_DIR.parent


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("UCJ_ROOT", str(tmp_path))
    return tmp_path


def test_every_module_imports_without_fcntl():
    # fcntl is Unix-only: hiding it is what importing the library on Windows meets.
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys, warnings
        sys.modules["fcntl"] = None
        warnings.simplefilter("ignore")  # filelock says it falls back to its soft lock here
        import ucjlib
        for module in pkgutil.walk_packages(ucjlib.__path__, "ucjlib."):
            if module.name != "ucjlib.__main__":
                importlib.import_module(module.name)
        print("imported")
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert result.stdout.strip() == "imported", result.stderr[-2000:]


def test_a_second_run_is_refused_with_the_holders_name(project):
    with exclusive_run("build"):
        with pytest.raises(UCJError) as refused:
            with exclusive_run("reports"):
                pass
    assert str(refused.value).startswith(f"`python -m ucjlib build` (process {os.getpid()}) is running in ")
    assert str(refused.value).endswith("then run `python -m ucjlib reports` again")
    assert "\n" not in str(refused.value)
    with exclusive_run("reports"):  # released: the next run goes ahead
        pass


def test_the_lock_file_stays_between_runs_and_a_left_over_one_is_taken(project):
    lock = project / ".ucj-run.lock"
    lock.write_text("left by a run of last week", encoding="utf-8")
    with exclusive_run("build"):
        assert "`python -m ucjlib build`" in lock.read_text(encoding="utf-8")
    assert lock.is_file()


def test_the_lock_of_a_killed_holder_is_free_again(project):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from ucjlib.files import exclusive_run\n"
            "with exclusive_run('reports'):\n"
            "    print('holding', flush=True)\n"
            "    input()\n",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(UCJError, match=rf"\(process {holder.pid}\) is running"):
            with exclusive_run("build"):
                pass
    finally:
        holder.send_signal(signal.SIGKILL)  # no clean-up of its own: the system releases the lock
        holder.wait(timeout=60)
        holder.stdin.close()
        holder.stdout.close()
    with exclusive_run("build"):
        pass
