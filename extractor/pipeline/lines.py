"""Line breaks end sentences: a release's title line is never glued to its first body sentence.
An arrow ("→") in a bulleted line also ends one: what follows it is a reply or a result.

Runs before the parser and marks the first token after a line break as a sentence start; the parser
keeps boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("line_breaks", default_config={})
def make_line_breaks(nlp: Language, name: str) -> "LineBreaks":
    return LineBreaks()


class LineBreaks:
    def __call__(self, doc: Doc) -> Doc:
        for i in range(1, len(doc)):
            prev = doc[i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                doc[i].is_sent_start = True
            elif prev.text in ("→", "⇒") and i + 1 < len(doc):
                # "○ (EU) ...: the EU asked Korea to accept ... → KATS explained that ...": the reply is a statement of its own
                doc[i].is_sent_start = True
        return doc
