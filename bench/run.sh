#!/usr/bin/env bash
# site-gen's benchmark: the shared corpus at the sizes given (default 1000 10000), built side by side with Hugo by
# the shared run-peers.sh (clean builds, medians), then the measurements only we make: the Maven goal, a no-change
# rebuild and a one-page-change rebuild with the cache, and Hugo and site-gen taking turns, on the disk and in RAM.
# Not part of the tests; needs `./mvnw install` first, and Hugo (`../shared/bench/setup.sh` installs it).
#
#   bench/run.sh [N ...]          e.g. bench/run.sh 1000 10000 20000
#   RUNS=5 PEERS="site-gen hugo" bench/run.sh 10000
#   RAMDISK=none bench/run.sh 1000              (no turns in RAM; default /dev/shm)
#   PAGEFIND=0 bench/run.sh 10000               (no Hugo + Pagefind row; by default Pagefind 1.6 is installed with npm
#                                                into /tmp/site-gen-pagefind and indexes Hugo's output in each turn)
# Peers: site-gen is ./site-gen (the jar with the launcher's JVM settings), site-gen-jar is plain java -jar.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SHARED="${SHARED_BENCH:-$ROOT/../shared/bench}"
WORK="${WORK:-$ROOT/target/bench}"
RUNS="${RUNS:-3}"
export PEERS="${PEERS:-site-gen site-gen-jar hugo}"
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
[ -f "$ROOT/generator/target/site-gen.jar" ] || { echo "run ./mvnw install first" >&2; exit 1; }
mkdir -p "$WORK"
# The turns also time Hugo followed by Pagefind: what a searchable site costs with Hugo, the issue's "search included".
pagefind=""
[ "${PAGEFIND:-1}" = 0 ] || pagefind="$("$HERE/pagefind.sh")"

# One timed command: prints "wall cpu rss_mb".
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/cmd.err" || { cat "$WORK/cmd.err" >&2; return 1; }
  awk '{printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$WORK/time.txt"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
# Runs "$@" RUNS times after one warm-up; prints the medians of wall, CPU and the max RSS.
series() {
  local out=() ; measure "$@" >/dev/null
  for ((i = 0; i < RUNS; i++)); do out+=("$(measure "$@")"); done
  printf '%s\n' "${out[@]}" > "$WORK/series.txt"
  echo "$(cut -d' ' -f1 "$WORK/series.txt" | median) $(cut -d' ' -f2 "$WORK/series.txt" | median) $(cut -d' ' -f3 "$WORK/series.txt" | sort -n | tail -1)"
}

