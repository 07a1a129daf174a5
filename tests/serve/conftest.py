"""Fixtures for the serve tests: a registry holding the test corpus, and an in-process API client."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from amity.serve import create_app
from amity.store import open_registry
from tests.serve import corpus


def build_registry(db_dir: Path) -> tuple[Any, Callable[[], Any]]:
    """A SQLite registry holding the test corpus, written through the store's own `add_document`,
    and a function opening it again (for a server running in another thread)."""
    url = f"sqlite:///{db_dir / 'serve-test.db'}"
    registry = open_registry(url)
    corpus.load(registry)
    return registry, lambda: open_registry(url)


class ApiClient:
    """A synchronous client calling the ASGI app in-process. Requests run on one worker thread of
    its own, so they work whatever event loop the calling thread has (Playwright's sync API keeps one)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="api-client")

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
                return await client.request(method, url, **kwargs)

        return self.worker.submit(asyncio.run, call()).result()

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Callable[[], Any]]]:
    reg, reopen = build_registry(tmp_path_factory.mktemp("registry"))
    yield reg, reopen
    reg.close()


@pytest.fixture(scope="session")
def registry(built: tuple[Any, Callable[[], Any]]) -> Any:
    return built[0]


@pytest.fixture(scope="session")
def reopen_registry(built: tuple[Any, Callable[[], Any]]) -> Callable[[], Any]:
    return built[1]


@pytest.fixture(scope="session")
def client(registry: Any) -> ApiClient:
    return ApiClient(create_app(registry))


def collect_ids(get: Callable[[str, dict[str, Any]], Any]) -> dict[str, int]:
    """Ids of the corpus' records as the registry numbered them; `get(path, params)` returns JSON."""
    def find(path: str, key: str, value: str) -> int:
        return next(item["id"] for item in get(path, {"limit": 500})["items"] if item[key] == value)

    events = get("/api/events", {"limit": 500})["items"]
    return {
        "liu": find("/api/people", "name", "Liu Aiping"),
        "kim": find("/api/people", "name", "Kim Min-jun"),
        "mallory": find("/api/people", "name", corpus.XSS_NAME),
        "ciyec": find("/api/orgs", "name", corpus.CIYEC.name),
        "visit": next(e["id"] for e in events if e["type"] == "visit"),
        "forum": next(e["id"] for e in events if e["name"] == "Japan-Vietnam Culture Forum"),
        "hostile": next(e["id"] for e in events if e["name"] == corpus.XSS_EVENT),
    }


@pytest.fixture(scope="session")
def ids(client: ApiClient) -> dict[str, int]:
    return collect_ids(lambda path, params: client.get(path, params=params).json())
