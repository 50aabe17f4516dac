"""Output documents as Parquet: one row per document (nested), or flat tables that join on ids.

One row per document (`DOCUMENT_SCHEMA`, what `extractor annotate -o out.parquet` writes):

    id string, date string, error string,
    entities list<struct<id, label, name, attributes: string (JSON), mentions: list<struct<start, end, text>>>>,
    events list<struct<id, type, trigger: struct<start, end, text>, date: struct<start, end>,
                       attributes: string (JSON), arguments: list<struct<role, entity, start, end, text>>>>

Attributes are JSON text because their values differ in type from label to label (a title, a
currency code, a number); `row_to_document` turns a row back into the exact JSON document.

Flat tables (`--tables DIR`, one Parquet file each); `doc_index` is the document's position in the
output (from 0) and the key to join on, since input ids need not be unique:

    documents  doc_index, id, date, error, entities, events (counts)
    entities   doc_index, doc_id, entity_id, label, name, attributes (JSON)
    mentions   doc_index, doc_id, entity_id, start, end, text
    events     doc_index, doc_id, event_id, type, trigger_start, trigger_end, trigger_text,
               date_start, date_end, attributes (JSON)
    arguments  doc_index, doc_id, event_id, role, entity_id, start, end, text

    mentions  JOIN entities  ON (doc_index, entity_id)
    arguments JOIN events    ON (doc_index, event_id)
    arguments JOIN entities  ON (doc_index, entity_id)   -- entity arguments
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

_S, _I = pa.string(), pa.int64()
_SPAN = pa.struct([("start", _I), ("end", _I), ("text", _S)])
_ENTITY = pa.struct([("id", _S), ("label", _S), ("name", _S), ("attributes", _S), ("mentions", pa.list_(_SPAN))])
_ARGUMENT = pa.struct([("role", _S), ("entity", _S), ("start", _I), ("end", _I), ("text", _S)])
_EVENT = pa.struct([
    ("id", _S), ("type", _S), ("trigger", _SPAN), ("date", pa.struct([("start", _S), ("end", _S)])),
    ("attributes", _S), ("arguments", pa.list_(_ARGUMENT)),
])
DOCUMENT_SCHEMA = pa.schema([
    ("id", _S), ("date", _S), ("entities", pa.list_(_ENTITY)), ("events", pa.list_(_EVENT)), ("error", _S),
    ("extra", _S),  # JSON of any other top-level fields of the document; null when none
])
_KNOWN = frozenset(DOCUMENT_SCHEMA.names)

TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([("doc_index", _I), ("id", _S), ("date", _S), ("error", _S),
                            ("entities", pa.int32()), ("events", pa.int32())]),
    "entities": pa.schema([("doc_index", _I), ("doc_id", _S), ("entity_id", _S), ("label", _S), ("name", _S),
                           ("attributes", _S)]),
    "mentions": pa.schema([("doc_index", _I), ("doc_id", _S), ("entity_id", _S), ("start", _I), ("end", _I),
                           ("text", _S)]),
    "events": pa.schema([("doc_index", _I), ("doc_id", _S), ("event_id", _S), ("type", _S), ("trigger_start", _I),
                         ("trigger_end", _I), ("trigger_text", _S), ("date_start", _S), ("date_end", _S),
                         ("attributes", _S)]),
    "arguments": pa.schema([("doc_index", _I), ("doc_id", _S), ("event_id", _S), ("role", _S), ("entity_id", _S),
                            ("start", _I), ("end", _I), ("text", _S)]),
}
ROWS_PER_GROUP = 10_000


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


def document_to_row(doc: dict[str, Any]) -> dict[str, Any]:
    """A document of the output contract as a row of `DOCUMENT_SCHEMA`."""
    extra = {k: v for k, v in doc.items() if k not in _KNOWN}
    return {
        "id": doc["id"],
        "date": doc.get("date"),
        "entities": [
            {"id": e["id"], "label": e["label"], "name": e["name"], "attributes": _json(e.get("attributes", {})),
             "mentions": e.get("mentions", [])}
            for e in doc.get("entities", [])
        ],
        "events": [
            {"id": v["id"], "type": v["type"], "trigger": v["trigger"], "date": v.get("date"),
             "attributes": _json(v.get("attributes", {})), "arguments": v.get("arguments", [])}
            for v in doc.get("events", [])
        ],
        "error": doc.get("error"),
        "extra": _json(extra) if extra else None,
    }


def row_to_document(row: dict[str, Any]) -> dict[str, Any]:
    """A row of `DOCUMENT_SCHEMA` back as the document it was made from, keys in the contract's
    order, so that `orjson.dumps` of it gives the JSONL line again."""
    doc: dict[str, Any] = {
        "id": row["id"],
        "date": row.get("date"),
        "entities": [
            {"id": e["id"], "label": e["label"], "name": e["name"], "attributes": orjson.loads(e["attributes"]),
             "mentions": [{"start": m["start"], "end": m["end"], "text": m["text"]} for m in e["mentions"] or []]}
            for e in row.get("entities") or []
        ],
        "events": [
            {"id": v["id"], "type": v["type"],
             "trigger": {"start": v["trigger"]["start"], "end": v["trigger"]["end"], "text": v["trigger"]["text"]},
             "date": None if v["date"] is None else {"start": v["date"]["start"], "end": v["date"]["end"]},
             "attributes": orjson.loads(v["attributes"]),
             "arguments": [{k: a[k] for k in ("role", "entity", "start", "end", "text") if a.get(k) is not None}
                           for a in v["arguments"] or []]}
            for v in row.get("events") or []
        ],
    }
    if row.get("error") is not None:
        doc["error"] = row["error"]
    if row.get("extra"):
        doc.update(orjson.loads(row["extra"]))
    return doc


def documents_to_table(docs: Iterable[dict[str, Any]]) -> pa.Table:
    """Documents as a table of `DOCUMENT_SCHEMA`."""
    return pa.Table.from_pylist([document_to_row(d) for d in docs], schema=DOCUMENT_SCHEMA)


def _read_lines(journal: Path, size: int = ROWS_PER_GROUP) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    with open(journal, "rb") as fh:
        for line in fh:
            if line.strip():
                batch.append(orjson.loads(line))
                if len(batch) >= size:
                    yield batch
                    batch = []
    if batch:
        yield batch


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


def write_parquet(journal: Path, output: Path) -> int:
    """Write the documents of a JSONL file to a Parquet file (one row each, in order); returns the count."""
    tmp = _tmp(output)
    n = 0
    with pq.ParquetWriter(tmp, DOCUMENT_SCHEMA) as writer:
        for batch in _read_lines(journal):
            writer.write_table(documents_to_table(batch))
            n += len(batch)
    os.replace(tmp, output)
    return n


def parquet_to_jsonl(parquet: Path, journal: Path) -> int:
    """The JSONL lines of a Parquet output file (the inverse of `write_parquet`); returns the count."""
    n = 0
    with open(journal, "wb") as out:
        for batch in pq.ParquetFile(parquet).iter_batches(batch_size=ROWS_PER_GROUP):
            for row in batch.to_pylist():
                out.write(orjson.dumps(row_to_document(row)) + b"\n")
                n += 1
    return n


def read_parquet_documents(path: Path) -> Iterator[dict[str, Any]]:
    """The documents of a Parquet output file, in order."""
    for batch in pq.ParquetFile(path).iter_batches(batch_size=ROWS_PER_GROUP):
        for row in batch.to_pylist():
            yield row_to_document(row)


def flat_rows(index: int, doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows one document gives in each flat table."""
    doc_id = doc["id"]
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_SCHEMAS}
    out["documents"].append({"doc_index": index, "id": doc_id, "date": doc.get("date"), "error": doc.get("error"),
                             "entities": len(doc.get("entities", [])), "events": len(doc.get("events", []))})
    for e in doc.get("entities", []):
        out["entities"].append({"doc_index": index, "doc_id": doc_id, "entity_id": e["id"], "label": e["label"],
                                "name": e["name"], "attributes": _json(e.get("attributes", {}))})
        for m in e.get("mentions", []):
            out["mentions"].append({"doc_index": index, "doc_id": doc_id, "entity_id": e["id"], **m})
    for v in doc.get("events", []):
        date = v.get("date") or {}
        out["events"].append({
            "doc_index": index, "doc_id": doc_id, "event_id": v["id"], "type": v["type"],
            "trigger_start": v["trigger"]["start"], "trigger_end": v["trigger"]["end"],
            "trigger_text": v["trigger"]["text"], "date_start": date.get("start"), "date_end": date.get("end"),
            "attributes": _json(v.get("attributes", {})),
        })
        for a in v.get("arguments", []):
            out["arguments"].append({"doc_index": index, "doc_id": doc_id, "event_id": v["id"], "role": a["role"],
                                     "entity_id": a.get("entity"), "start": a.get("start"), "end": a.get("end"),
                                     "text": a.get("text")})
    return out


