"""Assembles the app: settings, error handlers, middleware, routers, static files.

    uvicorn service.main:app --host 127.0.0.1 --port 8000
"""

from __future__ import annotations

from typing import Optional

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from extractor import Extractor, __version__

from .deps import require_api_key
from .errors import install_error_handlers
from .limits import BodyLimitMiddleware
from .pipeline import lifespan
from .routers import extract, health, page, schema
from .routers.page import STATIC_DIR
from .settings import Settings

DESCRIPTION = """Entities (officials, ministries, countries, agreements, regulations, money, percentages)
and events (meetings, agreements, trade concerns, figures) from government trade press releases.
The output shape is the project's OUTPUT.md contract; the labels are at `GET /v1/schema`."""


def create_app(settings: Optional[Settings] = None, extractor: Optional[Extractor] = None) -> FastAPI:
    """Build the app. `settings` default to the environment; with `extractor` given, it is served
    as it is instead of loading `settings.model_path` at start-up."""
    settings = settings or Settings()
    app = FastAPI(title="Trade release extractor", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.extractor = extractor
    app.state.model_error = None

    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    if settings.allowed_origins:  # added last: outermost, so error answers carry the headers too
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.allowed_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key"],
        )

    app.include_router(health.router)
    api = [Depends(require_api_key)]
    app.include_router(extract.router, prefix="/v1", dependencies=api)
    app.include_router(schema.router, prefix="/v1", dependencies=api)
    app.include_router(page.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


app = create_app()
