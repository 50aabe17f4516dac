"""Readers: the ministry listing format, JSONL, .txt files and folders. Every input document gives
one record in input order; an unusable one carries `error` instead of stopping the batch."""

from __future__ import annotations

import pytest

from extractor.errors import InputError
from extractor.readers import Record, is_listing, parse_listing, read_inputs

# Two releases of the listing format (GUIDELINES.md 1): "-", an optional category line, the title,
# the body, and a `dateYYYY-MM-DD` trailer that is not part of the text.
LISTING = """-
Trade Minister Meets with U.S. Senator Todd Young
Trade Minister Yeo Han-koo of the Ministry of Trade, Industry and Resources met with U.S. Senator Todd Young on January 13. date2026-01-14
-
Trade/Investment
Meeting with the New Ambassador of India to Korea
Trade Minister Yeo Han-koo met with Gourangalal Das, the newly appointed Ambassador of India to Korea.
The two sides discussed ways to expand trade. date2025-12-10
"""

TITLE_1 = "Trade Minister Meets with U.S. Senator Todd Young"
BODY_1 = "Trade Minister Yeo Han-koo of the Ministry of Trade, Industry and Resources met with U.S. Senator Todd Young on January 13."
TITLE_2 = "Meeting with the New Ambassador of India to Korea"
BODY_2 = ("Trade Minister Yeo Han-koo met with Gourangalal Das, the newly appointed Ambassador of India to Korea.\n"
          "The two sides discussed ways to expand trade.")


def test_parse_listing():
    assert list(parse_listing(LISTING, prefix="seed")) == [
        Record(id="seed-01", text=f"{TITLE_1}\n{BODY_1}", date="2026-01-14", extra={"title": TITLE_1}),
        Record(id="seed-02", text=f"{TITLE_2}\n{BODY_2}", date="2025-12-10",
               extra={"title": TITLE_2, "category": "Trade/Investment"}),
    ]


def test_listing_text_has_no_trailer_or_category():
    for rec in parse_listing(LISTING):
        assert "date20" not in rec.text
        assert "Trade/Investment" not in rec.text
        assert rec.text.split("\n", 1)[0] == rec.extra["title"]


def test_listing_read_from_a_txt_file(tmp_path):
    path = tmp_path / "seeds.txt"
    path.write_text(LISTING, encoding="utf-8")
    assert is_listing(LISTING)
    records = list(read_inputs([path]))
    assert [(r.id, r.date, r.error) for r in records] == [("seeds-01", "2026-01-14", None), ("seeds-02", "2025-12-10", None)]
    assert records[1].text == f"{TITLE_2}\n{BODY_2}"


def test_listing_bad_blocks_are_reported():
    text = "-\n-\nTitle only date2025-11-14\n-\n" + LISTING.split("-\n", 2)[2]
    assert [(r.id, r.error) for r in parse_listing(text)] == [
        ("release-01", "empty release in listing"),
        ("release-02", "release has no title line and body"),
        ("release-03", None),
    ]


def test_jsonl_every_line_gives_a_record(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "Korea\xe2\x80\x99s exports rose.", "date": "2025-11-14"}\n'
        b"{bad json\n"
        b"\n"
        b'{"id": "c"}\n'
        b'{"id": "d", "text": 5}\n'
        b'{"id": "e", "text": "x", "date": "14/11/2025"}\n'
        b'{"id": "f", "text": "x", "date": "2025-13-45"}\n'
        b'{"text": "no id"}\n'
        b"[1, 2]\n"
        b'{"id": 7, "text": "a number as id"}\n'
        b"\xff\xfe\n"
    )
    records = list(read_inputs([path]))
    assert [(r.id, r.text, r.date) for r in records if r.error is None] == [
        ("a", "Korea’s exports rose.", "2025-11-14"),
        ("in.jsonl:8", "no id", None),
        ("7", "a number as id", None),
    ]
    errors = [(r.id, r.error) for r in records if r.error is not None]
    assert errors[:4] == [
        ("in.jsonl:2", "line 2 is not valid JSON: Expecting property name enclosed in double quotes"),
        ("c", "missing `text`"),
        ("d", "`text` must be a string"),
        ("e", "`date` must be an ISO date, YYYY-MM-DD"),
    ]
    assert errors[4][0] == "f" and "date" in errors[4][1]
    assert errors[5:] == [("in.jsonl:9", "line is not a JSON object"), ("in.jsonl:11", "line 11 is not valid UTF-8")]
    # one record per non-empty line, in input order
    assert [r.id for r in records] == ["a", "in.jsonl:2", "c", "d", "e", "f", "in.jsonl:8", "in.jsonl:9", "7", "in.jsonl:11"]


