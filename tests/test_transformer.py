"""The transformer NER backend: span ↔ tag alignment, windows, training, and the pipeline.

The tag and window tests are pure Python. The rest build a tiny randomly initialised BERT in a
temp folder (no download) and skip with a reason where torch / transformers are not installed.
"""

from __future__ import annotations

import json
import os

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"

from extractor.corpus import CORPUS_DIR, compile_source, load_corpus  # noqa: E402
from extractor.transformer.spans import (  # noqa: E402
    CharSpan,
    best_window,
    spans_to_tags,
    tag_names,
    tags_to_spans,
    window_starts,
    word_level_tags,
)

TEXT = "Minister Kim Jung-kwan met EU officials in Seoul."
# whitespace-and-punctuation tokens of TEXT, with "Jung-kwan" as three tokens
OFFSETS = [(0, 8), (9, 12), (13, 17), (17, 18), (18, 22), (23, 26), (27, 29), (30, 39), (40, 42), (43, 48), (48, 49)]


def _annotated_corpus_docs(n: int) -> list[dict]:
    """`n` annotated documents of the project corpus (compiled from its sources when the built
    JSONL has fewer)."""
    docs = [d for d in load_corpus() if any(e.get("mentions") for e in d.get("entities", []))]
    if len(docs) < n:
        docs = [compile_source(json.loads(p.read_text(encoding="utf-8"))) for p in sorted((CORPUS_DIR / "src").glob("*.json"))]
        docs = [d for d in docs if any(e.get("mentions") for e in d.get("entities", []))]
    docs.sort(key=lambda d: len(d["text"]))
    if len(docs) < n:
        pytest.skip(f"the corpus has fewer than {n} annotated documents")
    return docs[:n]


# ---------------------------------------------------------------------------- tags and windows


@pytest.mark.parametrize("scheme", ["BIO", "BILUO"])
def test_spans_round_trip_through_tags(scheme):
    spans = [CharSpan(9, 22, "OFFICIAL"), CharSpan(27, 29, "COUNTRY")]
    tags, problems = spans_to_tags(OFFSETS, spans, scheme=scheme, doc_id="d1", text=TEXT)
    assert problems == []
    if scheme == "BIO":
        assert tags[1:7] == ["B-OFFICIAL", "I-OFFICIAL", "I-OFFICIAL", "I-OFFICIAL", "O", "B-COUNTRY"]
    else:
        assert tags[1:7] == ["B-OFFICIAL", "I-OFFICIAL", "I-OFFICIAL", "L-OFFICIAL", "O", "U-COUNTRY"]
    back = tags_to_spans(OFFSETS, tags)
    assert back == spans
    assert [(TEXT[s.start:s.end], s.label) for s in back] == [("Kim Jung-kwan", "OFFICIAL"), ("EU", "COUNTRY")]


def test_span_off_token_boundaries_is_reported_not_dropped():
    spans = [CharSpan(10, 22, "OFFICIAL"), CharSpan(30, 35, "ORG")]  # "im Jung-kwan", "offic"
    tags, problems = spans_to_tags(OFFSETS, spans, doc_id="motir-x", text=TEXT)
    assert len(problems) == 2
    assert all(p.startswith("motir-x:") and "does not fall on token boundaries" in p for p in problems)
    assert tags[1] == "B-OFFICIAL" and tags[7] == "B-ORG"  # labelled on the tokens it overlaps


def test_special_tokens_and_lenient_decoding():
    offsets = [(0, 0)] + OFFSETS + [(0, 0)]
    tags = ["B-ORG"] + ["O"] * len(OFFSETS) + ["I-ORG"]
    assert tags_to_spans(offsets, tags) == []  # special tokens never make spans
    tags = ["O", "O", "I-OFFICIAL", "I-OFFICIAL", "B-OFFICIAL"] + ["O"] * (len(OFFSETS) - 3)
    assert tags_to_spans(offsets, tags) == [CharSpan(9, 17, "OFFICIAL"), CharSpan(17, 18, "OFFICIAL")]
    assert tag_names(["ORG"], "BILUO") == ["O", "B-ORG", "I-ORG", "L-ORG", "U-ORG"]


def test_a_word_follows_its_first_sub_word():
    # "MOTIR" as mo ##ti ##r, then "met": disagreeing sub-words are made one mention or none
    words = [None, 0, 0, 0, 1, None]
    assert word_level_tags(["O", "B-MINISTRY", "O", "B-ORG", "O", "O"], words) == \
        ["O", "B-MINISTRY", "I-MINISTRY", "I-MINISTRY", "O", "O"]
    assert word_level_tags(["O", "O", "B-ORG", "I-ORG", "O", "O"], words) == ["O"] * 6
    assert word_level_tags(["O", "U-ORG", "O", "O", "O", "O"], words) == ["O", "B-ORG", "I-ORG", "L-ORG", "O", "O"]


