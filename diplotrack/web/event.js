// One event: who did what to whom, when and where, and the sentences that say so.
import { api, el, link, message, pct, typeBadge } from "./dom.js";

function party(p) {
  const said = p.text && p.text !== p.name ? el("span", { class: "muted" }, ` (“${p.text}”)`) : "";
  return el("li", {}, el("a", { href: `#/timeline?actor=${encodeURIComponent(p.id)}` }, p.name || p.id), said);
}

// dates the text does not give (models.Event.date_from)
const DATE_FROM = {
  release: " (the statement's publication day)",
  published: " (the month of publication: the text gives no date)",
};

function facts(ev) {
  const rows = [
    ["Actor", el("ul", { class: "inline" }, (ev.actor || []).map(party))],
    ["Recipient", ev.recipient?.length ? el("ul", { class: "inline" }, ev.recipient.map(party)) : "—"],
    ["Date", ev.date ? `${ev.date}${ev.date_text ? ` (“${ev.date_text}”)` : DATE_FROM[ev.date_from] || ""}` : "undated"],
    ["Place", ev.location ? `${ev.location.name}${ev.location.country ? `, ${ev.location.country}` : ""}` : "—"],
    ["Context", (ev.context || []).join(", ") || "—"],
    ["Status", [ev.auxiliary, ev.status].filter(Boolean).join(", ") || "—"],
    ["Confidence", pct(ev.confidence)],
    ["Story", ev.story_id ? link(`#/story/${encodeURIComponent(ev.story_id)}`, ev.story_id) : "—"],
  ];
  return el("dl", { class: "facts" }, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

function evidence(ev) {
  const items = (ev.evidence_context || []).map((c) => el("blockquote", { class: "evidence" },
    c.before ? el("span", { class: "ctx" }, c.before) : "",
    el("mark", {}, c.sentence),
    c.after ? el("span", { class: "ctx" }, c.after) : ""));
  return el("section", { "aria-labelledby": "ev-evidence" },
    el("h3", { id: "ev-evidence" }, "Evidence"),
    items.length ? items : message("No evidence sentence stored."));
}

export async function eventView(root, parts) {
  const ev = await api(`events/${encodeURIComponent(parts[0] || "")}`);
  const art = ev.article || {};
  root.append(
    el("p", {}, el("a", { href: "#/timeline" }, "← Timeline")),
    el("h2", {}, typeBadge(ev.event_type), ev.mode ? ` ${ev.mode}` : "", " ", el("span", { class: "muted" }, ev.id)),
    facts(ev),
    evidence(ev),
    el("p", { class: "source" }, "Reported in ",
      link(`#/article/${encodeURIComponent(ev.article_id)}`, art.title || ev.article_id),
      art.outlet ? ` — ${art.outlet}` : "", art.published ? `, ${art.published}` : ""),
  );
}
