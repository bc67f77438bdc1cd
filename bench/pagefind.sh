#!/usr/bin/env bash
# Prints the path of Pagefind 1.6.0's binary, installing it with npm first if it is not there yet (into
# $PAGEFIND_DIR, default /tmp/site-gen-pagefind: shared/ is read-only). Used by search-bench.sh and run.sh.
set -euo pipefail
PAGEFIND_DIR="${PAGEFIND_DIR:-/tmp/site-gen-pagefind}"
bin="$PAGEFIND_DIR/node_modules/@pagefind/linux-x64/bin/pagefind_extended"
if [[ ! -x "$bin" ]]; then
  echo "Installing pagefind 1.6.0 into $PAGEFIND_DIR (npm)" >&2
  mkdir -p "$PAGEFIND_DIR"
  (cd "$PAGEFIND_DIR" && { [[ -f package.json ]] || npm init -y >/dev/null; } && npm install --no-audit --no-fund pagefind@1.6.0 >/dev/null)
fi
echo "$bin"
