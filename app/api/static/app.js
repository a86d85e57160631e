// alignkg web page: the graph of facts (vis-network), their evidence, the bloc test and a SPARQL box.
// Everything comes from the JSON API of this server; the edge types, classes, colours and prefixes
// come from the page's configuration, written by the server from the ontology.
"use strict";

(function () {
  const CONFIG = JSON.parse(document.getElementById("alignkg-config").textContent);
  const TYPES = new Map(CONFIG.types.map((t) => [t.id, t]));
  const CLASSES = new Map(CONFIG.classes.map((c) => [c.id, c]));
  const FACT_PREFIX = CONFIG.prefixes.fact;
  const MAX_FACTS = 3000; // the most facts drawn at once; the status line says when there are more
  const KEY = new URLSearchParams(location.hash.slice(1)).get("key"); // /#key=... when reads need a key

  const $ = (selector) => document.querySelector(selector);
  const states = new Map(); // code -> {name, facts}
  const articles = new Map(); // article id -> promise of the article
  let shown = []; // the facts drawn
  let network = null;
  let nodes = null;
  let edges = null;
  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });

  // --- helpers ---------------------------------------------------------------------------------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  class ApiError extends Error {
    constructor(status, body) {
      const detail = body && typeof body === "object" ? `${body.error}: ${body.detail}` : String(body || "");
      super(`${status} ${detail}`.trim());
      this.status = status;
      this.body = body;
    }
  }

  async function api(path, options = {}) {
    const headers = Object.assign({ Accept: "application/json" }, options.headers || {});
    if (KEY) headers.Authorization = `Bearer ${KEY}`;
    const response = await fetch(path, Object.assign({}, options, { headers }));
    const type = response.headers.get("content-type") || "";
    const body = type.includes("json") ? await response.json() : await response.text();
    if (!response.ok) {
      if (response.status === 401 && !KEY) {
        notice("This server requires an API key for reads: open the page as /#key=<your key>.");
      }
      throw new ApiError(response.status, body);
    }
    return body;
  }

  function notice(text) {
    const box = $("#notice");
    box.textContent = text;
    box.hidden = !text;
  }

  function classOf(fact) {
    return CLASSES.get(fact.quad_class) || { label: fact.quad_class, colour: "#888" };
  }

  function arrow(fact) {
    const type = TYPES.get(fact.type);
    return fact.directed && !(type && type.symmetric);
  }

  function factText(fact) {
    const label = (TYPES.get(fact.type) || { label: fact.type }).label;
    return arrow(fact) ? `${fact.subject} → ${label} → ${fact.object}` : `${fact.subject} — ${label} — ${fact.object}`;
  }

  function swatch(colour) {
    const mark = el("span", { class: "swatch", "aria-hidden": "true" });
    mark.style.background = colour;
    return mark;
  }

  function compact(iri) {
    for (const [prefix, base] of Object.entries(CONFIG.prefixes)) {
      if (iri.startsWith(base) && /^[\w.-]*$/.test(iri.slice(base.length))) return `${prefix}:${iri.slice(base.length)}`;
    }
    return `<${iri}>`;
  }

  // --- filters ---------------------------------------------------------------------------------

  function fillFilters() {
    const form = $("#filters");
    for (const type of CONFIG.types) {
      form.elements.type.append(el("option", { value: type.id, title: type.description, text: type.label }));
    }
    for (const cls of CONFIG.classes) form.elements.class.append(el("option", { value: cls.id, text: cls.label }));
    const legend = $("#legend");
    for (const cls of CONFIG.classes) legend.append(el("li", {}, swatch(cls.colour), cls.label));
    $("#version").textContent = CONFIG.version;
  }

  async function loadStates() {
    const body = await api("/states");
    const select = $("#filters").elements.state;
    const known = body.states.filter((s) => s.facts > 0).sort((a, b) => a.name.localeCompare(b.name));
    for (const state of body.states) states.set(state.code, state);
    for (const state of known) {
      select.append(el("option", { value: state.code, text: `${state.name} (${state.code}, ${state.facts})` }));
    }
  }

  function filterParams() {
    const form = $("#filters");
    const params = new URLSearchParams();
    for (const name of ["type", "class", "since", "until"]) {
      if (form.elements[name].value) params.set(name, form.elements[name].value);
    }
    return params;
  }

  async function fetchFacts(params) {
    const found = [];
    params.set("limit", "1000");
    let next = `/facts?${params}`;
    while (next && found.length < MAX_FACTS) {
      const page = await api(next);
      found.push(...page.facts);
      next = page.links.next || null;
    }
    return { facts: found, more: Boolean(next) };
  }

  async function loadGraph() {
    const state = $("#filters").elements.state.value;
    setStatus("Loading the graph…");
    $("#graph").dataset.state = "loading";
    try {
      let result;
      if (state) {
        const sides = await Promise.all(["subject", "object"].map((side) => {
          const params = filterParams();
          params.set(side, state);
          return fetchFacts(params);
        }));
        const byId = new Map();
        for (const side of sides) for (const fact of side.facts) byId.set(fact.id, fact);
        result = { facts: [...byId.values()], more: sides.some((s) => s.more) };
      } else {
        result = await fetchFacts(filterParams());
      }
      draw(result.facts, state);
      const count = new Set(result.facts.flatMap((f) => [f.subject, f.object])).size;
      setStatus(`${result.facts.length} edge${result.facts.length === 1 ? "" : "s"} between ${count} states` +
        (result.more ? ` (the first ${result.facts.length}; narrow the filters for the rest)` : "") + ".");
    } catch (error) {
      setStatus(`Could not load the facts: ${error.message}`);
      $("#graph").dataset.state = "error";
    }
  }

  function setStatus(text) {
    $("#graph-status").textContent = text;
  }

  // --- the graph ---------------------------------------------------------------------------------

  function curves(facts) {
    // Several facts between the same two states are drawn as fans of curves, not on top of each other.
    const seen = new Map();
    const smooth = new Map();
    for (const fact of facts) {
      const pair = [fact.subject, fact.object].sort().join("|");
      const n = seen.get(pair) || 0;
      seen.set(pair, n + 1);
      const flipped = fact.subject > fact.object; // the same bend for both directions of one pair
      const side = (n % 2 === 0) !== flipped ? "curvedCW" : "curvedCCW";
      smooth.set(fact.id, { enabled: true, type: side, roundness: 0.08 + 0.14 * Math.ceil(n / 2) });
    }
    return smooth;
  }

  function draw(facts, focus) {
    shown = facts;
    const smooth = curves(facts);
    const codes = [...new Set(facts.flatMap((f) => [f.subject, f.object]))].sort();
    const nodeItems = codes.map((code) => ({
      id: code,
      label: code,
      title: (states.get(code) || { name: code }).name,
      color: code === focus ? { background: "#ffe08a", border: "#b58900" } : undefined,
    }));
    const edgeItems = facts.map((fact) => {
      const colour = classOf(fact).colour;
      return {
        id: fact.id,
        from: fact.subject,
        to: fact.object,
        arrows: arrow(fact) ? "to" : "",
        dashes: fact.hedged,
        color: { color: colour, highlight: colour, hover: colour },
        title: factText(fact) + (fact.hedged ? " (hedged)" : ""),
        smooth: smooth.get(fact.id),
      };
    });
    renderEdgeList(facts);
    if (!window.vis) {
      notice("The graph library is not installed on the server (pip install pyvis); the edges are listed.");
    }
    if (!network) {
      setReady();
      return;
    }
    network.setOptions({ physics: { enabled: true } });
    nodes.clear();
    edges.clear();
    nodes.add(nodeItems);
    edges.add(edgeItems);
    if (facts.length === 0) {
      setReady();
      return;
    }
    network.stabilize(400);
  }

  function setReady() {
    $("#graph").dataset.state = "ready";
    resolveReady();
  }

  function createNetwork() {
    if (!window.vis) return;
    nodes = new vis.DataSet([]);
    edges = new vis.DataSet([]);
    network = new vis.Network($("#graph"), { nodes, edges }, {
      layout: { randomSeed: 7 },
      nodes: {
        shape: "dot", size: 16, font: { size: 15, face: "system-ui, sans-serif", strokeWidth: 3 },
        color: { background: "#dfe7f1", border: "#55708f", highlight: { background: "#ffe08a", border: "#b58900" } },
        borderWidth: 1.5,
      },
      edges: { width: 2, selectionWidth: 2.5, hoverWidth: 1, arrows: { to: { scaleFactor: 0.6 } } },
      interaction: { hover: true, tooltipDelay: 150, selectConnectedEdges: false, multiselect: false },
      physics: {
        solver: "forceAtlas2Based",
        forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.4 },
        stabilization: { iterations: 400, fit: true },
      },
    });
    network.on("selectEdge", (event) => { if (event.nodes.length === 0) showFact(event.edges[0]); });
    network.on("selectNode", (event) => showState(event.nodes[0]));
    network.on("stabilizationIterationsDone", () => {
      // Freeze the layout once it has settled, so that edges stay where the reader (or a test) clicks.
      network.setOptions({ physics: { enabled: false } });
      network.fit({ maxZoomLevel: 1.5 });
      network.once("afterDrawing", setReady);
      network.redraw();
    });
  }

  function renderEdgeList(facts) {
    const list = $("#edge-list");
    list.replaceChildren();
    const sorted = [...facts].sort((a, b) => factText(a).localeCompare(factText(b)));
    for (const fact of sorted) {
      list.append(el("li", {}, el("button", {
        type: "button", class: "edge", "data-fact": fact.id, title: classOf(fact).label,
        onclick: () => selectEdge(fact.id),
      }, swatch(classOf(fact).colour), factText(fact), fact.hedged ? el("em", { text: " hedged" }) : null)));
    }
    $("#edges-heading").textContent = `Edges (${facts.length})`;
  }

  function markSelected(id) {
    for (const button of document.querySelectorAll("#edge-list button.edge")) {
      button.setAttribute("aria-pressed", button.dataset.fact === id ? "true" : "false");
    }
  }

  function selectEdge(id) {
    if (network && edges.get(id)) network.selectEdges([id]);
    showFact(id);
  }

  // --- the evidence panel ----------------------------------------------------------------------

  function article(id) {
    if (!articles.has(id)) articles.set(id, api(`/articles/${encodeURIComponent(id)}`).catch(() => null));
    return articles.get(id);
  }

  async function showFact(id) {
    markSelected(id);
    const panel = $("#details");
    panel.replaceChildren(el("h2", { text: "Evidence" }), el("p", { class: "empty", text: "Loading…" }));
    let fact;
    try {
      fact = await api(`/facts/${encodeURIComponent(id)}`);
    } catch (error) {
      panel.replaceChildren(el("h2", { text: "Evidence" }), el("p", { class: "error", text: error.message }));
      return;
    }
    const cls = classOf(fact);
    const type = TYPES.get(fact.type);
    // Evidence an analyst asserted has no stored article: its source is the assertion's record.
    const records = new Map((fact.curations || []).map((r) => [r.id, r]));
    const sources = await Promise.all(fact.evidence.map((e) => (e.curation ? null : article(e.article_id))));
    const seen = [fact.first_seen, fact.last_seen].filter(Boolean);
    const when = seen.length ? ` · seen ${[...new Set(seen)].join(" to ")}` : "";
    const event = fact.event_date ? ` · event ${fact.event_date}` : "";
    panel.replaceChildren(
      el("h2", { text: "Evidence" }),
      el("p", { class: "fact-title" }, swatch(cls.colour), factText(fact)),
      el("p", { class: "meta" }, `${cls.label}`, fact.hedged ? " · hedged" : "",
        fact.directed ? "" : " · the text names no supplier", " · ",
        el("a", { href: fact.links.self, text: "JSON" })),
      el("p", { class: "meta" }, `${fact.articles} article(s), ${fact.sources} source(s), ` +
        `${fact.evidence_count} sentence(s)${when}${event}`),
      fact.retracted ? el("p", { class: "error", text: "Retracted by an analyst: left out of the graph and the analysis." })
        : null,
      type ? el("p", { class: "type-description", text: type.description }) : null,
      el("ol", { class: "evidence" }, fact.evidence.map((evidence, i) => {
        const source = sources[i];
        const cite = el("p", { class: "source" });
        const asserted = evidence.curation ? records.get(evidence.curation) : null;
        if (evidence.curation) {
          const url = asserted && asserted.url;
          cite.append(url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: url })
            : evidence.article_id, ` · asserted by ${asserted ? asserted.by : "an analyst"}`, " · ",
          el("a", { href: evidence.links.curation, text: "record" }));
          return el("li", {}, el("blockquote", { class: "sentence", text: evidence.text }), cite);
        }
        if (source && source.url) {
          cite.append(el("a", { href: source.url, rel: "noopener noreferrer", target: "_blank",
            text: source.title || source.url }));
        } else {
          cite.append(source && source.title ? source.title : evidence.article_id);
        }
        const details = [source && source.publisher, source && source.published].filter(Boolean).join(", ");
        if (details) cite.append(` (${details})`);
        cite.append(" · ", el("a", { href: evidence.links.article, text: "stored text" }),
          ` · characters ${evidence.start}–${evidence.end}`);
        return el("li", {}, el("blockquote", { class: "sentence", text: evidence.text }), cite);
      })),
      (fact.curations || []).length ? el("h3", { text: "Corrections" }) : null,
      (fact.curations || []).length ? el("ol", { class: "curations" }, fact.curations.map((r) => el("li", {},
        `${r.kind} by ${r.by}, ${r.at.slice(0, 16).replace("T", " ")} UTC`, r.reason ? `: ${r.reason}` : "",
        r.reverted_by ? " (reverted)" : "", " · ", el("a", { href: r.links.self, text: "record" })))) : null,
    );
  }

  function showState(code) {
    const mine = shown.filter((f) => f.subject === code || f.object === code);
    const info = states.get(code) || { name: code };
    const panel = $("#details");
    panel.replaceChildren(
      el("h2", { text: info.name }),
      el("p", { class: "meta" }, `${code} · ${mine.length} edge${mine.length === 1 ? "" : "s"} shown · `,
        el("a", { href: `/states/${code}`, text: "JSON" })),
      el("div", { class: "buttons" }, el("button", { type: "button", onclick: () => {
        $("#filters").elements.state.value = code;
        loadGraph();
      } }, `Only ${code}'s edges`)),
      el("ul", { class: "state-edges" }, mine.map((fact) => el("li", {}, el("button", {
        type: "button", class: "link", onclick: () => selectEdge(fact.id),
      }, swatch(classOf(fact).colour), factText(fact))))),
    );
  }

  // --- the bloc test ---------------------------------------------------------------------------

  async function loadClaims() {
    const select = $("#bloc-form").elements.claim;
    const body = await api("/analysis/claims");
    for (const claim of body.claims) {
      const by = claim.claimants.length ? ` (claimed by ${claim.claimants.join(", ")})` : "";
      select.append(el("option", { value: claim.id, text: `${claim.members.join(", ")}${by}` }));
    }
  }

  function factButton(id) {
    return el("button", { type: "button", class: "fact-id", onclick: () => selectEdge(id), text: id.slice(0, 8) });
  }

  async function runBloc(event) {
    event.preventDefault();
    const form = event.target;
    const params = new URLSearchParams();
    const typed = form.elements.states.value.split(/[\s,;]+/).filter(Boolean);
    if (typed.length) typed.forEach((s) => params.append("states", s));
    else if (form.elements.claim.value) params.set("claim", form.elements.claim.value);
    const out = $("#bloc-result");
    out.replaceChildren(el("p", { class: "empty", text: "Testing…" }));
    let report;
    try {
      report = await api(`/analysis/bloc?${params}`);
    } catch (error) {
      const hint = error.body && error.body.suggestions ? ` Did you mean ${error.body.suggestions.join(", ")}?` : "";
      out.replaceChildren(el("p", { class: "error", text: error.message + hint }));
      return;
    }
    const measures = ["material_cooperation", "verbal_cooperation", "conflict", "military_support", "non_intervention"];
    const labels = ["material", "verbal", "conflict", "military support", "non-intervention"];
    const table = el("table", { class: "grid" },
      el("thead", {}, el("tr", {}, ["pair", "score", "normalized", ...labels].map((h) => el("th", { text: h })))),
      el("tbody", {}, report.pairs.map((pair) => el("tr", {},
        el("td", { class: "pair" }, el("a", { href: pair.links.dyad, text: `${pair.a}–${pair.b}` })),
        el("td", { class: "num", text: pair.score.toFixed(1) }),
        el("td", { class: "num", text: pair.normalized.toFixed(2) }),
        measures.map((m) => el("td", {}, pair[m].length ? pair[m].map(factButton) : "·"))))));
    out.replaceChildren(
      el("p", { class: "headline" }, el("strong", { text: report.headline }),
        ` · cohesion ${report.cohesion.value.toFixed(2)} over ${report.pairs_total} pairs of ${report.members.join(", ")}`),
      el("p", { class: "verdict", text: report.verdict }),
      table,
      el("p", { class: "hint" }, "Fact buttons select the edge and show its sentences. ",
        el("a", { href: report.links.self, text: "JSON" })),
    );
  }

  // --- SPARQL ----------------------------------------------------------------------------------

  function cell(term) {
    if (!term) return el("td", { class: "unbound", text: "" });
    if (term.type === "uri") {
      if (term.value.startsWith(FACT_PREFIX)) {
        const id = term.value.slice(FACT_PREFIX.length);
        return el("td", {}, el("button", { type: "button", class: "link", onclick: () => selectEdge(id),
          text: compact(term.value) }));
      }
      return el("td", { class: "iri", title: term.value, text: compact(term.value) });
    }
    return el("td", { text: term.value });
  }

  async function runSparql(event) {
    event.preventDefault();
    const out = $("#sparql-result");
    out.replaceChildren(el("p", { class: "empty", text: "Running…" }));
    const query = $("#sparql-query").value;
    let result;
    try {
      result = await api("/sparql", {
        method: "POST",
        headers: { "Content-Type": "application/sparql-query",
          Accept: "application/sparql-results+json, text/turtle;q=0.9" },
        body: query,
      });
    } catch (error) {
      out.replaceChildren(el("p", { class: "error", text: error.message }));
      return;
    }
    if (typeof result === "string") {
      out.replaceChildren(el("pre", { class: "rdf", text: result }));
    } else if ("boolean" in result) {
      out.replaceChildren(el("p", { class: "headline", text: `ASK: ${result.boolean}` }));
    } else {
      const vars = result.head.vars;
      const rows = result.results.bindings;
      out.replaceChildren(
        el("p", { class: "meta", text: `${rows.length} row${rows.length === 1 ? "" : "s"}` }),
        el("div", { class: "scroll" }, el("table", { class: "grid", id: "sparql-table" },
          el("thead", {}, el("tr", {}, vars.map((v) => el("th", { text: `?${v}` })))),
          el("tbody", {}, rows.map((row) => el("tr", {}, vars.map((v) => cell(row[v]))))))),
      );
    }
  }

  // --- start -----------------------------------------------------------------------------------

  function start() {
    fillFilters();
    createNetwork();
    $("#sparql-query").value = CONFIG.sparql_example;
    $("#filters").addEventListener("submit", (event) => { event.preventDefault(); loadGraph(); });
    $("#filters").addEventListener("reset", () => setTimeout(loadGraph, 0));
    $("#bloc-form").addEventListener("submit", runBloc);
    $("#bloc-form").elements.claim.addEventListener("change", (event) => {
      if (event.target.value) $("#bloc-form").elements.states.value = "";
    });
    $("#sparql-form").addEventListener("submit", runSparql);
    loadStates().catch((error) => setStatus(`Could not load the states: ${error.message}`)).then(loadGraph);
    loadClaims().catch(() => null);
  }

  // A small handle for scripts and tests: wait for the graph, find where an edge is drawn, select one.
  window.alignkg = {
    ready,
    selectEdge,
    edges: () => shown.map((f) => f.id),
    edgePoint(id) {
      // The viewport coordinates of a point on the edge's drawn curve that hits this edge and nothing else
      // (body.edges and edgeType.getPoint are vis-network 9 internals; canvasToDOM and get*At are public).
      if (!network) return null;
      const edge = network.body.edges[id];
      if (!edge || !edge.edgeType) return null;
      const box = $("#graph").getBoundingClientRect();
      for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
        const point = edge.edgeType.getPoint(t);
        const dom = network.canvasToDOM(point);
        if (network.getEdgeAt(dom) === id && network.getNodeAt(dom) === undefined) {
          return { x: box.left + dom.x, y: box.top + dom.y }; // viewport coordinates, as mouse clicks take
        }
      }
      return null;
    },
  };

  start();
})();
