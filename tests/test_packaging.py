"""The distribution carries what the package reads at run time, and runs installed outside the checkout.

An sdist is built from a copy of the checkout, a wheel from that sdist (so both must carry
the data, the query grammar and the web page's files), and the wheel is installed into a new
virtual environment in a temporary folder, where ``alignkg ingest``, ``alignkg query`` and
``alignkg serve`` run on the bundled articles. Offline and quick: the build calls the
setuptools backend directly (no isolated build environment to download), and the new
environment sees the dependencies of the running one through a ``.pth`` file (the effect of
``--system-site-packages``, also when the tests themselves run in a virtual environment), so
only the wheel itself is installed, with ``--no-deps --no-index``.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import socket
import subprocess
import sys
import tarfile
import time
import venv
import zipfile
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parent.parent
#: What a build reads: the project's metadata, the package folder and the folders it links to.
SOURCES = ("pyproject.toml", "README.md", "alignkg", "graph", "app", "data")
BUILD = "import sys; from setuptools import build_meta as backend; print(getattr(backend, sys.argv[1])(sys.argv[2]))"


def _run(args: list[str], cwd: Path, **options) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300, check=False, **options)
    assert proc.returncode == 0, f"{args}\n{proc.stdout}\n{proc.stderr}"
    return proc


def _build(kind: str, source: Path, out: Path) -> Path:
    """Run the build backend's ``build_sdist`` or ``build_wheel`` in ``source``; return the file it wrote."""
    name = _run([sys.executable, "-c", BUILD, kind, str(out)], cwd=source).stdout.strip().splitlines()[-1]
    return out / name


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build an sdist from a copy of the checkout, then the wheel from the unpacked sdist."""
    source = tmp_path_factory.mktemp("checkout")
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in SOURCES:
        path = REPO / name
        if path.is_dir() and not path.is_symlink():
            shutil.copytree(path, source / name, symlinks=True, ignore=ignore)
        else:
            shutil.copy2(path, source / name)
    dist = tmp_path_factory.mktemp("dist")
    sdist = _build("build_sdist", source, dist)
    with tarfile.open(sdist) as archive:
        assert not [m.name for m in archive.getmembers() if m.issym() or m.islnk()], "the sdist holds links"
        archive.extractall(dist, filter="data")
    return _build("build_wheel", dist / sdist.name.removesuffix(".tar.gz"), dist)


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """Return the folder of a new virtual environment (outside the checkout) with only the wheel installed in it."""
    root = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(root)
    bindir = root / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                   cwd=root).stdout.strip()
    parents = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (Path(purelib) / "_dependencies.pth").write_text("\n".join(parents) + "\n", encoding="utf-8")
    _run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall", "--quiet",
          str(wheel)], cwd=root)
    return root


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_packaging_wheel_holds_the_package_and_its_runtime_files(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {"alignkg", wheel.name.split("-py3")[0] + ".dist-info"}
    data = {str(p.relative_to(REPO)) for p in (REPO / "data").rglob("*") if p.is_file()}
    assert {f"alignkg/{p}" for p in data} <= set(names)
    assert {"alignkg/graph/query/grammar.lark", "alignkg/app/api/static/index.html", "alignkg/py.typed"} <= set(names)
    assert not [n for n in names if "__pycache__" in n or n.startswith(("alignkg/tests", "alignkg/bench"))]


def test_packaging_installed_wheel_ingests_queries_and_serves(installed, tmp_path):
    bindir = installed / ("Scripts" if os.name == "nt" else "bin")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALIGNKG_", "PYTHON"))}
    where = _run([str(bindir / "python"), "-c", "import alignkg; from alignkg.graph.resources import data_path; "
                  "print(alignkg.__file__); print(data_path('articles'))"], cwd=tmp_path, env=env).stdout.split("\n")
    package, articles = Path(where[0]), Path(where[1])
    assert package.is_relative_to(installed) and not package.resolve().is_relative_to(REPO)
    assert articles.is_relative_to(installed) and (articles / "seed-distant-allies.txt").is_file()

    alignkg = str(bindir / "alignkg")
    store = str(tmp_path / "store")
    ingest = _run([alignkg, "ingest", str(articles), "--store", store], cwd=tmp_path, env=env)
    assert "ingested 11 article(s)" in ingest.stderr
    query = _run([alignkg, "query", "?x non_intervention IRN", "--format", "json", "--store", store],
                 cwd=tmp_path, env=env)
    assert {"CHN", "RUS"} <= {row["x"] for row in json.loads(query.stdout)}

    port = _free_port()
    server = subprocess.Popen([alignkg, "serve", "--store", store, "--host", "127.0.0.1", "--port", str(port),
                               "--log-level", "warning"], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            while True:
                assert server.poll() is None, server.stdout.read().decode() if server.stdout else ""
                assert time.monotonic() < deadline, "the installed server did not start"
                try:
                    health = http.get("/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            assert health.status_code == 200, health.text
            assert http.get("/static/app.js").status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
