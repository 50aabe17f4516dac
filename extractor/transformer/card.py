"""The model card (README.md) of a trained transformer NER folder, and its measured sections."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Optional, Sequence

from .model import MODEL_CARD_FILE

SCORES_FILE = "scores.json"
_SECTION = re.compile(r"\n## (?P<title>[^\n]+)\n")


def _mention_counts(docs: Sequence[dict[str, Any]]) -> Counter:
    c: Counter = Counter()
    for d in docs:
        for ent in d.get("entities", []):
            c[ent["label"]] += len(ent.get("mentions", []))
    return c


def score_table(scores: dict[str, Any]) -> str:
    """Strict per-label P/R/F1 (and lenient F1) of `score_entities` as a Markdown table."""
    strict, lenient = scores["strict"], scores["lenient"]
    rows = ["| label | support | P | R | F1 | lenient F1 |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for label, row in strict["per_label"].items():
        lf = lenient["per_label"].get(label, {}).get("f1", 0.0)
        rows.append(f"| {label} | {row['support']} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | {lf:.3f} |")
    m, lm = strict["micro"], lenient["micro"]
    rows.append(f"| micro | {m['tp'] + m['fn']} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {lm['f1']:.3f} |")
    return "\n".join(rows)


def write_model_card(output: Path, *, base: str, base_dir: Path, corpus: str, train_docs: Sequence[dict],
                     dev_docs: Sequence[dict], train_split: Optional[str], dev_split: Optional[str], command: str,
                     seed: int, settings: dict[str, Any], result: dict[str, Any]) -> Path:
    """Write README.md (data, split, command, seed, dev scores per label) and scores.json."""
    counts = _mention_counts(train_docs)
    words = sum(len(d["text"].split()) for d in train_docs)
    lines = [
        "---",
        "library_name: transformers",
        "pipeline_tag: token-classification",
        "tags: [trade-release-extractor, ner]",
        "---",
        "",
        "# Transformer NER for trade press releases",
        "",
        "A token classifier for the entity labels of the trade-release extractor's ANNOTATION.md, used by",
        "`extractor annotate --model THIS_FOLDER` in place of the statistical NER step; the gazetteers,",
        "rules, normalisers, grouping and events run as with the default model.",
        "",
        "## Base encoder",
        "",
        f"- `--base {base}` (read from `{base_dir}`)",
        f"- uncased: {'yes: the tokenizer lower-cases the text, so capitals (which mark names, agreements and regulations) are invisible to the model' if settings.get('uncased') else 'no'}",
        "",
        "## Data",
        "",
        f"- corpus: {corpus}",
        f"- trained on split `{train_split}`: {len(train_docs)} documents, {words} words, "
        + ", ".join(f"{lab} {n}" for lab, n in counts.most_common()) + " mentions",
        f"- scored on split `{dev_split}`: {len(dev_docs)} documents",
        f"- labels: {', '.join(result['labels'])} ({settings['scheme']} tags on sub-word tokens)",
        f"- spans not on token boundaries: {len(result['alignment_problems'])}"
        + (" (listed in scores.json)" if result["alignment_problems"] else ""),
        "",
        "## Training",
        "",
        "```",
        command,
        "```",
        "",
        f"- seed {seed}, {settings['steps']} steps, batch size {settings['batch_size']}, learning rate "
        f"{settings['learning_rate']}, device {settings['device']}, {result['seconds']} s",
        f"- windows of {settings['max_length']} sub-word tokens (special tokens included), overlapping by "
        f"{settings['window_overlap']}; {result['train_windows']} training windows",
        f"- mean loss of the last steps: {result['train_loss']}",
        "",
        "## Dev scores (the model alone, strict mention match)",
        "",
        score_table(result["dev"]) if result.get("dev") else "No dev documents: no scores.",
        "",
    ]
    path = Path(output) / MODEL_CARD_FILE
    path.write_text("\n".join(lines), encoding="utf-8")
    (Path(output) / SCORES_FILE).write_text(json.dumps(
        {"dev": result.get("dev"), "alignment_problems": result["alignment_problems"], "command": command,
         "seed": seed, "settings": settings}, indent=2) + "\n", encoding="utf-8")
    return path


def set_card_section(output: Path, title: str, body: str) -> None:
    """Add or replace a `## title` section of the model card."""
    path = Path(output) / MODEL_CARD_FILE
    text = path.read_text(encoding="utf-8") if path.exists() else "# Model card\n"
    section = f"\n## {title}\n\n{body.strip()}\n"
    parts = list(_SECTION.finditer(text))
    for i, m in enumerate(parts):
        if m.group("title").strip() == title:
            end = parts[i + 1].start() if i + 1 < len(parts) else len(text)
            text = text[:m.start()] + section + text[end:]
            break
    else:
        text = text.rstrip("\n") + "\n" + section
    path.write_text(text, encoding="utf-8")
