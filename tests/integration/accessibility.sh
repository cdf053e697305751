#!/usr/bin/env bash
# (j) Accessibility of what section55 publishes, checked with axe-core (npm) in headless Chromium
# (playwright-core), opened from disk: `render --format html` of both examples, of a bilingual
# Welsh response (`--lang cy`, `en` and `both`), of an English-only example as a Welsh page, of a long
# generated response (every section, a table of 150 recommendations, long texts), and the
# `status --format html` dashboard of a portfolio in every state. No violation of WCAG 2.0, 2.1
# or 2.2 at levels A and AA is allowed; each page is also checked at a phone's width (no sideways
# scrolling) and printed to PDF; screenshots go to target/artefacts/.
HARNESS=accessibility
source "$(dirname "$0")/lib.sh"
ensure_binary
ensure_apt chromium chromium fonts-liberation
ensure_node_modules

tmp=$(mktemp -d /tmp/s55-a11y.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

section "the pages"
pages=()
for example in "$EXAMPLES"/*.s55.yaml; do
  name=$(basename "$example" .s55.yaml)
  check "render --format html $name" "$SECTION55" render --format html "$example" -o "$tmp/$name.html"
  pages+=("$tmp/$name.html")
done
# Welsh: the bilingual fixture as a Welsh page, an English page and one page in both languages,
# and an English-only example as a Welsh page (its texts in English, marked as such).
WELSH=$ROOT/tests/fixtures/welsh/gwent-bilingual.s55.yaml
for lang in cy en both; do
  check "render --format html --lang $lang (bilingual Gwent)" \
    "$SECTION55" render --format html --lang "$lang" "$WELSH" -o "$tmp/gwent.$lang.html"
  pages+=("$tmp/gwent.$lang.html")
done
check "render --format html --lang cy of an English-only example" \
  "$SECTION55" render --format html --lang cy "$EXAMPLES/surrey-peel-2025.s55.yaml" -o "$tmp/surrey-peel-2025.cy.html"
pages+=("$tmp/surrey-peel-2025.cy.html")
# A long response: the benchmarks' generator, at 200 KB (about 150 recommendations).
if (cd "$ROOT" && cargo run --quiet --example write-corpus -- --large "$tmp/long.s55.yaml" 200000) 2>"$tmp/gen.log"; then
  check "render --format html of a generated 200 KB response" \
    "$SECTION55" render --format html "$tmp/long.s55.yaml" -o "$tmp/long.html"
  pages+=("$tmp/long.html")
else
  not_ok "the generated long response (cargo run --example write-corpus)" "$(cat "$tmp/gen.log")"
fi
# The dashboard: the examples, the long response and drafts in other states.
mkdir -p "$tmp/portfolio"
cp "$EXAMPLES"/*.s55.yaml "$tmp/portfolio/"
[ -f "$tmp/long.s55.yaml" ] && cp "$tmp/long.s55.yaml" "$tmp/portfolio/"
sed 's/^response_deadline: .*/response_deadline: 2025-12-20/; s/^  published: 2025-09-10/  published: 2025-10-25/' \
  "$EXAMPLES/surrey-peel-2025.s55.yaml" | sed '/^office_use:/,$d' > "$tmp/portfolio/draft-ahead.s55.yaml"
printf 'force: [unclosed\n' > "$tmp/portfolio/broken.s55.yaml"
"$SECTION55" status "$tmp/portfolio" --format html --actions --today 2025-12-01 > "$tmp/dashboard.html" \
  && ok "status --format html" || not_ok "status --format html"
pages+=("$tmp/dashboard.html")

section "axe-core in Chromium"
AXE=$HERE/node_modules/axe-core/axe.min.js
[ -f "$AXE" ] || { not_ok "axe-core installed at $AXE"; finish "$HARNESS"; exit 1; }
(cd "$HERE" && node accessibility-e2e.mjs "$AXE" "$ARTEFACTS" "${pages[@]}") \
  && ok "accessibility-e2e.mjs" || not_ok "accessibility-e2e.mjs (see above)"
finish "$HARNESS"
