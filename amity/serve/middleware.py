"""ASGI middleware: read-only methods, security headers on every response, 500s in the error shape."""

from __future__ import annotations

import json
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from amity.serve.errors import error_body

log = logging.getLogger("amity.serve")

ALLOWED_METHODS = ("GET", "HEAD")

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


_STATUS_TEXT: dict[int, tuple[str, str]] = {
    405: ("method_not_allowed", "this API is read-only: use GET or HEAD"),
    500: ("internal_error", "internal server error"),
}


class GuardMiddleware:
    """Rejects methods other than GET/HEAD with 405, answers HEAD as GET without a body,
    adds the security headers, and turns unhandled exceptions into a JSON 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

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
                headers = [h for h in message.get("headers", []) if h[0].lower() not in _SECURITY_NAMES]
                message = {**message, "headers": [*headers, *SECURITY_HEADERS]}
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        if method not in ALLOWED_METHODS:
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
