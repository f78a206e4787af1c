// The dyad explorer: one page over the JSON API (docs/api.md). The filters
// and the view live in the URL. Text from documents is only ever set as
// textContent: never parsed as markup.
"use strict";

const FILTERS = ["from", "to", "actor", "source", "target", "cameo", "plover", "quad", "country", "text", "min_confidence", "all"];
const VIEWS = [
  ["timeline", "Timeline"],
  ["dyad", "Dyad"],
  ["network", "Network"],
  ["map", "Map"],
  ["events", "Events"],
  ["code", "Code a text"],
];
const QUADS = [
  [1, "verbal cooperation", "#4c8fd6"],
  [2, "material cooperation", "#2e9e5b"],
  [3, "verbal conflict", "#e59a2f"],
  [4, "material conflict", "#d23c2a"],
];
const PAGE = 50;

// ---- elements and the URL ----

/** An element with properties (class, text, on*, attributes) and children (nodes or text). */
function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function svg(tag, attrs = {}) {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** The state the URL holds: view, filters, the dyad view's actors. */
function readUrl() {
  const p = new URLSearchParams(location.search);
  const filters = {};
  for (const f of FILTERS) if (p.get(f)) filters[f] = p.get(f);
  const view = VIEWS.some(([v]) => v === p.get("view")) ? p.get("view") : "timeline";
  return { view, filters, a: p.get("a") || "", b: p.get("b") || "", merged: p.get("merged") === "true" };
}

function writeUrl(state, push = true) {
  const p = new URLSearchParams();
  p.set("view", state.view);
  for (const f of FILTERS) if (state.filters[f]) p.set(f, state.filters[f]);
  if (state.a) p.set("a", state.a);
  if (state.b) p.set("b", state.b);
  if (state.merged) p.set("merged", "true");
  const url = "?" + p.toString();
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

/** Shows a view with the filters changed (a mark clicked, a form sent). */
function go(view, changes = {}, extra = {}) {
  const state = readUrl();
  state.view = view;
  for (const [k, v] of Object.entries(changes)) {
    if (v === "" || v === null || v === undefined) delete state.filters[k];
    else state.filters[k] = String(v);
  }
  Object.assign(state, extra);
  writeUrl(state);
  render();
}

async function api(path, params = {}, options = {}) {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(path + (query ? "?" + query : ""), options);
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function status(text, error = false) {
  const s = document.getElementById("status");
  s.textContent = text;
  s.className = error ? "error" : "";
}

// ---- the page ----

function layout() {
  const nav = el("nav", {}, ...VIEWS.map(([v, label]) =>
    el("button", { type: "button", "data-view": v, text: label, onclick: () => go(v) })));
  const field = (name, label, props = {}) =>
    el("label", {}, label, el("input", Object.assign({ name, id: "filter-" + name }, props)));
  const quad = el("select", { name: "quad", id: "filter-quad" },
    el("option", { value: "", text: "any" }),
    ...QUADS.map(([q, name]) => el("option", { value: q, text: q + " " + name })));
  const form = el("form", { id: "filters", onsubmit: (e) => { e.preventDefault(); applyFilters(); } },
    field("from", "From", { type: "date" }),
    field("to", "To", { type: "date" }),
    field("actor", "Actor", { list: "actor-list", placeholder: "RUS", autocomplete: "off", oninput: suggestActors }),
    field("source", "Source", { list: "actor-list", autocomplete: "off", oninput: suggestActors, size: 8 }),
    field("target", "Target", { list: "actor-list", autocomplete: "off", oninput: suggestActors, size: 8 }),
    field("plover", "Category", { placeholder: "ASSAULT", size: 10 }),
    el("label", {}, "Quad class", quad),
    field("cameo", "CAMEO", { size: 5 }),
    field("country", "Country", { size: 4, placeholder: "UKR" }),
    field("text", "Text", { placeholder: "words, \"a phrase\"" }),
    field("min_confidence", "Min. confidence", { type: "number", min: 0, max: 1, step: 0.05, size: 4 }),
    el("label", { class: "check" }, el("input", { type: "checkbox", name: "all", id: "filter-all" }), "every factuality"),
    el("button", { type: "submit", id: "filter-apply", text: "Apply" }),
    el("button", { type: "button", id: "filter-clear", text: "Clear", onclick: () => { go(readUrl().view, Object.fromEntries(FILTERS.map((f) => [f, ""]))); } }),
    el("datalist", { id: "actor-list" }));
  document.body.append(
    el("header", {}, el("h1", { text: "dyad" }), nav),
    form,
    el("div", { id: "status", role: "status" }),
    el("div", { id: "columns" }, el("main", { id: "view" }), el("aside", { id: "evidence" })));
}

function applyFilters() {
  const form = document.getElementById("filters");
  const changes = {};
  for (const f of FILTERS) {
    const input = form.elements[f];
    changes[f] = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
  }
  go(readUrl().view, changes);
}

function fillFilters(filters) {
  const form = document.getElementById("filters");
  for (const f of FILTERS) {
    const input = form.elements[f];
    if (input.type === "checkbox") input.checked = filters[f] === "true";
    else input.value = filters[f] || "";
  }
}

let suggestTimer = null;
function suggestActors(event) {
  const q = event.target.value.trim();
  clearTimeout(suggestTimer);
  if (!q) return;
  suggestTimer = setTimeout(async () => {
    const { actors } = await api("/api/actors", { q, limit: 20 }).catch(() => ({ actors: [] }));
    const list = document.getElementById("actor-list");
    list.replaceChildren(...actors.map((a) =>
      el("option", { value: a.code, label: a.code + " · " + a.names.join(", ") + " (" + a.events + ")" })));
  }, 150);
}

async function render() {
  const state = readUrl();
  fillFilters(state.filters);
  for (const b of document.querySelectorAll("nav button")) b.classList.toggle("active", b.dataset.view === state.view);
  const view = document.getElementById("view");
  view.replaceChildren();
  view.dataset.view = state.view;
  status("");
  try {
    await RENDER[state.view](view, state);
  } catch (e) {
    status(e.message, true);
  }
}

// ---- series charts ----

/** Days of a series (no coarse rows; `days` when given) with counts per quad class and the mean Goldstein score. */
function byDay(rowsByQuad, rowsAll, days = daysOf(rowsAll)) {
  const index = new Map(days.map((d, i) => [d, i]));
  const counts = QUADS.map(() => days.map(() => 0));
  for (const r of rowsByQuad) if (index.has(r.period)) counts[Number(r.key) - 1][index.get(r.period)] = r.count;
  const goldstein = days.map(() => null);
  for (const r of rowsAll) if (index.has(r.period)) goldstein[index.get(r.period)] = r.mean_goldstein;
  const coarse = rowsAll.filter((r) => r.period === "coarse").reduce((n, r) => n + r.count, 0);
  return { days, counts, goldstein, coarse };
}

/** A bar chart of events per day by quad class with the mean Goldstein line; a click on a day calls onDay. */
function dayChart(container, data, title, onDay) {
  const width = Math.max(320, Math.min(container.clientWidth || 900, 1100));
  const xs = data.days.map((d) => Date.parse(d + "T00:00:00Z") / 1000);
  // stacked: each quad's bar reaches the sum of those below it
  const stacked = [];
  let running = xs.map(() => 0);
  for (const c of data.counts) {
    running = running.map((v, i) => v + c[i]);
    stacked.push(running);
  }
  const bars = uPlot.paths.bars({ size: [0.8, 40] });
  const series = [{ label: "day", value: (u, v) => (v == null ? "" : new Date(v * 1000).toISOString().slice(0, 10)) }];
  // drawn from the tallest down, so every quad shows
  for (let q = QUADS.length - 1; q >= 0; q--) {
    const [number, name, colour] = QUADS[q];
    series.push({
      label: number + " " + name, fill: colour, stroke: colour, paths: bars, points: { show: false },
      value: (u, v, si, i) => (i == null ? "" : String(data.counts[q][i])),
    });
  }
  series.push({ label: "mean Goldstein", scale: "g", stroke: "#222", width: 1.5, spanGaps: true });
  const columns = [xs, ...QUADS.map((_, q) => stacked[QUADS.length - 1 - q]), data.goldstein];
  const box = el("div", { class: "chart" });
  container.append(el("h3", { text: title }), box);
  const plot = new uPlot({
    width, height: 260, series,
    scales: { x: { time: true }, g: { range: [-10, 10] } },
    axes: [{ space: 80, values: (u, splits) => splits.map((s) => new Date(s * 1000).toISOString().slice(0, 10)) }, { label: "events" }, { scale: "g", side: 1, label: "Goldstein", grid: { show: false } }],
    cursor: { drag: { x: false, y: false } },
  }, columns, box);
  // a click is a press and release in one place (uPlot swallows the
  // click event itself while it tracks drags)
  let pressed = null;
  plot.over.addEventListener("mousedown", (e) => { pressed = [e.clientX, e.clientY]; });
  plot.over.addEventListener("mouseup", (e) => {
    const still = pressed && Math.abs(e.clientX - pressed[0]) < 4 && Math.abs(e.clientY - pressed[1]) < 4;
    pressed = null;
    const i = plot.cursor.idx;
    if (still && i != null && i >= 0) onDay(data.days[i]);
  });
  return plot;
}

function daysOf(rows) {
  return [...new Set(rows.filter((r) => r.period !== "coarse").map((r) => r.period))].sort();
}

function total(data) {
  return data.counts.reduce((n, c) => n + c.reduce((a, b) => a + b, 0), 0);
}

// ---- views ----

const RENDER = {
  async timeline(view, state) {
    const [quads, all] = await Promise.all([
      api("/api/series", Object.assign({ period: "day", split: "quad" }, state.filters)),
      api("/api/series", Object.assign({ period: "day" }, state.filters)),
    ]);
    const data = byDay(quads.rows, all.rows);
    view.append(el("p", { class: "figures", id: "timeline-figures",
      text: total(data) + " events on " + data.days.length + " days" + (data.coarse ? ", " + data.coarse + " dated more coarsely" : "") }));
    if (data.days.length) dayChart(view, data, "Events per day by quad class", (day) => go("events", { from: day, to: day }));
  },

  async dyad(view, state) {
    const a = state.a || state.filters.source || state.filters.actor || "";
    const b = state.b || state.filters.target || "";
    const form = el("form", { id: "dyad-form", onsubmit: (e) => {
      e.preventDefault();
      go("dyad", {}, { a: form.elements.a.value.trim(), b: form.elements.b.value.trim() });
    } },
    el("label", {}, "Actor A", el("input", { name: "a", value: a, list: "actor-list", oninput: suggestActors })),
    el("label", {}, "Actor B", el("input", { name: "b", value: b, list: "actor-list", oninput: suggestActors })),
    el("button", { type: "submit", text: "Show" }));
    view.append(form);
    if (!a || !b) {
      view.append(el("p", { text: "Choose two actors (codes or their prefixes) to see A→B and B→A side by side." }));
      return;
    }
    const row = el("div", { class: "side-by-side" });
    view.append(row);
    const base = Object.assign({}, state.filters);
    delete base.actor; delete base.source; delete base.target;
    const directions = [[a, b], [b, a]];
    const series = await Promise.all(directions.map(([from, to]) => {
      const params = Object.assign({}, base, { source: from, target: to });
      return Promise.all([
        api("/api/series", Object.assign({ period: "day", split: "quad" }, params)),
        api("/api/series", Object.assign({ period: "day" }, params)),
      ]);
    }));
    // both over the same days, side by side
    const days = daysOf(series.flatMap(([, all]) => all.rows));
    const sides = directions.map(() => el("div", { class: "side" }));
    row.append(...sides);
    directions.forEach(([from, to], i) => {
      const [quads, all] = series[i];
      const data = byDay(quads.rows, all.rows, days);
      sides[i].append(el("p", { class: "figures", text: from + " → " + to + ": " + total(data) + " events" }));
      if (days.length) dayChart(sides[i], data, from + " → " + to, (day) => go("events", { source: from, target: to, actor: "", from: day, to: day }));
    });
  },

  async network(view, state) {
    const { nodes, edges } = await api("/api/network", Object.assign({ limit: 200 }, state.filters));
    view.append(el("p", { class: "figures", id: "network-figures", text: nodes.length + " actors, " + edges.length + " dyads" }));
    const box = el("div", { id: "network", class: "network" });
    view.append(box);
    const most = Math.max(2, ...edges.map((e) => e.events));
    const colour = (g) => (g < -1 ? "#d23c2a" : g > 1 ? "#2e9e5b" : "#888");
    const cy = cytoscape({
      container: box,
      elements: [
        ...nodes.map((n) => ({ data: { id: n.code, label: n.code, events: n.events } })),
        ...edges.map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target, events: e.events, g: e.mean_goldstein } })),
      ],
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 11, width: "mapData(events, 1, " + most * 2 + ", 14, 48)", height: "mapData(events, 1, " + most * 2 + ", 14, 48)", "background-color": "#5b6b85" } },
        { selector: "edge", style: { width: "mapData(events, 1, " + most + ", 1, 9)", "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": (e) => colour(e.data("g")), "target-arrow-color": (e) => colour(e.data("g")) } },
      ],
      layout: { name: "cose", animate: false },
    });
    cy.on("tap", "edge", (e) => go("events", { source: e.target.data("source"), target: e.target.data("target"), actor: "" }));
    cy.on("tap", "node", (e) => go("events", { actor: e.target.id() }));
    window.dyadNetwork = cy;
  },

  async map(view, state) {
    const [counts, world, codes] = await Promise.all([
      api("/api/map", state.filters),
      fetch("/assets/vendor/countries-110m.json").then((r) => r.json()),
      fetch("/assets/vendor/iso-3166-codes.json").then((r) => r.json()),
    ]);
    const alpha3 = new Map(codes.map(([, a3, numeric]) => [numeric, a3]));
    const events = new Map(counts.countries.map((c) => [c.country, c.events]));
    const most = Math.max(1, ...counts.countries.map((c) => c.events));
    const width = Math.min(view.clientWidth || 900, 1000);
    const height = Math.round(width * 0.5);
    const land = topojson.feature(world, world.objects.countries);
    const projection = d3.geoNaturalEarth1().fitSize([width, height], land);
    const path = d3.geoPath(projection);
    const map = svg("svg", { id: "map", width, height, viewBox: "0 0 " + width + " " + height });
    for (const f of land.features) {
      const code = alpha3.get(f.id);
      const n = events.get(code) || 0;
      const shape = svg("path", { d: path(f) || "", class: n ? "country counted" : "country", "data-country": code || "" });
      if (n) shape.style.fill = "rgba(210, 60, 42, " + (0.25 + 0.75 * n / most).toFixed(3) + ")";
      const title = svg("title");
      title.textContent = (f.properties.name || code || "") + ": " + n + " events";
      shape.append(title);
      if (code) shape.addEventListener("click", () => go("events", { country: code }));
      map.append(shape);
    }
    for (const p of counts.places) {
      const [x, y] = projection([p.lon, p.lat]) || [];
      if (x === undefined) continue;
      const dot = svg("circle", { cx: x, cy: y, r: 3 + 2 * Math.sqrt(p.events), class: "place" });
      const title = svg("title");
      title.textContent = p.name + ": " + p.events + " events";
      dot.append(title);
      if (p.country) dot.addEventListener("click", () => go("events", { country: p.country }));
      map.append(dot);
    }
    view.append(el("p", { class: "figures", id: "map-figures", text: counts.countries.length + " countries, " + counts.places.length + " places" }), map);
    const table = el("table", { class: "counts" }, el("tr", {}, el("th", { text: "country" }), el("th", { text: "events" })));
    for (const c of counts.countries) table.append(el("tr", {}, el("td", { text: c.country }), el("td", { text: String(c.events) })));
    for (const p of counts.places) table.append(el("tr", {}, el("td", { text: p.name }), el("td", { text: String(p.events) })));
    view.append(table);
  },

  async events(view, state) {
    const cursors = [null];
    const merged = el("label", { class: "check" },
      el("input", { type: "checkbox", id: "merged", checked: state.merged ? "checked" : null, onchange: (e) => go("events", {}, { merged: e.target.checked }) }),
      "merged events");
    const table = el("table", { id: "events-table", class: "events" });
    const pager = el("div", { class: "pager" });
    view.append(merged, table, pager);
    const load = async (page) => {
      const params = Object.assign({ limit: PAGE }, state.filters);
      if (state.merged) params.merged = "true";
      if (cursors[page]) params.cursor = cursors[page];
      const { events, next_cursor } = await api("/api/events", params);
      cursors[page + 1] = next_cursor;
      table.replaceChildren(el("tr", {}, ...["date", "source", "event", "target", "place", "confidence"].map((h) => el("th", { text: h }))));
      for (const e of events) {
        const row = el("tr", { "data-event": e.event_id, onclick: () => showEvidence(e.event_id) },
          el("td", { text: e.date || "" }),
          el("td", { text: actorText(e.source) }),
          el("td", { text: e.cameo + " " + e.cameo_name + (e.mentions ? " (" + e.mentions + " mentions)" : "") }),
          el("td", { text: actorText(e.target) }),
          el("td", { text: e.location ? e.location.name : "" }),
          el("td", { text: e.confidence.toFixed(2) }));
        table.append(row);
      }
      pager.replaceChildren(
        el("button", { type: "button", text: "← previous", disabled: page === 0 ? "disabled" : null, onclick: () => load(page - 1) }),
        el("span", { id: "page-figures", text: "page " + (page + 1) + ", " + events.length + " events" }),
        el("button", { type: "button", text: "next →", disabled: next_cursor ? null : "disabled", onclick: () => load(page + 1) }));
    };
    await load(0);
  },

  async code(view) {
    const text = el("textarea", { id: "code-text", rows: 6, placeholder: "Paste a news text." });
    const date = el("input", { type: "date", id: "code-date" });
    const out = el("div", { id: "code-out" });
    const run = async () => {
      out.replaceChildren(el("p", { text: "Coding…" }));
      try {
        const body = { text: text.value };
        if (date.value) body.date = date.value;
        const coded = await api("/api/code", {}, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
        showCoded(out, coded);
      } catch (e) {
        out.replaceChildren(el("p", { class: "error", text: e.message }));
      }
    };
    view.append(text, el("div", {}, el("label", {}, "Published ", date), el("button", { type: "button", id: "code-run", text: "Code", onclick: run })), out);
  },
};

