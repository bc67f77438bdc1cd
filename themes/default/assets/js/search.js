// site-gen search: a command palette (Ctrl/Cmd+K or "/") on every page, and a search box that filters the roadmap
// cards on the index. It reads the index that the build wrote under search/ (format: docs/search.md), loading only
// the files a query needs. The query algorithm is the twin of dev.sitegen.search.Searcher; keep the two in step.
// Results are built with createElement and textContent only: nothing from the content is ever parsed as HTML.
(function () {
  "use strict";

  var root = document.documentElement;
  var entryUrl = root.getAttribute("data-search");
  if (!entryUrl || !window.fetch || !window.DecompressionStream) return;

  // ---- Words: the twin of Tokenizer.java --------------------------------------------------------------------------
  var STOP = Object.create(null); // no prototype: "constructor" is a word, not a property
  ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of", "on", "or", "that",
    "the", "this", "to", "was", "with"].forEach(function (w) { STOP[w] = true; });
  var MAX_WORD = 40;
  var WORD = /[\p{L}\p{Nd}\p{Mn}]+/gu;

  function normalize(word) {
    if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
    return word.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
  }

  function tokens(text) {
    var out = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) out.push({ word: normalize(m[0]), start: m.index, end: m.index + m[0].length });
    return out;
  }

  function indexable(word) {
    return word.length >= 2 && word.length <= MAX_WORD && !STOP[word];
  }

  function words(text) {
    return tokens(text).map(function (t) { return t.word; }).filter(indexable);
  }

  // ---- Stemming: the twin of Stemmer.java (Snowball English, "Porter2") --------------------------------------------
  var EXCEPTIONS = { skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe", atlas: "atlas",
    cosmos: "cosmos", bias: "bias", andes: "andes" };
  var AFTER_1A = Object.create(null);
  ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"].forEach(function (w) { AFTER_1A[w] = true; });
  var STEP2 = [["ization", "ize"], ["ational", "ate"], ["fulness", "ful"], ["ousness", "ous"], ["iveness", "ive"],
    ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["entli", "ent"], ["ation", "ate"], ["alism", "al"],
    ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"], ["fulli", "ful"], ["enci", "ence"], ["anci", "ance"],
    ["abli", "able"], ["izer", "ize"], ["ator", "ate"], ["alli", "al"], ["bli", "ble"], ["ogi", "og"], ["li", ""]];
  var STEP3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"], ["ative", ""],
    ["ical", "ic"], ["ness", ""], ["ful", ""]];
  var STEP4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
    "ion", "al", "er", "ic"];

  function isVowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; }

  function region(w, from) {
    for (var i = from + 1; i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
    return w.length;
  }

  function r1Of(w) {
    if (w.indexOf("gener") === 0 || w.indexOf("arsen") === 0) return 5;
    if (w.indexOf("commun") === 0) return 6;
    return region(w, 0);
  }

  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }

  function hasVowel(w, end) {
    for (var i = 0; i < end; i++) if (isVowel(w[i])) return true;
    return false;
  }

  function shortSyllable(w, end) {
    if (end === 2) return isVowel(w[0]) && !isVowel(w[1]);
    if (end < 3) return false;
    var a = w[end - 3], b = w[end - 2], c = w[end - 1];
    return !isVowel(a) && isVowel(b) && !isVowel(c) && c !== "w" && c !== "x" && c !== "Y";
  }

  function stem(word) {
    if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) return EXCEPTIONS[word];
    var w = "";
    for (var i = 0; i < word.length; i++) {
      w += word[i] === "y" && (i === 0 || isVowel(word[i - 1])) ? "Y" : word[i];
    }
    var r1 = r1Of(w), r2 = region(w, r1), start, k, rule;
    // Step 1a
    if (ends(w, "sses")) w = w.slice(0, -2);
    else if (ends(w, "ied") || ends(w, "ies")) w = w.slice(0, -3) + (w.length > 4 ? "i" : "ie");
    else if (ends(w, "us") || ends(w, "ss")) { /* unchanged */ }
    else if (ends(w, "s") && hasVowel(w, w.length - 2)) w = w.slice(0, -1);
    if (AFTER_1A[w]) return w;
    // Step 1b
    if (ends(w, "eedly")) { if (w.length - 5 >= r1) w = w.slice(0, -5) + "ee"; }
    else if (ends(w, "eed")) { if (w.length - 3 >= r1) w = w.slice(0, -3) + "ee"; }
    else {
      var cut = ends(w, "ingly") ? 5 : ends(w, "edly") ? 4 : ends(w, "ing") ? 3 : ends(w, "ed") ? 2 : 0;
      if (cut > 0 && hasVowel(w, w.length - cut)) {
        w = w.slice(0, -cut);
        var n = w.length;
        if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) w += "e";
        else if (n >= 2 && w[n - 1] === w[n - 2] && "bdfgmnprt".indexOf(w[n - 1]) >= 0) w = w.slice(0, -1);
        else if (r1Of(w) >= w.length && shortSyllable(w, w.length)) w += "e";
      }
    }
    // Step 1c
    if (w.length > 2 && (ends(w, "y") || ends(w, "Y")) && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + "i";
    // Step 2
    for (k = 0; k < STEP2.length; k++) {
      rule = STEP2[k];
      if (!ends(w, rule[0])) continue;
      start = w.length - rule[0].length;
      if (start < r1) break;
      if (rule[0] === "ogi") { if (start > 0 && w[start - 1] === "l") w = w.slice(0, start) + "og"; }
      else if (rule[0] === "li") { if (start > 0 && "cdeghkmnrt".indexOf(w[start - 1]) >= 0) w = w.slice(0, start); }
      else w = w.slice(0, start) + rule[1];
      break;
    }
    // Step 3
    for (k = 0; k < STEP3.length; k++) {
      rule = STEP3[k];
      if (!ends(w, rule[0])) continue;
      start = w.length - rule[0].length;
      if (start < r1) break;
      if (rule[0] === "ative") { if (start >= r2) w = w.slice(0, start); }
      else w = w.slice(0, start) + rule[1];
      break;
    }
    // Step 4
    for (k = 0; k < STEP4.length; k++) {
      if (!ends(w, STEP4[k])) continue;
      start = w.length - STEP4[k].length;
      if (start < r2) break;
      if (STEP4[k] === "ion") { if (start > 0 && (w[start - 1] === "s" || w[start - 1] === "t")) w = w.slice(0, start); }
      else w = w.slice(0, start);
      break;
    }
    // Step 5
    var last = w[w.length - 1];
    if (last === "e") {
      if (w.length - 1 >= r2 || (w.length - 1 >= r1 && !shortSyllable(w, w.length - 1))) w = w.slice(0, -1);
    } else if (last === "l") {
      if (w.length - 1 >= r2 && w[w.length - 2] === "l") w = w.slice(0, -1);
    }
    return w.replace(/Y/g, "y");
  }

  // The word splitter and stemmer, for tests that hold them to their Java twins.
  window.siteGenSearch = Object.freeze({ words: words, stem: stem });

  // ---- The index files: the twin of Searcher.java and TermShard.java ----------------------------------------------
  var MAX_WORDS = 8, MAX_EXPANSIONS = 24, PREFIX_SHARDS = 2, TYPO_SHARDS = 4, TYPO_MIN = 5, TYPO_KEEP = 3;
  var EXACT = 1.0, PREFIX = 0.7, TYPO = 0.5;
  var baseUrl = new URL(entryUrl, document.baseURI);
  var files = {};
  var entryPromise = null;

  function load(path) {
    if (!files[path]) {
      files[path] = fetch(new URL(path, baseUrl)).then(function (r) {
        if (!r.ok) throw new Error("search index: " + path + " " + r.status);
        return r.arrayBuffer();
      }).then(function (buf) {
        var bytes = new Uint8Array(buf);
        // Gzip unless the server already decompressed it (Content-Encoding).
        if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
        var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
        return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
      });
    }
    return files[path];
  }

  var utf8 = new TextDecoder("utf-8");

  function entry() {
    if (!entryPromise) entryPromise = load("index.json").then(function (b) { return JSON.parse(utf8.decode(b)); });
    return entryPromise;
  }

  function decodeShard(b) {
    var at = 0;
    function varint() {
      var value = 0, shift = 0, x;
      do { x = b[at++]; value += (x & 0x7f) * Math.pow(2, shift); shift += 7; } while (x >= 0x80);
      return value;
    }
    function string() {
      var n = varint();
      var s = utf8.decode(b.subarray(at, at + n));
      at += n;
      return s;
    }
    var count = varint();
    var shard = { keys: new Array(count), stems: new Array(count), docs: new Array(count), weights: new Array(count), sections: new Array(count) };
    var previous = "";
    for (var i = 0; i < count; i++) {
      var key = previous.slice(0, varint()) + string();
      shard.keys[i] = key;
      var redirect = varint();
      shard.stems[i] = redirect > 0 ? key.slice(0, redirect - 1) + string() : null;
      var df = varint(), docs = new Array(df), last = 0;
      for (var k = 0; k < df; k++) { last += varint(); docs[k] = last; }
      shard.docs[i] = docs;
      shard.weights[i] = b.subarray(at, at + df);
      at += df;
      shard.sections[i] = b.subarray(at, at + df);
      at += df;
      previous = key;
    }
    return shard;
  }

  function find(keys, key) {
    var lo = 0, hi = keys.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >>> 1;
      if (keys[mid] < key) lo = mid + 1; else if (keys[mid] > key) hi = mid - 1; else return mid;
    }
    return -lo - 1;
  }

  function Searcher(e) {
    this.e = e;
    this.shards = {};
  }

  Searcher.prototype.shardOf = function (key) {
    var keys = this.e.shards, lo = 0, hi = keys.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >>> 1;
      if (keys[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  Searcher.prototype.shardsOf = function (from, to, max) {
    var out = [];
    for (var s = this.shardOf(from); s <= this.shardOf(to) && out.length < max; s++) out.push(s);
    return out;
  };

  Searcher.prototype.shard = function (i) {
    var self = this;
    if (!self.shards[i]) self.shards[i] = load(self.e.version + "/t" + i + ".bin").then(decodeShard);
    return self.shards[i];
  };

  // Loads the shards first, then answers synchronously from them, so the order of matches is the same as in Java.
  Searcher.prototype.withShards = function (list) {
    var self = this;
    return Promise.all(list.map(function (i) { return self.shard(i); })).then(function (loaded) {
      var m = {};
      list.forEach(function (i, k) { m[i] = loaded[k]; });
      return m;
    });
  };

  Searcher.prototype.target = function (shard, k) {
    var self = this;
    var s = shard.stems[k] !== null ? shard.stems[k] : shard.keys[k];
    if (s === shard.keys[k]) return Promise.resolve(shard.docs[k].length > 0 ? s : null);
    return self.shard(self.shardOf(s)).then(function (home) {
      var i = find(home.keys, s);
      return i >= 0 && home.docs[i].length > 0 ? s : null;
    });
  };

  function oneEditApart(a, b) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (i === la && i === lb) return true;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    if (la > lb) return a.slice(i + 1) === b.slice(i);
    return b.slice(i + 1) === a.slice(i);
  }

  // The stems a query word stands for: [[stem, factor], ...] in the order Java's LinkedHashMap keeps.
  Searcher.prototype.matches = function (word, prefix) {
    var self = this, s = stem(word), out = [], has = {};
    function put(t, f) { if (t !== null && !has[t]) { has[t] = true; out.push([t, f]); return true; } return false; }
    function scan(list, start, want, accept) {
      // Entries of the listed shards whose key starts with `start`, in key order: those that want(key) are resolved to
      // their stem and handed to accept(key, stem), which returns false to stop.
      return list.reduce(function (p, si) {
        return p.then(function () {
          return self.shard(si).then(function (shard) {
            var k = find(shard.keys, start);
            k = k < 0 ? -k - 1 : k;
            var chain = Promise.resolve(true);
            for (; k < shard.keys.length && shard.keys[k].indexOf(start) === 0; k++) {
              (function (kk) {
                chain = chain.then(function (go) {
                  if (!go) return false;
                  if (!want(shard.keys[kk])) return true;
                  return self.target(shard, kk).then(function (t) { return accept(shard.keys[kk], t); });
                });
              })(k);
            }
            return chain;
          });
        });
      }, Promise.resolve());
    }
    return self.shard(self.shardOf(s)).then(function (own) {
      var i = find(own.keys, s);
      if (i >= 0 && own.docs[i].length > 0) put(s, EXACT);
      var expansions = 0;
      var prefixes = prefix ? self.shardsOf(word, word + "\uffff", PREFIX_SHARDS) : [];
      return scan(prefixes, word, function () { return true; }, function (key, t) {
        if (expansions >= MAX_EXPANSIONS) return false;
        if (t !== null && put(t, has[s] ? PREFIX / 2 : PREFIX)) expansions++;
        return true;
      });
    }).then(function () {
      if (out.length > 0 || word.length < TYPO_MIN) return out;
      var start = word.slice(0, TYPO_KEEP);
      return scan(self.shardsOf(start, start + "\uffff", TYPO_SHARDS), start, function (key) { return oneEditApart(word, key); }, function (key, t) {
        put(t, TYPO);
        return true;
      }).then(function () { return out; });
    });
  };

  Searcher.prototype.doc = function (doc) {
    var per = this.e.docsPerFile, file = Math.floor(doc / per);
    return load(this.e.version + "/d" + file + ".bin").then(function (b) { return JSON.parse(utf8.decode(b))[doc - file * per]; });
  };

  // Resolves to { docs: [doc numbers in rank order], total, roadmaps: {id: true}, results: [first `limit`] }.
  Searcher.prototype.answer = function (query, limit) {
    var self = this, e = self.e;
    var list = [];
    words(query).forEach(function (w) { if (list.indexOf(w) < 0) list.push(w); });
    list = list.slice(0, MAX_WORDS);
    if (list.length === 0) return Promise.resolve({ docs: [], roadmaps: {}, results: [] });
    var n = e.docs, scores = new Map(), stems = Object.create(null);
    return list.reduce(function (p, word, w) {
      return p.then(function () {
        return self.matches(word, w === list.length - 1).then(function (matched) {
          matched.forEach(function (m) { stems[m[0]] = true; });
          return Promise.all(matched.map(function (m) { return self.shard(self.shardOf(m[0])); })).then(function (homes) {
            var best = new Map();
            matched.forEach(function (m, j) {
              var shard = homes[j], i = find(shard.keys, m[0]), docs = shard.docs[i];
              var idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5));
              for (var k = 0; k < docs.length; k++) {
                var c = idf * shard.weights[i][k] / 255.0 * m[1];
                var b = best.get(docs[k]);
                if (b === undefined || c > b[0]) best.set(docs[k], [c, shard.sections[i][k]]);
              }
            });
            best.forEach(function (v, doc) {
              var s = scores.get(doc);
              if (!s) { s = [0, 0, -1, 0]; scores.set(doc, s); }
              s[0]++;
              s[1] += v[0];
              if (v[0] > s[2]) { s[2] = v[0]; s[3] = v[1]; }
            });
          });
        });
      });
    }, Promise.resolve()).then(function () {
      var most = 0;
      scores.forEach(function (s) { if (s[0] > most) most = s[0]; });
      var docs = [];
      scores.forEach(function (s, doc) { if (s[0] === most) docs.push(doc); });
      docs.sort(function (a, b) { return scores.get(b)[1] - scores.get(a)[1] || a - b; });
      var roadmaps = {};
      docs.forEach(function (doc) {
        e.roadmaps.forEach(function (run) { if (doc >= run[1] && doc < run[2]) roadmaps[run[0]] = true; });
      });
      var shown = docs.slice(0, limit);
      return Promise.all(shown.map(function (doc) { return self.doc(doc); })).then(function (ds) {
        return {
          docs: docs, roadmaps: roadmaps,
          results: ds.map(function (d, j) { return result(d, scores.get(shown[j])[3], stems); })
        };
      });
    });
  };

  // ---- Snippets: the twin of Snippet.java ----------------------------------------------------------------------------
  var BEFORE = 50, LENGTH = 180;

  function cut(text, max) {
    if (text.length <= max) return text;
    var end = text.lastIndexOf(" ", max);
    return (end <= 0 ? text.slice(0, max) : text.slice(0, end)) + " …";
  }

  function snippet(text, stems) {
    var ts = tokens(text), first = -1, i;
    function matches(t) { return indexable(t.word) && stems[stem(t.word)] === true; }
    for (i = 0; i < ts.length && first < 0; i++) if (matches(ts[i])) first = i;
    if (first < 0) return null;
    var from = 0;
    if (ts[first].start > BEFORE) {
      var want = ts[first].start - BEFORE, k = first;
      while (k > 0 && ts[k - 1].start >= want) k--;
      from = ts[k].start;
    }
    var to = text.length;
    if (to - from > LENGTH) {
      to = from + LENGTH;
      for (i = 0; i < ts.length; i++) if (ts[i].start < to && ts[i].end > to) { to = ts[i].start; break; }
    }
    var parts = [];
    if (from > 0) parts.push(["… ", false]);
    var at = from;
    ts.forEach(function (t) {
      if (t.start < from || t.end > to || !matches(t)) return;
      if (t.start > at) parts.push([text.slice(at, t.start), false]);
      parts.push([text.slice(t.start, t.end), true]);
      at = t.end;
    });
    var rest = text.slice(at, to).replace(/\s+$/, "");
    if (rest) parts.push([rest, false]);
    if (to < text.length) parts.push([" …", false]);
    return parts;
  }

  function result(d, section, stems) {
    var heading = null, headingUrl = null, snip = null, s = d.s;
    if (section < s.length) {
      if (s[section][0]) { heading = s[section][1]; headingUrl = d.u + "#" + s[section][0]; }
      snip = snippet(s[section][2], stems);
    }
    if (!snip) snip = snippet(d.d, stems);
    for (var k = 0; !snip && k < s.length; k++) snip = snippet(s[k][2], stems);
    if (!snip) { var plain = cut(d.d, LENGTH); snip = plain ? [[plain, false]] : []; }
    return { url: d.u, title: d.t, kind: d.k, roadmap: d.r || null, heading: heading, headingUrl: headingUrl, snippet: snip };
  }

  var searcher = null;
  function search(query, limit) {
    return entry().then(function (e) {
      if (e.format !== 1) throw new Error("search index format " + e.format);
      if (!searcher) searcher = new Searcher(e);
      return searcher.answer(query, limit);
    });
  }

  // ---- The user interface ------------------------------------------------------------------------------------------
  var LIMIT = 8;
  var KINDS = { roadmap: "Roadmap", topic: "Topic", guide: "Guide" };
  var uid = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function countText(n) {
    return n === 0 ? "No results" : n === 1 ? "1 result" : n + " results";
  }

  // Wires a text input as an ARIA combobox over a listbox of results; onAnswer sees each answer (or null when cleared).
  function searchBox(input, listbox, status, onAnswer) {
    var id = "search-" + (++uid);
    listbox.id = id + "-list";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", "Search results");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var options = [], active = -1, seq = 0, timer = null;

    function setActive(i) {
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = i;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[active].id);
        if (options[active].scrollIntoView) options[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(option) {
      window.location.href = option.getAttribute("data-href");
    }

    function show(answer) {
      listbox.textContent = "";
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      answer.results.forEach(function (r, i) {
        var li = el("li", "search-result");
        li.id = id + "-opt-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-href", r.headingUrl || r.url);
        var head = el("span", "search-result-title", r.title);
        var meta = el("span", "search-result-meta", [KINDS[r.kind] || r.kind, r.roadmap && r.kind !== "roadmap" ? r.roadmap : null,
          r.heading].filter(Boolean).join(" · "));
        var text = el("span", "search-result-snippet");
        r.snippet.forEach(function (p) { text.appendChild(p[1] ? el("mark", null, p[0]) : document.createTextNode(p[0])); });
        li.appendChild(head);
        li.appendChild(meta);
        li.appendChild(text);
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
        li.addEventListener("click", function () { go(li); });
        listbox.appendChild(li);
        options.push(li);
      });
      var total = answer.docs.length;
      status.textContent = countText(total) + (total > options.length ? ", showing the first " + options.length : "");
      input.setAttribute("aria-expanded", String(options.length > 0));
      listbox.hidden = options.length === 0;
    }

    function run() {
      var q = input.value;
      var mine = ++seq;
      if (!q.trim()) {
        listbox.textContent = "";
        listbox.hidden = true;
        options = [];
        active = -1;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        status.textContent = "";
        if (onAnswer) onAnswer(null);
        return;
      }
      search(q, LIMIT).then(function (answer) {
        if (mine !== seq) return; // a newer query is on its way
        show(answer);
        if (onAnswer) onAnswer(answer);
      }, function () {
        if (mine !== seq) return;
        status.textContent = "Search is not available right now.";
      });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 60);
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown" && options.length) {
        ev.preventDefault();
        setActive(active < options.length - 1 ? active + 1 : 0);
      } else if (ev.key === "ArrowUp" && options.length) {
        ev.preventDefault();
        setActive(active > 0 ? active - 1 : options.length - 1);
      } else if (ev.key === "Enter" && options.length) {
        ev.preventDefault();
        go(options[active >= 0 ? active : 0]);
      }
    });
    return { run: run };
  }

  // The palette: a modal dialog made on first use; Escape closes it (the dialog does that itself).
  var palette = null;
  function openPalette() {
    if (!palette) {
      var dialog = el("dialog", "search-palette");
      dialog.setAttribute("aria-label", "Search");
      var label = el("label", "search-label", "Search this site");
      var input = el("input", "search-input");
      input.type = "search";
      input.id = "search-palette-input";
      input.placeholder = "Search topics, roadmaps and guides";
      label.htmlFor = input.id;
      var status = el("p", "search-status");
      var list = el("ul", "search-results");
      list.hidden = true;
      var hint = el("p", "search-hint", "↑ ↓ to choose, Enter to open, Esc to close");
      dialog.appendChild(label);
      dialog.appendChild(input);
      dialog.appendChild(status);
      dialog.appendChild(list);
      dialog.appendChild(hint);
      dialog.addEventListener("click", function (ev) { if (ev.target === dialog) dialog.close(); });
      // In a search field the first Escape would only clear the text; in the palette it closes it at once.
      input.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { ev.preventDefault(); dialog.close(); } });
      document.body.appendChild(dialog);
      searchBox(input, list, status, null);
      palette = { dialog: dialog, input: input };
    }
    if (!palette.dialog.open) palette.dialog.showModal();
    palette.input.focus();
    palette.input.select();
    entry(); // start loading the entry while the user types
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (ev) {
    if ((ev.key === "k" || ev.key === "K") && (ev.ctrlKey || ev.metaKey) && !ev.altKey) {
      ev.preventDefault();
      openPalette();
    } else if (ev.key === "/" && !ev.ctrlKey && !ev.metaKey && !ev.altKey && !typing(ev.target)) {
      ev.preventDefault();
      openPalette();
    }
  });

  function setUp() {
    var mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
    document.querySelectorAll("[data-search-open]").forEach(function (button) {
      button.hidden = false;
      var kbd = button.querySelector("kbd");
      if (kbd && mac) kbd.textContent = "⌘K";
      button.addEventListener("click", openPalette);
    });
    // The index page: one box that searches and narrows the roadmap cards to those with matching pages.
    var box = document.querySelector("[data-search-inline]");
    var cards = document.querySelectorAll("#roadmap-cards li.card[data-roadmap]");
    if (box) {
      var input = box.querySelector("input");
      var list = box.querySelector(".search-results");
      var status = box.querySelector(".search-status");
      box.hidden = false;
      searchBox(input, list, status, function (answer) {
        cards.forEach(function (card) {
          card.hidden = answer !== null && !answer.roadmaps[card.getAttribute("data-roadmap")];
        });
      });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
