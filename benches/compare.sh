#!/usr/bin/env bash
# Side-by-side comparison (benches/README.md): `section55 check` against check-jsonschema and
# ajv-cli on the same 2,000 generated response files, one small file from a cold process, and
# `section55 lsp` against yaml-language-server driven by the same client.
#
#   benches/compare.sh                  # everything, 7 runs per tool
#   RUNS=3 benches/compare.sh           # fewer runs
#   benches/compare.sh --update-readme  # also write the figures into benches/README.md
#   SECTION55_BEFORE=old/section55 benches/compare.sh  # and another build beside this one
#                                       # (SECTION55_BEFORE_NAME: its name in the tables)
#
# Installs the peers by package name (pip: check-jsonschema; npm, into target/compare/node:
# ajv-cli, ajv-formats, yaml-language-server; apt: hyperfine, time) when they are missing.
# Everything it writes goes under target/compare/ (override with SECTION55_COMPARE_DIR).
# Nothing is fetched at run time: yaml-language-server's schema store is switched off.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${SECTION55_COMPARE_DIR:-$ROOT/target/compare}
RUNS=${RUNS:-7}
SCHEMA=$ROOT/schemas/section55-response.schema.json
UPDATE_README=0
[[ "${1:-}" == "--update-readme" ]] && UPDATE_README=1

step() { printf '\n== %s\n' "$*" >&2; }
mkdir -p "$WORK"
RESULTS=$WORK/results.tsv
: > "$RESULTS"

# ---- peers --------------------------------------------------------------------------------
step "peers"
if ! command -v check-jsonschema > /dev/null; then
  python3 -m pip install --quiet check-jsonschema
fi
if [[ ! -x $WORK/node/node_modules/.bin/ajv || ! -d $WORK/node/node_modules/yaml-language-server ]]; then
  mkdir -p "$WORK/node"
  npm install --prefix "$WORK/node" --no-audit --no-fund --loglevel=error \
    ajv-cli ajv-formats yaml-language-server > /dev/null
fi
if ! command -v hyperfine > /dev/null || [[ ! -x /usr/bin/time ]]; then
  (apt-get install -y -qq hyperfine time > /dev/null 2>&1) ||
    (apt-get update -qq > /dev/null && apt-get install -y -qq hyperfine time > /dev/null)
fi
AJV=$WORK/node/node_modules/.bin/ajv
YLS=$WORK/node/node_modules/yaml-language-server/bin/yaml-language-server
version() { node -p "require('$WORK/node/node_modules/$1/package.json').version"; }
{
  echo "version	section55	$(git -C "$ROOT" rev-parse --short HEAD)"
  echo "version	check-jsonschema	$(check-jsonschema --version | awk '{print $NF}')"
  echo "version	ajv-cli	$(version ajv-cli) (ajv $(version ajv), ajv-formats $(version ajv-formats))"
  echo "version	yaml-language-server	$(version yaml-language-server)"
  echo "version	node	$(node --version)"
  echo "version	python	$(python3 --version | awk '{print $2}')"
  echo "machine	nproc	$(nproc)"
  echo "machine	cpu	$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "machine	memory	$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
} >> "$RESULTS"

# ---- build and corpus ---------------------------------------------------------------------
step "release build"
(cd "$ROOT" && cargo build --release --quiet --bin section55 --example write-corpus)
S55=$ROOT/target/release/section55
WRITE=$ROOT/target/release/examples/write-corpus

