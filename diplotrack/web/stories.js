// Stories: each real-world event across the articles that report it, and a
// side-by-side comparison of those articles.
import { api, el, go, link, message, pager, pct, typeBadge, who } from "./dom.js";

const PAGE = 50;

function storyRow(st) {
  const place = st.location?.name || "";
  return el("tr", {},
    el("td", {}, st.date || "undated"),
    el("td", {}, typeBadge(st.event_type), st.mode ? ` ${st.mode}` : ""),
    el("td", {}, link(`#/story/${encodeURIComponent(st.id)}`, st.headline || who(st))),
    el("td", {}, place),
    el("td", { class: "num" }, String(st.report_count)),
    el("td", {}, st.status || ""));
}

export async function storiesView(root, _parts, params) {
  const q = params.get("q") || "";
  const offset = Number(params.get("offset") || 0);
  const data = await api("stories", { q, sort: params.get("sort") || "reports", limit: PAGE, offset });
  const input = el("input", { id: "st-q", type: "search", name: "q", value: q, placeholder: "actor or category" });
  root.append(el("h2", {}, "Stories"),
    el("form", { class: "filters", role: "search", onsubmit: (e) => { e.preventDefault(); go("stories", { q: input.value.trim() }); } },
      el("label", { for: "st-q" }, "Filter"), input, el("button", { type: "submit" }, "Apply")));
  if (!data.items.length) {
    root.append(message("No stories match."));
    return;
  }
  root.append(el("p", { class: "muted" }, `${data.total} stories, most reported first.`),
    el("table", { class: "list", id: "story-list" },
      el("thead", {}, el("tr", {}, ["Date", "Category", "Story", "Place", "Reports", "Status"]
        .map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, data.items.map(storyRow))),
    pager("stories", params, data.total, offset, PAGE));
}

// who states a claim: outlets (else headlines), never raw article ids
function sourceNames(c) {
  const names = (c.sources || []).map((s) => s.outlet || s.title || "an untitled report");
  return [...new Set(names)].join("; ");
}

function claimList(title, claims, kind) {
  return el("section", { class: `claims ${kind}` }, el("h3", {}, title),
    claims.length ? el("ul", {}, claims.map((c) => el("li", {},
      el("strong", {}, c.label), c.value !== null ? `: ${c.value}` : "",
      (c.sources || []).length ? el("span", { class: "muted" }, ` (${sourceNames(c)})`) : "")))
      : el("p", { class: "muted" }, "None recorded."));
}

function meter(value) {
  const bar = el("span", { class: "meter-fill" });
  bar.style.width = pct(typeof value === "number" ? Math.min(1, Math.max(0, value)) : 0);
  return el("span", { class: "meter", role: "img", "aria-label": `loaded language ${pct(value)}` }, bar);
}

function claimsOf(claims) {
  const differs = claims.filter((c) => c.kind === "disagree");
  const agrees = claims.filter((c) => c.kind === "agree");
  const alone = claims.filter((c) => c.kind === "unconfirmed");
  if (!claims.length) return el("p", { class: "muted" }, "None recorded.");
  return [
    differs.length ? el("ul", { class: "differs" }, differs.map((c) => el("li", {},
      el("span", { class: "tag disagree" }, "differs"), " ", el("strong", {}, c.label),
      c.value !== null ? `: ${c.value}` : ""))) : null,
    agrees.length ? el("p", { class: "agrees" }, el("span", { class: "tag agree" }, "agrees"),
      " on ", agrees.map((c) => c.label).join(", ")) : null,
    alone.length ? el("ul", { class: "alone" }, alone.map((c) => el("li", {},
      el("span", { class: "tag unconfirmed" }, "only here"), " ", el("strong", {}, c.label),
      c.value !== null ? `: ${c.value}` : ""))) : null,
  ];
}

function column(col) {
  const a = col.article;
  const field = (label, ...value) => [el("dt", {}, label), el("dd", {}, ...value)];
  return el("article", { class: "column", "data-article": a.id },
    el("h3", {}, link(`#/article/${encodeURIComponent(a.id)}`, a.title || a.id)),
    el("dl", { class: "facts" },
      field("Outlet", a.outlet || "—"),
      field("Published", a.published || "—"),
      field("Genre", a.genre || "—"),
      field("Loaded language", meter(col.loaded_language), ` ${pct(col.loaded_language)}`),
      field("Loaded terms", col.loaded_terms.length
        ? el("ul", { class: "chips" }, col.loaded_terms.map((t) => el("li", {}, t)))
        : "none")),
    el("h4", {}, "How it names the participants"),
    el("ul", { class: "naming" }, col.naming.map((n) => el("li", {},
      el("strong", {}, n.name || n.id), ": ", n.texts.length ? n.texts.map((t) => `“${t}”`).join(", ") : "—"))),
    el("h4", {}, "What it says"),
    col.evidence.map((e) => el("blockquote", { class: "evidence" }, link(`#/event/${encodeURIComponent(e.event_id)}`, e.sentence))),
    el("h4", {}, "Its claims"),
    claimsOf(col.claims));
}

// framing.compare's output, whatever its shape, as nested lists of text.
function tree(value, depth = 0) {
  if (value === null || typeof value !== "object") return String(value);
  if (depth > 5) return JSON.stringify(value);
  if (Array.isArray(value)) return el("ol", {}, value.map((v) => el("li", {}, tree(v, depth + 1))));
  return el("dl", { class: "tree" }, Object.entries(value).map(([k, v]) => [el("dt", {}, k), el("dd", {}, tree(v, depth + 1))]));
}

export async function storyView(root, parts) {
  const data = await api(`stories/${encodeURIComponent(parts[0] || "")}`);
  const st = data.story;
  root.append(el("p", {}, link("#/stories", "← Stories")),
    el("h2", {}, st.headline || who(st)),
    el("p", { class: "summary" }, typeBadge(st.event_type), st.mode ? ` ${st.mode}` : "", " ",
      st.summary || who(st)),
    el("p", { class: "muted" }, [st.date || "undated", st.location?.name, `${data.columns.length} reports`,
      st.first_reported ? `first reported ${st.first_reported}` : null]
      .filter(Boolean).join(" · ")),
    el("div", { class: "claims-pair" }, claimList("Where reports agree", data.agreements, "agree"),
      claimList("Where reports differ", data.disagreements, "disagree"),
      data.unconfirmed.length ? claimList("Stated by one report only", data.unconfirmed, "unconfirmed") : null),
    el("h3", {}, "Side by side"),
    el("div", { class: "columns", role: "list" }, data.columns.map((c) => { const node = column(c); node.setAttribute("role", "listitem"); return node; })));
  if (data.comparison) {
    root.append(el("details", { class: "comparison" }, el("summary", {}, "Framing comparison"), tree(data.comparison)));
  }
}
