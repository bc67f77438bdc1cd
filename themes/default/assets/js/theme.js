// A classic script, not a deferred module: it must set <html data-theme> before the first paint, or a saved choice would flash.
// It only reads the choice; the toggle button is scheme.js. Key as in storage.js: "site-gen:<base path>:theme".
(() => {
  const root = document.documentElement;
  let choice = null;
  try {
    choice = window.localStorage.getItem("site-gen:" + (root.getAttribute("data-base") || "/") + ":theme");
  } catch (e) { /* storage may be off: the system's scheme applies */ }
  if (choice === "light" || choice === "dark") root.setAttribute("data-theme", choice);
})();
