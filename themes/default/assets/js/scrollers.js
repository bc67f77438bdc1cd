// Code blocks and tables that scroll sideways get a tab stop, so keyboard users can scroll them too (with the arrow
// keys once focused). Only those that overflow: a tab stop on every code block would be noise.

/** Gives the code blocks and tables below root that overflow a tab stop, and takes it from those that no longer do. */
export function makeScrollersFocusable(root) {
  (root || document).querySelectorAll(".prose pre, .prose table").forEach((el) => {
    const scrolls = el.scrollWidth > el.clientWidth + 1;
    if (scrolls && !el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "0");
      el.setAttribute("data-scroll-focus", "");
    } else if (!scrolls && el.hasAttribute("data-scroll-focus")) {
      el.removeAttribute("tabindex");
      el.removeAttribute("data-scroll-focus");
    }
  });
}

/** Keeps the page's scrollers focusable as the window is resized. */
export function setUpScrollers() {
  makeScrollersFocusable(document);
  let timer = null;
  window.addEventListener("resize", () => {
    clearTimeout(timer);
    timer = setTimeout(() => makeScrollersFocusable(document), 200);
  });
}
