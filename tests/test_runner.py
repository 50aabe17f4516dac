"""The batch runner: one output line per input document, in input order, whatever the document;
long texts in sentence-aligned pieces; worker processes that die are replaced."""

from __future__ import annotations

import os

import orjson
import pytest
import spacy
from spacy.language import Language

from extractor.extract import Extractor
from extractor.pipeline.layers import ensure_extensions
from extractor.readers import Record, read_inputs
from extractor.runner import (
    _Pool,
    _Settings,
    annotate_batch,
    annotate_records,
    merge_parts,
    split_text,
)
from extractor.schema import Argument, Document, Entity, Event, Mention, Span

PARA_1 = ("Trade Minister Yeo Han-koo met with U.S. Trade Representative Jamieson Greer in Washington on "
          "January 13. The two sides discussed exports to Vietnam and the Korea-U.S. FTA.")
PARA_2 = ("Vietnam’s Vice Minister of Finance Tran Quoc Phuong visited Seoul on Thursday, November 13. "
          "Korea’s exports to Vietnam rose 5.3 percent to USD 23.3 billion.")


def lines_of(docs) -> list[dict]:
    return [orjson.loads(line) for line in docs]


def assert_offsets(text: str, doc: dict) -> None:
    """Every mention, trigger and span argument points at its own text in the document."""
    for ent in doc["entities"]:
        for m in ent["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"], (ent, m)
    for ev in doc["events"]:
        t = ev["trigger"]
        assert text[t["start"]:t["end"]] == t["text"]
        for arg in ev["arguments"]:
            if "start" in arg:
                assert text[arg["start"]:arg["end"]] == arg["text"]


def test_split_text_prefers_paragraphs_then_sentences():
    text = "A b c. D e f.\n\nG h i. J k l. M n o."
    # the paragraph break lies in the second half of the first 20 characters
    assert split_text(text, 20) == [(0, 15), (15, 35)]
    assert [text[s:e] for s, e in split_text(text, 20)] == ["A b c. D e f.\n\n", "G h i. J k l. M n o."]
    # no paragraph break: the last sentence end in the window
    text = "One two three. Four five six. Seven eight nine."
    assert [text[s:e] for s, e in split_text(text, 35)] == ["One two three. Four five six. ", "Seven eight nine."]


def test_split_text_covers_the_text_and_respects_the_size():
    text = ("word " * 50 + "\n") * 200 + "x" * 5000  # lines, then one unbreakable run
    spans = split_text(text, 1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < e - s <= 1000 for s, e in spans)
    assert split_text("short", 1000) == [(0, 5)]


def test_merge_parts_shifts_offsets_and_renumbers():
    korea = lambda i, s: Entity(id=i, label="COUNTRY", name="Korea", attributes={"code": "KOR"},  # noqa: E731
                                mentions=[Mention(start=s, end=s + 5, text="Korea")])
    part1 = Document(id="d", entities=[
        korea("E1", 0),
        Entity(id="E2", label="OFFICIAL", name="Kim", attributes={"affiliation": "E3"},
               mentions=[Mention(start=10, end=13, text="Kim")]),
        Entity(id="E3", label="MINISTRY", name="MOTIR", mentions=[Mention(start=20, end=25, text="MOTIR")]),
    ], events=[Event(id="V1", type="MEETING", trigger=Span(start=14, end=17, text="met"),
                     arguments=[Argument(role="participant", entity="E2"),
                                Argument(role="location", start=30, end=35, text="Seoul")])])
    part2 = Document(id="d", entities=[
        Entity(id="E1", label="COUNTRY", name="Japan", mentions=[Mention(start=0, end=5, text="Japan")]),
        korea("E2", 8),
    ], events=[Event(id="V1", type="MEETING", trigger=Span(start=6, end=7, text="x"),
                     arguments=[Argument(role="participant", entity="E2")])])
    merged = merge_parts("d", "2025-11-14", [(0, part1), (100, part2)]).to_json_dict()
    assert [(e["id"], e["name"], [(m["start"], m["end"]) for m in e["mentions"]]) for e in merged["entities"]] == [
        ("E1", "Korea", [(0, 5), (108, 113)]),  # the same entity on both sides: one entity
        ("E2", "Kim", [(10, 13)]),
        ("E3", "MOTIR", [(20, 25)]),
        ("E4", "Japan", [(100, 105)]),
    ]
    assert merged["entities"][1]["attributes"] == {"affiliation": "E3"}
    assert [(v["id"], v["trigger"]["start"], v["arguments"]) for v in merged["events"]] == [
        ("V1", 14, [{"role": "participant", "entity": "E2"},
                    {"role": "location", "start": 30, "end": 35, "text": "Seoul"}]),
        ("V2", 106, [{"role": "participant", "entity": "E1"}]),
    ]


