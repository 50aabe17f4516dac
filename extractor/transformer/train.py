"""Fine-tune a local encoder for token classification on a corpus of the contract.

`train_transformer` is the plain function behind
`extractor train CORPUS --backend transformer --base MODEL --output DIR`.
"""

from __future__ import annotations

import math
import random
import shlex
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from ..errors import CorpusError
from ..scoring.entities import score_entities
from .card import write_model_card
from .data import corpus_labels, gold_spans, read_corpus, select_split, to_dataset, window_dataset
from .model import TokenClassifier, require_backend, resolve_base, resolve_device, spans_to_document
from .spans import tag_names


def _seed_everything(seed: int) -> None:
    torch, transformers = require_backend()
    random.seed(seed)
    try:
        import numpy as np

        np.random.seed(seed)
    except ImportError:
        pass
    torch.manual_seed(seed)
    transformers.set_seed(seed)


def _command(corpus_path: Any, base: str, output: Path, max_steps: Optional[int], epochs: float, seed: int,
             device: str, extra: dict[str, Any]) -> str:
    parts = ["extractor", "train", str(corpus_path) if corpus_path is not None else "corpus",
             "--backend", "transformer", "--base", str(base), "--output", str(output)]
    if max_steps is not None:
        parts += ["--max-steps", str(max_steps)]
    else:
        parts += ["--epochs", f"{epochs:g}"]
    parts += ["--seed", str(seed), "--device", device]
    for name, value in extra.items():
        parts += [f"--{name.replace('_', '-')}", str(value)]
    return shlex.join(parts)


def _non_defaults(**pairs: tuple[Any, Any]) -> dict[str, Any]:
    return {name: value for name, (value, default) in pairs.items() if value != default}


def evaluate_classifier(classifier: TokenClassifier, docs: Sequence[dict[str, Any]], labels: Iterable[str],
                        batch_size: int = 8) -> dict[str, Any]:
    """Mention scores (score_entities) of the model alone on gold documents."""
    labels = list(labels)
    preds = classifier.predict([d["text"] for d in docs], batch_size=batch_size)
    pred_docs = [spans_to_document(d["id"], d["text"], spans) for d, spans in zip(docs, preds)]
    return score_entities(docs, pred_docs, labels)


