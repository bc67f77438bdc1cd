// Topic drawer: on wide screens a click on a diagram node, an outline link or a "next up" link opens the topic in a
// side panel instead of leaving the roadmap. The panel is a modal <dialog>: focus moves into it, Esc or the close
// button closes it, and focus goes back to the link that opened it. The address bar shows the topic's own URL
// (history.pushState), so it can be shared or reloaded; Back closes the drawer.
// The topic comes from our own topic page on the same origin: fetched, parsed with DOMParser, and only its
// <article class="topic"> is moved in. On a phone, and for middle-, ctrl- or shift-clicks, links behave as links.
import {controls} from "./controls.js";
import {cssEscape, h, ready} from "./dom.js";
import {icon} from "./icons.js";
import {makeScrollersFocusable} from "./scrollers.js";

function setUpDrawer(outline) {
  const wide = window.matchMedia("(min-width: 64rem)");
  const roadmap = outline.getAttribute("data-roadmap");
  const roadmapTitle = document.title;
  const roadmapPath = location.pathname;

  const title = h("p", {class: "drawer-context"});
  const fullPage = h("a", {class: "drawer-full"}, [icon("external"), "Open as page"]);
  const prevButton = h("button", {type: "button", class: "drawer-step", "data-step": "-1"},
    [icon("prev"), h("span", {class: "visually-hidden"}, ["Previous topic"])]);
  const nextButton = h("button", {type: "button", class: "drawer-step", "data-step": "1"},
    [icon("forward"), h("span", {class: "visually-hidden"}, ["Next topic"])]);
  const closeButton = h("button", {type: "button", class: "drawer-close", "aria-label": "Close"}, [icon("close")]);
  const body = h("div", {class: "drawer-body"});
  const dialog = h("dialog", {class: "drawer", "aria-labelledby": "drawer-title"}, [
    h("div", {class: "drawer-panel"}, [
      h("div", {class: "drawer-bar"}, [title, prevButton, nextButton, fullPage, closeButton]),
      body
    ])
  ]);

  let current = null;      // the node id shown
  let opener = null;       // the element to focus when the drawer closes
  let loading = 0;         // a counter, so a slow answer for an earlier click is ignored
  let pending = 0;         // fetches under way, for the "progress" cursor

  document.body.appendChild(dialog);

  // The topics of this roadmap in reading order, with their links.
  function topics() {
    return Array.from(outline.querySelectorAll("li[data-node]"), (li) => {
      const a = li.querySelector("a[href]");
      return {id: li.getAttribute("data-node"), url: a ? a.getAttribute("href") : null, title: a ? a.textContent.trim() : ""};
    }).filter((t) => t.url);
  }

  function topic(id) {
    return topics().find((t) => t.id === id) || null;
  }

  /**
   * The topic a link opens, when it is one of ours: a diagram node, an outline title, a "next up" link, or a link in
   * the drawer's article to another topic of this roadmap ("Open as page" stays a plain link).
   */
  function topicOf(link) {
    if (link.matches("svg.diagram a.node[data-node], .next-up-list a[data-node]")) return link.getAttribute("data-node");
    const li = link.closest("li[data-node]");
    if (li && outline.contains(li) && li.querySelector("a[href]") === link) return li.getAttribute("data-node");
    if (body.contains(link)) {
      const url = new URL(link.getAttribute("href"), location.href);
      const match = topics().find((t) => new URL(t.url, location.href).pathname === url.pathname);
      if (match && !url.hash) return match.id;
    }
    return null;
  }

  document.addEventListener("click", (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !wide.matches) return;
    const link = e.target.closest ? e.target.closest("a[href]") : null;
    if (!link || (link.getAttribute("target") && link.getAttribute("target") !== "_self") || link.hasAttribute("download")) return;
    const id = topicOf(link);
    if (!id) return;
    const url = new URL(link.getAttribute("href"), location.href);
    if (url.origin !== location.origin) return;
    e.preventDefault();
    open(id, url, dialog.contains(link) ? opener : link, dialog.open ? "replace" : "push");
  });

  /** Opens topic id from url; history is "push", "replace" or "none" (when answering Back/Forward). */
  function open(id, url, from, history) {
    const ticket = ++loading;
    pending++;
    document.documentElement.classList.add("is-loading-topic");
    fetch(url.pathname, {credentials: "same-origin", headers: {Accept: "text/html"}})
      .then((response) => {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then((html) => {
        if (ticket !== loading) return;
        const doc = new DOMParser().parseFromString(html, "text/html");
        const article = doc.querySelector("article.topic");
        if (!article) throw new Error("no article");
        show(id, url, document.adoptNode(article), doc.title, from, history);
      })
      .catch(() => {
        // Could not load it here: go to the page itself, which shows the error or the topic.
        if (ticket === loading) location.assign(url.href);
      })
      .then(() => {
        if (--pending === 0) document.documentElement.classList.remove("is-loading-topic");
      });
  }

  function show(id, url, article, pageTitle, from, history) {
    // Parsed, not executed: DOMParser never runs scripts, and we drop any all the same.
    article.querySelectorAll("script, style, link, iframe, object, embed").forEach((el) => el.remove());
    // Ids of the topic that the roadmap page already uses would be duplicates: rename those.
    article.querySelectorAll("[id]").forEach((el) => {
      const taken = document.getElementById(el.id);
      if (taken && !dialog.contains(taken)) el.id = "drawer-" + el.id;
    });
    const heading = article.querySelector("h1");
    if (heading) {
      heading.id = "drawer-title";
      heading.setAttribute("tabindex", "-1");
    }
    const head = article.querySelector(".page-head");
    const t = topic(id);
    if (head) head.appendChild(controls(roadmap, id, t ? t.title : id, false));

    body.textContent = "";
    body.appendChild(article);
    body.scrollTop = 0;
    const roadmapHeading = document.querySelector(".page-head h1");
    title.textContent = roadmapHeading ? roadmapHeading.textContent.trim() : "";
    fullPage.setAttribute("href", url.pathname);
    updateSteps(id);
    current = id;
    if (from) opener = from;
    else if (history === "none") opener = null;
    document.title = pageTitle;
    if (history === "push") window.history.pushState({siteGenDrawer: id}, "", url.pathname);
    else if (history === "replace") window.history.replaceState({siteGenDrawer: id}, "", url.pathname);
    if (!dialog.open) dialog.showModal();
    makeScrollersFocusable(body);
    (heading || closeButton).focus();
  }

  function updateSteps(id) {
    const list = topics();
    const i = list.findIndex((t) => t.id === id);
    [[prevButton, list[i - 1], "Previous"], [nextButton, list[i + 1], "Next"]].forEach(([button, target, word]) => {
      button.disabled = !target;
      button.title = target ? word + ": " + target.title : "";
      button.lastChild.textContent = target ? word + " topic: " + target.title : "No " + word.toLowerCase() + " topic";
    });
  }

  [prevButton, nextButton].forEach((button) => {
    button.addEventListener("click", () => {
      const list = topics();
      const target = list[list.findIndex((t) => t.id === current) + Number(button.getAttribute("data-step"))];
      if (target) open(target.id, new URL(target.url, location.href), null, "replace");
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
    const target = focusTarget();
    current = null;
    dialog.close();
    body.textContent = "";
    if (!fromHistory && window.history.state && window.history.state.siteGenDrawer) window.history.back();
    if (target) target.focus();
  }

  closeButton.addEventListener("click", () => close(false));
  // Esc: the dialog's cancel event.
  dialog.addEventListener("cancel", (e) => {
    e.preventDefault();
    close(false);
  });
  // A click on the backdrop (outside the panel) lands on the dialog itself.
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) close(false);
  });

  // The link that opened the drawer; if the reader moved on to another topic inside it (or came by Back/Forward),
  // that topic's link in whichever view is shown, so focus lands where the reader now is on the roadmap.
  function focusTarget() {
    const usable = opener && document.contains(opener) && isShown(opener);
    if (usable && (!current || topicOf(opener) === current)) return opener;
    if (current) {
      const escaped = cssEscape(current);
      const shown = [document.querySelector('svg.diagram a.node[data-node="' + escaped + '"]'),
        outline.querySelector('li[data-node="' + escaped + '"] a[href]')].find((el) => el && isShown(el));
      if (shown) return shown;
    }
    return usable ? opener : null;
  }

  function isShown(el) {
    return el.getClientRects().length > 0;
  }

  window.addEventListener("popstate", (e) => {
    const state = e.state;
    loading++;
    if (state && state.siteGenDrawer) {
      if (!wide.matches) {
        location.reload();
        return;
      }
      const t = topic(state.siteGenDrawer);
      if (t) open(t.id, new URL(location.href), null, "none");
    } else if (dialog.open) {
      close(true);
    } else if (location.pathname !== roadmapPath) {
      location.reload();
    }
  });
}

const outline = document.querySelector("section.outline[data-roadmap]");
if (outline && window.fetch && window.DOMParser && window.history.pushState && typeof window.HTMLDialogElement === "function") {
  ready(() => setUpDrawer(outline));
}