function plural(n, word) {
  return n + " " + word + (n === 1 ? "" : "s");
}

function actorText(a) {
  return a ? a.code + " (" + a.text + ")" : "";
}

// ---- evidence ----

/** The sentence with the source, target and trigger highlighted, as text nodes in marks. */
function highlighted(sentence, spans) {
  const chars = Array.from(sentence);
  const cuts = new Set([0, chars.length]);
  for (const [, span] of spans) if (span) { cuts.add(span[0]); cuts.add(span[1]); }
  const points = [...cuts].sort((a, b) => a - b);
  const p = el("p", { class: "sentence" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const text = chars.slice(a, b).join("");
    const roles = spans.filter(([, s]) => s && s[0] <= a && b <= s[1]).map(([role]) => role);
    p.append(roles.length ? el("mark", { class: roles.join(" "), "data-role": roles.join(" "), text }) : text);
  }
  return p;
}

/** A link only to a web page: no javascript: or data: URL from a document. */
function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

async function showEvidence(id) {
  const panel = document.getElementById("evidence");
  for (const r of document.querySelectorAll("tr.selected")) r.classList.remove("selected");
  const row = document.querySelector("tr[data-event=\"" + CSS.escape(id) + "\"]");
  if (row) row.classList.add("selected");
  try {
    const d = await api("/api/events/" + encodeURIComponent(id));
    const e = d.event;
    const url = safeUrl(d.document.url);
    const facts = [
      ["event", e.cameo + " " + e.cameo_name],
      ["source", actorText(e.source)],
      ["target", actorText(e.target)],
      ["date", (e.date || "undated") + (e.date_text ? " (" + e.date_text + ")" : "")],
      ["place", e.location ? e.location.name + (e.location.country ? ", " + e.location.country : "") : ""],
      ["rule", e.evidence.rule],
      ["factuality", e.factuality],
      ["confidence", e.confidence.toFixed(3)],
      ["reported", d.merged ? d.merged.mentions + " times, by " + d.merged.sources + " outlets in " + d.merged.articles + " articles" : "not merged"],
      ["outlet", d.document.source || ""],
      ["published", d.document.published || ""],
    ];
    panel.replaceChildren(
      el("h2", { text: "Evidence" }),
      highlighted(d.sentence, [["source", d.evidence.source], ["target", d.evidence.target], ["trigger", d.evidence.trigger]]),
      el("dl", {}, ...facts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })])),
      el("p", {}, url
        ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: d.document.title || url })
        : el("span", { text: d.document.title || d.document.id })),
      el("h3", { text: plural(d.mentions.length, "mention") }),
      el("ul", {}, ...d.mentions.map((m) => el("li", {}, el("button", { type: "button", class: "link", text: m.doc_id + ": " + m.sentence, onclick: () => showEvidence(m.event_id) })))));
  } catch (err) {
    panel.replaceChildren(el("p", { class: "error", text: err.message }));
  }
}

