"""The Jupyter kernels a build runs its notebooks in: one per worker, kept between notebooks.

Starting a kernel and importing pandas, matplotlib and the package take about two seconds,
longer than a country profile takes to run. So each worker of a build starts one kernel, has
it import what the notebooks need while the build is still checking the data, and empties it
before every notebook: the notebook sees none of the previous notebook's variables or figures,
and its cells are numbered from 1 as in a new kernel, while the imported modules stay loaded.
"""

from __future__ import annotations

import os
import queue
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync

KERNEL_NAME = "ffanalysis"
KERNEL_DISPLAY_NAME = "Python 3 (ffanalysis)"
"""The project's kernel, which the notebooks name: the lab offers it by this name, and a plain
`papermill` run from the environment finds it, as the build does."""
START_TIMEOUT = 60
"""Seconds a kernel may take to start or to answer."""

EMPTY_NAMESPACE = """\
import sys as _sys
if "matplotlib.pyplot" in _sys.modules:
    _sys.modules["matplotlib.pyplot"].close("all")
get_ipython().reset(new_session=True)
"""
"""Run in the kernel between notebooks: close the figures, then drop every variable and start
a new history session, which numbers cells from 1 again."""


class KernelError(RuntimeError):
    """The kernel could not be started or emptied."""


_REGISTERING = threading.Lock()


def register_kernel() -> None:
    """Register the project's kernel in this environment (sys.prefix) unless it is there and
    runs this Python. `tasks.py` does it on setup; a kernel started here does it too, so a
    conda environment or a venv made by hand works without a setup step."""
    with _REGISTERING:  # the workers of a pool start their kernels at once
        try:
            spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
            if spec.argv and Path(spec.argv[0]) == Path(sys.executable):
                return
        except NoSuchKernel:
            pass
        from ipykernel.kernelspec import install

        install(kernel_name=KERNEL_NAME, display_name=KERNEL_DISPLAY_NAME, prefix=sys.prefix)


class _KeptKernelManager(AsyncKernelManager):
    """A kernel manager that remembers the clients opened on it.

    nbclient leaves open the client it connects with when it does not own the kernel; they
    are closed here once the notebook is done.
    """

    def __init__(self, **settings: object) -> None:
        super().__init__(**settings)
        self.opened: list = []

    def client(self, **settings: object):
        client = super().client(**settings)
        self.opened.append(client)
        return client

    def close_clients(self) -> None:
        for client in self.opened:
            if client.channels_running:
                client.stop_channels()
        self.opened.clear()


SOCKET_PATH_ROOM = 60
"""Bytes the temporary folder may take of a Unix socket path (at most 107 bytes on Linux): the
rest holds the kernel's folder, its name and the longest channel suffix."""


def check_socket_folder(folder: str) -> None:
    """Refuse, with what to do, a temporary folder too long for a kernel's socket paths."""
    if len(os.fsencode(folder)) > SOCKET_PATH_ROOM:
        raise KernelError(
            f"the temporary folder {folder} is too long for a kernel's socket path (at most "
            f"{SOCKET_PATH_ROOM} bytes): set TMPDIR to a shorter folder, such as /tmp"
        )


KERNEL_FOLDER_PREFIX = "ffanalysis-"
BUILDER = "builder.pid"
"""Each kernel's sockets and connection file live in a folder of the temporary folder named
with KERNEL_FOLDER_PREFIX, which records in BUILDER the process that started the kernel."""


def remove_abandoned_kernel_folders() -> None:
    """Remove the kernel folders of processes that are gone (a build killed outright)."""
    for record in Path(tempfile.gettempdir()).glob(f"{KERNEL_FOLDER_PREFIX}*/{BUILDER}"):
        try:
            os.kill(int(record.read_text()), 0)
        except ProcessLookupError:
            shutil.rmtree(record.parent, ignore_errors=True)
        except (OSError, ValueError):
            continue  # another user's kernel, or a record being written: leave it