def write_tables(journal: Path, folder: Path) -> dict[str, int]:
    """Write the flat tables of the documents of a JSONL file into `folder`; returns the row counts."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / f"{name}.parquet" for name in TABLE_SCHEMAS}
    writers = {name: pq.ParquetWriter(_tmp(paths[name]), schema) for name, schema in TABLE_SCHEMAS.items()}
    counts = dict.fromkeys(TABLE_SCHEMAS, 0)
    index = 0
    try:
        for batch in _read_lines(journal):
            rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_SCHEMAS}
            for doc in batch:
                for name, new in flat_rows(index, doc).items():
                    rows[name].extend(new)
                index += 1
            for name, table_rows in rows.items():
                if table_rows:
                    writers[name].write_table(pa.Table.from_pylist(table_rows, schema=TABLE_SCHEMAS[name]))
                    counts[name] += len(table_rows)
    finally:
        for writer in writers.values():
            writer.close()
    for name, path in paths.items():
        os.replace(_tmp(path), path)
    return counts


def tables_to_documents(folder: Path) -> list[dict[str, Any]]:
    """Rebuild the documents from the flat tables (joins in memory; for checks on small outputs)."""
    folder = Path(folder)
    t = {name: pq.read_table(folder / f"{name}.parquet").to_pylist() for name in TABLE_SCHEMAS}
    docs: list[dict[str, Any]] = []
    for row in t["documents"]:
        doc: dict[str, Any] = {"id": row["id"], "date": row["date"], "entities": [], "events": []}
        if row["error"] is not None:
            doc["error"] = row["error"]
        docs.append(doc)
    ents: dict[tuple[int, str], dict[str, Any]] = {}
    for row in t["entities"]:
        ent = {"id": row["entity_id"], "label": row["label"], "name": row["name"],
               "attributes": orjson.loads(row["attributes"]), "mentions": []}
        ents[(row["doc_index"], row["entity_id"])] = ent
        docs[row["doc_index"]]["entities"].append(ent)
    for row in t["mentions"]:
        ents[(row["doc_index"], row["entity_id"])]["mentions"].append(
            {"start": row["start"], "end": row["end"], "text": row["text"]})
    events: dict[tuple[int, str], dict[str, Any]] = {}
    for row in t["events"]:
        date: Optional[dict[str, str]] = None
        if row["date_start"] is not None:
            date = {"start": row["date_start"], "end": row["date_end"]}
        ev = {"id": row["event_id"], "type": row["type"],
              "trigger": {"start": row["trigger_start"], "end": row["trigger_end"], "text": row["trigger_text"]},
              "date": date, "attributes": orjson.loads(row["attributes"]), "arguments": []}
        events[(row["doc_index"], row["event_id"])] = ev
        docs[row["doc_index"]]["events"].append(ev)
    for row in t["arguments"]:
        arg = {"role": row["role"]}
        if row["entity_id"] is not None:
            arg["entity"] = row["entity_id"]
        else:
            arg.update({"start": row["start"], "end": row["end"], "text": row["text"]})
        events[(row["doc_index"], row["event_id"])]["arguments"].append(arg)
    for doc in docs:  # the contract's key order: `error` after the layers
        if "error" in doc:
            doc["error"] = doc.pop("error")
    return docs
