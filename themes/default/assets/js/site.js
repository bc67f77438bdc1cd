// site-gen default theme script. Progressive enhancement only: every page works without it.
// Loaded with defer from our own origin; no inline script, so pages work under a strict Content-Security-Policy.
(function () {
  "use strict";

  // Roadmap pages: a toggle between the diagram and the outline. Both are in the HTML; without JS both show.
  function setUpViewToggle() {
    var diagram = document.querySelector(".roadmap-views");
    var outline = document.querySelector(".outline");
    if (!diagram || !outline) return;
    var key = "site-gen:view";
    var toggle = document.createElement("div");
    toggle.className = "view-toggle";
    toggle.setAttribute("role", "group");
    toggle.setAttribute("aria-label", "Show the roadmap as");
    var buttons = {};
    ["diagram", "list"].forEach(function (view) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = view === "diagram" ? "Diagram" : "List";
      b.addEventListener("click", function () { show(view, true); });
      buttons[view] = b;
      toggle.appendChild(b);
    });
    diagram.parentNode.insertBefore(toggle, diagram);

    function show(view, remember) {
      diagram.hidden = view !== "diagram";
      outline.hidden = view !== "list";
      buttons.diagram.setAttribute("aria-pressed", String(view === "diagram"));
      buttons.list.setAttribute("aria-pressed", String(view === "list"));
      if (remember) {
        try { localStorage.setItem(key, view); } catch (e) { /* storage may be off */ }
      }
    }

    var saved = null;
    try { saved = localStorage.getItem(key); } catch (e) { /* storage may be off */ }
    // Narrow screens start with the list: a wide diagram is hard to read on a phone.
    var narrow = window.matchMedia && window.matchMedia("(max-width: 40rem)").matches;
    show(saved || (narrow ? "list" : "diagram"), false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpViewToggle);
  } else {
    setUpViewToggle();
  }
})();
