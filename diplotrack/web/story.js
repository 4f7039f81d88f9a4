// One story: where its reports agree and differ (named by outlet and title), the
// reports side by side, and a table comparing their framing.
import { api, el, link, message, pct, typeBadge } from "./dom.js";
import { framingTable, meter } from "./framing.js";
import { clip, countryOf, dateText, named, nameMap, participantName, participants } from "./format.js";
import { scrollCue } from "./scrollcue.js";

const FETCH_AT_MOST = 12;

// A source of a claim: its outlet, and its headline where the outlet alone does not
// tell which report (or there is no outlet), linked; never its id.
function sourceLink(s, articles, full = false) {
  const a = { ...articles.get(s.id), ...Object.fromEntries(Object.entries(s).filter(([, v]) => v)) };
  const shared = [...articles.values()].filter((b) => b.outlet && b.outlet === a.outlet).length > 1;
  const title = a.title && (full || shared || !a.outlet) ? `“${clip(a.title, full ? 120 : 50)}”` : "";
  const text = [a.outlet, title].filter(Boolean).join(": ") || "an untitled report";
  return el("a", { href: `#/article/${encodeURIComponent(s.id)}`, title: a.title || null }, text);
}

function sources(c, articles) {
  const list = c.sources?.length ? c.sources : (c.article_ids || []).map((id) => ({ id }));
  if (!list.length) return null;
  return el("span", { class: "muted sources" }, " (", list.map((s, i) => [i ? "; " : "", sourceLink(s, articles)]), ")");
}

function claimText(c, names) {
  return [el("strong", {}, named(c.label, names)), c.value !== null && c.value !== undefined ? `: ${named(c.value, names)}` : ""];
}

function claimList(title, claims, kind, ctx) {
  return el("section", { class: `claims ${kind}` }, el("h3", {}, title),
    claims.length ? el("ul", {}, claims.map((c) => el("li", {}, claimText(c, ctx.names), sources(c, ctx.articles))))
      : el("p", { class: "muted" }, "None recorded."));
}

function claimsOf(claims, names) {
  if (!claims.length) return el("p", { class: "muted" }, "None recorded.");
  const of = (kind) => claims.filter((c) => c.kind === kind);
  const tagged = (list, tag, cls) => (list.length ? el("ul", { class: "differs" }, list.map((c) => el("li", {},
    el("span", { class: `tag ${cls}` }, tag), " ", claimText(c, names)))) : null);
  const agrees = of("agree");
  return [tagged(of("disagree"), "differs", "disagree"),
    agrees.length ? el("p", { class: "agrees" }, el("span", { class: "tag agree" }, "agrees"),
      " on ", agrees.map((c) => named(c.label, names)).join(", ")) : null,
    tagged(of("unconfirmed"), "only here", "unconfirmed")];
}

function column(col, ctx) {
  const a = col.article;
  const country = ctx.countries.get(a.id);
  const field = (label, ...value) => [el("dt", {}, label), el("dd", {}, ...value)];
  return el("article", { class: "column", "data-article": a.id, role: "listitem" },
    el("h3", {}, link(`#/article/${encodeURIComponent(a.id)}`, a.title || "(untitled)")),
    el("dl", { class: "facts" },
      field("Outlet", a.outlet || "—", country ? el("span", { class: "muted" }, ` (${country})`) : ""),
      field("Published", a.published ? dateText(a.published) : "—"),
      field("Genre", a.genre || "—"),
      field("Loaded language", meter(col.loaded_language), ` ${pct(col.loaded_language)}`),
      field("Loaded terms", col.loaded_terms.length
        ? el("ul", { class: "chips" }, col.loaded_terms.map((t) => el("li", {}, t))) : "none")),
    el("h4", {}, "How it names the participants"),
    el("ul", { class: "naming" }, col.naming.map((n) => el("li", {},
      el("strong", {}, participantName(n, ctx.names)), ": ",
      n.texts.length ? n.texts.map((t) => `“${t}”`).join(", ") : "—"))),
    el("h4", {}, "What it says"),
    col.evidence.map((e) => el("blockquote", { class: "evidence" }, link(`#/event/${encodeURIComponent(e.event_id)}`, e.sentence))),
    el("h4", {}, "Its claims"),
    claimsOf(col.claims, ctx.names));
}

// Articles the page names but the story detail does not describe (those that only
// mention the story): their outlet, title and participants, a few at most.
async function missingArticles(data, known) {
  const claims = [...data.agreements, ...data.disagreements, ...data.unconfirmed];
  const ids = new Set([...(data.story.mentioned_by || []),
    ...claims.flatMap((c) => (c.sources || []).filter((s) => !s.outlet && !s.title).map((s) => s.id))]);
  const wanted = [...ids].filter((id) => !known.has(id)).slice(0, FETCH_AT_MOST);
  const got = await Promise.allSettled(wanted.map((id) => api(`articles/${encodeURIComponent(id)}`)));
  return got.filter((r) => r.status === "fulfilled").map((r) => r.value);
}

function mentions(story, articles) {
  const ids = story.mentioned_by || [];
  if (!ids.length) return null;
  return el("section", { class: "mentions" }, el("h3", {}, `Mentioned in (${ids.length})`),
    el("ul", {}, ids.map((id) => el("li", {}, sourceLink({ id }, articles, true)))));
}

function header(st, ctx, count) {
  const outlets = (st.outlets || []).join(", ");
  const langs = (st.languages || []).filter(Boolean);
  return [el("p", {}, link("#/stories", "← Stories")),
    el("h2", {}, st.headline || participants(st, ctx.names)),
    el("p", { class: "summary" }, typeBadge(st.event_type), st.mode ? ` ${st.mode}` : "", " ",
      named(st.summary, ctx.names) || participants(st, ctx.names)),
    el("p", { class: "muted" }, [dateText(st.date), st.location?.name, `${count} report${count === 1 ? "" : "s"}`,
      st.first_reported ? `first reported ${dateText(st.first_reported)}` : null, outlets || null,
      langs.length > 1 || (langs.length && langs[0] !== "en") ? langs.join(", ") : null]
      .filter(Boolean).join(" · "))];
}

export async function storyView(root, parts) {
  const data = await api(`stories/${encodeURIComponent(parts[0] || "")}`);
  const st = data.story;
  const articles = new Map(data.columns.map((c) => [c.article.id, c.article]));
  const extra = await missingArticles(data, articles);
  for (const a of extra) articles.set(a.id, a);
  const names = nameMap(st.actor, st.recipient, data.columns.flatMap((c) => c.naming),
    extra.flatMap((a) => (a.events || []).flatMap((e) => [...(e.actor || []), ...(e.recipient || [])])));
  const ctx = { names, articles, countries: countryOf(st) };
  root.append(...header(st, ctx, data.columns.length),
    el("div", { class: "claims-pair" }, claimList("Where reports agree", data.agreements, "agree", ctx),
      claimList("Where reports differ", data.disagreements, "disagree", ctx),
      data.unconfirmed.length ? claimList("Stated by one report only", data.unconfirmed, "unconfirmed", ctx) : null));
  if (data.columns.length) {
    const columns = el("div", { class: "columns", role: "list" }, data.columns.map((c) => column(c, ctx)));
    const framing = framingTable(data.comparison, data.columns, articles, names, ctx.countries);
    root.append(el("h3", {}, "Side by side"), scrollCue(columns, "Reports side by side"), ...(framing ? [framing] : []));
  } else {
    root.append(message("No article reports this story as its main event; it is only mentioned."));
  }
  if (st.mentioned_by?.length) root.append(mentions(st, articles));
}
