"""The API under fuzzing: schemathesis, driven by the service's own OpenAPI schema, finds no server
error and no answer that breaks the schema (valid and invalid requests alike)."""

from __future__ import annotations

from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="fuzzing needs schemathesis: pip install '.[fuzz]'")
try:
    from service.main import create_app
    from service.settings import Settings
except ImportError as exc:  # pragma: no cover - the service is part of the project
    pytest.skip(f"the service package is missing ({exc})", allow_module_level=True)

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

MODEL = Path(__file__).resolve().parent.parent / "models" / "trade_en"
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]


@pytest.fixture(scope="module")
def api_schema(extractor):
    """The schema the app serves at /openapi.json, with the app (and the session's model) behind it.

    Small limits keep the generated bodies quick to annotate and reach the 413 answers too."""
    app = create_app(Settings(model_path=MODEL, max_text_chars=2_000, max_batch=4, max_body_bytes=20_000),
                     extractor=extractor)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


# schemathesis' own pytest plugin (`from_fixture`) does not run under this pytest, so the cases are
# drawn with Hypothesis directly, operation by operation
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
def test_api_answers_every_request_within_its_schema(api_schema, mode):
    ops = operations(api_schema)
    assert {op.label for op in ops} >= {"POST /v1/extract", "POST /v1/extract/batch", "GET /v1/schema",
                                        "GET /healthz", "GET /readyz"}
    fuzzed = []
    for op in ops:
        @given(case=op.as_strategy(generation_mode=mode))
        @settings(max_examples=100 if op.method == "post" else 10, deadline=None, database=None,
                  derandomize=True, suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(checks=CHECKS)

        try:
            check()
        except Unsatisfiable:
            # an operation with no body and no parameters has no invalid request to make
            assert mode is GenerationMode.NEGATIVE and op.method == "get"
            continue
        fuzzed.append(op.label)
    assert {"POST /v1/extract", "POST /v1/extract/batch"} <= set(fuzzed)
