// The page: pick or paste a release, POST it to /v1/extract, show entities and events.
// Plain DOM code, no build step. Text from the server is set with textContent only.
"use strict";

const KNOWN_LABELS = ["OFFICIAL", "PERSON", "MINISTRY", "ORG", "COUNTRY", "AGREEMENT", "REGULATION", "MONEY", "PERCENT"];

const $ = (id) => document.getElementById(id);
const state = { labels: KNOWN_LABELS.slice(), samples: [], result: null, text: "" };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "style") node.setAttribute("style", value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function labelColour(label) {
  return KNOWN_LABELS.includes(label) ? `var(--${label})` : "var(--OTHER)";
}

function apiHeaders() {
  const headers = { "Content-Type": "application/json" };
  const key = $("api-key").value.trim();
  if (key) headers["X-API-Key"] = key;
  return headers;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && body.message) return `${body.message} (HTTP ${response.status})`;
  } catch (_) { /* not JSON */ }
  return `HTTP ${response.status} ${response.statusText}`;
}

function needKey() {
  $("api-key-field").hidden = false;
  $("api-key").focus();
}

// --- start-up: samples and labels -------------------------------------------------------------

async function loadSamples() {
  try {
    const response = await fetch("/static/samples.json");
    state.samples = await response.json();
  } catch (_) {
    state.samples = [];
  }
  const select = $("sample");
  state.samples.forEach((sample, i) => {
    select.append(el("option", { value: String(i) }, `${sample.date} · ${sample.title}`));
  });
  if (state.samples.length) {
    select.value = "0";
    useSample(0);
  }
}

function useSample(index) {
  const sample = state.samples[index];
  if (!sample) return;
  $("text").value = sample.text;
  $("date").value = sample.date || "";
  $("doc-id").value = sample.id || "";
}

async function loadSchema() {
  const response = await fetch("/v1/schema", { headers: apiHeaders() });
  if (response.status === 401) {
    needKey();
    return;
  }
  if (response.ok) {
    const schema = await response.json();
    state.labels = schema.entity_labels.map((item) => item.label);
  }
}

// --- extraction -------------------------------------------------------------------------------

async function extract() {
  const text = $("text").value;
  const body = { text };
  if ($("date").value) body.date = $("date").value;
  if ($("doc-id").value.trim()) body.id = $("doc-id").value.trim();

  const button = $("extract");
  button.disabled = true;
  $("status").textContent = "Extracting…";
  showError("");
  const started = performance.now();
  try {
    const response = await fetch("/v1/extract", { method: "POST", headers: apiHeaders(), body: JSON.stringify(body) });
    if (!response.ok) {
      if (response.status === 401) needKey();
      showError(await errorMessage(response));
      $("status").textContent = "";
      return;
    }
    const result = await response.json();
    state.result = result;
    state.text = text;
    render(result, text);
    const ms = Math.round(performance.now() - started);
    $("status").textContent = `${result.entities.length} entities, ${result.events.length} events in ${ms} ms`;
    $("download").disabled = false;
  } catch (err) {
    showError(`The server did not answer: ${err.message}`);
    $("status").textContent = "";
  } finally {
    button.disabled = false;
  }
}

