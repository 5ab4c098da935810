"""A kept kernel: each notebook starts with an empty namespace, in a kernel started once."""

from __future__ import annotations

from pathlib import Path

from jupyter_core.utils import run_sync

from ffanalysis.kernels import Kernel


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
