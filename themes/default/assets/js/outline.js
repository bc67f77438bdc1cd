// The roadmap's outline, tracked: a status picker in front of each topic (a native select, so it works with every
// keyboard and screen reader) and a "Next up" badge after its title.
import {h} from "./dom.js";
import {icon} from "./icons.js";
import {STATE_ICON} from "./controls.js";
import {setState} from "./store.js";

/** Adds the picker and badge to topic t's list item; returns show(state, isNext) to keep them in step. */
export function trackItem(roadmap, t) {
  const select = h("select", {class: "status-select", "aria-label": "Progress on " + t.title}, [
    h("option", {value: ""}, ["Not started"]),
    h("option", {value: "doing"}, ["In progress"]),
    h("option", {value: "done"}, ["Done"]),
    h("option", {value: "skipped"}, ["Skipped"])
  ]);
  let shownIcon = icon("circle");
  let shownState = "";
  t.li.insertBefore(h("span", {class: "status-picker"}, [shownIcon, select]), t.li.firstChild);
  select.addEventListener("change", () => setState(roadmap, t.id, select.value));
  const nextBadge = h("span", {class: "badge next-badge", hidden: true}, [icon("next"), "Next up"]);
  if (t.link) t.link.insertAdjacentElement("afterend", nextBadge);

  return function show(state, isNext) {
    select.value = state;
    if (shownState !== state) {
      const fresh = icon(STATE_ICON[state]);
      shownIcon.replaceWith(fresh);
      shownIcon = fresh;
      shownState = state;
    }
    nextBadge.hidden = !(isNext && state !== "doing");
  };
}
