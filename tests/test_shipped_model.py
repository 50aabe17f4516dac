"""The shipped model carries the package's current event cue data (retrain or refresh after editing it)."""

from pathlib import Path

import pytest

from extractor.pipeline.events.common import Cues, read_cues

MODEL = Path(__file__).resolve().parent.parent / "models" / "trade_en"


@pytest.mark.parametrize("pipe, data_name", [
    ("meeting_events", "meeting"), ("agreement_events", "agreement"),
    ("concern_events", "concern"), ("figure_events", "figure"),
])
def test_shipped_event_cues_match_the_package_data(pipe, data_name):
    shipped = Cues.from_disk(MODEL / pipe / "cues.jsonl")
    assert shipped.records == read_cues(data_name).records, (
        f"models/trade_en/{pipe}/cues.jsonl differs from extractor/data/events/{data_name}.jsonl: "
        "run `extractor refresh-events models/trade_en`")


def test_shipped_gazetteer_matches_the_package_data(tmp_path):
    import spacy

    from extractor.build import register_components

    register_components()
    gaz = spacy.load(MODEL).get_pipe("trade_gazetteer")
    gaz.initialize()
    gaz.to_disk(tmp_path)
    assert (tmp_path / "patterns.jsonl").read_text(encoding="utf-8") == (MODEL / "trade_gazetteer" / "patterns.jsonl").read_text(encoding="utf-8"), (
        "models/trade_en/trade_gazetteer/patterns.jsonl differs from extractor/data/gazetteers: run `extractor refresh-events models/trade_en`")
