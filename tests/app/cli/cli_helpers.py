"""Run the ``alignkg`` command line in this process, as its console script would run it in one of its own.

The arguments, the standard input (bytes), the standard output and error and the exit status are those of
a run of ``alignkg``; the settings are read afresh for each run, as a new process reads them. An exception
that escapes a command fails the test here (a process would print its traceback and exit with 1).
Start-up itself (what a fresh interpreter imports, the console script) is tested in real processes:
``tests/app/cli/test_extract.py``, ``tests/test_startup.py`` and ``tests/test_packaging.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from typer.testing import CliRunner

from alignkg.app.cli.main import app
from alignkg.app.settings import get_settings

Output = TypeVar("Output", bytes, str)


@dataclass(frozen=True)
class Ran(Generic[Output]):
    """What a run of the command line gave, named as ``subprocess.CompletedProcess`` names it."""

    returncode: int
    stdout: Output
    stderr: Output


def run_cli(*args: str, stdin: bytes = b"", env: Mapping[str, str] | None = None) -> Ran[bytes]:
    """Run ``alignkg *args`` with ``stdin``; return its exit status and its output as bytes."""
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, list(args), input=stdin, env=env, prog_name="alignkg")
    finally:
        get_settings.cache_clear()
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout_bytes, result.stderr_bytes)


def run_cli_text(*args: str, stdin: bytes = b"", env: Mapping[str, str] | None = None) -> Ran[str]:
    """Run ``alignkg *args`` as :func:`run_cli` does; return its output decoded (UTF-8)."""
    ran = run_cli(*args, stdin=stdin, env=env)
    return Ran(ran.returncode, ran.stdout.decode(), ran.stderr.decode())
