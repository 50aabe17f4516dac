"""`extractor annotate` on files: resumable after Ctrl-C or kill -9 (byte for byte what an
uninterrupted run writes), JSONL, .jsonl.gz and Parquet in, JSONL, Parquet and flat tables out."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from typer.testing import CliRunner  # noqa: E402

from extractor.cli import app  # noqa: E402
from extractor.errors import InputError  # noqa: E402
from extractor.runner import annotate_files, journal_path  # noqa: E402
from extractor.tables import (  # noqa: E402
    DOCUMENT_SCHEMA,
    TABLE_SCHEMAS,
    read_parquet_documents,
    tables_to_documents,
)

ROOT = Path(__file__).resolve().parent.parent
RELEASES = ROOT / "corpus" / "releases.jsonl"


def paragraphs(n: int) -> list[dict]:
    """The first `n` paragraphs of the corpus releases, each a document."""
    docs = []
    for line in RELEASES.read_bytes().splitlines():
        release = orjson.loads(line)
        for k, para in enumerate(p for p in release["text"].split("\n") if p.strip()):
            docs.append({"id": f"{release['id']}-p{k}", "text": para, "date": release.get("date")})
            if len(docs) == n:
                return docs
    return docs


def write_input(path: Path, n: int, bad_every: int = 0) -> Path:
    lines = []
    for i, doc in enumerate(paragraphs(n)):
        lines.append(orjson.dumps(doc))
        if bad_every and i % bad_every == bad_every - 1:
            lines.append(b'{"id": "broken-%d", "text": ' % i)  # a bad line among good ones
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from extractor.cli import main; main()", *args]


def test_kill_9_in_the_middle_then_resume_gives_the_same_bytes(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 40, bad_every=9)
    args = ["annotate", str(src), "--workers", "2", "--batch-size", "2", "--no-progress"]
    subprocess.run(cli(*args, "-o", str(tmp_path / "full.jsonl")), check=True, cwd=ROOT, timeout=300)
    expected = (tmp_path / "full.jsonl").read_bytes()
    assert expected.count(b"\n") == 44

    out = tmp_path / "out.jsonl"
    part = journal_path(out)
    proc = subprocess.Popen(cli(*args, "-o", str(out)), cwd=ROOT)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if part.exists() and part.read_bytes().count(b"\n") >= 8:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed: give it more documents"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists()
    done = part.read_bytes()
    assert 8 <= done.count(b"\n") < 44
    assert expected.startswith(done[: done.rindex(b"\n") + 1])
    with open(part, "ab") as fh:  # as if the kill had cut a line in two
        fh.write(b'{"id":"in.jsonl:17","date":null,"entit')

    subprocess.run(cli(*args, "-o", str(out), "--resume"), check=True, cwd=ROOT, timeout=300)
    assert out.read_bytes() == expected
    assert not part.exists()


class Interrupt(Exception):
    pass


def stop_after(n: int):
    def on_progress(done: int) -> None:
        if done >= n:
            raise KeyboardInterrupt

    return on_progress


def test_ctrl_c_then_resume_in_process(tmp_path, extractor):
    src = write_input(tmp_path / "in.jsonl", 12, bad_every=5)
    full = annotate_files([src], tmp_path / "full.jsonl", extractor=extractor, batch_size=4)
    assert full.documents == 14 and full.errors == 2
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        annotate_files([src], out, extractor=extractor, batch_size=4, on_progress=stop_after(6))
    assert journal_path(out).read_bytes().count(b"\n") == 6 and not out.exists()
    seen = []
    summary = annotate_files([src], out, extractor=extractor, batch_size=4, resume=True, on_progress=seen.append)
    assert (summary.resumed, summary.documents) == (6, 8) and seen[0] == 6 and seen[-1] == 14
    assert out.read_bytes() == (tmp_path / "full.jsonl").read_bytes()
    # resuming a finished output adds nothing and changes nothing
    again = annotate_files([src], out, extractor=extractor, resume=True)
    assert (again.resumed, again.documents) == (14, 0)
    assert out.read_bytes() == (tmp_path / "full.jsonl").read_bytes()
    # without --resume a left-over journal is started again
    journal_path(out).write_bytes(b'{"id": "stale"}\n')
    annotate_files([src], out, extractor=extractor)
    assert out.read_bytes() == (tmp_path / "full.jsonl").read_bytes()


def test_resume_refuses_a_journal_of_another_input(tmp_path, extractor):
    src = write_input(tmp_path / "in.jsonl", 4)
    out = tmp_path / "out.jsonl"
    journal_path(out).write_bytes(b'{"id":"someone-else","entities":[],"events":[]}\n')
    with pytest.raises(InputError, match=r"does not continue this input: its line 1 is for 'someone-else'"):
        annotate_files([src], out, extractor=extractor, resume=True)
    journal_path(out).write_bytes(b'{"id":"x"}\n' * 5)
    with pytest.raises(InputError, match="has 5 lines but the input has fewer documents"):
        annotate_files([src], out, extractor=extractor, resume=True)


def test_parquet_output_and_tables_read_back_as_the_jsonl(tmp_path, extractor):
    src = write_input(tmp_path / "in.jsonl", 10, bad_every=4)
    annotate_files([src], tmp_path / "out.jsonl", extractor=extractor)
    lines = (tmp_path / "out.jsonl").read_bytes().splitlines()
    tables = tmp_path / "tables"
    annotate_files([src], tmp_path / "out.parquet", extractor=extractor, tables=tables)
    assert not journal_path(tmp_path / "out.parquet").exists()

    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.equals(DOCUMENT_SCHEMA) and table.num_rows == len(lines) == 12
    docs = [orjson.loads(line) for line in lines]
    assert table.column("id").to_pylist() == [d["id"] for d in docs]
    assert table.column("error").to_pylist() == [d.get("error") for d in docs]
    first = table.slice(0, 1).to_pylist()[0]["entities"][0]
    assert orjson.loads(first["attributes"]) == docs[0]["entities"][0]["attributes"]
    assert [orjson.dumps(d) for d in read_parquet_documents(tmp_path / "out.parquet")] == lines

    flat = {name: pq.read_table(tables / f"{name}.parquet") for name in TABLE_SCHEMAS}
    assert flat["documents"].column("id").to_pylist() == [d["id"] for d in docs]
    n_mentions = sum(len(e["mentions"]) for d in docs for e in d["entities"])
    n_args = sum(len(v["arguments"]) for d in docs for v in d["events"])
    assert flat["mentions"].num_rows == n_mentions and flat["arguments"].num_rows == n_args
    # every mention and argument joins its entity / event on (doc_index, id)
    joined = flat["mentions"].join(flat["entities"], keys=["doc_index", "entity_id"], join_type="inner")
    assert joined.num_rows == n_mentions
    joined = flat["arguments"].join(flat["events"], keys=["doc_index", "event_id"], join_type="inner")
    assert joined.num_rows == n_args
    entity_args = flat["arguments"].filter(pa.compute.is_valid(flat["arguments"]["entity_id"]))
    joined = entity_args.join(flat["entities"], keys=["doc_index", "entity_id"], join_type="inner")
    assert joined.num_rows == entity_args.num_rows > 0
    assert [orjson.dumps(d) for d in tables_to_documents(tables)] == lines


def test_parquet_output_resumes(tmp_path, extractor):
    src = write_input(tmp_path / "in.jsonl", 9)
    annotate_files([src], tmp_path / "full.parquet", extractor=extractor, batch_size=4)
    out = tmp_path / "out.parquet"
    with pytest.raises(KeyboardInterrupt):
        annotate_files([src], out, extractor=extractor, batch_size=4, on_progress=stop_after(5))
    assert not out.exists() and journal_path(out).exists()
    summary = annotate_files([src], out, extractor=extractor, batch_size=4, resume=True)
    assert (summary.resumed, summary.documents) == (5, 4)
    assert pq.read_table(out).equals(pq.read_table(tmp_path / "full.parquet"))
    # a finished Parquet output and no journal: nothing left to do, same rows
    summary = annotate_files([src], out, extractor=extractor, resume=True)
    assert (summary.resumed, summary.documents) == (9, 0)
    assert pq.read_table(out).equals(pq.read_table(tmp_path / "full.parquet"))


def test_gzipped_jsonl_gives_what_plain_jsonl_gives(tmp_path, extractor):
    src = write_input(tmp_path / "in.jsonl", 5, bad_every=2)
    gz = tmp_path / "in.jsonl.gz"
    gz.write_bytes(gzip.compress(src.read_bytes()))
    annotate_files([src], tmp_path / "a.jsonl", extractor=extractor)
    annotate_files([gz], tmp_path / "b.jsonl", extractor=extractor)
    a, b = (tmp_path / "a.jsonl").read_bytes(), (tmp_path / "b.jsonl").read_bytes()
    # fallback ids name the file the line came from; all else is the same
    assert a.replace(b'"in.jsonl:', b'"in.jsonl.gz:') == b


def test_cli_parquet_input_with_named_columns(tmp_path):
    table = pa.table({
        "release_id": ["r1", None, "r3", "r4"],
        "body": ["Korea’s exports to Vietnam rose 5.3 percent.", "Japan and Korea met.", None, "Exports rose."],
        "published": pa.array([dt.date(2025, 11, 14), None, None, dt.date(2025, 1, 2)], pa.date32()),
    })
    src = tmp_path / "in.parquet"
    pq.write_table(table, src)
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["annotate", str(src), "-o", str(out), "--text-column", "body",
                                   "--id-column", "release_id", "--date-column", "published", "--no-progress"])
    assert res.exit_code == 0, res.output
    docs = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [(d["id"], d["date"], d.get("error")) for d in docs] == [
        ("r1", "2025-11-14", None),
        ("in.parquet:2", None, None),
        ("r3", None, "`text` must be a string"),
        ("r4", "2025-01-02", None),
    ]
    assert docs[0]["entities"]
    assert f"{out}: 4 documents, 1 with errors" in res.output

    res = CliRunner().invoke(app, ["annotate", str(src), "-o", str(out), "--no-progress"])
    assert res.exit_code == 1
    assert "has no column 'text' (it has release_id, body, published): name it with --text-column" in res.output


def test_cli_default_run_writes_jsonl_and_no_part_file(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 3, bad_every=2)
    out = tmp_path / "sub" / "out.jsonl"
    res = CliRunner().invoke(app, ["annotate", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    ids = [d["id"] for d in paragraphs(3)]
    assert [orjson.loads(x)["id"] for x in out.read_bytes().splitlines()] == [ids[0], ids[1], "in.jsonl:3", ids[2]]
    assert not journal_path(out).exists()
    assert f"{out}: 4 documents, 1 with errors" in res.output
    assert "100%" in res.output  # the progress bar, on stderr
