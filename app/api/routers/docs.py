"""``/docs`` and ``/redoc``: the interactive API documentation, served whole by this server.

FastAPI's own pages load Swagger UI and ReDoc from a CDN, so they are blank offline and
run scripts the server does not control. These pages load the same files from the
installed ``fastapi-offline`` package (a dependency, which ships them), under
``/vendor/swagger-ui``: nothing comes from another host, and no third-party code is
copied into this repository. ``/docs`` stays open when reads require a key.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

#: Where the documentation UI's files are served from.
VENDOR = "/vendor/swagger-ui"

router = APIRouter(include_in_schema=False)


def assets_dir() -> Path | None:
    """Return the folder of Swagger UI's and ReDoc's files in the installed fastapi-offline package, or None."""
    spec = importlib.util.find_spec("fastapi_offline")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "static"
        if (folder / "swagger-ui-bundle.js").is_file():
            return folder
    return None


@router.get("/docs")
async def swagger_ui() -> HTMLResponse:
    """Swagger UI over ``/openapi.json``."""
    return get_swagger_ui_html(openapi_url="/openapi.json", title="alignkg API",
                               swagger_js_url=f"{VENDOR}/swagger-ui-bundle.js",
                               swagger_css_url=f"{VENDOR}/swagger-ui.css",
                               swagger_favicon_url=f"{VENDOR}/favicon.png")


@router.get("/redoc")
async def redoc() -> HTMLResponse:
    """ReDoc over ``/openapi.json``."""
    return get_redoc_html(openapi_url="/openapi.json", title="alignkg API",
                          redoc_js_url=f"{VENDOR}/redoc.standalone.js", redoc_favicon_url=f"{VENDOR}/favicon.png",
                          with_google_fonts=False)


def install(app: FastAPI) -> None:
    """Serve the documentation UI's files from the installed package."""
    folder = assets_dir()
    if folder is not None:
        app.mount(VENDOR, StaticFiles(directory=folder), name="swagger-ui")