def test_long_document_with_an_entity_on_each_side_of_a_chunk_boundary(extractor):
    text = PARA_1 + "\n\n" + PARA_2
    boundary = len(PARA_1) + 2
    size = boundary + 40  # the paragraph break is the only good cut
    assert split_text(text, size) == [(0, boundary), (boundary, len(text))]

    rec = Record(id="w", text=text, date="2025-11-14")
    whole = orjson.loads(annotate_batch(extractor, [rec])[0])
    pieces = orjson.loads(annotate_batch(extractor, [rec], chunk_chars=size)[0])
    assert_offsets(text, pieces)

    def mentions(doc):
        return {(e["label"], m["start"], m["end"], m["text"]) for e in doc["entities"] for m in e["mentions"]}

    # the agreement just before the boundary and the country just after it, at document offsets
    fta = text.index("Korea-U.S. FTA")
    assert ("AGREEMENT", fta, fta + 14, "Korea-U.S. FTA") in mentions(pieces)
    assert fta + 14 < boundary
    assert ("COUNTRY", boundary, boundary + 7, "Vietnam") in mentions(pieces)
    # Vietnam is named on both sides: one entity, and the figure event of the second piece points at it
    vietnam = [e for e in pieces["entities"] if e["name"] == "Vietnam"]
    assert len(vietnam) == 1
    starts = [m["start"] for m in vietnam[0]["mentions"]]
    assert starts == sorted(starts) and starts[0] < boundary <= starts[-1]
    partners = [a["entity"] for v in pieces["events"] for a in v["arguments"] if a["role"] == "partner"]
    assert partners == [vietnam[0]["id"]]
    # nothing in these two paragraphs needs the other one: the pieces give what the whole text gives
    assert mentions(pieces) == mentions(whole)
    assert [(v["type"], v["trigger"]) for v in pieces["events"]] == [(v["type"], v["trigger"]) for v in whole["events"]]


@Language.component("test_piece_sizes")
def _piece_sizes(doc):
    _piece_sizes.seen.append(len(doc.text))
    return doc


_piece_sizes.seen = []


