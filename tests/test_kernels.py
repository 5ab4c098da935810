"""Kept kernels: each notebook starts with an empty namespace, in a kernel started once."""

from __future__ import annotations

from pathlib import Path

import pytest
from jupyter_core.utils import run_sync

from ffanalysis.publishing.kernels import Kernel, KernelPool

pytestmark = pytest.mark.slow  # starts Jupyter kernels


def run(manager, code: str) -> tuple[str, int]:
    """Execute `code` in the kernel; its printed output and the cell's execution count."""
    printed: list[str] = []

    def keep_stream(message: dict) -> None:
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])

    client = manager.client()
    client.start_channels()
    try:
        run_sync(client.wait_for_ready)(timeout=60)
        reply = run_sync(client.execute_interactive)(code, output_hook=keep_stream, timeout=60)
    finally:
        client.stop_channels()
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(printed).strip(), reply["content"]["execution_count"]


def test_the_next_notebook_sees_nothing_of_the_previous_one(tmp_path: Path) -> None:
    with Kernel(tmp_path) as kernel:
        with kernel.fresh() as first:
            first_pid, _ = run(first, "import os, colorsys\nprint(os.getpid())")
            run(first, "import matplotlib.pyplot as plt\nplt.figure()\nleft_over = 1")
        with kernel.fresh() as second:
            printed, count = run(
                second,
                "import os, sys\nimport matplotlib.pyplot as plt\n"
                "print(os.getpid(), 'left_over' in globals(), 'colorsys' in sys.modules,"
                " len(plt.get_fignums()), os.getcwd())",
            )
    assert second is first
    assert printed == f"{first_pid} False True 0 {tmp_path}"
    assert count == 1


def test_connections_opened_for_a_notebook_are_closed_after_it(tmp_path: Path) -> None:
    with Kernel(tmp_path) as kernel:
        with kernel.fresh() as manager:
            client = manager.client()
            client.start_channels()
            run_sync(client.wait_for_ready)(timeout=60)
        assert not client.channels_running


def test_a_kernel_that_died_is_replaced(tmp_path: Path) -> None:
    with Kernel(tmp_path) as kernel:
        with kernel.fresh() as manager:
            first_pid, _ = run(manager, "import os\nprint(os.getpid())")
            client = manager.client()
            client.start_channels()
            client.execute("import os\nos._exit(1)")
            run_sync(manager.provisioner.wait)()
        with kernel.fresh() as replacement:
            second_pid, _ = run(replacement, "import os\nprint(os.getpid())")
    assert second_pid != first_pid


def test_leaving_shuts_the_kernel_down(tmp_path: Path) -> None:
    with Kernel(tmp_path) as kernel, kernel.fresh() as manager:
        run(manager, "pass")
    assert not run_sync(manager.is_alive)()


def printed_by(code: str):
    """A pool task: run `code` in the worker's emptied kernel and return what it printed."""

    def task(kernel: Kernel) -> str:
        with kernel.fresh() as manager:
            return run(manager, code)[0]

    return task


def test_a_pool_runs_each_task_in_a_kernel_that_imported_the_preload(tmp_path: Path) -> None:
    probe = "import os, sys\nprint('colorsys' in sys.modules, 'colorsys' in globals(), os.getpid())"
    with KernelPool(2, tmp_path, preload="import colorsys") as pool:
        futures = [pool.submit(printed_by(probe)) for _ in range(4)]
        printed = [future.result(timeout=120).split() for future in futures]
    assert {tuple(line[:2]) for line in printed} == {("True", "False")}
    assert len({line[2] for line in printed}) <= 2, "two kernels, kept from task to task"


def test_a_failing_task_hands_its_error_to_the_caller(tmp_path: Path) -> None:
    def failing(kernel: Kernel) -> None:
        raise ValueError("no such figure")

    with KernelPool(1, tmp_path) as pool:
        failed = pool.submit(failing)
        after = pool.submit(printed_by("print('still working')"))
        with pytest.raises(ValueError, match="no such figure"):
            failed.result(timeout=120)
        assert after.result(timeout=120) == "still working"


def test_a_cancelled_task_never_runs(tmp_path: Path) -> None:
    ran: list[str] = []
    with KernelPool(1, tmp_path) as pool:
        first = pool.submit(printed_by("import time\ntime.sleep(1)"))
        dropped = pool.submit(lambda kernel: ran.append("dropped"))
        assert dropped.cancel()
        first.result(timeout=120)
        last = pool.submit(lambda kernel: "last")
        assert last.result(timeout=120) == "last"
    assert ran == []


def test_a_kernel_that_cannot_start_fails_the_task_instead_of_hanging(tmp_path: Path) -> None:
    with KernelPool(1, tmp_path / "missing", preload="import colorsys") as pool:
        future = pool.submit(printed_by("print(1)"))
        with pytest.raises(FileNotFoundError):
            future.result(timeout=120)
