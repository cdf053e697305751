#!/usr/bin/env bash
# (h) The Windows binary from scripts/release.sh under Wine (Debian's wine64): `section55.exe check`
# gives the same JSON as the Linux binary on the examples and on copies with CRLF line ends in a
# folder whose name has spaces and non-ASCII letters, and `section55.exe lsp` answers `initialize`
# over stdio. Environment: SECTION55_DIST (default dist/); the Wine prefix is kept in the cache.
HARNESS=wine
source "$(dirname "$0")/lib.sh"

section "Windows binary under Wine"
ensure_binary
DIST=$(cd "${SECTION55_DIST:-$ROOT/dist}" 2>/dev/null && pwd) \
  || { not_ok "no ${SECTION55_DIST:-dist/} (scripts/release.sh builds it)"; finish wine; exit 1; }
EXE=$(ls "$DIST"/section55-*-x86_64-pc-windows-gnu.exe 2>/dev/null | head -1)
[ -n "$EXE" ] || { not_ok "no Windows binary in $DIST"; finish wine; exit 1; }
ensure_apt /usr/lib/wine/wine64 wine64
ensure_apt x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
WINE=$(command -v wine64 || echo /usr/lib/wine/wine64)
export WINEPREFIX=$CACHE/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  log "creating the Wine prefix $WINEPREFIX (once)"
  "$WINE" wineboot.exe --init >/dev/null 2>&1 || true
  "$(dirname "$WINE")/wineserver" -w || true
fi

tmp=$(mktemp -d /tmp/s55-wine.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cp "$EXE" "$tmp/section55.exe"
# Wine 8.0 (Debian 12) lacks bcryptprimitives.dll, which Windows 10 and later have and Rust's
# standard library needs; a stand-in next to the exe (test only) lets the binary load.
x86_64-w64-mingw32-gcc -O2 -shared -o "$tmp/bcryptprimitives.dll" "$HERE/wine-bcryptprimitives.c" -ladvapi32
winver=$("$WINE" "$tmp/section55.exe" --version 2>"$tmp/wine.err" | tr -d '\r') || true
[ "$winver" = "$("$SECTION55" --version)" ] && ok "section55.exe --version: $winver" \
  || not_ok "section55.exe --version is the Linux binary's" "$winver $(tail -5 "$tmp/wine.err")"

# same_json DESCRIPTION FOLDER — both binaries check FOLDER from its parent; Windows writes its
# own folder separator in paths, so `\` is read as `/` before comparing.
same_json() {
  local what=$1 dir=$2 wrc lrc n
  set +e
  (cd "$(dirname "$dir")" && "$WINE" "$tmp/section55.exe" check "$(basename "$dir")" --format json) \
    >"$tmp/win.json" 2>>"$tmp/wine.err"; wrc=$?
  (cd "$(dirname "$dir")" && "$SECTION55" check "$(basename "$dir")" --format json) >"$tmp/linux.json"; lrc=$?
  set -e
  python3 - "$tmp/win.json" "$tmp/linux.json" <<'PY' >"$tmp/diff.txt" || true
import json, sys
try:
    win, linux = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
except ValueError as e:
    sys.exit(print(f"not JSON: {e}: {open(sys.argv[1], encoding='utf-8', errors='replace').read()[:500]}"))
for d in win["diagnostics"]:
    d["path"] = d["path"].replace("\\", "/")
if win != linux:
    print(json.dumps(win, indent=1, ensure_ascii=False)[:3000])
PY
  n=$(json_get "$tmp/linux.json" 'len(d["diagnostics"])')
  if [ ! -s "$tmp/diff.txt" ] && [ "$wrc" = "$lrc" ] && [ "$n" -gt 0 ]; then
    ok "$what: the same $n findings and exit code ($wrc) as Linux"
  else
    not_ok "$what: the same JSON as Linux" "exit $wrc vs $lrc; $(cat "$tmp/diff.txt") $(tail -5 "$tmp/wine.err")"
  fi
}
same_json "section55.exe check examples" "$EXAMPLES"

odd="$tmp/Réponses à vérifier 2025"
mkdir -p "$odd"
for f in "$EXAMPLES"/*.s55.yaml; do
  sed 's/$/\r/' "$f" >"$odd/copie – $(basename "$f")"
done
grep -q $'\r$' "$odd"/*norfolk* || not_ok "the copies have CRLF line ends"
same_json "CRLF files in \"$(basename "$odd")\"" "$odd"

lsp=$(cd "$tmp" && timeout 120 python3 "$HERE/lsp_initialize.py" "$WINE" "$tmp/section55.exe" lsp 2>&1) \
  && ok "section55.exe lsp answers initialize over stdio: $lsp" \
  || not_ok "section55.exe lsp answers initialize over stdio" "$lsp"
finish wine
