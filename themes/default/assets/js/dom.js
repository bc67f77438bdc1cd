// Small DOM helpers every module of the theme uses: making elements, waiting for the page, and telling other modules
// that something changed (events on document named "site-gen:<name>", with plain data as detail).

const SVG_NS = "http://www.w3.org/2000/svg";

/** Makes an HTML element: h("button", {type: "button", class: "btn"}, ["Text", child]). */
export function h(tag, attrs, children) {
  return fill(document.createElement(tag), attrs, children);
}

/** Makes an SVG element, as h does. */
export function s(tag, attrs, children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(el, attrs, children) {
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (value === null || value === undefined || value === false) return;
    el.setAttribute(name, value === true ? "" : String(value));
  });
  (children || []).forEach((child) => {
    if (child === null || child === undefined) return;
    el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  });
  return el;
}

/** Runs fn once the page is parsed (at once when it already is, as it is when a module runs). */
export function ready(fn) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
  else fn();
}

/** Tells the other modules that something changed: a "site-gen:<name>" event on document. */
export function emit(name, detail) {
  document.dispatchEvent(new CustomEvent("site-gen:" + name, {detail}));
}

/** A value quoted for a CSS attribute selector. */
export function cssEscape(value) {
  return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, "\\$&");
}
