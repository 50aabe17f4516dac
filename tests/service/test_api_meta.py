"""GET /v1/schema, /healthz, /readyz, the docs, the page's files, settings and CORS."""

from __future__ import annotations

import json

import pytest
from conftest import MODEL, ROOT
from fastapi.testclient import TestClient

from service.main import create_app
from service.settings import Settings

PERSON_ATTRS = ["title", "affiliation", "country"]
ANY_BODY = ["COUNTRY", "MINISTRY", "OFFICIAL", "ORG"]


def _role(role, labels=(), span=False):
    return {"role": role, "entity_labels": list(labels), "span": span}


def test_schema_lists_labels_events_roles_and_attributes(client):
    response = client.get("/v1/schema")

    assert response.status_code == 200
    assert response.json() == {
        "version": "0.1.0",
        "entity_labels": [
            {"label": "OFFICIAL", "attributes": PERSON_ATTRS},
            {"label": "PERSON", "attributes": PERSON_ATTRS},
            {"label": "MINISTRY", "attributes": []},
            {"label": "ORG", "attributes": []},
            {"label": "COUNTRY", "attributes": ["code"]},
            {"label": "AGREEMENT", "attributes": []},
            {"label": "REGULATION", "attributes": []},
            {"label": "MONEY", "attributes": ["currency", "value"]},
            {"label": "PERCENT", "attributes": ["value", "unit"]},
        ],
        "event_types": [
            {"type": "MEETING", "attributes": [], "roles": [
                _role("participant", ["COUNTRY", "MINISTRY", "OFFICIAL", "ORG", "PERSON"]),
                _role("location", span=True), _role("topic", span=True), _role("name", span=True)]},
            {"type": "AGREEMENT", "roles": [
                _role("party", ANY_BODY), _role("agreement", ["AGREEMENT"]), _role("content", span=True)],
             "attributes": [{"name": "status", "values": [
                 "signed", "concluded", "negotiating", "in_force", "reviewed", "agreed", "planned"]}]},
            {"type": "TRADE_CONCERN", "attributes": [], "roles": [
                _role("complainant", ANY_BODY), _role("respondent", ["COUNTRY"]),
                _role("measure", ["REGULATION"], span=True), _role("forum", ["MINISTRY", "ORG"]),
                _role("request", span=True)]},
            {"type": "FIGURE", "roles": [
                _role("indicator", span=True), _role("value", ["MONEY", "PERCENT"], span=True),
                _role("change", ["MONEY", "PERCENT"]), _role("period", span=True), _role("partner", ["COUNTRY"])],
             "attributes": [{"name": "direction", "values": ["increase", "decrease", None]}]},
        ],
    }


def test_healthz_and_readyz(client, extractor):
    assert client.get("/healthz").json() == {"status": "ok"}
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "model": extractor.nlp.meta["name"],
        "model_version": extractor.nlp.meta["version"],
        "pipeline": extractor.nlp.pipe_names,
    }


def test_readyz_is_503_until_the_background_load_ends(monkeypatch, extractor):
    import threading

    import service.pipeline

    release = threading.Event()

    class SlowExtractor:
        @staticmethod
        def load(path, max_chars):
            assert (path, max_chars) == (MODEL, 1234)
            release.wait(10)
            return extractor

    monkeypatch.setattr(service.pipeline, "Extractor", SlowExtractor)
    app = create_app(Settings(model_path=MODEL, max_text_chars=1234))
    with TestClient(app) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.json() == {"error": "model_not_ready",
                                   "message": "the model is still loading; try again in a few seconds"}
        release.set()
        for _ in range(200):
            if app.state.extractor is not None:
                break
            threading.Event().wait(0.01)
        assert client.get("/readyz").status_code == 200


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {"/healthz", "/readyz", "/v1/extract", "/v1/extract/batch", "/v1/schema"}
    extract = spec["paths"]["/v1/extract"]["post"]
    ok = extract["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/Document"}
    assert set(extract["responses"]) == {"200", "401", "413", "422", "503"}


def test_page_and_its_files_are_served(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert 'id="text"' in response.text and "/static/app.js" in response.text
    for name, kind in [("app.js", "javascript"), ("style.css", "text/css"), ("samples.json", "application/json")]:
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        assert kind in response.headers["content-type"]


def test_samples_are_real_releases():
    samples = json.loads((ROOT / "service" / "static" / "samples.json").read_text(encoding="utf-8"))

    assert 3 <= len(samples) <= 5
    for sample in samples:
        release = json.loads((ROOT / "corpus" / "src" / f"{sample['id']}.json").read_text(encoding="utf-8"))
        assert {k: sample[k] for k in ("title", "date", "text")} == {k: release[k] for k in ("title", "date", "text")}


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("EXTRACTOR_MODEL_PATH", str(tmp_path))
    monkeypatch.setenv("EXTRACTOR_MAX_TEXT_CHARS", "5000")
    monkeypatch.setenv("EXTRACTOR_MAX_BATCH", "4")
    monkeypatch.setenv("EXTRACTOR_MAX_BODY_BYTES", "65536")
    monkeypatch.setenv("EXTRACTOR_API_KEY", "k")
    monkeypatch.setenv("EXTRACTOR_ALLOWED_ORIGINS", "http://a.example, http://b.example")

    settings = Settings()

    assert settings.model_dump(mode="json") == {
        "model_path": str(tmp_path), "max_text_chars": 5000, "max_batch": 4, "max_body_bytes": 65536,
        "api_key": "**********", "allowed_origins": ["http://a.example", "http://b.example"]}
    assert settings.api_key.get_secret_value() == "k"


def test_settings_defaults_and_an_empty_key():
    settings = Settings(api_key="")

    assert settings.model_dump(mode="json") == {
        "model_path": None, "max_text_chars": 100_000, "max_batch": 32, "max_body_bytes": 8_000_000,
        "api_key": None, "allowed_origins": []}


def test_bad_settings_are_refused(monkeypatch):
    monkeypatch.setenv("EXTRACTOR_MAX_BATCH", "0")
    with pytest.raises(ValueError, match="max_batch"):
        Settings()


def test_cors_allows_the_configured_origins_only(make_client):
    client = make_client(allowed_origins=["http://ui.example"], max_body_bytes=50)
    preflight = {"Origin": "http://ui.example", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type,x-api-key"}

    response = client.options("/v1/extract", headers=preflight)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "http://ui.example"

    response = client.options("/v1/extract", headers={**preflight, "Origin": "http://evil.example"})
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers

    # error answers carry the header too, so a browser client can read them
    response = client.post("/v1/extract", json={"text": "x" * 100}, headers={"Origin": "http://ui.example"})
    assert response.status_code == 413
    assert response.headers["access-control-allow-origin"] == "http://ui.example"


def test_no_cors_headers_without_origins(client):
    response = client.get("/healthz", headers={"Origin": "http://ui.example"})
    assert "access-control-allow-origin" not in response.headers
