"""Every bad request gets its status and a clear JSON error, and the app keeps serving."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from extractor.extract import load_pipeline
from service.deps import get_extractor, get_settings
from service.settings import Settings

JSON = {"content-type": "application/json"}


def _invalid(message: str, *details: tuple[str, str]) -> dict:
    return {"error": "invalid_request", "message": message,
            "details": [{"loc": loc, "message": msg} for loc, msg in details]}


def _body_error(message: str) -> dict:
    return _invalid(message, ("body", message))


def _field_error(loc: str, message: str) -> dict:
    return _invalid(f"{loc}: {message}", (loc, message))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(b'{"text": ', _body_error("the body is not valid JSON at character 9 (Expecting value)"),
                     id="not-json"),
        pytest.param(b"", _body_error("the body is empty: send a JSON document"), id="empty-body"),
        pytest.param(b'["a"]', _body_error("the body must be a JSON object with a `text` field"), id="not-object"),
        pytest.param(b'{"id": "x"}', _field_error("text", "Field required"), id="missing-text"),
        pytest.param(b'{"text": 42}', _field_error("text", "`text` must be a string"), id="number-text"),
        pytest.param(b'{"text": null}', _field_error("text", "`text` must be a string"), id="null-text"),
        pytest.param(b'{"text": "a", "date": "14/11/2025"}',
                     _field_error("date", "`date` must be an ISO date, YYYY-MM-DD"), id="date-format"),
        pytest.param(b'{"text": "a", "date": "2025-02-30"}', _field_error(
            "date", "Input should be a valid date or datetime, day value is outside expected range"),
            id="date-impossible"),
        pytest.param(b'{"text": "a", "id": ["x"]}', _field_error("id", "`id` must be a string"), id="list-id"),
    ],
)
def test_bad_documents_get_422(client, body, expected):
    response = client.post("/v1/extract", content=body, headers=JSON)

    assert response.status_code == 422
    assert response.json() == expected
    assert client.post("/v1/extract", json={"text": "Vietnam"}).status_code == 200  # still serving


def test_body_not_utf8_gets_422(client):
    response = client.post("/v1/extract", content='{"text": "Caf\u00e9"}'.encode("latin-1"), headers=JSON)

    assert response.status_code == 422
    assert response.json() == {"error": "invalid_encoding",
                               "message": "the body is not valid UTF-8 (byte 13: b'\\xe9')"}


def test_body_not_sent_as_json_gets_422(client):
    response = client.post("/v1/extract", content=b'{"text": "a"}', headers={"content-type": "text/plain"})

    assert response.status_code == 422
    assert response.json() == _body_error("the body must be JSON; send it with Content-Type: application/json")


def test_text_over_the_limit_gets_413(make_client):
    client = make_client(max_text_chars=20)

    response = client.post("/v1/extract", json={"text": "x" * 21})

    assert response.status_code == 413
    assert response.json() == {"error": "text_too_long", "message": "text has 21 characters, over the limit of 20"}
    assert client.post("/v1/extract", json={"text": "x" * 20}).status_code == 200


def test_text_over_the_limit_in_a_batch_gets_413(make_client):
    client = make_client(max_text_chars=20)

    response = client.post("/v1/extract/batch", json=[{"text": "short"}, {"text": "y" * 25}])

    assert response.status_code == 413
    assert response.json() == {"error": "text_too_long", "message": "[1].text has 25 characters, over the limit of 20"}


def test_body_over_the_limit_gets_413(make_client):
    client = make_client(max_body_bytes=100)

    response = client.post("/v1/extract", content=b'{"text": "' + b"z" * 200 + b'"}', headers=JSON)

    assert response.status_code == 413
    assert response.json() == {"error": "body_too_large", "message": "the body has 212 bytes, over the limit of 100"}


def test_chunked_body_over_the_limit_gets_413(make_client):
    client = make_client(max_body_bytes=100)

    def chunks():  # no Content-Length: the limit is enforced while the body streams in
        yield b'{"text": "'
        for _ in range(10):
            yield b"z" * 20
        yield b'"}'

    response = client.post("/v1/extract", content=chunks(), headers=JSON)

    assert response.status_code == 413
    assert response.json() == {"error": "body_too_large",
                               "message": "the body has more than 100 bytes, over the limit of 100"}


def test_batch_over_the_limit_gets_413(make_client):
    client = make_client(max_batch=2)

    response = client.post("/v1/extract/batch", json=[{"text": "a"}, {"text": "b"}, {"text": "c"}])

    assert response.status_code == 413
    assert response.json() == {"error": "batch_too_large", "message": "the batch has 3 documents, over the limit of 2"}


def test_bad_batches_get_422(client):
    response = client.post("/v1/extract/batch", json={"text": "a"})
    assert response.status_code == 422
    assert response.json() == _body_error("the body must be a JSON list of documents")

    response = client.post("/v1/extract/batch", json=[{"text": "a"}, {"txt": "b"}, {"text": "c", "date": "soon"}])
    assert response.status_code == 422
    assert response.json() == _invalid(
        "[1].text: Field required; [2].date: `date` must be an ISO date, YYYY-MM-DD",
        ("[1].text", "Field required"), ("[2].date", "`date` must be an ISO date, YYYY-MM-DD"))


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "an API key is needed: send it in the X-API-Key header"),
        ({"X-API-Key": "wrong"}, "the API key is wrong"),
    ],
)
def test_missing_or_wrong_api_key_gets_401(make_client, headers, message):
    client = make_client(api_key="s3cret")

    for request in (lambda: client.post("/v1/extract", json={"text": "Vietnam"}, headers=headers),
                    lambda: client.post("/v1/extract/batch", json=[], headers=headers),
                    lambda: client.get("/v1/schema", headers=headers)):
        response = request()
        assert response.status_code == 401
        assert response.json() == {"error": "unauthorized", "message": message}


def test_right_api_key_passes_and_health_needs_none(make_client):
    client = make_client(api_key="s3cret")

    assert client.post("/v1/extract", json={"text": ""}, headers={"X-API-Key": "s3cret"}).json() == {
        "id": "doc-1", "date": None, "entities": [], "events": []}
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/").status_code == 200


def test_unknown_path_and_method_get_json(client):
    response = client.get("/v1/nothing")
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "message": "Not Found"}

    response = client.get("/v1/extract")
    assert response.status_code == 405
    assert response.json() == {"error": "method_not_allowed", "message": "Method Not Allowed"}


class _BrokenExtractor:
    nlp = SimpleNamespace(meta={}, pipe_names=[])

    def annotate(self, text, id=None, date=None):
        raise RuntimeError("boom")


def test_a_pipeline_failure_gets_500_without_a_traceback(client):
    client.app.dependency_overrides[get_extractor] = _BrokenExtractor

    response = client.post("/v1/extract", json={"text": "Vietnam"})

    assert response.status_code == 500
    assert response.json() == {"error": "annotation_failed",
                               "message": "the pipeline failed on this document (RuntimeError: boom)"}


def test_an_unexpected_error_gets_500_without_a_traceback(make_client):
    client = make_client(raise_server_exceptions=False)

    def broken_settings() -> Settings:
        raise KeyError("internal detail")

    client.app.dependency_overrides[get_settings] = broken_settings

    response = client.post("/v1/extract", json={"text": "Vietnam"})

    assert response.status_code == 500
    assert response.json() == {"error": "internal_error", "message": "internal server error; it has been logged"}
    assert client.get("/healthz").json() == {"status": "ok"}


def test_a_model_that_fails_to_load_keeps_readyz_at_503(tmp_path):
    from fastapi.testclient import TestClient

    from service.main import create_app

    missing = tmp_path / "no-model"
    with pytest.raises(Exception) as info:
        load_pipeline(missing)
    app = create_app(Settings(model_path=missing))

    with TestClient(app) as client:
        for _ in range(100):  # the load runs in the background; it fails at once here
            if app.state.model_error is not None:
                break
            client.get("/healthz")
        expected = {"error": "model_not_ready", "message": f"the model failed to load: {info.value}"}
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.headers["retry-after"] == "5"
        assert response.json() == expected
        response = client.post("/v1/extract", json={"text": "Vietnam"})
        assert (response.status_code, response.json()) == (503, expected)
        assert client.get("/healthz").json() == {"status": "ok"}
