// The theme's storage in localStorage. Keys carry the site's base path, "site-gen:<base>:<name>": two sites on one host
// (example.org/a/ and example.org/b/) share localStorage. theme.js reads the "theme" key the same way.

/** The site's base path, from <html data-base>: "/" or "/learn/". */
export const base = document.documentElement.getAttribute("data-base") || "/";

function key(name) {
  return "site-gen:" + base + ":" + name;
}

// localStorage throws when it is switched off or full; what is stored then lasts only as long as the page.
export const storage = {
  get(name) {
    try { return window.localStorage.getItem(key(name)); } catch (e) { return null; }
  },
  set(name, value) {
    try { window.localStorage.setItem(key(name), value); return true; } catch (e) { return false; }
  },
  remove(name) {
    try { window.localStorage.removeItem(key(name)); } catch (e) { /* nothing stored */ }
  },
  key
};