function download() {
  if (!state.result) return;
  const blob = new Blob([JSON.stringify(state.result, null, 2) + "\n"], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const name = `${(state.result.id || "document").replace(/[^\w.-]+/g, "_")}.json`;
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// --- rendering --------------------------------------------------------------------------------

function render(result, text) {
  const entities = new Map(result.entities.map((e) => [e.id, e]));
  renderLegend(result);
  renderText(result, text, entities);
  renderEntities(result, entities);
  renderEvents(result, entities);
  $("results").hidden = false;
}

function renderLegend(result) {
  const counts = {};
  for (const e of result.entities) counts[e.label] = (counts[e.label] || 0) + 1;
  const labels = state.labels.concat(Object.keys(counts).filter((l) => !state.labels.includes(l)));
  $("legend").replaceChildren(...labels.map((label) =>
    el("li", { dataset: { label } },
      el("span", { class: "swatch", style: `--c: ${labelColour(label)}` }),
      label,
      el("span", { class: "n" }, counts[label] || 0))));
}

// Mentions, event triggers and span arguments may overlap: cut the text at every boundary and
// give each piece the keys of all the spans that cover it.
function renderText(result, text, entities) {
  const spans = [];
  for (const entity of result.entities) {
    entity.mentions.forEach((m, i) => spans.push({ start: m.start, end: m.end, kind: "ent", entity, key: `ent:${entity.id}`, mention: `${entity.id}:${i}` }));
  }
  for (const event of result.events) {
    spans.push({ start: event.trigger.start, end: event.trigger.end, kind: "trigger", key: `trig:${event.id}`, event });
    event.arguments.forEach((arg, i) => {
      if (arg.entity === undefined) spans.push({ start: arg.start, end: arg.end, kind: "arg", key: `arg:${event.id}:${i}` });
    });
  }
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);

  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { out.push(document.createTextNode(piece)); continue; }
    const node = el("span", { dataset: { keys: covering.map((s) => s.key).join(" ") } }, piece);
    const classes = [];
    const ent = covering.find((s) => s.kind === "ent");
    if (ent) {
      classes.push("hl-ent");
      node.dataset.entity = ent.entity.id;
      node.dataset.label = ent.entity.label;
      node.dataset.mention = ent.mention;
      node.style.setProperty("--c", labelColour(ent.entity.label));
      node.title = `${ent.entity.label} · ${ent.entity.name} (${ent.entity.id})`;
      node.addEventListener("click", () => focusKey(`ent:${ent.entity.id}`, `row:${ent.entity.id}`));
    }
    const trig = covering.find((s) => s.kind === "trigger");
    if (trig) {
      classes.push("hl-trigger");
      node.dataset.event = trig.event.id;
      if (!ent) node.title = `${trig.event.type} trigger (${trig.event.id})`;
    }
    if (covering.some((s) => s.kind === "arg")) classes.push("hl-arg");
    node.className = classes.join(" ");
    out.push(node);
  }
  $("annotated").replaceChildren(...out);
}

function entityChip(entity, key, short = false) {
  // short: the entity's shortest mention ("MOTIR"), the full name in the tooltip
  const shortest = entity.mentions.map((m) => m.text).sort((a, b) => a.length - b.length)[0];
  return el("button", {
    type: "button", class: "link", style: `--c: ${labelColour(entity.label)}`, dataset: { key },
    title: `${entity.label} · ${entity.name} (${entity.id})`,
  }, short && shortest ? shortest : entity.name);
}

