# Shared helpers for the integration harnesses in this folder. Source it; do not run it.
#
# Environment:
#   SECTION55_CACHE   where installed tools are kept between runs (default ~/.cache/section55-ci)
#   SECTION55_BIN     the section55 binary to test (default: target/release/section55, built here)
#   SECTION55_TODAY   the date the checks take as today (default 2025-11-20, so results are stable)
#   SECTION55_NO_INSTALL=1  never install anything; fail when a tool is missing

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/tests/integration
CACHE=${SECTION55_CACHE:-${HOME:-/root}/.cache/section55-ci}
ARTEFACTS=$ROOT/target/artefacts
EXAMPLES=$ROOT/examples
SCHEMA=$ROOT/schemas/section55-response.schema.json
# The report of examples/norfolk-gbcse-progress-2025.s55.yaml was published on 2025-10-24; its
# statutory last day is 2025-12-18. A fixed "today" between the two keeps `overdue` and
# `publication-in-future` out of the assertions.
export SECTION55_TODAY=${SECTION55_TODAY:-2025-11-20}
mkdir -p "$CACHE" "$ARTEFACTS"

PASSED=0
FAILED=0

log() { printf '%s\n' "$*" >&2; }
section() { printf '\n=== %s\n' "$*"; }

# ok DESCRIPTION — record a passing assertion.
ok() { PASSED=$((PASSED + 1)); printf 'ok - %s\n' "$*"; }
# not_ok DESCRIPTION [DETAILS] — record a failing assertion (the script goes on).
not_ok() {
  FAILED=$((FAILED + 1)); printf 'not ok - %s\n' "$1"
  if [ $# -gt 1 ]; then printf '%s\n' "$2" | sed 's/^/    /'; fi
}
# check DESCRIPTION COMMAND... — run COMMAND, record ok/not ok by its exit status.
check() {
  local what=$1; shift
  local out
  if out=$("$@" 2>&1); then ok "$what"; else not_ok "$what" "$out"; fi
}
# finish NAME — print the tally and exit non-zero when an assertion failed.
finish() {
  printf '\n%s: %d passed, %d failed\n' "$1" "$PASSED" "$FAILED"
  [ "$FAILED" -eq 0 ]
}
# skip_or_fail MESSAGE — a prerequisite is missing (the feature has not landed yet).
# Fails unless SECTION55_ALLOW_MISSING=1, in which case the harness exits 0 after saying so.
missing_feature() {
  if [ "${SECTION55_ALLOW_MISSING:-0}" = 1 ]; then
    printf 'SKIP: %s (SECTION55_ALLOW_MISSING=1)\n' "$*"; exit 0
  fi
  not_ok "$*"; finish "${HARNESS:-harness}"; exit 1
}

# --- installing what the harnesses need -----------------------------------------------------

no_install() { [ "${SECTION55_NO_INSTALL:-0}" = 1 ]; }

APT_UPDATED=${APT_UPDATED:-0}
# ensure_apt COMMAND PACKAGE... — installs Debian packages unless COMMAND is already there.
ensure_apt() {
  local cmd=$1; shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  no_install && { log "missing $cmd (SECTION55_NO_INSTALL=1)"; return 1; }
  log "installing $* (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  if [ "$APT_UPDATED" != 1 ]; then apt-get update -q >/dev/null; APT_UPDATED=1; export APT_UPDATED; fi
  apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

# ensure_venv — a Python virtualenv in the cache with tests/integration/requirements.txt.
VENV=$CACHE/venv
ensure_venv() {
  local stamp=$VENV/.requirements
  if [ -x "$VENV/bin/python" ] && cmp -s "$HERE/requirements.txt" "$stamp"; then
    export PATH=$VENV/bin:$PATH; return 0
  fi
  no_install && { log "missing venv $VENV (SECTION55_NO_INSTALL=1)"; return 1; }
  log "installing Python tools into $VENV (pip)"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$HERE/requirements.txt"
  cp "$HERE/requirements.txt" "$stamp"
  export PATH=$VENV/bin:$PATH
}

# ensure_node_modules — npm ci of this folder's package-lock.json (playwright-core,
# yaml-language-server, @microsoft/sarif-multitool).
ensure_node_modules() {
  local stamp=$HERE/node_modules/.package-lock.json.installed
  if [ -d "$HERE/node_modules" ] && cmp -s "$HERE/package-lock.json" "$stamp"; then return 0; fi
  no_install && { log "missing $HERE/node_modules (SECTION55_NO_INSTALL=1)"; return 1; }
  log "installing Node tools into $HERE/node_modules (npm ci)"
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$HERE/package-lock.json" "$stamp"
}

# ensure_binary — builds target/release/section55 (a no-op when it is up to date).
ensure_binary() {
  if [ -n "${SECTION55_BIN:-}" ]; then SECTION55=$SECTION55_BIN; else
    if [ "${SECTION55_SKIP_BUILD:-0}" != 1 ]; then
      log "building section55 (cargo build --release)"
      (cd "$ROOT" && cargo build --release --locked --quiet --bin section55)
    fi
    SECTION55=$ROOT/target/release/section55
  fi
  [ -x "$SECTION55" ] || { log "no section55 binary at $SECTION55"; return 1; }
  export PATH=$(dirname "$SECTION55"):$PATH
}

# has_command NAME — whether `section55 NAME --help` exists (for commands still being built).
has_command() { "$SECTION55" "$1" --help >/dev/null 2>&1; }

# The example that must show deadline-off-by-one and placeholder-link.
MAIN_EXAMPLE=$EXAMPLES/norfolk-gbcse-progress-2025.s55.yaml

# json_get FILE PYTHON-EXPRESSION — evaluates an expression over the JSON in FILE (as `d`).
json_get() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
