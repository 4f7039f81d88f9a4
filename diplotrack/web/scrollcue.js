// A horizontal scroller that says when it holds more than it shows: shadows on the
// edges with hidden items and an "n more →" button that scrolls to them.
import { el } from "./dom.js";

export function scrollCue(scroller, label) {
  scroller.classList.add("cue-scroller");
  scroller.setAttribute("tabindex", "0");
  if (label) scroller.setAttribute("aria-label", label);
  const more = el("button", { type: "button", class: "more-cue", hidden: true });
  const back = el("button", { type: "button", class: "more-cue", hidden: true });
  const frame = el("div", { class: "cue-frame" }, scroller);
  const bar = el("p", { class: "cue-bar", hidden: true }, back, more);
  const wrap = el("div", { class: "cue-wrap" }, bar, frame);
  const page = (sign) => () => scroller.scrollBy({ left: sign * scroller.clientWidth * 0.8, behavior: "smooth" });
  more.addEventListener("click", page(1));
  back.addEventListener("click", page(-1));
  const update = () => {
    const box = scroller.getBoundingClientRect();
    const items = [...scroller.children].map((c) => c.getBoundingClientRect());
    const right = items.filter((r) => r.right > box.right + 1).length;
    const left = items.filter((r) => r.left < box.left - 1).length;
    frame.classList.toggle("more-right", right > 0);
    frame.classList.toggle("more-left", left > 0);
    more.hidden = right === 0;
    back.hidden = left === 0;
    bar.hidden = more.hidden && back.hidden;
    more.textContent = `${right} more →`;
    back.textContent = `← ${left} more`;
  };
  scroller.addEventListener("scroll", update, { passive: true });
  new ResizeObserver(update).observe(scroller);
  return wrap;
}
