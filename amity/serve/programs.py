"""Programmes as records: `GET /api/programs`, `/api/programs/{id}`, its history, and `PATCH` for editors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse

from amity.curate import history
from amity.curate.edits import Curator
from amity.curate.info import curation_info
from amity.curate.programs import get_program, list_programs
from amity.serve.auth import Editor
from amity.serve.params import MAX_ID
from amity.serve.write import WRITE_ERRORS, bad_field
from amity.serve.write_models import ProgramPatch, given

Id = Annotated[int, Path(ge=1, le=MAX_ID)]


def build_programs_router() -> APIRouter:
    router = APIRouter(prefix="/api")

    @router.get(
        "/programs",
        tags=["programs"],
        summary="Exchange programmes named by the events, with their number of events and span",
    )
    async def programs(request: Request) -> JSONResponse:
        items = list_programs(request.app.state.registry.db)
        return JSONResponse({"items": items, "total": len(items)})

    @router.get(
        "/programs/{program_id}",
        tags=["programs"],
        responses=WRITE_ERRORS,
        summary="One programme: names, notes, organizers, countries, editions by year, participants",
    )
    async def program(request: Request, program_id: Id) -> JSONResponse:
        db = request.app.state.registry.db
        d = get_program(db, program_id)
        d["curation"] = curation_info(db, "program", program_id)
        return JSONResponse(d)

    @router.patch(
        "/programs/{program_id}",
        tags=["curation"],
        responses=WRITE_ERRORS,
        summary="Rename a programme, give its other names (aliases) and notes on its history",
    )
    async def patch_program(
        request: Request, user: Editor, program_id: Id, body: ProgramPatch
    ) -> JSONResponse:
        changes = given(body)
        if not changes or "name" in changes and changes["name"] is None:
            raise bad_field("name", "give a field to change; a name cannot be null")
        return JSONResponse(
            Curator(request.app.state.registry.db, user.name).patch_program(program_id, changes)
        )

    @router.get(
        "/programs/{program_id}/history",
        tags=["curation"],
        responses=WRITE_ERRORS,
        summary="Every change made to a programme by hand, newest first",
    )
    async def program_history(request: Request, program_id: Id) -> JSONResponse:
        return JSONResponse({"items": history.history(request.app.state.registry.db, "program", program_id)})

    return router
