// A search box: a text input wired as an ARIA combobox over a listbox of results, searching as the reader types.
// Results are built with createElement and textContent only: nothing from the content is ever parsed as HTML.
import {search} from "./searcher.js";

const LIMIT = 8;
const KINDS = {roadmap: "Roadmap", topic: "Topic", guide: "Guide"};
let uid = 0;

/** An element with a class and text; el("mark", null, "word"). */
export function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function countText(n) {
  return n === 0 ? "No results" : n === 1 ? "1 result" : n + " results";
}

/** Wires input, listbox and status; onAnswer sees each answer (or null when the box is cleared). */
export function searchBox(input, listbox, status, onAnswer) {
  const id = "search-" + (++uid);
  listbox.id = id + "-list";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", "Search results");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-controls", listbox.id);
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("autocomplete", "off");
  input.setAttribute("spellcheck", "false");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  let options = [], active = -1, seq = 0, timer = null;

  function setActive(i) {
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = i;
    if (active >= 0 && options[active]) {
      options[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[active].id);
      if (options[active].scrollIntoView) options[active].scrollIntoView({block: "nearest"});
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function go(option) {
    window.location.href = option.getAttribute("data-href");
  }

  function show(answer) {
    listbox.textContent = "";
    options = [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    answer.results.forEach((r, i) => {
      const li = el("li", "search-result");
      li.id = id + "-opt-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.setAttribute("data-href", r.headingUrl || r.url);
      const meta = [KINDS[r.kind] || r.kind, r.roadmap && r.kind !== "roadmap" ? r.roadmap : null, r.heading].filter(Boolean).join(" · ");
      const text = el("span", "search-result-snippet");
      r.snippet.forEach(([part, isMatch]) => text.appendChild(isMatch ? el("mark", null, part) : document.createTextNode(part)));
      li.appendChild(el("span", "search-result-title", r.title));
      li.appendChild(el("span", "search-result-meta", meta));
      li.appendChild(text);
      li.addEventListener("mousedown", (ev) => ev.preventDefault());
      li.addEventListener("click", () => go(li));
      listbox.appendChild(li);
      options.push(li);
    });
    const total = answer.docs.length;
    status.textContent = countText(total) + (total > options.length ? ", showing the first " + options.length : "");
    input.setAttribute("aria-expanded", String(options.length > 0));
    listbox.hidden = options.length === 0;
  }

  function run() {
    const q = input.value;
    const mine = ++seq;
    if (!q.trim()) {
      listbox.textContent = "";
      listbox.hidden = true;
      options = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      status.textContent = "";
      if (onAnswer) onAnswer(null);
      return;
    }
    search(q, LIMIT).then((answer) => {
      if (mine !== seq) return; // a newer query is on its way
      show(answer);
      if (onAnswer) onAnswer(answer);
    }, () => {
      if (mine !== seq) return;
      status.textContent = "Search is not available right now.";
    });
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" && options.length) {
      ev.preventDefault();
      setActive(active < options.length - 1 ? active + 1 : 0);
    } else if (ev.key === "ArrowUp" && options.length) {
      ev.preventDefault();
      setActive(active > 0 ? active - 1 : options.length - 1);
    } else if (ev.key === "Enter" && options.length) {
      ev.preventDefault();
      go(options[active >= 0 ? active : 0]);
    }
  });
  return {run};
}
