"""CoNLL-2003 / IOB: one token per line, `word POS chunk NER`, documents opened by `-DOCSTART-`.

Written: `-DOCSTART- -X- -X- O`, then the tokens (`_` for POS and chunk, IOB2 tags), a blank line
at each line break of the text. Tokens are cut at mention edges, so every mention is whole tokens.

Read: any number of columns (the first is the word, the last the tag), IOB1, IOB2, BIOES or BILUO
tags. CoNLL keeps no whitespace and no document ids: the text is rebuilt as tokens joined by
spaces (a line per sentence), unless a reference (the original documents) is given; then each
document is matched to the reference text with the same characters, and gets its original text,
offsets and fields.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Optional, Sequence

from .common import cut_tokens, flat, group_spans, mentions_of, squeeze

DOCSTART = "-DOCSTART- -X- -X- O"


def _tokens(nlp: Any, text: str, cuts: set[int]) -> list[tuple[int, int]]:
    """Non-whitespace tokens of the text (spaCy's tokenizer), cut at the given offsets."""
    pieces = []
    for tok in nlp.make_doc(text):
        for m in re.finditer(r"\S+", tok.text):
            pieces.append((tok.idx + m.start(), tok.idx + m.end()))
    return cut_tokens(pieces, cuts)


def export_conll(docs: Sequence[dict[str, Any]], out_path: Path) -> list[str]:
    import spacy

    nlp = spacy.blank("en")
    warnings: list[str] = []
    lines: list[str] = []
    for d in docs:
        text = d["text"]
        kept, _ = flat(mentions_of(d, warnings))
        tokens = _tokens(nlp, text, {p for m in kept for p in (m.start, m.end)})
        tag_of: dict[int, str] = {}
        inside: set[int] = set()
        for m in kept:
            covered = [i for i, (s, e) in enumerate(tokens) if m.start <= s and e <= m.end]
            for k, i in enumerate(covered):
                tag_of[i] = ("B-" if k == 0 else "I-") + m.label
                if k:
                    inside.add(i)
        lines += [DOCSTART, ""]
        for i, (s, e) in enumerate(tokens):
            if i and i not in inside and "\n" in text[tokens[i - 1][1]:s]:
                lines.append("")
            lines.append(f"{text[s:e]} _ _ {tag_of.get(i, 'O')}")
        lines.append("")
    Path(out_path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return warnings


def _parse(path: Path, warnings: list[str]) -> list[list[list[tuple[str, str]]]]:
    """Documents → sentences → (word, tag) pairs."""
    docs: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    current: Optional[list[list[tuple[str, str]]]] = None
    saw_docstart = False
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        cols = line.split()
        if cols and cols[0] == "-DOCSTART-":
            saw_docstart = True
            if sentence and current is not None:
                current.append(sentence)
            sentence = []
            current = []
            docs.append(current)
            continue
        if not cols:
            if sentence:
                if current is None:
                    current = []
                    docs.append(current)
                current.append(sentence)
                if not saw_docstart:
                    current = None  # without -DOCSTART-, each sentence is a document
            sentence = []
            continue
        if len(cols) < 2:
            warnings.append(f"{path}:{n}: a token line needs a word and a tag, got {line!r}; read as O")
            cols = [cols[0], "O"]
        sentence.append((cols[0], cols[-1]))
    if sentence:
        if current is None:
            current = []
            docs.append(current)
        current.append(sentence)
    if docs and not saw_docstart:
        warnings.append(f"{path}: no -DOCSTART- lines: each sentence was read as one document")
    return [d for d in docs if d]


def _decode(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token ranges (first, last exclusive, label) of IOB1/IOB2/BIOES/BILUO tags."""
    out, label, first = [], None, 0
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, lab = tag.partition("-")
        if tag == "O" or not lab:
            if label is not None:
                out.append((first, i, label))
            label = None
            continue
        if prefix in ("B", "S", "U") or lab != label:
            if label is not None:
                out.append((first, i, label))
            label, first = lab, i
        if prefix in ("E", "L", "S", "U"):
            out.append((first, i + 1, label))
            label = None
    return out


def import_conll(in_path: Path, reference: Optional[Sequence[dict[str, Any]]] = None) -> tuple[list[dict], list[str]]:
    warnings: list[str] = []
    refs = {squeeze(d["text"]): d for d in (reference or [])}
    out = []
    unmatched = 0
    for n, sentences in enumerate(_parse(Path(in_path), warnings), start=1):
        words = [w for sent in sentences for w, _ in sent]
        tags = [t for sent in sentences for _, t in sent]
        ref = refs.get("".join(words)) if refs else None
        if ref is not None:
            text, offsets, pos = ref["text"], [], 0
            for w in words:
                while text[pos].isspace():
                    pos += 1
                offsets.append((pos, pos + len(w)))
                pos += len(w)
            fields = {k: v for k, v in ref.items() if k not in ("text", "entities", "events")}
        else:
            unmatched += bool(refs)
            parts, offsets, pos = [], [], 0
            for k, sent in enumerate(sentences):
                if k:
                    parts.append("\n")
                    pos += 1
                for j, (w, _) in enumerate(sent):
                    if j:
                        parts.append(" ")
                        pos += 1
                    offsets.append((pos, pos + len(w)))
                    parts.append(w)
                    pos += len(w)
            text = "".join(parts)
            fields = {"id": f"doc-{n}"}
        doc_id = str(fields.get("id", f"doc-{n}"))
        spans = [(offsets[a][0], offsets[b - 1][1], label) for a, b, label in _decode(tags)]
        entities = group_spans(doc_id, text, spans, warnings)
        out.append({**fields, "text": text, "entities": entities, "events": []})
    if unmatched:
        warnings.append(f"{in_path}: {unmatched} documents match no reference text; their text was rebuilt from tokens")
    elif not refs and out:
        warnings.append(f"{in_path}: CoNLL holds no whitespace: texts were rebuilt from tokens (pass the original "
                        "documents as reference to get their exact texts and offsets)")
    return out, warnings
