"""Session fixtures shared by the test modules: the repository root, the shipped model loaded once,
and blank English pipelines for component tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from extractor.build import register_components

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "trade_en"

register_components()


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root (corpus/, models/, extractor/)."""
    return ROOT


@pytest.fixture(scope="session")
def extractor():
    """The shipped model, loaded once per session. Tests must not change it for good: a test that
    extends its gazetteer restores the patterns afterwards."""
    from extractor import Extractor

    return Extractor.load(MODEL)


@pytest.fixture
def nlp() -> Language:
    """A blank English pipeline, fresh for each test, to add one component to."""
    return spacy.blank("en")


def _entity_nlp(extra_paths: list[str] | None = None) -> Language:
    """A blank English pipeline with the rule-based entity stages: gazetteer, quantities, mentions
    (no statistical NER), entities."""
    nlp = spacy.blank("en")
    nlp.add_pipe("trade_gazetteer", config={"extra_paths": list(extra_paths or [])})
    nlp.add_pipe("quantities")
    nlp.add_pipe("trade_mentions", config={"use_ner": False, "use_base_ner": False})
    nlp.add_pipe("trade_entities")
    nlp.initialize()
    return nlp


@pytest.fixture(scope="session")
def entity_nlp() -> Language:
    """The rule-based entity stages on a blank English pipeline, built once; read-only for tests."""
    return _entity_nlp()


@pytest.fixture(scope="session")
def make_entity_nlp():
    """`make_entity_nlp(extra_paths=[...])`: a fresh entity pipeline, for tests that change one."""
    return _entity_nlp
