#!/usr/bin/env bash
# (d) The exported schema in check-jsonschema (PyPI): for every example, and for a few variants of
# the main example with schema-level errors, check-jsonschema's verdict with
# schemas/section55-response.schema.json must agree with section55's schema-level verdict (whether
# `section55 check --format json` reports any invalid-yaml, schema or missing-section finding).
HARNESS=check-jsonschema
source "$(dirname "$0")/lib.sh"

section "check-jsonschema agrees with section55's schema verdicts"
ensure_binary
ensure_venv
has_command check || missing_feature "section55 check does not exist yet"
[ -d "$EXAMPLES" ] || missing_feature "examples/ does not exist yet"
[ -f "$SCHEMA" ] || missing_feature "$SCHEMA does not exist"

# The committed schema is the one the binary exports.
"$SECTION55" schema >"$ARTEFACTS/schema-exported.json"
if python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' \
   "$ARTEFACTS/schema-exported.json" "$SCHEMA"; then
  ok "schemas/section55-response.schema.json is what \`section55 schema\` prints"
else
  not_ok "schemas/section55-response.schema.json is what \`section55 schema\` prints"
fi
check "check-jsonschema accepts the schema itself (--check-metaschema)" \
  check-jsonschema --check-metaschema "$SCHEMA"

tmp=$(mktemp -d /tmp/s55-cjs.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
files=()
for f in "$EXAMPLES"/*.s55.yaml "$EXAMPLES"/*.s55.yml; do [ -f "$f" ] && files+=("$f"); done
[ ${#files[@]} -gt 0 ] || missing_feature "no examples in examples/"

# Variants of the main example (or the first example) with one schema-level change each.
base=$MAIN_EXAMPLE; [ -f "$base" ] || base=${files[0]}
variant() { # variant NAME PYTHON-EDIT — writes $tmp/NAME.s55.yaml from the base file's lines
  python3 - "$base" "$tmp/$1.s55.yaml" "$2" <<'PY'
import re, sys
src, dst, edit = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(src, encoding="utf-8").read()
lines = text.splitlines(keepends=True)
exec(edit)
open(dst, "w", encoding="utf-8").write("".join(lines))
PY
  files+=("$tmp/$1.s55.yaml")
}
variant unknown-key 'lines.append("polcing_area: Norfolk\n")'
variant missing-force 'lines = [l for l in lines if not l.startswith("force:")]'
variant bad-status 'lines = [re.sub(r"^(\s*status:\s*)\S+", r"\1maybe", l) for l in lines]; assert any("status: maybe" in l for l in lines)'
variant date-not-a-date 'lines = [re.sub(r"^response_deadline:.*", "response_deadline: soon", l) for l in lines]'
variant forces-not-a-list 'lines = [re.sub(r"^(\s*)forces:.*", r"\1forces: 7", l) for l in lines]'
variant with-schema-key 'lines.insert(0, "$schema: ../schemas/section55-response.schema.json\n")'

agree=0
for f in "${files[@]}"; do
  name=${f#$ROOT/}; name=${name#$tmp/}
  set +e
  (cd "$(dirname "$f")" && "$SECTION55" check --format json "$(basename "$f")") >"$tmp/out.json" 2>"$tmp/err.txt"
  rc=$?
  check-jsonschema --schemafile "$SCHEMA" "$f" >"$tmp/cjs.txt" 2>&1
  cjs_rc=$?
  set -e
  if [ $rc -eq 2 ]; then not_ok "$name: section55 check could not run" "$(cat "$tmp/err.txt")"; continue; fi
  ours=$(json_get "$tmp/out.json" \
    '"invalid" if any(x["rule"] in ("invalid-yaml","schema","missing-section") for x in d["diagnostics"]) else "valid"')
  rules=$(json_get "$tmp/out.json" \
    '",".join(sorted({x["rule"] for x in d["diagnostics"] if x["rule"] in ("invalid-yaml","schema","missing-section")})) or "-"')
  case $cjs_rc in 0) theirs=valid ;; 1) theirs=invalid ;; *) theirs="error($cjs_rc)" ;; esac
  if [ "$ours" = "$theirs" ]; then
    agree=$((agree + 1))
    ok "$name: both say $ours (section55 schema-level rules: $rules)"
  else
    not_ok "$name: section55 says $ours ($rules), check-jsonschema says $theirs" "$(head -20 "$tmp/cjs.txt")"
  fi
done
echo "# $agree of ${#files[@]} files agree"
finish check-jsonschema
