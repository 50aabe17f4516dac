"""POST /v1/extract and /v1/extract/batch: documents in, the output contract out."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse

from extractor import Document, InputDocument
from extractor.errors import DocumentTooLong

from ..deps import LimiterDep, NlpDep, SettingsDep
from ..errors import BatchTooLarge
from ..pipeline import annotate_many, annotate_one, run_pipeline
from ..schemas import ErrorBody

router = APIRouter(prefix="/extract", tags=["extract"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": why}
    for code, why in [
        (401, "API key missing or wrong (only when the server has one)"),
        (413, "text, body or batch over the limit"),
        (422, "body not JSON or not UTF-8, `text` missing or not a string, bad `date`"),
        (503, "model not loaded yet"),
    ]
}

_EXAMPLE = {
    "id": "motir-2025-11-14-05",
    "date": "2025-11-14",
    "text": "Park Jung-sung, Deputy Minister for Trade at the Ministry of Trade, Industry and Resources "
    "(MOTIR, Minister Kim Jung-kwan), met with Tran Quoc Phuong, Vietnam’s Vice Minister of Finance, "
    "on Thursday, November 13, at Lotte Hotel Seoul.",
}


def _check_length(text: str, limit: int, where: str = "") -> None:
    if len(text) > limit:
        raise DocumentTooLong(f"{where}text has {len(text)} characters, over the limit of {limit}")


# The answers are built by Document.to_json_dict(), the contract's own serialiser (no `error` key
# when unset, arguments with their used fields only), in the pipeline thread; response_model
# documents them.
@router.post("", response_model=Document, responses=_ERRORS, summary="Annotate one document")
async def extract(
    doc: Annotated[InputDocument, Body(examples=[_EXAMPLE])],
    nlp: NlpDep,
    settings: SettingsDep,
    limiter: LimiterDep,
) -> JSONResponse:
    """Entities and events of one release. Empty or whitespace-only text gives an empty result."""
    _check_length(doc.text, settings.max_text_chars)
    return JSONResponse(await run_pipeline(limiter, annotate_one, nlp, doc))


@router.post("/batch", response_model=list[Document], responses=_ERRORS, summary="Annotate documents in order")
async def extract_batch(
    docs: Annotated[list[InputDocument], Body(examples=[[_EXAMPLE, {"text": "Exports rose 5.3 percent."}]])],
    nlp: NlpDep,
    settings: SettingsDep,
    limiter: LimiterDep,
) -> JSONResponse:
    """One output document per input document, in input order (ids `doc-1`, `doc-2`, ... when missing).

    A document the pipeline fails on gets empty results and an `error` field; the others go on.
    """
    if len(docs) > settings.max_batch:
        raise BatchTooLarge(f"the batch has {len(docs)} documents, over the limit of {settings.max_batch}")
    for i, doc in enumerate(docs):
        _check_length(doc.text, settings.max_text_chars, where=f"[{i}].")
    return JSONResponse(await run_pipeline(limiter, annotate_many, nlp, docs) if docs else [])
