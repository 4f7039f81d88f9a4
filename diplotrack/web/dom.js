// DOM helpers. Data from articles is untrusted: it only ever reaches the page
// as text nodes or attribute values, never as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function setProps(node, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "text") {
      node.textContent = String(value);
    } else if (key === "dataset") {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  return node;
}

// el("a", {href: "#/x", class: "c"}, "text", child...)
export function el(tag, props, ...children) {
  return append(setProps(document.createElement(tag), props), children);
}

export function svg(tag, props, ...children) {
  return append(setProps(document.createElementNS(SVG_NS, tag), props), children);
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

class ApiError extends Error {}

export async function api(path, params) {
  const url = new URL("/api/" + path, window.location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(body?.error?.message || `request failed (${response.status})`);
  }
  return body;
}

// PLOVER categories, cooperative to conflictual, with colours; then OTHER, the
// lead events of articles that hold no PLOVER event (grey).
export const EVENT_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
  "OTHER",
];
const COLOURS = [
  "#1b7f4b", "#2f6fb0", "#3f9a8f", "#6a9f2f", "#19857f", "#4f7fd0", "#7d8f3a", "#8a6fb8",
  "#c77c12", "#b8640f", "#c2410c", "#a16207", "#b91c1c", "#9d174d", "#7f1d1d", "#581c1c",
  "#9ca3af",
];
export function colour(type) {
  const i = EVENT_TYPES.indexOf(type);
  return i < 0 ? "#6b7280" : COLOURS[i];
}

// The most frequent category of a {category: count} object.
export function dominant(byType) {
  return Object.entries(byType || {}).sort((a, b) => b[1] - a[1])[0]?.[0];
}

// A <select> of the categories, "all categories" first.
export function typeSelect(props, current) {
  return el("select", props, el("option", { value: "" }, "all categories"),
    EVENT_TYPES.map((t) => el("option", { value: t, selected: current === t }, t)));
}

export function typeBadge(type) {
  const badge = el("span", { class: "badge" }, type || "?");
  badge.style.backgroundColor = colour(type);
  return badge;
}

function names(participants) {
  return (participants || []).map((p) => p.name || p.id).join(", ");
}

export function who(event) {
  const a = names(event.actor) || "?";
  const r = names(event.recipient);
  return r ? `${a} → ${r}` : a;
}

export function link(href, ...children) {
  return el("a", { href }, ...children);
}

export function pct(value) {
  return typeof value === "number" ? `${Math.round(value * 100)}%` : "—";
}

// The hash route: "#/story/s1?x=1" -> {parts: ["story", "s1"], params: URLSearchParams}
export function route() {
  const hash = window.location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || "") };
}

export function go(path, params) {
  const query = params ? new URLSearchParams(
    Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== "")).toString() : "";
  window.location.hash = "#/" + path + (query ? "?" + query : "");
}

// "← Previous  1–50 of 120  Next →" over the list view `view`, `size` rows a page.
export function pager(view, params, total, offset, size) {
  const to = (o) => () => go(view, { ...Object.fromEntries(params), offset: o });
  return el("p", { class: "pager" },
    el("button", { type: "button", disabled: offset <= 0, onclick: to(Math.max(0, offset - size)) }, "← Previous"),
    ` ${total ? offset + 1 : 0}–${Math.min(total, offset + size)} of ${total} `,
    el("button", { type: "button", disabled: offset + size >= total, onclick: to(offset + size) }, "Next →"));
}

// Text with [start, end) spans wrapped in <mark>; spans may overlap.
export function highlighted(text, spans, markProps) {
  const sorted = [...spans].filter((s) => s.start < s.end).sort((a, b) => a.start - b.start);
  const out = [];
  let pos = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, pos);
    if (start >= span.end) continue;
    if (start > pos) out.push(text.slice(pos, start));
    out.push(el("mark", markProps ? markProps(span) : {}, text.slice(start, span.end)));
    pos = span.end;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

export function message(text, kind = "info") {
  return el("p", { class: `message ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

export function focusable(node, label, action) {
  setProps(node, { tabindex: 0, role: "button", "aria-label": label });
  node.addEventListener("click", action);
  node.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); action(e); }
  });
  node.append(svg("title", {}, label));
  return node;
}

// Only http(s) links from data: never javascript: or data: URLs.
export function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}
