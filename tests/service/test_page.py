"""The web page in a real browser: Playwright for Python driving Debian's headless Chromium.

Needs `pip install playwright` and `apt-get install chromium` (no browser download). Without them
the test is skipped with the reason; with REQUIRE_BROWSER_TEST=1 (set it in CI) it fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import httpx
import pytest
from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SAMPLES = json.loads((ROOT / "service" / "static" / "samples.json").read_text(encoding="utf-8"))


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright; no browser download is needed)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


def _shown_date(date: dict | None) -> str:
    if date is None:
        return "no date"
    return date["start"] if date["start"] == date["end"] else f"{date['start']} – {date['end']}"


@pytest.fixture(scope="session")  # session: checked before the live server is started
def browser():
    missing = _missing()
    if missing:
        if os.environ.get("REQUIRE_BROWSER_TEST"):
            pytest.fail(f"REQUIRE_BROWSER_TEST is set but {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, tmp_path):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    yield page
    context.close()


def test_page_shows_entities_and_events_of_a_release(page, live_server, tmp_path):
    sample = SAMPLES[0]  # motir-000-05: MOTIR and Vietnam's Ministry of Finance
    expected = httpx.post(f"{live_server}/v1/extract", timeout=30,
                          json={"id": sample["id"], "text": sample["text"], "date": sample["date"]}).json()
    assert expected["entities"] and expected["events"]

    page.goto(f"{live_server}/")
    page.wait_for_function("document.querySelectorAll('#sample option').length > 1")
    page.select_option("#sample", "0")
    assert page.input_value("#text") == sample["text"]
    assert page.input_value("#date") == sample["date"]
    page.click("#extract")
    page.wait_for_selector("#events .event-card")
    counts = f"{len(expected['entities'])} entities, {len(expected['events'])} events"
    assert page.inner_text("#status").startswith(counts)

    # every mention is highlighted, in its label's colour class and with its own text
    highlights = page.eval_on_selector_all(
        "#annotated .hl-ent",
        "nodes => nodes.map(n => [n.dataset.mention, n.dataset.entity, n.dataset.label, n.textContent])")
    pieces: dict[str, list] = {}
    for mention, entity_id, label, text in highlights:
        pieces.setdefault(mention, [entity_id, label, ""])[2] += text
    want = {f"{e['id']}:{i}": [e["id"], e["label"], m["text"]]
            for e in expected["entities"] for i, m in enumerate(e["mentions"])}
    assert pieces == want
    park = next(e for e in expected["entities"] if e["name"] == "Park Jung-sung")
    assert pieces[f"{park['id']}:0"] == [park["id"], "OFFICIAL", "Park Jung-sung"]
    assert page.inner_text("#annotated") == sample["text"]  # the highlights change no character

    # the legend: one colour per label
    legend = page.eval_on_selector_all("#legend li", "items => items.map(i => i.dataset.label)")
    assert legend[:9] == ["OFFICIAL", "PERSON", "MINISTRY", "ORG", "COUNTRY", "AGREEMENT", "REGULATION", "MONEY",
                          "PERCENT"]
    colours = page.eval_on_selector_all("#legend .swatch", "s => s.map(x => getComputedStyle(x).backgroundColor)")
    assert len(set(colours[:9])) == 9

    # one row per entity, with its normalised values
    rows = page.eval_on_selector_all(
        "#entities tbody tr",
        "rows => rows.map(r => [r.dataset.entity, r.dataset.label, r.querySelector('.name').textContent])")
    assert rows == [[e["id"], e["label"], e["name"]] for e in expected["entities"]]
    vietnam = next(e for e in expected["entities"] if e["label"] == "COUNTRY" and e["name"] == "Vietnam")
    assert "code VNM" in page.inner_text(f"#entities tr[data-entity='{vietnam['id']}']")

    # one card per event: type, trigger, date, arguments linked to their highlights
    cards = page.eval_on_selector_all(
        "#events .event-card",
        "cards => cards.map(c => [c.dataset.event, c.dataset.type, c.querySelector('.trigger-link').textContent,"
        " c.querySelector('.edate').textContent])")
    assert cards == [[v["id"], v["type"], v["trigger"]["text"], _shown_date(v["date"])] for v in expected["events"]]
    meeting = next(v for v in expected["events"] if v["type"] == "MEETING" and v["trigger"]["text"] == "met")
    assert meeting["date"] == {"start": "2025-11-13", "end": "2025-11-13"}
    participant = f"#events .event-card[data-event='{meeting['id']}'] button[data-key='ent:{park['id']}']"
    assert page.inner_text(participant) == "Park Jung-sung"
    page.hover(participant)
    focused = page.eval_on_selector_all("#annotated .focus", "nodes => nodes.map(n => n.dataset.entity)")
    assert focused and set(focused) == {park["id"]}
    trigger = page.eval_on_selector_all(f"#annotated .hl-trigger[data-event='{meeting['id']}']",
                                        "nodes => nodes.map(n => n.textContent)")
    assert "".join(trigger) == "met"

    # the JSON download is the API's answer
    with page.expect_download() as info:
        page.click("#download")
    saved = tmp_path / "download.json"
    info.value.save_as(saved)
    assert info.value.suggested_filename == f"{sample['id']}.json"
    assert json.loads(saved.read_text(encoding="utf-8")) == expected

    shot = tmp_path / "page.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("SCREENSHOT_DIR"):  # keep a copy outside pytest's temporary folders
        shutil.copy(shot, Path(os.environ["SCREENSHOT_DIR"]) / "page.png")
    assert page.errors == []


def test_page_shows_api_errors(page, live_server):
    page.goto(f"{live_server}/")
    page.wait_for_function("document.querySelectorAll('#sample option').length > 1")
    page.fill("#text", "x" * 100_001)
    page.click("#extract")
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error") == "text has 100001 characters, over the limit of 100000 (HTTP 413)"
    assert page.errors == []
