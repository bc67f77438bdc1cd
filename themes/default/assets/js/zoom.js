// Diagram zoom and pan: buttons (zoom out, zoom in, fit to width), + and - keys while the diagram has focus, and
// dragging the background with a mouse. The diagram scrolls inside its own box, so the page never gets wider than the
// screen; on touch screens one finger scrolls that box and pinch zooms the page, as everywhere else.
// Zooming changes the SVG's width and height attributes (its viewBox keeps the drawing sharp): no inline styles.
import {emit, h, ready} from "./dom.js";
import {icon} from "./icons.js";

const MIN = 0.25;
const MAX = 2;

function setUpZoom(scroller, svg) {
  const width = svg.viewBox.baseVal.width;
  const height = svg.viewBox.baseVal.height;
  let scale = 1;
  let touched = false;   // once the reader zooms, we stop fitting the diagram on our own

  const level = h("output", {class: "zoom-level", "aria-live": "polite"}, ["100%"]);
  const out = button("minus", "Zoom out", () => zoomBy(1 / 1.25));
  const into = button("plus", "Zoom in", () => zoomBy(1.25));
  const fit = button("fit", "Fit to width", () => { touched = true; setScale(fitScale()); });
  const tools = h("div", {class: "diagram-tools", role: "group", "aria-label": "Zoom the diagram"}, [out, level, into, fit]);
  scroller.parentNode.insertBefore(tools, scroller);
  scroller.classList.add("is-zoomable");

  function button(iconName, label, action) {
    const b = h("button", {type: "button", class: "btn icon-only", title: label},
      [icon(iconName), h("span", {class: "visually-hidden"}, [label])]);
    b.addEventListener("click", action);
    return b;
  }

  function fitScale() {
    const room = scroller.clientWidth - 2;
    // Fitting may go below MIN: a wide roadmap on a phone must still fit its whole width.
    // Rounded down to whole percent, as setScale rounds: rounding up would leave a few pixels out of view.
    return room > 0 ? Math.max(0.05, Math.min(1, Math.floor(room / width * 100) / 100)) : 1;
  }

  function zoomBy(factor) {
    touched = true;
    setScale(scale * factor);
  }

  /** Sets the zoom, keeping the point at (x, y) in the box (its centre by default) where it is. */
  function setScale(next, x = scroller.clientWidth / 2, y = scroller.clientHeight / 2) {
    next = Math.max(Math.min(MIN, fitScale()), Math.min(MAX, Math.round(next * 100) / 100));
    // The point under (x, y) in diagram units, before and after.
    const u = (scroller.scrollLeft + x - offsetLeft()) / scale;
    const v = (scroller.scrollTop + y - offsetTop()) / scale;
    scale = next;
    svg.setAttribute("width", String(Math.round(width * scale)));
    svg.setAttribute("height", String(Math.round(height * scale)));
    scroller.scrollLeft = u * scale + offsetLeft() - x;
    scroller.scrollTop = v * scale + offsetTop() - y;
    level.textContent = Math.round(scale * 100) + "%";
    out.disabled = scale <= Math.min(MIN, fitScale());
    into.disabled = scale >= MAX;
    emit("zoom", {scale});
  }

  // Where the drawing starts inside the scrolled content (it is centred when narrower than the box).
  function offsetLeft() {
    return svg.getBoundingClientRect().left - scroller.getBoundingClientRect().left - scroller.clientLeft + scroller.scrollLeft;
  }

  function offsetTop() {
    return svg.getBoundingClientRect().top - scroller.getBoundingClientRect().top - scroller.clientTop + scroller.scrollTop;
  }

  // Keys work while the diagram box or one of its nodes has focus; they never take a key a screen reader needs.
  scroller.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "+" || e.key === "=") zoomBy(1.25);
    else if (e.key === "-" || e.key === "_") zoomBy(1 / 1.25);
    else if (e.key === "0") { touched = true; setScale(1); }
    else return;
    e.preventDefault();
  });

  // Drag to pan with a mouse, starting anywhere but on a node (a node is a link and must stay clickable).
  let drag = null;
  scroller.addEventListener("pointerdown", (e) => {
    if (e.pointerType !== "mouse" || e.button !== 0 || e.target.closest("a, button, .node-tools")) return;
    drag = {x: e.clientX, y: e.clientY, left: scroller.scrollLeft, top: scroller.scrollTop, id: e.pointerId};
    scroller.setPointerCapture(e.pointerId);
    scroller.classList.add("is-panning");
  });
  scroller.addEventListener("pointermove", (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    scroller.scrollLeft = drag.left - (e.clientX - drag.x);
    scroller.scrollTop = drag.top - (e.clientY - drag.y);
  });
  const endDrag = (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    drag = null;
    scroller.classList.remove("is-panning");
  };
  scroller.addEventListener("pointerup", endDrag);
  scroller.addEventListener("pointercancel", endDrag);

  // A phone that shows the diagram starts with the whole width in view; the reader zooms in from there.
  function autoFit() {
    if (touched || scroller.clientWidth === 0) return;
    setScale(fitScale());
  }
  document.addEventListener("site-gen:view", (e) => {
    if (e.detail && e.detail.view === "diagram") autoFit();
  });
  window.addEventListener("resize", autoFit);
  autoFit();
}

const scroller = document.querySelector(".roadmap-views .diagram-scroll");
const svg = scroller && scroller.querySelector("svg.diagram");
if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width) ready(() => setUpZoom(scroller, svg));
