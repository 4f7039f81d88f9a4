// The single-page app: a hash router over the views.
import { api, clear, el, message, route } from "./dom.js";
import { articleView, articlesView } from "./articles.js";
import { eventView } from "./event.js";
import { mapView } from "./mapview.js";
import { networkView } from "./network.js";
import { storiesView } from "./stories.js";
import { storyView } from "./story.js";
import { timelineView } from "./timeline.js";

const ROUTES = {
  timeline: { tab: "timeline", view: timelineView, title: "Timeline" },
  event: { tab: "timeline", view: eventView, title: "Event" },
  network: { tab: "network", view: networkView, title: "Actors network" },
  map: { tab: "map", view: mapView, title: "Map" },
  stories: { tab: "stories", view: storiesView, title: "Stories" },
  story: { tab: "stories", view: storyView, title: "Story" },
  articles: { tab: "articles", view: articlesView, title: "Articles" },
  article: { tab: "articles", view: articleView, title: "Article" },
};

let renderToken = 0;

async function render(event) {
  const { parts, params } = route();
  const spec = ROUTES[parts[0]] || ROUTES.timeline;
  for (const a of document.querySelectorAll("#tabs a")) {
    if (a.dataset.tab === spec.tab) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  document.title = `${spec.title} · diplotrack`;
  const main = document.getElementById("view");
  const token = ++renderToken;
  const container = el("div", { class: `view view-${spec.tab}` });
  clear(main).append(message("Loading…"));
  main.setAttribute("aria-busy", "true");
  try {
    await spec.view(container, parts.slice(1), params);
    if (token !== renderToken) return;
    clear(main).append(container);
    if (event?.type === "hashchange" && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  } catch (err) {
    if (token !== renderToken) return;
    clear(main).append(message(err.message || String(err), "error"));
  } finally {
    if (token === renderToken) main.removeAttribute("aria-busy");
  }
}

async function showStats() {
  try {
    const s = await api("stats");
    document.getElementById("stats").textContent =
      `${s.articles} articles · ${s.events} events · ${s.stories} stories · ${s.actors} actors`;
  } catch {
    /* the header line is optional */
  }
}

window.addEventListener("hashchange", render);
window.addEventListener("DOMContentLoaded", () => { showStats(); render(); });
