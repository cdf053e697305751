#!/usr/bin/env bash
# Builds every release artefact into dist/, reproducibly, or fails and leaves dist/ as it was:
#
#   section55-VERSION-x86_64-unknown-linux-musl      static Linux binary
#   section55-VERSION-x86_64-pc-windows-gnu.exe      Windows binary (MinGW-w64)
#   section55-VERSION-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.musllinux_1_2_x86_64.whl
#                                                    Linux wheel (static binary: any glibc or musl)
#   section55-VERSION-py3-none-win_amd64.whl         Windows wheel
#   section55-linux-x64-VERSION.vsix, section55-win32-x64-VERSION.vsix   VS Code, server inside
#   section55-VERSION.vsix                           VS Code, any platform (server from PATH)
#   section55.html                                   the browser version (one file, no install)
#   SHA256SUMS
#
# Usage: scripts/release.sh [--linux-only] [--quick]
#   --linux-only   leave out the Windows artefacts (for machines without the MinGW-w64 target;
#                  the set is then complete for Linux and says so)
#   --quick        optimise less (opt-level 1, 16 codegen units): the same artefacts, built in
#                  about half the time, for CI's release checks; never for publishing
#
# Needs: rustup targets x86_64-unknown-linux-musl and x86_64-pc-windows-gnu, Debian's
# gcc-mingw-w64-x86-64, maturin (pip), Node.js 20 with npm, and for the browser version the target
# wasm32-unknown-unknown and wasm-bindgen (scripts/browser-page.sh says which version). Anything
# missing is named, with how to install it, before anything is built. Meant to be reproducible (SOURCE_DATE_EPOCH from the
# commit, build paths remapped, no timestamps in the binaries or the archives, no build path in
# the binaries, no SBOM in the wheels: see pyproject.toml): two full builds of one commit from
# different folders gave the same SHA256SUMS, every artefact the same (3 December 2026).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

LINUX=x86_64-unknown-linux-musl
WINDOWS=x86_64-pc-windows-gnu
targets=("$LINUX" "$WINDOWS")
quick=
while [ $# -gt 0 ]; do
  case $1 in
    --linux-only) targets=("$LINUX") ;;
    --quick) quick=1 ;;
    *) echo "usage: scripts/release.sh [--linux-only] [--quick]" >&2; exit 2 ;;
  esac
  shift
done

fail() { printf 'release: %s\n' "$*" >&2; exit 1; }
stamp() { printf '[release +%ss] %s\n' "$SECONDS" "$*"; }

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
[ -n "$version" ] || fail "no version in Cargo.toml"
MATURIN=${MATURIN:-$(command -v maturin || true)}

# --- everything needed, checked before building anything ------------------------------------
missing=()
for target in "${targets[@]}"; do
  [ -d "$(rustc --print target-libdir --target "$target" 2>/dev/null)" ] \
    || missing+=("the Rust target $target: rustup target add $target")
done
if [[ " ${targets[*]} " == *" $WINDOWS "* ]]; then
  command -v x86_64-w64-mingw32-gcc >/dev/null \
    || missing+=("the MinGW-w64 linker: apt-get install gcc-mingw-w64-x86-64")
