// Timeline: events over time by PLOVER category; each event opens its detail.
import { api, colour, el, EVENT_TYPES, focusable, go, link, message, svg, typeBadge, typeSelect, who } from "./dom.js";

const W = 960;
const LANE = 22;
const PAD = { left: 96, right: 16, top: 12, bottom: 28 };

// "2025", "2025-07", "2025-07-03" -> the middle of that period, in ms
function when(date) {
  if (!date) return null;
  const [y, m, d] = date.slice(0, 10).split("-").map(Number);
  if (!y) return null;
  if (d) return Date.UTC(y, m - 1, d, 12);
  if (m) return Date.UTC(y, m - 1, 15);
  return Date.UTC(y, 6, 1);
}

function ticks(lo, hi) {
  const out = [];
  const start = new Date(lo);
  const months = Math.max(1, Math.ceil((hi - lo) / (30 * 864e5) / 8));
  let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
  while (t <= hi) {
    out.push(t);
    const d = new Date(t);
    t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  }
  return out;
}

function strip(events, open) {
  const dated = events.filter((e) => when(e.date) !== null);
  const types = EVENT_TYPES.filter((t) => dated.some((e) => e.event_type === t));
  if (!dated.length) return message("No dated events to plot.");
  let lo = Math.min(...dated.map((e) => when(e.date)));
  let hi = Math.max(...dated.map((e) => when(e.date)));
  const margin = Math.max((hi - lo) * 0.04, 5 * 864e5);
  lo -= margin; hi += margin;
  const H = PAD.top + types.length * LANE + PAD.bottom;
  const x = (t) => PAD.left + ((t - lo) / (hi - lo)) * (W - PAD.left - PAD.right);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart timeline-chart", role: "group",
    "aria-label": "Events over time, one row per category" });
  types.forEach((type, i) => {
    const y = PAD.top + i * LANE + LANE / 2;
    chart.append(svg("line", { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: "lane" }),
      svg("text", { x: PAD.left - 8, y: y + 4, "text-anchor": "end", class: "axis" }, type));
  });
  for (const t of ticks(lo, hi)) {
    const label = new Date(t).toISOString().slice(0, 7);
    chart.append(svg("line", { x1: x(t), x2: x(t), y1: PAD.top, y2: H - PAD.bottom, class: "grid" }),
      svg("text", { x: x(t), y: H - 8, "text-anchor": "middle", class: "axis" }, label));
  }
  const r = dated.length > 150 ? 4 : 6;
  const stack = new Map();
  for (const ev of dated) {
    const lane = types.indexOf(ev.event_type);
    const key = `${lane}:${Math.round(x(when(ev.date)) / (2 * r + 1))}`;
    const n = stack.get(key) || 0;
    stack.set(key, n + 1);
    const dot = svg("circle", {
      cx: x(when(ev.date)) + n * (2 * r + 1), cy: PAD.top + lane * LANE + LANE / 2, r,
      fill: colour(ev.event_type), class: "dot", "data-event": ev.id,
    });
    chart.append(focusable(dot, `${ev.event_type} ${ev.date}: ${who(ev)}`, () => open(ev)));
  }
  return chart;
}

