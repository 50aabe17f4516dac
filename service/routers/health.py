"""GET /healthz (the process answers) and GET /readyz (the model is loaded)."""

from __future__ import annotations

from fastapi import APIRouter

from ..deps import NlpDep
from ..schemas import ErrorBody, Health, Ready

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="The process is up")
async def healthz() -> Health:
    return Health(status="ok")


@router.get("/readyz", response_model=Ready, responses={503: {"model": ErrorBody}}, summary="The model is loaded")
async def readyz(nlp: NlpDep) -> Ready:
    meta = nlp.nlp.meta
    return Ready(status="ready", model=str(meta.get("name", "")), model_version=str(meta.get("version", "")),
                 pipeline=list(nlp.nlp.pipe_names))
