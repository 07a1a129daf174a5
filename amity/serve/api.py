"""The JSON API: read-only views of the registry, in the shapes of `amity.store.interface`."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from amity.serve.errors import ErrorBody
from amity.serve.export import start_export, stream_csv, stream_json
from amity.serve.facets import build_facets
from amity.serve.graph import build_network
from amity.serve.params import (
    COUNTRY_PATTERN,
    MAX_ID,
    MAX_LIMIT,
    MAX_TEXT,
    Limit,
    Offset,
    event_filter,
    normalise_countries,
)
from amity.serve.write import with_curation
from amity.store.interface import EventFilter, Registry

Id = Annotated[int, Path(ge=1, le=MAX_ID)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Country = Annotated[
    str | None, Query(pattern=COUNTRY_PATTERN, description="ISO 3166-1 alpha-2 or bloc code; empty for any")
]
EXPORT_CAP = 200_000

# every API answer may be one of these errors, in the shared error shape
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "the Host header names a host this server does not answer"},
    422: {"model": ErrorBody, "description": "a parameter is out of its range or pattern"},
    500: {"model": ErrorBody, "description": "the registry could not answer"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    **ERRORS, 404: {"model": ErrorBody, "description": "no record with this id in the registry"},
}


def registry_of(request: Request) -> Registry:
    registry: Registry = request.app.state.registry
    return registry


Reg = Annotated[Registry, Depends(registry_of)]


def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> JSONResponse:
    return JSONResponse({"items": items, "total": total, "limit": limit, "offset": offset})


def one_country(country: str | None) -> str | None:
    if country is None or not country.strip():
        return None
    return normalise_countries([country])[0]


def build_router() -> APIRouter:
    router = APIRouter(prefix="/api", responses=ERRORS)

    @router.get("/events", tags=["events"], summary="List events matching the filters, a page at a time")
    async def list_events(reg: Reg, f: Filter, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
        items, total = reg.list_events(replace(f, limit=limit, offset=offset))
        return page(items, total, limit, offset)

    # The exports run their first query before answering: an error is an error response, never a 200
    # whose body is cut short.
    @router.get("/events.csv", tags=["export"], summary="Export the events matching the filters as CSV",
                response_class=StreamingResponse,
                responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                                 "description": "CSV, one row per event"}})
    async def export_csv(reg: Reg, f: Filter) -> StreamingResponse:
        return StreamingResponse(
            stream_csv(start_export(reg, f, EXPORT_CAP)), media_type="text/csv; charset=utf-8",
            headers={"content-disposition": 'attachment; filename="amity-events.csv"'},
        )

    @router.get("/events.json", tags=["export"], summary="Export the events matching the filters as JSON",
                response_class=StreamingResponse,
                responses={200: {"content": {"application/json": {"schema": {"type": "array"}}},
                                 "description": "a JSON array of event summaries"}})
    async def export_json(reg: Reg, f: Filter) -> StreamingResponse:
        return StreamingResponse(
            stream_json(start_export(reg, f, EXPORT_CAP)), media_type="application/json",
            headers={"content-disposition": 'attachment; filename="amity-events.json"'},
        )

    @router.get("/events/{event_id}", tags=["events"], summary="One event with all its sources and evidence",
                responses=NOT_FOUND)
    async def get_event(request: Request, reg: Reg, event_id: Id) -> JSONResponse:
        return JSONResponse(with_curation(request, "event", event_id, reg.get_event))  # curation (issue 11)

    @router.get("/people", tags=["people"], summary="List people")
    async def list_people(reg: Reg, q: Text = None, country: Country = None,
                          limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
        items, total = reg.list_people(q=(q or "").strip() or None, country=one_country(country),
                                       limit=limit, offset=offset)
        return page(items, total, limit, offset)

    @router.get("/people/{person_id}", tags=["people"],
                summary="One person: affiliations over time, events, co-participants", responses=NOT_FOUND)
    async def get_person(request: Request, reg: Reg, person_id: Id) -> JSONResponse:
        return JSONResponse(with_curation(request, "person", person_id, reg.get_person))

    @router.get("/orgs", tags=["organizations"], summary="List organizations")
    async def list_orgs(reg: Reg, q: Text = None, country: Country = None,
                        limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
        items, total = reg.list_orgs(q=(q or "").strip() or None, country=one_country(country),
                                     limit=limit, offset=offset)
        return page(items, total, limit, offset)

    @router.get("/orgs/{org_id}", tags=["organizations"], summary="One organization: people and events",
                responses=NOT_FOUND)
    async def get_org(request: Request, reg: Reg, org_id: Id) -> JSONResponse:
        return JSONResponse(with_curation(request, "org", org_id, reg.get_org))

    @router.get("/documents/{document_id}", tags=["documents"], summary="One document with its text",
                responses=NOT_FOUND)
    async def get_document(reg: Reg, document_id: Id) -> JSONResponse:
        return JSONResponse(reg.get_document(document_id))

    @router.get("/stats", tags=["stats"], summary="Counts per month and type, country pair and field")
    async def stats(reg: Reg, f: Filter) -> JSONResponse:
        return JSONResponse(reg.stats(f))

    @router.get("/facets", tags=["stats"], summary="Facet counts for the events view")
    async def facets(reg: Reg, f: Filter) -> JSONResponse:
        return JSONResponse(build_facets(reg, f))

    @router.get("/network", tags=["stats"],
                summary="People, organizations and countries linked by shared events")
    async def network(reg: Reg, f: Filter,
                      limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 150,
                      nodes: Annotated[int, Query(ge=2, le=400)] = 120) -> JSONResponse:
        return JSONResponse(build_network(reg, replace(f, limit=limit, offset=0), max_nodes=nodes))

    return router
