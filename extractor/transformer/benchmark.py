"""Transformer backend against the default spaCy pipeline: entity F1 per label and words/second.

    python -m extractor.transformer.benchmark MODEL_DIR [--corpus gold.jsonl] [--split test]
        [--baseline models/trade_en] [--repeat 3] [--write-card]

Both pipelines annotate the same documents in the same run, alternately, so that other load on the
machine falls on both; the ratio is what to read. `--write-card` adds the numbers to the model card.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Optional

from ..extract import Extractor, default_model_path
from ..labels import ENTITY_LABELS
from ..readers import Record
from ..scoring.entities import score_entities
from .card import set_card_section
from .data import read_corpus, select_split


def _annotate(ex: Extractor, docs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    records = [Record(id=d["id"], text=d["text"], date=d.get("date")) for d in docs]
    started = time.perf_counter()
    out = [doc.model_dump(mode="json") for doc in ex.pipe(records)]
    return out, time.perf_counter() - started


def compare(model_dir: Path, corpus_path: Optional[Path] = None, split: str = "test",
            baseline: Optional[Path] = None, repeat: int = 3) -> dict[str, Any]:
    """Score both pipelines on a split and time them; returns scores, words/second and the ratio."""
    gold = select_split(read_corpus(corpus_path), split)
    if not gold:
        raise SystemExit(f"no documents of split {split!r}")
    words = sum(len(d["text"].split()) for d in gold)
    systems = {"spacy": Extractor.load(baseline or default_model_path()), "transformer": Extractor.load(model_dir)}
    for ex in systems.values():
        _annotate(ex, gold[:1])  # warm-up
    times: dict[str, list[float]] = {name: [] for name in systems}
    preds: dict[str, list[dict[str, Any]]] = {}
    for _ in range(repeat):
        for name, ex in systems.items():
            preds[name], seconds = _annotate(ex, gold)
            times[name].append(seconds)
    result: dict[str, Any] = {"split": split, "documents": len(gold), "words": words, "repeat": repeat}
    for name in systems:
        result[name] = {
            "scores": score_entities(gold, preds[name], ENTITY_LABELS),
            "seconds": round(statistics.median(times[name]), 3),
            "words_per_second": round(words / statistics.median(times[name]), 1),
        }
    from .train import evaluate_classifier

    ner = systems["transformer"].nlp.get_pipe("ner")
    result["transformer_model_only"] = {"scores": evaluate_classifier(ner.classifier, gold, ner.labels)}
    result["speed_ratio"] = round(result["transformer"]["words_per_second"] / result["spacy"]["words_per_second"], 3)
    return result


def comparison_table(result: dict[str, Any]) -> str:
    """Per-label strict F1 of both pipelines (and of the transformer model alone) as Markdown."""
    a = result["spacy"]["scores"]["strict"]
    b = result["transformer"]["scores"]["strict"]
    c = result["transformer_model_only"]["scores"]["strict"]
    rows = ["| label | support | default spaCy F1 | transformer pipeline F1 | transformer model alone F1 |",
            "| --- | ---: | ---: | ---: | ---: |"]
    labels = [lab for lab in ENTITY_LABELS if lab in a["per_label"] or lab in b["per_label"]]
    for lab in labels:
        support = (a["per_label"].get(lab) or b["per_label"].get(lab))["support"]
        f = [s["per_label"].get(lab, {}).get("f1", 0.0) for s in (a, b, c)]
        rows.append(f"| {lab} | {support} | {f[0]:.3f} | {f[1]:.3f} | {f[2]:.3f} |")
    rows.append(f"| micro | {a['micro']['tp'] + a['micro']['fn']} | {a['micro']['f1']:.3f} | {b['micro']['f1']:.3f} | "
                f"{c['micro']['f1']:.3f} |")
    rows += ["", "| pipeline | words/second (median of {} runs, {} words) |".format(result["repeat"], result["words"]),
             "| --- | ---: |",
             f"| default spaCy | {result['spacy']['words_per_second']:.0f} |",
             f"| transformer | {result['transformer']['words_per_second']:.0f} |",
             f"| ratio transformer / spaCy | {result['speed_ratio']:.3f} |"]
    return "\n".join(rows)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path, help="a folder written by `extractor train --backend transformer`")
    parser.add_argument("--corpus", type=Path, default=None, help="gold JSONL or folder (default: the project corpus)")
    parser.add_argument("--split", default="test")
    parser.add_argument("--baseline", type=Path, default=None, help="the spaCy pipeline (default: the shipped model)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write-card", action="store_true", help="add the numbers to the model card")
    parser.add_argument("--json", type=Path, default=None, help="also write the full result here")
    args = parser.parse_args(argv)
    result = compare(args.model, args.corpus, args.split, args.baseline, args.repeat)
    table = comparison_table(result)
    print(table)
    command = "python -m extractor.transformer.benchmark " + " ".join(sys.argv[1:] if argv is None else argv)
    if args.write_card:
        set_card_section(args.model, f"Split {args.split}: against the default spaCy pipeline",
                         f"{result['documents']} documents of split `{result['split']}`, strict mention F1 "
                         f"(extractor.scoring.entities), CPU:\n\n```\n{command}\n```\n\n{table}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
