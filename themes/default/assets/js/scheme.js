// The colour scheme toggle in the header: light, dark, or the system's (prefers-color-scheme, the default).
// theme.js has already put a saved choice on <html data-theme> before the first paint; this module adds the button
// that changes it. Without JS the system's scheme applies.
import {h} from "./dom.js";
import {icon} from "./icons.js";
import {storage} from "./storage.js";

const root = document.documentElement;
const systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
const LABELS = {light: "Light", dark: "Dark", system: "System"};
const ICONS = {light: "sun", dark: "moon", system: "system"};

function saved() {
  const value = storage.get("theme");
  return value === "light" || value === "dark" ? value : "system";
}

function apply(choice) {
  if (choice === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", choice);
}

function effective(choice) {
  if (choice !== "system") return choice;
  return systemDark && systemDark.matches ? "dark" : "light";
}

// The first press always changes what the reader sees: from "system" it goes to the opposite of the system's scheme.
function following(choice) {
  const sys = effective("system");
  const order = ["system", sys === "dark" ? "light" : "dark", sys];
  return order[(order.indexOf(choice) + 1) % order.length];
}

export function setUpSchemeToggle() {
  const row = document.querySelector(".site-header .header-row");
  if (!row || document.querySelector(".theme-toggle")) return;
  let choice = saved();
  const iconSlot = h("span", {class: "theme-toggle-icon"});
  const text = h("span", {class: "theme-toggle-text"});
  const button = h("button", {type: "button", class: "theme-toggle"}, [iconSlot, text]);
  row.appendChild(button);

  function render() {
    const shown = effective(choice);
    iconSlot.textContent = "";
    iconSlot.appendChild(icon(ICONS[choice]));
    text.textContent = LABELS[choice];
    button.setAttribute("data-theme-choice", choice);
    button.setAttribute("aria-label", "Colour theme: " + LABELS[choice] + (choice === "system" ? " (" + shown + ")" : "") +
      ". Switch to " + LABELS[following(choice)].toLowerCase());
    button.title = "Colour theme: " + LABELS[choice].toLowerCase() + (choice === "system" ? " (" + shown + ")" : "");
  }

  button.addEventListener("click", () => {
    choice = following(choice);
    // If storage is off, the choice lasts for this page only.
    if (choice === "system") storage.remove("theme");
    else storage.set("theme", choice);
    apply(choice);
    render();
  });
  if (systemDark && systemDark.addEventListener) systemDark.addEventListener("change", render);
  // Another tab changed the theme: follow it.
  window.addEventListener("storage", (e) => {
    if (e.key === storage.key("theme")) {
      choice = saved();
      apply(choice);
      render();
    }
  });
  render();
}
