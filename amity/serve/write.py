"""The write API: hand edits of events, people, organizations and programmes, their history and its
revert. Every write needs an editor's token (401 without a valid one, 403 for a viewer); a registry
without users answers 405 to every write, as the read-only API always did."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Path, Request
from fastapi.responses import JSONResponse

from amity.curate import history
from amity.curate.edits import Conflict, Curator
from amity.curate.info import curation_info, redirect_of
from amity.errors import NotFoundError
from amity.serve.auth import AUTH_ERRORS, Editor, Signed
from amity.serve.errors import ApiError, ErrorBody, error_response
from amity.serve.params import MAX_ID
from amity.serve.write_models import (
    EventFieldsIn,
    EventIn,
    LinkPatch,
    MergeIn,
    OrganizationIn,
    OrgIn,
    OrgPatch,
    ParticipantIn,
    PersonIn,
    PersonPatch,
    SplitIn,
    given,
)

Id = Annotated[int, Path(ge=1, le=MAX_ID)]
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **AUTH_ERRORS,
    404: {"model": ErrorBody, "description": "no record with this id in the registry"},
    409: {"model": ErrorBody, "description": "the edit does not apply to the record as it is"},
    422: {"model": ErrorBody, "description": "a field value is out of its range, pattern or vocabulary"},
}
KINDS = {"events": "event", "people": "person", "orgs": "org"}


def curator(request: Request, user: Any) -> Curator:
    return Curator(request.app.state.registry.db, user.name)


def bad_field(field: str, message: str) -> ApiError:
    return ApiError(
        422,
        "validation_error",
        "invalid request body",
        [{"loc": ["body", field], "msg": message, "type": "value_error"}],
    )


def with_curation(
    request: Request, kind: str, record_id: int, getter: Callable[[int], dict[str, Any]]
) -> dict[str, Any]:
    """A record's detail with what curation did to it; a merged-away id says where it went (404)."""
    db = request.app.state.registry.db
    try:
        d = getter(record_id)
    except NotFoundError:
        new = redirect_of(db, kind, record_id)
        if new is None:
            raise
        raise ApiError(
            404, "merged", f"{kind} {record_id} was merged into {kind} {new}", {"merged_into": new}
        ) from None
    d["curation"] = curation_info(db, kind, record_id)
    return d


def shown(request: Request, kind: str, d: dict[str, Any], status_code: int = 200) -> JSONResponse:
    """A record written, with what curation did to it."""
    d["curation"] = curation_info(request.app.state.registry.db, kind, d["id"])
    return JSONResponse(d, status_code=status_code)


async def _on_conflict(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Conflict)
    return error_response(409, "conflict", exc.message, exc.hint or None)


def install_write_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Conflict, _on_conflict)


def _participant(c: Curator, body: ParticipantIn) -> tuple[int, dict[str, Any]]:
    if (body.person_id is None) == (body.name is None):
        raise bad_field("person_id", "give either person_id (someone in the registry) or name (someone new)")
    pid = body.person_id
    if pid is None:
        pid = c.create_entity("person", {"name": body.name, "country": body.country})["id"]
    values = {k: getattr(body, k) for k in ("title", "organization", "country", "role") if getattr(body, k)}
    return pid, values


def _organization(c: Curator, body: OrganizationIn) -> tuple[int, dict[str, Any]]:
    if (body.org_id is None) == (body.name is None):
        raise bad_field("org_id", "give either org_id (an organization in the registry) or name (a new one)")
    oid = body.org_id
    if oid is None:
        oid = c.create_entity("org", {"name": body.name, "acronym": body.acronym, "country": body.country})[
            "id"
        ]
    return oid, {"role": body.role} if body.role else {}


