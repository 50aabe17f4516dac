"""Print the README's score table: `extractor evaluate` on several corpus splits, side by side.

    python benchmarks/score_table.py [--splits test challenge-test] [--model models/trade_en]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.evaluate import evaluate_split  # noqa: E402
from extractor.extract import Extractor  # noqa: E402
from extractor.labels import ENTITY_LABELS, EVENT_TYPES  # noqa: E402


def cell(row: dict | None) -> str:
    if not row:
        return "–"
    support = row.get("support", row.get("gold"))
    value = row.get("f1", row.get("f"))
    return f"{value:.3f}" + (f" ({support})" if support is not None else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="+", default=["test", "challenge-test"])
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    ex = Extractor.load(args.model)
    results = {s: evaluate_split(s, extractor=ex) for s in args.splits}
    head = "| | " + " | ".join(args.splits) + " |"
    rule = "|---|" + "---:|" * len(args.splits)
    print("Entities, strict F1 (gold mentions in brackets):\n")
    print(head)
    print(rule)
    for label in ENTITY_LABELS:
        print(f"| {label} | " + " | ".join(cell(results[s]["entities"]["strict"]["per_label"].get(label)) for s in args.splits) + " |")
    print("| **micro** | " + " | ".join(
        f"**{results[s]['entities']['strict']['micro']['f1']:.3f}**" for s in args.splits) + " |")
    print("| micro, lenient | " + " | ".join(
        f"{results[s]['entities']['lenient']['micro']['f1']:.3f}" for s in args.splits) + " |")
    for label in ("COUNTRY", "MONEY", "PERCENT"):
        print(f"| normalisation {label} | " + " | ".join(
            f"{results[s]['entities']['normalisation'].get(label, {}).get('accuracy') or 0:.3f}" for s in args.splits) + " |")
    print("\nEvents, F1 (gold events in brackets):\n")
    print(head)
    print(rule)
    for etype in EVENT_TYPES:
        print(f"| {etype} | " + " | ".join(cell(results[s]["events"]["events"].get(etype)) for s in args.splits) + " |")
    print("| **events micro** | " + " | ".join(f"**{results[s]['events']['events']['micro']['f']:.3f}**" for s in args.splits) + " |")
    print("| **arguments micro** | " + " | ".join(
        f"**{results[s]['events']['arguments']['micro']['f']:.3f}**" for s in args.splits) + " |")
    for key in ("date", "status", "direction"):
        print(f"| {key} accuracy | " + " | ".join(
            f"{(results[s]['events'].get(key) or {}).get('accuracy') or 0:.3f}" for s in args.splits) + " |")
    print("| MONEY/PERCENT mentions in more than one FIGURE | " + " | ".join(
        str(results[s]["events"].get("figure_mentions_reused")) for s in args.splits) + " |")


if __name__ == "__main__":
    main()