class Kernel:
    """A kernel started on first use, emptied before each later use, shut down on exit.

    Use it from one thread only: its sockets belong to that thread's event loop.
    """

    def __init__(self, cwd: Path) -> None:
        self._cwd = cwd
        self._manager: _KeptKernelManager | None = None
        self._sockets: tempfile.TemporaryDirectory | None = None

    def __enter__(self) -> Kernel:
        return self

    def __exit__(self, *exception: object) -> None:
        self.shut_down()

    @contextmanager
    def fresh(self) -> Iterator[AsyncKernelManager]:
        """The kernel's manager for one notebook (hand it to nbclient as `km`): a new kernel,
        or the kept one emptied. The connections opened to it are closed afterwards."""
        if self._manager is not None and run_sync(self._manager.is_alive)():
            self._empty()
        else:
            self.shut_down()
            self._start()
        manager = self._started()
        try:
            yield manager
        finally:
            manager.close_clients()

    def _started(self) -> _KeptKernelManager:
        if self._manager is None:
            raise KernelError("the kernel is not started")
        return self._manager

    def shut_down(self) -> None:
        if self._manager is not None:
            manager, self._manager = self._manager, None
            run_sync(manager.shutdown_kernel)(now=True)
        if self._sockets is not None:
            self._sockets.cleanup()
            self._sockets = None

    def start(self, preload: str = "") -> None:
        """Start the kernel now and have it run `preload` (imports) in the background: the
        first notebook waits for it only if it comes before the imports are done."""
        self._start()
        with self._ready_client() as client:
            if preload:
                client.execute(preload, silent=True, store_history=False)

    def _start(self) -> None:
        # IPC instead of TCP: no port races between parallel kernels. Unix socket paths must
        # stay short (about 100 bytes), so each kernel gets its own folder in the system's tmp.
        check_socket_folder(tempfile.gettempdir())
        register_kernel()
        self._sockets = tempfile.TemporaryDirectory(prefix=KERNEL_FOLDER_PREFIX)
        folder = Path(self._sockets.name)
        (folder / BUILDER).write_text(str(os.getpid()))
        self._manager = _KeptKernelManager(
            kernel_name=KERNEL_NAME,
            transport="ipc",
            ip=str(folder / "kernel"),
            connection_file=str(folder / "connection.json"),
        )
        run_sync(self._manager.start_kernel)(cwd=str(self._cwd))

    def _empty(self) -> None:
        with self._ready_client() as client:
            reply = run_sync(client.execute_interactive)(
                EMPTY_NAMESPACE, silent=True, store_history=False, timeout=START_TIMEOUT
            )
        if reply["content"]["status"] != "ok":
            raise KernelError(f"could not empty the kernel: {reply['content'].get('evalue')}")

    @contextmanager
    def _ready_client(self) -> Iterator:
        """A client connected to the kernel once it answers; closed on leaving."""
        manager = self._started()
        client = manager.client()
        client.start_channels()
        try:
            run_sync(client.wait_for_ready)(timeout=START_TIMEOUT)
            yield client
        finally:
            manager.close_clients()


_NO_MORE = None
"""Put on a pool's queue once per worker: there will be no more tasks."""


class KernelPool:
    """`workers` threads, each with a kernel of its own that it keeps from task to task.

    The kernels start (and import `preload`) as soon as the pool is made, so a build makes
    its pool before it validates the data. A task is a function of the worker's kernel.
    """

    def __init__(self, workers: int, cwd: Path, preload: str = "") -> None:
        self._tasks: queue.SimpleQueue = queue.SimpleQueue()
        self._workers = max(1, workers)
        self._pool = ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix="kernel")
        for _ in range(self._workers):
            self._pool.submit(self._work, cwd, preload)

    def __enter__(self) -> KernelPool:
        return self

    def __exit__(self, *exception: object) -> None:
        """Close, and wait until every kernel is shut down and its folder removed."""
        self.close()
        self._pool.shutdown(wait=True)

    def submit(self, task: Callable[[Kernel], object]) -> Future:
        """Queue `task`; cancel its future to drop it before a worker takes it."""
        future: Future = Future()
        self._tasks.put((future, task))
        return future

    def close(self) -> None:
        """Let each worker finish its queue, then shut its kernel down; returns at once."""
        for _ in range(self._workers):
            self._tasks.put(_NO_MORE)
        self._pool.shutdown(wait=False)

    def _work(self, cwd: Path, preload: str) -> None:
        with Kernel(cwd) as kernel:
            try:
                kernel.start(preload)
            except Exception:
                # Not fatal here: the first task starts the kernel again and says why it can't.
                kernel.shut_down()
            while (item := self._tasks.get()) is not _NO_MORE:
                future, task = item
                if future.set_running_or_notify_cancel():
                    try:
                        future.set_result(task(kernel))
                    except BaseException as error:
                        future.set_exception(error)


if __name__ == "__main__":  # `python -m ffanalysis.publishing.kernels`, as tasks.py runs it
    register_kernel()
