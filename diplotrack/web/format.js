// Display helpers for stories: dates at their precision, participants and claims by
// name (never raw ids), outlets with their countries. Everything returns text or
// nodes built by dom.js: data never reaches the page as HTML.
import { el } from "./dom.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// "2025" -> "2025", "2025-07" -> "Jul 2025", "2025-07-03" -> "3 Jul 2025"
export function dateText(date) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date || "");
  if (!m) return date || "undated";
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] || mo : null;
  if (!month) return y;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function dateNode(date) {
  return date ? el("time", { datetime: date.slice(0, 10) }, dateText(date)) : "undated";
}

// A namespaced registry id ("usa:military", "person:mckenzie") never shown as is.
const RAW_ID = /^[a-z][a-z0-9]*(?::[a-z0-9][a-z0-9._-]*)+$/i;
const PREFIXES = new Set(["person", "org", "place", "group", "civilians"]);

// A readable stand-in for an id that has no name: "usa:military" -> "USA military".
export function prettyId(id) {
  const parts = String(id).split(":");
  if (parts.length > 1 && PREFIXES.has(parts[0].toLowerCase())) parts.shift();
  return parts.map((p, i) => (i === 0 && p.length <= 3 && parts.length > 1 ? p.toUpperCase() : p))
    .join(" ").replace(/[-_]+/g, " ").replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

// id -> name from lists of participants (events, stories, a column's naming).
export function nameMap(...lists) {
  const names = new Map();
  for (const p of lists.flat()) {
    if (p?.id && p.name && !names.has(p.id)) names.set(p.id, p.name);
  }
  return names;
}

export function participantName(p, names) {
  return p.name || names?.get(p.id) || prettyId(p.id);
}

export function participants(st, names) {
  const list = (ps) => (ps || []).map((p) => participantName(p, names)).join(", ");
  const a = list(st.actor) || "?";
  const r = list(st.recipient);
  return r ? `${a} → ${r}` : a;
}

// Ids inside a claim's label or value ("level (donald-trump)", "taliban, usa:military")
// as names; namespaced ids always, other ids where the whole value is a list of them.
export function named(text, names) {
  if (text === null || text === undefined) return text;
  const s = String(text);
  const pieces = s.split(", ");
  const known = (t) => names.has(t) || RAW_ID.test(t);
  if (pieces.every(known)) return pieces.map((t) => names.get(t) || prettyId(t)).join(", ");
  const out = s.replace(/\(([^()]+)\)/g, (all, inner) => (known(inner) ? `(${names.get(inner) || prettyId(inner)})` : all))
    .replace(/[A-Za-z][\w.-]*(?::[\w.-]+)+/g, (t) => (RAW_ID.test(t) ? names.get(t) || prettyId(t) : t));
  return /^[a-z]+(?:_[a-z]+)+$/.test(out) ? out.replace(/_/g, " ") : out;
}

// outlet_countries {USA: [article ids]} -> article id -> country
export function countryOf(story) {
  const byArticle = new Map();
  for (const [country, ids] of Object.entries(story.announcement?.outlet_countries || {})) {
    for (const id of ids || []) byArticle.set(id, country);
  }
  return byArticle;
}

export function clip(text, n) {
  const s = String(text ?? "");
  return s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s;
}
