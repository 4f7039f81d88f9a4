"""Exports over HTTP: every record of a kind, streamed, as `diplotrack export` writes it.

    /api/export/events?format=csv      (articles, events, stories, actors: jsonl, csv, json)
    /api/export/network?format=graphml (graphml or json)

Answers are downloads (Content-Disposition) and never cached (cache.py)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from diplotrack import export as exporter
from diplotrack.api.deps import StoreDep
from diplotrack.api.errors import BadRequest

router = APIRouter(tags=["export"])

MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv", "json": "application/json",
         "graphml": "application/graphml+xml"}
Kind = Literal["articles", "events", "stories", "actors", "network"]
Format = Annotated[Literal["jsonl", "csv", "json", "graphml"] | None, Query(
    description="jsonl (default), csv or json; the network: graphml (default) or json")]


@router.get("/export/{kind}")
def export(kind: Kind, store: StoreDep, format: Format = None,  # noqa: A002 (the API's word)
           main_only: bool = False,
           min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None) -> StreamingResponse:
    """Every record of `kind`; events: `main_only`, `min_confidence` as in the CLI."""
    fmt = format or ("graphml" if kind in exporter.GRAPH_KINDS else "jsonl")
    try:
        exporter.check(kind, fmt)
    except ValueError as exc:
        raise BadRequest(str(exc)) from None
    text = exporter.stream(store, kind, fmt, min_confidence=min_confidence, main_only=main_only)
    charset = "; charset=utf-8" if fmt != "json" else ""
    return StreamingResponse(text, media_type=MEDIA[fmt] + charset,
                             headers={"Content-Disposition": f'attachment; filename="{kind}.{fmt}"'})
