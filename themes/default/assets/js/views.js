// Roadmap pages: a toggle between the diagram and the outline. Both are in the HTML; without JS both show.
// The choice is remembered; other modules hear of it through the "site-gen:view" event (zoom fits the diagram).
import {emit, h} from "./dom.js";
import {storage} from "./storage.js";

export function setUpViewToggle() {
  const diagram = document.querySelector(".roadmap-views");
  const outline = document.querySelector(".outline");
  if (!diagram || !outline) return;
  const buttons = {};
  const toggle = h("div", {class: "view-toggle", role: "group", "aria-label": "Show the roadmap as"});
  ["diagram", "list"].forEach((view) => {
    const b = h("button", {type: "button", "data-view": view}, [view === "diagram" ? "Diagram" : "List"]);
    b.addEventListener("click", () => show(view, true));
    buttons[view] = b;
    toggle.appendChild(b);
  });
  diagram.parentNode.insertBefore(toggle, diagram);

  function show(view, remember) {
    diagram.hidden = view !== "diagram";
    outline.hidden = view !== "list";
    buttons.diagram.setAttribute("aria-pressed", String(view === "diagram"));
    buttons.list.setAttribute("aria-pressed", String(view === "list"));
    if (remember) storage.set("view", view);
    emit("view", {view});
  }

  const saved = storage.get("view");
  // Narrow screens start with the list: a wide diagram is hard to read on a phone.
  const narrow = window.matchMedia && window.matchMedia("(max-width: 40rem)").matches;
  show(saved === "diagram" || saved === "list" ? saved : (narrow ? "list" : "diagram"), false);
}
