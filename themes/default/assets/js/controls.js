// A group of three toggle buttons (Done, In progress, Skipped) for one topic: on topic pages, in the drawer and in the
// diagram's node toolbar. Pressing the pressed one clears the mark. Every group in the page follows the stored state.
import {h} from "./dom.js";
import {icon} from "./icons.js";
import {setState, stateOf, STATES} from "./store.js";

/** The icon that shows each state. */
export const STATE_ICON = {"": "circle", done: "check", doing: "half", skipped: "skip"};
const BUTTON_TEXT = {done: "Done", doing: "In progress", skipped: "Skipped"};

export function controls(roadmap, node, title, compact) {
  const group = h("div", {class: "progress-buttons" + (compact ? " compact" : ""), role: "group",
    "aria-label": "Your progress on " + title, "data-roadmap": roadmap, "data-node": node});
  if (!compact) group.appendChild(h("span", {class: "progress-buttons-label", "aria-hidden": "true"}, ["Your progress"]));
  STATES.forEach((state) => {
    const button = h("button", {type: "button", class: "state-button", "data-state": state, "aria-pressed": "false"},
      [icon(STATE_ICON[state]), h("span", {}, [BUTTON_TEXT[state]])]);
    button.addEventListener("click", () => setState(roadmap, node, stateOf(roadmap, node) === state ? "" : state));
    group.appendChild(button);
  });
  update(group);
  return group;
}

function update(group) {
  const state = stateOf(group.getAttribute("data-roadmap"), group.getAttribute("data-node"));
  group.setAttribute("data-state", state);
  group.querySelectorAll("button[data-state]").forEach((b) => {
    b.setAttribute("aria-pressed", String(b.getAttribute("data-state") === state));
  });
}

document.addEventListener("site-gen:progress", () => document.querySelectorAll(".progress-buttons").forEach(update));