// Monthly (or yearly) volume, stacked by category, from /api/timeline.
function histogram(data, onPick) {
  const items = data.items;
  if (items.length < 2) return null;
  const H2 = 120, left = PAD.left, width = W - PAD.left - PAD.right;
  const max = Math.max(...items.map((i) => i.total));
  const bar = width / items.length;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H2 + 24}`, class: "chart histogram timeline-chart", role: "img",
    "aria-label": `Events per ${data.bucket}` });
  chart.append(svg("text", { x: left - 8, y: 14, "text-anchor": "end", class: "axis" }, `${max} / ${data.bucket}`));
  items.forEach((item, i) => {
    let y = H2;
    for (const type of EVENT_TYPES.filter((t) => item.counts[t])) {
      const h = (item.counts[type] / max) * (H2 - 10);
      y -= h;
      chart.append(svg("rect", { x: left + i * bar + 1, y, width: Math.max(bar - 2, 1), height: h,
        fill: colour(type), class: "bar" }, svg("title", {}, `${item.date} ${type}: ${item.counts[type]}`)));
    }
    const hit = svg("rect", { x: left + i * bar, y: 0, width: bar, height: H2, class: "hit" });
    chart.append(focusable(hit, `${item.date}: ${item.total} events; show only these`, () => onPick(item.date)));
    if (items.length <= 24 || i % Math.ceil(items.length / 24) === 0) {
      chart.append(svg("text", { x: left + (i + 0.5) * bar, y: H2 + 16, "text-anchor": "middle", class: "axis" }, item.date));
    }
  });
  return chart;
}

const ROWS = 100;

function eventTable(events, open) {
  const row = (ev) => el("tr", {},
    el("td", { class: "nowrap" }, ev.date || "undated"),
    el("td", {}, typeBadge(ev.event_type), ev.mode ? ` ${ev.mode}` : ""),
    el("td", {}, el("button", { type: "button", class: "linklike", "data-event": ev.id,
      onclick: () => open(ev) }, who(ev))),
    el("td", {}, link(`#/article/${encodeURIComponent(ev.article_id)}`,
      ev.article?.title || ev.article_id), ev.article?.outlet ? ` — ${ev.article.outlet}` : ""),
  );
  const body = el("tbody", {}, events.slice(0, ROWS).map(row));
  const more = events.length > ROWS ? el("button", { type: "button", onclick: () => {
    body.append(...events.slice(ROWS).map(row));
    more.remove();
  } }, `Show all ${events.length} rows`) : null;
  return el("div", {}, el("table", { class: "list", id: "event-list" },
    el("caption", { class: "sr-only" }, "Events"),
    el("thead", {}, el("tr", {}, ...["Date", "Category", "Who", "Reported in"].map((h) => el("th", { scope: "col" }, h)))),
    body), more);
}

function filters(params) {
  const select = typeSelect({ id: "tl-type", name: "event_type" }, params.get("event_type"));
  const actor = el("input", { id: "tl-actor", name: "actor", value: params.get("actor") || "",
    placeholder: "e.g. USA", size: 10 });
  const from = el("input", { id: "tl-from", type: "month", value: params.get("date_from") || "" });
  const to = el("input", { id: "tl-to", type: "month", value: params.get("date_to") || "" });
  return el("form", { class: "filters", onsubmit: (e) => {
    e.preventDefault();
    go("timeline", { event_type: select.value, actor: actor.value.trim(), date_from: from.value, date_to: to.value });
  } },
  el("label", { for: "tl-type" }, "Category"), select,
  el("label", { for: "tl-actor" }, "Actor id"), actor,
  el("label", { for: "tl-from" }, "From"), from,
  el("label", { for: "tl-to" }, "To"), to,
  el("button", { type: "submit" }, "Apply"),
  params.toString() ? el("a", { href: "#/timeline" }, "Clear") : null);
}

export async function timelineView(root, _parts, params) {
  const filter = { event_type: params.get("event_type"), actor: params.get("actor"),
    date_from: params.get("date_from"), date_to: params.get("date_to") };
  const [data, volume] = await Promise.all([api("events", { ...filter, limit: 500 }),
    api("timeline", { ...filter, bucket: "month" })]);
  const pick = (month) => go("timeline", { ...filter, date_from: month, date_to: month });
  const open = (ev) => go(`event/${encodeURIComponent(ev.id)}`);
  root.append(el("h2", {}, "Timeline"), filters(params));
  if (!data.items.length) {
    root.append(message("No events match."));
    return;
  }
  const shown = data.total > data.items.length
    ? ` (the first ${data.items.length} are plotted: select a month or set a date range to see the rest)` : "";
  root.append(el("p", { class: "muted" }, `${data.total} events${shown}. Select a dot or a row to see its evidence.`),
    el("div", {}, el("div", { class: "chart-scroll" }, histogram(volume, pick)),
      el("div", { class: "chart-scroll" }, strip(data.items, open)), el("div", { class: "hscroll" }, eventTable(data.items, open))));
}
