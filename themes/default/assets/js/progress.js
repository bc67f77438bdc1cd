// Progress tracking, on roadmap pages, topic pages and the index. The marks are kept by store.js; this entry module
// wires them into each kind of page: roadmap.js for a roadmap, a control group in a topic page's header, and a
// summary on each roadmap's card on the index (cards.js).
import {controls} from "./controls.js";
import {ready} from "./dom.js";
import {setUpCards} from "./cards.js";
import {setUpRoadmap} from "./roadmap.js";

function setUpTopic() {
  const article = document.querySelector("article.topic[data-roadmap][data-node]");
  const head = article && article.querySelector(".page-head");
  if (!head) return;
  const h1 = head.querySelector("h1");
  head.appendChild(controls(article.getAttribute("data-roadmap"), article.getAttribute("data-node"),
    h1 ? h1.textContent.trim() : article.getAttribute("data-node")));
}

ready(() => {
  setUpRoadmap();
  setUpTopic();
  setUpCards();
});
