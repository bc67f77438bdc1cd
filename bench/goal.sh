#!/usr/bin/env bash
# The Maven goal against the launcher: ./site-gen build, ./mvnw site-gen:build (a Java of its own, the default) and
# ./mvnw site-gen:build -Dsite-gen.fork=false (in Maven's JVM) build SITE in turn, clean, output in RAM, one warm-up
# round first; prints each run and the medians of wall and CPU time. Not part of the tests.
#
#   bench/goal.sh SITE [RUNS]        e.g. bench/goal.sh target/bench/site-10000 3   (bench/run.sh leaves the sites)
#   MAVEN_REPO=.m2repo bench/goal.sh content 5                                     (a local repository of its own)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 1 ] || { sed -n 2,7p "$0" >&2; exit 2; }
SITE="$(cd "$1" && pwd)"; RUNS="${2:-3}"
out="${RAMDISK:-/dev/shm}/site-gen-goal-$$"
results="$(mktemp)"; t="$(mktemp)"
trap 'rm -rf "$out" "$results" "$t" "$t.log"' EXIT
mvn=("$ROOT/mvnw" -q -o -B -f "$ROOT/pom.xml" site-gen:build -Dsite-gen.sourceDir="$SITE" -Dsite-gen.outputDir="$out/site"
  -Dsite-gen.useCache=false)
if [ -n "${MAVEN_REPO:-}" ]; then mvn+=(-Dmaven.repo.local="$(cd "$MAVEN_REPO" && pwd)"); fi

for ((i = 0; i <= RUNS; i++)); do
  for v in launcher forked in-process; do
    case "$v" in
      launcher) cmd=("$ROOT/site-gen" build "$SITE" --out "$out/site" --no-cache) ;;
      forked) cmd=("${mvn[@]}") ;;
      in-process) cmd=("${mvn[@]}" -Dsite-gen.fork=false) ;;
    esac
    rm -rf "$out"
    # Maven prints its errors on stdout: keep both for a failed run.
    /usr/bin/time -f '%e %U %S' -o "$t" "${cmd[@]}" > "$t.log" 2>&1 || { cat "$t.log" >&2; exit 1; }
    if [ "$i" -gt 0 ]; then echo "$v $(awk '{printf "%.2f %.2f", $1, $2 + $3}' "$t")" | tee -a "$results"; fi
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
for v in launcher forked in-process; do
  echo "$v: median wall $(grep "^$v " "$results" | cut -d' ' -f2 | median) s, CPU $(grep "^$v " "$results" | cut -d' ' -f3 | median) s ($RUNS runs)"
done