def test_empty_jsonl_gives_no_records(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    assert list(read_inputs([path])) == []


def test_folder_of_txt_files_in_name_order(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "b.txt").write_text("Second Release\nBody two.", encoding="utf-8")
    (folder / "a.txt").write_text("\ufeffFirst Release\nBody one.", encoding="utf-8")  # a BOM is dropped
    (folder / "notes.md").write_text("not an input", encoding="utf-8")
    assert [(r.id, r.text) for r in read_inputs([folder])] == [
        ("a", "First Release\nBody one."),
        ("b", "Second Release\nBody two."),
    ]


def test_non_utf8_txt_file_gives_an_error_record(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Korea’s exports rose.".encode("cp1252"))
    assert list(read_inputs([path])) == [Record(id="cp1252", error="file is not valid UTF-8")]


def test_non_utf8_listing_is_reported(tmp_path):
    """With --format listing too, an unreadable file is an error record (or an InputError), never a crash."""
    path = tmp_path / "cp1252.txt"
    path.write_bytes(LISTING.replace("Young", "Young’s").encode("cp1252"))
    try:
        records = list(read_inputs([path], fmt="listing"))
    except InputError:
        return
    assert [(r.id, r.error) for r in records] == [("cp1252", "file is not valid UTF-8")]


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda d: d / "missing.jsonl", r"input .*missing\.jsonl does not exist"),
        (lambda d: (d / "empty").mkdir() or d / "empty", r"folder .*empty has no \.txt.*\.jsonl.* files"),
    ],
    ids=["missing-path", "empty-folder"],
)
def test_unreadable_inputs_raise(tmp_path, make, message):
    with pytest.raises(InputError, match=message):
        list(read_inputs([make(tmp_path)]))


def test_unknown_format(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown input format 'xml': use auto, jsonl, .*txt or listing"):
        list(read_inputs([path], fmt="xml"))


def test_gzipped_jsonl(tmp_path):
    import gzip

    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write('{"id": "a", "text": "Korea", "date": "2025-11-14"}\n{"id": "b", "text": "Japan"}\n')
    assert [(r.id, r.text, r.date, r.error) for r in read_inputs([path])] == [
        ("a", "Korea", "2025-11-14", None),
        ("b", "Japan", None, None),
    ]


def test_jsonl_byte_order_mark_and_crlf(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "Korea"}\r\n{"id": "b", "text": "Japan"}\r\n')
    assert [(r.id, r.text, r.error) for r in read_inputs([path])] == [("a", "Korea", None), ("b", "Japan", None)]


def test_a_line_over_the_byte_limit_is_an_error_record_not_a_memory_hog(tmp_path):
    path = tmp_path / "big.jsonl"
    big = b'{"id": "huge", "text": "' + b"x" * 5000 + b'"}'
    path.write_bytes(b'{"id": "a", "text": "Korea"}\n' + big + b'\n{"id": "b", "text": "Japan"}\n' + b"y" * 3000)
    records = list(read_inputs([path], max_bytes=1000))
    assert [(r.id, r.error) for r in records] == [
        ("a", None),
        ("huge", "line 2 has more than 1000 bytes, over the input limit (raise --max-chars to read it)"),
        ("b", None),
        ("big.jsonl:4", "line 4 has more than 1000 bytes, over the input limit (raise --max-chars to read it)"),
    ]
    txt = tmp_path / "long.txt"
    txt.write_text("word " * 300, encoding="utf-8")
    assert [(r.id, r.error) for r in read_inputs([txt], max_bytes=1000)] == [
        ("long", "file has more than 1000 bytes, over the input limit (raise --max-chars to read it)")]


def test_a_truncated_gzip_file_raises_input_error(tmp_path):
    import gzip

    data = gzip.compress(b'{"id": "a", "text": "Korea"}\n' * 2000)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"cut\.jsonl\.gz is truncated or corrupt after line"):
        list(read_inputs([path]))


