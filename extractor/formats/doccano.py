"""Doccano sequence-labelling JSONL.

Written: `{"text", "label": [[start, end, "LABEL"], ...], "doc_id", ...}` a line, the shape Doccano
imports; the document fields go beside `text` (Doccano keeps them as metadata), the id as `doc_id`
because Doccano's own `id` is its row number.

Read: `label` (or `labels`) as [start, end, label] triples, or `entities` as
{start_offset, end_offset, label} objects (Doccano's newer export). The document id is `doc_id`,
else `meta.doc_id` / `meta.id`, else made up (Doccano's numeric `id` is not ours).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional, Sequence

from .common import doc_fields, group_spans, mentions_of


def export_doccano(docs: Sequence[dict[str, Any]], out_path: Path) -> list[str]:
    warnings: list[str] = []
    with open(out_path, "w", encoding="utf-8") as fh:
        for d in docs:
            fields = doc_fields(d)
            row = {"text": d["text"], "label": [[m.start, m.end, m.label] for m in mentions_of(d, warnings)]}
            if "id" in fields:
                row["doc_id"] = fields.pop("id")
            row.update(fields)
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return warnings


def import_doccano(in_path: Path, reference: Optional[Sequence[dict[str, Any]]] = None) -> tuple[list[dict], list[str]]:
    warnings: list[str] = []
    out = []
    with open(in_path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            meta = row.get("meta") if isinstance(row.get("meta"), dict) else {}
            doc_id = str(row.get("doc_id") or meta.get("doc_id") or meta.get("id") or f"doc-{n}")
            text = row["text"]
            if "entities" in row:
                spans = [(e.get("start_offset"), e.get("end_offset"), e.get("label")) for e in row["entities"]]
            else:
                spans = [tuple(t[:3]) for t in row.get("label", row.get("labels", []))]
            if row.get("relations"):
                warnings.append(f"{doc_id}: {len(row['relations'])} Doccano relations are not read")
            fields = {k: v for k, v in row.items()
                      if k not in ("text", "label", "labels", "entities", "relations", "doc_id", "id", "meta", "Comments")}
            out.append({"id": doc_id, **fields, "text": text, "entities": group_spans(doc_id, text, spans, warnings),
                        "events": []})
    return out, warnings