def train_transformer(
    corpus_path: str | Path | None,
    base: str,
    output: Path,
    *,
    max_steps: Optional[int] = None,
    epochs: float = 10,
    seed: int = 0,
    device: str = "cpu",
    train_split: Optional[str] = "train",
    dev_split: Optional[str] = "dev",
    labels: Optional[Sequence[str]] = None,
    scheme: str = "BIO",
    learning_rate: float = 5e-5,
    batch_size: int = 8,
    max_length: Optional[int] = None,
    window_overlap: Optional[int] = None,
    command: Optional[str] = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Fine-tune `base` for token classification and save it to `output`.

    Args:
        corpus_path: None for the project corpus, or a JSONL file / folder of gold documents with
            `split` fields.
        base: a local model folder, or an installed package that ships one (no downloads).
        output: the folder to write: model, tokenizer, label map, settings and model card.
        max_steps: optimiser steps; when given, `epochs` is ignored.
        epochs: passes over the training windows (fractions allowed).
        train_split / dev_split: the splits to train on and to score on (dev_split None: no scores).
        labels: the entity labels to learn; default all labels of the training split.
        scheme: "BIO" or "BILUO" sub-word tags.
        command: the command line to record in the model card (default: rebuilt from the arguments).

    Returns:
        {"labels", "steps", "train_windows", "train_loss", "alignment_problems", "dev": scores or None,
         "seconds"}; the dev scores are those of `extractor.scoring.entities.score_entities`.
    """
    torch, transformers = require_backend()
    device = resolve_device(device)
    output = Path(output)
    base_dir = resolve_base(base)
    _seed_everything(seed)

    docs = read_corpus(corpus_path)
    train_docs = select_split(docs, train_split)
    if not train_docs:
        found = sorted({str(d.get("split")) for d in docs})
        raise CorpusError(f"no documents of split {train_split!r} to train on (splits found: {', '.join(found) or 'none'})")
    dev_docs = select_split(docs, dev_split) if dev_split is not None else []
    label_list = list(labels) if labels else corpus_labels(train_docs)
    if not label_list:
        raise CorpusError(f"the {train_split!r} documents have no entity mentions to learn from")
    tags = tag_names(label_list, scheme)
    tag2id = {t: i for i, t in enumerate(tags)}

    tokenizer = transformers.AutoTokenizer.from_pretrained(str(base_dir), local_files_only=True)
    model = transformers.AutoModelForTokenClassification.from_pretrained(
        str(base_dir), local_files_only=True, num_labels=len(tags),
        id2label=dict(enumerate(tags)), label2id=tag2id, ignore_mismatched_sizes=True,
    )
    model.to(device)
    classifier = TokenClassifier(model, tokenizer, scheme=scheme, max_length=max_length,
                                 window_overlap=window_overlap, device=device)

    left_out = Counter()
    for d in train_docs:
        left_out.update(gold_spans(d, set(label_list))[1])
    windows, problems = window_dataset(to_dataset(train_docs, label_list), classifier, tag2id)
    n_batches = math.ceil(len(windows) / batch_size)
    total_steps = max_steps if max_steps is not None else max(1, math.ceil(epochs * n_batches))

    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=0.01)
    scheduler = transformers.get_linear_schedule_with_warmup(optimizer, int(0.1 * total_steps), total_steps)
    generator = torch.Generator().manual_seed(seed)
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0

    def batches():
        while True:
            order = torch.randperm(len(windows), generator=generator).tolist()
            for b in range(0, len(order), batch_size):
                rows = windows.select(order[b:b + batch_size])
                width = max(len(r) for r in rows["input_ids"])
                ids = torch.full((len(rows), width), pad, dtype=torch.long)
                lab = torch.full((len(rows), width), -100, dtype=torch.long)
                mask = torch.zeros((len(rows), width), dtype=torch.long)
                for i, (r, l) in enumerate(zip(rows["input_ids"], rows["labels"])):
                    ids[i, :len(r)] = torch.tensor(r)
                    lab[i, :len(l)] = torch.tensor(l)
                    mask[i, :len(r)] = 1
                yield ids.to(device), mask.to(device), lab.to(device)

    started = time.perf_counter()
    model.train()
    losses: list[float] = []
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total_steps, desc="training", file=sys.stderr, unit="step")
    stream = batches()
    for _ in range(total_steps):
        ids, mask, lab = next(stream)
        loss = model(input_ids=ids, attention_mask=mask, labels=lab).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        losses.append(loss.item())
        if bar is not None:
            bar.update(1)
            bar.set_postfix(loss=f"{losses[-1]:.3f}")
    if bar is not None:
        bar.close()
    model.eval()
    seconds = time.perf_counter() - started

    dev_scores = evaluate_classifier(classifier, dev_docs, label_list) if dev_docs else None
    classifier.save(output)
    result = {
        "labels": label_list,
        "scheme": scheme,
        "steps": total_steps,
        "train_documents": len(train_docs),
        "train_windows": len(windows),
        "train_loss": round(sum(losses[-10:]) / max(1, len(losses[-10:])), 4),
        "alignment_problems": problems,
        "left_out_labels": dict(left_out),
        "dev": dev_scores,
        "seconds": round(seconds, 1),
    }
    write_model_card(
        output,
        base=str(base),
        base_dir=base_dir,
        corpus=str(corpus_path) if corpus_path is not None else "the project corpus (extractor.corpus.load_corpus)",
        train_docs=train_docs,
        dev_docs=dev_docs,
        train_split=train_split,
        dev_split=dev_split,
        command=command or _command(corpus_path, base, output, max_steps, epochs, seed, device, _non_defaults(
            train_split=(train_split, "train"), dev_split=(dev_split, "dev"), scheme=(scheme, "BIO"),
            learning_rate=(learning_rate, 5e-5), batch_size=(batch_size, 8), max_length=(max_length, None),
            window_overlap=(window_overlap, None), labels=(",".join(labels) if labels else None, None))),
        seed=seed,
        settings={**classifier.settings(), "learning_rate": learning_rate, "batch_size": batch_size,
                  "steps": total_steps, "epochs": None if max_steps is not None else epochs, "device": device},
        result=result,
    )
    return result