def test_text_problem_defines_odd_texts():
    from extractor.readers import clean_id, text_problem

    assert text_problem("") is None and text_problem("  \n\t") is None
    assert text_problem("Exports rose.\x0cPage 2\x0b") is None  # form feeds and vertical tabs are whitespace
    assert text_problem("abc\x00def") == "text looks binary (it has NUL characters)"
    assert text_problem("\x1b[0m" * 3 + "abcdefghij") == "text looks binary (3 of 22 characters are control characters)"
    assert text_problem("Korea \ud800") == "text is not valid Unicode (a lone surrogate at character 6)"
    assert text_problem("Korea" + "\x07" * 1 + "x" * 20) is None  # one bell in 26 characters: text
    assert clean_id("a\udc80b") == "a\ufffdb" and clean_id("plain") == "plain"


def _write_parquet(path, columns):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table(columns), path, row_group_size=2)
    return path


def test_parquet_rows_are_records(tmp_path):
    import datetime as dt

    pa = pytest.importorskip("pyarrow")

    path = _write_parquet(tmp_path / "in.parquet", {
        "id": ["a", None, "c", "d", ""],
        "text": ["Korea", "Japan", None, "Vietnam", "China"],
        "date": pa.array([dt.datetime(2025, 11, 14, 9, 30), None, None, None, dt.datetime(2025, 1, 2)],
                         pa.timestamp("s")),
        "other": [1, 2, 3, 4, 5],
    })
    assert [(r.id, r.text, r.date, r.error) for r in read_inputs([path])] == [
        ("a", "Korea", "2025-11-14", None),
        ("in.parquet:2", "Japan", None, None),
        ("c", None, None, "`text` must be a string"),
        ("d", "Vietnam", None, None),
        ("in.parquet:5", "China", "2025-01-02", None),
    ]


def test_parquet_named_and_binary_columns(tmp_path):
    from extractor.readers import Columns

    pa = pytest.importorskip("pyarrow")

    path = _write_parquet(tmp_path / "bin.parquet", {
        "key": [10, 11],
        "body": pa.array([b"Korea\xe2\x80\x99s exports", b"\xff\xfe"], pa.binary()),
        "day": ["2025-11-14", "14/11/2025"],
    })
    records = list(read_inputs([path], columns=Columns(text="body", id="key", date="day")))
    assert [(r.id, r.text, r.date, r.error) for r in records] == [
        ("10", "Korea’s exports", "2025-11-14", None),
        ("11", None, None, "row 2: `body` is not valid UTF-8"),
    ]
    with pytest.raises(InputError, match=r"has no column 'text' \(it has key, body, day\): name it with --text-column"):
        list(read_inputs([path]))
    with pytest.raises(InputError, match=r"has no column 'uid' .*--id-column"):
        list(read_inputs([path], columns=Columns(text="body", id="uid")))
    not_parquet = tmp_path / "fake.parquet"
    not_parquet.write_text("not parquet", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read .*fake.parquet as Parquet"):
        list(read_inputs([not_parquet]))


def test_jsonl_with_named_fields(tmp_path):
    from extractor.readers import Columns

    path = tmp_path / "named.jsonl"
    path.write_text('{"uid": "x1", "body": "Korea", "day": "2025-11-14"}\n{"body": "Japan"}\n{"uid": "x3"}\n',
                    encoding="utf-8")
    records = list(read_inputs([path], columns=Columns(text="body", id="uid", date="day")))
    assert [(r.id, r.text, r.date, r.error) for r in records] == [
        ("x1", "Korea", "2025-11-14", None),
        ("named.jsonl:2", "Japan", None, None),
        ("x3", None, None, "missing `body`"),
    ]


def test_folders_include_parquet_and_gz(tmp_path):
    import gzip

    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text("First", encoding="utf-8")
    (folder / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "b1", "text": "Second"}\n'))
    _write_parquet(folder / "c.parquet", {"id": ["c1"], "text": ["Third"]})
    (folder / "d.csv").write_text("ignored", encoding="utf-8")
    assert [(r.id, r.text) for r in read_inputs([folder])] == [("a", "First"), ("b1", "Second"), ("c1", "Third")]
