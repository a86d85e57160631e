"""``alignkg serve``: flags over environment, and a real process that seeds an empty store and serves it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import typer
from typer.testing import CliRunner

from alignkg.app.cli import serve as serve_module
from alignkg.app.settings import Settings
from alignkg.graph import EdgeType

REPO = Path(__file__).resolve().parents[3]
RUN_SERVE = "import typer; from alignkg.app.cli.serve import serve; typer.run(serve)"


def test_serve_flags_win_over_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ALIGNKG_PORT", "9001")
    monkeypatch.setenv("ALIGNKG_API_KEYS", "env-key-1,env-key-2")
    monkeypatch.setenv("ALIGNKG_QUERY_TIMEOUT_S", "3")
    settings = serve_module.build_settings(port=9002, host=None, store_path=tmp_path, api_keys=None,
                                           cors_origins=serve_module.split_origins(["https://a.org,https://b.org"]))
    assert settings.port == 9002 and settings.query_timeout_s == 3.0 and settings.store_path == tmp_path
    assert [k.get_secret_value() for k in settings.api_keys] == ["env-key-1", "env-key-2"]
    assert settings.cors_origins == ["https://a.org", "https://b.org"]
    assert "env-key" not in repr(settings)


def test_serve_settings_defaults_and_json_lists(monkeypatch):
    monkeypatch.setenv("ALIGNKG_CORS_ORIGINS", '["https://x.org"]')
    settings = Settings()
    assert (settings.host, settings.port, settings.require_read_key, settings.allow_service) == \
        ("127.0.0.1", 8000, False, False)
    assert settings.cors_origins == ["https://x.org"] and settings.api_keys == []


def test_serve_command_builds_the_server_from_flags(monkeypatch, tmp_path):
    captured = {}

    def fake_run(server, sockets=None):
        captured["config"] = server.config

    monkeypatch.setattr("uvicorn.Server.run", fake_run)
    app = typer.Typer()
    app.command()(serve_module.serve)
    result = CliRunner().invoke(app, ["--store", str(tmp_path / "s"), "--port", "8123", "--host", "127.0.0.2",
                                      "--api-key", "k1", "--no-seed", "--query-timeout", "2.5"])
    assert result.exit_code == 0, result.output
    config = captured["config"]
    assert (config.host, config.port) == ("127.0.0.2", 8123)
    settings = config.app.state.settings
    assert settings.query_timeout_s == 2.5 and [k.get_secret_value() for k in settings.api_keys] == ["k1"]


def test_serve_command_refuses_bad_settings(tmp_path):
    app = typer.Typer()
    app.command()(serve_module.serve)
    result = CliRunner().invoke(app, ["--store", str(tmp_path / "s"), "--port", "70000", "--no-seed"])
    assert result.exit_code == 2 and "invalid setting" in result.output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_process_seeds_an_empty_store_and_serves_iran(tmp_path):
    port = _free_port()
    env = {**os.environ, "ALIGNKG_STORE_PATH": str(tmp_path / "store"), "ALIGNKG_PORT": str(port)}
    process = subprocess.Popen([sys.executable, "-c", RUN_SERVE, "--log-level", "warning"], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 240
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            while True:
                assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
                assert time.monotonic() < deadline, "the server did not start"
                try:
                    if http.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            iran = http.get("/states/Iran").json()
        incoming = {g["type"]: g for g in iran["incoming"]}[EdgeType.NON_INTERVENTION.value]
        assert sorted(f["subject"] for f in incoming["facts"]) == ["CHN", "RUS"]
        assert all(f["evidence"][0]["text"] for f in incoming["facts"])
    finally:
        process.terminate()
        process.wait(timeout=30)
    output = process.stdout.read().decode() if process.stdout else ""
    assert "ingested 11 bundled article(s)" in output
    assert "writes are refused" in output


def _start(tmp_path: Path, env: dict[str, str], *flags: str) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``alignkg serve`` in a process; return it and its URL once /health answers."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-c", RUN_SERVE, "--port", str(port), "--log-level", "warning",
                                *flags], cwd=REPO, env={**os.environ, **env}, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    limit = time.monotonic() + 120
    with httpx.Client(timeout=5) as http:
        while True:
            assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
            assert time.monotonic() < limit, "the server did not start"
            try:
                if http.get(f"http://127.0.0.1:{port}/health").status_code == 200:
                    return process, f"http://127.0.0.1:{port}"
            except httpx.TransportError:
                time.sleep(0.2)


def test_serve_sigterm_stops_within_5_s_while_a_pattern_query_runs(seeded_store, tmp_path):
    """Issue 11, row 5: SIGTERM stops the server within 5 s whatever runs, and releases the store."""
    import shutil
    import signal
    import threading

    from alignkg.graph import KnowledgeGraph

    store = tmp_path / "store"
    shutil.copytree(seeded_store, store)
    process, url = _start(tmp_path, {"ALIGNKG_STORE_PATH": str(store)}, "--no-seed", "--query-timeout", "120")
    outcome: dict[str, object] = {}

    def query() -> None:
        try:
            with httpx.Client(timeout=120) as http:
                outcome["status"] = http.post(f"{url}/query", json={"pattern": "?a any ?b . ?c any ?d . ?e any ?f "
                                                                               ". ?g any ?h limit 1 order by ?a"})
        except httpx.TransportError as err:
            outcome["error"] = err

    runner = threading.Thread(target=query)
    runner.start()
    time.sleep(1.0)  # the query is running in a worker
    process.send_signal(signal.SIGTERM)
    started = time.monotonic()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("the server was still running 5 s after SIGTERM") from None
    assert time.monotonic() - started < 5
    runner.join(timeout=30)
    with KnowledgeGraph.open(store) as kg:  # the store lock was released
        assert len(kg.article_ids()) == 11
    assert not (tmp_path / ".store.checkpoints").exists()


def test_serve_bad_api_keys_never_reach_the_output(tmp_path):
    """Issue 11, row 7: a malformed ALIGNKG_API_KEYS is named, its keys are never printed."""
    env = {**os.environ, "ALIGNKG_STORE_PATH": str(tmp_path / "s"), "ALIGNKG_API_KEYS": '["s3cret-key-1",]'}
    result = subprocess.run([sys.executable, "-c", RUN_SERVE, "--no-seed"], cwd=REPO, env=env, capture_output=True,
                            timeout=120)
    output = (result.stdout + result.stderr).decode()
    assert result.returncode == 2, output
    assert "api_keys" in output and "ALIGNKG_API_KEYS" in output
    assert "s3cret" not in output
