"""JupyterLab on 127.0.0.1 for the browser tests and ``benchmarks/bench_panel_browser.py``:
started with a token and the app exposed to scripts, stopped by its process group."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_lab(
    root: Path, *, prefix: str = "lab", env: dict[str, str] | None = None
) -> tuple[subprocess.Popen, str, str]:
    """JupyterLab serving ``root`` (its log in ``root/lab.log``); returns the process, URL
    and token once it answers. Raises ``RuntimeError`` with the log's end if it does not."""
    port, token = free_port(), f"{prefix}-" + os.urandom(8).hex()
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(root / ".jupyter-config"), **(env or {})}
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        "--LabApp.expose_app_in_browser=True",
        f"--ServerApp.root_dir={root}",
        *(["--allow-root"] if os.geteuid() == 0 else []),  # CI runs as root
    ]
    log = open(root / "lab.log", "wb")  # noqa: SIM115 (closed with the process)
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        if proc.poll() is not None:
            break
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1)
            return proc, url, token
        except OSError:
            time.sleep(0.5)
    stop_lab(proc)
    raise RuntimeError("JupyterLab did not start: " + (root / "lab.log").read_text()[-2000:])


def stop_lab(proc: subprocess.Popen) -> None:
    """Stop JupyterLab and its kernels (its process group)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
