"""`trade_gazetteer`: known names matched as phrases into `doc.spans["gazetteer"]`; user files
extend it without retraining, and a saved pipeline carries its names."""

from __future__ import annotations

import json
import shutil

import pytest
import spacy

from extractor import Extractor
from extractor.errors import ModelLoadError
from extractor.pipeline.gazetteer import read_patterns

# A real FTA (in force since 2019) and a Korean public institute the shipped files do not know.
USER_PATTERNS = [
    {"label": "AGREEMENT", "pattern": "Korea–Central America FTA", "id": "kor-cam-fta"},
    {"label": "MINISTRY", "pattern": "KEITI", "id": "kor-keiti"},
]
USER_TEXT = "The Korea–Central America FTA entered into force, and KEITI will support exporters."


def gaz_spans(doc, key="gazetteer"):
    return sorted((s.text, s.label_, s.start_char, s.end_char, s.id_) for s in doc.spans[key])


@pytest.fixture
def user_file(tmp_path):
    path = tmp_path / "user_gazetteer.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in USER_PATTERNS), encoding="utf-8")
    return path


def test_gazetteer_finds_known_names(nlp):
    nlp.add_pipe("trade_gazetteer", config={"spans_key": "gazetteer"})
    nlp.initialize()
    doc = nlp("MOTIR Discusses Corporate Support Measures with Vietnam’s Ministry of Finance")
    assert gaz_spans(doc) == [
        ("MOTIR", "MINISTRY", 0, 5, "kor-motir"),
        ("Ministry of Finance", "MINISTRY", 58, 77, "vnm-mof"),
        ("Vietnam", "COUNTRY", 48, 55, "VNM"),
    ]


def test_gazetteer_keeps_overlapping_names(nlp):
    # the mention merger decides between them; the gazetteer reports all
    nlp.add_pipe("trade_gazetteer")
    nlp.initialize()
    doc = nlp("The two sides reviewed the implementation of the Korea–EU FTA.")
    assert gaz_spans(doc) == [
        ("EU", "COUNTRY", 55, 57, "EU"),
        ("Korea", "COUNTRY", 49, 54, "KOR"),
        ("Korea–EU FTA", "AGREEMENT", 49, 61, "kor-eu-fta"),
    ]


def test_gazetteer_names_with_one_id_share_it(nlp):
    nlp.add_pipe("trade_gazetteer")
    nlp.initialize()
    doc = nlp("The Korean Agency for Technology and Standards (KATS) met the Office of the U.S. Trade Representative.")
    found = {(s.text, s.id_) for s in doc.spans["gazetteer"]}
    assert ("Korean Agency for Technology and Standards", "kor-kats") in found
    assert ("KATS", "kor-kats") in found


def test_gazetteer_is_case_sensitive(nlp):
    nlp.add_pipe("trade_gazetteer")
    nlp.initialize()
    assert list(nlp("korea and vietnam").spans["gazetteer"]) == []


def test_extra_paths_add_names_without_retraining(nlp, user_file):
    nlp.add_pipe("trade_gazetteer", config={"extra_paths": [str(user_file)]})
    nlp.initialize()
    doc = nlp(USER_TEXT)
    assert ("Korea–Central America FTA", "AGREEMENT", 4, 29, "kor-cam-fta") in gaz_spans(doc)
    assert ("KEITI", "MINISTRY", 54, 59, "kor-keiti") in gaz_spans(doc)


def test_add_patterns_keeps_the_shipped_names(nlp):
    gaz = nlp.add_pipe("trade_gazetteer")
    nlp.initialize()
    n = len(gaz.patterns)
    gaz.add_patterns([USER_PATTERNS[1]])
    assert len(gaz.patterns) == n + 1
    doc = nlp("KEITI and KOTRA signed an MOU.")
    assert gaz_spans(doc) == [("KEITI", "MINISTRY", 0, 5, "kor-keiti"), ("KOTRA", "MINISTRY", 10, 15, "kor-kotra")]


