"""``GET /``: the web page (an interactive view of the graph, the bloc test and a SPARQL box), and its assets.

The page is our own HTML, JavaScript and CSS (``app/api/static/``), served under
``/static``. It draws the graph with vis-network, which the ``pyvis`` package ships in
its wheel: ``/vendor/vis-network`` serves that folder of the installed package, so
nothing is fetched from another host and no third-party code is copied into the
repository. The page reads only the JSON API (``/facts``, ``/facts/{id}``,
``/articles/{id}``, ``/states``, ``/analysis/...``, ``/sparql``); the edge types, their
quad classes and colours, and the SPARQL prefixes come from ``graph`` and are written
into the page here, so the JavaScript holds no copy of them.

The page itself needs no key. When reads require one, the page sends the key found in
its URL fragment (``/#key=<key>``, which browsers never send to the server).
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from alignkg.graph import PREFIXES, EdgeType, QuadClass, __version__

#: The page's own files, package data of ``alignkg.app.api`` (its ``static/`` folder).
STATIC = Path(str(files("alignkg.app.api") / "static"))
#: Where the graph library is served from (a folder of the installed pyvis package).
VENDOR = "/vendor/vis-network"
#: The colour of each quad class on the page: cooperation in greens, conflict in reds, abstention in purple.
COLOURS: dict[QuadClass, str] = {
    QuadClass.MATERIAL_COOPERATION: "#1b7f3b",
    QuadClass.VERBAL_COOPERATION: "#6bb36b",
    QuadClass.VERBAL_CONFLICT: "#e08a1e",
    QuadClass.MATERIAL_CONFLICT: "#c62828",
    QuadClass.NON_COOPERATION: "#7e57c2",
}
SPARQL_EXAMPLE = """SELECT DISTINCT ?state ?sentence WHERE {
  ?f a ak:NonIntervention ; ak:subject ?state ; ak:object state:IRN .
  ?e ak:supports ?f ; ak:sentence ?sentence .
} ORDER BY ?state"""
#: What the page may load and call: only this server; styles set by the graph library inline.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

router = APIRouter(include_in_schema=False)


def vis_network_dir() -> Path | None:
    """Return the folder of vis-network's built files inside the installed pyvis package, or None.

    The package is located without being imported (importing pyvis imports IPython, which
    takes most of a second); of the vis-network versions it ships, the newest is taken.
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        return None
    folders = [p for location in spec.submodule_search_locations for p in (Path(location) / "lib").glob("vis-*")
               if (p / "vis-network.min.js").is_file()]

    def version(folder: Path) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", folder.name))

    return max(folders, key=version, default=None)


def page_config() -> dict[str, object]:
    """Return what the page needs to know of the ontology and the vocabulary."""
    return {
        "version": __version__,
        "graph_library": VENDOR if vis_network_dir() else None,
        "types": [{"id": t.value, "label": t.spec.label, "quad_class": t.spec.quad_class.value,
                   "symmetric": t.spec.symmetric, "description": t.spec.description} for t in EdgeType],
        "classes": [{"id": q.value, "label": q.value.replace("_", " "), "colour": COLOURS[q]} for q in QuadClass],
        "prefixes": dict(PREFIXES),
        "sparql_example": SPARQL_EXAMPLE,
    }


@lru_cache(maxsize=1)
def page_html() -> str:
    """Return the page with its configuration written in (``<`` escaped, so no text can close the script)."""
    config = json.dumps(page_config(), ensure_ascii=False).replace("<", "\\u003c")
    return (STATIC / "index.html").read_text(encoding="utf-8").replace("{{config}}", config)


# A plain route, not an APIRoute: the page takes no parameter, and must not refuse a link that carries some.
async def page(request: Request) -> HTMLResponse:
    """The web page."""
    return HTMLResponse(page_html(), headers=SECURITY_HEADERS)


router.add_route("/", page, methods=["GET"], include_in_schema=False)


def install(app: FastAPI) -> None:
    """Serve the page's own assets under ``/static`` and vis-network from the pyvis package under ``/vendor``."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    folder = vis_network_dir()
    if folder is not None:
        app.mount(VENDOR, StaticFiles(directory=folder), name="vis-network")
