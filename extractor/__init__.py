"""Entities and events from government trade press releases.

    import extractor
    ex = extractor.load()                       # the shipped model (models/trade_en)
    doc = ex.annotate("Park Jung-sung ... met with ...", date="2025-11-14")
    doc.to_json_dict()
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from .errors import CorpusError, DocumentError, ExtractorError, InputError, ModelLoadError
from .extract import Extractor
from .schema import Document, InputDocument

__version__ = "0.1.0"
__all__ = ["load", "annotate", "Extractor", "Document", "InputDocument", "ExtractorError", "InputError",
           "DocumentError", "ModelLoadError", "CorpusError", "__version__"]

_default: Optional[Extractor] = None


def load(path: Optional[Path | str] = None) -> Extractor:
    """Load a pipeline folder (default: the shipped model)."""
    return Extractor.load(path)


def annotate(text: str, id: Optional[str] = None, date: Optional[str] = None) -> Document:
    """Annotate one text with the shipped model (loaded once)."""
    global _default
    if _default is None:
        _default = Extractor.load()
    return _default.annotate(text, id=id, date=date)
