#!/usr/bin/env bash
# (a) VS Code: builds editors/vscode into a .vsix (npm ci, compile, vsce package), installs it into
# code-server (VS Code in the browser, installed from the npm registry into the cache), opens the
# main example in headless Chromium (playwright-core) and asserts that the Problems view shows
# section55's diagnostics; then checks the message shown when the binary cannot be found.
# Screenshots: target/artefacts/vscode-*.png.
HARNESS=vscode
source "$(dirname "$0")/lib.sh"

section "VS Code (code-server + Chromium)"
ensure_binary
ensure_node_modules
ensure_apt chromium chromium fonts-liberation
has_command lsp || missing_feature "section55 lsp does not exist yet"
[ -f "$MAIN_EXAMPLE" ] || missing_feature "$MAIN_EXAMPLE does not exist yet"

# tally FILE — adds vscode-e2e.mjs's ok / not ok lines to this harness's counts.
tally() {
  PASSED=$((PASSED + $(grep -c '^ok - ' "$1" || true)))
  FAILED=$((FAILED + $(grep -c '^not ok - ' "$1" || true)))
  grep -Eq '^vscode-e2e: [1-9][0-9]* passed, 0 failed$' "$1" || FAILED=$((FAILED + 1))
}

# code-server, cached (first install takes a minute or two).
CODE_SERVER_DIR=$CACHE/code-server
if ! no_install; then
  bash "$HERE/install-code-server.sh" "$CODE_SERVER_DIR" >&2
fi

# The extension, built the way its README says.
ext=$ROOT/editors/vscode
(
  cd "$ext"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  npm run --silent compile
  rm -f ./*.vsix
  npx --no-install vsce package </dev/null >"$ARTEFACTS/vsce-package.log" 2>&1 || {
    cat "$ARTEFACTS/vsce-package.log" >&2; exit 1; }
)
VSIX=$(ls "$ext"/*.vsix)
ok "npm ci && npm run compile && vsce package produced $(basename "$VSIX")"
if [ -z "${VSIX_BUNDLED:-}" ]; then
  VSIX_BUNDLED=$ARTEFACTS/section55-linux-x64.vsix
  rm -rf "$ext/server" && mkdir -p "$ext/server" && cp "$SECTION55" "$ext/server/section55"
  (cd "$ext" && npx --no-install vsce package --target linux-x64 -o "$VSIX_BUNDLED" </dev/null \
    >"$ARTEFACTS/vsce-package-linux-x64.log" 2>&1) || { cat "$ARTEFACTS/vsce-package-linux-x64.log" >&2; }
  rm -rf "$ext/server"
fi
python3 -c 'import sys, zipfile; sys.exit("extension/server/section55" not in zipfile.ZipFile(sys.argv[1]).namelist())' "$VSIX_BUNDLED" \
  && ok "$(basename "$VSIX_BUNDLED") has the server inside (extension/server/section55)" \
  || not_ok "$(basename "$VSIX_BUNDLED") has the server inside (extension/server/section55)"

# A workspace holding a copy of the example (so nothing else in the repository is opened).
WORKSPACE=$(mktemp -d /tmp/s55-vscode-ws.XXXXXX)
cp "$MAIN_EXAMPLE" "$WORKSPACE/"
FILE=$(basename "$MAIN_EXAMPLE")
(cd "$WORKSPACE" && "$SECTION55" check --format json "$FILE" >"$WORKSPACE.expected.json") || true

CODE_SERVER_DIR=$CODE_SERVER_DIR VSIX=$VSIX SECTION55_BIN_DIR=$(dirname "$SECTION55") \
WORKSPACE=$WORKSPACE FILE=$FILE EXPECT_JSON=$WORKSPACE.expected.json EXPECT="deadline-off-by-one,placeholder-link" ARTEFACTS=$ARTEFACTS \
  node "$HERE/vscode-e2e.mjs" | tee "$WORKSPACE.out" || true
tally "$WORKSPACE.out"

section "VS Code, the linux-x64 package with the server inside, no section55 on PATH"
CODE_SERVER_DIR=$CODE_SERVER_DIR VSIX=$VSIX_BUNDLED SECTION55_BIN_DIR=$(dirname "$SECTION55") SCENARIO=bundled \
WORKSPACE=$WORKSPACE FILE=$FILE EXPECT_JSON=$WORKSPACE.expected.json EXPECT="deadline-off-by-one,placeholder-link" ARTEFACTS=$ARTEFACTS \
  node "$HERE/vscode-e2e.mjs" | tee "$WORKSPACE.out" || true
tally "$WORKSPACE.out"
rm -rf "$WORKSPACE" "$WORKSPACE.expected.json" "$WORKSPACE.out"
finish vscode