step "corpus: 2,000 generated response files (and the same data as JSON for ajv-cli)"
rm -rf "$WORK/corpus" "$WORK/corpus-json" "$WORK/lsp"
"$WRITE" "$WORK/corpus" 2000 --json
mkdir -p "$WORK/corpus-json" "$WORK/lsp"
mv "$WORK/corpus"/*.json "$WORK/corpus-json/"
# The 1 MB file for the language servers; its schema comes from the client's settings.
"$WRITE" --large "$WORK/lsp/large.tmp"
tail -n +2 "$WORK/lsp/large.tmp" > "$WORK/lsp/large.s55.yaml" && rm "$WORK/lsp/large.tmp"
echo "corpus	files	$(ls "$WORK/corpus" | wc -l)" >> "$RESULTS"
echo "corpus	bytes	$(cat "$WORK"/corpus/* | wc -c)" >> "$RESULTS"

# ---- the 2,000 files ----------------------------------------------------------------------
# measure NAME COMMAND...: RUNS runs after one warm-up; wall seconds and peak RSS (KiB) of each.
measure() {
  local name=$1
  shift
  "$@" > /dev/null 2>&1 || true
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$WORK/time.out" "$@" > /dev/null 2>&1 || true
    read -r wall kib < <(tail -n 1 "$WORK/time.out")
    echo "run	$name	$wall	$kib" >> "$RESULTS"
  done
}

cd "$WORK"
# check_2000 NAME BINARY: section55 check on all cores, then on one (rayon's RAYON_NUM_THREADS).
check_2000() {
  step "$1 check (every rule, all cores, then one thread)"
  measure "check-2000/$1" "$2" check --format json --today 2026-01-15 corpus
  measure "check-2000/$1-1thread" env RAYON_NUM_THREADS=1 "$2" check --format json --today 2026-01-15 corpus
}
check_2000 section55 "$S55"
BEFORE=${SECTION55_BEFORE:-}
if [[ -n $BEFORE ]]; then
  echo "version	before	${SECTION55_BEFORE_NAME:-$("$BEFORE" --version)}" >> "$RESULTS"
  check_2000 before "$BEFORE"
fi
step "check-jsonschema (schema only)"
measure "check-2000/check-jsonschema" check-jsonschema --schemafile "$SCHEMA" -o json corpus/*.s55.yaml
step "ajv-cli (schema only, on the JSON copies)"
measure "check-2000/ajv-cli" "$AJV" validate --spec=draft2020 --strict=false -c ajv-formats \
  -s "$SCHEMA" -d "corpus-json/*.json" --errors=line

# Schema verdicts: how many files each tool finds invalid against the schema.
"$S55" check --format json --today 2026-01-15 corpus > "$WORK/section55.json" || true
check-jsonschema --schemafile "$SCHEMA" -o json corpus/*.s55.yaml > "$WORK/check-jsonschema.json" || true
"$AJV" validate --spec=draft2020 --strict=false -c ajv-formats -s "$SCHEMA" -d "corpus-json/*.json" \
  --errors=line > "$WORK/ajv.txt" 2>&1 || true
python3 - "$WORK" >> "$RESULTS" << 'EOF'
import json, sys
work = sys.argv[1]
ours = json.load(open(f"{work}/section55.json"))
schema_rules = {"schema", "missing-section", "invalid-yaml"}
print("verdict\tsection55\t%d" % len({d["path"] for d in ours["diagnostics"] if d["rule"] in schema_rules}))
print("verdict\tsection55 (any error)\t%d" % len({d["path"] for d in ours["diagnostics"] if d["severity"] == "error"}))
print("verdict\tsection55 findings\t%d" % len(ours["diagnostics"]))
cj = json.load(open(f"{work}/check-jsonschema.json"))
print("verdict\tcheck-jsonschema\t%d" % len({e["filename"] for e in cj.get("errors", [])} | {e["filename"] for e in cj.get("parse_errors", [])}))
print("verdict\tajv-cli\t%d" % sum(1 for line in open(f"{work}/ajv.txt") if line.rstrip().endswith(" invalid")))
EOF

# ---- one small file, cold process ---------------------------------------------------------
step "one small file, cold process"
# The first generated file (and its JSON copy for ajv-cli).
SMALL=$WORK/corpus/response-0000.s55.yaml
SMALL_JSON=$WORK/corpus-json/response-0000.json
echo "cold	bytes	$(wc -c < "$SMALL")" >> "$RESULTS"
BEFORE_COLD=()
[[ -n $BEFORE ]] && BEFORE_COLD=(-n before "$BEFORE check --format json --today 2026-01-15 $SMALL")
hyperfine -N --warmup 3 --runs 50 --export-json "$WORK/cold.json" \
  -n section55 "$S55 check --format json --today 2026-01-15 $SMALL" "${BEFORE_COLD[@]}" \
  -n check-jsonschema "check-jsonschema --schemafile $SCHEMA $SMALL" \
  -n ajv-cli "$AJV validate --spec=draft2020 --strict=false -c ajv-formats -s $SCHEMA -d $SMALL_JSON" \
  -i > /dev/null
python3 - "$WORK/cold.json" >> "$RESULTS" << 'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("cold\t%s\t%.2f\t%.2f" % (r["command"], r["median"] * 1000, r["mean"] * 1000))
EOF
for _ in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$WORK/time.out" "$S55" check --today 2026-01-15 "$SMALL" > /dev/null 2>&1 || true
  read -r wall kib < <(tail -n 1 "$WORK/time.out")
  echo "run	cold/section55	$wall	$kib" >> "$RESULTS"
done

# ---- language servers ---------------------------------------------------------------------
step "language servers: section55 lsp and yaml-language-server, same client"
python3 "$ROOT/benches/lsp_compare.py" --name section55 --schema "$SCHEMA" \
  --example "$ROOT/examples/norfolk-gbcse-progress-2025.s55.yaml" --large "$WORK/lsp/large.s55.yaml" \
  --rounds 200 --large-rounds 30 -- "$S55" lsp > "$WORK/lsp-section55.json"
python3 "$ROOT/benches/lsp_compare.py" --name yaml-language-server --schema "$SCHEMA" \
  --example "$ROOT/examples/norfolk-gbcse-progress-2025.s55.yaml" --large "$WORK/lsp/large.s55.yaml" \
  --rounds 30 --large-rounds 8 -- node "$YLS" --stdio > "$WORK/lsp-yaml-language-server.json"
DELAY=$(grep -o 'validationDelayMs = [0-9]*' \
  "$WORK/node/node_modules/yaml-language-server/out/server/src/yamlSettings.js" | grep -o '[0-9]*$')
echo "lsp	yaml-language-server debounce ms	$DELAY" >> "$RESULTS"

# ---- report -------------------------------------------------------------------------------
step "report"
python3 "$ROOT/benches/report.py" "$WORK" > "$WORK/results.md"
cat "$WORK/results.md"
if [[ $UPDATE_README == 1 ]]; then
  python3 "$ROOT/benches/report.py" "$WORK" --readme "$ROOT/benches/README.md"
  echo "(benches/README.md updated)" >&2
fi
