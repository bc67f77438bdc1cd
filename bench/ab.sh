#!/usr/bin/env bash
# Measures a change the way docs/performance.md says changes are measured here: A and B build the same site in turn,
# clean (no cache), with the output in RAM, one warm-up pair first; prints each run and the medians of wall and CPU
# time. On these shared machines one build swings by 15% between runs; taking turns shares that out.
#
#   bench/ab.sh JAR_A JAR_B SITE [RUNS]                    two jars, the launcher's JVM settings
#   OPTS_A="" OPTS_B="-Xmn400m" bench/ab.sh "" "" SITE     one jar (the installed one), two sets of JVM settings
#
# e.g. keep the jar of the commit before a change: cp generator/target/site-gen.jar /tmp/before.jar; make the change,
# ./mvnw -q install -pl themes/default,generator -DskipTests, then
#   bench/ab.sh /tmp/before.jar generator/target/site-gen.jar target/bench/site-10000 6
# (bench/run.sh leaves the converted corpus in target/bench/site-N). Not part of the tests.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
[ $# -ge 3 ] || { sed -n 2,12p "$0" >&2; exit 2; }
JAR_A="$1"; JAR_B="$2"; SITE="$3"; RUNS="${4:-5}"
[ -d "$SITE" ] || { echo "no site folder $SITE" >&2; exit 1; }
ram="${RAMDISK:-/dev/shm}"
out="$ram/site-gen-ab-$$"
results="$(mktemp)"
trap 'rm -rf "$out" "$results"' EXIT

# One clean build: prints "wall cpu".
build() {
  local jar="$1" opts="$2" t
  t="$(mktemp)"
  rm -rf "$out"
  SITE_GEN_JAR="$jar" SITE_GEN_JAVA_OPTS="$opts" /usr/bin/time -f "%e %U %S" -o "$t" \
    "$ROOT/site-gen" build "$SITE" --out "$out/site" --no-cache >/dev/null 2>&1 || { echo "build failed: $jar $opts" >&2; exit 1; }
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$t"
  rm -f "$t"
}

for ((i = 0; i <= RUNS; i++)); do
  for side in A B; do
    if [ "$side" = A ]; then r="$(build "${JAR_A:-}" "${OPTS_A:-}")"; else r="$(build "${JAR_B:-}" "${OPTS_B:-}")"; fi
    # The first pair warms the disk cache and saves each jar's class-data archive: not counted.
    if [ "$i" -gt 0 ]; then echo "$side $r" | tee -a "$results"; fi
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
for side in A B; do
  echo "$side: median wall $(grep "^$side " "$results" | cut -d' ' -f2 | median) s, CPU $(grep "^$side " "$results" | cut -d' ' -f3 | median) s ($RUNS runs)"
done
