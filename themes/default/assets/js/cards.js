// The index page: each roadmap's progress on its card, from the marks stored for it.
import {h, s} from "./dom.js";
import {read} from "./store.js";

export function setUpCards() {
  document.querySelectorAll("li.card[data-roadmap]").forEach((card) => {
    const record = read(card.getAttribute("data-roadmap"));
    let total = parseInt(card.getAttribute("data-topics"), 10) || record.total;
    const c = {done: 0, doing: 0, skipped: 0};
    Object.values(record.nodes).forEach((state) => { c[state]++; });
    if (c.done + c.doing + c.skipped === 0) return;
    const parts = [total ? c.done + " of " + total + " done" : c.done + " done"];
    if (c.doing) parts.push(c.doing + " in progress");
    if (c.skipped) parts.push(c.skipped + " skipped");
    total = Math.max(total || 0, c.done + c.doing + c.skipped);
    const bar = s("svg", {class: "progress-bar small", viewBox: "0 0 1 1", preserveAspectRatio: "none", "aria-hidden": "true",
      focusable: "false"}, [s("rect", {class: "bar-track", x: 0, y: 0, width: 1, height: 1}),
      s("rect", {class: "bar-done", x: 0, y: 0, height: 1, width: c.done / total}),
      s("rect", {class: "bar-doing", x: c.done / total, y: 0, height: 1, width: c.doing / total}),
      s("rect", {class: "bar-skipped", x: (c.done + c.doing) / total, y: 0, height: 1, width: c.skipped / total})]);
    card.appendChild(h("div", {class: "card-progress"}, [bar, h("p", {}, ["Your progress: " + parts.join(", ")])]));
  });
}
