// A result as the interface shows it, with its snippet: the twin of Snippet.java. A snippet is up to 180 characters
// around the first matching word, as parts [text, isMatch]; the interface makes <mark> elements of the matches.
import {indexable, tokens} from "./words.js";
import {stem} from "./stem.js";

const BEFORE = 50, LENGTH = 180;

function cut(text, max) {
  if (text.length <= max) return text;
  const end = text.lastIndexOf(" ", max);
  return (end <= 0 ? text.slice(0, max) : text.slice(0, end)) + " …";
}

/** The snippet of text around the first word whose stem is one of stems ({stem: true}), or null if none is there. */
function snippet(text, stems) {
  const ts = tokens(text);
  const matches = (t) => indexable(t.word) && stems[stem(t.word)] === true;
  const first = ts.findIndex(matches);
  if (first < 0) return null;
  let from = 0;
  if (ts[first].start > BEFORE) {
    const want = ts[first].start - BEFORE;
    let k = first;
    while (k > 0 && ts[k - 1].start >= want) k--;
    from = ts[k].start;
  }
  let to = text.length;
  if (to - from > LENGTH) {
    to = from + LENGTH;
    const split = ts.find((t) => t.start < to && t.end > to);
    if (split) to = split.start;
  }
  const parts = [];
  if (from > 0) parts.push(["… ", false]);
  let at = from;
  ts.forEach((t) => {
    if (t.start < from || t.end > to || !matches(t)) return;
    if (t.start > at) parts.push([text.slice(at, t.start), false]);
    parts.push([text.slice(t.start, t.end), true]);
    at = t.end;
  });
  const rest = text.slice(at, to).replace(/\s+$/, "");
  if (rest) parts.push([rest, false]);
  if (to < text.length) parts.push([" …", false]);
  return parts;
}

/** A document d of the index as a result, linking to `section` when it has a heading. */
export function result(d, section, stems) {
  let heading = null, headingUrl = null, snip = null;
  const s = d.s;
  if (section < s.length) {
    if (s[section][0]) { heading = s[section][1]; headingUrl = d.u + "#" + s[section][0]; }
    snip = snippet(s[section][2], stems);
  }
  if (!snip) snip = snippet(d.d, stems);
  for (let k = 0; !snip && k < s.length; k++) snip = snippet(s[k][2], stems);
  if (!snip) {
    const plain = cut(d.d, LENGTH);
    snip = plain ? [[plain, false]] : [];
  }
  return {url: d.u, title: d.t, kind: d.k, roadmap: d.r || null, heading, headingUrl, snippet: snip};
}
