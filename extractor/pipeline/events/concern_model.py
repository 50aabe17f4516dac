"""A learned reading of trade concerns: which noun phrases name a measure somebody raised a concern about.

The rules of `concern.py` read the phrasings they know. This module scores every other noun phrase of
a release's body (its head noun, a regulation's name) with a logistic model trained on the corpus's
gold concerns: the head word and whether it is a measure word, whose measure it is (a foreign owner,
the release's own country), the verb and preposition that govern it ("urged ... to withdraw",
"complained about"), who acts (a country, a ministry, an official), the words of its sentence, and
whether the release reports concerns at all. A phrase scored above the model's threshold that no
rule event covers becomes a concern of its own (`ConcernEvents._learned`), its arguments read the
way the rules read them.

The model is plain data: a JSON file of feature weights (`extractor/data/events/concern_model.json`,
copied into a saved pipeline by `extractor refresh-events`), so prediction needs no ML library.
`extractor train-concern` trains it (numpy only) on the corpus splits the rules are developed on.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..layers import text_of
from .common import BODIES, Cues, EntityIndex, body_country, body_start, home_country, sentences

FEATURE_VERSION = 1
MODEL_FILE = Path(__file__).resolve().parent.parent.parent / "data" / "events" / "concern_model.json"

# labels whose mentions are parties, amounts or names, never the measure itself
_NOT_MEASURE = frozenset({"COUNTRY", "MINISTRY", "ORG", "OFFICIAL", "PERSON", "MONEY", "PERCENT", "AGREEMENT"})
_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
_CONCERN_WORDS = frozenset({"concern", "stc", "stcs", "issue", "difficulty", "grievance", "complaint", "objection", "barrier", "burden"})


@dataclass
class ConcernModel:
    """A logistic model over string features: P(measure of a concern) = σ(bias + Σ weights)."""

    weights: dict[str, float]
    bias: float = 0.0
    threshold: float = 0.5
    meta: dict = field(default_factory=dict)

    def prob(self, feats: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(feats))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict:
        return {"version": FEATURE_VERSION, "bias": self.bias, "threshold": self.threshold, "meta": self.meta,
                "weights": {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}}

    @classmethod
    def from_dict(cls, data: dict) -> "ConcernModel":
        if data.get("version") != FEATURE_VERSION:
            raise ValueError(f"concern model of feature version {data.get('version')!r}; this extractor reads version {FEATURE_VERSION}")
        return cls(weights=dict(data["weights"]), bias=float(data["bias"]), threshold=float(data["threshold"]), meta=dict(data.get("meta", {})))

    def to_disk(self, path: Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=0, sort_keys=True), encoding="utf-8")

    @classmethod
    def from_disk(cls, path: Path) -> "ConcernModel":
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def load_default() -> Optional[ConcernModel]:
    """The package's trained model, or None when the package carries none."""
    return ConcernModel.from_disk(MODEL_FILE) if MODEL_FILE.exists() else None


# --------------------------------------------------------------------------- candidates and features


def candidates(doc: Doc, index: EntityIndex, cues: Cues, sents: Optional[list[Span]] = None) -> list[tuple[Span, Token]]:
    """The noun-phrase heads of the body that could name a measure: (sentence, head) pairs.

    A regulation's name counts once, by its root; names of parties, amounts and agreements do not
    count, nor do words inside another noun phrase (compounds, possessives), concern words ("concerns
    over ...") and the words of the cue list `not_measure_head` ("the need for ...", "a review of ...")."""
    body = body_start(doc)
    skip = cues.words("concern_noun") | cues.words("not_measure_head") | cues.words("non_measure")
    out = []
    for sent in sents if sents is not None else sentences(doc):
        if sent.start_char < body:
            continue
        for tok in sent:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "poss", "nmod", "amod") or tok.like_num:
                continue
            if tok.lower_ in skip or tok.lemma_.lower() in skip:
                continue
            ref = index.at(tok)
            if ref is not None:
                if ref.label in _NOT_MEASURE:
                    continue
                if ref.label == "REGULATION" and ref.span.root.i != tok.i:
                    continue
            elif tok.ent_type_ == "DATE" or tok.lower_ in _MONTHS:
                continue
            out.append((sent, tok))
    return out


_MONTHS = frozenset("january february march april may june july august september october november december".split())


def governor(tok: Token) -> tuple[Optional[Token], list[str]]:
    """The verb a noun phrase hangs from and the path to it ("concern over X": pobj, prep 'over', dobj of
    'raise'), through the first conjunct of a coordination."""
    path = []
    cur = tok
    for _ in range(6):
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        if cur.head.i == cur.i:
            return None, path
        path.append(cur.dep_ if cur.dep_ != "pobj" else f"pobj:{cur.head.lower_}")
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur, path
    return None, path


