// Actors network: nodes are actors, edges actor → recipient pairs sized by event count.
import { api, colour, dominant, el, EVENT_TYPES, focusable, go, message, svg, typeBadge, typeSelect } from "./dom.js";

const W = 900;
const H = 560;

// A small deterministic force layout (Fruchterman–Reingold with gravity), started
// on a circle and scaled to fit the drawing afterwards.
function layout(nodes, edges) {
  const n = Math.max(nodes.length, 1);
  const pos = new Map(nodes.map((node, i) => {
    const a = (2 * Math.PI * i) / n;
    return [node.id, { x: Math.cos(a), y: Math.sin(a) }];
  }));
  const k = 1 / Math.sqrt(n);
  for (let step = 0; step < 300; step++) {
    const temp = 0.1 * (1 - step / 300) + 0.002;
    const disp = new Map(nodes.map((node) => [node.id, { x: 0, y: 0 }]));
    for (const a of nodes) {
      const pa = pos.get(a.id), da = disp.get(a.id);
      for (const b of nodes) {
        if (a === b) continue;
        const pb = pos.get(b.id);
        const dx = pa.x - pb.x, dy = pa.y - pb.y, d = Math.max(Math.hypot(dx, dy), 1e-3);
        da.x += (dx / d) * (k * k) / d; da.y += (dy / d) * (k * k) / d;
      }
      da.x -= pa.x * 0.5 * k; da.y -= pa.y * 0.5 * k;  // gravity keeps components together
    }
    for (const e of edges) {
      const pa = pos.get(e.source), pb = pos.get(e.target);
      const dx = pa.x - pb.x, dy = pa.y - pb.y, d = Math.max(Math.hypot(dx, dy), 1e-3);
      const f = (d * d) / k, ds = disp.get(e.source), dt = disp.get(e.target);
      ds.x -= (dx / d) * f; ds.y -= (dy / d) * f; dt.x += (dx / d) * f; dt.y += (dy / d) * f;
    }
    for (const node of nodes) {
      const p = pos.get(node.id), d = disp.get(node.id), len = Math.max(Math.hypot(d.x, d.y), 1e-9);
      p.x += (d.x / len) * Math.min(len, temp); p.y += (d.y / len) * Math.min(len, temp);
    }
  }
  return fit(pos);
}

function fit(pos) {
  const xs = [...pos.values()].map((p) => p.x), ys = [...pos.values()].map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (W - 160) / Math.max(x1 - x0, 1e-6), sy = (H - 100) / Math.max(y1 - y0, 1e-6);
  for (const p of pos.values()) {
    p.x = x1 > x0 ? 80 + (p.x - x0) * sx : W / 2;
    p.y = y1 > y0 ? 60 + (p.y - y0) * sy : H / 2;
  }
  return pos;
}

function details(panel, node, edges, names) {
  const mine = edges.filter((e) => e.source === node.id || e.target === node.id);
  panel.replaceChildren(
    el("h3", {}, node.name || node.id),
    el("p", { class: "muted" }, `${node.kind || "actor"} · ${node.event_count} events · id ${node.id}`),
    el("p", {}, el("a", { href: `#/timeline?actor=${encodeURIComponent(node.id)}` }, "Show these events on the timeline")),
    el("ul", { class: "edges" }, mine.map((e) => el("li", {},
      `${names.get(e.source)} ${e.directed ? "→" : "↔"} ${names.get(e.target)}: ${e.count} `,
      Object.entries(e.by_type).map(([t, n]) => [typeBadge(t), ` ${n} `])))),
  );
}

function legend(edges) {
  const used = EVENT_TYPES.filter((t) => edges.some((e) => e.by_type[t]));
  return el("p", { class: "legend" }, "Edge colour: most frequent category — ", used.map((t) => [typeBadge(t), " "]));
}

