// Progress, local-first: each topic of a roadmap can be marked done, in progress or skipped. Nothing leaves the
// browser; the marks live in localStorage under "site-gen:<base path>:progress:<roadmap id>", as
//   {"version": 1, "roadmap": "backend", "total": 30, "nodes": {"http": "done", "git": "doing", "css": "skipped"}}
// Every change is announced as a "site-gen:progress" event with {roadmap, node, state} (node and state null when
// many changed at once, roadmap null when it could be any).
import {emit} from "./dom.js";
import {storage} from "./storage.js";

export const STATES = ["done", "doing", "skipped"];
export const STATE_TEXT = {"": "not started", done: "done", doing: "in progress", skipped: "skipped"};

let cache = {};
const totals = {};

/** A roadmap's marks: {nodes: {id: state}, total: topics on the roadmap, or null if never seen}. */
export function read(roadmap) {
  if (cache[roadmap]) return cache[roadmap];
  const record = {nodes: {}, total: null};
  const raw = storage.get("progress:" + roadmap);
  if (raw) {
    try {
      const data = JSON.parse(raw);
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
  const record = {nodes, total: totals[roadmap] || read(roadmap).total};
  cache[roadmap] = record;
  if (Object.keys(nodes).length === 0) {
    storage.remove("progress:" + roadmap);
  } else {
    storage.set("progress:" + roadmap, JSON.stringify({version: 1, roadmap, total: record.total,
      updated: new Date().toISOString(), nodes}));
  }
}

/** Keeps the entries whose value is a known state; says how many were dropped. */
export function cleanStates(nodes) {
  const states = {};
  let invalid = 0;
  if (nodes && typeof nodes === "object" && !Array.isArray(nodes)) {
    Object.keys(nodes).forEach((id) => {
      if (STATES.includes(nodes[id])) states[id] = nodes[id];
      else invalid++;
    });
  }
  return {states, invalid};
}

/** A topic's state: "done", "doing", "skipped" or "" (not started). */
export function stateOf(roadmap, node) {
  return read(roadmap).nodes[node] || "";
}

/** Marks one topic; "" clears its mark. */
export function setState(roadmap, node, state) {
  const nodes = Object.assign({}, read(roadmap).nodes);
  if (state) nodes[node] = state;
  else delete nodes[node];
  write(roadmap, nodes);
  emit("progress", {roadmap, node, state});
}

/** Replaces every mark of a roadmap at once (import, reset). */
export function replaceAll(roadmap, nodes) {
  write(roadmap, nodes);
  emit("progress", {roadmap, node: null, state: null});
}

/** Records how many topics a roadmap has, stored with its marks so the index page can say "5 of 30 done". */
export function setTotal(roadmap, total) {
  totals[roadmap] = total;
  const record = read(roadmap);
  if (Object.keys(record.nodes).length && record.total !== total) write(roadmap, record.nodes);
}

// Another tab marked something: drop the cached copy and redraw.
window.addEventListener("storage", (e) => {
  const prefix = storage.key("progress:");
  if (e.key === null || (e.key && e.key.startsWith(prefix))) {
    cache = {};
    emit("progress", {roadmap: e.key ? e.key.substring(prefix.length) : null, node: null, state: null});
  }
});
