"""A real server process: `uvicorn service.main:app` on loopback, and the `serve` function."""

from __future__ import annotations

import json
import socket
import threading

import httpx
import pytest
from conftest import ROOT, free_port, server_env, start_server, stop_server

from extractor.errors import ModelLoadError
from service.cli import serve

RELEASE = json.loads((ROOT / "corpus" / "src" / "motir-000-05.json").read_text(encoding="utf-8"))


def _raw_request(base_url: str, head: bytes) -> bytes:
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return data


def test_bad_requests_do_not_stop_the_server(live_server):
    url = f"{live_server}/v1/extract"
    bad = [
        (b"{not json", 422, "invalid_request"),
        (b'{"text": "\xff\xfe"}', 422, "invalid_encoding"),
        (b'{"text": 1}', 422, "invalid_request"),
        (b'{"text": "a", "date": "2025-13-01"}', 422, "invalid_request"),
    ]
    for body, status, code in bad:
        response = httpx.post(url, content=body, headers={"content-type": "application/json"})
        assert (response.status_code, response.json()["error"]) == (status, code)
        assert "Traceback" not in response.text

    # a huge declared body is refused from its header, before it is sent
    answer = _raw_request(live_server, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                       b"Content-Length: 100000000\r\nConnection: close\r\n\r\n")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert json.loads(body) == {"error": "body_too_large",
                                "message": "the body has 100000000 bytes, over the limit of 8000000"}

    response = httpx.post(url, json={"id": RELEASE["id"], "text": RELEASE["text"], "date": RELEASE["date"]}, timeout=30)
    assert response.status_code == 200
    assert response.json()["id"] == RELEASE["id"] and response.json()["entities"]


def test_the_event_loop_answers_while_the_pipeline_works(live_server):
    releases = sorted((ROOT / "corpus" / "src").glob("motir-000-*.json"))
    long_text = "\n".join(json.loads(p.read_text(encoding="utf-8"))["text"] for p in releases)
    done = threading.Event()
    result = {}

    def extract():
        result["response"] = httpx.post(f"{live_server}/v1/extract", json={"text": long_text}, timeout=60)
        done.set()

    worker = threading.Thread(target=extract)
    worker.start()
    try:
        threading.Event().wait(0.3)  # let the request reach the pipeline thread
        assert httpx.get(f"{live_server}/healthz", timeout=30).json() == {"status": "ok"}
        assert not done.is_set(), "health answered only after the long extraction had ended"
    finally:
        worker.join(60)
    assert result["response"].status_code == 200


def test_serve_runs_uvicorn_with_the_settings(tmp_path):
    port = free_port()
    args = ["-c", f"from service.cli import serve; serve(port={port})"]
    proc = start_server(args, port, tmp_path / "serve.log", server_env(api_key="s3cret"))
    try:
        url = f"http://127.0.0.1:{port}/v1/extract"
        body = {"id": RELEASE["id"], "text": RELEASE["text"], "date": RELEASE["date"]}
        assert httpx.post(url, json=body).status_code == 401
        response = httpx.post(url, json=body, headers={"X-API-Key": "s3cret"}, timeout=30)
        assert response.status_code == 200
        assert list(response.json()) == ["id", "date", "entities", "events"]
    finally:
        stop_server(proc)


def test_serve_refuses_a_missing_model_before_starting(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_MODEL_PATH", "unused")  # serve() sets it; monkeypatch restores it
    missing = tmp_path / "nowhere"

    with pytest.raises(ModelLoadError, match="does not exist: pass --model or set EXTRACTOR_MODEL_PATH"):
        serve(model=missing)
