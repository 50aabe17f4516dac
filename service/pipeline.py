"""The model's life in the service: loaded once in the lifespan, then run off the event loop.

The pipeline runs in a worker thread, one call at a time per process (a capacity limiter of 1):
a spaCy pipeline is not made to be called from several threads at once, and the GIL would take
most of the gain anyway. Scale with `workers`, each process holding its own model. Each call runs
inside `nlp.memory_zone()`, so the strings of a document are freed once its JSON is built and the
process does not grow with the vocabulary of the texts it has seen.
"""

from __future__ import annotations

import contextlib
import logging
from contextlib import asynccontextmanager
from functools import partial
from typing import Any, AsyncIterator, ContextManager

import anyio
from fastapi import FastAPI

from extractor import Extractor, ExtractorError, InputDocument
from extractor.readers import Record

from .errors import AnnotationFailed

# a child of uvicorn's logger, so the messages show with uvicorn's own handler and format
logger = logging.getLogger("uvicorn.error.service")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Make the pipeline's limiter and load the model in the background (once per process).

    The server answers /healthz at once and /readyz with 503 until the model is in; a model that
    fails to load keeps /readyz at 503 with the reason.
    """
    app.state.pipeline_limiter = anyio.CapacityLimiter(1)
    async with anyio.create_task_group() as tasks:
        if app.state.extractor is None:
            tasks.start_soon(_load_model, app)
        try:
            yield
        finally:
            tasks.cancel_scope.cancel()  # a shutdown during the load does not wait for it


async def _load_model(app: FastAPI) -> None:
    settings = app.state.settings
    load = partial(Extractor.load, settings.model_path, max_chars=settings.max_text_chars)
    try:
        extractor = await anyio.to_thread.run_sync(load, abandon_on_cancel=True)
    except ExtractorError as exc:
        app.state.model_error = str(exc)
        logger.error("the model failed to load: %s", exc)
        return
    except Exception as exc:  # a broken folder can fail in many libraries' ways
        app.state.model_error = f"{type(exc).__name__}: {exc}"
        logger.exception("the model failed to load")
        return
    app.state.extractor = extractor
    logger.info("model loaded: %s (%s)", extractor.nlp.meta.get("name"), ", ".join(extractor.nlp.pipe_names))


def _zone(extractor: Extractor) -> ContextManager[object]:
    zone = getattr(extractor.nlp, "memory_zone", None)
    return zone() if zone is not None else contextlib.nullcontext()


def _failed(exc: Exception) -> AnnotationFailed:
    detail = f"{type(exc).__name__}: {exc}"[:200]
    return AnnotationFailed(f"the pipeline failed on this document ({detail})")


def annotate_one(extractor: Extractor, doc: InputDocument) -> dict[str, Any]:
    """Annotate one input document into its output JSON (blocking: call it through `run_pipeline`)."""
    date = doc.date.isoformat() if doc.date else None
    try:
        with _zone(extractor):
            return extractor.annotate(doc.text, id=doc.id or "doc-1", date=date).to_json_dict()
    except ExtractorError:
        raise
    except Exception as exc:
        raise _failed(exc) from exc


def annotate_many(extractor: Extractor, docs: list[InputDocument]) -> list[dict[str, Any]]:
    """Annotate documents in order into their output JSON; one that fails gets `error` set and the
    others go on."""
    records = [
        Record(id=d.id or f"doc-{i}", text=d.text, date=d.date.isoformat() if d.date else None)
        for i, d in enumerate(docs, start=1)
    ]
    try:
        with _zone(extractor):
            return [result.to_json_dict() for result in extractor.pipe(records)]
    except ExtractorError:
        raise
    except Exception as exc:
        raise _failed(exc) from exc


async def run_pipeline(limiter: anyio.CapacityLimiter, func, *args):
    """Run a blocking pipeline call in a worker thread, so the event loop keeps serving."""
    return await anyio.to_thread.run_sync(partial(func, *args), limiter=limiter)
