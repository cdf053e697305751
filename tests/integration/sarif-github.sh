#!/usr/bin/env bash
# (f) `section55 check --format sarif` validated by the official SARIF Multitool
# (npm @microsoft/sarif-multitool, `validate`) and by check-jsonschema with the SARIF 2.1.0 schema
# shipped in that package, and compared result by result with `--format json`; then
# `--format github` annotations checked line by line against `--format json`.
HARNESS=sarif-github
source "$(dirname "$0")/lib.sh"

section "SARIF and GitHub annotations"
ensure_binary
ensure_node_modules
ensure_venv
has_command check || missing_feature "section55 check does not exist yet"
[ -d "$EXAMPLES" ] || missing_feature "examples/ does not exist yet"

tmp=$(mktemp -d /tmp/s55-sarif.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# Run from the repository root on the examples plus a file with an error and a file that is not
# YAML, so errors, warnings and infos all appear. Paths in the output are relative to the root.
work=target/artefacts/sarif-input
rm -rf "$ROOT/$work" && mkdir -p "$ROOT/$work"
cp "$EXAMPLES"/*.s55.y*ml "$ROOT/$work/"
first=$(ls "$ROOT/$work"/*.s55.y*ml | head -1)
sed -E 's/^response_deadline:.*/response_deadline: 2026-06-30/' "$first" >"$ROOT/$work/with-error.s55.yaml"
printf 'policing_body: [unclosed\n' >"$ROOT/$work/broken.s55.yaml"
cd "$ROOT"

formats_ok=1
for fmt in json sarif github; do
  set +e
  "$SECTION55" check --format "$fmt" "$work" >"$tmp/out.$fmt" 2>"$tmp/err.$fmt"
  rc=$?
  set -e
  if [ $rc -eq 2 ]; then
    if grep -qi "$fmt" "$tmp/err.$fmt"; then
      formats_ok=0
      not_ok "section55 check --format $fmt is implemented" "$(head -5 "$tmp/err.$fmt")"
    else
      not_ok "section55 check --format $fmt ran (exit 2)" "$(head -5 "$tmp/err.$fmt")"
    fi
  else
    [ $rc -eq 1 ] && ok "check --format $fmt exits 1 (the input has errors)" \
      || not_ok "check --format $fmt exits 1 (the input has errors)" "exit $rc"
  fi
done
cp "$tmp/out.sarif" "$ARTEFACTS/section55.sarif" 2>/dev/null || true
cp "$tmp/out.github" "$ARTEFACTS/section55-github.txt" 2>/dev/null || true
if [ $formats_ok = 0 ]; then finish sarif-github; exit 1; fi

# SARIF: the official validator. It exits 0 whatever it finds, so read its own SARIF output.
multitool=$HERE/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
[ -x "$multitool" ] || chmod u+x "$multitool"
"$multitool" validate --log ForceOverwrite -o "$tmp/multitool.sarif" "$tmp/out.sarif" >"$tmp/multitool.txt" 2>&1 \
  || { not_ok "Sarif.Multitool validate ran" "$(cat "$tmp/multitool.txt")"; }
sed 's/^/# /' "$tmp/multitool.txt" | grep -v '^# *$' | head -30
cp "$tmp/multitool.sarif" "$ARTEFACTS/sarif-multitool-validate.sarif" 2>/dev/null || true
sarif_schema=$HERE/node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json
check "check-jsonschema validates the SARIF output against the SARIF 2.1.0 schema" \
  check-jsonschema --schemafile "$sarif_schema" "$tmp/out.sarif"
python3 "$HERE/sarif_github.py" sarif "$tmp/out.json" "$tmp/out.sarif" "$tmp/multitool.sarif" | tee "$tmp/py.txt" || true
PASSED=$((PASSED + $(grep -c '^ok - ' "$tmp/py.txt" || true))); FAILED=$((FAILED + $(grep -c '^not ok - ' "$tmp/py.txt" || true)))

# GitHub workflow commands.
sed 's/^/# /' "$tmp/out.github" | head -12
python3 "$HERE/sarif_github.py" github "$tmp/out.json" "$tmp/out.github" | tee "$tmp/py.txt" || true
PASSED=$((PASSED + $(grep -c '^ok - ' "$tmp/py.txt" || true))); FAILED=$((FAILED + $(grep -c '^not ok - ' "$tmp/py.txt" || true)))

finish sarif-github
