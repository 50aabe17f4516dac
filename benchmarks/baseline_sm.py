"""Compare the extractor with plain en_core_web_sm on a corpus split.

    python benchmarks/baseline_sm.py --split test [--model models/trade_en]

en_core_web_sm's labels are mapped to ours: PERSON to OFFICIAL/PERSON, GPE to COUNTRY, ORG to
MINISTRY/ORG, LAW to AGREEMENT/REGULATION, MONEY and PERCENT as they are. Since the plain model
cannot tell an official from a person or a ministry from an organisation, both systems are scored
on those merged classes (PERSON*, ORG*, LAW*, COUNTRY, MONEY, PERCENT), strict (same offsets and
class) and lenient (overlap). The extractor's scores on its own nine labels are printed after.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.build import load_base  # noqa: E402
from extractor.corpus import load_corpus  # noqa: E402
from extractor.evaluate import predict  # noqa: E402
from extractor.scoring.entities import format_entity_table, score_entities  # noqa: E402

COARSE = {"OFFICIAL": "PERSON*", "PERSON": "PERSON*", "MINISTRY": "ORG*", "ORG": "ORG*",
          "AGREEMENT": "LAW*", "REGULATION": "LAW*", "COUNTRY": "COUNTRY", "MONEY": "MONEY", "PERCENT": "PERCENT"}
SM_MAP = {"PERSON": "PERSON*", "GPE": "COUNTRY", "ORG": "ORG*", "LAW": "LAW*", "MONEY": "MONEY", "PERCENT": "PERCENT"}


def coarse(doc: dict) -> dict:
    ents = [dict(e, label=COARSE[e["label"]]) for e in doc["entities"] if e["label"] in COARSE]
    return {"id": doc["id"], "entities": ents}


def sm_predictions(docs: list[dict]) -> list[dict]:
    nlp = load_base()
    out = []
    for gold, doc in zip(docs, nlp.pipe(d["text"] for d in docs)):
        ents = [{"id": f"E{i}", "label": SM_MAP[e.label_], "name": e.text, "attributes": {},
                 "mentions": [{"start": e.start_char, "end": e.end_char, "text": e.text}]}
                for i, e in enumerate(doc.ents, start=1) if e.label_ in SM_MAP]
        out.append({"id": gold["id"], "entities": ents})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    gold = load_corpus(args.split)
    ours = predict(gold, model=args.model)
    labels = sorted(set(COARSE.values()))
    gold_c = [coarse(d) for d in gold]
    base_scores = score_entities(gold_c, sm_predictions(gold), labels)
    our_scores = score_entities(gold_c, [coarse(d) for d in ours], labels)
    print(f"Split {args.split}: merged classes\n")
    print(f"{'class':<10}{'en_core_web_sm F1':>19}{'extractor F1':>14}   (strict; lenient in brackets)")
    for label in labels:
        b = base_scores["strict"]["per_label"].get(label, {}).get("f1", 0.0)
        bl = base_scores["lenient"]["per_label"].get(label, {}).get("f1", 0.0)
        o = our_scores["strict"]["per_label"].get(label, {}).get("f1", 0.0)
        ol = our_scores["lenient"]["per_label"].get(label, {}).get("f1", 0.0)
        print(f"{label:<10}{b:>11.3f} ({bl:.3f}){o:>8.3f} ({ol:.3f})")
    b, o = base_scores["strict"]["micro"]["f1"], our_scores["strict"]["micro"]["f1"]
    bl, ol = base_scores["lenient"]["micro"]["f1"], our_scores["lenient"]["micro"]["f1"]
    print(f"{'micro':<10}{b:>11.3f} ({bl:.3f}){o:>8.3f} ({ol:.3f})\n")
    print(format_entity_table(score_entities(gold, ours, list(COARSE))))


if __name__ == "__main__":
    main()
