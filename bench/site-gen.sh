#!/usr/bin/env bash
# run-peers.sh adapter for site-gen (see ../../shared/bench/README.md, "Plugging in a new generator").
#   site-gen.sh version
#   site-gen.sh prepare CORPUS_DIR SITE_DIR   untimed: convert the corpus to a site-gen site
#   site-gen.sh build   SITE_DIR OUT_DIR      timed: a clean build (no cache) with ./site-gen, the jar's launcher and
#                                             its JVM settings (SITE_GEN_JAVA_OPTS adds to them)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="${SITE_GEN_JAR:-$HERE/../generator/target/site-gen.jar}"
case "${1:?usage: site-gen.sh version|prepare CORPUS SITE|build SITE OUT}" in
  version) unzip -p "$JAR" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: //p' | tr -d '\r' ;;
  prepare) python3 "$HERE/corpus-to-site.py" "$2" "$3/site" ;;
  build)   SITE_GEN_JAR="$JAR" exec "$HERE/../site-gen" build "$2/site" --out "$3" --no-cache ;;
  *) exit 2 ;;
esac
