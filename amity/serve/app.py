"""The app factory: `create_app(registry)` builds the API, its docs and the web UI around one registry."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from amity import __version__
from amity.curate.users import has_users
from amity.serve.api import build_router
from amity.serve.errors import install_error_handlers
from amity.serve.middleware import LOOPBACK_HOSTS, GuardMiddleware
from amity.serve.programs import build_programs_router
from amity.serve.write import build_write_router, install_write_handlers
from amity.store.interface import Registry

DESCRIPTION = (
    "API over the amity registry of international people-to-people exchange events: reads are open; "
    "writes (tag `curation`) need `Authorization: Bearer TOKEN` of an editor (`amity users add`), and a "
    "registry without users is read-only. "
    "Every error has one shape: `{\"error\": {\"status\", \"code\", \"message\", \"detail\"}}`."
)


def read_only(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema a registry without users serves: its writes answer 405, so they are left out."""
    paths = {}
    for path, ops in schema.get("paths", {}).items():
        kept = {m: op for m, op in ops.items()
                if m in ("get", "head", "parameters") and "auth" not in op.get("tags", ())}
        if kept:
            paths[path] = kept
    return {**schema, "paths": paths}


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
    install_write_handlers(app)
    app.include_router(build_router())
    app.include_router(build_write_router())  # curation (issue 11): writes need an editor's token
    app.include_router(build_programs_router())
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
    db = getattr(registry, "db", None)
    writable = (lambda: has_users(db)) if db is not None else None  # no users: read-only, as before
    app.add_middleware(GuardMiddleware, allowed_hosts=tuple(allowed_hosts), writable=writable)
    full_schema = app.openapi
    app.openapi = lambda: full_schema() if writable is not None and writable() else read_only(full_schema())  # type: ignore[method-assign]
    return app
