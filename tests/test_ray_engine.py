"""The Ray engine on a local Ray instance gives what the local engine gives, line for line."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

ray = pytest.importorskip("ray", reason="the Ray engine needs the optional extra: pip install '.[ray]'")
pytest.importorskip("ray.data", reason="the Ray engine needs Ray Data: pip install '.[ray]'")
pq = pytest.importorskip("pyarrow.parquet")

from extractor.engines.ray_engine import annotate_dataset, iter_lines, write_jsonl  # noqa: E402
from extractor.readers import Record  # noqa: E402
from extractor.runner import annotate_files  # noqa: E402
from extractor.tables import read_parquet_documents  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray instance of 2 CPUs for this module, as CI runs it."""
    if ray.is_initialized():
        yield
        return
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


def make_input(path: Path) -> Path:
    lines = (ROOT / "corpus" / "releases.jsonl").read_bytes().splitlines()[:6]
    docs = [orjson.loads(line) for line in lines]
    out = [orjson.dumps({"id": d["id"], "text": d["text"], "date": d["date"]}) for d in docs]
    out[2:2] = [b"{not json", b'{"id": "blank", "text": "   "}', b'{"id": "nul", "text": "a\\u0000b"}']
    path.write_bytes(b"\n".join(out) + b"\n")
    return path


def test_ray_engine_matches_the_local_engine(tmp_path, local_ray, extractor):
    src = make_input(tmp_path / "in.jsonl")
    annotate_files([src], tmp_path / "local.jsonl", extractor=extractor)
    # two actors, small batches and a piece size that splits the releases: order and merging both count
    options = dict(workers=2, batch_size=2, chunk_chars=1500)
    annotate_files([src], tmp_path / "local_pieces.jsonl", extractor=extractor, chunk_chars=1500)
    summary = annotate_files([src], tmp_path / "ray.jsonl", engine="ray", tables=tmp_path / "tables", **options)
    assert summary.documents == 9
    assert (tmp_path / "ray.jsonl").read_bytes() == (tmp_path / "local_pieces.jsonl").read_bytes()
    assert (tmp_path / "tables" / "mentions.parquet").exists()

    # Parquet out, interrupted after 4 documents (local engine) and resumed by Ray: the same rows
    def stop(done: int) -> None:
        if done >= 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        annotate_files([src], tmp_path / "ray.parquet", extractor=extractor, on_progress=stop)
    summary = annotate_files([src], tmp_path / "ray.parquet", engine="ray", workers=2, batch_size=2, resume=True)
    assert (summary.resumed, summary.documents) == (4, 5)
    lines = [orjson.dumps(d) for d in read_parquet_documents(tmp_path / "ray.parquet")]
    assert lines == (tmp_path / "local.jsonl").read_bytes().splitlines()


def test_annotate_dataset_on_a_dataset_of_ones_own(tmp_path, local_ray, extractor):
    rows = [
        {"release_id": "a", "body": "Korea’s exports to Vietnam rose 5.3 percent.", "published": "2025-11-14"},
        {"release_id": None, "body": "Japan and Korea signed an agreement.", "published": None},
        {"release_id": "c", "body": None, "published": None},
    ]
    ds = ray.data.from_items(rows)
    out = annotate_dataset(ds, text_column="body", id_column="release_id", date_column="published",
                           concurrency=1, batch_size=2)
    docs = [orjson.loads(line) for line in iter_lines(out)]
    assert [d["id"] for d in docs][0] == "a" and docs[1]["id"].startswith("doc-")
    assert docs[0]["date"] == "2025-11-14" and docs[0]["entities"]
    assert docs[2]["error"] == "`text` must be a string"
    local = extractor.pipe([Record(id="a", text=rows[0]["body"], date="2025-11-14")])
    assert docs[0] == next(local).to_json_dict()

    # written by Ray as Parquet, read back with pyarrow
    out.write_parquet(str(tmp_path / "ray_parquet"))
    table = pq.read_table(tmp_path / "ray_parquet")
    assert sorted(table.column("id").to_pylist())[0] == "a" and table.num_rows == 3
    assert write_jsonl(out, tmp_path / "out.jsonl") == 3
