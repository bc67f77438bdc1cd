// The diagram's node toolbar: progress buttons over the focused or hovered node, so node links stay plain links.
// In keyboard order it sits right after its node: node → its toolbar → the next node.
import {h} from "./dom.js";
import {controls} from "./controls.js";

/** Puts the toolbar in the diagram's scroll box; topicOf(node) gives the topic {id, title, node} of a node link. */
export function nodeToolbar(svg, roadmap, topicOf) {
  const scroller = svg.closest(".diagram-scroll") || svg.parentNode;
  const bar = h("div", {class: "node-tools", hidden: true});
  scroller.appendChild(bar);
  let current = null;
  let hideTimer = null;
  let showTimer = null;

  function topicAt(el) {
    const node = el && el.closest ? el.closest("a.node[data-node]") : null;
    return node ? topicOf(node) : null;
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
    hideTimer = setTimeout(() => {
      if (!bar.contains(document.activeElement) && !(current && current.node === document.activeElement)) hide();
    }, 400);
  }

  function place() {
    if (!current || bar.hidden) return;
    const box = (current.node.querySelector("rect.box") || current.node).getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    let left = box.left - frame.left + scroller.scrollLeft - scroller.clientLeft + box.width / 2 - bar.offsetWidth / 2;
    left = Math.max(scroller.scrollLeft + 4, Math.min(left, scroller.scrollLeft + scroller.clientWidth - bar.offsetWidth - 4));
    let top = box.top - frame.top + scroller.scrollTop - scroller.clientTop - bar.offsetHeight - 6;
    if (top < scroller.scrollTop + 2) top = box.bottom - frame.top + scroller.scrollTop - scroller.clientTop + 6;
    // Positions set through the CSSOM: allowed under a CSP without 'unsafe-inline' (style attributes are not).
    bar.style.left = Math.round(left) + "px";
    bar.style.top = Math.round(top) + "px";
  }

  const buttons = () => Array.from(bar.querySelectorAll("button"));

  function nodeAfter(node) {
    const nodes = Array.from(svg.querySelectorAll("a.node"));
    return nodes[nodes.indexOf(node) + 1] || null;
  }

  svg.addEventListener("focusin", (e) => {
    const t = topicAt(e.target);
    if (t) show(t);
  });
  svg.addEventListener("focusout", hideSoon);
  bar.addEventListener("focusout", hideSoon);
  bar.addEventListener("focusin", () => clearTimeout(hideTimer));
  // A short pause before showing on hover, so sweeping the pointer across the diagram does not flash toolbars.
  svg.addEventListener("mouseover", (e) => {
    const t = topicAt(e.target);
    clearTimeout(showTimer);
    if (!t) hideSoon();
    else if (t === current) clearTimeout(hideTimer);
    else if (!bar.contains(document.activeElement)) showTimer = setTimeout(() => show(t), 150);
  });
  svg.addEventListener("mouseleave", () => {
    clearTimeout(showTimer);
    hideSoon();
  });
  bar.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  bar.addEventListener("mouseleave", hideSoon);

  svg.addEventListener("keydown", (e) => {
    const t = topicAt(e.target);
    if (!t || e.key !== "Tab" || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || current !== t || bar.hidden) return;
    e.preventDefault();
    buttons()[0].focus();
  });
  bar.addEventListener("keydown", (e) => {
    if (!current) return;
    const list = buttons();
    const i = list.indexOf(document.activeElement);
    if (e.key === "Escape") {
      e.preventDefault();
      current.node.focus();
    } else if (e.key === "Tab" && e.shiftKey && i === 0) {
      e.preventDefault();
      current.node.focus();
    } else if (e.key === "Tab" && !e.shiftKey && i === list.length - 1) {
      const after = nodeAfter(current.node);
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

  return {refresh: place, hide};
}
