#!/usr/bin/env bash
# (g) The Linux wheel from scripts/release.sh: a clean virtualenv installs it from dist/ alone
# (`pip install --no-index --find-links dist section55`, no Rust involved), and the `section55` it
# puts on PATH gives the same `check --format json` output on the examples, and the same
# `--version`, as the binary cargo built.
# Environment: SECTION55_DIST (default dist/).
HARNESS=wheel
source "$(dirname "$0")/lib.sh"

section "Python wheel in a clean virtualenv"
ensure_binary
DIST=$(cd "${SECTION55_DIST:-$ROOT/dist}" 2>/dev/null && pwd) \
  || { not_ok "no ${SECTION55_DIST:-dist/} (scripts/release.sh builds it)"; finish wheel; exit 1; }

tmp=$(mktemp -d /tmp/s55-wheel.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
check "pip install --no-index --find-links dist section55 (a clean venv)" \
  "$tmp/venv/bin/python" -m pip install --disable-pip-version-check --no-index --find-links "$DIST" section55
wheel_bin=$tmp/venv/bin/section55
[ -x "$wheel_bin" ] && ok "the wheel puts section55 in the venv's bin/" \
  || { not_ok "the wheel puts section55 in the venv's bin/"; finish wheel; exit 1; }
readelf -l "$wheel_bin" | grep -q 'program interpreter' \
  && not_ok "the wheel's binary is static (runs on any x86_64 Linux)" \
  || ok "the wheel's binary is static (runs on any x86_64 Linux)"

[ "$("$wheel_bin" --version)" = "$("$SECTION55" --version)" ] \
  && ok "same --version as the cargo build: $("$wheel_bin" --version)" \
  || not_ok "same --version as the cargo build" "wheel: $("$wheel_bin" --version); cargo: $("$SECTION55" --version)"

cd "$ROOT"
set +e
"$wheel_bin" check examples/ --format json >"$tmp/wheel.json"; wheel_rc=$?
"$SECTION55" check examples/ --format json >"$tmp/cargo.json"; cargo_rc=$?
set -e
n=$(json_get "$tmp/cargo.json" 'len(d["diagnostics"])')
if cmp -s "$tmp/wheel.json" "$tmp/cargo.json" && [ "$wheel_rc" = "$cargo_rc" ] && [ "$n" -gt 0 ]; then
  ok "section55 check examples/ --format json: the same $n findings and exit code ($wheel_rc) as the cargo build"
else
  not_ok "section55 check examples/ --format json equals the cargo build's" \
    "exit $wheel_rc vs $cargo_rc; $(diff "$tmp/wheel.json" "$tmp/cargo.json" | head -20)"
fi
finish wheel