def build_write_router() -> APIRouter:
    router = APIRouter(prefix="/api", responses=WRITE_ERRORS)

    @router.get("/me", tags=["auth"], summary="Who the token belongs to (sign-in check)")
    async def me(user: Signed) -> JSONResponse:
        return JSONResponse({**user.to_dict(), "can_edit": user.can_edit})

    # events -----------------------------------------------------------------------------------------
    @router.patch(
        "/events/{event_id}",
        tags=["curation"],
        summary="Set any of an event's fields by hand; curated values win over re-extraction",
    )
    async def patch_event(request: Request, user: Editor, event_id: Id, body: EventFieldsIn) -> JSONResponse:
        for field in body.required_not_null():
            raise bad_field(field, f"{field} cannot be null")
        changes = body.changes()
        if not changes:
            raise bad_field("body", "give at least one field to change")
        return shown(request, "event", curator(request, user).patch_event(event_id, changes))

    @router.post(
        "/events",
        tags=["curation"],
        status_code=201,
        summary="Add an event by hand, optionally with a document (a text it comes from)",
    )
    async def create_event(request: Request, user: Editor, body: EventIn) -> JSONResponse:
        for field in body.required_not_null():
            raise bad_field(field, f"{field} cannot be null")
        c = curator(request, user)
        event = c.create_event(body.values(), body.document.model_dump() if body.document else None)
        for p in body.participants:
            pid, values = _participant(c, p)
            event = c.add_link("participant", event["id"], pid, values)
        for o in body.organizations:
            oid, values = _organization(c, o)
            event = c.add_link("organization", event["id"], oid, values)
        return shown(request, "event", event, status_code=201)

    _link_routes(router, "participant", "participants", "person_id", ParticipantIn, _participant)
    _link_routes(router, "organization", "organizations", "org_id", OrganizationIn, _organization)

    @router.post(
        "/events/{event_id}/merge",
        tags=["curation"],
        summary="Merge another event into this one (with preview: the result, nothing kept)",
    )
    async def merge_events(request: Request, user: Editor, event_id: Id, body: MergeIn) -> JSONResponse:
        return shown(
            request, "event", curator(request, user).merge_events(event_id, body.other, body.preview)
        )

    @router.post(
        "/events/{event_id}/split",
        tags=["curation"],
        summary="Split one report off an event into an event of its own (with preview)",
    )
    async def split_event(request: Request, user: Editor, event_id: Id, body: SplitIn) -> JSONResponse:
        return shown(
            request,
            "event",
            curator(request, user).split_event(event_id, body.document_id, body.idx, body.preview),
        )

    # people and organizations -------------------------------------------------------------------------
    @router.post("/people", tags=["curation"], status_code=201, summary="Add a person by hand")
    async def create_person(request: Request, user: Editor, body: PersonIn) -> JSONResponse:
        return shown(
            request, "person", curator(request, user).create_entity("person", given(body)), status_code=201
        )

    @router.patch(
        "/people/{person_id}", tags=["curation"], summary="Rename a person, set their country or aliases"
    )
    async def patch_person(request: Request, user: Editor, person_id: Id, body: PersonPatch) -> JSONResponse:
        changes = given(body)
        if not changes or "name" in changes and changes["name"] is None:
            raise bad_field("name", "give a field to change; a name cannot be null")
        return shown(request, "person", curator(request, user).patch_entity("person", person_id, changes))

    @router.post(
        "/people/{person_id}/merge",
        tags=["curation"],
        summary="Merge another person into this one (with preview)",
    )
    async def merge_people(request: Request, user: Editor, person_id: Id, body: MergeIn) -> JSONResponse:
        return shown(
            request,
            "person",
            curator(request, user).merge_entities("person", person_id, body.other, body.preview),
        )

    @router.post("/orgs", tags=["curation"], status_code=201, summary="Add an organization by hand")
    async def create_org(request: Request, user: Editor, body: OrgIn) -> JSONResponse:
        return shown(
            request, "org", curator(request, user).create_entity("org", given(body)), status_code=201
        )

    @router.patch(
        "/orgs/{org_id}",
        tags=["curation"],
        summary="Rename an organization, set its acronym, country or aliases",
    )
    async def patch_org(request: Request, user: Editor, org_id: Id, body: OrgPatch) -> JSONResponse:
        changes = given(body)
        if not changes or "name" in changes and changes["name"] is None:
            raise bad_field("name", "give a field to change; a name cannot be null")
        return shown(request, "org", curator(request, user).patch_entity("org", org_id, changes))

    @router.post(
        "/orgs/{org_id}/merge",
        tags=["curation"],
        summary="Merge another organization into this one (with preview)",
    )
    async def merge_orgs(request: Request, user: Editor, org_id: Id, body: MergeIn) -> JSONResponse:
        return shown(
            request, "org", curator(request, user).merge_entities("org", org_id, body.other, body.preview)
        )

    # suppression and history, for every kind ---------------------------------------------------------
    for plural, kind in KINDS.items():
        _kind_routes(router, plural, kind)

    @router.post(
        "/history/{entry_id}/revert",
        tags=["curation"],
        summary="Revert one history entry (recorded as an entry of its own)",
    )
    async def revert(request: Request, user: Editor, entry_id: Id) -> JSONResponse:
        return JSONResponse(curator(request, user).revert(entry_id))

    return router


