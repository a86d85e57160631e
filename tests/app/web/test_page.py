"""The web page over real HTTP, without a browser: the page, its configuration and its assets."""

from __future__ import annotations

import json
import re

import httpx
import pytest
from http_helpers import assert_error

from alignkg.app.api.routers.web import vis_network_dir
from alignkg.graph import EdgeType, QuadClass
from alignkg.graph.namespace import PREFIXES


@pytest.fixture(scope="module")
def client(web_server):
    with web_server.client() as http:
        yield http


def _config(html: str) -> dict:
    found = re.search(r'<script id="alignkg-config" type="application/json">(.*?)</script>', html, re.S)
    assert found, "the page has no configuration"
    return json.loads(found.group(1))


def test_page_is_served_at_the_root_with_its_configuration(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    config = _config(response.text)
    assert [t["id"] for t in config["types"]] == [t.value for t in EdgeType]
    assert [c["id"] for c in config["classes"]] == [q.value for q in QuadClass]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c["colour"]) for c in config["classes"])
    assert config["prefixes"] == PREFIXES
    assert config["graph_library"] == "/vendor/vis-network"


def test_page_tolerates_query_parameters_and_is_not_in_openapi(client):
    assert client.get("/", params={"utm_source": "mail"}).status_code == 200
    assert "/" not in client.get("/openapi.json").json()["paths"]


def test_page_forbids_other_origins_and_inline_scripts(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "connect-src 'self'" in policy
    assert "unsafe-eval" not in policy and "script-src 'self' 'unsafe-inline'" not in policy


def test_page_loads_only_assets_of_this_server(client):
    html = client.get("/").text
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    local = [a for a in assets if a.startswith("/")]
    assert not [a for a in assets if a.startswith(("http:", "https:", "//"))]
    for asset in local:
        response = client.get(asset)
        assert response.status_code == 200, asset
    assert client.get("/static/app.js").headers["content-type"].startswith(("text/javascript",
                                                                             "application/javascript"))


def test_page_serves_vis_network_from_the_installed_pyvis_package(client):
    folder = vis_network_dir()
    assert folder is not None and "pyvis" in folder.parts
    response = client.get("/vendor/vis-network/vis-network.min.js")
    assert response.status_code == 200
    assert response.content == (folder / "vis-network.min.js").read_bytes()
    assert b"vis-network" in response.content[:200]


def test_page_missing_asset_is_a_json_404(client):
    assert_error(client.get("/static/nothing.js"), 404, "not_found")


def test_page_configuration_cannot_close_its_script(client):
    html = client.get("/").text
    block = html.split('<script id="alignkg-config" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block


def test_page_is_open_when_reads_need_a_key(keyed_server):
    with httpx.Client(base_url=keyed_server.url) as http:
        assert http.get("/").status_code == 200
        assert http.get("/static/app.js").status_code == 200
        assert_error(http.get("/facts"), 401, "unauthorized")
