// Icons on a 20×20 grid, drawn with currentColor so they follow the text colour in light and dark mode.
// Each is a list of [tag, attributes]; shapes with class "fill" are filled, the rest are stroked.
import {s} from "./dom.js";

const ICONS = {
  check: [["path", {d: "M4.5 10.5l3.5 3.5 7.5-8"}]],
  half: [["circle", {cx: 10, cy: 10, r: 6.5}], ["path", {class: "fill", d: "M10 3.5a6.5 6.5 0 0 1 0 13z"}]],
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
export function icon(name) {
  return s("svg", {class: "icon icon-" + name, viewBox: "0 0 20 20", width: 20, height: 20, "aria-hidden": "true", focusable: "false"},
    ICONS[name].map(([tag, attrs]) => s(tag, attrs)));
}

/** The same icon as SVG shapes to place inside another SVG (the roadmap diagram). */
export function iconShapes(name) {
  return s("g", {class: "icon icon-" + name}, ICONS[name].map(([tag, attrs]) => s(tag, attrs)));
}
