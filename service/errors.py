"""The service's errors and the one place that turns every error into an HTTP answer.

Every error answer has the same JSON shape, and never a traceback:

    {"error": "text_too_long", "message": "text has 120000 characters, over the limit of 100000"}

Validation errors add `details`, one `{"loc": ..., "message": ...}` per problem.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any, Iterable, Optional, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from extractor.errors import (
    DocumentError,
    DocumentTooLong,
    ExtractorError,
    InputError,
    ModelLoadError,
)

# a child of uvicorn's logger, so the messages show with uvicorn's own handler and format
logger = logging.getLogger("uvicorn.error.service")

MAX_DETAILS = 20


class ServiceError(ExtractorError):
    """Base class of the errors the service raises on purpose."""


class SettingsError(ServiceError):
    """An `EXTRACTOR_*` environment variable has a value the service cannot use."""


class BodyTooLarge(ServiceError):
    """The request body is over `max_body_bytes`."""


class BodyNotUtf8(ServiceError):
    """The request body is not UTF-8."""


class BatchTooLarge(ServiceError):
    """A batch has more documents than `max_batch`."""


class Unauthorized(ServiceError):
    """An API key is configured and the request's `X-API-Key` is missing or wrong."""


class ModelNotReady(ServiceError):
    """The model is still loading, or failed to load."""


class AnnotationFailed(ServiceError):
    """The pipeline raised on a document it accepted."""


# class -> (status, code); the most specific class of an exception's MRO wins
_ANSWERS: dict[type[BaseException], tuple[int, str]] = {
    BodyTooLarge: (413, "body_too_large"),
    BodyNotUtf8: (422, "invalid_encoding"),
    BatchTooLarge: (413, "batch_too_large"),
    Unauthorized: (401, "unauthorized"),
    ModelNotReady: (503, "model_not_ready"),
    AnnotationFailed: (500, "annotation_failed"),
    DocumentTooLong: (413, "text_too_long"),
    DocumentError: (422, "invalid_document"),
    InputError: (422, "invalid_input"),
    ModelLoadError: (503, "model_not_ready"),
    ExtractorError: (500, "extractor_error"),
}


def error_body(code: str, message: str, details: Optional[list[dict[str, str]]] = None) -> dict[str, Any]:
    body: dict[str, Any] = {"error": code, "message": message}
    if details is not None:
        body["details"] = details
    return body


def error_response(exc: ExtractorError) -> JSONResponse:
    """The HTTP answer for one of our exceptions (also used by the body-limit middleware)."""
    status, code = next(_ANSWERS[cls] for cls in type(exc).__mro__ if cls in _ANSWERS)
    headers = {"Retry-After": "5"} if status == 503 else None
    return JSONResponse(error_body(code, str(exc)), status_code=status, headers=headers)


def _loc(loc: Sequence[Any]) -> str:
    """("body", 2, "text") -> "[2].text"; ("body",) -> "body"."""
    parts = list(loc[1:]) if loc and loc[0] == "body" else list(loc)
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "body"


def _message(error: dict[str, Any]) -> str:
    kind, loc = error.get("type"), tuple(error.get("loc", ()))
    if kind == "json_invalid":
        where = f" at character {loc[1]}" if len(loc) > 1 else ""
        return f"the body is not valid JSON{where} ({error.get('ctx', {}).get('error', 'parse error')})"
    if loc == ("body",):
        if kind == "missing":
            return "the body is empty: send a JSON document"
        if isinstance(error.get("input"), (bytes, str)):
            # FastAPI hands over the raw body when the Content-Type is not JSON
            return "the body must be JSON; send it with Content-Type: application/json"
        if kind == "model_attributes_type":
            return "the body must be a JSON object with a `text` field"
        if kind == "list_type":
            return "the body must be a JSON list of documents"
    return str(error.get("msg", "invalid value")).removeprefix("Value error, ")


def validation_details(errors: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    # the offending input is left out on purpose: it can be a whole release
    return [
        {"loc": "body" if e.get("type") == "json_invalid" else _loc(e.get("loc", ())), "message": _message(e)}
        for e in errors
    ]


async def _on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    details = validation_details(exc.errors())
    shown = details[:MAX_DETAILS]
    message = "; ".join(d["message"] if d["loc"] == "body" else f"{d['loc']}: {d['message']}" for d in shown[:3])
    if len(details) > 3:
        message += f" (and {len(details) - 3} more)"
    return JSONResponse(error_body("invalid_request", message, shown), status_code=422)


async def _on_extractor_error(request: Request, exc: ExtractorError) -> JSONResponse:
    if isinstance(exc, AnnotationFailed):
        logger.error("%s %s: %s", request.method, request.url.path, exc, exc_info=exc.__cause__)
    return error_response(exc)


async def _on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    try:
        phrase = HTTPStatus(exc.status_code).phrase
    except ValueError:
        phrase = "HTTP error"
    code = phrase.lower().replace(" ", "_").replace("-", "_")
    message = exc.detail if isinstance(exc.detail, str) else phrase
    return JSONResponse(error_body(code, message), status_code=exc.status_code, headers=exc.headers)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    # Starlette re-raises the exception after this answer is sent, so the server logs its traceback
    return JSONResponse(error_body("internal_error", "internal server error; it has been logged"), status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    """Map every exception the app can meet to a JSON answer."""
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(ExtractorError, _on_extractor_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)
