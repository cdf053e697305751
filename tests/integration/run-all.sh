#!/usr/bin/env bash
# Runs every integration harness in this folder with the real clients, after installing what they
# need by package name (apt-get: chromium; pip: requirements.txt into a cached venv; npm: this
# folder's package-lock.json; code-server from the npm registry into the cache). Idempotent: a
# second run installs nothing. Exit status: non-zero when any harness failed.
#
#   tests/integration/run-all.sh            # all of them
#   tests/integration/run-all.sh neovim sarif-github   # some of them
#   tests/integration/run-all.sh --install-only        # install the tools, run nothing
#
# Environment: SECTION55_CACHE (default ~/.cache/section55-ci), SECTION55_BIN (skip the build and
# test that binary), SECTION55_DIST (the release artefacts of scripts/release.sh: adds the wheel,
# the pre-commit hook from the wheel, the browser version and, when dist/ has the Windows binary, Wine; VS Code then
# tests dist/'s linux-x64 package), SECTION55_ALLOW_MISSING=1 (a harness whose feature has not landed yet
# — no `section55 lsp`, no examples — is skipped instead of failing).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.sh"

all=(vscode neovim pre-commit check-jsonschema yaml-language-server sarif-github ics accessibility docx)
if [ -n "${SECTION55_DIST:-}" ]; then
  SECTION55_DIST=$(cd "$SECTION55_DIST" && pwd); export SECTION55_DIST
  all+=(wheel pre-commit-wheel browser)
  bundled=$(ls "$SECTION55_DIST"/section55-linux-x64-*.vsix 2>/dev/null | head -1)
  [ -n "$bundled" ] && export VSIX_BUNDLED=$bundled
  windows=$(ls "$SECTION55_DIST"/section55-*-x86_64-pc-windows-gnu.exe 2>/dev/null | head -1)
  if [ -n "$windows" ]; then all+=(wine); export FOREIGN_BIN=$windows; fi
fi
install_only=0
if [ "${1:-}" = --install-only ]; then install_only=1; shift; fi
if [ $# -gt 0 ]; then selected=("$@"); else selected=("${all[@]}"); fi

t0=$(date +%s)
stamp() { echo "[run-all +$(( $(date +%s) - t0 ))s] $*"; }

# The release build (minutes on a fresh machine) runs while the tools install.
build_pid=
if [ "$install_only" = 0 ] && [ -z "${SECTION55_BIN:-}" ] && [ "${SECTION55_SKIP_BUILD:-0}" != 1 ]; then
  stamp "building section55 (cargo build --release) in the background"
  (cd "$ROOT" && cargo build --release --locked --quiet --bin section55) >"$ARTEFACTS/cargo-build.log" 2>&1 &
  build_pid=$!
fi
stamp "installing tools (cache: $CACHE)"
ensure_apt chromium chromium fonts-liberation
ensure_venv
ensure_node_modules
if ! no_install; then
  bash "$HERE/install-code-server.sh" "$CACHE/code-server" | tail -1
fi
# ics.sh's calendar program, installed here too so that nothing installs once the checks run.
ensure_apt calcurse calcurse || true
if [ "$install_only" = 1 ]; then stamp "tools installed"; exit 0; fi
if [ -n "$build_pid" ]; then
  stamp "waiting for the release build"
  wait "$build_pid" || { cat "$ARTEFACTS/cargo-build.log"; echo "integration: 0 passed, 1 failed (cargo build)"; exit 1; }
  SECTION55_SKIP_BUILD=1
fi
ensure_binary
export SECTION55_BIN=$SECTION55   # the harnesses test this binary and do not build again
stamp "ready: $("$SECTION55" --version), $(nvim --version | head -1), node $(node --version), $(chromium --version 2>/dev/null)"

declare -A result duration
for name in "${selected[@]}"; do
  script=$HERE/$name.sh
  [ -f "$script" ] || { echo "no harness $name"; result[$name]=missing; continue; }
  stamp "start $name"
  s=$(date +%s)
  set +e
  bash "$script" 2>&1 | tee "$ARTEFACTS/$name.log"
  rc=${PIPESTATUS[0]}
  set -e
  duration[$name]=$(( $(date +%s) - s ))
  if [ "$rc" -eq 0 ]; then
    if grep -q '^SKIP: ' "$ARTEFACTS/$name.log"; then result[$name]=skipped; else result[$name]=passed; fi
  else
    result[$name]=failed
  fi
  stamp "end $name: ${result[$name]} (${duration[$name]}s)"
done

passed=0; failed=0; skipped=0
echo
echo "integration summary (logs and screenshots in target/artefacts/):"
for name in "${selected[@]}"; do
  printf '  %-22s %-8s %ss\n' "$name" "${result[$name]}" "${duration[$name]:-0}"
  case ${result[$name]} in passed) passed=$((passed + 1)) ;; skipped) skipped=$((skipped + 1)) ;; *) failed=$((failed + 1)) ;; esac
done
echo "  total time: $(( $(date +%s) - t0 ))s"
echo
if [ $skipped -gt 0 ]; then
  echo "integration: $passed passed, $failed failed, $skipped skipped"
else
  echo "integration: $passed passed, $failed failed"
fi
[ $failed -eq 0 ]