// ---- a coded text ----

function showCoded(out, coded) {
  out.replaceChildren(el("h3", { id: "code-figures", text: plural(coded.events.length, "event") + " in " + plural(coded.sentences.length, "sentence") }));
  const events = el("table", { class: "events" }, el("tr", {}, ...["date", "source", "event", "target", "factuality", "confidence"].map((h) => el("th", { text: h }))));
  for (const e of coded.events) {
    events.append(el("tr", {},
      el("td", { text: e.date || "" }), el("td", { text: actorText(e.source) }),
      el("td", { text: e.cameo + " " + e.cameo_name }), el("td", { text: actorText(e.target) }),
      el("td", { text: e.factuality }), el("td", { text: e.confidence.toFixed(2) })));
  }
  out.append(events);
  for (const s of coded.sentences) {
    const tokens = el("table", { class: "tokens" }, el("tr", {}, ...["", "word", "tag", "lemma", "dep", "head"].map((h) => el("th", { text: h }))));
    s.tokens.forEach((t, i) => tokens.append(el("tr", {},
      el("td", { text: String(i) }), el("td", { text: t.text }), el("td", { text: t.tag || "" }),
      el("td", { text: t.lemma || "" }), el("td", { text: t.dep || "" }), el("td", { text: t.head == null ? "" : String(t.head) }))));
    const lines = [
      ...s.actors.map((a) => "actor " + a.code + ": " + a.text),
      ...s.attempts.map((a) => "tried " + a.rule + " at " + JSON.stringify(a.trigger) + ": " + JSON.stringify(a.outcome)),
      ...s.dropped.map((d) => "dropped " + d.rule + " at " + JSON.stringify(d.trigger) + ": " + d.reason),
      ...s.events.map((e) => "event " + e.cameo + " " + e.cameo_name + " (" + e.factuality + ")"),
    ];
    out.append(el("details", { class: "analysis" },
      el("summary", { text: s.sentence }),
      el("ul", {}, ...lines.map((l) => el("li", { text: l }))),
      tokens));
  }
}

// ---- start ----

layout();
window.addEventListener("popstate", render);
render();
