"""`serve`: the plain function behind `extractor serve` (and `python -m service`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from pydantic import ValidationError

from extractor.errors import ModelLoadError
from extractor.extract import default_model_path

from .errors import SettingsError
from .settings import Settings

APP = "service.main:app"


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    model: Optional[Path | str] = None,
    reload: bool = False,
) -> None:
    """Run the API and the page with uvicorn until interrupted.

    Args:
        host: interface to listen on; 127.0.0.1 by default, "0.0.0.0" to serve a network.
        port: TCP port.
        workers: processes, each with its own copy of the model (about 0.4 GB each).
        model: saved pipeline folder; default $EXTRACTOR_MODEL_PATH, else the shipped model.
        reload: restart on code changes (development only; one worker).

    Raises ModelLoadError when the model folder does not exist, SettingsError when an
    EXTRACTOR_* variable is invalid, both before the server starts.
    """
    import uvicorn

    if model is not None:
        # the workers read their settings from the environment they inherit
        os.environ["EXTRACTOR_MODEL_PATH"] = str(model)
    try:
        settings = Settings()
    except ValidationError as exc:
        problems = "; ".join(f"EXTRACTOR_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors())
        raise SettingsError(f"invalid settings: {problems}") from None
    target = settings.model_path or default_model_path()
    if not Path(target).exists():
        raise ModelLoadError(
            f"model folder {target} does not exist: pass --model or set EXTRACTOR_MODEL_PATH to a saved pipeline"
        )
    uvicorn.run(APP, host=host, port=port, workers=None if reload else workers, reload=reload)
