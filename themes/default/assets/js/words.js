// Words: the twin of Tokenizer.java. Splits text into letters-and-digits runs, without accents, in lower case,
// and drops stop words and words too short or too long to index.

const STOP = new Set(["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of", "on",
  "or", "that", "the", "this", "to", "was", "with"]);
const MAX_WORD = 40;
const WORD = /[\p{L}\p{Nd}\p{Mn}]+/gu;

function normalize(word) {
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** Every word of text with where it is: [{word, start, end}]. */
export function tokens(text) {
  const out = [];
  let m;
  WORD.lastIndex = 0;
  while ((m = WORD.exec(text)) !== null) out.push({word: normalize(m[0]), start: m.index, end: m.index + m[0].length});
  return out;
}

/** Whether the index holds a word. */
export function indexable(word) {
  return word.length >= 2 && word.length <= MAX_WORD && !STOP.has(word);
}

/** The words of text the index holds, in order. */
export function words(text) {
  return tokens(text).map((t) => t.word).filter(indexable);
}
