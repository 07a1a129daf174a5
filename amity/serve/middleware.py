"""ASGI middleware: allowed Host names only, read-only methods, security headers on every response,
relative redirects, 500s in the error shape."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from amity.serve.errors import error_body

log = logging.getLogger("amity.serve")

ALLOWED_METHODS = ("GET", "HEAD")
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")  # curation (issue 11): under /api/, when users exist

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
))

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = tuple(
    (k.encode("latin-1"), v.encode("latin-1")) for k, v in (
        ("content-security-policy", CONTENT_SECURITY_POLICY),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "no-referrer"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        ("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    )
)


def _json_start(status: int, extra: tuple[tuple[bytes, bytes], ...] = ()) -> tuple[Message, Message]:
    body = json.dumps(error_body(status, *_STATUS_TEXT[status])).encode()
    start: Message = {
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    *extra],
    }
    return start, {"type": "http.response.body", "body": body}


# Served by default: the loopback names. A page on another site reaching a local amity through a
# rebinding name (evil.example resolving to 127.0.0.1) sends that name as Host, and is refused.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
ANY_HOST = "*"


def host_name(value: str) -> str:
    """The host of a Host header without its port, lower-cased, IPv6 brackets and a final dot removed."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end > 0 else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def allowed_host_set(hosts: Iterable[str]) -> frozenset[str]:
    return frozenset(host_name(h) if h != ANY_HOST else ANY_HOST for h in hosts if h.strip())


_STATUS_TEXT: dict[int, tuple[str, str]] = {
    400: ("bad_host", "this server does not answer for that Host; add it with `amity serve --allow-host`"),
    405: ("method_not_allowed", "this API is read-only: use GET or HEAD"),
    500: ("internal_error", "internal server error"),
}


def _relative(location: bytes) -> bytes:
    """A redirect's target without scheme and host: the browser stays on the host it asked."""
    parts = urlsplit(location.decode("latin-1"))
    if not parts.scheme and not parts.netloc:
        return location
    path = parts.path or "/"
    if path.startswith("//"):  # '//evil.example/' would still name a host
        path = "/" + path.lstrip("/")
    return (path + (f"?{parts.query}" if parts.query else "")).encode("latin-1")


class GuardMiddleware:
    """Answers only requests whose Host is one it serves (400 otherwise), rejects methods other than
    GET/HEAD with 405, answers HEAD as GET without a body, adds the security headers, makes redirects
    relative, and turns unhandled exceptions into a JSON 500."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
                 writable: Callable[[], bool] | None = None) -> None:
        self.app = app
        self.allowed_hosts = allowed_host_set(allowed_hosts)
        self.writable = writable  # whether writes reach the API now (the registry has users)

    def write_allowed(self, scope: Scope) -> bool:
        return (scope["method"] in WRITE_METHODS and str(scope.get("path", "")).startswith("/api/")
                and self.writable is not None and self.writable())

    def host_allowed(self, scope: Scope) -> bool:
        if ANY_HOST in self.allowed_hosts:
            return True
        host = next((v for k, v in scope.get("headers", []) if k == b"host"), None)
        if host is None:
            return False
        return host_name(host.decode("latin-1")) in self.allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        method = scope["method"]
        head = method == "HEAD"

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [
                    (k, _relative(v) if k.lower() == b"location" else v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in _SECURITY_NAMES
                ]
                message = {**message, "headers": [*headers, *SECURITY_HEADERS]}
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        if not self.host_allowed(scope):
            for message in _json_start(400):
                await send_secured(message)
            return
        if method not in ALLOWED_METHODS and not self.write_allowed(scope):
            for message in _json_start(405, ((b"allow", b"GET, HEAD"),)):
                await send_secured(message)
            return
        inner: Scope = {**scope, "method": "GET"} if head else scope
        try:
            await self.app(inner, receive, send_secured)
        except Exception:  # noqa: BLE001 - last line of defence: log, answer in the error shape
            log.exception("unhandled error on %s %s", method, scope.get("path"))
            if not started:
                for message in _json_start(500):
                    await send_secured(message)


_SECURITY_NAMES = frozenset(name for name, _ in SECURITY_HEADERS)
