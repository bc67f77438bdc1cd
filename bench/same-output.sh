#!/bin/sh
# Proves a change leaves the built site as it was: builds the example site with a reference jar and with the jar of
# the working tree, without the cache, and compares the two folders byte for byte.
#   bench/same-output.sh /tmp/ref.jar [site-dir]      (the reference jar: generator/target/site-gen.jar of a commit)
# Prints nothing but "identical" when they match; otherwise diff's list of differing files, and exits 1.
set -e
ref="$1"
site="${2:-content}"
[ -f "$ref" ] || { echo "usage: bench/same-output.sh reference.jar [site-dir]" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SITE_GEN_CDS=0 SITE_GEN_JAR="$ref" "$here/site-gen" build "$site" --out "$work/before" --no-cache >/dev/null
SITE_GEN_CDS=0 SITE_GEN_JAR="$here/generator/target/site-gen.jar" "$here/site-gen" build "$site" --out "$work/after" --no-cache >/dev/null
if diff -r -q "$work/before" "$work/after"; then echo identical; else exit 1; fi
