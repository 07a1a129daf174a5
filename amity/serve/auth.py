"""Who is calling: `Authorization: Bearer TOKEN` (made by `amity users add`). Tokens travel in a header,
never in a cookie, so a page on another site cannot make the browser send one (no CSRF)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.exceptions import HTTPException as StarletteHTTPException

from amity.curate.users import User, authenticate
from amity.serve.errors import ApiError, ErrorBody

AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "no valid token: send `Authorization: Bearer TOKEN`"},
    403: {"model": ErrorBody, "description": "the token is a viewer's: only editors may change the registry"},
    405: {"model": ErrorBody, "description": "the registry has no users, so the API is read-only"},
}


def _unauthorized(message: str) -> StarletteHTTPException:
    return StarletteHTTPException(401, detail=message, headers={"www-authenticate": 'Bearer realm="amity"'})


def current_user(request: Request) -> User:
    header = request.headers.get("authorization") or ""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("sign in: send 'Authorization: Bearer TOKEN' with a token from `amity users add`")
    user = authenticate(request.app.state.registry.db, token)
    if user is None:
        raise _unauthorized("the token is not valid (mistyped, or its user was revoked)")
    return user


def editor(user: Annotated[User, Depends(current_user)]) -> User:
    if not user.can_edit:
        raise ApiError(403, "forbidden", f"{user.name} is a viewer: only editors may change the registry")
    return user


Signed = Annotated[User, Depends(current_user)]
Editor = Annotated[User, Depends(editor)]