@pytest.mark.parametrize("n", [1, 10, 11, 37, 100])
def test_windows_cover_every_token_and_pick_the_most_central(n):
    size, overlap = 10, 3
    starts = window_starts(n, size, overlap)
    assert starts[0] == 0 and min(starts[-1] + size, n) == n
    assert all(b - a <= size - overlap for a, b in zip(starts, starts[1:]))
    best = best_window(n, size, starts)
    for i, w in enumerate(best):
        a, b = starts[w], min(starts[w] + size, n)
        assert a <= i < b
        to_cut = min(i - a if a > 0 else n, b - 1 - i if b < n else n)
        assert to_cut >= overlap // 2, f"token {i} read {to_cut} tokens from the cut edge of window {w}"


# ---------------------------------------------------------------------------- with torch


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    """A randomly initialised 2-layer BERT with a WordPiece vocab of the test texts, in a folder."""
    pytest.importorskip("torch", reason="the transformer backend needs torch (pip install '.[transformers]')")
    transformers = pytest.importorskip("transformers", reason="the transformer backend needs transformers")
    import re

    docs = _annotated_corpus_docs(3)
    folder = tmp_path_factory.mktemp("tiny_bert")
    texts = [d["text"] for d in docs] + ["Koreans Korea filler word"]
    words = sorted({w.lower() for t in texts for w in re.findall(r"\w+|[^\w\s]", t)})
    chars = sorted({c.lower() for t in texts for c in t if not c.isspace()})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + chars + [f"##{c}" for c in chars if c.isalnum()]
    vocab += [w for w in words if w not in set(vocab)][:400]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizerFast.from_pretrained(str(folder), do_lower_case=True)
    config = transformers.BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                                     intermediate_size=64, max_position_embeddings=64)
    transformers.set_seed(0)
    transformers.BertModel(config).save_pretrained(str(folder))
    tokenizer.save_pretrained(str(folder))
    return folder, docs


@pytest.fixture(scope="module")
def trained(tiny_bert, tmp_path_factory):
    """The tiny BERT fine-tuned for a few steps on three corpus documents, saved."""
    from extractor.transformer import train_transformer

    base, docs = tiny_bert
    corpus = tmp_path_factory.mktemp("corpus") / "gold.jsonl"
    with open(corpus, "w", encoding="utf-8") as fh:
        for i, d in enumerate(docs):
            fh.write(json.dumps({**d, "split": "train" if i < 2 else "dev"}, ensure_ascii=False) + "\n")
    out = tmp_path_factory.mktemp("model")
    scores = train_transformer(corpus, str(base), out, max_steps=4, seed=1, learning_rate=1e-3, progress=False)
    return out, scores, docs


def test_training_writes_model_tokenizer_label_map_and_card(trained):
    out, scores, docs = trained
    for name in ("config.json", "model.safetensors", "tokenizer.json", "label_map.json", "README.md", "extractor_ner.json"):
        assert (out / name).exists(), name
    labels = scores["labels"]
    assert labels and set(labels) <= {e["label"] for d in docs[:2] for e in d["entities"]}
    id2label = json.loads((out / "label_map.json").read_text())["id2label"]
    assert id2label["0"] == "O" and f"B-{labels[0]}" in id2label.values()
    card = (out / "README.md").read_text()
    assert "seed 1" in card and "--base" in card and "--max-steps 4" in card and "| micro |" in card
    assert "split `train`: 2 documents" in card
    assert scores["steps"] == 4 and scores["dev"]["documents"] == 1


def test_extractor_loads_the_model_into_the_default_pipeline(trained):
    from extractor.extract import Extractor
    from extractor.readers import Record

    out, _, docs = trained
    ex = Extractor.load(out)
    names = ex.nlp.pipe_names
    assert ex.nlp.get_pipe_meta("ner").factory == "transformer_ner"
    assert names.index("base_ner") < names.index("stash_ents") < names.index("ner") < names.index("trade_mentions")
    assert names.index("trade_mentions") < names.index("trade_entities")
    records = [Record(id=d["id"], text=d["text"], date=d.get("date")) for d in docs]
    results = list(ex.pipe(records))
    assert [r.id for r in results] == [d["id"] for d in docs]
    for doc, result in zip(docs, results):
        assert result.error is None
        body = result.model_dump() if hasattr(result, "model_dump") else result.dict()
        for ent in body["entities"]:
            for m in ent["mentions"]:
                assert doc["text"][m["start"]:m["end"]] == m["text"]
        assert body["entities"], "the rule stages still run with the transformer as NER"