def doc_features(doc: Doc, index: EntityIndex) -> list[str]:
    """What the release as a whole says: whether its title and lead talk of concerns, and which kinds of
    bodies it names."""
    feats = []
    head = text_of(doc)[: body_start(doc) + 400].lower()
    for w in ("concern", "stc", "barrier", "wto", "committee", "raise", "request", "urge"):
        if w in head:
            feats.append(f"lead:{w}")
    if any(m.label in BODIES and ("committee" in m.entity.name.lower() or "wto" in m.entity.name.lower()) for m in index.mentions):
        feats.append("doc:forum")
    return feats


def features(doc: Doc, index: EntityIndex, cues: Cues, sent: Span, tok: Token, owner: Optional[str], doc_feats: Sequence[str]) -> list[str]:
    """The string features of one candidate head (see the module's docstring)."""
    sets = _cue_sets(cues)
    lemma = tok.lemma_.lower()
    f = [f"l:{lemma}", f"d:{tok.dep_}", f"t:{tok.tag_}"]
    if lemma in sets["measure"] or tok.lower_ in sets["measure"]:
        f.append("mword")
    ref = index.at(tok)
    if ref is not None:
        f.append(f"ent:{ref.label}")
    if owner is None:
        f.append("own:none")
    else:
        f.append("own:home" if owner == home_country(index) else "own:other")
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.i < tok.i:
            f.append(f"m:{c.lemma_.lower()}")
        if c.dep_ == "prep":
            f.append(f"pp:{c.lower_}")
        if c.dep_ in ("acl", "relcl"):
            f.append(f"cl:{c.lemma_.lower()}")
        if c.dep_ == "det":
            f.append(f"det:{c.lower_}")
    verb, path = governor(tok)
    f.append("path:" + ">".join(path[:3]))
    if path and path[0].startswith("pobj:"):
        f.append(f"p:{path[0][5:]}")
        prep = tok.head if tok.dep_ == "pobj" else None
        if prep is not None and prep.head.pos_ in ("NOUN", "PROPN"):
            f.append(f"pn:{prep.head.lemma_.lower()}")  # "concern over", "exemption from"
            if prep.head.lemma_.lower() in sets["concern"]:
                f.append("pnc:concern")
            f.append(f"pnp:{prep.head.lemma_.lower()}_{prep.lower_}")
    if verb is not None:
        vl = verb.lemma_.lower()
        f.extend(_verb_features(index, sets, verb))
        dobj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i and not c.left_edge.i <= tok.i <= c.right_edge.i), None)
        if dobj is not None:
            # "took aim at", "took issue with", "drew criticism over": the verb's own object tells what it does
            f.append(f"vo:{vl}_{dobj.lemma_.lower()}")
            if dobj.lemma_.lower() in sets["concern"] or dobj.lemma_.lower() in ("aim", "exception"):
                f.append("vo:concern")
        f.append(f"vp:{vl}_{path[0] if path else ''}")
    else:
        f.append("v:none")
    prev = [t for t in doc[max(sent.start, tok.left_edge.i - 3):tok.left_edge.i] if not t.is_space]
    for k, t in enumerate(reversed(prev[-2:]), start=1):
        f.append(f"b{k}:{t.lower_}")
    nxt = [t for t in doc[tok.i + 1:min(sent.end, tok.i + 3)] if not t.is_space]
    if nxt:
        f.append(f"a1:{nxt[0].lower_}")
    if tok.i - sent.start < 4:
        f.append("pos:start")
    f.extend(sentence_features(index, cues, sent))
    f.extend(doc_feats)
    return f


def _verb_classes(cues: Cues) -> list[tuple[str, frozenset]]:
    """The verb lists of the cue file the model reads as classes, so that an unseen verb of a known kind
    ("denounced", "took aim at") weighs like the ones it was trained on."""
    return [(name, frozenset(cues.words(name))) for name in
            ("trigger_verb", "ask_verb", "request_verb", "broad_verb", "broad_ask_verb", "relief_verb", "concede_verb", "criticise_verb")]


def _cue_sets(cues: Cues) -> dict:
    """The word sets the features test, built once per cue set."""
    sets = cues.__dict__.get("_model_sets")
    if sets is None:
        sets = {"measure": cues.words("measure_noun") | cues.words("measure_head"),
                "concern": cues.words("concern_noun") | cues.words("criticism_noun"),
                "classes": _verb_classes(cues)}
        cues.__dict__["_model_sets"] = sets
    return sets


