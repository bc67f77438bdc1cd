// Colour scheme: light, dark, or the system's (prefers-color-scheme, the default).
// Loaded in <head> without defer so the saved choice is on <html data-theme> before the first paint: no flash of the
// wrong colours. The toggle button is added to the header once the page is parsed; without JS the system's scheme applies.
(function () {
  "use strict";

  var root = document.documentElement;
  var key = "site-gen:" + (root.getAttribute("data-base") || "/") + ":theme";
  var systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  var LABELS = {light: "Light", dark: "Dark", system: "System"};

  function saved() {
    var value = null;
    try { value = window.localStorage.getItem(key); } catch (e) { /* storage may be off */ }
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
    var sys = effective("system");
    var other = sys === "dark" ? "light" : "dark";
    var order = ["system", other, sys];
    return order[(order.indexOf(choice) + 1) % order.length];
  }

  var choice = saved();
  apply(choice);

  function setUpToggle() {
    var row = document.querySelector(".site-header .header-row");
    if (!row || document.querySelector(".theme-toggle")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "theme-toggle";
    var iconSlot = document.createElement("span");
    iconSlot.className = "theme-toggle-icon";
    var text = document.createElement("span");
    text.className = "theme-toggle-text";
    button.appendChild(iconSlot);
    button.appendChild(text);
    row.appendChild(button);

    function render() {
      var shown = effective(choice);
      var icon = window.siteGen ? window.siteGen.icon(choice === "system" ? "system" : choice === "dark" ? "moon" : "sun") : null;
      iconSlot.textContent = "";
      if (icon) iconSlot.appendChild(icon);
      text.textContent = LABELS[choice];
      button.setAttribute("data-theme-choice", choice);
      button.setAttribute("aria-label", "Colour theme: " + LABELS[choice] + (choice === "system" ? " (" + shown + ")" : "") +
        ". Switch to " + LABELS[following(choice)].toLowerCase());
      button.title = "Colour theme: " + LABELS[choice].toLowerCase() + (choice === "system" ? " (" + shown + ")" : "");
    }

    button.addEventListener("click", function () {
      choice = following(choice);
      try {
        if (choice === "system") window.localStorage.removeItem(key);
        else window.localStorage.setItem(key, choice);
      } catch (e) { /* the choice then lasts for this page only */ }
      apply(choice);
      render();
    });
    if (systemDark && systemDark.addEventListener) systemDark.addEventListener("change", render);
    // Another tab changed the theme: follow it.
    window.addEventListener("storage", function (e) {
      if (e.key === key) { choice = saved(); apply(choice); render(); }
    });
    render();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpToggle);
  else setUpToggle();
})();