function formatValue(key, value, entities) {
  if (key === "affiliation" && entities.has(value)) return entityChip(entities.get(value), `ent:${value}`, true);
  if (key === "value" && typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
  return String(value);
}

function renderEntities(result, entities) {
  $("entity-count").textContent = `(${result.entities.length})`;
  const rows = result.entities.map((entity) => {
    const norm = el("div", { class: "norm" });
    for (const [key, value] of Object.entries(entity.attributes || {})) {
      if (value === null || value === undefined || value === "") continue;
      norm.append(el("span", {}, el("span", { class: "k" }, `${key} `), formatValue(key, value, entities)));
    }
    const row = el("tr", { dataset: { entity: entity.id, label: entity.label, key: `row:${entity.id}` } },
      el("td", { class: "id" }, entity.id),
      el("td", {}, el("span", { class: "label-tag", style: `--c: ${labelColour(entity.label)}` }, entity.label)),
      el("td", { class: "name" }, entity.name),
      el("td", {}, norm),
      el("td", { class: "num" }, entity.mentions.length));
    row.addEventListener("click", (ev) => {
      if (ev.target.closest("button")) return;
      focusKey(`ent:${entity.id}`);
    });
    row.addEventListener("mouseenter", () => markKey(`ent:${entity.id}`, true));
    row.addEventListener("mouseleave", () => markKey(`ent:${entity.id}`, false));
    return row;
  });
  if (!rows.length) rows.push(el("tr", {}, el("td", { colspan: "5", class: "empty" }, "No entities found.")));
  $("entities").tBodies[0].replaceChildren(...rows);
}

function formatDate(date) {
  if (!date) return "no date";
  return date.start === date.end ? date.start : `${date.start} – ${date.end}`;
}

function renderEvents(result, entities) {
  $("event-count").textContent = `(${result.events.length})`;
  const cards = result.events.map((event) => {
    const args = event.arguments.map((arg, i) => {
      let target;
      if (arg.entity !== undefined) {
        const entity = entities.get(arg.entity);
        target = entity ? entityChip(entity, `ent:${arg.entity}`) : el("span", {}, arg.entity);
      } else {
        target = el("button", { type: "button", class: "link", dataset: { key: `arg:${event.id}:${i}` } }, `“${arg.text}”`);
      }
      return el("li", {}, el("span", { class: "role" }, arg.role), target);
    });
    const attrs = Object.entries(event.attributes || {}).filter(([, v]) => v !== null && v !== undefined);
    return el("article", { class: "event-card", dataset: { event: event.id, type: event.type } },
      el("header", {},
        el("span", { class: "etype" }, event.type),
        el("button", { type: "button", class: "link trigger-link", dataset: { key: `trig:${event.id}` }, title: "trigger" }, event.trigger.text),
        el("span", { class: "edate" }, formatDate(event.date))),
      attrs.length ? el("div", { class: "eattrs" }, attrs.map(([k, v]) => `${k}: ${v}`).join(" · ")) : null,
      args.length ? el("ul", { class: "args" }, ...args) : el("div", { class: "empty" }, "no arguments"));
  });
  if (!cards.length) cards.push(el("p", { class: "empty" }, "No events found."));
  $("events").replaceChildren(...cards);
}

// --- linking lists to highlights --------------------------------------------------------------

function nodesFor(key) {
  return [...document.querySelectorAll("#annotated [data-keys]")].filter((n) => n.dataset.keys.split(" ").includes(key));
}

function markKey(key, on) {
  for (const node of nodesFor(key)) node.classList.toggle("focus", on);
}

function focusKey(key, rowKey) {
  const nodes = rowKey ? [...document.querySelectorAll(`[data-key="${rowKey}"]`)] : nodesFor(key);
  if (!nodes.length) return;
  nodes[0].scrollIntoView({ behavior: "smooth", block: "center" });
  for (const node of nodes) {
    node.classList.remove("flash");
    void node.offsetWidth; // restart the animation
    node.classList.add("flash");
  }
}

function wireLinks(container) {
  container.addEventListener("mouseover", (ev) => {
    const link = ev.target.closest("[data-key]");
    if (link && link.tagName === "BUTTON") markKey(link.dataset.key, true);
  });
  container.addEventListener("mouseout", (ev) => {
    const link = ev.target.closest("[data-key]");
    if (link && link.tagName === "BUTTON") markKey(link.dataset.key, false);
  });
  container.addEventListener("click", (ev) => {
    const link = ev.target.closest("button[data-key]");
    if (link) focusKey(link.dataset.key);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  $("sample").addEventListener("change", (ev) => {
    if (ev.target.value === "") {
      for (const id of ["text", "date", "doc-id"]) $(id).value = "";
      $("text").focus();
    } else {
      useSample(Number(ev.target.value));
    }
  });
  $("input-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    extract();
  });
  $("download").addEventListener("click", download);
  $("text").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) $("input-form").requestSubmit();
  });
  $("api-key").addEventListener("change", loadSchema);
  wireLinks($("entities"));
  wireLinks($("events"));
  loadSamples();
  loadSchema();
});
