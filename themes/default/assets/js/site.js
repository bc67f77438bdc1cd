// site-gen default theme script. Progressive enhancement only: every page works without it.
// Loaded with defer from our own origin; no inline script, so pages work under a strict Content-Security-Policy.
// This file holds what the other scripts share (window.siteGen: storage, DOM and icon helpers) and the roadmap's
// Diagram/List toggle. Deferred scripts run in document order, so progress.js, drawer.js and zoom.js can rely on it.
(function () {
  "use strict";

  var root = document.documentElement;
  var base = root.getAttribute("data-base") || "/";
  var SVG_NS = "http://www.w3.org/2000/svg";

  // Keys carry the base path: two sites on one host (example.org/a/ and example.org/b/) share localStorage.
  function storageKey(name) {
    return "site-gen:" + base + ":" + name;
  }

  // localStorage throws when it is switched off or full; progress then lasts only as long as the page.
  var storage = {
    get: function (name) {
      try { return window.localStorage.getItem(storageKey(name)); } catch (e) { return null; }
    },
    set: function (name, value) {
      try { window.localStorage.setItem(storageKey(name), value); return true; } catch (e) { return false; }
    },
    remove: function (name) {
      try { window.localStorage.removeItem(storageKey(name)); } catch (e) { /* nothing stored */ }
    },
    key: storageKey
  };

  /** Makes an HTML element: h("button", {type: "button", class: "btn"}, ["Text", child]). */
  function h(tag, attrs, children) {
    return fill(document.createElement(tag), attrs, children);
  }

  /** Makes an SVG element, as h does. */
  function s(tag, attrs, children) {
    return fill(document.createElementNS(SVG_NS, tag), attrs, children);
  }

  function fill(el, attrs, children) {
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      el.setAttribute(name, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return el;
  }

  // Icons on a 20×20 grid, drawn with currentColor so they follow the text colour in light and dark mode.
  // Each is a list of [tag, attributes]; shapes with class "fill" are filled, the rest are stroked.
  var ICONS = {
    check: [["path", {d: "M4.5 10.5l3.5 3.5 7.5-8"}]],
    half: [["circle", {cx: 10, cy: 10, r: 6.5}], ["path", {"class": "fill", d: "M10 3.5a6.5 6.5 0 0 1 0 13z"}]],
    skip: [["path", {d: "M4 5.5l6 4.5-6 4.5M10 5.5l6 4.5-6 4.5"}]],
    circle: [["circle", {cx: 10, cy: 10, r: 6.5}]],
    next: [["path", {d: "M3.5 10h12M11 5.5l4.5 4.5-4.5 4.5"}]],
    sun: [["circle", {cx: 10, cy: 10, r: 3.5}],
          ["path", {d: "M10 1.5v2M10 16.5v2M1.5 10h2M16.5 10h2M4 4l1.4 1.4M14.6 14.6L16 16M4 16l1.4-1.4M14.6 5.4L16 4"}]],
    moon: [["path", {d: "M16 12.5A6.5 6.5 0 0 1 7.5 4a6.5 6.5 0 1 0 8.5 8.5z"}]],
    system: [["rect", {x: 2.5, y: 3.5, width: 15, height: 10, rx: 1.5}], ["path", {d: "M7 17h6M10 13.5V17"}]],
    plus: [["path", {d: "M10 4v12M4 10h12"}]],
    minus: [["path", {d: "M4 10h12"}]],
    fit: [["path", {d: "M3 7.5V3h4.5M12.5 3H17v4.5M17 12.5V17h-4.5M7.5 17H3v-4.5"}]],
    close: [["path", {d: "M5 5l10 10M15 5L5 15"}]],
    download: [["path", {d: "M10 3v9.5M6 9l4 4 4-4M3.5 16.5h13"}]],
    upload: [["path", {d: "M10 13.5V4M6 7.5l4-4 4 4M3.5 16.5h13"}]],
    reset: [["path", {d: "M4.5 10a5.5 5.5 0 1 0 1.7-4M4.5 3v3.5H8"}]],
    external: [["path", {d: "M11.5 3.5h5v5M16.5 3.5l-7 7M14 12v4.5H3.5V6H8"}]],
    prev: [["path", {d: "M12.5 4.5L7 10l5.5 5.5"}]],
    forward: [["path", {d: "M7.5 4.5L13 10l-5.5 5.5"}]]
  };

  /** An icon as an inline SVG element, hidden from assistive technology: its meaning is always in text nearby. */
  function icon(name) {
    var svg = s("svg", {"class": "icon icon-" + name, viewBox: "0 0 20 20", width: 20, height: 20,
      "aria-hidden": "true", focusable: "false"});
    ICONS[name].forEach(function (shape) { svg.appendChild(s(shape[0], shape[1])); });
    return svg;
  }

  /** The same icon as SVG shapes to place inside another SVG (the roadmap diagram). */
  function iconShapes(name) {
    var g = s("g", {"class": "icon icon-" + name});
    ICONS[name].forEach(function (shape) { g.appendChild(s(shape[0], shape[1])); });
    return g;
  }

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  /** Tells the other scripts that something changed; detail is plain data. */
  function emit(name, detail) {
    var event;
    try {
      event = new CustomEvent("site-gen:" + name, {detail: detail});
    } catch (e) {
      return;
    }
    document.dispatchEvent(event);
  }

  /**
   * Code blocks and tables that scroll sideways get a tab stop, so keyboard users can scroll them too (with the arrow
   * keys once focused). Only those that overflow: a tab stop on every code block would be noise.
   */
  function makeScrollersFocusable(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(".prose pre, .prose table"), function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("data-scroll-focus", "");
      } else if (!scrolls && el.hasAttribute("data-scroll-focus")) {
        el.removeAttribute("tabindex");
        el.removeAttribute("data-scroll-focus");
      }
    });
  }

  window.siteGen = {
    base: base,
    storage: storage,
    h: h,
    s: s,
    icon: icon,
    iconShapes: iconShapes,
    ready: ready,
    emit: emit,
    makeScrollersFocusable: makeScrollersFocusable
  };

  // Roadmap pages: a toggle between the diagram and the outline. Both are in the HTML; without JS both show.
  function setUpViewToggle() {
    var diagram = document.querySelector(".roadmap-views");
    var outline = document.querySelector(".outline");
    if (!diagram || !outline) return;
    var buttons = {};
    var toggle = h("div", {"class": "view-toggle", role: "group", "aria-label": "Show the roadmap as"});
    ["diagram", "list"].forEach(function (view) {
      var b = h("button", {type: "button", "data-view": view}, [view === "diagram" ? "Diagram" : "List"]);
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
      if (remember) storage.set("view", view);
      window.siteGen.view = view;
      emit("view", {view: view});
    }

    var saved = storage.get("view");
    // Narrow screens start with the list: a wide diagram is hard to read on a phone.
    var narrow = window.matchMedia && window.matchMedia("(max-width: 40rem)").matches;
    show(saved === "diagram" || saved === "list" ? saved : (narrow ? "list" : "diagram"), false);
  }

  ready(setUpViewToggle);
  ready(function () { makeScrollersFocusable(document); });
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { makeScrollersFocusable(document); }, 200);
  });
})();
