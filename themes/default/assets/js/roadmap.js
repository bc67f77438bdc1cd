// The roadmap page, tracked: the progress panel above the views, a status picker per outline item, marks on the
// diagram's nodes and a toolbar over them, and "next up": the topics whose prerequisites are met.
import {cssEscape} from "./dom.js";
import {addMark, setMark} from "./marks.js";
import {trackItem} from "./outline.js";
import {buildPanel, say} from "./panel.js";
import {read, setTotal, STATE_TEXT} from "./store.js";
import {nodeToolbar} from "./toolbar.js";
import {exportFile, importFile, reset} from "./transfer.js";

/** The topics in reading order, as the outline lists them, with their diagram node and prerequisites. */
function topicsOf(outline, svg) {
  return Array.from(outline.querySelectorAll("li[data-node]"), (li) => {
    const link = li.querySelector("a");
    const id = li.getAttribute("data-node");
    const node = svg ? svg.querySelector('a.node[data-node="' + cssEscape(id) + '"]') : null;
    return {
      id, li, link, node,
      title: link ? link.textContent.trim() : id,
      url: link ? link.getAttribute("href") : null,
      nodeLabel: node ? node.getAttribute("aria-label") : null,
      // Each prerequisite is a list of ids: one, or the options of a "pick one" group ("a|b|c").
      requires: (li.getAttribute("data-requires") || "").split(/\s+/).filter(Boolean).map((r) => r.split("|"))
    };
  });
}

/** For each topic in a "pick one" group, its rivals: once one option is done the others are not "next". */
function rivalsOf(topics) {
  const rivals = {};
  topics.forEach((t) => t.requires.forEach((ids) => {
    if (ids.length < 2) return;
    ids.forEach((id) => {
      rivals[id] = rivals[id] || {};
      ids.forEach((other) => { if (other !== id) rivals[id][other] = true; });
    });
  }));
  return rivals;
}

export function setUpRoadmap() {
  const outline = document.querySelector("section.outline[data-roadmap]");
  if (!outline) return;
  const roadmap = outline.getAttribute("data-roadmap");
  const svg = document.querySelector(".roadmap-views svg.diagram");
  const topics = topicsOf(outline, svg);
  const byId = {};
  topics.forEach((t) => { byId[t.id] = t; });
  const rivals = rivalsOf(topics);
  setTotal(roadmap, topics.length);

  const title = () => ((document.querySelector(".page-head h1") || {}).textContent || roadmap).trim();
  const panel = buildPanel(roadmap, {
    exportFile: () => exportFile(roadmap),
    importFile: (file) => importFile(roadmap, byId, file),
    reset: () => reset(roadmap, title())
  });
  const anchor = document.querySelector(".view-toggle") || document.querySelector(".roadmap-views") || outline;
  anchor.parentNode.insertBefore(panel.root, anchor);
  topics.forEach((t) => { t.show = trackItem(roadmap, t); });
  topics.forEach((t) => { if (t.node) t.mark = addMark(t.node); });
  const toolbar = svg ? nodeToolbar(svg, roadmap, (node) => byId[node.getAttribute("data-node")]) : null;
  outline.classList.add("is-tracked");

  // Prerequisites are met when each is done or skipped; a "pick one" group needs one option done (or all skipped).
  function met(ids, states) {
    if (ids.length === 1) return !byId[ids[0]] || states[ids[0]] === "done" || states[ids[0]] === "skipped";
    const known = ids.filter((id) => byId[id]);
    return known.some((id) => states[id] === "done") || known.every((id) => states[id] === "skipped");
  }

  function nextUp(states) {
    return topics.filter((t) => {
      const state = states[t.id] || "";
      if (state === "done" || state === "skipped") return false;
      if (Object.keys(rivals[t.id] || {}).some((other) => states[other] === "done")) return false;
      return t.requires.every((ids) => met(ids, states));
    });
  }

  function render() {
    const states = read(roadmap).nodes;
    const next = nextUp(states);
    const isNext = {};
    next.forEach((t) => { isNext[t.id] = true; });
    const counts = {done: 0, doing: 0, skipped: 0};
    topics.forEach((t) => {
      const state = states[t.id] || "";
      if (state) counts[state]++;
      const classes = {"is-done": state === "done", "is-doing": state === "doing", "is-skipped": state === "skipped",
        "is-next": Boolean(isNext[t.id]) && state !== "doing"};
      Object.keys(classes).forEach((c) => {
        t.li.classList.toggle(c, classes[c]);
        if (t.node) t.node.classList.toggle(c, classes[c]);
      });
      t.li.setAttribute("data-state", state);
      const extra = state ? STATE_TEXT[state] : (isNext[t.id] ? "next up" : "");
      if (t.node) {
        t.node.setAttribute("data-state", state);
        t.node.setAttribute("aria-label", t.nodeLabel + (extra ? ", " + extra : ""));
        setMark(t.mark, state || (isNext[t.id] ? "next" : ""));
      }
      t.show(state, Boolean(isNext[t.id]));
    });
    panel.update(counts, topics.length, next);
    if (toolbar) toolbar.refresh();
    return next;
  }

  document.addEventListener("site-gen:progress", (e) => {
    const d = e.detail || {};
    if (d.roadmap !== null && d.roadmap !== undefined && d.roadmap !== roadmap) return;
    const next = render();
    // The buttons and pickers say their own new state; what a mark changes elsewhere (next up) needs saying.
    if (d.node && byId[d.node]) {
      say(byId[d.node].title + ": " + STATE_TEXT[d.state || ""] + ". Next up: " +
        (next.length ? next.map((t) => t.title).join(", ") : "nothing") + ".");
    }
  });
  render();
}
