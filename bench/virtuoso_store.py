"""Does the remote store give the same answers on Virtuoso Open Source? The store suite, run against it.

Not part of CI (it needs Virtuoso's binaries). It starts a Virtuoso server of its own in a
temporary folder on free ports of 127.0.0.1, lets the anonymous SPARQL user write
(``GRANT SPARQL_UPDATE TO "SPARQL"``), runs ``tests/graph/store/test_store.py`` against its
``/sparql`` endpoint (``ALIGNKG_TEST_STORE_URL``: the same tests that run against the embedded
store and an Oxigraph server in CI), optionally loads ``--sizing N`` articles into it with
``bench/store_sizing.py``, then stops it and deletes the folder.

Virtuoso comes from Debian (``apt-get install virtuoso-opensource``: ``virtuoso-t`` and
``isql-vt`` on the PATH), or from any folder holding them (``--bin``; with
``LD_LIBRARY_PATH`` set where its libraries are not the system's). Run it from the repository
root::

    python bench/virtuoso_store.py                      # the store suite against Virtuoso
    python bench/virtuoso_store.py --sizing 2000        # and the sizing of docs/deploy.md on it
    python bench/virtuoso_store.py --bin /opt/virtuoso/bin
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from _server import stop

REPO = Path(__file__).resolve().parent.parent

INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
Striping = 0
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
ServerThreads = 10
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
DirsAllowed = ., {db}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 10
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def find(name: str, folder: str | None) -> str:
    found = shutil.which(name, path=folder) if folder else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found{' in ' + folder if folder else ' on the PATH'}: "
                         "apt-get install virtuoso-opensource, or pass --bin")
    return found


def start(folder: Path, server: str) -> tuple[subprocess.Popen[bytes], int, str]:
    """Start Virtuoso over ``folder``; return its process, SQL port and SPARQL endpoint once it answers."""
    import httpx

    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(INI.format(db=folder, sql_port=sql_port, http_port=http_port))
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen([server, "+foreground", "+configfile", "virtuoso.ini"], cwd=folder,  # noqa: S603
                               stdout=log, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("virtuoso stopped: " + (folder / "server.log").read_text(errors="replace")[-2000:])
        try:
            if httpx.post(endpoint, data={"query": "ASK {}"}, timeout=2).is_success:
                return process, sql_port, endpoint
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    process.kill()
    raise SystemExit("virtuoso did not answer within 120 s")




def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", help="folder of virtuoso-t and isql-vt (default: the PATH)")
    parser.add_argument("--sizing", type=int, default=0, help="also load this many articles (bench/store_sizing.py)")
    args = parser.parse_args(argv)
    server, isql = find("virtuoso-t", args.bin), find("isql-vt", args.bin)
    folder = Path(tempfile.mkdtemp(prefix="alignkg-virtuoso-"))
    process, sql_port, endpoint = start(folder, server)
    try:
        subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],  # noqa: S603
                       check=True, capture_output=True, timeout=60)
        print(f"virtuoso at {endpoint}; the store suite against it:", flush=True)
        env = {**os.environ, "ALIGNKG_TEST_STORE_URL": endpoint}
        # one worker (-n 0): the tests share the one server, and each empties its graphs first
        suite = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0",  # noqa: S603
                                "tests/graph/store/test_store.py"], cwd=REPO, env=env, check=False)
        if args.sizing:
            subprocess.run([sys.executable, "bench/store_sizing.py", "--no-oxigraph", "--articles",  # noqa: S603
                            str(args.sizing), "--url", endpoint, "--batch", "100"], cwd=REPO, check=False,
                           env={**os.environ, "PYTHONPATH": str(REPO)})
        return suite.returncode
    finally:
        stop(process, timeout=60)  # Virtuoso writes its checkpoint before it exits
        size = sum(p.stat().st_blocks * 512 for p in folder.glob("virtuoso*"))
        print(f"virtuoso's files once stopped: {size / 2**20:.1f} MiB (its database, log and temporary files; "
              "run without --sizing for the size without the articles)")
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
