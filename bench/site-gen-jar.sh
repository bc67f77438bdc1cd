#!/usr/bin/env bash
# run-peers.sh adapter: site-gen's jar with the JVM's default settings (java -jar), beside site-gen.sh's launcher,
# to show what the launcher's settings are worth. Same site as site-gen.sh.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="${SITE_GEN_JAR:-$HERE/../generator/target/site-gen.jar}"
case "${1:?usage: site-gen-jar.sh version|prepare CORPUS SITE|build SITE OUT}" in
  version) "$HERE/site-gen.sh" version ;;
  prepare) "$HERE/site-gen.sh" prepare "$2" "$3" ;;
  build)   exec java -jar "$JAR" build "$2/site" --out "$3" --no-cache ;;
  *) exit 2 ;;
esac
