"""Label Studio JSON: a list of tasks for a `<Labels name="label" toName="text">` NER project.

Written: `[{"data": {"text", "doc_id", ...}, "annotations": [{"result": [...]}]}]`, each result
`{"id", "from_name": "label", "to_name": "text", "type": "labels", "value": {start, end, text,
labels: [LABEL]}}`. Label Studio imports it with the annotations as done.

Read: Label Studio's export (JSON, not JSON-MIN): the first annotation of a task that is not
cancelled (or `completions` of old exports); tasks without one are reported and left out. Label
Studio counts offsets in the browser's UTF-16 units: where the result's text does not match
code-point offsets, the UTF-16 reading is tried.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional, Sequence

from .common import doc_fields, group_spans, mentions_of

FROM_NAME = "label"
TO_NAME = "text"


def export_labelstudio(docs: Sequence[dict[str, Any]], out_path: Path) -> list[str]:
    warnings: list[str] = []
    tasks = []
    for d in docs:
        fields = doc_fields(d)
        data = {"text": d["text"]}
        if "id" in fields:
            data["doc_id"] = fields.pop("id")
        data.update(fields)
        result = []
        for k, m in enumerate(mentions_of(d, warnings)):
            s, e = _utf16(d["text"], m.start), _utf16(d["text"], m.end)
            result.append({"id": f"m{k}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
                           "value": {"start": s, "end": e, "text": d["text"][m.start:m.end], "labels": [m.label]}})
        tasks.append({"data": data, "annotations": [{"result": result}]})
    Path(out_path).write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return warnings


def _utf16(text: str, offset: int) -> int:
    """A code-point offset as UTF-16 units (what Label Studio counts)."""
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def _from_utf16(text: str, units: int) -> int:
    pos = count = 0
    while pos < len(text) and count < units:
        count += 2 if ord(text[pos]) > 0xFFFF else 1
        pos += 1
    return pos


def import_labelstudio(in_path: Path, reference: Optional[Sequence[dict[str, Any]]] = None) -> tuple[list[dict], list[str]]:
    warnings: list[str] = []
    tasks = json.loads(Path(in_path).read_text(encoding="utf-8"))
    if isinstance(tasks, dict):
        tasks = [tasks]
    out = []
    for n, task in enumerate(tasks, start=1):
        data = dict(task.get("data") or {})
        text = data.pop(TO_NAME, None)
        if not isinstance(text, str):
            text = next((v for v in data.values() if isinstance(v, str)), None)
        doc_id = str(data.pop("doc_id", None) or task.get("id") or f"doc-{n}")
        if text is None:
            warnings.append(f"{doc_id}: task has no text in `data`; left out")
            continue
        annotations = [a for a in task.get("annotations", task.get("completions", [])) if not a.get("was_cancelled")]
        if not annotations:
            warnings.append(f"{doc_id}: task has no (uncancelled) annotation; left out")
            continue
        if len(annotations) > 1:
            warnings.append(f"{doc_id}: {len(annotations)} annotations; the first was read")
        spans, other = [], 0
        for r in annotations[0].get("result", []):
            value = r.get("value") or {}
            labels = value.get("labels") or value.get("hypertextlabels") or []
            if r.get("type") not in ("labels", "hypertextlabels") or "start" not in value or not labels:
                other += 1
                continue
            s, e = value["start"], value["end"]
            if "text" in value and text[s:e] != value["text"]:
                s16, e16 = _from_utf16(text, s), _from_utf16(text, e)
                if text[s16:e16] == value["text"]:
                    s, e = s16, e16
                else:
                    warnings.append(f"{doc_id}: result {r.get('id')} says {value['text']!r} but the text at "
                                    f"{s}-{e} is {text[s:e]!r}; taken by offsets")
            for label in labels:
                spans.append((s, e, label))
        if other:
            warnings.append(f"{doc_id}: {other} results that are not span labels (relations, choices, ...) not read")
        out.append({"id": doc_id, **data, "text": text, "entities": group_spans(doc_id, text, spans, warnings),
                    "events": []})
    return out, warnings
