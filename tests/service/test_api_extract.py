"""POST /v1/extract and /v1/extract/batch with the real model."""

from __future__ import annotations

import json

from conftest import ROOT, SENTENCE


def _by_name(body: dict) -> dict[str, dict]:
    return {e["name"]: e for e in body["entities"]}


def test_extract_gives_the_spec_entities_and_meeting(client, extractor):
    response = client.post("/v1/extract", json={"id": "motir-2025-11-14-05", "text": SENTENCE, "date": "2025-11-14"})

    assert response.status_code == 200
    body = response.json()
    # the service adds nothing to the library's answer and drops nothing from it
    assert body == extractor.annotate(SENTENCE, id="motir-2025-11-14-05", date="2025-11-14").to_json_dict()
    assert list(body) == ["id", "date", "entities", "events"]
    assert (body["id"], body["date"]) == ("motir-2025-11-14-05", "2025-11-14")

    # what ANNOTATION.md says of this sentence
    mentions = {(e["label"], e["name"]): [(m["start"], m["end"], m["text"]) for m in e["mentions"]]
                for e in body["entities"]}
    assert mentions == {
        ("OFFICIAL", "Park Jung-sung"): [(0, 14, "Park Jung-sung")],
        ("MINISTRY", "Ministry of Trade, Industry and Resources"): [
            (49, 90, "Ministry of Trade, Industry and Resources"), (92, 97, "MOTIR")],
        ("OFFICIAL", "Kim Jung-kwan"): [(108, 121, "Kim Jung-kwan")],
        ("OFFICIAL", "Tran Quoc Phuong"): [(133, 149, "Tran Quoc Phuong")],
        ("COUNTRY", "Vietnam"): [(151, 158, "Vietnam")],
    }
    ents = _by_name(body)
    ministry = ents["Ministry of Trade, Industry and Resources"]["id"]
    park, tran = ents["Park Jung-sung"], ents["Tran Quoc Phuong"]
    assert park["attributes"]["title"] == "Deputy Minister for Trade"
    assert park["attributes"]["affiliation"] == ministry
    assert ents["Kim Jung-kwan"]["attributes"]["title"] == "Minister"
    assert tran["attributes"]["title"] == "Vice Minister of Finance"
    assert tran["attributes"]["country"] == "VNM"
    assert ents["Vietnam"]["attributes"] == {"code": "VNM"}

    [meeting] = [v for v in body["events"] if v["type"] == "MEETING"]
    assert meeting["trigger"] == {"start": 124, "end": 127, "text": "met"}
    assert meeting["date"] == {"start": "2025-11-13", "end": "2025-11-13"}
    args = meeting["arguments"]
    assert {"role": "participant", "entity": park["id"]} in args
    assert {"role": "participant", "entity": tran["id"]} in args
    assert {"role": "location", "start": 216, "end": 233, "text": "Lotte Hotel Seoul"} in args


def test_extract_without_id_or_date(client):
    response = client.post("/v1/extract", json={"text": "Vietnam"})

    assert response.status_code == 200
    assert response.json() == {
        "id": "doc-1",
        "date": None,
        "entities": [{"id": "E1", "label": "COUNTRY", "name": "Vietnam", "attributes": {"code": "VNM"},
                      "mentions": [{"start": 0, "end": 7, "text": "Vietnam"}]}],
        "events": [],
    }


def test_empty_and_whitespace_text_give_an_empty_result(client):
    assert client.post("/v1/extract", json={"text": ""}).json() == {
        "id": "doc-1", "date": None, "entities": [], "events": []}
    response = client.post("/v1/extract", json={"id": "blank", "text": " \n\t ", "date": "2025-11-14"})
    assert response.status_code == 200
    assert response.json() == {"id": "blank", "date": "2025-11-14", "entities": [], "events": []}


def test_a_seed_release_comes_back_in_the_output_shape(client):
    release = json.loads((ROOT / "corpus" / "src" / "motir-000-05.json").read_text(encoding="utf-8"))
    text = release["text"]

    response = client.post("/v1/extract", json={"id": release["id"], "text": text, "date": release["date"]})

    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["date"]) == (release["id"], release["date"])
    assert body["entities"] and body["events"]
    ids = {e["id"] for e in body["entities"]}
    for entity in body["entities"]:
        assert set(entity) == {"id", "label", "name", "attributes", "mentions"}
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    for event in body["events"]:
        assert set(event) == {"id", "type", "trigger", "date", "attributes", "arguments"}
        assert text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
        for arg in event["arguments"]:
            if "entity" in arg:
                assert set(arg) == {"role", "entity"} and arg["entity"] in ids
            else:
                assert set(arg) == {"role", "start", "end", "text"}
                assert text[arg["start"]:arg["end"]] == arg["text"]


def test_batch_answers_in_input_order(client, extractor):
    docs = [
        {"id": "b", "text": "Tran Quoc Phuong visited Vietnam.", "date": "2025-11-14"},
        {"text": "   "},
        {"id": "a", "text": SENTENCE},
    ]

    response = client.post("/v1/extract/batch", json=docs)

    assert response.status_code == 200
    assert response.json() == [
        extractor.annotate(docs[0]["text"], id="b", date="2025-11-14").to_json_dict(),
        {"id": "doc-2", "date": None, "entities": [], "events": []},
        extractor.annotate(SENTENCE, id="a").to_json_dict(),
    ]


def test_empty_batch(client):
    response = client.post("/v1/extract/batch", json=[])

    assert response.status_code == 200
    assert response.json() == []
