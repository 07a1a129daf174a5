"""The API's downloads: the store's exports (`amity.store.export`, the code `amity export` runs) as
streamed responses."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.responses import StreamingResponse

from amity.store.export import TABLES, csv_chunks, json_array_chunks, records, started
from amity.store.interface import EventFilter

EXPORT_CAP = 200_000
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def download(registry: object, kind: str, fmt: str, f: EventFilter) -> StreamingResponse:
    """The records of `kind` matching `f` (up to EXPORT_CAP) as a CSV or JSON attachment. The first
    record is read before answering: a query that cannot run is an error response, not a cut 200."""
    items = started(records(registry, kind, f), EXPORT_CAP)
    body: Iterator[str] = csv_chunks(TABLES[kind], items) if fmt == "csv" else json_array_chunks(items)
    return StreamingResponse(
        body, media_type=MEDIA[fmt],
        headers={"content-disposition": f'attachment; filename="amity-{kind}.{fmt}"'},
    )