def test_user_gazetteer_flows_to_entities(make_entity_nlp, user_file):
    """A longer user name wins over the shipped country names inside it."""
    nlp = make_entity_nlp(extra_paths=[str(user_file)])
    doc = nlp(USER_TEXT)
    assert [(s.text, s.label_, s.start_char, s.end_char) for s in doc.spans["mentions"]] == [
        ("Korea–Central America FTA", "AGREEMENT", 4, 29),
        ("KEITI", "MINISTRY", 54, 59),
    ]


def test_extractor_add_gazetteer(extractor, user_file):
    gaz = extractor.nlp.get_pipe("trade_gazetteer")
    shipped = list(gaz.patterns)
    try:
        extractor.add_gazetteer(user_file)
        doc = extractor.annotate(USER_TEXT, id="user-1").to_json_dict()
    finally:
        gaz.set_patterns(shipped)
    assert [(e["label"], e["name"], [(m["text"], m["start"], m["end"]) for m in e["mentions"]]) for e in doc["entities"]] == [
        ("AGREEMENT", "Korea–Central America FTA", [("Korea–Central America FTA", 4, 29)]),
        ("MINISTRY", "KEITI", [("KEITI", 54, 59)]),
    ]


def test_extractor_add_gazetteer_needs_a_gazetteer(nlp, user_file):
    with pytest.raises(ModelLoadError, match="this pipeline has no gazetteer component to extend"):
        Extractor(nlp).add_gazetteer(user_file)


def test_read_patterns_defaults_the_id_and_skips_blank_lines(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"label": "ORG", "pattern": "KITA"}\n\n{"label": "COUNTRY", "pattern": "Viet Nam", "id": "VNM"}\n', encoding="utf-8")
    assert read_patterns([path]) == [
        {"label": "ORG", "pattern": "KITA", "id": "KITA"},
        {"label": "COUNTRY", "pattern": "Viet Nam", "id": "VNM"},
    ]


@pytest.mark.parametrize(
    "content,message",
    [
        ('{"label": "ORG", "pattern": "KITA"}\n{"label": "ORG", "pattern": \n', r"g\.jsonl:2: not valid JSON"),
        ('{"pattern": "KITA"}\n', r"g\.jsonl:1: a gazetteer line needs `label` and `pattern`"),
        ('["ORG", "KITA"]\n', r"g\.jsonl:1: a gazetteer line needs `label` and `pattern`"),
    ],
)
def test_read_patterns_errors_name_file_and_line(tmp_path, content, message):
    path = tmp_path / "g.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelLoadError, match=message):
        read_patterns([path])


def test_read_patterns_missing_file(tmp_path):
    with pytest.raises(ModelLoadError, match=r"gazetteer file .*missing\.jsonl does not exist"):
        read_patterns([tmp_path / "missing.jsonl"])


def test_missing_extra_path_fails_at_initialize(nlp, tmp_path):
    nlp.add_pipe("trade_gazetteer", config={"extra_paths": [str(tmp_path / "missing.jsonl")]})
    with pytest.raises(ModelLoadError, match="does not exist"):
        nlp.initialize()


def test_gazetteer_save_and_reload(nlp, user_file, tmp_path):
    """The user's names are saved with the pipeline: the reloaded one finds them after the file is gone."""
    gaz = nlp.add_pipe("trade_gazetteer", config={"extra_paths": [str(user_file)]})
    nlp.initialize()
    expected = gaz_spans(nlp(USER_TEXT))
    nlp.to_disk(tmp_path / "pipeline")
    shutil.move(str(user_file), str(tmp_path / "moved.jsonl"))
    nlp2 = spacy.load(tmp_path / "pipeline")
    assert nlp2.pipe_names == ["trade_gazetteer"]
    assert nlp2.get_pipe("trade_gazetteer").patterns == gaz.patterns
    assert gaz_spans(nlp2(USER_TEXT)) == expected
    assert ("KEITI", "MINISTRY", 54, 59, "kor-keiti") in expected
