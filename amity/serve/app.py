"""The app factory: `create_app(registry)` builds the API, its docs and the web UI around one registry."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from amity import __version__
from amity.serve.api import build_router
from amity.serve.errors import install_error_handlers
from amity.serve.middleware import LOOPBACK_HOSTS, GuardMiddleware
from amity.store.interface import Registry

DESCRIPTION = (
    "Read-only API over the amity registry of international people-to-people exchange events. "
    "Every error has one shape: `{\"error\": {\"status\", \"code\", \"message\", \"detail\"}}`."
)


def static_dir() -> Path:
    return Path(str(resources.files("amity.serve").joinpath("static")))


def create_app(registry: Registry, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS) -> FastAPI:
    """The app over `registry`, answering requests whose Host header is one of `allowed_hosts`
    (host names or addresses, any port; '*' for any)."""
    app = FastAPI(
        title="amity", version=__version__, description=DESCRIPTION,
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
    )
    app.state.registry = registry
    install_error_handlers(app)
    app.include_router(build_router())
    static = static_dir()
    no_cache = {"cache-control": "no-cache"}

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html; charset=utf-8", headers=no_cache)

    @app.get("/docs", include_in_schema=False)
    async def docs() -> FileResponse:
        return FileResponse(static / "docs.html", media_type="text/html; charset=utf-8", headers=no_cache)

    @app.get("/api", include_in_schema=False)
    async def api_root() -> JSONResponse:
        return JSONResponse({"name": "amity", "version": __version__, "docs": "/docs",
                             "openapi": "/openapi.json"})

    app.mount("/static", StaticFiles(directory=static), name="static")
    app.add_middleware(GuardMiddleware, allowed_hosts=tuple(allowed_hosts))
    return app
