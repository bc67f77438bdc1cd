#!/usr/bin/env bash
# Where a clean build's time goes, as docs/performance.md's tables give it: one build of SITE (after a warm-up build
# that also saves the class-data archive) with JFR sampling the Java threads every 3 ms, then the share of samples
# in each part of the pipeline and the methods most often on top. JIT compiling and GC run outside these samples:
# add -XX:+UnlockDiagnosticVMOptions -XX:+CITime or -Xlog:gc through SITE_GEN_JAVA_OPTS for those.
#
#   bench/profile.sh SITE [JAR]        e.g. bench/profile.sh target/bench/site-10000
# The recording stays in target/bench/profile.jfr (open it in JDK Mission Control for more). Not part of the tests.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
[ $# -ge 1 ] || { sed -n 2,8p "$0" >&2; exit 2; }
SITE="$1"; export SITE_GEN_JAR="${2:-}"
[ -d "$SITE" ] || { echo "no site folder $SITE" >&2; exit 1; }
work="$ROOT/target/bench"; mkdir -p "$work"
out="${RAMDISK:-/dev/shm}/site-gen-profile-$$"
jfc="$(mktemp --suffix=.jfc)"
trap 'rm -rf "$out" "$jfc"' EXIT
cat > "$jfc" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">3 ms</setting></event>
</configuration>
XML
"$ROOT/site-gen" build "$SITE" --out "$out/site" --no-cache >/dev/null 2>&1
rm -rf "$out"
SITE_GEN_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints ${SITE_GEN_JAVA_OPTS:-} \
  -XX:StartFlightRecording=filename=$work/profile.jfr,settings=$jfc -Dsite-gen.timing=true" \
  /usr/bin/time -f "wall %e s, CPU %U + %S s, peak RSS %M KB" "$ROOT/site-gen" build "$SITE" --out "$out/site" --no-cache 2>&1 \
  | grep -E '^(site-gen timing|wall|Built)' || true
jfr print --events jdk.ExecutionSample --stack-depth 64 "$work/profile.jfr" | python3 "$HERE/jfr-shares.py"