def _verb_features(index: EntityIndex, sets: dict, verb: Token) -> list[str]:
    """What a governing verb gives every phrase under it: its lemma and classes, its particle, the verb
    it depends on, and who its subject is (kept on the index per verb)."""
    cache = index.__dict__.setdefault("_verb_features", {})
    if verb.i in cache:
        return cache[verb.i]
    classes = sets["classes"]
    vl = verb.lemma_.lower()
    f = [f"v:{vl}"]
    f.extend(f"vc:{c}" for c, words in classes if vl in words)
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if prt:
        f.append(f"vprt:{vl}_{prt}")
    if verb.dep_ in ("xcomp", "advcl", "ccomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        hl = verb.head.lemma_.lower()
        f.append(f"v2:{hl}")
        f.extend(f"v2c:{c}" for c, words in classes if hl in words)
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("xcomp", "advcl", "conj") and not subj:
        subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if subj:
        sref = next((r for r in (index.at(t) for t in subj[0].subtree) if r is not None), None)
        if sref is None:
            f.append(f"s:{subj[0].lower_}" if subj[0].pos_ == "PRON" else f"s:{subj[0].lemma_.lower()}")
        else:
            f.append(f"s:{sref.label}")
            scode = sref.entity.attributes.get("code") or sref.entity.attributes.get("country") or (
                body_country(index, sref.id) if sref.label in BODIES else None)
            home = home_country(index)
            hcode = index.entities[home].attributes.get("code") if home in index.entities else None
            if scode and hcode:
                f.append("s:home" if scode == hcode else "s:foreign")
    else:
        f.append("s:none")
    if any(c.lower_ in ("not", "n't", "never") for c in verb.children):
        f.append("neg")
    cache[verb.i] = f
    return f


def sentence_features(index: EntityIndex, cues: Cues, sent: Span) -> list[str]:
    """The features a sentence gives all its candidates: its content words, whether it has a concern
    word, an asking verb, a verb of each class, a country, and whether it is a bullet line (computed once
    per sentence and kept on the index)."""
    cache = index.__dict__.setdefault("_sentence_features", {})
    key = (sent.start, sent.end)
    if key in cache:
        return cache[key]
    f = []
    words = {t.lemma_.lower() for t in sent if t.pos_ in _CONTENT and not t.is_stop and t.is_alpha}
    f.extend(f"w:{w}" for w in words)
    if words & _CONCERN_WORDS:
        f.append("sent:concernword")
    if words & _cue_sets(cues)["concern"]:
        f.append("sent:concernnoun")
    sent_verbs = {t.lemma_.lower() for t in sent if t.pos_ == "VERB"}
    if sent_verbs & cues.words("ask_verb"):
        f.append("sent:ask")
    f.extend(f"svc:{c}" for c, ws in _cue_sets(cues)["classes"] if sent_verbs & ws)
    if any(m.label == "COUNTRY" for m in index.in_tokens(list(sent))):
        f.append("sent:country")
    first = next((t for t in sent if not t.is_space), None)
    if first is not None and not first.text[:1].isalnum():
        f.append("sent:bullet")
    cache[key] = f
    return f


def gold_measures(gold: dict) -> list[tuple[int, int]]:
    """The character ranges of the gold concern measures of a compiled corpus document: spans, and every
    mention of a measure entity."""
    ents = {e["id"]: e for e in gold.get("entities", [])}
    out = []
    for ev in gold.get("events", []):
        if ev["type"] != "TRADE_CONCERN":
            continue
        for a in ev["arguments"]:
            if a["role"] != "measure":
                continue
            if a.get("entity"):
                out.extend((m["start"], m["end"]) for m in ents.get(a["entity"], {}).get("mentions", []))
            else:
                out.append((a["start"], a["end"]))
    return out


def examples(doc: Doc, index: EntityIndex, cues: Cues, owner_of: Callable[[Token], Optional[str]], gold: Optional[dict] = None):
    """(features, label, (sentence, head)) for every candidate of a document; the label is 1 when the
    head lies in a gold measure (None without gold)."""
    ranges = gold_measures(gold) if gold is not None else []
    dfeats = doc_features(doc, index)
    out = []
    for sent, tok in candidates(doc, index, cues):
        feats = features(doc, index, cues, sent, tok, owner_of(tok), dfeats)
        # the head of a gold measure: inside it, its syntactic head outside ("orders" of "quality control
        # orders on steel products", not "products")
        label = None if gold is None else int(any(s <= tok.idx < e and not (s <= tok.head.idx < e and tok.head.i != tok.i) for s, e in ranges))
        out.append((feats, label, (sent, tok)))
    return out


# --------------------------------------------------------------------------- training (numpy)


def train(rows: list[list[str]], labels: list[int], *, l2: float = 1.0, epochs: int = 300, lr: float = 0.5,
          min_count: int = 2, threshold: float = 0.5) -> ConcernModel:
    """A logistic model fitted by full-batch gradient descent with L2 (the bias unpenalised); features
    seen fewer than `min_count` times are dropped."""
    import numpy as np

    counts: dict[str, int] = {}
    for r in rows:
        for f in set(r):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    n, d = len(rows), len(vocab)
    ri, ci = [], []
    for i, r in enumerate(rows):
        for f in set(r):
            j = vocab.get(f)
            if j is not None:
                ri.append(i)
                ci.append(j)
    ri_a, ci_a = np.array(ri, dtype=np.int64), np.array(ci, dtype=np.int64)
    y = np.array(labels, dtype=np.float64)
    w = np.zeros(d)
    b = math.log((y.mean() + 1e-6) / (1 - y.mean() + 1e-6))
    # Adam on the mean log loss; the data are small enough for full batches
    m_w = np.zeros(d)
    v_w = np.zeros(d)
    m_b = v_b = 0.0
    for step in range(1, epochs + 1):
        z = np.bincount(ri_a, weights=w[ci_a], minlength=n) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = p - y
        gw = np.bincount(ci_a, weights=g[ri_a], minlength=d) / n + l2 * w / n
        gb = g.mean()
        m_w = 0.9 * m_w + 0.1 * gw
        v_w = 0.999 * v_w + 0.001 * gw * gw
        m_b = 0.9 * m_b + 0.1 * gb
        v_b = 0.999 * v_b + 0.001 * gb * gb
        c1, c2 = 1 - 0.9 ** step, 1 - 0.999 ** step
        w -= lr * 0.1 * (m_w / c1) / (np.sqrt(v_w / c2) + 1e-8)
        b -= lr * 0.1 * (m_b / c1) / (math.sqrt(v_b / c2) + 1e-8)
    inv = {i: f for f, i in vocab.items()}
    return ConcernModel(weights={inv[i]: float(x) for i, x in enumerate(w)}, bias=float(b), threshold=threshold,
                        meta={"examples": n, "positives": int(y.sum()), "features": d, "l2": l2, "epochs": epochs})


# --------------------------------------------------------------------------- the corpus


HELD_OUT = ("test", "challenge-dev", "challenge-test")  # the challenge set is never trained on (corpus/README.md)


def corpus_examples(nlp, golds: Iterable[dict], progress: bool = False) -> tuple[list[list[str]], list[int], list[str]]:
    """Features, labels and document ids of the candidates of compiled gold documents, over their gold
    entities and `nlp`'s parse (a pipeline up to the lemmatizer)."""
    from ...document import gold_to_doc
    from .concern import ConcernEvents

    reader = ConcernEvents(nlp, "concern_events", learned=False)
    reader.initialize()
    cues = reader.cues
    rows, labels, ids = [], [], []
    golds = list(golds)
    if progress:
        from tqdm import tqdm

        golds = tqdm(golds, desc="documents", unit="doc")
    for gold in golds:
        doc = gold_to_doc(nlp, gold, parse=True)
        index = EntityIndex(doc)
        for feats, label, _ in examples(doc, index, cues, lambda t: reader._owner(index, cues, t), gold):
            rows.append(feats)
            labels.append(label)
            ids.append(gold["id"])
    return rows, labels, ids


def cross_validate(rows: list[list[str]], labels: list[int], ids: list[str], folds: int = 5, thresholds=(0.3, 0.4, 0.5, 0.6, 0.7), **kw) -> list[dict]:
    """Candidate-level precision and recall per threshold, each document scored by a model trained
    without its fold (folds by a hash of the document id)."""
    import zlib

    fold = [zlib.crc32(i.encode()) % folds for i in ids]
    probs = [0.0] * len(rows)
    for k in range(folds):
        train_idx = [i for i, f in enumerate(fold) if f != k]
        model = train([rows[i] for i in train_idx], [labels[i] for i in train_idx], **kw)
        for i, f in enumerate(fold):
            if f == k:
                probs[i] = model.prob(rows[i])
    out = []
    gold = sum(labels)
    for th in thresholds:
        pred = sum(1 for p in probs if p >= th)
        tp = sum(1 for p, y in zip(probs, labels) if p >= th and y)
        p, r = tp / max(pred, 1), tp / max(gold, 1)
        out.append({"threshold": th, "p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / max(p + r, 1e-9), 4), "tp": tp, "pred": pred, "gold": gold})
    return out
