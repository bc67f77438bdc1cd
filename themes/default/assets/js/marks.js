// The diagram's marks: in each node's corner, its state by icon as well as colour ("next" for a topic that is ready).
import {s} from "./dom.js";
import {iconShapes} from "./icons.js";
import {STATE_ICON} from "./controls.js";

/** Adds an empty mark to a diagram node; returns it, or null when the node has no box to put it on. */
export function addMark(node) {
  const box = node.querySelector("rect.box");
  if (!box) return null;
  const x = num(box, "x") + num(box, "width") - 15;
  const y = num(box, "y") + 15;
  return node.appendChild(s("g", {class: "node-mark", transform: "translate(" + x + " " + y + ")", "aria-hidden": "true"}));
}

/** Shows kind ("done", "doing", "skipped", "next" or "" for none) on a mark. */
export function setMark(mark, kind) {
  if (!mark || mark.getAttribute("data-kind") === kind) return;
  mark.setAttribute("data-kind", kind);
  mark.textContent = "";
  if (!kind) return;
  mark.appendChild(s("circle", {class: "mark-bg", r: 10}));
  const glyph = iconShapes(kind === "next" ? "next" : STATE_ICON[kind]);
  glyph.setAttribute("transform", "translate(-7 -7) scale(0.7)");
  mark.appendChild(glyph);
}

function num(el, attr) {
  return parseFloat(el.getAttribute(attr)) || 0;
}
