// Moving progress between browsers: export a roadmap's marks to a JSON file, import such a file, or reset the marks.
// The file holds
//   {"format": "site-gen-progress", "version": 1, "roadmap": "backend", "site": "https://example.org/learn/",
//    "exported": "2025-01-31T12:00:00.000Z", "total": 30, "progress": {"http": "done", "git": "doing"}}
import {h} from "./dom.js";
import {say} from "./panel.js";
import {base} from "./storage.js";
import {cleanStates, read, replaceAll} from "./store.js";

const FORMAT = "site-gen-progress";

function marked(n) {
  return n + (n === 1 ? " marked topic" : " marked topics");
}

/** Downloads the roadmap's marks as a file. */
export function exportFile(roadmap) {
  const record = read(roadmap);
  const data = {format: FORMAT, version: 1, roadmap, site: location.origin + base,
    exported: new Date().toISOString(), total: record.total, progress: record.nodes};
  const blob = new Blob([JSON.stringify(data, null, 2) + "\n"], {type: "application/json"});
  const url = URL.createObjectURL(blob);
  const name = "progress-" + roadmap + "-" + data.exported.substring(0, 10) + ".json";
  const a = h("a", {href: url, download: name, hidden: true});
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  say("Exported " + marked(Object.keys(record.nodes).length) + " to " + name + ".");
}

/** Reads an exported file into the roadmap's marks; known is {id: true} for the roadmap's topics. */
export function importFile(roadmap, known, file) {
  if (file.size > 1024 * 1024) {
    say("“" + file.name + "” is too large to be a progress file.", true);
    return;
  }
  file.text().then((text) => {
    const result = parseExport(text, roadmap, known);
    if (result.error) {
      say("Could not import “" + file.name + "”: " + result.error, true);
      return;
    }
    replaceAll(roadmap, result.states);
    const notes = [];
    if (result.unknown) notes.push(result.unknown + (result.unknown === 1 ? " topic" : " topics") + " not on this roadmap");
    if (result.invalid) notes.push(result.invalid + (result.invalid === 1 ? " entry" : " entries") + " with an unknown state");
    say("Imported " + marked(Object.keys(result.states).length) + " from “" + file.name + "”." +
      (notes.length ? " Ignored " + notes.join(" and ") + "." : ""));
  }, () => {
    say("Could not read “" + file.name + "”.", true);
  });
}

/** Checks an exported file: the right format and roadmap; ids not in this roadmap and unknown states are dropped. */
function parseExport(text, roadmap, known) {
  let data;
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
  const states = {};
  let unknown = 0;
  const cleaned = cleanStates(data.progress);
  Object.keys(cleaned.states).forEach((id) => {
    if (known[id]) states[id] = cleaned.states[id];
    else unknown++;
  });
  return {states, unknown, invalid: cleaned.invalid};
}

/** Clears the roadmap's marks, once the reader confirms; title names the roadmap in the question. */
export function reset(roadmap, title) {
  const n = Object.keys(read(roadmap).nodes).length;
  if (n === 0) {
    say("Nothing to reset: no topic is marked yet.");
    return;
  }
  if (!window.confirm("Reset your progress on “" + title + "”? This clears " + marked(n) + " in this browser.")) return;
  replaceAll(roadmap, {});
  say("Progress reset: no topic is marked.");
}
