#!/usr/bin/env bash
# Builds the one-file browser version: the core compiled to WebAssembly (crates/section55_wasm),
# inlined as base64 into crates/section55_wasm/page.html, written to OUT (default
# dist/section55.html). The page needs no server and makes no connection: open it from disk.
#
# Usage: scripts/browser-page.sh [OUT]
#        scripts/browser-page.sh --needs            what is missing to build it, a line each (exit 1
#                                                   when anything is); scripts/release.sh asks first
#        scripts/browser-page.sh --bindgen-version  the wasm-bindgen version to install
# Needs: the Rust target wasm32-unknown-unknown (rustup target add wasm32-unknown-unknown) and the
# wasm-bindgen command of the version crates/section55_wasm pins (WASM_BINDGEN=/path, or on PATH:
# cargo install wasm-bindgen-cli --version 0.2.130).
set -euo pipefail
cd "$(dirname "$0")/.."
target=wasm32-unknown-unknown
bindgen_version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' crates/section55_wasm/Cargo.toml)
WASM_BINDGEN=${WASM_BINDGEN:-$(command -v wasm-bindgen || true)}
needs() {
  local missing=0
  [ -d "$(rustc --print target-libdir --target "$target" 2>/dev/null)" ] \
    || { echo "the Rust target $target: rustup target add $target"; missing=1; }
  [ -n "$WASM_BINDGEN" ] && "$WASM_BINDGEN" --version | grep -qF " $bindgen_version" \
    || { echo "wasm-bindgen $bindgen_version: cargo install wasm-bindgen-cli --version $bindgen_version (or set WASM_BINDGEN)"; missing=1; }
  return "$missing"
}
case ${1:-} in
  --needs) needs; exit ;;
  --bindgen-version) echo "$bindgen_version"; exit 0 ;;
esac
out=${1:-dist/section55.html}
if ! lacking=$(needs); then
  sed 's/^/browser-page: missing /' <<<"$lacking" >&2
  exit 1
fi
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo "commit unknown")
# Small rather than fast: the page carries the module, and a response checks in milliseconds.
# (scripts/release.sh --quick sets SECTION55_WASM_OPT_LEVEL=1, for CI's checks.)
CARGO_PROFILE_RELEASE_OPT_LEVEL=${SECTION55_WASM_OPT_LEVEL:-s} CARGO_PROFILE_RELEASE_STRIP=symbols \
  CARGO_PROFILE_RELEASE_PANIC=abort \
  nice -n 10 cargo build --quiet --release --locked -p section55_wasm --target "$target"
glue=$(mktemp -d)
trap 'rm -rf "$glue"' EXIT
"$WASM_BINDGEN" --target no-modules --no-typescript --out-dir "$glue" \
  "target/$target/release/section55_wasm.wasm"
mkdir -p "$(dirname "$out")"
python3 - "$glue" crates/section55_wasm/page.html "$out" "$version ($commit)" <<'PY'
import base64, sys
glue, page, out, version = sys.argv[1:]
text = open(page, encoding="utf-8").read()
js = open(f"{glue}/section55_wasm.js", encoding="utf-8").read()
if "</script" in js.lower():
    sys.exit("browser-page: the generated glue holds </script and cannot be inlined")
wasm = base64.b64encode(open(f"{glue}/section55_wasm_bg.wasm", "rb").read()).decode("ascii")
for marker, value in (("__SECTION55_WASM_GLUE__", js), ("__SECTION55_WASM_BASE64__", wasm),
                      ("__SECTION55_VERSION__", version)):
    if text.count(marker) != 1:
        sys.exit(f"browser-page: {page} must hold {marker} exactly once")
    text = text.replace(marker, value)
open(out + ".partial", "w", encoding="utf-8").write(text)
PY
mv "$out.partial" "$out"
echo "browser-page: $out ($(( $(stat -c %s "$out") / 1024 )) KB)"
