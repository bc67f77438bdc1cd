// site-gen search: a command palette (Ctrl/Cmd+K or "/") on every page, and a search box that filters the roadmap
// cards on the index. It reads the index that the build wrote under search/ (format: docs/search.md), loading only
// the files a query needs; searcher.js answers queries as dev.sitegen.search.Searcher does (keep the two in step).
import {ready} from "./dom.js";
import {el, searchBox} from "./searchbox.js";
import {entry} from "./shards.js";

// The word splitter and stemmer, for tests that hold them to their Java twins (SearchBrowserTest imports this module).
export {words} from "./words.js";
export {stem} from "./stem.js";

// The palette: a modal dialog made on first use; Escape closes it (the dialog does that itself).
let palette = null;

function openPalette() {
  if (!palette) {
    const dialog = el("dialog", "search-palette");
    dialog.setAttribute("aria-label", "Search");
    const label = el("label", "search-label", "Search this site");
    const input = el("input", "search-input");
    input.type = "search";
    input.id = "search-palette-input";
    input.placeholder = "Search topics, roadmaps and guides";
    label.htmlFor = input.id;
    const status = el("p", "search-status");
    const list = el("ul", "search-results");
    list.hidden = true;
    const hint = el("p", "search-hint", "↑ ↓ to choose, Enter to open, Esc to close");
    [label, input, status, list, hint].forEach((child) => dialog.appendChild(child));
    dialog.addEventListener("click", (ev) => { if (ev.target === dialog) dialog.close(); });
    // In a search field the first Escape would only clear the text; in the palette it closes it at once.
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape") {
        ev.preventDefault();
        dialog.close();
      }
    });
    document.body.appendChild(dialog);
    searchBox(input, list, status, null);
    palette = {dialog, input};
  }
  if (!palette.dialog.open) palette.dialog.showModal();
  palette.input.focus();
  palette.input.select();
  entry(); // start loading the entry while the user types
}

function typing(target) {
  const tag = target && target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
}

function setUp() {
  document.addEventListener("keydown", (ev) => {
    if ((ev.key === "k" || ev.key === "K") && (ev.ctrlKey || ev.metaKey) && !ev.altKey) {
      ev.preventDefault();
      openPalette();
    } else if (ev.key === "/" && !ev.ctrlKey && !ev.metaKey && !ev.altKey && !typing(ev.target)) {
      ev.preventDefault();
      openPalette();
    }
  });
  const mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  document.querySelectorAll("[data-search-open]").forEach((button) => {
    button.hidden = false;
    const kbd = button.querySelector("kbd");
    if (kbd && mac) kbd.textContent = "⌘K";
    button.addEventListener("click", openPalette);
  });
  // The index page: one box that searches and narrows the roadmap cards to those with matching pages.
  const box = document.querySelector("[data-search-inline]");
  const cards = document.querySelectorAll("#roadmap-cards li.card[data-roadmap]");
  if (box) {
    box.hidden = false;
    searchBox(box.querySelector("input"), box.querySelector(".search-results"), box.querySelector(".search-status"), (answer) => {
      cards.forEach((card) => {
        card.hidden = answer !== null && !answer.roadmaps[card.getAttribute("data-roadmap")];
      });
    });
  }
}

if (document.documentElement.getAttribute("data-search") && window.fetch && window.DecompressionStream) ready(setUp);
