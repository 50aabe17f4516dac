"""The `extractor` command line, through typer's CliRunner: annotate (one output line per input
document, in input order, errors inline), evaluate, corpus validate.

`annotate` runs the shipped model; so that it is loaded once per session, `Extractor.load` is pointed
at the session's pipeline (the rest of the command runs unchanged).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.corpus import CORPUS_DIR, CORPUS_FILES
from extractor.extract import DEFAULT_MAX_CHARS, Extractor

LISTING = """-
Trade Minister Meets with U.S. Senator Todd Young
Trade Minister Yeo Han-koo of the Ministry of Trade, Industry and Resources met with U.S. Senator Todd Young on January 13. date2026-01-14
-
Trade/Investment
Korea’s ICT Exports Extend Growth Streak in October
Korea’s ICT exports in October 2025 rose 12.2 percent year-on-year to USD 23.3 billion. date2025-11-14
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def shared_model(monkeypatch, extractor):
    """`Extractor.load()` gives the session's pipeline (with the requested --max-chars)."""
    loads = []

    def load(cls, path=None, max_chars=DEFAULT_MAX_CHARS, **options):
        loads.append(path)
        return Extractor(extractor.nlp, max_chars=max_chars, **options)

    monkeypatch.setattr(Extractor, "load", classmethod(load))
    return loads


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def names(doc: dict) -> list[tuple[str, str]]:
    return [(e["label"], e["name"]) for e in doc["entities"]]