def _link_routes(router: APIRouter, kind: str, plural: str, key: str, model: type[Any],
                 resolve: Callable[[Curator, Any], tuple[int, dict[str, Any]]]) -> None:
    """POST, PATCH and DELETE of an event's participants (people) or organizations."""
    what = "a participant (a person)" if kind == "participant" else "an organization"
    changes = "title or role" if kind == "participant" else "role"

    async def add(request: Request, user: Editor, event_id: Id, body: Any) -> JSONResponse:
        c = curator(request, user)
        c.get("event", event_id)
        entity_id, values = resolve(c, body)
        return shown(request, "event", c.add_link(kind, event_id, entity_id, values))

    add.__annotations__["body"] = model  # the body model of this kind of link

    async def change(
        request: Request, user: Editor, event_id: Id, entity_id: Id, body: LinkPatch
    ) -> JSONResponse:
        values = given(body)
        if kind == "organization" and "title" in values:
            raise bad_field("title", "an organization has a role on an event, not a title")
        return shown(request, "event", curator(request, user).change_link(kind, event_id, entity_id, values))

    async def remove(request: Request, user: Editor, event_id: Id, entity_id: Id) -> JSONResponse:
        return shown(request, "event", curator(request, user).remove_link(kind, event_id, entity_id))

    base = f"/events/{{event_id}}/{plural}"
    router.add_api_route(base, add, methods=["POST"], tags=["curation"], name=f"add_{kind}",
                         summary=f"Add {what} to an event: one in the registry, or a new one by name")
    router.add_api_route(f"{base}/{{entity_id}}", change, methods=["PATCH"], tags=["curation"],
                         name=f"change_{kind}", summary=f"Change the {changes} of {what} on an event")
    router.add_api_route(f"{base}/{{entity_id}}", remove, methods=["DELETE"], tags=["curation"],
                         name=f"remove_{kind}",
                         summary=f"Remove {what} from an event (re-extraction never brings it back)")


def _suppressor(kind: str, hidden: bool) -> Callable[..., Any]:
    async def endpoint(request: Request, user: Editor, record_id: Id) -> JSONResponse:
        c = curator(request, user)
        c.suppress(kind, record_id, hidden)
        return JSONResponse(with_curation(request, kind, record_id, lambda i: c.get(kind, i)))

    return endpoint


def _kind_routes(router: APIRouter, plural: str, kind: str) -> None:
    what = {"event": "an event", "person": "a person", "org": "an organization"}[kind]

    for action, hidden, summary in (
        ("suppress", True, f"Hide {what} (kept, reversible; re-ingest never brings it back)"),
        ("restore", False, f"Show {what} that was suppressed again"),
    ):
        router.add_api_route(f"/{plural}/{{record_id}}/{action}", _suppressor(kind, hidden), methods=["POST"],
                             tags=["curation"], name=f"{action}_{kind}", summary=summary)

    @router.get(
        f"/{plural}/{{record_id}}/history",
        tags=["curation"],
        name=f"history_{kind}",
        summary=f"Every change made to {what} by hand, newest first",
    )
    async def record_history(request: Request, record_id: Id) -> JSONResponse:
        db = request.app.state.registry.db
        return JSONResponse({"items": history.history(db, kind, record_id)})
