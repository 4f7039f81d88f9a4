// Articles: search and filter the stored articles; read one with its events highlighted.
import { api, el, go, highlighted, link, message, pager, pct, safeUrl, typeBadge, who } from "./dom.js";

const PAGE = 50;

function select(id, label, name, options, current) {
  return [el("label", { for: id }, label), el("select", { id, name },
    el("option", { value: "" }, "any"),
    options.map((o) => el("option", { value: o.value, selected: o.value === current }, `${o.value} (${o.count})`)))];
}

function searchForm(params, facets) {
  const form = el("form", { class: "filters", role: "search", id: "article-search" },
    el("label", { for: "a-q" }, "Search"),
    el("input", { id: "a-q", name: "q", type: "search", value: params.get("q") || "", placeholder: "words in title or text" }),
    select("a-outlet", "Outlet", "outlet", facets.outlet, params.get("outlet")),
    select("a-genre", "Genre", "genre", facets.genre, params.get("genre")),
    el("label", { for: "a-from" }, "From"),
    el("input", { id: "a-from", name: "published_from", type: "date", value: params.get("published_from") || "" }),
    el("label", { for: "a-to" }, "To"),
    el("input", { id: "a-to", name: "published_to", type: "date", value: params.get("published_to") || "" }),
    el("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    go("articles", Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()])));
  });
  return form;
}

function row(a) {
  return el("tr", { "data-article": a.id },
    el("td", {}, link(`#/article/${encodeURIComponent(a.id)}`, a.title || "(untitled)"),
      a.snippet ? el("p", { class: "snippet muted" }, a.snippet) : ""),
    el("td", {}, a.outlet || "—"), el("td", {}, a.published || "—"), el("td", {}, a.genre || "—"),
    el("td", { class: "num" }, pct(a.loaded_language)), el("td", { class: "num" }, String(a.event_count)));
}

export async function articlesView(root, _parts, params) {
  const offset = Number(params.get("offset") || 0);
  const query = Object.fromEntries(params);
  const [data, facets] = await Promise.all([api("articles", { ...query, limit: PAGE, offset }), api("articles/facets")]);
  root.append(el("h2", {}, "Articles"), searchForm(params, facets));
  if (!data.items.length) {
    root.append(message("No articles match."));
    return;
  }
  root.append(el("div", { class: "hscroll" }, el("table", { class: "list", id: "article-list" },
    el("thead", {}, el("tr", {}, ["Title", "Outlet", "Published", "Genre", "Loaded", "Events"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, data.items.map(row)))), pager("articles", params, data.total, offset, PAGE));
}

function body(article) {
  const spans = article.events.flatMap((ev) => (ev.evidence || []).map((e) => ({ ...e, ev })));
  const marks = highlighted(article.text, spans, (s) => ({ title: `${s.ev.event_type}: ${who(s.ev)}`, "data-event": s.ev.id }));
  return el("div", { class: "article-text" }, marks);
}

export async function articleView(root, parts) {
  const a = await api(`articles/${encodeURIComponent(parts[0] || "")}`);
  const meta = [a.outlet, a.published, a.genre, a.language, (a.authors || []).join(", ")].filter(Boolean).join(" · ");
  const terms = a.framing?.loaded_terms || [];
  root.append(el("p", {}, link("#/articles", "← Articles")),
    el("h2", { class: "article-title" }, a.title || "(untitled)"),
    el("p", { class: "muted" }, meta),
    el("p", {}, `Loaded language ${pct(a.framing?.loaded_language)}`,
      terms.length ? [": ", terms.join(", ")] : ""),
    safeUrl(a.url) ? el("p", {}, el("a", { href: safeUrl(a.url), rel: "noopener noreferrer nofollow", target: "_blank" }, "Original")) : "",
    el("div", { class: "split" }, body(a), el("aside", { class: "panel" }, el("h3", {}, `Events (${a.events.length})`),
      el("ul", { class: "events" }, a.events.map((ev) => el("li", {}, typeBadge(ev.event_type), " ",
        link(`#/event/${encodeURIComponent(ev.id)}`, who(ev)), ` — ${ev.date || "undated"}`))))));
}
