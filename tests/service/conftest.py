"""Fixtures of the service tests: the model loaded once, apps built around it, a live server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from extractor import Extractor
from service.main import create_app
from service.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "trade_en"

# the example sentence of ANNOTATION.md, from a release dated 2025-11-14
SENTENCE = (
    "Park Jung-sung, Deputy Minister for Trade at the Ministry of Trade, Industry and Resources "
    "(MOTIR, Minister Kim Jung-kwan), met with Tran Quoc Phuong, Vietnam’s Vice Minister of Finance, "
    "on Thursday, November 13, at Lotte Hotel Seoul."
)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests set their settings explicitly; EXTRACTOR_* variables of the shell do not leak in."""
    for name in list(os.environ):
        if name.startswith("EXTRACTOR_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor.load(MODEL)


@pytest.fixture
def make_client(extractor: Extractor) -> Iterator[Callable[..., TestClient]]:
    """`make_client(**settings)`: a started TestClient of an app serving the session's model."""
    clients: list[TestClient] = []

    def make(raise_server_exceptions: bool = True, **settings) -> TestClient:
        app = create_app(Settings(model_path=MODEL, **settings), extractor=extractor)
        client = TestClient(app, raise_server_exceptions=raise_server_exceptions)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client) -> TestClient:
    return make_client()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EXTRACTOR_")}
    env["EXTRACTOR_MODEL_PATH"] = str(MODEL)
    env.update({f"EXTRACTOR_{k.upper()}": v for k, v in settings.items()})
    return env


def start_server(args: list[str], port: int, log: Path, env: dict[str, str]) -> subprocess.Popen:
    """Start a server process on 127.0.0.1:port and wait until /readyz answers 200."""
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError(f"the server was not ready in 90 s:\n{log.read_text()[-3000:]}")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`uvicorn service.main:app` on 127.0.0.1 and a free port; yields its base URL."""
    port = free_port()
    log = tmp_path_factory.mktemp("live") / "server.log"
    args = ["-m", "uvicorn", "service.main:app", "--host", "127.0.0.1", "--port", str(port)]
    proc = start_server(args, port, log, server_env())
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)
