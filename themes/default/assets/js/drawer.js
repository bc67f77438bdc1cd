// Topic drawer: on wide screens a click on a diagram node, an outline link or a "next up" link opens the topic in a
// side panel instead of leaving the roadmap. The panel is a modal <dialog>: focus moves into it, Esc or the close
// button closes it, and focus goes back to the link that opened it. The address bar shows the topic's own URL
// (history.pushState), so it can be shared or reloaded; Back closes the drawer.
// The topic comes from our own topic page on the same origin: fetched, parsed with DOMParser, and only its
// <article class="topic"> is moved in. On a phone, and for middle-, ctrl- or shift-clicks, links behave as links.
(function () {
  "use strict";

  var sg = window.siteGen;
  var outline = document.querySelector("section.outline[data-roadmap]");
  if (!sg || !outline || !window.fetch || !window.DOMParser || !window.history.pushState ||
      typeof window.HTMLDialogElement !== "function") return;

  var h = sg.h;
  var wide = window.matchMedia("(min-width: 64rem)");
  var roadmap = outline.getAttribute("data-roadmap");
  var roadmapTitle = document.title;
  var roadmapPath = location.pathname;

  var title = h("p", {"class": "drawer-context"});
  var fullPage = h("a", {"class": "drawer-full"}, [sg.icon("external"), "Open as page"]);
  var prevButton = h("button", {type: "button", "class": "drawer-step", "data-step": "-1"},
    [sg.icon("prev"), h("span", {"class": "visually-hidden"}, ["Previous topic"])]);
  var nextButton = h("button", {type: "button", "class": "drawer-step", "data-step": "1"},
    [sg.icon("forward"), h("span", {"class": "visually-hidden"}, ["Next topic"])]);
  var closeButton = h("button", {type: "button", "class": "drawer-close", "aria-label": "Close"}, [sg.icon("close")]);
  var body = h("div", {"class": "drawer-body"});
  var dialog = h("dialog", {"class": "drawer", "aria-labelledby": "drawer-title"}, [
    h("div", {"class": "drawer-panel"}, [
      h("div", {"class": "drawer-bar"}, [title, prevButton, nextButton, fullPage, closeButton]),
      body
    ])
  ]);

  var current = null;      // the node id shown
  var opener = null;       // the element to focus when the drawer closes
  var loading = 0;         // a counter, so a slow answer for an earlier click is ignored
  var pending = 0;         // fetches under way, for the "progress" cursor

  sg.ready(function () { document.body.appendChild(dialog); });

  // The topics of this roadmap in reading order, with their links.
  function topics() {
    return Array.prototype.map.call(outline.querySelectorAll("li[data-node]"), function (li) {
      var a = li.querySelector("a[href]");
      return {id: li.getAttribute("data-node"), url: a ? a.getAttribute("href") : null, title: a ? a.textContent.trim() : ""};
    }).filter(function (t) { return t.url; });
  }

  function topic(id) {
    return topics().filter(function (t) { return t.id === id; })[0] || null;
  }

  /**
   * The topic a link opens, when it is one of ours: a diagram node, an outline title, a "next up" link, or a link in
   * the drawer's article to another topic of this roadmap ("Open as page" stays a plain link).
   */
  function topicOf(link) {
    if (link.matches("svg.diagram a.node[data-node], .next-up-list a[data-node]")) return link.getAttribute("data-node");
    var li = link.closest("li[data-node]");
    if (li && outline.contains(li) && li.querySelector("a[href]") === link) return li.getAttribute("data-node");
    if (body.contains(link)) {
      var path = new URL(link.getAttribute("href"), location.href).pathname;
      var match = topics().filter(function (t) { return new URL(t.url, location.href).pathname === path; })[0];
      if (match && !new URL(link.getAttribute("href"), location.href).hash) return match.id;
    }
    return null;
  }

  document.addEventListener("click", function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !wide.matches) return;
    var link = e.target.closest ? e.target.closest("a[href]") : null;
    if (!link || (link.getAttribute("target") && link.getAttribute("target") !== "_self") || link.hasAttribute("download")) return;
    var id = topicOf(link);
    if (!id) return;
    var url = new URL(link.getAttribute("href"), location.href);
    if (url.origin !== location.origin) return;
    e.preventDefault();
    open(id, url, dialog.contains(link) ? opener : link, dialog.open ? "replace" : "push");
  });

  /** Opens topic id from url; history is "push", "replace" or "none" (when answering Back/Forward). */
  function open(id, url, from, history) {
    var ticket = ++loading;
    pending++;
    document.documentElement.classList.add("is-loading-topic");
    fetch(url.pathname, {credentials: "same-origin", headers: {Accept: "text/html"}})
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        if (ticket !== loading) return;
        var doc = new DOMParser().parseFromString(html, "text/html");
        var article = doc.querySelector("article.topic");
        if (!article) throw new Error("no article");
        show(id, url, document.adoptNode(article), doc.title, from, history);
      })
      .catch(function () {
        // Could not load it here: go to the page itself, which shows the error or the topic.
        if (ticket === loading) location.assign(url.href);
      })
      .then(function () {
        if (--pending === 0) document.documentElement.classList.remove("is-loading-topic");
      });
  }

  function show(id, url, article, pageTitle, from, history) {
    // Parsed, not executed: DOMParser never runs scripts, and we drop any all the same.
    Array.prototype.forEach.call(article.querySelectorAll("script, style, link, iframe, object, embed"), function (el) { el.remove(); });
    // Ids of the topic that the roadmap page already uses would be duplicates: rename those.
    Array.prototype.forEach.call(article.querySelectorAll("[id]"), function (el) {
      if (document.getElementById(el.id) && !dialog.contains(document.getElementById(el.id))) el.id = "drawer-" + el.id;
    });
    var heading = article.querySelector("h1");
    if (heading) {
      heading.id = "drawer-title";
      heading.setAttribute("tabindex", "-1");
    }
    var head = article.querySelector(".page-head");
    var t = topic(id);
    if (head && sg.progress) head.appendChild(sg.progress.controls(roadmap, id, t ? t.title : id, false));

    body.textContent = "";
    body.appendChild(article);
    body.scrollTop = 0;
    title.textContent = document.querySelector(".page-head h1") ? document.querySelector(".page-head h1").textContent.trim() : "";
    fullPage.setAttribute("href", url.pathname);
    updateSteps(id);
    current = id;
    if (from) opener = from;
    else if (history === "none") opener = null;
    document.title = pageTitle;
    if (history === "push") window.history.pushState({siteGenDrawer: id}, "", url.pathname);
    else if (history === "replace") window.history.replaceState({siteGenDrawer: id}, "", url.pathname);
    if (!dialog.open) dialog.showModal();
    sg.makeScrollersFocusable(body);
    (heading || closeButton).focus();
  }

  function updateSteps(id) {
    var list = topics();
    var i = list.map(function (t) { return t.id; }).indexOf(id);
    [[prevButton, list[i - 1]], [nextButton, list[i + 1]]].forEach(function (pair) {
      var button = pair[0];
      var target = pair[1];
      button.disabled = !target;
      button.title = target ? (button === prevButton ? "Previous: " : "Next: ") + target.title : "";
      button.lastChild.textContent = target ? (button === prevButton ? "Previous topic: " : "Next topic: ") + target.title
        : (button === prevButton ? "No previous topic" : "No next topic");
    });
  }

  [prevButton, nextButton].forEach(function (button) {
    button.addEventListener("click", function () {
      var list = topics();
      var i = list.map(function (t) { return t.id; }).indexOf(current) + Number(button.getAttribute("data-step"));
      if (list[i]) open(list[i].id, new URL(list[i].url, location.href), null, "replace");
    });
  });

  /**
   * Closes the drawer. Everything happens here, synchronously, rather than in the dialog's "close" event: that event
   * comes later, and a Back-then-Forward in between would otherwise cancel the topic Forward is loading.
   */
  function close(fromHistory) {
    if (!dialog.open) return;
    loading++;
    document.title = roadmapTitle;
    var target = focusTarget();
    current = null;
    dialog.close();
    body.textContent = "";
    if (!fromHistory && window.history.state && window.history.state.siteGenDrawer) window.history.back();
    if (target) target.focus();
  }

  closeButton.addEventListener("click", function () { close(false); });
  // Esc: the dialog's cancel event.
  dialog.addEventListener("cancel", function (e) {
    e.preventDefault();
    close(false);
  });
  // A click on the backdrop (outside the panel) lands on the dialog itself.
  dialog.addEventListener("click", function (e) {
    if (e.target === dialog) close(false);
  });

  // The link that opened the drawer; if the reader moved on to another topic inside it (or came by Back/Forward),
  // that topic's link in whichever view is shown, so focus lands where the reader now is on the roadmap.
  function focusTarget() {
    var usable = opener && document.contains(opener) && isShown(opener);
    if (usable && (!current || topicOf(opener) === current)) return opener;
    if (current) {
      var escaped = window.CSS && CSS.escape ? CSS.escape(current) : current;
      var candidates = [document.querySelector('svg.diagram a.node[data-node="' + escaped + '"]'),
        outline.querySelector('li[data-node="' + escaped + '"] a[href]')];
      var shown = candidates.filter(function (el) { return el && isShown(el); })[0];
      if (shown) return shown;
    }
    return usable ? opener : null;
  }

  function isShown(el) {
    return el.getClientRects().length > 0;
  }

  window.addEventListener("popstate", function (e) {
    var state = e.state;
    loading++;
    if (state && state.siteGenDrawer) {
      if (!wide.matches) {
        location.reload();
        return;
      }
      var t = topic(state.siteGenDrawer);
      if (t) open(t.id, new URL(location.href), null, "none");
    } else if (dialog.open) {
      close(true);
    } else if (location.pathname !== roadmapPath) {
      location.reload();
    }
  });
})();
