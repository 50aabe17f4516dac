"""Entity scoring: mention precision, recall and F1 per label, strict and lenient, and
normalisation accuracy for COUNTRY, MONEY and PERCENT."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

NORMALISED = {"COUNTRY": ("code",), "MONEY": ("currency", "value"), "PERCENT": ("value", "unit")}


def _mentions(doc: dict[str, Any], labels: set[str] | None) -> list[tuple[int, int, str, dict]]:
    out = []
    for ent in doc.get("entities", []):
        if labels is not None and ent["label"] not in labels:
            continue
        for m in ent.get("mentions", []):
            out.append((m["start"], m["end"], ent["label"], ent.get("attributes") or {}))
    return out


def _prf(tp: float, fp: float, fn: float) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _norm_equal(label: str, gold: dict, pred: dict) -> bool:
    for key in NORMALISED[label]:
        g, p = gold.get(key), pred.get(key)
        if isinstance(g, (int, float)) and isinstance(p, (int, float)):
            if abs(float(g) - float(p)) > max(1e-6, abs(float(g)) * 1e-6):
                return False
        elif g != p:
            return False
    return True


def score_entities(gold_docs: Iterable[dict], pred_docs: Iterable[dict], labels: Iterable[str]) -> dict[str, Any]:
    """Score predicted against gold documents, matched by `id`.

    Strict: same offsets and label. Lenient: same label and overlapping offsets (each gold mention
    matched at most once). Normalisation accuracy: over strictly matched COUNTRY, MONEY and PERCENT
    mentions, the share whose entity attributes agree.
    """
    label_set = set(labels)
    preds = {d["id"]: d for d in pred_docs}
    counts = {mode: defaultdict(lambda: [0, 0, 0]) for mode in ("strict", "lenient")}
    norm = defaultdict(lambda: [0, 0])
    n_docs = 0
    for gold in gold_docs:
        n_docs += 1
        pred = preds.get(gold["id"], {"entities": []})
        g_m = _mentions(gold, label_set)
        p_m = _mentions(pred, label_set)
        g_index = {(s, e, lab): attrs for s, e, lab, attrs in g_m}
        p_index = {(s, e, lab): attrs for s, e, lab, attrs in p_m}
        for key, attrs in p_index.items():
            c = counts["strict"][key[2]]
            if key in g_index:
                c[0] += 1
                if key[2] in NORMALISED:
                    norm[key[2]][1] += 1
                    norm[key[2]][0] += int(_norm_equal(key[2], g_index[key], attrs))
            else:
                c[1] += 1
        for key in g_index:
            if key not in p_index:
                counts["strict"][key[2]][2] += 1
        used: set[tuple] = set()
        for ps, pe, plab, _ in p_m:
            match = next((g for g in g_index if g not in used and g[2] == plab and g[0] < pe and ps < g[1]), None)
            if match is not None:
                used.add(match)
                counts["lenient"][plab][0] += 1
            else:
                counts["lenient"][plab][1] += 1
        for g in g_index:
            if g not in used:
                counts["lenient"][g[2]][2] += 1
    result: dict[str, Any] = {"documents": n_docs}
    for mode, table in counts.items():
        per_label = {}
        totals = [0, 0, 0]
        for label in sorted(label_set):
            tp, fp, fn = table[label]
            if tp + fp + fn == 0:
                continue
            per_label[label] = _prf(tp, fp, fn)
            per_label[label]["support"] = tp + fn
            totals = [a + b for a, b in zip(totals, (tp, fp, fn))]
        result[mode] = {"per_label": per_label, "micro": _prf(*totals)}
    result["normalisation"] = {
        label: {"accuracy": round(ok / n, 4) if n else None, "matched": n}
        for label, (ok, n) in sorted(norm.items())
    }
    return result


def format_entity_table(scores: dict[str, Any]) -> str:
    lines = [f"Entities ({scores['documents']} documents)", "",
             f"{'label':<12}{'support':>8}{'P':>8}{'R':>8}{'F1':>8}{'lenient F1':>12}"]
    strict, lenient = scores["strict"], scores["lenient"]
    for label, row in strict["per_label"].items():
        lf = lenient["per_label"].get(label, {}).get("f1", 0.0)
        lines.append(f"{label:<12}{row['support']:>8}{row['precision']:>8.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}{lf:>12.3f}")
    m, lm = strict["micro"], lenient["micro"]
    lines.append(f"{'micro':<12}{m['tp'] + m['fn']:>8}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}{lm['f1']:>12.3f}")
    lines += ["", "Normalisation accuracy (strictly matched mentions)"]
    for label, row in scores["normalisation"].items():
        acc = "n/a" if row["accuracy"] is None else f"{row['accuracy']:.3f}"
        lines.append(f"{label:<12}{acc:>8}  ({row['matched']} mentions)")
    return "\n".join(lines)