fi
while IFS= read -r need; do missing+=("$need"); done < <(scripts/browser-page.sh --needs || true)
[ -n "$MATURIN" ] || missing+=("maturin: pip install maturin (or set MATURIN=/path/to/maturin)")
command -v npm >/dev/null || missing+=("Node.js 20 with npm: apt-get install nodejs npm")
command -v git >/dev/null && git rev-parse --git-dir >/dev/null 2>&1 \
  || missing+=("a git checkout (the version and the timestamps come from the commit)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'release: cannot build the release; missing:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  printf 'release: nothing was built (dist/ is unchanged)\n' >&2
  exit 1
fi
[ -z "$(git status --porcelain --untracked-files=no)" ] \
  || echo "release: warning: uncommitted changes; the artefacts are not those of commit $(git rev-parse --short=12 HEAD)" >&2

# --- reproducible builds ---------------------------------------------------------------------
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
export SOURCE_DATE_EPOCH TZ=UTC LC_ALL=C
CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
RUSTUP_HOME=${RUSTUP_HOME:-$HOME/.rustup}
remap="--remap-path-prefix=$ROOT=section55 --remap-path-prefix=$CARGO_HOME=cargo --remap-path-prefix=$RUSTUP_HOME=rustup"
export CARGO_PROFILE_RELEASE_STRIP=symbols CARGO_PROFILE_RELEASE_CODEGEN_UNITS=4
if [ -n "$quick" ]; then
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 SECTION55_WASM_OPT_LEVEL=1
  stamp "quick build (opt-level 1): for checks, not for publishing"
fi
# No link to the rule pages in this machine's source tree (src/lsp/diagnostics.rs, doc_href): the
# user has no such tree, and the path made two builds from different folders differ.
export SECTION55_RULE_DOCS=none
# A target's own RUSTFLAGS (RUSTFLAGS itself would replace them): static CRT for musl; no link
# time stamp in the Windows PE header.
export CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS="$remap -C target-feature=+crt-static"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="$remap -C link-arg=-Wl,--no-insert-timestamp"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_TARGET

out=$ROOT/dist.partial
rm -rf "$out"
mkdir -p "$out"
trap 'rm -rf "$out" "$out.vsce.log" "$ROOT/editors/vscode/server"' EXIT

# --- binaries and wheels: one cargo build per target, by maturin ----------------------------
for target in "${targets[@]}"; do
  stamp "building $target (wheel and binary)"
  compat=()
  [ "$target" = "$LINUX" ] && compat=(--compatibility manylinux_2_17 musllinux_1_2)
  nice -n 10 "$MATURIN" build --quiet --release --locked --target "$target" "${compat[@]}" \
    --out "$out" >&2
  exe=; [ "$target" = "$WINDOWS" ] && exe=.exe
  install -m 0755 "target/$target/release/section55$exe" "$out/section55-$version-$target$exe"
done
if [ -x "$out/section55-$version-$LINUX" ]; then
  ! readelf -l "$out/section55-$version-$LINUX" | grep -q 'program interpreter' \
    || fail "the Linux binary is not statically linked"
fi

# --- the browser version ---------------------------------------------------------------------
stamp "building the browser version"
scripts/browser-page.sh "$out/section55.html" >&2

# --- VS Code packages -----------------------------------------------------------------------
stamp "packaging the VS Code extension"
ext=$ROOT/editors/vscode
(cd "$ext" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run --silent compile)
package() { # package VSCODE-TARGET|"" BINARY|"" OUT — the binary goes in as server/section55[.exe]
  rm -rf "$ext/server"
  if [ -n "$2" ]; then
    mkdir -p "$ext/server"
    local name=section55; [[ $2 == *.exe ]] && name=section55.exe
    install -m 0755 "$2" "$ext/server/$name"
  fi
  # vsce stores each file's modification time: make them the commit's.
  find "$ext" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  local args=(package -o "$3"); [ -n "$1" ] && args+=(--target "$1")
  (cd "$ext" && npx --no-install vsce "${args[@]}" </dev/null >"$out.vsce.log" 2>&1) \
    || { cat "$out.vsce.log" >&2; fail "vsce package ${1:-(any platform)} failed"; }
}
package linux-x64 "$out/section55-$version-$LINUX" "$out/section55-linux-x64-$version.vsix"
if [[ " ${targets[*]} " == *" $WINDOWS "* ]]; then
  package win32-x64 "$out/section55-$version-$WINDOWS.exe" "$out/section55-win32-x64-$version.vsix"
fi
package "" "" "$out/section55-$version.vsix"
rm -rf "$ext/server"

# --- the complete set, or nothing ------------------------------------------------------------
expected=("section55-$version-$LINUX" "section55-linux-x64-$version.vsix" "section55-$version.vsix" "section55.html"
  "section55-$version-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.musllinux_1_2_x86_64.whl")
if [[ " ${targets[*]} " == *" $WINDOWS "* ]]; then
  expected+=("section55-$version-$WINDOWS.exe" "section55-win32-x64-$version.vsix"
    "section55-$version-py3-none-win_amd64.whl")
fi
for f in "${expected[@]}"; do [ -s "$out/$f" ] || fail "$f was not built; dist/ is unchanged"; done
extra=$(cd "$out" && ls | grep -vxF "$(printf '%s\n' "${expected[@]}")" || true)
[ -z "$extra" ] || fail "unexpected files in the release: $extra"
(cd "$out" && sha256sum "${expected[@]}" >SHA256SUMS)

rm -rf dist
mv "$out" dist
trap - EXIT
stamp "dist/ (${#targets[@]} targets, from $(git rev-parse --short=12 HEAD)):"
(cd dist && cat SHA256SUMS)
