"""Event scoring on hand-made gold / prediction pairs."""

from extractor.scoring.events import format_event_table, score_events

TEXT = "Park met Tran on Thursday at Lotte Hotel Seoul. Exports rose 12.2 percent to USD 23.3 billion."


def gold_doc():
    return {
        "id": "d1",
        "text": TEXT,
        "entities": [
            {"id": "E1", "label": "OFFICIAL", "name": "Park", "mentions": [{"start": 0, "end": 4, "text": "Park"}]},
            {"id": "E2", "label": "OFFICIAL", "name": "Tran", "mentions": [{"start": 9, "end": 13, "text": "Tran"}]},
            {"id": "E3", "label": "PERCENT", "name": "12.2 percent", "mentions": [{"start": 61, "end": 73, "text": "12.2 percent"}]},
            {"id": "E4", "label": "MONEY", "name": "USD 23.3 billion", "mentions": [{"start": 77, "end": 93, "text": "USD 23.3 billion"}]},
        ],
        "events": [
            {"id": "V1", "type": "MEETING", "trigger": {"start": 5, "end": 8, "text": "met"},
             "date": {"start": "2025-11-13", "end": "2025-11-13"}, "attributes": {},
             "arguments": [{"role": "participant", "entity": "E1"}, {"role": "participant", "entity": "E2"},
                           {"role": "location", "start": 29, "end": 46, "text": "Lotte Hotel Seoul"}]},
            {"id": "V2", "type": "FIGURE", "trigger": {"start": 56, "end": 60, "text": "rose"}, "date": None,
             "attributes": {"direction": "increase"},
             "arguments": [{"role": "indicator", "start": 48, "end": 55, "text": "Exports"},
                           {"role": "change", "entity": "E3"}, {"role": "value", "entity": "E4"}]},
        ],
    }


def pred_doc():
    # other entity ids, the same mentions; the location span only overlaps; the date is wrong
    return {
        "id": "d1",
        "entities": [
            {"id": "X9", "label": "OFFICIAL", "name": "Park", "mentions": [{"start": 0, "end": 4, "text": "Park"}]},
            {"id": "X8", "label": "OFFICIAL", "name": "Tran", "mentions": [{"start": 9, "end": 13, "text": "Tran"}]},
            {"id": "X7", "label": "PERCENT", "name": "12.2 percent", "mentions": [{"start": 61, "end": 73, "text": "12.2 percent"}]},
        ],
        "events": [
            {"id": "V1", "type": "MEETING", "trigger": {"start": 5, "end": 8, "text": "met"},
             "date": {"start": "2025-11-06", "end": "2025-11-06"}, "attributes": {},
             "arguments": [{"role": "participant", "entity": "X9"}, {"role": "participant", "entity": "X8"},
                           {"role": "location", "start": 35, "end": 46, "text": "Hotel Seoul"},
                           {"role": "topic", "start": 48, "end": 55, "text": "Exports"}]},
            {"id": "V2", "type": "FIGURE", "trigger": {"start": 56, "end": 60, "text": "rose"}, "date": None,
             "attributes": {"direction": "decrease"},
             "arguments": [{"role": "change", "entity": "X7"}]},
            {"id": "V3", "type": "FIGURE", "trigger": {"start": 77, "end": 80, "text": "USD"}, "date": None,
             "attributes": {"direction": None}, "arguments": [{"role": "change", "entity": "X7"}]},
        ],
    }


def test_scores():
    s = score_events([gold_doc()], [pred_doc()])
    ev = s["events"]
    assert (ev["MEETING"]["tp"], ev["MEETING"]["pred"], ev["MEETING"]["gold"]) == (1, 1, 1)
    assert (ev["FIGURE"]["tp"], ev["FIGURE"]["pred"], ev["FIGURE"]["gold"]) == (1, 2, 1)
    assert (ev["micro"]["p"], ev["micro"]["r"], ev["micro"]["f"]) == (0.6667, 1.0, 0.8)
    args = s["arguments"]
    assert (args["MEETING.participant"]["tp"], args["MEETING.participant"]["pred"], args["MEETING.participant"]["gold"]) == (2, 2, 2)
    assert (args["MEETING.location"]["tp"], args["MEETING.topic"]["pred"], args["MEETING.topic"]["gold"]) == (1, 1, 0)
    assert (args["FIGURE.change"]["tp"], args["FIGURE.change"]["pred"], args["FIGURE.value"]["gold"]) == (1, 2, 1)
    assert (args["micro"]["tp"], args["micro"]["pred"], args["micro"]["gold"]) == (4, 6, 6)
    assert s["direction"] == {"accuracy": 0.0, "correct": 0, "n": 1}
    assert s["date"] == {"accuracy": 0.0, "correct": 0, "n": 1}
    assert s["status"] == {"accuracy": None, "correct": 0, "n": 0}
    # X7 has one mention and serves two FIGUREs
    assert s["figure_mentions_reused"] == 1
    assert s["documents"]["d1"]["FIGURE"] == {"tp": 1, "pred": 2, "gold": 1}


def test_events_align_one_to_one_by_shared_arguments():
    gold = gold_doc()
    pred = gold_doc()
    # a second predicted meeting with the same trigger but no shared argument cannot take the gold one twice
    pred["events"].append({"id": "V9", "type": "MEETING", "trigger": {"start": 5, "end": 8, "text": "met"}, "date": None,
                           "attributes": {}, "arguments": []})
    s = score_events([gold], [pred])
    assert (s["events"]["MEETING"]["tp"], s["events"]["MEETING"]["pred"]) == (1, 2)
    assert s["date"]["accuracy"] == 1.0


def test_missing_prediction_counts_as_empty_and_table_renders():
    s = score_events([gold_doc()], [])
    assert s["events"]["micro"] == {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "pred": 0, "gold": 2}
    table = format_event_table(s)
    assert "MEETING" in table and "date accuracy" in table and "n/a" in table
