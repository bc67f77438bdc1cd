#!/usr/bin/env bash
# Search benchmark: site-gen's built-in index against Pagefind 1.6 on the same pages, side by side.
#
#   bench/search-bench.sh [N ...]        (default: 1000 10000)
#
# For each N it
#   1. generates the corpus with ../shared/bench/gen-corpus.py (reused when its manifest matches) and lays it out as a
#      site-gen site with bench/corpus-to-site.py (untimed), and checks that the site builds with no problems;
#   2. times RUNS builds with the index and RUNS without it (--no-search), alternating, and RUNS Pagefind runs
#      over the same pages site-gen indexes (topic and roadmap pages, hard-linked into one folder, untimed), reading
#      the same parts of each page (--root-selector main, with navigation, relations, code blocks and the diagram
#      excluded, as site-gen's index leaves them out);
#   3. sums the bytes of both indexes;
#   4. measures what typical one- and two-word queries transfer when they show the first K results:
#      site-gen by replaying the Java Searcher's file reads (bench/QueryCost.java; search.js reads the same files),
#      Pagefind by running its own pagefind.js in headless Chromium against a server that logs every file it sends
#      (bench/count-server.py, bench/pagefind-query.html).
# Results go to $WORK/results-N.md and are printed. Knobs: RUNS=3, K=8, WORK=target/search-bench, PAGEFIND_DIR=/tmp/site-gen-pagefind.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED_BENCH="$REPO/../shared/bench"
WORK="${WORK:-$REPO/target/search-bench}"
RUNS="${RUNS:-3}"
K="${K:-8}"
JAR="$REPO/generator/target/site-gen.jar"
ONE=(latency replication tokenizer webhook deadlock encryption pagination checksum)
TWO=("replication latency" "webhook encryption" "tokenizer deadlock" "checksum pagination")
PF_EXCLUDE=".breadcrumbs, .relations, .pager, .page-foot, .eyebrow, .resources, pre, svg, .view-toggle"

mkdir -p "$WORK"
[[ -f "$JAR" ]] || (cd "$REPO" && ./mvnw -q -o -B install -DskipTests -Dinvoker.skip)
PAGEFIND="$("$REPO/bench/pagefind.sh")"

