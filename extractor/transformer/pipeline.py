"""The default pipeline with a transformer model as its NER step."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from ..build import add_entity_components, add_event_components, load_base
from ..errors import ModelLoadError
from ..pipeline.layers import ensure_extensions

OUR_STAGES = ("stash_ents", "trade_gazetteer", "quantities", "trade_mentions", "trade_entities")


def _base_pipeline() -> Language:
    """The pretrained English components: the base package, else those saved in the shipped model."""
    try:
        return load_base()
    except ModelLoadError as first:
        import spacy

        from ..extract import default_model_path

        shipped = default_model_path()
        if not (shipped / "config.cfg").exists():
            raise first
        from ..build import register_components

        register_components()
        names = spacy.util.load_config(shipped / "config.cfg")["nlp"]["pipeline"]
        base = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner", "base_ner")
        return spacy.load(shipped, exclude=[n for n in names if n not in base])


def load_transformer_pipeline(path: str | Path, *, device: str = "cpu") -> Language:
    """Build the extractor's pipeline around the transformer model in `path`.

    Order: the base components, base_ner → stash_ents → ner (this model, factory
    `transformer_ner`) → trade_gazetteer → quantities → trade_mentions → trade_entities → the event
    components. As in the shipped model, the pretrained English NER stays a candidate source
    (`base_ner`); the transformer's spans are the trained NER's candidates (`use_ner`), taken for
    the model's labels under the merger's own rules (`ner_rank`, `ner_skip_labels`).
    """
    from . import component  # noqa: F401  (registers the factory)

    ensure_extensions()
    path = Path(path)
    if not (path / "config.json").exists():
        raise ModelLoadError(f"{path} is not a transformer model folder: it has no config.json")
    nlp = _base_pipeline()
    if "ner" in nlp.pipe_names:
        nlp.rename_pipe("ner", "base_ner")
    ner = nlp.add_pipe("transformer_ner", name="ner", config={"model_path": str(path.resolve()), "device": device})
    ner.initialize()
    add_entity_components(nlp, with_ner=True, ner_labels=list(ner.labels))
    add_event_components(nlp)
    nlp.meta["name"] = f"trade_transformer_{path.name}"
    return nlp
