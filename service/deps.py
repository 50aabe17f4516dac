"""Small dependencies of the routes, exposed as `Annotated` aliases.

They are `async def` because they do no I/O: FastAPI would run plain functions in its threadpool.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Optional

import anyio
from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader

from extractor import Extractor

from .errors import ModelNotReady, Unauthorized
from .settings import Settings


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


async def get_extractor(request: Request) -> Extractor:
    """The loaded model; 503 while it loads or when it failed to load."""
    state = request.app.state
    if state.extractor is not None:
        return state.extractor
    if state.model_error is not None:
        raise ModelNotReady(f"the model failed to load: {state.model_error}")
    raise ModelNotReady("the model is still loading; try again in a few seconds")


NlpDep = Annotated[Extractor, Depends(get_extractor)]


async def get_pipeline_limiter(request: Request) -> anyio.CapacityLimiter:
    return request.app.state.pipeline_limiter


LimiterDep = Annotated[anyio.CapacityLimiter, Depends(get_pipeline_limiter)]

api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="Needed only when the server sets EXTRACTOR_API_KEY."
)


async def require_api_key(settings: SettingsDep, key: Annotated[Optional[str], Security(api_key_header)]) -> None:
    """Pass when no key is configured, or when `X-API-Key` matches it (401 otherwise)."""
    if settings.api_key is None:
        return
    if not key:
        raise Unauthorized("an API key is needed: send it in the X-API-Key header")
    if not secrets.compare_digest(key.encode(), settings.api_key.get_secret_value().encode()):
        raise Unauthorized("the API key is wrong")
