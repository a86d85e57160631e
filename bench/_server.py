"""Run ``alignkg serve`` in a process for a benchmark, and read its processes' memory and CPU (Linux /proc).

Which question does this answer? None on its own: ``bench/soak.py`` and ``bench/overload.py``
start the real server with it, on loopback only, and measure the server's process with
its query workers (the children it starts).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

RUN_SERVE = "import typer; from alignkg.app.cli.serve import serve; typer.run(serve)"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(store: Path, *flags: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start the server on a free loopback port; return the process and its URL once /health answers."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", RUN_SERVE, "--store", str(store), "--port", str(port),
                                "--log-level", "warning", *flags], env={**os.environ, **(env or {})},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    limit = time.monotonic() + 300
    with httpx.Client(timeout=5) as http:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server ended with status {process.returncode}")
            if time.monotonic() > limit:
                process.kill()
                raise RuntimeError("the server did not start within 300 s")
            try:
                if http.get(f"{url}/health").status_code == 200:
                    return process, url
            except httpx.TransportError:
                time.sleep(0.2)


def stop(process: subprocess.Popen[bytes], *, timeout: float = 30) -> None:
    """Stop a server process: terminate, then kill after ``timeout`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def children(pid: int) -> list[int]:
    """Return the ids of a process's children (its query workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def rss_mib(pid: int) -> float:
    """Return a process's resident memory in MiB (0 once it has ended)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pids: list[int]) -> float:
    """Return the CPU seconds (user + system) the processes have used."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError):
            continue
    return total
