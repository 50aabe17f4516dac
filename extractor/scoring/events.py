"""Event scoring: gold and predicted documents (dicts in the OUTPUT.md shape) compared event by event.

Per document and event type, gold and predicted events are aligned one to one. A pair can align
when the triggers overlap or the events share an argument; among those, pairs with more shared
arguments and overlapping triggers go first. Entity arguments are compared through their mentions
(predicted and gold entity ids differ): a predicted entity matches a gold one when they share a
mention offset. Span arguments match when they overlap.

Reported: event precision / recall / F1 per type and micro; argument P / R / F1 per role and micro
(every predicted and gold argument counts, matched only inside aligned pairs); AGREEMENT status and
FIGURE direction accuracy over aligned pairs; event date accuracy over aligned pairs (exact start
and end; FIGURE events are left out, their date is always null); and how many MONEY / PERCENT
mentions the predictions put in more than one FIGURE.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable, Optional

from ..labels import EVENT_ROLES, EVENT_TYPES

Doc = dict[str, Any]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def _mention_sets(doc: Doc) -> dict[str, set[tuple[int, int]]]:
    return {
        ent["id"]: {(m["start"], m["end"]) for m in ent.get("mentions", [])}
        for ent in doc.get("entities", [])
    }


class _ArgMatcher:
    """Whether a predicted argument matches a gold one."""

    def __init__(self, gold: Doc, pred: Doc) -> None:
        self.gold_m = _mention_sets(gold)
        self.pred_m = _mention_sets(pred)

    def match(self, g: dict[str, Any], p: dict[str, Any]) -> bool:
        if g.get("role") != p.get("role"):
            return False
        if "entity" in g and g.get("entity") is not None:
            if p.get("entity") is None:
                return False
            return bool(self.gold_m.get(g["entity"], set()) & self.pred_m.get(p["entity"], set()))
        if p.get("entity") is not None:
            return False
        return g["start"] < p["end"] and p["start"] < g["end"]

    def shared(self, gold_args: list[dict[str, Any]], pred_args: list[dict[str, Any]]) -> int:
        """How many arguments match, each argument used once."""
        used: set[int] = set()
        n = 0
        for g in gold_args:
            for j, p in enumerate(pred_args):
                if j not in used and self.match(g, p):
                    used.add(j)
                    n += 1
                    break
        return n


def _trigger_overlap(g: dict[str, Any], p: dict[str, Any]) -> bool:
    gt, pt = g.get("trigger") or {}, p.get("trigger") or {}
    try:
        return gt["start"] < pt["end"] and pt["start"] < gt["end"]
    except KeyError:
        return False


def align(gold_events: list[dict[str, Any]], pred_events: list[dict[str, Any]], matcher: _ArgMatcher) -> list[tuple[int, int]]:
    """One-to-one alignment of the events of one type: (gold index, predicted index) pairs."""
    cands = []
    for i, g in enumerate(gold_events):
        for j, p in enumerate(pred_events):
            shared = matcher.shared(g.get("arguments", []), p.get("arguments", []))
            trig = _trigger_overlap(g, p)
            if shared == 0 and not trig:
                continue
            dist = abs(g["trigger"]["start"] - p["trigger"]["start"])
            cands.append((shared + (2 if trig else 0), -dist, i, j))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def _date_key(ev: dict[str, Any]) -> Optional[tuple[str, str]]:
    d = ev.get("date")
    if not d:
        return None
    return (d.get("start"), d.get("end"))


def score_events(gold_docs: Iterable[Doc], pred_docs: Iterable[Doc]) -> dict[str, Any]:
    """Event scores of predicted documents against gold ones, matched by `id`.

    Returns a JSON-able dict: `events` (P/R/F1 per type and `micro`), `arguments` (per
    "TYPE.role" and `micro`), `status`, `direction` and `date` accuracy (with counts),
    `date_by_type`, `figure_mentions_reused` and `documents` (per document and type: tp, pred, gold).
    """
    preds = {d["id"]: d for d in pred_docs}
    ev_counts: dict[str, Counter] = defaultdict(Counter)
    arg_counts: dict[str, Counter] = defaultdict(Counter)
    status = Counter()
    direction = Counter()
    date = Counter()
    date_by_type: dict[str, Counter] = defaultdict(Counter)
    reused = 0
    per_doc: dict[str, dict[str, dict[str, int]]] = {}
    n_docs = 0
    for gold in gold_docs:
        n_docs += 1
        pred = preds.get(gold["id"], {"id": gold["id"], "entities": [], "events": []})
        matcher = _ArgMatcher(gold, pred)
        doc_row: dict[str, dict[str, int]] = {}
        for etype in EVENT_TYPES:
            g_evs = [e for e in gold.get("events", []) if e.get("type") == etype]
            p_evs = [e for e in pred.get("events", []) if e.get("type") == etype]
            pairs = align(g_evs, p_evs, matcher)
            ev_counts[etype]["tp"] += len(pairs)
            ev_counts[etype]["pred"] += len(p_evs)
            ev_counts[etype]["gold"] += len(g_evs)
            if g_evs or p_evs:
                doc_row[etype] = {"tp": len(pairs), "pred": len(p_evs), "gold": len(g_evs)}
            for ev in g_evs:
                for a in ev.get("arguments", []):
                    arg_counts[f"{etype}.{a['role']}"]["gold"] += 1
            for ev in p_evs:
                for a in ev.get("arguments", []):
                    arg_counts[f"{etype}.{a['role']}"]["pred"] += 1
            for i, j in pairs:
                g, p = g_evs[i], p_evs[j]
                for role in EVENT_ROLES.get(etype, {}):
                    ga = [a for a in g.get("arguments", []) if a["role"] == role]
                    pa = [a for a in p.get("arguments", []) if a["role"] == role]
                    if ga and pa:
                        arg_counts[f"{etype}.{role}"]["tp"] += matcher.shared(ga, pa)
                if etype == "AGREEMENT":
                    status["n"] += 1
                    status["ok"] += (g.get("attributes") or {}).get("status") == (p.get("attributes") or {}).get("status")
                if etype == "FIGURE":
                    direction["n"] += 1
                    direction["ok"] += (g.get("attributes") or {}).get("direction") == (p.get("attributes") or {}).get("direction")
                else:
                    ok = _date_key(g) == _date_key(p)
                    date["n"] += 1
                    date["ok"] += ok
                    date_by_type[etype]["n"] += 1
                    date_by_type[etype]["ok"] += ok
        per_doc[gold["id"]] = doc_row
        # every MONEY / PERCENT mention in at most one FIGURE
        use = Counter()
        for ev in pred.get("events", []):
            if ev.get("type") == "FIGURE":
                for a in ev.get("arguments", []):
                    if a.get("entity") is not None and a["role"] in ("value", "change"):
                        use[a["entity"]] += 1
        for eid, n in use.items():
            reused += max(0, n - len(matcher.pred_m.get(eid, ())))
    events = {t: _prf(c["tp"], c["pred"], c["gold"]) for t, c in ev_counts.items()}
    total = Counter()
    for c in ev_counts.values():
        total.update(c)
    events["micro"] = _prf(total["tp"], total["pred"], total["gold"])
    args = {r: _prf(c["tp"], c["pred"], c["gold"]) for r, c in sorted(arg_counts.items())}
    atotal = Counter()
    for c in arg_counts.values():
        atotal.update(c)
    args["micro"] = _prf(atotal["tp"], atotal["pred"], atotal["gold"])

    def acc(c: Counter) -> dict[str, Any]:
        return {"accuracy": round(c["ok"] / c["n"], 4) if c["n"] else None, "correct": c["ok"], "n": c["n"]}

    return {
        "documents_scored": n_docs,
        "events": events,
        "arguments": args,
        "status": acc(status),
        "direction": acc(direction),
        "date": acc(date),
        "date_by_type": {t: acc(c) for t, c in date_by_type.items()},
        "figure_mentions_reused": reused,
        "documents": per_doc,
    }


def format_event_table(scores: dict[str, Any]) -> str:
    """The event scores as a plain-text table for the command line."""
    lines = [f"{'events':<28}{'P':>7}{'R':>7}{'F':>7}{'tp':>6}{'pred':>6}{'gold':>6}"]
    ev = scores["events"]
    for key in [t for t in EVENT_TYPES if t in ev] + ["micro"]:
        s = ev[key]
        lines.append(f"{key:<28}{s['p']:>7.3f}{s['r']:>7.3f}{s['f']:>7.3f}{s['tp']:>6}{s['pred']:>6}{s['gold']:>6}")
    lines.append("")
    lines.append(f"{'arguments':<28}{'P':>7}{'R':>7}{'F':>7}{'tp':>6}{'pred':>6}{'gold':>6}")
    for key, s in scores["arguments"].items():
        if key == "micro":
            continue
        lines.append(f"{key:<28}{s['p']:>7.3f}{s['r']:>7.3f}{s['f']:>7.3f}{s['tp']:>6}{s['pred']:>6}{s['gold']:>6}")
    s = scores["arguments"]["micro"]
    lines.append(f"{'micro':<28}{s['p']:>7.3f}{s['r']:>7.3f}{s['f']:>7.3f}{s['tp']:>6}{s['pred']:>6}{s['gold']:>6}")
    lines.append("")
    for name in ("status", "direction", "date"):
        a = scores[name]
        val = "n/a" if a["accuracy"] is None else f"{a['accuracy']:.3f}"
        lines.append(f"{name + ' accuracy':<28}{val:>7}  ({a['correct']}/{a['n']} aligned pairs)")
    for t, a in scores.get("date_by_type", {}).items():
        val = "n/a" if a["accuracy"] is None else f"{a['accuracy']:.3f}"
        lines.append(f"{'  date ' + t:<28}{val:>7}  ({a['correct']}/{a['n']})")
    lines.append(f"{'MONEY/PERCENT reused':<28}{scores['figure_mentions_reused']:>7}")
    return "\n".join(lines)
