// Map: event places as points on an equirectangular world (no tiles, no requests
// outside this server; land outline from the vendored world-atlas 110m TopoJSON).
import { api, colour, dominant, el, focusable, link, message, svg, typeBadge, who } from "./dom.js";

const W = 1000;
const H = 500;
const x = (lon) => ((lon + 180) / 360) * W;
const y = (lat) => ((90 - lat) / 180) * H;

// TopoJSON: quantised, delta-encoded arcs; rings are lists of arc indexes (~i = reversed).
function landPath(topo) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let a = 0, b = 0;
    return arc.map(([dx, dy]) => { a += dx; b += dy; return [a * sx + tx, b * sy + ty]; });
  });
  const ring = (indexes) => indexes.flatMap((i, n) => {
    const pts = i < 0 ? [...arcs[~i]].reverse() : arcs[i];
    return n ? pts.slice(1) : pts;
  });
  const parts = [];
  for (const geom of Object.values(topo.objects)[0].geometries) {
    const polygons = geom.type === "Polygon" ? [geom.arcs] : geom.arcs;
    for (const rings of polygons) {
      for (const r of rings) {
        parts.push(ringPath(ring(r)));
      }
    }
  }
  return parts.join("");
}

// A ring as SVG path data; where it jumps across the antimeridian, a new subpath starts.
function ringPath(points) {
  let d = "";
  let prev = null;
  for (const [lon, lat] of points) {
    d += (prev === null || Math.abs(lon - prev) > 180 ? "M" : "L") + `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`;
    prev = lon;
  }
  return d + "Z";
}

let landCache = null;
async function land() {
  if (landCache === null) {
    try {
      const response = await fetch("/static/vendor/world-atlas/land-110m.json");
      landCache = response.ok ? landPath(await response.json()) : "";
    } catch {
      landCache = "";
    }
  }
  return landCache;
}

function graticule() {
  const lines = [];
  for (let lon = -180; lon <= 180; lon += 30) lines.push(svg("line", { x1: x(lon), x2: x(lon), y1: 0, y2: H, class: "grid" }));
  for (let lat = -60; lat <= 60; lat += 30) lines.push(svg("line", { x1: 0, x2: W, y1: y(lat), y2: y(lat), class: lat ? "grid" : "grid equator" }));
  return lines;
}

async function showPlace(panel, point) {
  panel.replaceChildren(el("h3", {}, point.name || "Unnamed place"),
    el("p", { class: "muted" }, `${point.country || ""} · ${point.lat.toFixed(2)}, ${point.lon.toFixed(2)} · ${point.count} events`),
    message("Loading…"));
  const events = await Promise.all(point.event_ids.map((id) => api(`events/${encodeURIComponent(id)}`)));
  panel.lastChild.replaceWith(el("ul", { class: "events" }, events.map((ev) => el("li", {},
    typeBadge(ev.event_type), " ", link(`#/event/${encodeURIComponent(ev.id)}`, who(ev)),
    ` — ${ev.date || "undated"}`))));
}

export async function mapView(root, _parts, params) {
  const [data, outline] = await Promise.all([
    api("map", { event_type: params.get("event_type"), actor: params.get("actor") }), land()]);
  root.append(el("h2", {}, "Map"));
  const panel = el("aside", { class: "panel", "aria-live": "polite" },
    el("p", { class: "muted" }, data.items.length ? "Select a place to list its events." : "No event has coordinates yet."));
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart map", role: "group", "aria-label": "Map of event locations" },
    svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }),
    outline ? svg("path", { d: outline, class: "land" }) : null,
    graticule());
  const maxCount = Math.max(...data.items.map((p) => p.count), 1);
  for (const p of [...data.items].reverse()) {
    const dot = svg("circle", { cx: x(p.lon), cy: y(p.lat), r: 4 + 10 * Math.sqrt(p.count / maxCount),
      fill: colour(dominant(p.by_type)), class: "place", "data-place": p.name || "" });
    chart.append(focusable(dot, `${p.name || "place"}: ${p.count} events`, () => showPlace(panel, p).catch(
      (err) => panel.append(message(err.message, "error")))));
  }
  root.append(el("div", { class: "split" }, chart, panel));
}
