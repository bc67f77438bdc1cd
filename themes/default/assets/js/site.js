// site-gen default theme script, on every page. Progressive enhancement only: every page works without it.
// An ES module from our own origin, with no inline script, so pages work under a strict Content-Security-Policy.
// Module scripts run in document order once the page is parsed; this one comes first, so the roadmap's Diagram/List
// toggle is in place before progress.js puts its panel in front of it.
import {ready} from "./dom.js";
import {setUpSchemeToggle} from "./scheme.js";
import {setUpScrollers} from "./scrollers.js";
import {setUpViewToggle} from "./views.js";

ready(() => {
  setUpViewToggle();
  setUpScrollers();
  setUpSchemeToggle();
});
