"""Prodigy span JSONL (`ner.manual` / `spans.manual` tasks).

Written: one task a line, `{"text", "tokens", "spans", "meta", "answer": "accept"}`; tokens carry
`text, start, end, id, ws` and spans `start, end, label, token_start, token_end` (inclusive), as
Prodigy's manual recipes write them. The document fields (id, date, split, ...) go in `meta`.

Read: accepted tasks (answer missing or "accept"); rejected and ignored ones are counted and left
out. The document id is `meta.id`, else `meta.doc_id`, else made up.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional, Sequence

from .common import doc_fields, group_spans, mentions_of, spacy_tokens


def export_prodigy(docs: Sequence[dict[str, Any]], out_path: Path) -> list[str]:
    import spacy

    nlp = spacy.blank("en")
    warnings: list[str] = []
    with open(out_path, "w", encoding="utf-8") as fh:
        for d in docs:
            mentions = mentions_of(d, warnings)
            doc = spacy_tokens(nlp, d["text"], mentions)
            tokens = [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
                      for t in doc]
            spans = []
            for m in mentions:
                span = doc.char_span(m.start, m.end)
                spans.append({"start": m.start, "end": m.end, "label": m.label,
                              "token_start": span.start, "token_end": span.end - 1})
            task = {"text": d["text"], "tokens": tokens, "spans": spans, "meta": doc_fields(d), "answer": "accept"}
            fh.write(json.dumps(task, ensure_ascii=False) + "\n")
    return warnings


def import_prodigy(in_path: Path, reference: Optional[Sequence[dict[str, Any]]] = None) -> tuple[list[dict], list[str]]:
    warnings: list[str] = []
    out = []
    skipped = 0
    with open(in_path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            task = json.loads(line)
            if task.get("answer", "accept") != "accept":
                skipped += 1
                continue
            meta = dict(task.get("meta") or {})
            doc_id = str(meta.get("id") or meta.get("doc_id") or f"doc-{n}")
            meta.setdefault("id", doc_id)
            text = task["text"]
            spans = []
            for sp in task.get("spans", []):
                if "text" in sp and text[sp["start"]:sp["end"]] != sp["text"]:
                    warnings.append(f"{doc_id}: span {sp['start']}-{sp['end']} says {sp['text']!r} but the text "
                                    f"there is {text[sp['start']:sp['end']]!r}; taken by offsets")
                spans.append((sp.get("start"), sp.get("end"), sp.get("label")))
            out.append({**meta, "text": text, "entities": group_spans(doc_id, text, spans, warnings), "events": []})
    if skipped:
        warnings.append(f"{in_path}: {skipped} rejected or ignored tasks left out")
    return out, warnings