# Runs a command under GNU time; appends "wall_ms cpu_ms" (cpu = user + sys) to the file named first.
timed() {
  local into="$1"; shift
  /usr/bin/time -f '%e %U %S' -o "$WORK/time.txt" "$@" > /dev/null
  awk '{printf "%d %d\n", $1*1000, ($2+$3)*1000}' "$WORK/time.txt" >> "$into"
}
col() { awk -v c="$1" '{print $c}' "$2" | median; }
secs() { awk -v m="$1" 'BEGIN {printf "%.2f", m/1000}'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%+.1f%%", (a-b)*100/b}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
bytes_of() { find "$@" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
mib() { awk -v b="$1" 'BEGIN {printf "%.2f", b/1048576}'; }
kib() { awk -v b="$1" 'BEGIN {printf "%.1f", b/1024}'; }

# One Pagefind query in a fresh headless Chromium; prints "data_bytes runtime_bytes files".
pagefind_query() {
  local root="$1" port="$2" log="$3" query="$4" profile chrome
  : > "$log"
  profile="$(mktemp -d)"
  chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    "http://127.0.0.1:$port/q.html?k=$K&q=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")" \
    >/dev/null 2>&1 &
  chrome=$!
  for _ in $(seq 1 300); do grep -q '^/done.txt' "$log" && break; sleep 0.1; done
  kill "$chrome" 2>/dev/null || true
  wait "$chrome" 2>/dev/null || true
  rm -rf "$profile" 2>/dev/null || true
  grep -q '^/done.txt' "$log" || { echo "pagefind query '$query' did not finish" >&2; exit 1; }
  # Count each file once (a browser caches what the worker and the page both fetch).
  sort -u -k1,1 "$log" | awk '
    $1 ~ /pagefind\.js$|pagefind-worker\.js$|wasm\./ {rt += $2; n++; next}
    $1 ~ /^\/pagefind\// {data += $2; n++}
    END {print data+0, rt+0, n+0}'
}

for N in "${@:-1000 10000}"; do
  corpus="$WORK/corpus-$N" site="$WORK/site-$N" out="$WORK/out-$N" plain="$WORK/out-nosearch-$N"
  pfin="$WORK/pagefind-pages-$N" pfout="$WORK/pagefind-$N" report="$WORK/results-$N.md"
  if ! grep -q "\"pages\": $N," "$corpus/manifest.json" 2>/dev/null; then
    rm -rf "$corpus"
    python3 "$SHARED_BENCH/gen-corpus.py" "$N" "$corpus" >/dev/null
  fi
  python3 "$REPO/bench/corpus-to-site.py" "$corpus" "$site"

  echo "== N=$N: checking that the site builds cleanly"
  java -jar "$JAR" build "$site" --out "$out" > "$WORK/check-$N.log" 2>&1 || { cat "$WORK/check-$N.log"; exit 1; }
  # Errors stop the build (non-zero exit, above); warnings are the corpus's own (generated titles repeat) and stay.
  if grep -v -e ': warning: ' -e '^Built ' "$WORK/check-$N.log" | grep -q .; then echo "problems building the corpus site:"; head -20 "$WORK/check-$N.log"; exit 1; fi

  # Pagefind's input: the pages site-gen indexes (topics and roadmaps), hard links to the built HTML.
  rm -rf "$pfin"; mkdir -p "$pfin"
  (cd "$out" && find . -name index.html -path './*/*' ! -path '*/print/*' ! -path './guides/index.html' ! -path './search/*' -printf '%h\n' \
    | while read -r d; do mkdir -p "$pfin/$d"; ln "$d/index.html" "$pfin/$d/index.html"; done)

  without="$WORK/times-nosearch-$N" with="$WORK/times-search-$N" pf="$WORK/times-pagefind-$N"
  : > "$without"; : > "$with"; : > "$pf"
  for r in $(seq 1 "$RUNS"); do
    echo "== N=$N run $r/$RUNS"
    rm -rf "$plain"; sync; timed "$without" java -jar "$JAR" build "$site" --out "$plain" --no-search
    rm -rf "$out"; sync; timed "$with" java -jar "$JAR" build "$site" --out "$out"
    rm -rf "$pfout"; sync
    timed "$pf" "$PAGEFIND" --site "$pfin" --output-path "$pfout" --root-selector main --exclude-selectors "$PF_EXCLUDE" --logfile "$WORK/pagefind-$N.log"
  done
  wall_without=$(col 1 "$without") wall_with=$(col 1 "$with") wall_pf=$(col 1 "$pf")
  cpu_without=$(col 2 "$without") cpu_with=$(col 2 "$with") cpu_pf=$(col 2 "$pf")

  ours=$(bytes_of "$out/search")
  ours_files=$(find "$out/search" -type f | wc -l)
  pf_data=$(bytes_of "$pfout/pagefind-entry.json" "$pfout"/pagefind.*.pf_meta "$pfout/index" "$pfout/fragment")
  pf_files=$(find "$pfout/pagefind-entry.json" "$pfout"/pagefind.*.pf_meta "$pfout/index" "$pfout/fragment" -type f | wc -l)
  pf_runtime=$(bytes_of "$pfout/pagefind.js" "$pfout/pagefind-worker.js" "$pfout/wasm.en.pagefind")
  # search.js and the modules it imports (the theme's scripts are ES modules, see docs/search.md).
  ours_runtime=$(bytes_of "$out"/assets/js/{search,searchbox,searcher,shards,snippet,stem,words,dom}.*.js)

  # Per-query transfer.
  qroot="$WORK/pagefind-query-$N"; rm -rf "$qroot"; mkdir -p "$qroot"
  ln -s "$pfout" "$qroot/pagefind"; cp "$REPO/bench/pagefind-query.html" "$qroot/q.html"; : > "$qroot/done.txt"
  port=$(free_port); log="$WORK/served-$N.log"
  python3 "$REPO/bench/count-server.py" "$qroot" "$port" "$log" & server=$!
  for _ in $(seq 1 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $port)).close()" 2>/dev/null && break; sleep 0.1; done
  queries=("${ONE[@]}" "${TWO[@]}")
  mapfile -t ourlines < <(java -cp "$JAR" "$REPO/bench/QueryCost.java" "$out/search" "$K" "${queries[@]}")
  rows="" one_ours=() one_pf=() two_ours=() two_pf=()
  for i in "${!queries[@]}"; do
    q="${queries[$i]}"
    IFS=$'\t' read -r _ ofiles obytes omatches otop <<< "${ourlines[$i]}"
    read -r pdata pruntime pfiles <<< "$(pagefind_query "$qroot" "$port" "$log" "$q")"
    rows+="| $q | $omatches | $ofiles | $(kib "$obytes") | $pfiles | $(kib "$pdata") | $(kib $((pdata + pruntime))) |"$'\n'
    if [[ "$q" == *" "* ]]; then two_ours+=("$obytes"); two_pf+=("$pdata"); else one_ours+=("$obytes"); one_pf+=("$pdata"); fi
  done
  kill "$server"; wait "$server" 2>/dev/null || true

  cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  {
    echo "### N = $N ($(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, $cpu; $(java -version 2>&1 | head -1); Pagefind $("$PAGEFIND" --version | awk '{print $2}'))"
    echo
    echo "Median of $RUNS runs (all runs counted). Build = \`java -jar site-gen.jar build\`, JVM start included; CPU = user + sys."
    echo "Load average when done: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; CPU time is the steadier figure)."
    echo
    echo "| | site-gen | Pagefind 1.6 | ratio |"
    echo "|---|---|---|---|"
    echo "| index bytes (data) | $(mib "$ours") MiB in $ours_files files | $(mib "$pf_data") MiB in $pf_files files | $(awk -v a="$ours" -v b="$pf_data" 'BEGIN {printf "%.2f", a/b}') |"
    echo "| runtime a query also loads | search.js and its modules $(kib "$ours_runtime") KiB | pagefind.js + worker + wasm $(kib "$pf_runtime") KiB | |"
    echo "| median bytes of a one-word query (data) | $(kib "$(printf '%s\n' "${one_ours[@]}" | median)") KiB | $(kib "$(printf '%s\n' "${one_pf[@]}" | median)") KiB | $(awk -v a="$(printf '%s\n' "${one_ours[@]}" | median)" -v b="$(printf '%s\n' "${one_pf[@]}" | median)" 'BEGIN {printf "%.2f", a/b}') |"
    echo "| median bytes of a two-word query (data) | $(kib "$(printf '%s\n' "${two_ours[@]}" | median)") KiB | $(kib "$(printf '%s\n' "${two_pf[@]}" | median)") KiB | $(awk -v a="$(printf '%s\n' "${two_ours[@]}" | median)" -v b="$(printf '%s\n' "${two_pf[@]}" | median)" 'BEGIN {printf "%.2f", a/b}') |"
    echo "| build without index: wall / CPU | $(secs "$wall_without") s / $(secs "$cpu_without") s | | |"
    echo "| build with index: wall / CPU | $(secs "$wall_with") s / $(secs "$cpu_with") s | | |"
    echo "| what search adds to the build: wall / CPU | $(pct "$wall_with" "$wall_without") / $(pct "$cpu_with" "$cpu_without") | Pagefind run after the build: $(secs "$wall_pf") s / $(secs "$cpu_pf") s, i.e. $(pct $((wall_without + wall_pf)) "$wall_without") / $(pct $((cpu_without + cpu_pf)) "$cpu_without") | |"
    echo
    echo "Per query (first $K results shown; data = index files, runtime files counted once per visit and listed apart):"
    echo
    echo "| query | matches | site-gen files | site-gen KiB | Pagefind files | Pagefind data KiB | Pagefind data + runtime KiB |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s' "$rows"
    echo
    echo "All runs, wall ms / CPU ms: without index $(tr '\n' ',' < "$without" | sed 's/ /\//g; s/,$//'); with index $(tr '\n' ',' < "$with" | sed 's/ /\//g; s/,$//'); Pagefind $(tr '\n' ',' < "$pf" | sed 's/ /\//g; s/,$//')."
    echo "Pagefind: $(tr '\n' ' ' < "$WORK/pagefind-$N.log" | grep -o 'Indexed [0-9]* pages.*Indexed [0-9]* words' | tr -s ' ' || true)"
    echo
  } | tee "$report"
done