class _KoreaTagger:
    """A stand-in token classifier: tags every sub-word 'korea' as B-COUNTRY, and records the
    input lengths it was given."""

    def __init__(self, korea_id: int, torch):
        from types import SimpleNamespace

        self.torch = torch
        self.korea_id = korea_id
        self.config = SimpleNamespace(id2label={0: "O", 1: "B-COUNTRY", 2: "I-COUNTRY"}, max_position_embeddings=16,
                                      model_type="bert")
        self.lengths: list[int] = []

    def __call__(self, input_ids, attention_mask):
        from types import SimpleNamespace

        self.lengths.extend(attention_mask.sum(-1).tolist())
        logits = self.torch.zeros(*input_ids.shape, 3)
        logits[..., 0] = 1.0
        logits[..., 1] = (input_ids == self.korea_id).float() * 2
        return SimpleNamespace(logits=logits)


def test_long_document_is_read_in_windows_and_the_last_entity_is_found(tiny_bert):
    import torch
    import transformers

    from extractor.transformer.model import TokenClassifier

    base, _ = tiny_bert
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(base), local_files_only=True)
    model = _KoreaTagger(tokenizer.convert_tokens_to_ids("korea"), torch)
    clf = TokenClassifier(model, tokenizer, max_length=16, window_overlap=4)
    text = "Korea " + "filler word " * 60 + "Korea " + "filler word " * 60 + "and finally Korea."
    n_tokens = len(tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"])
    assert n_tokens > 10 * 16, n_tokens
    [spans] = clf.predict([text], batch_size=4)
    found = [(s.start, s.end, s.label) for s in spans]
    last = text.rindex("Korea")
    assert found == [(0, 5, "COUNTRY"), (text.index("Korea", 1), text.index("Korea", 1) + 5, "COUNTRY"),
                     (last, last + 5, "COUNTRY")]
    assert max(model.lengths) <= 16 and len(model.lengths) > 10


def test_span_inside_a_word_piece_warns_with_the_document_id(tiny_bert):
    import transformers

    from extractor.transformer.data import SpanAlignmentWarning, to_dataset, window_dataset
    from extractor.transformer.model import TokenClassifier
    from extractor.transformer.spans import tag_names

    base, _ = tiny_bert
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(base), local_files_only=True)
    model = transformers.AutoModelForTokenClassification.from_pretrained(
        str(base), local_files_only=True, num_labels=3, id2label=dict(enumerate(tag_names(["COUNTRY"]))))
    clf = TokenClassifier(model, tokenizer)
    doc = {"id": "doc-koreans", "text": "Koreans met.", "entities": [
        {"id": "E1", "label": "COUNTRY", "name": "Korea", "mentions": [{"start": 0, "end": 5, "text": "Korea"}]}]}
    tag2id = {t: i for i, t in enumerate(tag_names(["COUNTRY"]))}
    with pytest.warns(SpanAlignmentWarning, match="doc-koreans: COUNTRY span 0-5 'Korea' does not fall on token"):
        windows, problems = window_dataset(to_dataset([doc], ["COUNTRY"]), clf, tag2id)
    assert len(problems) == 1 and windows[0]["labels"][1] == tag2id["B-COUNTRY"]


def test_component_saves_and_reloads_with_the_pipeline(trained, tmp_path):
    import spacy

    from extractor.transformer import component  # noqa: F401

    out, _, docs = trained
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("transformer_ner", config={"model_path": str(out)})
    ner.initialize()
    text = docs[0]["text"]
    before = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert [(e.start_char, e.end_char, e.label_) for e in again(text).ents] == before


def test_base_resolution_is_local_only(tiny_bert, tmp_path):
    from extractor.errors import ModelLoadError
    from extractor.transformer import resolve_base

    base, _ = tiny_bert
    assert resolve_base(str(base)) == base
    nested = tmp_path / "pkg"
    nested.mkdir()
    (nested / "model").symlink_to(base, target_is_directory=True)
    assert resolve_base(nested) == nested / "model"
    with pytest.raises(ModelLoadError, match="neither a local folder nor an installed package"):
        resolve_base("bert-base-cased")
    with pytest.raises(ModelLoadError, match="no model folder"):
        resolve_base("json")  # an installed package without a model
