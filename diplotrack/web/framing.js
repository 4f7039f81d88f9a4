// The framing comparison of a story's reports: one table row per report (outlet,
// title, loaded-language score and bar, its loaded terms), most loaded first.
import { el, link, pct } from "./dom.js";
import { clip, named } from "./format.js";

const TERMS = 5;

export function meter(value) {
  const bar = el("span", { class: "meter-fill" });
  bar.style.width = pct(typeof value === "number" ? Math.min(1, Math.max(0, value)) : 0);
  return el("span", { class: "meter", role: "img", "aria-label": `loaded language ${pct(value)}` }, bar);
}

function terms(list) {
  if (!list?.length) return el("span", { class: "muted" }, "none");
  const rest = list.length - TERMS;
  return [el("ul", { class: "chips" }, list.slice(0, TERMS).map((t) => el("li", {}, clip(t, 40)))),
    rest > 0 ? el("span", { class: "muted" }, ` +${rest} more`) : null];
}

function sourcesText(r) {
  const named_ = r.named_sources, anon = r.anonymous_sources;
  if (typeof named_ !== "number" && typeof anon !== "number") return "—";
  return `${named_ || 0} named, ${anon || 0} anonymous`;
}

// The rows: framing.compare's articles where there are some, else the columns' own framing.
function reportRows(comparison, columns) {
  const fromColumns = columns.map((c) => ({ id: c.article.id, outlet: c.article.outlet, genre: c.article.genre,
    loaded_language: c.loaded_language, loaded_terms: c.loaded_terms }));
  const rows = Array.isArray(comparison?.articles) && comparison.articles.length ? comparison.articles : fromColumns;
  const rank = comparison?.ranked_by_loaded_language || [];
  const at = (r) => (rank.includes(r.id) ? rank.indexOf(r.id) : rank.length);
  const score = (r) => (typeof r.loaded_language === "number" ? r.loaded_language : -1);
  return [...rows].sort((a, b) => at(a) - at(b) || score(b) - score(a));
}

function shared(comparison, articles) {
  const entries = Object.entries(comparison?.shared_loaded_terms || {});
  if (!entries.length) return null;
  const who = (ids) => [...new Set((Array.isArray(ids) ? ids : []).map((i) => articles.get(i)?.outlet || "a report"))].join(", ");
  return el("p", { class: "muted" }, "Loaded terms used by more than one report: ",
    entries.map(([term, ids], i) => [i ? "; " : "", el("strong", {}, clip(term, 40)), ids?.length ? ` (${who(ids)})` : ""]));
}

export function framingTable(comparison, columns, articles, names, countries) {
  const rows = reportRows(comparison, columns);
  if (!rows.length) return null;
  const row = (r) => {
    const a = articles.get(r.id) || {};
    const country = countries.get(r.id);
    const outlet = r.outlet || a.outlet;
    return el("tr", { "data-article": r.id },
      el("td", { "data-label": "Outlet" }, outlet || "—", country ? el("span", { class: "muted" }, ` (${country})`) : ""),
      el("td", { "data-label": "Report" }, link(`#/article/${encodeURIComponent(r.id)}`, clip(a.title || "(untitled)", 100)),
        r.genre || a.genre ? el("span", { class: "muted" }, ` · ${r.genre || a.genre}`) : ""),
      el("td", { class: "nowrap", "data-label": "Loaded language" }, meter(r.loaded_language), ` ${pct(r.loaded_language)}`),
      el("td", { "data-label": "Loaded terms" }, terms(r.loaded_terms)),
      el("td", { "data-label": "Leaves out" }, (r.details_left_out || []).length
        ? r.details_left_out.slice(0, 4).map((d, i) => [i ? "; " : "", clip(named(d, names), 60)]) : "—"),
      el("td", { "data-label": "Sources quoted" }, sourcesText(r)));
  };
  return el("section", { class: "framing", "aria-labelledby": "framing-h" },
    el("h3", { id: "framing-h" }, "Framing comparison"),
    el("p", { class: "muted" }, "How loaded, partisan or emotive each report's wording is, most loaded first."),
    el("div", { class: "hscroll" }, el("table", { class: "list cards", id: "framing-table" },
      el("thead", {}, el("tr", {}, ["Outlet", "Report", "Loaded language", "Loaded terms", "Leaves out", "Sources quoted"]
        .map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows.map(row)))),
    shared(comparison, articles));
}