def test_five_million_characters_in_pieces_or_an_error():
    """A 5-million-character document is annotated piece by piece (a blank pipeline here, to keep the
    test fast), and above --max-chars it gets an error line; the documents around it are unharmed."""
    ensure_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("test_piece_sizes")
    ex = Extractor(nlp, max_chars=10_000_000)
    sentence = "The Ministry of Trade met with partners in Seoul on Thursday. "
    huge = sentence * (5_000_000 // len(sentence) + 1)
    records = [Record(id="before", text="Exports rose."), Record(id="huge", text=huge), Record(id="after", text="x")]
    _piece_sizes.seen.clear()
    out = lines_of(annotate_batch(ex, records, max_chars=10_000_000, chunk_chars=100_000))
    assert [(d["id"], d.get("error")) for d in out] == [("before", None), ("huge", None), ("after", None)]
    pieces = _piece_sizes.seen[2:]  # the short documents go first, in one batch
    assert len(pieces) >= 50 and max(pieces) <= 100_000 and sum(pieces) == len(huge)

    out = lines_of(annotate_batch(ex, records, max_chars=1_000_000, chunk_chars=100_000))
    assert [(d["id"], d.get("error")) for d in out] == [
        ("before", None), ("huge", f"text has {len(huge)} characters, over the limit of 1000000"), ("after", None)]


def test_odd_documents_each_get_a_defined_line(extractor, tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_bytes(
        b'{"id": "empty", "text": ""}\n'
        b'{"id": "blank", "text": " \\n\\t  "}\n'
        b'{"id": "nul", "text": "PDF\\u0000\\u0001binary"}\n'
        b'{"id": "controls", "text": "\\u0001\\u0002\\u0003\\u0004 abc"}\n'
        b'{"id": "surrogate", "text": "Korea \\ud800 exports"}\n'
        b'{"id": "bad\\udfffid", "text": "Exports rose."}\n'
        b'{"id": "latin1", "text": "Korea\xe9s exports"}\n'
        b'{"id": "ok", "text": "Korea\xe2\x80\x99s exports rose 5.3 percent."}\n'
    )
    out = lines_of(annotate_records(read_inputs([path]), extractor=extractor))
    got = {d["id"]: (d.get("error"), bool(d["entities"])) for d in out}
    assert got == {
        "empty": (None, False),
        "blank": (None, False),
        "nul": ("text looks binary (it has NUL characters)", False),
        "controls": ("text looks binary (4 of 8 characters are control characters)", False),
        "surrogate": ("text is not valid Unicode (a lone surrogate at character 6)", False),
        "bad\ufffdid": (None, False),
        "odd.jsonl:7": ("line 7 is not valid UTF-8", False),
        "ok": (None, True),
    }
    assert [d["id"] for d in out][-2:] == ["odd.jsonl:7", "ok"]


def test_bad_lines_among_good_ones_keep_order_with_workers(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = [{"id": f"g{i}", "text": f"Korea’s exports to Vietnam rose {i} percent."} for i in range(7)]
    lines = [orjson.dumps(good[0]), b"{not json", orjson.dumps(good[1]), b'{"id": "notext"}', *map(orjson.dumps, good[2:]),
             b'"just a string"']
    path.write_bytes(b"\n".join(lines) + b"\n")
    one = list(annotate_records(read_inputs([path]), workers=1, batch_size=2))
    two = list(annotate_records(read_inputs([path]), workers=2, batch_size=2))
    assert one == two
    assert [d["id"] for d in lines_of(one)] == ["g0", "mixed.jsonl:2", "g1", "notext", "g2", "g3", "g4", "g5", "g6",
                                                 "mixed.jsonl:10"]
    assert [bool(d.get("error")) for d in lines_of(one)] == [False, True, False, True] + [False] * 5 + [True]


class _Bomb:
    """Unpickling this in a worker ends the worker at once (as a segfault or the OOM killer would)."""

    def __reduce__(self):
        return (os._exit, (13,))


def test_a_worker_that_dies_is_replaced_and_the_culprit_gets_an_error():
    records = [Record(id=f"d{i}", text=f"Exports to Japan rose {i} percent.") for i in range(6)]
    records[3].extra["bomb"] = _Bomb()
    pool = _Pool(2, _Settings(None, (), 100_000, 100_000, 16), recycle_tasks=0)
    try:
        batches = iter([records[:2], records[2:5], records[5:]])
        out = lines_of(line for lines in pool.run(batches) for line in lines)
    finally:
        pool.close()
    assert [d["id"] for d in out] == [f"d{i}" for i in range(6)]
    errors = [d.get("error") for d in out]
    assert errors[3] == "the worker process died while annotating this document (exit code 13)"
    assert errors[:3] + errors[4:] == [None] * 5
    assert all(d["entities"] for i, d in enumerate(out) if i != 3)


def test_workers_are_recycled_without_losing_documents(extractor):
    records = [Record(id=f"d{i}", text=f"Exports to Japan rose {i} percent.") for i in range(9)]
    local = list(annotate_records(records, extractor=extractor))
    recycled = list(annotate_records(records, workers=2, batch_size=2, recycle_after=2))
    assert recycled == local
