// site-gen dev server: reloads the page after a rebuild, and shows build problems over the last good page.
// Added by the dev server to the HTML it serves; never part of a built site.
(function () {
  "use strict";
  var overlay = null;

  function show(problems) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "site-gen-problems";
      overlay.setAttribute("role", "alert");
      var s = overlay.style;
      s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
      s.background = "rgba(20, 20, 24, 0.94)"; s.color = "#fff"; s.padding = "2rem";
      s.font = "14px/1.5 ui-monospace, Menlo, Consolas, monospace";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var title = document.createElement("h2");
    title.textContent = "site-gen: the build failed (" + problems.length + (problems.length === 1 ? " problem" : " problems") + ")";
    title.style.color = "#ff8a80";
    overlay.appendChild(title);
    var list = document.createElement("ul");
    problems.forEach(function (p) {
      var item = document.createElement("li");
      item.textContent = p;
      item.style.margin = "0.5rem 0";
      list.appendChild(item);
    });
    overlay.appendChild(list);
    var note = document.createElement("p");
    note.textContent = "Fix the file and save: this page reloads by itself. Below is the last good version.";
    overlay.appendChild(note);
  }

  var events = new EventSource("/__site-gen/events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("problems", function (e) {
    try { show(JSON.parse(e.data)); } catch (err) { show([String(e.data)]); }
  });
})();
