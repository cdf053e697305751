#!/usr/bin/env bash
# Time and peak memory of `section55 check` on the hostile inputs of tests/hostile.rs
# (benches/README.md): one 220 KB line with 10,000 findings, 1,000,000 unknown keys (12.9 MB)
# and a file that is only a byte order mark, in the json, sarif and human formats. Median of
# RUNS runs (default 5) after one warm-up, measured with /usr/bin/time.
#
#   benches/hostile.sh            # prints a Markdown table
#   RUNS=3 benches/hostile.sh
#   SECTION55_BIN=old/section55 benches/hostile.sh   # another build, for a before/after
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${SECTION55_HOSTILE_DIR:-$ROOT/target/hostile}
RUNS=${RUNS:-5}
if [[ ! -x /usr/bin/time ]]; then
  (apt-get install -y -qq time > /dev/null 2>&1) ||
    (apt-get update -qq > /dev/null && apt-get install -y -qq time > /dev/null)
fi
BIN=${SECTION55_BIN:-$ROOT/target/release/section55}
[[ -n ${SECTION55_BIN:-} ]] || cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
# The generator is quick in a debug build.
cargo run --quiet --manifest-path "$ROOT/Cargo.toml" --example write-corpus -- --hostile "$WORK"

# "seconds KiB" of one run.
measure() {
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$BIN" check --today 2026-01-15 --format "$@" > /dev/null || true
  # The last line: /usr/bin/time first notes the exit status 1 (findings).
  tail -n 1 "$WORK/time.txt"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "| input | format | median time | median peak memory |"
echo "|---|---|---:|---:|"
for input in line keys bom; do
  for format in json sarif human; do
    measure "$format" "$WORK/$input.s55.yaml" > /dev/null
    : > "$WORK/runs.txt"
    for _ in $(seq "$RUNS"); do measure "$format" "$WORK/$input.s55.yaml" >> "$WORK/runs.txt"; done
    seconds=$(cut -d' ' -f1 "$WORK/runs.txt" | median)
    kib=$(cut -d' ' -f2 "$WORK/runs.txt" | median)
    echo "| $input | $format | ${seconds} s | $((kib / 1024)) MB |"
  done
done
