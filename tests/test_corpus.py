"""The gold corpus: the validator passes on the project's files and reports exact problems (document
id and offset) on hand-broken documents; the corpus loads with our loader and with `datasets`;
`compile_source` turns an authoring document into exact offsets."""

from __future__ import annotations

import copy

import pytest

from extractor.corpus import CORPUS_DIR, CORPUS_FILES, compile_source, load_corpus, read_gold, validate_documents, validate_file
from extractor.errors import CorpusError
from extractor.labels import SPLITS

TEXT = "Korea’s ICT exports in October 2025 rose 12.2 percent year-on-year to USD 23.3 billion."

# An authoring document (ANNOTATING.md): mentions, triggers and span arguments written as text.
SRC = {
    "id": "t-1",
    "split": "train",
    "date": "2025-11-14",
    "text": TEXT,
    "entities": [
        {"id": "E1", "label": "COUNTRY", "name": "Korea", "attributes": {"code": "KOR"}, "mentions": ["Korea"]},
        {"id": "E2", "label": "PERCENT", "name": "12.2 percent", "attributes": {"value": 12.2, "unit": "percent"},
         "mentions": ["12.2 percent"]},
        {"id": "E3", "label": "MONEY", "name": "USD 23.3 billion",
         "attributes": {"currency": "USD", "value": 23300000000.0}, "mentions": ["USD 23.3 billion"]},
    ],
    "events": [
        {"id": "V1", "type": "FIGURE", "trigger": "rose", "attributes": {"direction": "increase"},
         "arguments": [
             {"role": "indicator", "text": "ICT exports"},
             {"role": "change", "entity": "E2"},
             {"role": "value", "entity": "E3"},
             {"role": "period", "text": "October 2025"},
             {"role": "partner", "entity": "E1"},
         ]},
    ],
}


@pytest.fixture
def gold() -> dict:
    return compile_source(copy.deepcopy(SRC))


def problems(doc: dict) -> list[str]:
    return [str(p) for p in validate_documents([doc])]


# --------------------------------------------------------------------------- the project's corpus


def test_releases_validate_with_zero_problems():
    assert [str(p) for p in validate_file(CORPUS_DIR / CORPUS_FILES["releases"])] == []


def test_challenge_set_validates_with_zero_problems():
    path = CORPUS_DIR / CORPUS_FILES["challenge"]
    if not path.exists():
        pytest.skip(f"{path} is not built yet (extractor corpus build)")
    assert [str(p) for p in validate_file(path)] == []


def test_load_corpus_splits():
    docs = load_corpus()
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids))
    assert {d["split"] for d in docs} <= set(SPLITS)
    # the fixed test split of corpus/README.md
    assert sorted(d["id"] for d in load_corpus("test")) == [
        "motir-000-03", "motir-000-06", "motir-001-03", "motir-001-04", "motir-001-09",
        "motir-002-03", "motir-002-05", "motir-003-04", "motir-003-10",
    ]
    for doc in docs:
        for ent in doc["entities"]:
            for m in ent["mentions"]:
                assert doc["text"][m["start"]:m["end"]] == m["text"]


def test_load_corpus_unknown_split():
    with pytest.raises(CorpusError, match="unknown split 'training': use one of train, dev, test, challenge-dev, challenge-test"):
        load_corpus("training")


def test_corpus_loads_with_datasets(tmp_path):
    datasets = pytest.importorskip("datasets")
    path = CORPUS_DIR / CORPUS_FILES["releases"]
    ds = datasets.load_dataset("json", data_files=str(path), split="train", cache_dir=str(tmp_path / "hf"))
    gold = read_gold(path)
    assert ds.num_rows == len(gold)
    assert ds["id"] == [d["id"] for d in gold]
    row = ds[[d["id"] for d in gold].index("motir-000-06")]
    money = next(e for e in row["entities"] if e["name"] == "USD 23.3 billion")
    assert money["label"] == "MONEY"
    assert money["attributes"] == {"currency": "USD", "value": 23300000000.0}
    assert [(m["start"], m["end"], row["text"][m["start"]:m["end"]]) for m in money["mentions"]] == [(234, 250, "USD 23.3 billion")]


# --------------------------------------------------------------------------- compiling


