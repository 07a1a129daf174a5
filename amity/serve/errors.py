"""One JSON error shape for every error the API returns.

    {"error": {"status": 404, "code": "not_found", "message": "...", "detail": ...}}
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from amity.errors import InputError, NotFoundError, StoreError

log = logging.getLogger("amity.serve")

HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",  # curation (issue 11): writes need a token
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "validation_error",
    500: "internal_error",
}


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    detail: Any = None


class ErrorBody(BaseModel):
    """The one shape of every error the API returns."""

    error: ErrorDetail


class ApiError(Exception):
    """An error raised by an endpoint, rendered in the shared error shape."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail


def error_body(status: int, code: str, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "detail": detail}}


def error_response(status: int, code: str, message: str, detail: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, code, message, detail), status_code=status, headers=headers)


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Pydantic's errors without the raw input or context objects (not always JSON-ready)."""
    out = []
    for err in exc.errors():
        out.append({
            "loc": [str(part) for part in err.get("loc", ())],
            "msg": str(err.get("msg", "")),
            "type": str(err.get("type", "")),
        })
    return out


async def _on_api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.detail)


async def _on_http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return error_response(exc.status_code, code, message, None, headers=getattr(exc, "headers", None))


async def _on_validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "validation_error", "invalid request parameters", _validation_detail(exc))


async def _on_not_found(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, NotFoundError)
    return error_response(404, "not_found", exc.message, None)


async def _on_input(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, InputError)
    return error_response(422, "invalid_input", exc.message, exc.hint or None)


async def _on_store(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StoreError)
    log.error("store error: %s", exc)
    return error_response(500, "store_error", "the registry could not answer this request", None)


def install_error_handlers(app: FastAPI) -> None:
    """Route every error class through the shared shape (500s are caught by the middleware)."""
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(NotFoundError, _on_not_found)
    app.add_exception_handler(InputError, _on_input)
    app.add_exception_handler(StoreError, _on_store)