function draw(nodes, edges, panel) {
  const pos = layout(nodes, edges);
  const names = new Map(nodes.map((n) => [n.id, n.name || n.id]));
  const maxCount = Math.max(...edges.map((e) => e.count), 1);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart network", role: "group",
    "aria-label": "Network of actors" },
  svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
    markerUnits: "userSpaceOnUse", markerWidth: 12, markerHeight: 12, orient: "auto" }, svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrowhead" }))));
  const maxN = Math.max(...nodes.map((n) => n.event_count), 1);
  const radius = new Map(nodes.map((n) => [n.id, 6 + 12 * Math.sqrt(n.event_count / maxN)]));
  const pairs = new Set(edges.map((e) => `${e.source}\u0000${e.target}`));
  for (const e of edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    const d = Math.max(Math.hypot(b.x - a.x, b.y - a.y), 1);
    const ux = (b.x - a.x) / d, uy = (b.y - a.y) / d;
    // both directions present: shift each line to its own side so neither hides the other
    const side = pairs.has(`${e.target}\u0000${e.source}`) ? 4 : 0;
    const ox = -uy * side, oy = ux * side;
    const back = e.directed ? radius.get(e.target) + 3 : 0;
    const line = svg("line", { x1: a.x + ox, y1: a.y + oy, x2: b.x - ux * back + ox,
      y2: b.y - uy * back + oy, class: "edge",
      stroke: colour(dominant(e.by_type)), "stroke-width": 1 + (5 * e.count) / maxCount,
      "marker-end": e.directed ? "url(#arrow)" : null, "data-source": e.source, "data-target": e.target });
    line.append(svg("title", {}, `${names.get(e.source)} → ${names.get(e.target)}: ${e.count}`));
    chart.append(line);
  }
  for (const n of nodes) {
    const p = pos.get(n.id);
    const g = svg("g", { class: "node", transform: `translate(${p.x},${p.y})`, "data-actor": n.id },
      svg("circle", { r: radius.get(n.id) }),
      svg("text", { y: -radius.get(n.id) - 6, "text-anchor": "middle" }, n.name || n.id));
    chart.append(focusable(g, `${n.name || n.id}: ${n.event_count} events`, () => {
      chart.querySelectorAll(".edge").forEach((l) => l.classList.toggle("dim",
        l.dataset.source !== n.id && l.dataset.target !== n.id));
      details(panel, n, edges, names);
    }));
  }
  return chart;
}

function actorTable(actors) {
  return el("table", { class: "list", id: "actor-list" },
    el("caption", {}, `Most active actors (${actors.total})`),
    el("thead", {}, el("tr", {}, ["Actor", "Kind", "Events", "As actor", "As recipient"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, actors.items.map((a) => el("tr", {},
      el("td", {}, el("a", { href: `#/timeline?actor=${encodeURIComponent(a.id)}` }, a.name || a.id), el("span", { class: "muted" }, ` ${a.id}`)),
      el("td", {}, a.kind || "—"), el("td", { class: "num" }, String(a.event_count)),
      el("td", { class: "num" }, String(a.as_actor)), el("td", { class: "num" }, String(a.as_recipient))))));
}

function filters(params) {
  const type = typeSelect({ id: "nw-type" }, params.get("event_type"));
  const min = el("input", { id: "nw-min", type: "number", min: 1, value: params.get("min_count") || 1, size: 4 });
  return el("form", { class: "filters", onsubmit: (e) => {
    e.preventDefault();
    go("network", { event_type: type.value, min_count: min.value > 1 ? min.value : "" });
  } }, el("label", { for: "nw-type" }, "Category"), type,
  el("label", { for: "nw-min" }, "Minimum events per link"), min, el("button", { type: "submit" }, "Apply"));
}

export async function networkView(root, _parts, params) {
  const [data, actors] = await Promise.all([
    api("network", { event_type: params.get("event_type"), min_count: params.get("min_count"), max_nodes: 60 }),
    api("actors", { limit: 50 })]);
  root.append(el("h2", {}, "Actors network"), filters(params));
  if (!data.nodes.length) {
    root.append(message("No actors yet."));
    return;
  }
  const panel = el("aside", { class: "panel", "aria-live": "polite" },
    el("p", { class: "muted" }, "Select an actor to see its relations."));
  root.append(legend(data.edges), el("div", { class: "split" }, el("div", { class: "chart-scroll" }, draw(data.nodes, data.edges, panel)), panel),
    el("div", { class: "hscroll" }, actorTable(actors)));
}
