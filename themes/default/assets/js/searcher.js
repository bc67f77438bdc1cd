// Answering a query from the index files, loading only those it needs: the twin of Searcher.java, step for step,
// so that both rank alike (SearchBrowserTest compares them). Ranking is described in docs/search.md.
import {entry, find, loadDocs, loadShard} from "./shards.js";
import {result} from "./snippet.js";
import {stem} from "./stem.js";
import {words} from "./words.js";

const MAX_WORDS = 8, MAX_EXPANSIONS = 24, PREFIX_SHARDS = 2, TYPO_SHARDS = 4, TYPO_MIN = 5, TYPO_KEEP = 3;
const EXACT = 1.0, PREFIX = 0.7, TYPO = 0.5;

/** True when one letter added, removed or changed, or two neighbours swapped, turn a into b. */
function oneEditApart(a, b) {
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (i === la && i === lb) return true;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  if (la > lb) return a.slice(i + 1) === b.slice(i);
  return b.slice(i + 1) === a.slice(i);
}

class Searcher {
  constructor(e) {
    this.e = e;
    this.shards = {};
  }

  shardOf(key) {
    const keys = this.e.shards;
    let lo = 0, hi = keys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (keys[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  shardsOf(from, to, max) {
    const out = [];
    for (let s = this.shardOf(from); s <= this.shardOf(to) && out.length < max; s++) out.push(s);
    return out;
  }

  shard(i) {
    if (!this.shards[i]) this.shards[i] = loadShard(this.e.version, i);
    return this.shards[i];
  }

  /** The stem an entry stands for, if that stem has postings: itself or the stem it redirects to. */
  async target(shard, k) {
    const s = shard.stems[k] !== null ? shard.stems[k] : shard.keys[k];
    if (s === shard.keys[k]) return shard.docs[k].length > 0 ? s : null;
    const home = await this.shard(this.shardOf(s));
    const i = find(home.keys, s);
    return i >= 0 && home.docs[i].length > 0 ? s : null;
  }

  /** The stems a query word stands for, each with how well it matches: a Map in the order Java's LinkedHashMap keeps. */
  async matches(word, prefix) {
    const out = new Map();
    const s = stem(word);
    const own = await this.shard(this.shardOf(s));
    const i = find(own.keys, s);
    if (i >= 0 && own.docs[i].length > 0) out.set(s, EXACT);

    let expansions = 0;
    for (const si of prefix ? this.shardsOf(word, word + "\uffff", PREFIX_SHARDS) : []) {
      const shard = await this.shard(si);
      const from = find(shard.keys, word);
      for (let k = from < 0 ? -from - 1 : from; k < shard.keys.length && shard.keys[k].startsWith(word); k++) {
        if (expansions >= MAX_EXPANSIONS) break;
        const t = await this.target(shard, k);
        if (t !== null && !out.has(t)) {
          out.set(t, out.has(s) ? PREFIX / 2 : PREFIX);
          expansions++;
        }
      }
    }
    if (out.size === 0 && word.length >= TYPO_MIN) {
      const start = word.slice(0, TYPO_KEEP);
      for (const si of this.shardsOf(start, start + "\uffff", TYPO_SHARDS)) {
        const shard = await this.shard(si);
        const from = find(shard.keys, start);
        for (let k = from < 0 ? -from - 1 : from; k < shard.keys.length && shard.keys[k].startsWith(start); k++) {
          if (!oneEditApart(word, shard.keys[k])) continue;
          const t = await this.target(shard, k);
          if (t !== null && !out.has(t)) out.set(t, TYPO);
        }
      }
    }
    return out;
  }

  doc(doc) {
    const per = this.e.docsPerFile, file = Math.floor(doc / per);
    return loadDocs(this.e.version, file).then((list) => list[doc - file * per]);
  }

  /** {docs: [doc numbers in rank order], roadmaps: {id: true}, results: [the first `limit`]}. */
  async answer(query, limit) {
    const list = Array.from(new Set(words(query))).slice(0, MAX_WORDS);
    const roadmaps = Object.create(null);
    if (list.length === 0) return {docs: [], roadmaps, results: []};
    const n = this.e.docs, scores = new Map(), stems = Object.create(null);
    for (let w = 0; w < list.length; w++) {
      const matched = Array.from(await this.matches(list[w], w === list.length - 1));
      matched.forEach(([t]) => { stems[t] = true; });
      const homes = await Promise.all(matched.map(([t]) => this.shard(this.shardOf(t))));
      // Per document, the best match of this word: [score, section].
      const best = new Map();
      matched.forEach(([t, factor], j) => {
        const shard = homes[j], i = find(shard.keys, t), docs = shard.docs[i];
        const idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5));
        for (let k = 0; k < docs.length; k++) {
          const c = idf * shard.weights[i][k] / 255.0 * factor;
          const b = best.get(docs[k]);
          if (b === undefined || c > b[0]) best.set(docs[k], [c, shard.sections[i][k]]);
        }
      });
      // Per document: [words matched, total score, best score, its section].
      best.forEach(([c, section], doc) => {
        let s = scores.get(doc);
        if (!s) { s = [0, 0, -1, 0]; scores.set(doc, s); }
        s[0]++;
        s[1] += c;
        if (c > s[2]) { s[2] = c; s[3] = section; }
      });
    }
    let most = 0;
    scores.forEach((s) => { if (s[0] > most) most = s[0]; });
    const docs = [];
    scores.forEach((s, doc) => { if (s[0] === most) docs.push(doc); });
    docs.sort((a, b) => scores.get(b)[1] - scores.get(a)[1] || a - b);
    docs.forEach((doc) => {
      this.e.roadmaps.forEach(([id, from, to]) => { if (doc >= from && doc < to) roadmaps[id] = true; });
    });
    const shown = docs.slice(0, limit);
    const ds = await Promise.all(shown.map((doc) => this.doc(doc)));
    return {docs, roadmaps, results: ds.map((d, j) => result(d, scores.get(shown[j])[3], stems))};
  }
}

let searcher = null;

/** Answers a query with its first `limit` results; the index's entry file is loaded on first use. */
export async function search(query, limit) {
  const e = await entry();
  if (e.format !== 1) throw new Error("search index format " + e.format);
  if (!searcher) searcher = new Searcher(e);
  return searcher.answer(query, limit);
}