def test_annotate_one_line_per_input_in_order(runner, shared_model, tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text(
        '{"id": "good-1", "text": "Korea’s ICT exports rose 12.2 percent.", "date": "2025-11-14"}\n'
        "{not json\n"
        '{"id": "no-text"}\n'
        '{"id": "empty", "text": ""}\n'
        '{"id": "bad-date", "text": "Korea", "date": "November 14"}\n'
        '{"text": "The Korea–EU FTA entered into force."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out" / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(inp), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert shared_model == [None]
    docs = read_lines(out)
    assert [(d["id"], d.get("error")) for d in docs] == [
        ("good-1", None),
        ("in.jsonl:2", "line 2 is not valid JSON: Expecting property name enclosed in double quotes"),
        ("no-text", "missing `text`"),
        ("empty", None),
        ("bad-date", "`date` must be an ISO date, YYYY-MM-DD"),
        ("in.jsonl:6", None),
    ]
    assert docs[0]["date"] == "2025-11-14"
    assert names(docs[0]) == [("COUNTRY", "Korea"), ("PERCENT", "12.2 percent")]
    assert names(docs[5]) == [("AGREEMENT", "Korea–EU FTA")]
    for doc in docs[1:5]:
        assert (doc["entities"], doc["events"]) == ([], [])
    assert f"{out}: 6 documents" in result.stderr
    assert not (out.parent / "out.jsonl.part").exists()


def test_annotate_empty_input_gives_empty_output(runner, shared_model, tmp_path):
    inp = tmp_path / "empty.jsonl"
    inp.write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(inp), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == b""


def test_annotate_missing_input(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(tmp_path / "missing.jsonl"), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"error: input {tmp_path / 'missing.jsonl'} does not exist\n"
    assert not out.exists()


def test_annotate_missing_gazetteer(runner, tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": "a", "text": "Korea"}\n', encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(inp), "-o", str(tmp_path / "out.jsonl"),
                                 "--gazetteer", str(tmp_path / "user.jsonl")])
    assert result.exit_code == 1
    assert result.stderr == f"error: gazetteer file {tmp_path / 'user.jsonl'} does not exist\n"


def test_annotate_folder_of_txt_files(runner, shared_model, tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "b.txt").write_text("Korea–EU Discuss Key Trade Issues\nThe two sides reviewed the Korea–EU FTA.", encoding="utf-8")
    (folder / "a.txt").write_text("Trade Minister Meets with U.S. Senator Todd Young\n"
                                  "Trade Minister Yeo Han-koo met with U.S. Senator Todd Young.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(folder), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    docs = read_lines(out)
    assert [d["id"] for d in docs] == ["a", "b"]
    assert ("OFFICIAL", "Todd Young") in names(docs[0])
    assert ("AGREEMENT", "Korea–EU FTA") in names(docs[1])


def test_annotate_listing_file(runner, shared_model, tmp_path):
    inp = tmp_path / "seeds.txt"
    inp.write_text(LISTING, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(inp), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    docs = read_lines(out)
    assert [(d["id"], d["date"]) for d in docs] == [("seeds-01", "2026-01-14"), ("seeds-02", "2025-11-14")]
    # offsets are into the release text: title line, newline, body; the trailer is not in it
    money = next(e for e in docs[1]["entities"] if e["label"] == "MONEY")
    assert money["mentions"] == [{"start": 122, "end": 138, "text": "USD 23.3 billion"}]
    assert money["attributes"] == {"currency": "USD", "value": 23300000000.0}


def test_annotate_max_chars(runner, shared_model, tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": "long", "text": "Korea and Japan agreed."}\n{"id": "short", "text": "Korea"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(inp), "-o", str(out), "--max-chars", "10", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert [(d["id"], d.get("error")) for d in read_lines(out)] == [
        ("long", "text has 23 characters, over the limit of 10"),
        ("short", None),
    ]


def test_evaluate_gold_against_itself(runner):
    gold = CORPUS_DIR / CORPUS_FILES["releases"]
    result = runner.invoke(app, ["evaluate", str(gold), str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["missing_predictions"] == []
    for mode in ("strict", "lenient"):
        assert scores["entities"][mode]["micro"]["f1"] == 1.0
    assert scores["events"]["events"]["micro"]["f"] == 1.0


def test_evaluate_missing_file(runner, tmp_path):
    gold = CORPUS_DIR / CORPUS_FILES["releases"]
    result = runner.invoke(app, ["evaluate", str(gold), str(tmp_path / "pred.jsonl")])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'pred.jsonl'} does not exist\n"


def test_corpus_validate_project_corpus(runner):
    result = runner.invoke(app, ["corpus", "validate"])
    assert result.exit_code == 0, result.output
    assert f"{CORPUS_DIR / CORPUS_FILES['releases']}: 0 problems" in result.stdout.splitlines()


def test_corpus_validate_reports_problems(runner, tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "t-1", "split": "train", "text": "Korea", "entities": [
        {"id": "E1", "label": "COUNTRY", "name": "Korea", "attributes": {"code": "KR"},
         "mentions": [{"start": 0, "end": 5, "text": "Korea"}]}], "events": []}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["corpus", "validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"{path}: t-1@0: COUNTRY 'Korea': code 'KR' is not ISO alpha-3 or a bloc\n"
    assert result.stdout == f"{path}: 1 problems\n"


def test_console_script_is_installed():
    """The `extractor` entry point of pyproject.toml runs the same app."""
    exe = Path(sys.executable).parent / "extractor"
    if not exe.exists():
        pytest.skip("the console script is not installed beside this interpreter")
    proc = subprocess.run([str(exe), "corpus", "validate"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "0 problems" in proc.stdout


def test_corpus_check_authoring_file(runner, tmp_path):
    src = {
        "id": "t-1", "split": "train", "text": "Korea and the EU agreed to launch a dialogue.",
        "entities": [
            {"id": "E1", "label": "COUNTRY", "name": "Korea", "attributes": {"code": "KOR"}, "mentions": ["Korea"]},
            {"id": "E2", "label": "COUNTRY", "name": "EU", "attributes": {"code": "EU"}, "mentions": ["EU"]},
        ],
        "events": [{"id": "V1", "type": "AGREEMENT", "trigger": "agreed", "attributes": {"status": "agreed"},
                    "arguments": [{"role": "party", "entity": "E1"}, {"role": "party", "entity": "E2"},
                                  {"role": "content", "text": "launch a dialogue"}]}],
    }
    path = tmp_path / "t-1.json"
    path.write_text(json.dumps(src), encoding="utf-8")
    result = runner.invoke(app, ["corpus", "check", str(path)])
    assert (result.exit_code, result.stdout) == (0, "1 documents, 0 problems\n")
    src["entities"][0]["mentions"] = ["Japan"]
    path.write_text(json.dumps(src), encoding="utf-8")
    result = runner.invoke(app, ["corpus", "check", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"error: {path}: t-1: entity E1: 'Japan' not found in text\n"


def test_corpus_show_brackets_mentions(runner):
    result = runner.invoke(app, ["corpus", "show", "motir-003-05"])
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first == "Trade Minister Meets with [U.S.|COUNTRY:E7] Senator [Todd Young|OFFICIAL:E4]"


def test_refresh_events_writes_the_package_cues_into_a_saved_pipeline(runner, tmp_path):
    import shutil

    from extractor.pipeline.events.common import Cues, read_cues

    model = Path(__file__).resolve().parent.parent / "models" / "trade_en"
    copy = tmp_path / "m"
    copy.mkdir()
    shutil.copy(model / "config.cfg", copy / "config.cfg")
    for pipe in ("meeting_events", "concern_events"):
        (copy / pipe).mkdir()
        (copy / pipe / "cues.jsonl").write_text('{"cue": "verb", "text": "stale"}\n', encoding="utf-8")
    result = runner.invoke(app, ["refresh-events", str(copy)])
    assert result.exit_code == 0, result.output
    assert Cues.from_disk(copy / "concern_events" / "cues.jsonl").records == read_cues("concern").records
    assert Cues.from_disk(copy / "meeting_events" / "cues.jsonl").records == read_cues("meeting").records
    assert not (copy / "figure_events").exists()  # components the folder does not have are left alone

    bad = runner.invoke(app, ["refresh-events", str(tmp_path)])
    assert bad.exit_code == 1
    assert f"{tmp_path} is not a saved pipeline (no config.cfg)" in bad.output


def test_refresh_events_rebuilds_a_stale_gazetteer(runner, tmp_path):
    import shutil

    model = Path(__file__).resolve().parent.parent / "models" / "trade_en"
    copy = tmp_path / "m"
    shutil.copytree(model, copy)
    lines = (copy / "trade_gazetteer" / "patterns.jsonl").read_text(encoding="utf-8").splitlines()
    (copy / "trade_gazetteer" / "patterns.jsonl").write_text("\n".join(lines[:-5]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["refresh-events", str(copy)])
    assert result.exit_code == 0, result.output
    assert f"{copy}/trade_gazetteer: {len(lines)} patterns" in result.output
    assert (copy / "trade_gazetteer" / "patterns.jsonl").read_text(encoding="utf-8") == (model / "trade_gazetteer" / "patterns.jsonl").read_text(encoding="utf-8")
