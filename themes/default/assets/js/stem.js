// Stemming: the twin of Stemmer.java (Snowball English, "Porter2"), step for step. StemmerTest pins the Java one to
// the reference table, and SearchBrowserTest holds this one to it on every word of the example content.

// Maps without a prototype: "constructor" is a word, not a property.
const EXCEPTIONS = new Map(Object.entries({skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie",
  idly: "idl", gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news",
  howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes"}));
const AFTER_1A = new Set(["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]);
const STEP2 = [["ization", "ize"], ["ational", "ate"], ["fulness", "ful"], ["ousness", "ous"], ["iveness", "ive"],
  ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["entli", "ent"], ["ation", "ate"], ["alism", "al"],
  ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"], ["fulli", "ful"], ["enci", "ence"], ["anci", "ance"],
  ["abli", "able"], ["izer", "ize"], ["ator", "ate"], ["alli", "al"], ["bli", "ble"], ["ogi", "og"], ["li", ""]];
const STEP3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"], ["ative", ""],
  ["ical", "ic"], ["ness", ""], ["ful", ""]];
const STEP4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
  "ion", "al", "er", "ic"];

function isVowel(c) {
  return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y";
}

function region(w, from) {
  for (let i = from + 1; i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
  return w.length;
}

function r1Of(w) {
  if (w.startsWith("gener") || w.startsWith("arsen")) return 5;
  if (w.startsWith("commun")) return 6;
  return region(w, 0);
}

function hasVowel(w, end) {
  for (let i = 0; i < end; i++) if (isVowel(w[i])) return true;
  return false;
}

function shortSyllable(w, end) {
  if (end === 2) return isVowel(w[0]) && !isVowel(w[1]);
  if (end < 3) return false;
  const a = w[end - 3], b = w[end - 2], c = w[end - 1];
  return !isVowel(a) && isVowel(b) && !isVowel(c) && c !== "w" && c !== "x" && c !== "Y";
}

/** The stem of a word from words(): "connections" → "connect". Words with other than a-z are their own stem. */
export function stem(word) {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  if (EXCEPTIONS.has(word)) return EXCEPTIONS.get(word);
  let w = "";
  for (let i = 0; i < word.length; i++) {
    w += word[i] === "y" && (i === 0 || isVowel(word[i - 1])) ? "Y" : word[i];
  }
  const r1 = r1Of(w), r2 = region(w, r1);
  // Step 1a
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ied") || w.endsWith("ies")) w = w.slice(0, -3) + (w.length > 4 ? "i" : "ie");
  else if (w.endsWith("us") || w.endsWith("ss")) { /* unchanged */ }
  else if (w.endsWith("s") && hasVowel(w, w.length - 2)) w = w.slice(0, -1);
  if (AFTER_1A.has(w)) return w;
  // Step 1b
  if (w.endsWith("eedly")) { if (w.length - 5 >= r1) w = w.slice(0, -5) + "ee"; }
  else if (w.endsWith("eed")) { if (w.length - 3 >= r1) w = w.slice(0, -3) + "ee"; }
  else {
    const cut = w.endsWith("ingly") ? 5 : w.endsWith("edly") ? 4 : w.endsWith("ing") ? 3 : w.endsWith("ed") ? 2 : 0;
    if (cut > 0 && hasVowel(w, w.length - cut)) {
      w = w.slice(0, -cut);
      const n = w.length;
      if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
      else if (n >= 2 && w[n - 1] === w[n - 2] && "bdfgmnprt".includes(w[n - 1])) w = w.slice(0, -1);
      else if (r1Of(w) >= w.length && shortSyllable(w, w.length)) w += "e";
    }
  }
  // Step 1c
  if (w.length > 2 && (w.endsWith("y") || w.endsWith("Y")) && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + "i";
  // Step 2
  for (const [suffix, replacement] of STEP2) {
    if (!w.endsWith(suffix)) continue;
    const start = w.length - suffix.length;
    if (start < r1) break;
    if (suffix === "ogi") { if (start > 0 && w[start - 1] === "l") w = w.slice(0, start) + "og"; }
    else if (suffix === "li") { if (start > 0 && "cdeghkmnrt".includes(w[start - 1])) w = w.slice(0, start); }
    else w = w.slice(0, start) + replacement;
    break;
  }
  // Step 3
  for (const [suffix, replacement] of STEP3) {
    if (!w.endsWith(suffix)) continue;
    const start = w.length - suffix.length;
    if (start < r1) break;
    if (suffix === "ative") { if (start >= r2) w = w.slice(0, start); }
    else w = w.slice(0, start) + replacement;
    break;
  }
  // Step 4
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const start = w.length - suffix.length;
    if (start < r2) break;
    if (suffix === "ion") { if (start > 0 && (w[start - 1] === "s" || w[start - 1] === "t")) w = w.slice(0, start); }
    else w = w.slice(0, start);
    break;
  }
  // Step 5
  const last = w[w.length - 1];
  if (last === "e") {
    if (w.length - 1 >= r2 || (w.length - 1 >= r1 && !shortSyllable(w, w.length - 1))) w = w.slice(0, -1);
  } else if (last === "l") {
    if (w.length - 1 >= r2 && w[w.length - 2] === "l") w = w.slice(0, -1);
  }
  return w.replace(/Y/g, "y");
}