for N in "${SIZES[@]}"; do
  echo "## N = $N"
  ADAPTERS_DIR="$HERE" WORK="$WORK/peers" RUNS="$RUNS" "$SHARED/run-peers.sh" "$N" | tee "$WORK/peers-$N.md"
  corpus="$WORK/peers/corpus-$N"
  site="$WORK/site-$N"
  python3 "$HERE/corpus-to-site.py" "$corpus" "$site"
  out="$WORK/out-$N/site"
  jar=("$ROOT/site-gen" build "$site" --out "$out")
  rm -rf "$WORK/out-$N"; "${jar[@]}" >/dev/null
  read -r full_w full_c full_r < <(series "${jar[@]}" --no-cache)
  read -r same_w same_c same_r < <(series "${jar[@]}")
  page="$(find "$site/topics" -name '*.md' | sort | sed -n 1p)"
  cp "$page" "$WORK/page.bak"
  one=()
  for ((i = 0; i < RUNS; i++)); do
    printf '\nEdited %s.\n' "$i" >> "$page"
    one+=("$(measure "${jar[@]}")")
  done
  cp "$WORK/page.bak" "$page"
  printf '%s\n' "${one[@]}" > "$WORK/series.txt"
  one_w=$(cut -d' ' -f1 "$WORK/series.txt" | median); one_c=$(cut -d' ' -f2 "$WORK/series.txt" | median); one_r=$(cut -d' ' -f3 "$WORK/series.txt" | sort -n | tail -1)
  read -r mvn_w mvn_c mvn_r < <(series "$ROOT/mvnw" -q -o -f "$ROOT/pom.xml" site-gen:build -Dsite-gen.sourceDir="$site" -Dsite-gen.outputDir="$WORK/mvn-$N/site" -Dsite-gen.useCache=false)
  {
    echo
    echo "| site-gen, N = $N (median of $RUNS) | wall s | CPU s | peak RSS MB | vs full |"
    echo "|---|---|---|---|---|"
    echo "| full build, ./site-gen, no cache | $full_w | $full_c | $full_r | 1.00 |"
    echo "| full build, ./mvnw site-gen:build | $mvn_w | $mvn_c | $mvn_r | $(awk "BEGIN {printf \"%.2f\", $mvn_w / $full_w}") |"
    echo "| no-change rebuild, ./site-gen | $same_w | $same_c | $same_r | $(awk "BEGIN {printf \"%.2f\", $same_w / $full_w}") |"
    echo "| one page changed, ./site-gen | $one_w | $one_c | $one_r | $(awk "BEGIN {printf \"%.2f\", $one_w / $full_w}") |"
  } | tee "$WORK/site-gen-$N.md"

  # The same clean builds, Hugo and ./site-gen taking turns: on the disk (rm and sync before each, as run-peers.sh
  # does) and with the output in RAM. run-peers.sh runs one peer's series after the other, and on this project's
  # disk creating files slows as a benchmark deletes and re-creates them, so whoever goes later pays more; taking
  # turns shares that out. In RAM, what is left is the generators' own work.
  hugo_site="$WORK/peers/run-$N/site-hugo"
  ram="${RAMDISK:-/dev/shm}"
  places=("$WORK/turns-$$")
  if [ -d "$ram" ] && [ -w "$ram" ] && [ "${RAMDISK:-}" != none ]; then places+=("$ram/site-gen-bench-$$"); fi
  if [ -d "$hugo_site" ] && command -v hugo >/dev/null; then
    for place in "${places[@]}"; do
      hugo_runs=() ; ours_runs=() ; searchable_runs=()
      for ((i = 0; i <= RUNS; i++)); do
        rm -rf "$place"; sync; h="$(measure hugo --source "$hugo_site" --destination "$place/hugo" --noBuildLock)"
        # A searchable Hugo site: Pagefind indexes Hugo's output into its pagefind/ folder, as its docs describe.
        p="0 0 0"; [ -z "$pagefind" ] || p="$(measure "$pagefind" --site "$place/hugo" --output-path "$place/hugo/pagefind")"
        rm -rf "$place"; sync; o="$(measure "$ROOT/site-gen" build "$site" --out "$place/site" --no-cache)"
        if [ "$i" -gt 0 ]; then # the first round warms up
          hugo_runs+=("$h"); ours_runs+=("$o")
          searchable_runs+=("$(echo "$h $p" | awk '{printf "%.2f %.2f\n", $1 + $4, $2 + $5}')")
        fi
      done
      rm -rf "$place"
      printf '%s\n' "${hugo_runs[@]}" > "$WORK/hugo-turns.txt"; printf '%s\n' "${ours_runs[@]}" > "$WORK/ours-turns.txt"
      printf '%s\n' "${searchable_runs[@]}" > "$WORK/searchable-turns.txt"
      hw=$(cut -d' ' -f1 "$WORK/hugo-turns.txt" | median); hc=$(cut -d' ' -f2 "$WORK/hugo-turns.txt" | median)
      ow=$(cut -d' ' -f1 "$WORK/ours-turns.txt" | median); oc=$(cut -d' ' -f2 "$WORK/ours-turns.txt" | median)
      sw=$(cut -d' ' -f1 "$WORK/searchable-turns.txt" | median); sc=$(cut -d' ' -f2 "$WORK/searchable-turns.txt" | median)
      where="on the disk"; [ "$place" = "$WORK/turns-$$" ] || where="in $ram"
      {
        echo
        echo "| output $where, N = $N (taking turns, median of $RUNS) | wall s | CPU s | vs Hugo (wall) | vs Hugo (CPU) | all runs wall s |"
        echo "|---|---|---|---|---|---|"
        echo "| hugo (no search) | $hw | $hc | 1.00 | 1.00 | $(cut -d' ' -f1 "$WORK/hugo-turns.txt" | tr '\n' ' ')|"
        echo "| ./site-gen, full build with search | $ow | $oc | $(awk "BEGIN {printf \"%.2f\", $ow / $hw}") | $(awk "BEGIN {printf \"%.2f\", $oc / $hc}") | $(cut -d' ' -f1 "$WORK/ours-turns.txt" | tr '\n' ' ')|"
        [ -z "$pagefind" ] || echo "| hugo, then Pagefind 1.6 over its output (a searchable site) | $sw | $sc | $(awk "BEGIN {printf \"%.2f\", $sw / $hw}") | $(awk "BEGIN {printf \"%.2f\", $sc / $hc}") | $(cut -d' ' -f1 "$WORK/searchable-turns.txt" | tr '\n' ' ')|"
      } | tee -a "$WORK/site-gen-$N.md"
    done
  fi
done