def test_compile_source_offsets(gold):
    assert [(e["id"], e["mentions"]) for e in gold["entities"]] == [
        ("E1", [{"start": 0, "end": 5, "text": "Korea"}]),
        ("E2", [{"start": 41, "end": 53, "text": "12.2 percent"}]),
        ("E3", [{"start": 70, "end": 86, "text": "USD 23.3 billion"}]),
    ]
    (event,) = gold["events"]
    assert event["trigger"] == {"start": 36, "end": 40, "text": "rose"}
    assert event["date"] is None
    assert event["arguments"] == [
        {"role": "indicator", "start": 8, "end": 19, "text": "ICT exports"},
        {"role": "change", "entity": "E2"},
        {"role": "value", "entity": "E3"},
        {"role": "period", "start": 23, "end": 35, "text": "October 2025"},
        {"role": "partner", "entity": "E1"},
    ]
    assert problems(gold) == []


def test_compile_source_loose_nth_and_after():
    """A bare string takes every occurrence not inside a longer mention; `nth` counts every occurrence;
    `after` takes the first one after a context."""
    text = ("Korea–EU Discuss Trade Issues\n"
            "Park Jung-sung met EU officials on the Korea–EU FTA. Deputy Minister Park said Korea and the EU agreed.")
    src = {
        "id": "t-2", "split": "train", "text": text,
        "entities": [
            {"id": "E1", "label": "COUNTRY", "name": "Korea", "attributes": {"code": "KOR"}, "mentions": ["Korea"]},
            {"id": "E2", "label": "COUNTRY", "name": "EU", "attributes": {"code": "EU"}, "mentions": ["EU"]},
            {"id": "E3", "label": "AGREEMENT", "name": "Korea–EU FTA", "mentions": ["Korea–EU FTA"]},
            {"id": "E4", "label": "OFFICIAL", "name": "Park Jung-sung", "attributes": {"title": "Deputy Minister"},
             "mentions": ["Park Jung-sung", {"text": "Park", "nth": 1}]},
        ],
        "events": [
            {"id": "V1", "type": "AGREEMENT", "trigger": {"text": "agreed", "after": "Deputy Minister"},
             "attributes": {"status": "agreed"},
             "arguments": [{"role": "party", "entity": "E1"}, {"role": "party", "entity": "E2"}]},
        ],
    }
    gold = compile_source(src)
    spans = {e["id"]: [(m["start"], m["end"], m["text"]) for m in e["mentions"]] for e in gold["entities"]}
    assert spans == {
        "E1": [(0, 5, "Korea"), (109, 114, "Korea")],
        "E2": [(6, 8, "EU"), (49, 51, "EU"), (123, 125, "EU")],
        "E3": [(69, 81, "Korea–EU FTA")],
        "E4": [(30, 44, "Park Jung-sung"), (99, 103, "Park")],
    }
    assert gold["events"][0]["trigger"] == {"start": 126, "end": 132, "text": "agreed"}
    assert gold["entities"][2]["attributes"] == {}
    assert problems(gold) == []


@pytest.mark.parametrize(
    "mentions,message",
    [
        (["Japan"], "t-1: entity E1: 'Japan' not found in text"),
        ([{"text": "Korea", "nth": 3}], "t-1: entity E1: 'Korea' has only 1 occurrences, nth=3"),
        ([{"start": 0, "end": 5, "text": "Korea’s"}], "t-1: entity E1: offsets 0-5 give 'Korea', not 'Korea’s'"),
        ([{"text": "Korea", "after": "Japan"}], "t-1: entity E1: context 'Japan' not in text"),
    ],
)
def test_compile_source_errors(mentions, message):
    src = copy.deepcopy(SRC)
    src["entities"][0]["mentions"] = mentions
    with pytest.raises(CorpusError) as info:
        compile_source(src)
    assert str(info.value) == message


# --------------------------------------------------------------------------- validating


def _mention(gold, eid, **values):
    ent = next(e for e in gold["entities"] if e["id"] == eid)
    ent["mentions"][0].update(values)
    return gold


def _entity(gold, eid):
    return next(e for e in gold["entities"] if e["id"] == eid)


def _event(gold):
    return gold["events"][0]


