"""The JSON API: read-only views of the registry, in the shapes of `amity.store.interface`."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from amity.serve.errors import ErrorBody
from amity.serve.export import download
from amity.serve.facets import build_facets
from amity.serve.graph import build_network
from amity.serve.params import (
    COUNTRY_PATTERN,
    MAX_COUNTRY,
    MAX_ID,
    MAX_LIMIT,
    MAX_TEXT,
    Limit,
    Offset,
    event_filter,
    normalise_countries,
)
from amity.serve.places import build_places, glossary, world_outline
from amity.serve.write import with_curation
from amity.store.interface import EventFilter, Registry

Id = Annotated[int, Path(ge=1, le=MAX_ID)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Country = Annotated[
    str | None, Query(max_length=MAX_COUNTRY, json_schema_extra={"pattern": COUNTRY_PATTERN},
                      description="ISO 3166-1 alpha-2 or bloc code; empty for any")
]

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
    if not country:
        return None
    return normalise_countries([country])[0]


def build_router() -> APIRouter:
    router = APIRouter(prefix="/api", responses=ERRORS)

    @router.get("/events", tags=["events"], summary="List events matching the filters, a page at a time")
    async def list_events(reg: Reg, f: Filter, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
        items, total = reg.list_events(replace(f, limit=limit, offset=offset))
        return page(items, total, limit, offset)

    add_exports(router)

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

    @router.get("/places", tags=["stats"],
                summary="Places of the events matching the filters, with lat/lon and event counts (the map)")
    async def places(reg: Reg, f: Filter) -> JSONResponse:
        return JSONResponse(build_places(reg, f))

    @router.get("/timeline", tags=["stats"],
                summary="Events per month and per year, by type, at their dates' precision (the timeline)")
    async def timeline(reg: Reg, f: Filter) -> JSONResponse:
        return JSONResponse(reg.date_counts(f))

    @router.get("/glossary", tags=["stats"],
                summary="Status, salience and date precision explained; the CAMEO and PLOVER codes by type")
    async def glossary_terms() -> JSONResponse:
        return JSONResponse(glossary(), headers={"cache-control": "max-age=3600"})

    @router.get("/world", tags=["stats"], summary="The world outline the map draws: [lon, lat] rings")
    async def world() -> JSONResponse:
        return JSONResponse(world_outline(), headers={"cache-control": "max-age=86400"})

    @router.get("/network", tags=["stats"],
                summary="People, organizations and countries linked by shared events")
    async def network(reg: Reg, f: Filter,
                      limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 150,
                      nodes: Annotated[int, Query(ge=2, le=400)] = 120) -> JSONResponse:
        return JSONResponse(build_network(reg, replace(f, limit=limit, offset=0), max_nodes=nodes))

    return router


EXPORT_FORMATS = {"csv": ("text/csv", "CSV, one row per record"),
                  "json": ("application/json", "a JSON array of records")}


def _event_export(fmt: str) -> Any:
    async def export_events(reg: Reg, f: Filter) -> StreamingResponse:
        return download(reg, "events", fmt, f)

    return export_events


def _list_export(kind: str, fmt: str) -> Any:
    async def export_list(reg: Reg, q: Text = None, country: Country = None) -> StreamingResponse:
        c = one_country(country)
        return download(reg, kind, fmt, EventFilter(q=(q or "").strip() or None, countries=(c,) if c else ()))

    return export_list


def add_exports(router: APIRouter) -> None:
    """The download buttons: events (filtered like the list, with organizations, participants' titles
    and every source's title, URL, date and evidence), people and organizations, as CSV or JSON. They
    run `amity export`'s code (amity.store.export). The first query runs before answering: an error is
    an error response, never a 200 whose body is cut short."""
    for fmt, (media, what) in EXPORT_FORMATS.items():
        responses: dict[int | str, dict[str, Any]] = {
            200: {"content": {media: {"schema": {"type": "string" if fmt == "csv" else "array"}}},
                  "description": what}}
        router.add_api_route(
            f"/events.{fmt}", _event_export(fmt), methods=["GET"], tags=["export"],
            response_class=StreamingResponse, responses=responses, name=f"export_events_{fmt}",
            summary=f"Export the events matching the filters as {fmt.upper()}, with their sources")
        for kind, label in (("people", "people"), ("orgs", "organizations")):
            router.add_api_route(
                f"/{kind}.{fmt}", _list_export(kind, fmt), methods=["GET"], tags=["export"],
                response_class=StreamingResponse, responses=responses, name=f"export_{kind}_{fmt}",
                summary=f"Export the {label} (optionally matching q and country) as {fmt.upper()}")
