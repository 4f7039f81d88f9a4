// Stories: each real-world event across the articles that report it, as a list
// sortable by reports, date or headline (buttons in the column headers).
// The story page itself is story.js.
import { api, el, go, link, message, pager, typeBadge } from "./dom.js";
import { dateNode, participants } from "./format.js";

const PAGE = 50;
const ALL = 500; // up to this many stories are sorted here, all of them; beyond, page by page

const reports = (st) => (typeof st.report_count === "number" ? st.report_count : (st.article_ids || []).length);
const headline = (st) => st.headline || participants(st);
const KEYS = {
  date: { label: "Date", first: "descending", cmp: (a, b) => (a.date || "").localeCompare(b.date || "") },
  headline: { label: "Story", first: "ascending",
    cmp: (a, b) => headline(a).localeCompare(headline(b), undefined, { sensitivity: "base", numeric: true }) },
  reports: { label: "Reports", first: "descending", cmp: (a, b) => reports(a) - reports(b) },
};

export function sortStories(items, key, dir) {
  const sign = dir === "ascending" ? 1 : -1;
  return [...items].sort((a, b) => {
    if (key === "date" && !a.date !== !b.date) return a.date ? -1 : 1; // undated last, either way
    return sign * KEYS[key].cmp(a, b);
  });
}

function outlets(st) {
  const names = st.outlets || [];
  const countries = Object.entries(st.announcement?.outlet_countries || {});
  if (!names.length) return el("span", { class: "muted" }, (st.mentioned_by || []).length ? "only mentioned" : "—");
  const where = countries.map(([c, ids]) => (countries.length > 1 ? `${c} ${ids.length}` : c)).join(", ");
  const langs = (st.languages || []).filter((l) => l && l !== "en");
  return [el("ul", { class: "inline" }, names.map((n) => el("li", {}, n))),
    where ? el("span", { class: "muted" }, names.length === 1 ? ` (${where})` : ` · ${where}`) : "",
    langs.length ? el("span", { class: "muted" }, ` · ${st.languages.join(", ")}`) : ""];
}

function row(st) {
  const meta = [st.mode, st.location?.name, st.status && st.status !== "occurred" ? st.status : null].filter(Boolean);
  const mentions = (st.mentioned_by || []).length;
  return el("tr", { "data-story": st.id },
    el("td", { class: "nowrap", "data-label": "Date" }, dateNode(st.date)),
    el("td", { "data-label": "Story" }, link(`#/story/${encodeURIComponent(st.id)}`, headline(st)),
      el("div", { class: "meta" }, typeBadge(st.event_type), meta.length ? ` ${meta.join(" · ")}` : "")),
    el("td", { "data-label": "Participants" }, participants(st)),
    el("td", { "data-label": "Outlets" }, outlets(st)),
    el("td", { class: "num", "data-label": "Reports" }, String(reports(st)),
      mentions ? el("span", { class: "muted mentions" }, ` +${mentions} mention${mentions > 1 ? "s" : ""}`) : ""));
}

const COLUMNS = [["date", "Date"], ["headline", "Story"], [null, "Participants"], [null, "Outlets"], ["reports", "Reports"]];

function head(state, onSort) {
  return el("thead", {}, el("tr", {}, COLUMNS.map(([key, label]) => {
    if (!key) return el("th", { scope: "col" }, label);
    const active = state.key === key;
    const arrow = active ? (state.dir === "ascending" ? " ▲" : " ▼") : "";
    return el("th", { scope: "col", class: `sortable${key === "reports" ? " num" : ""}`, "aria-sort": active ? state.dir : null },
      el("button", { type: "button", class: "sort", "data-sort": key, onclick: () => onSort(key) },
        label, el("span", { "aria-hidden": "true" }, arrow),
        el("span", { class: "sr-only" }, active ? "" : ", sort")));
  })));
}

async function load(q, key, offset) {
  const sort = key === "date" ? "date" : "reports";
  const all = await api("stories", { q, sort, limit: ALL });
  if (all.total <= all.items.length) return { ...all, complete: true };
  return { ...(await api("stories", { q, sort, limit: PAGE, offset })), complete: false };
}

export async function storiesView(root, _parts, params) {
  const q = params.get("q") || "";
  const key = KEYS[params.get("sort")] ? params.get("sort") : "reports";
  const state = { key, dir: ["ascending", "descending"].includes(params.get("dir")) ? params.get("dir") : KEYS[key].first,
    offset: Number(params.get("offset") || 0) };
  const data = await load(q, key, state.offset);
  const input = el("input", { id: "st-q", type: "search", name: "q", value: q, placeholder: "actor or category" });
  root.append(el("h2", {}, "Stories"),
    el("form", { class: "filters", role: "search", onsubmit: (e) => { e.preventDefault(); go("stories", { q: input.value.trim(), sort: state.key, dir: state.dir }); } },
      el("label", { for: "st-q" }, "Filter"), input, el("button", { type: "submit" }, "Apply")));
  if (!data.items.length) {
    root.append(message("No stories match."));
    return;
  }
  const note = el("p", { class: "muted", id: "story-note" });
  const table = el("table", { class: "list cards", id: "story-list" });
  const foot = el("div");
  const draw = () => {
    const sorted = sortStories(data.items, state.key, state.dir);
    const shown = data.complete ? sorted.slice(state.offset, state.offset + PAGE) : sorted;
    const order = `${KEYS[state.key].label.toLowerCase()}, ${state.dir}`;
    note.textContent = `${data.total} stories, sorted by ${order}${data.complete ? "" : " within each page"}.`;
    table.replaceChildren(el("caption", { class: "sr-only" }, `Stories, sorted by ${order}`),
      head(state, onSort), el("tbody", {}, shown.map(row)));
    const here = new URLSearchParams({ ...(q ? { q } : {}), sort: state.key, dir: state.dir });
    foot.replaceChildren(pager("stories", here, data.total, state.offset, PAGE));
  };
  const onSort = (k) => {
    state.dir = state.key === k ? (state.dir === "ascending" ? "descending" : "ascending") : KEYS[k].first;
    if (state.key !== k && !data.complete) {
      go("stories", { q, sort: k, dir: state.dir }); // another order from the server
      return;
    }
    state.key = k;
    if (data.complete) state.offset = 0;
    draw();
    table.querySelector(`button[data-sort="${k}"]`)?.focus();
    const query = new URLSearchParams({ ...(q ? { q } : {}), sort: state.key, dir: state.dir }).toString();
    history.replaceState(null, "", `#/stories?${query}`);
  };
  draw();
  root.append(note, el("div", { class: "hscroll" }, table), foot);
}
