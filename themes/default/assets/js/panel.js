// The roadmap's progress panel: a bar, counts per state, the "next up" topics, the file actions (export, import,
// reset) and a status line for messages, which screen readers announce.
import {h, s} from "./dom.js";
import {icon} from "./icons.js";
import {STATE_ICON} from "./controls.js";
import {stateOf, STATES, STATE_TEXT} from "./store.js";

/** Shows a message in the panel's status line. */
export function say(text, isError) {
  const target = document.querySelector(".progress-message");
  if (!target) return;
  target.classList.toggle("is-error", Boolean(isError));
  target.textContent = text;
}

/** The panel, not yet in the page; actions are {exportFile(), importFile(file), reset()}. */
export function buildPanel(roadmap, actions) {
  const bar = {};
  STATES.forEach((state) => { bar[state] = s("rect", {class: "bar-" + state, x: 0, y: 0, height: 1, width: 0}); });
  const barSvg = s("svg", {class: "progress-bar", viewBox: "0 0 1 1", preserveAspectRatio: "none", "aria-hidden": "true",
    focusable: "false"}, [s("rect", {class: "bar-track", x: 0, y: 0, width: 1, height: 1}), bar.done, bar.doing, bar.skipped]);
  const percent = h("span", {class: "progress-percent"});
  const meter = h("div", {class: "progress-meter", role: "progressbar", "aria-labelledby": "progress-heading",
    "aria-valuemin": "0"}, [barSvg]);
  const count = {total: h("strong", {}, ["0"])};
  const counts = h("p", {class: "progress-counts"}, STATES.map((state) => {
    count[state] = h("strong", {}, ["0"]);
    return h("span", {class: "count count-" + state}, [icon(STATE_ICON[state]), h("span", {}, [count[state], " " + STATE_TEXT[state]])]);
  }).concat([h("span", {class: "count count-total"}, [h("span", {}, [count.total, " topics"])])]));
  const nextList = h("ul", {class: "next-up-list"});
  const nextEmpty = h("p", {class: "next-up-empty"});
  const message = h("p", {class: "progress-message", role: "status"});

  const exportButton = h("button", {type: "button", class: "btn", "data-action": "export"}, [icon("download"), "Export"]);
  const fileInput = h("input", {type: "file", accept: ".json,application/json", class: "progress-file", hidden: true,
    "aria-label": "Progress file to import"});
  const importButton = h("button", {type: "button", class: "btn", "data-action": "import"}, [icon("upload"), "Import…"]);
  const resetButton = h("button", {type: "button", class: "btn", "data-action": "reset"}, [icon("reset"), "Reset"]);
  exportButton.addEventListener("click", () => actions.exportFile());
  importButton.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const file = fileInput.files && fileInput.files[0];
    if (file) actions.importFile(file);
    fileInput.value = "";
  });
  resetButton.addEventListener("click", () => actions.reset());

  const root = h("section", {class: "progress-panel", "aria-labelledby": "progress-heading", "data-roadmap": roadmap}, [
    h("div", {class: "progress-head"}, [
      h("h2", {id: "progress-heading"}, ["Your progress"]),
      percent,
      h("div", {class: "progress-actions", role: "group", "aria-label": "Progress file"},
        [exportButton, importButton, fileInput, resetButton])
    ]),
    meter,
    counts,
    h("div", {class: "next-up", role: "group", "aria-labelledby": "next-up-heading"}, [
      h("h3", {id: "next-up-heading"}, ["Next up"]), nextList, nextEmpty
    ]),
    message,
    h("p", {class: "progress-note"}, ["Saved in this browser only. Export a file to keep a copy or to continue in another browser."])
  ]);

  /** Shows counts {done, doing, skipped} of total topics, and the topics next up [{id, title, url}]. */
  function update(c, total, next) {
    let x = 0;
    STATES.forEach((state) => {
      bar[state].setAttribute("x", String(x / Math.max(total, 1)));
      bar[state].setAttribute("width", String(c[state] / Math.max(total, 1)));
      x += c[state];
      count[state].textContent = String(c[state]);
    });
    count.total.textContent = String(total);
    percent.textContent = (total ? Math.round(c.done * 100 / total) : 0) + "% done";
    meter.setAttribute("aria-valuemax", String(total));
    meter.setAttribute("aria-valuenow", String(c.done));
    meter.setAttribute("aria-valuetext", c.done + " of " + total + " topics done, " + c.doing + " in progress, " + c.skipped + " skipped");

    nextList.textContent = "";
    next.forEach((t) => {
      const state = stateOf(roadmap, t.id);
      const doing = state === "doing";
      nextList.appendChild(h("li", {"data-node": t.id, "data-state": state}, [
        h("a", {href: t.url, "data-node": t.id}, [icon(doing ? "half" : "next"),
          h("span", {class: "next-title"}, [t.title]), doing ? h("span", {class: "visually-hidden"}, [" (in progress)"]) : null])
      ]));
    });
    nextList.hidden = next.length === 0;
    nextEmpty.hidden = next.length > 0;
    nextEmpty.textContent = c.done + c.skipped === total && total > 0
      ? "Every topic is done or skipped. Well done!"
      : "No other topic is ready: the rest are alternatives to ones you picked.";
  }

  return {root, update};
}
