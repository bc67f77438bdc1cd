// Progress tracking, local-first: each topic of a roadmap can be marked done, in progress or skipped. Nothing leaves the
// browser; the marks live in localStorage under "site-gen:<base path>:progress:<roadmap id>", as
//   {"version": 1, "roadmap": "backend", "total": 30, "nodes": {"http": "done", "git": "doing", "css": "skipped"}}
// and can be exported to a JSON file and imported in another browser.
// Roadmap pages get a progress panel (bar, counts, "next up", export/import/reset), a status picker per outline item and
// marks plus a small toolbar on the diagram's nodes; topic pages get a control group in their header; the index shows
// each roadmap's progress on its card.
(function () {
  "use strict";

  var sg = window.siteGen;
  if (!sg) return;
  var h = sg.h;

  var STATES = ["done", "doing", "skipped"];
  var STATE_TEXT = {"": "not started", done: "done", doing: "in progress", skipped: "skipped"};
  var BUTTON_TEXT = {done: "Done", doing: "In progress", skipped: "Skipped"};
  var ICON_FOR = {"": "circle", done: "check", doing: "half", skipped: "skip"};
  var FORMAT = "site-gen-progress";

  // ---- Storage --------------------------------------------------------------------------------------------------

  var cache = {};
  var totals = {};

  function read(roadmap) {
    if (cache[roadmap]) return cache[roadmap];
    var record = {nodes: {}, total: null};
    var raw = sg.storage.get("progress:" + roadmap);
    if (raw) {
      try {
        var data = JSON.parse(raw);
        if (data && typeof data === "object") {
          record.total = typeof data.total === "number" ? data.total : null;
          record.nodes = cleanStates(data.nodes).states;
        }
      } catch (e) { /* a damaged entry counts as no progress */ }
    }
    cache[roadmap] = record;
    return record;
  }

  function write(roadmap, nodes) {
    var record = {nodes: nodes, total: totals[roadmap] || read(roadmap).total};
    cache[roadmap] = record;
    if (Object.keys(nodes).length === 0) {
      sg.storage.remove("progress:" + roadmap);
    } else {
      sg.storage.set("progress:" + roadmap, JSON.stringify({version: 1, roadmap: roadmap, total: record.total,
        updated: new Date().toISOString(), nodes: nodes}));
    }
  }

  /** Keeps the entries whose value is a known state; says how many were dropped. */
  function cleanStates(nodes) {
    var states = {};
    var invalid = 0;
    if (nodes && typeof nodes === "object" && !Array.isArray(nodes)) {
      Object.keys(nodes).forEach(function (id) {
        if (STATES.indexOf(nodes[id]) >= 0) states[id] = nodes[id];
        else invalid++;
      });
    }
    return {states: states, invalid: invalid};
  }

  function stateOf(roadmap, node) {
    return read(roadmap).nodes[node] || "";
  }

  function setState(roadmap, node, state) {
    var nodes = Object.assign({}, read(roadmap).nodes);
    if (state) nodes[node] = state;
    else delete nodes[node];
    write(roadmap, nodes);
    changed(roadmap, node, state);
  }

  function changed(roadmap, node, state) {
    refreshControls();
    sg.emit("progress", {roadmap: roadmap, node: node, state: state});
  }

  // Another tab marked something: drop the cached copy and redraw.
  window.addEventListener("storage", function (e) {
    var prefix = sg.storage.key("progress:");
    if (e.key === null || (e.key && e.key.indexOf(prefix) === 0)) {
      cache = {};
      changed(e.key ? e.key.substring(prefix.length) : null, null, null);
    }
  });

  // ---- Toggle buttons: topic pages, the drawer and the diagram's node toolbar ---------------------------------

  /**
   * A group of three toggle buttons (Done, In progress, Skipped) for one topic; pressing the pressed one clears it.
   * Every group in the page is kept in step with the stored state.
   */
  function controls(roadmap, node, title, compact) {
    var group = h("div", {"class": "progress-buttons" + (compact ? " compact" : ""), role: "group",
      "aria-label": "Your progress on " + title, "data-roadmap": roadmap, "data-node": node});
    if (!compact) group.appendChild(h("span", {"class": "progress-buttons-label", "aria-hidden": "true"}, ["Your progress"]));
    STATES.forEach(function (state) {
      var button = h("button", {type: "button", "class": "state-button", "data-state": state, "aria-pressed": "false"},
        [sg.icon(ICON_FOR[state]), h("span", {}, [BUTTON_TEXT[state]])]);
      button.addEventListener("click", function () {
        setState(roadmap, node, stateOf(roadmap, node) === state ? "" : state);
      });
      group.appendChild(button);
    });
    updateControls(group);
    return group;
  }

  function updateControls(group) {
    var state = stateOf(group.getAttribute("data-roadmap"), group.getAttribute("data-node"));
    group.setAttribute("data-state", state);
    Array.prototype.forEach.call(group.querySelectorAll("button[data-state]"), function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-state") === state));
    });
  }

  function refreshControls() {
    Array.prototype.forEach.call(document.querySelectorAll(".progress-buttons"), updateControls);
  }

  /** Shows a message in the roadmap panel's status line, which screen readers announce. */
  function say(text, isError) {
    var target = document.querySelector(".progress-message");
    if (!target) return;
    target.classList.toggle("is-error", Boolean(isError));
    target.textContent = text;
  }

  sg.progress = {state: stateOf, set: setState, controls: controls};

  // ---- Roadmap page -----------------------------------------------------------------------------------------------

  function setUpRoadmap() {
    var outline = document.querySelector("section.outline[data-roadmap]");
    if (!outline) return;
    var roadmap = outline.getAttribute("data-roadmap");
    var svg = document.querySelector(".roadmap-views svg.diagram");

    // The topics in reading order, as the outline lists them.
    var topics = Array.prototype.map.call(outline.querySelectorAll("li[data-node]"), function (li) {
      var link = li.querySelector("a");
      var id = li.getAttribute("data-node");
      var node = svg ? svg.querySelector('a.node[data-node="' + cssEscape(id) + '"]') : null;
      return {
        id: id, li: li, link: link, node: node,
        title: link ? link.textContent.trim() : id,
        url: link ? link.getAttribute("href") : null,
        nodeLabel: node ? node.getAttribute("aria-label") : null,
        requires: (li.getAttribute("data-requires") || "").split(/\s+/).filter(Boolean).map(function (t) { return t.split("|"); })
      };
    });
    var byId = {};
    topics.forEach(function (t) { byId[t.id] = t; });
    // "Pick one" groups, from the prerequisites that name them: once one option is done the others are not "next".
    var rivals = {};
    topics.forEach(function (t) {
      t.requires.forEach(function (ids) {
        if (ids.length < 2) return;
        ids.forEach(function (id) {
          rivals[id] = rivals[id] || {};
          ids.forEach(function (other) { if (other !== id) rivals[id][other] = true; });
        });
      });
    });
    // Stored with the marks so the index page can say "5 of 30 done".
    totals[roadmap] = topics.length;
    if (Object.keys(read(roadmap).nodes).length && read(roadmap).total !== topics.length) write(roadmap, read(roadmap).nodes);

    var panel = buildPanel();
    var anchor = document.querySelector(".view-toggle") || document.querySelector(".roadmap-views") || outline;
    anchor.parentNode.insertBefore(panel.root, anchor);
    topics.forEach(enhanceListItem);
    if (svg) topics.forEach(function (t) { if (t.node) addNodeMark(t); });
    var toolbar = svg ? nodeToolbar(svg) : null;
    outline.classList.add("is-tracked");

    document.addEventListener("site-gen:progress", function (e) {
      var d = e.detail || {};
      if (d.roadmap !== null && d.roadmap !== undefined && d.roadmap !== roadmap) return;
      var next = render();
      // The buttons and pickers say their own new state; what a mark changes elsewhere (next up) needs saying.
      if (d.node && byId[d.node]) {
        say(byId[d.node].title + ": " + STATE_TEXT[d.state || ""] + ". Next up: " +
          (next.length ? next.map(function (t) { return t.title; }).join(", ") : "nothing") + ".");
      }
    });
    render();

    // Prerequisites are met when each is done or skipped; a "pick one" group needs one option done (or all skipped).
    function met(ids, states) {
      if (ids.length === 1) return !byId[ids[0]] || states[ids[0]] === "done" || states[ids[0]] === "skipped";
      var known = ids.filter(function (id) { return byId[id]; });
      return known.some(function (id) { return states[id] === "done"; }) ||
        known.every(function (id) { return states[id] === "skipped"; });
    }

    function nextUp(states) {
      return topics.filter(function (t) {
        var state = states[t.id] || "";
        if (state === "done" || state === "skipped") return false;
        if (Object.keys(rivals[t.id] || {}).some(function (other) { return states[other] === "done"; })) return false;
        return t.requires.every(function (ids) { return met(ids, states); });
      });
    }

    function render() {
      var states = read(roadmap).nodes;
      var next = nextUp(states);
      var isNext = {};
      next.forEach(function (t) { isNext[t.id] = true; });
      var counts = {done: 0, doing: 0, skipped: 0};
      topics.forEach(function (t) {
        var state = states[t.id] || "";
        if (state) counts[state]++;
        var classes = {"is-done": state === "done", "is-doing": state === "doing", "is-skipped": state === "skipped",
          "is-next": Boolean(isNext[t.id]) && state !== "doing"};
        Object.keys(classes).forEach(function (c) {
          t.li.classList.toggle(c, classes[c]);
          if (t.node) t.node.classList.toggle(c, classes[c]);
        });
        t.li.setAttribute("data-state", state);
        var extra = state ? STATE_TEXT[state] : (isNext[t.id] ? "next up" : "");
        if (t.node) {
          t.node.setAttribute("data-state", state);
          t.node.setAttribute("aria-label", t.nodeLabel + (extra ? ", " + extra : ""));
          setMark(t.node.querySelector(".node-mark"), state || (isNext[t.id] ? "next" : ""));
        }
        t.picker.select.value = state;
        if (t.picker.state !== state) {
          var fresh = sg.icon(ICON_FOR[state]);
          t.picker.icon.replaceWith(fresh);
          t.picker.icon = fresh;
          t.picker.state = state;
        }
        t.nextBadge.hidden = !(isNext[t.id] && state !== "doing");
      });
      panel.update(counts, topics.length, next);
      if (toolbar) toolbar.refresh();
      return next;
    }

    // -- The panel: bar, counts, next up, file actions, messages --

    function buildPanel() {
      var bar = {
        done: sg.s("rect", {"class": "bar-done", x: 0, y: 0, height: 1, width: 0}),
        doing: sg.s("rect", {"class": "bar-doing", x: 0, y: 0, height: 1, width: 0}),
        skipped: sg.s("rect", {"class": "bar-skipped", x: 0, y: 0, height: 1, width: 0})
      };
      var barSvg = sg.s("svg", {"class": "progress-bar", viewBox: "0 0 1 1", preserveAspectRatio: "none", "aria-hidden": "true",
        focusable: "false"}, [sg.s("rect", {"class": "bar-track", x: 0, y: 0, width: 1, height: 1}), bar.done, bar.doing, bar.skipped]);
      var percent = h("span", {"class": "progress-percent"});
      var meter = h("div", {"class": "progress-meter", role: "progressbar", "aria-labelledby": "progress-heading",
        "aria-valuemin": "0"}, [barSvg]);
      var count = {};
      var counts = h("p", {"class": "progress-counts"}, STATES.map(function (state) {
        count[state] = h("strong", {}, ["0"]);
        return h("span", {"class": "count count-" + state}, [sg.icon(ICON_FOR[state]), h("span", {}, [count[state], " " + STATE_TEXT[state]])]);
      }).concat([h("span", {"class": "count count-total"}, [h("span", {}, [count.total = h("strong", {}, ["0"]), " topics"])])]));
      var nextList = h("ul", {"class": "next-up-list"});
      var nextEmpty = h("p", {"class": "next-up-empty"});
      var message = h("p", {"class": "progress-message", role: "status"});

      var exportButton = h("button", {type: "button", "class": "btn", "data-action": "export"}, [sg.icon("download"), "Export"]);
      var fileInput = h("input", {type: "file", accept: ".json,application/json", "class": "progress-file", hidden: true,
        "aria-label": "Progress file to import"});
      var importButton = h("button", {type: "button", "class": "btn", "data-action": "import"}, [sg.icon("upload"), "Import…"]);
      var resetButton = h("button", {type: "button", "class": "btn", "data-action": "reset"}, [sg.icon("reset"), "Reset"]);
      exportButton.addEventListener("click", exportFile);
      importButton.addEventListener("click", function () { fileInput.click(); });
      fileInput.addEventListener("change", function () {
        var file = fileInput.files && fileInput.files[0];
        if (file) importFile(file);
        fileInput.value = "";
      });
      resetButton.addEventListener("click", reset);

      var root = h("section", {"class": "progress-panel", "aria-labelledby": "progress-heading", "data-roadmap": roadmap}, [
        h("div", {"class": "progress-head"}, [
          h("h2", {id: "progress-heading"}, ["Your progress"]),
          percent,
          h("div", {"class": "progress-actions", role: "group", "aria-label": "Progress file"},
            [exportButton, importButton, fileInput, resetButton])
        ]),
        meter,
        counts,
        h("div", {"class": "next-up", role: "group", "aria-labelledby": "next-up-heading"}, [
          h("h3", {id: "next-up-heading"}, ["Next up"]), nextList, nextEmpty
        ]),
        message,
        h("p", {"class": "progress-note"}, ["Saved in this browser only. Export a file to keep a copy or to continue in another browser."])
      ]);

      function update(c, total, next) {
        var x = 0;
        STATES.forEach(function (state) {
          bar[state].setAttribute("x", String(x / Math.max(total, 1)));
          bar[state].setAttribute("width", String(c[state] / Math.max(total, 1)));
          x += c[state];
          count[state].textContent = String(c[state]);
        });
        count.total.textContent = String(total);
        var pct = total ? Math.round(c.done * 100 / total) : 0;
        percent.textContent = pct + "% done";
        meter.setAttribute("aria-valuemax", String(total));
        meter.setAttribute("aria-valuenow", String(c.done));
        meter.setAttribute("aria-valuetext", c.done + " of " + total + " topics done, " + c.doing + " in progress, " + c.skipped + " skipped");

        nextList.textContent = "";
        next.forEach(function (t) {
          var state = read(roadmap).nodes[t.id] || "";
          nextList.appendChild(h("li", {"data-node": t.id, "data-state": state}, [
            h("a", {href: t.url, "data-node": t.id}, [sg.icon(state === "doing" ? "half" : "next"),
              h("span", {"class": "next-title"}, [t.title]), state === "doing" ? h("span", {"class": "visually-hidden"}, [" (in progress)"]) : null])
          ]));
        });
        nextList.hidden = next.length === 0;
        nextEmpty.hidden = next.length > 0;
        nextEmpty.textContent = c.done + c.skipped === total && total > 0
          ? "Every topic is done or skipped. Well done!"
          : "No other topic is ready: the rest are alternatives to ones you picked.";
      }

      return {root: root, update: update};
    }

    // -- Outline: a status picker per item; a native select, so it works with every keyboard and screen reader --

    function enhanceListItem(t) {
      var select = h("select", {"class": "status-select", "aria-label": "Progress on " + t.title}, [
        h("option", {value: ""}, ["Not started"]),
        h("option", {value: "doing"}, ["In progress"]),
        h("option", {value: "done"}, ["Done"]),
        h("option", {value: "skipped"}, ["Skipped"])
      ]);
      var iconEl = sg.icon("circle");
      var picker = h("span", {"class": "status-picker"}, [iconEl, select]);
      select.addEventListener("change", function () {
        setState(roadmap, t.id, select.value);
      });
      t.li.insertBefore(picker, t.li.firstChild);
      t.picker = {select: select, icon: iconEl, state: ""};
      t.nextBadge = h("span", {"class": "badge next-badge", hidden: true}, [sg.icon("next"), "Next up"]);
      if (t.link) t.link.insertAdjacentElement("afterend", t.nextBadge);
    }

    // -- Diagram: a mark in each node's corner shows its state by icon as well as colour --

    function addNodeMark(t) {
      var box = t.node.querySelector("rect.box");
      if (!box) return;
      var x = num(box, "x") + num(box, "width") - 15;
      var y = num(box, "y") + 15;
      t.node.appendChild(sg.s("g", {"class": "node-mark", transform: "translate(" + x + " " + y + ")", "aria-hidden": "true"}));
    }

    function setMark(mark, kind) {
      if (!mark || mark.getAttribute("data-kind") === kind) return;
      mark.setAttribute("data-kind", kind);
      mark.textContent = "";
      if (!kind) return;
      mark.appendChild(sg.s("circle", {"class": "mark-bg", r: 10}));
      var glyph = sg.iconShapes(kind === "next" ? "next" : ICON_FOR[kind]);
      glyph.setAttribute("transform", "translate(-7 -7) scale(0.7)");
      mark.appendChild(glyph);
    }

    // -- Diagram: a toolbar over the focused or hovered node; node links stay plain links --

    function nodeToolbar(svg) {
      var scroller = svg.closest(".diagram-scroll") || svg.parentNode;
      var bar = h("div", {"class": "node-tools", hidden: true});
      scroller.appendChild(bar);
      var current = null;
      var hideTimer = null;

      function topicOf(el) {
        var node = el && el.closest ? el.closest("a.node[data-node]") : null;
        return node ? byId[node.getAttribute("data-node")] : null;
      }

      function show(t) {
        clearTimeout(hideTimer);
        if (current !== t) {
          current = t;
          bar.textContent = "";
          bar.appendChild(controls(roadmap, t.id, t.title, true));
        }
        bar.hidden = false;
        place();
      }

      function hide() {
        clearTimeout(hideTimer);
        bar.hidden = true;
        current = null;
        bar.textContent = "";
      }

      function hideSoon() {
        clearTimeout(hideTimer);
        hideTimer = setTimeout(function () {
          if (!bar.contains(document.activeElement) && !(current && current.node === document.activeElement)) hide();
        }, 400);
      }

      function place() {
        if (!current || bar.hidden) return;
        var box = (current.node.querySelector("rect.box") || current.node).getBoundingClientRect();
        var frame = scroller.getBoundingClientRect();
        var left = box.left - frame.left + scroller.scrollLeft - scroller.clientLeft + box.width / 2 - bar.offsetWidth / 2;
        left = Math.max(scroller.scrollLeft + 4, Math.min(left, scroller.scrollLeft + scroller.clientWidth - bar.offsetWidth - 4));
        var top = box.top - frame.top + scroller.scrollTop - scroller.clientTop - bar.offsetHeight - 6;
        if (top < scroller.scrollTop + 2) top = box.bottom - frame.top + scroller.scrollTop - scroller.clientTop + 6;
        // Positions set through the CSSOM: allowed under a CSP without 'unsafe-inline' (style attributes are not).
        bar.style.left = Math.round(left) + "px";
        bar.style.top = Math.round(top) + "px";
      }

      function buttons() {
        return Array.prototype.slice.call(bar.querySelectorAll("button"));
      }

      function nodeAfter(node) {
        var nodes = Array.prototype.slice.call(svg.querySelectorAll("a.node"));
        return nodes[nodes.indexOf(node) + 1] || null;
      }

      svg.addEventListener("focusin", function (e) {
        var t = topicOf(e.target);
        if (t) show(t);
      });
      svg.addEventListener("focusout", hideSoon);
      bar.addEventListener("focusout", hideSoon);
      bar.addEventListener("focusin", function () { clearTimeout(hideTimer); });
      // A short pause before showing on hover, so sweeping the pointer across the diagram does not flash toolbars.
      var showTimer = null;
      svg.addEventListener("mouseover", function (e) {
        var t = topicOf(e.target);
        clearTimeout(showTimer);
        if (!t) hideSoon();
        else if (t === current) clearTimeout(hideTimer);
        else if (!bar.contains(document.activeElement)) showTimer = setTimeout(function () { show(t); }, 150);
      });
      svg.addEventListener("mouseleave", function () {
        clearTimeout(showTimer);
        hideSoon();
      });
      bar.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      bar.addEventListener("mouseleave", hideSoon);

      // Keyboard order: node → its toolbar → the next node, as if the toolbar sat right after the node.
      svg.addEventListener("keydown", function (e) {
        var t = topicOf(e.target);
        if (!t || e.key !== "Tab" || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || current !== t || bar.hidden) return;
        e.preventDefault();
        buttons()[0].focus();
      });
      bar.addEventListener("keydown", function (e) {
        if (!current) return;
        var list = buttons();
        var i = list.indexOf(document.activeElement);
        if (e.key === "Escape") {
          e.preventDefault();
          current.node.focus();
        } else if (e.key === "Tab" && e.shiftKey && i === 0) {
          e.preventDefault();
          current.node.focus();
        } else if (e.key === "Tab" && !e.shiftKey && i === list.length - 1) {
          var after = nodeAfter(current.node);
          if (after) {
            e.preventDefault();
            after.focus();
          } else {
            hide();
          }
        } else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          e.preventDefault();
          list[(i + (e.key === "ArrowRight" ? 1 : list.length - 1)) % list.length].focus();
        }
      });
      scroller.addEventListener("scroll", place, {passive: true});
      window.addEventListener("resize", place);
      document.addEventListener("site-gen:zoom", place);
      document.addEventListener("site-gen:view", hide);

      return {refresh: place, hide: hide};
    }
  }

  // ---- Topic page ---------------------------------------------------------------------------------------------------

  function setUpTopic() {
    var article = document.querySelector("article.topic[data-roadmap][data-node]");
    var head = article && article.querySelector(".page-head");
    if (!head) return;
    var h1 = head.querySelector("h1");
    head.appendChild(controls(article.getAttribute("data-roadmap"), article.getAttribute("data-node"),
      h1 ? h1.textContent.trim() : article.getAttribute("data-node")));
  }

  // ---- Index: each roadmap's progress on its card -------------------------------------------------------------------

  function setUpIndex() {
    Array.prototype.forEach.call(document.querySelectorAll("li.card[data-roadmap]"), function (card) {
      var record = read(card.getAttribute("data-roadmap"));
      var total = parseInt(card.getAttribute("data-topics"), 10) || record.total;
      var c = {done: 0, doing: 0, skipped: 0};
      Object.keys(record.nodes).forEach(function (id) { c[record.nodes[id]]++; });
      if (c.done + c.doing + c.skipped === 0) return;
      var parts = [];
      parts.push(total ? c.done + " of " + total + " done" : c.done + " done");
      if (c.doing) parts.push(c.doing + " in progress");
      if (c.skipped) parts.push(c.skipped + " skipped");
      total = Math.max(total || 0, c.done + c.doing + c.skipped);
      var bar = sg.s("svg", {"class": "progress-bar small", viewBox: "0 0 1 1", preserveAspectRatio: "none", "aria-hidden": "true",
        focusable: "false"}, [sg.s("rect", {"class": "bar-track", x: 0, y: 0, width: 1, height: 1}),
        sg.s("rect", {"class": "bar-done", x: 0, y: 0, height: 1, width: c.done / total}),
        sg.s("rect", {"class": "bar-doing", x: c.done / total, y: 0, height: 1, width: c.doing / total}),
        sg.s("rect", {"class": "bar-skipped", x: (c.done + c.doing) / total, y: 0, height: 1, width: c.skipped / total})]);
      card.appendChild(h("div", {"class": "card-progress"}, [bar, h("p", {}, ["Your progress: " + parts.join(", ")])]));
    });
  }

  // ---- Export and import ----------------------------------------------------------------------------------------------

  function exportFile() {
    var outline = document.querySelector("section.outline[data-roadmap]");
    var roadmap = outline.getAttribute("data-roadmap");
    var record = read(roadmap);
    var data = {format: FORMAT, version: 1, roadmap: roadmap, site: location.origin + sg.base,
      exported: new Date().toISOString(), total: record.total, progress: record.nodes};
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], {type: "application/json"});
    var url = URL.createObjectURL(blob);
    var name = "progress-" + roadmap + "-" + data.exported.substring(0, 10) + ".json";
    var a = h("a", {href: url, download: name, hidden: true});
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    var n = Object.keys(record.nodes).length;
    say("Exported " + n + (n === 1 ? " marked topic" : " marked topics") + " to " + name + ".");
  }

  function importFile(file) {
    var outline = document.querySelector("section.outline[data-roadmap]");
    var roadmap = outline.getAttribute("data-roadmap");
    var known = {};
    Array.prototype.forEach.call(outline.querySelectorAll("li[data-node]"), function (li) { known[li.getAttribute("data-node")] = true; });
    if (file.size > 1024 * 1024) {
      say("“" + file.name + "” is too large to be a progress file.", true);
      return;
    }
    file.text().then(function (text) {
      var result = parseExport(text, roadmap, known);
      if (result.error) {
        say("Could not import “" + file.name + "”: " + result.error, true);
        return;
      }
      write(roadmap, result.states);
      changed(roadmap, null, null);
      var n = Object.keys(result.states).length;
      var notes = [];
      if (result.unknown) notes.push(result.unknown + (result.unknown === 1 ? " topic" : " topics") + " not on this roadmap");
      if (result.invalid) notes.push(result.invalid + (result.invalid === 1 ? " entry" : " entries") + " with an unknown state");
      say("Imported " + n + (n === 1 ? " marked topic" : " marked topics") + " from “" + file.name + "”." +
        (notes.length ? " Ignored " + notes.join(" and ") + "." : ""));
    }, function () {
      say("Could not read “" + file.name + "”.", true);
    });
  }

  /** Checks an exported file: the right format and roadmap; ids not in this roadmap and unknown states are dropped. */
  function parseExport(text, roadmap, known) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return {error: "it is not a JSON file."};
    }
    if (!data || typeof data !== "object" || Array.isArray(data) || (data.format !== undefined && data.format !== FORMAT) ||
        !data.progress || typeof data.progress !== "object" || Array.isArray(data.progress)) {
      return {error: "it is not a progress file exported from this site."};
    }
    if (typeof data.roadmap === "string" && data.roadmap !== roadmap) {
      return {error: "it holds progress for the roadmap “" + data.roadmap + "”, not this one. Import it on that roadmap’s page."};
    }
    var states = {};
    var unknown = 0;
    var cleaned = cleanStates(data.progress);
    Object.keys(cleaned.states).forEach(function (id) {
      if (known[id]) states[id] = cleaned.states[id];
      else unknown++;
    });
    return {states: states, unknown: unknown, invalid: cleaned.invalid};
  }

  function reset() {
    var outline = document.querySelector("section.outline[data-roadmap]");
    var roadmap = outline.getAttribute("data-roadmap");
    var n = Object.keys(read(roadmap).nodes).length;
    if (n === 0) {
      say("Nothing to reset: no topic is marked yet.");
      return;
    }
    var title = (document.querySelector(".page-head h1") || {}).textContent || roadmap;
    if (!window.confirm("Reset your progress on “" + title.trim() + "”? This clears " + n + (n === 1 ? " marked topic" : " marked topics") +
        " in this browser.")) return;
    write(roadmap, {});
    changed(roadmap, null, null);
    say("Progress reset: no topic is marked.");
  }

  // ---- Helpers --------------------------------------------------------------------------------------------------------

  function num(el, attr) {
    return parseFloat(el.getAttribute(attr)) || 0;
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, "\\$&");
  }

  sg.ready(function () {
    setUpRoadmap();
    setUpTopic();
    setUpIndex();
  });
})();
