"""Annotation formats: every format's round trip on real corpus documents keeps spans exactly, and
what a format cannot hold is reported."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from extractor.corpus import CORPUS_DIR, compile_source, load_corpus
from extractor.errors import InputError
from extractor.formats import FORMATS, export_corpus, import_corpus
from extractor.formats.cli import register


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    """Annotated corpus documents (compiled from the sources when the built JSONL has fewer than 4)."""
    found = [d for d in load_corpus() if any(e.get("mentions") for e in d.get("entities", []))]
    if len(found) < 4:
        found = [compile_source(json.loads(p.read_text(encoding="utf-8"))) for p in sorted((CORPUS_DIR / "src").glob("*.json"))]
        found = [d for d in found if any(e.get("mentions") for e in d.get("entities", []))]
    if len(found) < 4:
        pytest.skip("the corpus has fewer than 4 annotated documents")
    found.sort(key=lambda d: len(d["text"]))
    return found[:6]


def spans(doc: dict) -> list[tuple[int, int, str, str]]:
    return sorted((m["start"], m["end"], e["label"], m["text"]) for e in doc["entities"] for m in e["mentions"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_keeps_texts_ids_and_spans_exactly(fmt, docs, tmp_path):
    out = tmp_path / f"corpus.{fmt}"
    export_corpus(docs, fmt, out)
    back, warnings = import_corpus(out, fmt, reference=docs if fmt == "conll" else None)
    assert [d["id"] for d in back] == [d["id"] for d in docs]
    for orig, new in zip(docs, back):
        assert new["text"] == orig["text"]
        assert spans(new) == spans(orig)
    assert not [w for w in warnings if "left out" in w]


def test_spacy_docbin_keeps_everything(docs, tmp_path):
    warnings = export_corpus(docs, "spacy", tmp_path / "c.spacy")
    assert warnings == []
    back, _ = import_corpus(tmp_path / "c.spacy", "spacy")
    assert back == docs


def test_docbin_is_what_spacy_train_reads(docs, tmp_path):
    import spacy
    from spacy.tokens import DocBin

    export_corpus(docs, "spacy", tmp_path / "c.spacy")
    [doc, *_] = DocBin().from_disk(tmp_path / "c.spacy").get_docs(spacy.blank("en").vocab)
    gold = [(s, e, lab) for s, e, lab, _ in spans(docs[0])]
    assert sorted((e.start_char, e.end_char, e.label_) for e in doc.ents) == gold


@pytest.mark.parametrize("fmt", ["prodigy", "doccano", "labelstudio"])
def test_what_span_formats_cannot_hold_is_reported(fmt, docs, tmp_path):
    warnings = export_corpus(docs, fmt, tmp_path / "out")
    n_events = sum(len(d["events"]) for d in docs)
    n_attrs = sum(1 for d in docs for e in d["entities"] if e.get("attributes"))
    assert f"{fmt}: does not hold {n_events} events" in warnings
    assert f"{fmt}: does not hold the attributes of {n_attrs} entities (codes, values, titles, affiliations)" in warnings
    assert any("grouping" in w for w in warnings)
    back, _ = import_corpus(tmp_path / "out", fmt)
    assert all(d["events"] == [] and all(e["attributes"] == {} for e in d["entities"]) for d in back)


def test_conll_without_reference_rebuilds_the_text_and_says_so(docs, tmp_path):
    warnings = export_corpus(docs, "conll", tmp_path / "c.conll")
    assert any("document fields" in w for w in warnings) and any("whitespace" in w for w in warnings)
    text = (tmp_path / "c.conll").read_text()
    assert text.startswith("-DOCSTART- -X- -X- O\n\n") and " _ _ B-" in text
    back, notes = import_corpus(tmp_path / "c.conll", "conll")
    assert any("rebuilt from tokens" in n for n in notes)
    for orig, new in zip(docs, back):
        # the same mentions in the same order; only the whitespace inside them may differ
        assert [(lab, t.replace(" ", "")) for *_, lab, t in spans(new)] == [(lab, t.replace(" ", "")) for *_, lab, t in spans(orig)]
        for ent in new["entities"]:
            for m in ent["mentions"]:
                assert new["text"][m["start"]:m["end"]] == m["text"]


def test_conll_reads_iob1_and_bioes_tags(tmp_path):
    path = tmp_path / "in.conll"
    path.write_text("Kim NNP I-OFFICIAL\nmet VBD O\nthe DT O\nU.S. NNP S-COUNTRY\nTrade NNP B-MINISTRY\n"
                    "Office NNP E-MINISTRY\n\n", encoding="utf-8")
    [doc], warnings = import_corpus(path, "conll")
    assert any("no -DOCSTART-" in w for w in warnings)
    assert doc["text"] == "Kim met the U.S. Trade Office"
    assert [(m["text"], e["label"]) for e in doc["entities"] for m in e["mentions"]] == [
        ("Kim", "OFFICIAL"), ("U.S.", "COUNTRY"), ("Trade Office", "MINISTRY")]


def test_tool_native_shapes_are_read(tmp_path):
    doccano = tmp_path / "d.jsonl"
    doccano.write_text(json.dumps({"id": 7, "text": "MOTIR met KATS.", "entities": [
        {"id": 1, "label": "MINISTRY", "start_offset": 0, "end_offset": 5},
        {"id": 2, "label": "MINISTRY", "start_offset": 10, "end_offset": 14}], "relations": []}) + "\n")
    [d], _ = import_corpus(doccano, "doccano")
    assert d["id"] == "doc-1" and [m["text"] for e in d["entities"] for m in e["mentions"]] == ["MOTIR", "KATS"]

    prodigy = tmp_path / "p.jsonl"
    prodigy.write_text("\n".join(json.dumps(t) for t in [
        {"text": "Korea and Korea", "spans": [{"start": 0, "end": 5, "label": "COUNTRY"}, {"start": 10, "end": 15, "label": "COUNTRY"}],
         "meta": {"id": "p1"}, "answer": "accept"},
        {"text": "rejected", "spans": [], "answer": "reject"}]) + "\n")
    docs, warnings = import_corpus(prodigy, "prodigy")
    assert len(docs) == 1 and any("1 rejected or ignored" in w for w in warnings)
    assert [len(e["mentions"]) for e in docs[0]["entities"]] == [2]  # same label and text: one entity

    # Label Studio counts UTF-16 units: an emoji before the span shifts its offsets by one
    ls = tmp_path / "ls.json"
    text = "🇰🇷 Korea signed"
    ls.write_text(json.dumps([{"id": 3, "data": {"text": text}, "annotations": [{"was_cancelled": False, "result": [
        {"id": "a", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 5, "end": 10, "text": "Korea", "labels": ["COUNTRY"]}},
        {"id": "r", "type": "relation", "from_id": "a", "to_id": "a"}]}]}]))
    [d], warnings = import_corpus(ls, "labelstudio")
    m = d["entities"][0]["mentions"][0]
    assert (m["start"], m["end"], m["text"]) == (3, 8, "Korea") and text[3:8] == "Korea"
    assert any("not span labels" in w for w in warnings)


def test_labelstudio_export_counts_utf16(tmp_path):
    doc = {"id": "x", "text": "🇰🇷 Korea", "entities": [
        {"id": "E1", "label": "COUNTRY", "name": "Korea", "attributes": {}, "mentions": [{"start": 3, "end": 8, "text": "Korea"}]}],
        "events": []}
    export_corpus([doc], "labelstudio", tmp_path / "ls.json")
    value = json.loads((tmp_path / "ls.json").read_text())[0]["annotations"][0]["result"][0]["value"]
    assert (value["start"], value["end"]) == (5, 10)
    [back], _ = import_corpus(tmp_path / "ls.json", "labelstudio")
    assert back["entities"][0]["mentions"] == doc["entities"][0]["mentions"]


def test_bad_mentions_and_formats_are_reported(tmp_path):
    doc = {"id": "bad", "text": "Korea", "entities": [
        {"id": "E1", "label": "COUNTRY", "name": "Korea", "attributes": {}, "mentions": [{"start": 0, "end": 4, "text": "Korea"}]}],
        "events": []}
    warnings = export_corpus([doc], "prodigy", tmp_path / "p.jsonl")
    assert any(w.startswith("bad: mention") and "left out" in w for w in warnings)
    with pytest.raises(InputError, match="unknown format"):
        export_corpus([doc], "brat", tmp_path / "x")
    (tmp_path / "broken.json").write_text("{")
    with pytest.raises(InputError, match="not a valid labelstudio file"):
        import_corpus(tmp_path / "broken.json", "labelstudio")


def test_cli_commands_export_and_import(docs, tmp_path):
    app = typer.Typer()
    corpus_app = typer.Typer()
    app.add_typer(corpus_app, name="corpus")
    register(corpus_app)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["corpus", "export", str(tmp_path / "c.conll"), "--format", "conll", "--input", str(gold)])
    assert res.exit_code == 0, res.output
    assert "does not hold" in res.output and f"{len(docs)} documents as conll" in res.output
    res = runner.invoke(app, ["corpus", "import", str(tmp_path / "c.conll"), "--format", "conll", "--output",
                              str(tmp_path / "back.jsonl"), "--reference", str(gold), "--split", "train"])
    assert res.exit_code == 0, res.output
    back = [json.loads(line) for line in (tmp_path / "back.jsonl").read_text().splitlines()]
    assert [spans(d) for d in back] == [spans(d) for d in docs] and {d["split"] for d in back} == {"train"}
    res = runner.invoke(app, ["corpus", "export", str(tmp_path / "x"), "--format", "brat"])
    assert res.exit_code != 0
