// The search index's files, as SearchIndex.java writes them under search/ (format: docs/search.md): each fetched
// once, gunzipped unless the server already did, and decoded. Term shards are the twin of TermShard.java.

const indexUrl = new URL(document.documentElement.getAttribute("data-search") || "", document.baseURI);
const utf8 = new TextDecoder("utf-8");
const files = {};
let entryPromise = null;

/** The bytes of a file below search/, fetched once. */
function load(path) {
  if (!files[path]) {
    files[path] = fetch(new URL(path, indexUrl)).then((r) => {
      if (!r.ok) throw new Error("search index: " + path + " " + r.status);
      return r.arrayBuffer();
    }).then((buf) => {
      const bytes = new Uint8Array(buf);
      // Gzip unless the server already decompressed it (Content-Encoding).
      if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).arrayBuffer().then((b) => new Uint8Array(b));
    });
  }
  return files[path];
}

/** The entry file, index.json: format, version, shard keys, document counts. */
export function entry() {
  if (!entryPromise) entryPromise = load("index.json").then((b) => JSON.parse(utf8.decode(b)));
  return entryPromise;
}

/** Term shard i of an index version: {keys, stems, docs, weights, sections}, one entry per term in key order. */
export function loadShard(version, i) {
  return load(version + "/t" + i + ".bin").then(decodeShard);
}

/** The documents of file `file` of an index version, as a list. */
export function loadDocs(version, file) {
  return load(version + "/d" + file + ".bin").then((b) => JSON.parse(utf8.decode(b)));
}

function decodeShard(b) {
  let at = 0;
  function varint() {
    let value = 0, shift = 0, x;
    do { x = b[at++]; value += (x & 0x7f) * Math.pow(2, shift); shift += 7; } while (x >= 0x80);
    return value;
  }
  function string() {
    const n = varint();
    const s = utf8.decode(b.subarray(at, at + n));
    at += n;
    return s;
  }
  const count = varint();
  const shard = {keys: new Array(count), stems: new Array(count), docs: new Array(count), weights: new Array(count), sections: new Array(count)};
  let previous = "";
  for (let i = 0; i < count; i++) {
    const key = previous.slice(0, varint()) + string();
    shard.keys[i] = key;
    const redirect = varint();
    shard.stems[i] = redirect > 0 ? key.slice(0, redirect - 1) + string() : null;
    const df = varint(), docs = new Array(df);
    let last = 0;
    for (let k = 0; k < df; k++) { last += varint(); docs[k] = last; }
    shard.docs[i] = docs;
    shard.weights[i] = b.subarray(at, at + df);
    at += df;
    shard.sections[i] = b.subarray(at, at + df);
    at += df;
    previous = key;
  }
  return shard;
}

/** Binary search in sorted keys: the index of key, or -(insertion point) - 1, as Java's Arrays.binarySearch. */
export function find(keys, key) {
  let lo = 0, hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1; else if (keys[mid] > key) hi = mid - 1; else return mid;
  }
  return -lo - 1;
}
