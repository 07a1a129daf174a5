"""Run the app with uvicorn in a background thread on a free loopback port (for the browser tests)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import uvicorn

from amity.serve import create_app


class ServerThread(threading.Thread):
    """Opens the registry inside the thread that serves it (SQLite connections stay on one thread)."""

    def __init__(self, open_registry: Callable[[], Any]) -> None:
        super().__init__(daemon=True, name="amity-test-server")
        self.open_registry = open_registry
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.server: uvicorn.Server | None = None
        self.error: BaseException | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def run(self) -> None:
        try:
            registry = self.open_registry()
            config = uvicorn.Config(create_app(registry), log_level="warning", access_log=False)
            self.server = uvicorn.Server(config)
            self.server.run(sockets=[self.sock])
        except BaseException as e:  # noqa: BLE001 - reported to the test by wait_started
            self.error = e

    def wait_started(self, deadline_s: float = 30.0) -> None:
        end = time.monotonic() + deadline_s
        while time.monotonic() < end:
            if self.error is not None:
                raise RuntimeError(f"test server failed: {self.error!r}") from self.error
            if self.server is not None and self.server.started:
                return
            time.sleep(0.05)
        raise RuntimeError("test server did not start")

    def stop(self) -> None:
        if self.server is not None:
            self.server.should_exit = True
        self.join(timeout=10)
        self.sock.close()
