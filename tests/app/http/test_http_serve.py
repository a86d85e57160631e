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
