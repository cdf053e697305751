#!/usr/bin/env bash
# (h) The one-file browser version in headless Chromium (playwright-core), opened as a file:// URL:
# the example's findings (the same as `section55 check`), each rule's documentation, the rendered
# page and its download (the same bytes as `section55 render`), drag and drop, the size limit,
# and no network request. Tests SECTION55_DIST/section55.html when given, else builds the page
# with scripts/browser-page.sh (which needs the wasm32-unknown-unknown target; installed here).
HARNESS=browser
source "$(dirname "$0")/lib.sh"
ensure_binary
ensure_apt chromium chromium fonts-liberation
ensure_node_modules

section "the page"
page=${SECTION55_DIST:+$SECTION55_DIST/section55.html}
if [ -z "$page" ] || [ ! -f "$page" ]; then
  page=$ARTEFACTS/section55.html
  if ! no_install; then rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true; fi
  check "scripts/browser-page.sh builds the page" "$ROOT/scripts/browser-page.sh" "$page"
fi
[ -f "$page" ] || { not_ok "a page to test at $page"; finish browser; exit 1; }
ok "testing $(basename "$page") ($(( $(stat -c %s "$page") / 1024 )) KB)"

findings=$MAIN_EXAMPLE
clean=$EXAMPLES/surrey-peel-2025.s55.yaml
CLI_JSON=$("$SECTION55" check --format json "$findings" || true)
CLI_HTML=$("$SECTION55" render --format html "$findings"; printf x)
export CLI_JSON CLI_HTML=${CLI_HTML%x}

section "in Chromium"
(cd "$HERE" && node browser-e2e.mjs "$page" "$findings" "$clean" "$ARTEFACTS") && ok "browser-e2e.mjs" \
  || not_ok "browser-e2e.mjs (see above; screenshot in target/artefacts/browser-findings.png)"
finish browser
