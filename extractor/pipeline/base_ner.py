"""Keep the pretrained English NER's entities as candidates, out of the way of the trained NER.

en_core_web_sm's `ner` writes OntoNotes labels to `doc.ents`; this component moves them to
`doc.spans["base_ner"]` and clears `doc.ents`, so our own NER (nine labels) starts from a clean
slate and the mention merger can still use the pretrained names as candidates.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("stash_ents", default_config={"spans_key": "base_ner"})
def make_stash(nlp: Language, name: str, spans_key: str) -> "StashEnts":
    return StashEnts(spans_key)


class StashEnts:
    def __init__(self, spans_key: str):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = list(doc.ents)
        doc.ents = []
        return doc