BROKEN = [
    pytest.param(
        lambda g: _mention(g, "E1", start=200, end=205),
        ["t-1@200: entity E1: mention offsets 200-205 outside the text"],
        id="offset-outside-text",
    ),
    pytest.param(
        lambda g: _mention(g, "E1", text="Japan"),
        ["t-1@0: entity E1: mention text 'Japan' != text[0:5] 'Korea'"],
        id="mention-text-mismatch",
    ),
    pytest.param(
        lambda g: _mention(g, "E3", end=87, text="USD 23.3 billion."),
        ["t-1@70: entity E3: mention 'USD 23.3 billion.' has edge whitespace or punctuation"],
        id="trailing-punctuation",
    ),
    pytest.param(
        lambda g: _entity(g, "E1").update(label="LOCATION"),
        ["t-1: entity E1: unknown label 'LOCATION'",
         "t-1@36: event V1: partner entity E1 is LOCATION, not one of ['COUNTRY']"],
        id="unknown-label",
    ),
    pytest.param(
        lambda g: _event(g)["arguments"].append({"role": "participant", "entity": "E1"}),
        ["t-1@36: event V1: role 'participant' is not a FIGURE role"],
        id="role-not-of-event-type",
    ),
    pytest.param(
        lambda g: _event(g)["arguments"].append({"role": "partner", "entity": "E9"}),
        ["t-1@36: event V1: partner points at missing entity E9"],
        id="argument-entity-missing",
    ),
    pytest.param(
        lambda g: _entity(g, "E1")["attributes"].update(code="KR"),
        ["t-1@0: COUNTRY 'Korea': code 'KR' is not ISO alpha-3 or a bloc"],
        id="bad-iso-code",
    ),
    pytest.param(
        lambda g: _entity(g, "E3")["attributes"].update(value=23300000.0),
        ["t-1@70: MONEY value 23300000.0 does not match its text 'USD 23.3 billion'"],
        id="money-value-not-its-text",
    ),
    pytest.param(
        lambda g: _entity(g, "E3")["attributes"].update(currency="WON"),
        ["t-1@70: MONEY 'USD 23.3 billion': currency 'WON' is not ISO 4217"],
        id="money-currency-not-iso",
    ),
    pytest.param(
        lambda g: _entity(g, "E2")["attributes"].update(unit="percentage points"),
        ["t-1@41: PERCENT '12.2 percent': unit 'percentage points' not in ('percent', 'percentage_point')"],
        id="percent-unit",
    ),
    pytest.param(
        lambda g: g["entities"].append({"id": "E4", "label": "ORG", "name": "Korea’s ICT", "attributes": {},
                                        "mentions": [{"start": 0, "end": 11, "text": "Korea’s ICT"}]}),
        ["t-1@0: mentions overlap: 'Korea' (E1) and 'Korea’s ICT' (E4)"],
        id="overlapping-mentions",
    ),
    pytest.param(
        lambda g: g["entities"].append({"id": "E4", "label": "ORG", "name": "KITA", "attributes": {}, "mentions": []}),
        ["t-1: entity E4 ('KITA') has no mention"],
        id="entity-without-mention",
    ),
    pytest.param(
        lambda g: _event(g)["trigger"].update(text="fell"),
        ["t-1@36: event V1: trigger text 'fell' != 'rose'"],
        id="trigger-text-mismatch",
    ),
    pytest.param(
        lambda g: _event(g)["attributes"].update(direction="up"),
        ["t-1@36: event V1: direction 'up' not in ('increase', 'decrease', None)"],
        id="bad-attribute-value",
    ),
    pytest.param(
        lambda g: g["events"].append({**copy.deepcopy(_event(g)), "id": "V2"}),
        ["t-1@41: E2 is used by 2 FIGURE events but has 1 mention(s)",
         "t-1@70: E3 is used by 2 FIGURE events but has 1 mention(s)"],
        id="figure-mention-used-twice",
    ),
    pytest.param(
        lambda g: g.update(split="training"),
        ["t-1: split 'training' is not one of train, dev, test, challenge-dev, challenge-test"],
        id="unknown-split",
    ),
]


@pytest.mark.parametrize("breakit,expected", BROKEN)
def test_validator_reports_exact_problems(gold, breakit, expected):
    breakit(gold)
    assert problems(gold) == expected


def test_validator_reports_duplicate_document_ids(gold):
    assert [str(p) for p in validate_documents([gold, copy.deepcopy(gold)])] == ["t-1: document id used 2 times"]


def test_validator_reports_agreement_without_status():
    text = "Korea and the EU agreed to launch a dialogue."
    doc = compile_source({
        "id": "t-3", "split": "dev", "text": text,
        "entities": [{"id": "E1", "label": "COUNTRY", "name": "Korea", "attributes": {"code": "KOR"}, "mentions": ["Korea"]}],
        "events": [{"id": "V1", "type": "AGREEMENT", "trigger": "agreed", "arguments": [{"role": "party", "entity": "E1"}]}],
    })
    assert problems(doc) == ["t-3@17: event V1: AGREEMENT needs a status"]
