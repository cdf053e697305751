#!/usr/bin/env bash
# (c) pre-commit: `pre-commit try-repo` with this repository's .pre-commit-hooks.yaml in a temporary
# git repository (pre-commit builds the hook with `cargo install`, as for a user). A file with an
# error fails the hook and the output shows the finding; a correct file passes.
HARNESS=pre-commit
source "$(dirname "$0")/lib.sh"

section "pre-commit (try-repo)"
ensure_binary
ensure_venv
has_command check || missing_feature "section55 check does not exist yet"
[ -d "$EXAMPLES" ] || missing_feature "examples/ does not exist yet"

# A correct example: one that `section55 check` passes (exit 0).
clean=
for f in "$EXAMPLES"/*.s55.yaml "$EXAMPLES"/*.s55.yml; do
  [ -f "$f" ] || continue
  if "$SECTION55" check --format concise "$f" >/dev/null 2>&1; then clean=$f; break; fi
done
[ -n "$clean" ] || missing_feature "no example in examples/ passes section55 check"
echo "# correct file: ${clean#$ROOT/}"

export PRE_COMMIT_HOME=$CACHE/pre-commit
# pre-commit runs `cargo install --path .` in its own clone; sharing the target folder lets that
# build reuse the dependencies already compiled for target/release.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
# The hook must be built from the repository, not taken from a section55 on PATH.
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vx "$(dirname "$SECTION55")" | paste -sd: -)

tmp=$(mktemp -d /tmp/s55-pre-commit.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
git init -q -b main .
git config user.email ci@example.invalid
git config user.name CI
cp "$clean" good.s55.yaml
# The same file with a wrong deadline (an error: deadline-mismatch).
sed -E 's/^response_deadline:.*/response_deadline: 2026-06-30/' "$clean" >bad.s55.yaml
grep -q '^response_deadline: 2026-06-30' bad.s55.yaml || { not_ok "could not make a bad file"; finish pre-commit; exit 1; }
printf 'not: a response\n' >unrelated.yaml
git add good.s55.yaml bad.s55.yaml unrelated.yaml

run_hook() { # run_hook LOG FILES... — pre-commit try-repo; prints its exit code
  local log=$1; shift
  set +e
  pre-commit try-repo "$ROOT" section55 --verbose --color never --files "$@" >"$log" 2>&1
  local rc=$?
  set -e
  echo $rc
}

start=$(date +%s)
rc=$(run_hook "$tmp/bad.log" bad.s55.yaml)
echo "# try-repo with bad.s55.yaml: exit $rc ($(( $(date +%s) - start ))s, includes building the hook on first use)"
sed 's/^/#   /' "$tmp/bad.log" | grep -v '^#   *$' | head -40
cp "$tmp/bad.log" "$ARTEFACTS/pre-commit-bad.log"
[ "$rc" -ne 0 ] && ok "the hook fails on a file with an error" || not_ok "the hook fails on a file with an error" "exit $rc"
grep -q 'deadline-mismatch' "$tmp/bad.log" && ok "the hook output shows the finding (deadline-mismatch)" \
  || not_ok "the hook output shows the finding (deadline-mismatch)"
grep -q 'bad.s55.yaml' "$tmp/bad.log" && ok "the hook output names the file" || not_ok "the hook output names the file"

rc=$(run_hook "$tmp/good.log" good.s55.yaml unrelated.yaml)
echo "# try-repo with good.s55.yaml unrelated.yaml: exit $rc"
sed 's/^/#   /' "$tmp/good.log" | grep -v '^#   *$' | head -20
cp "$tmp/good.log" "$ARTEFACTS/pre-commit-good.log"
[ "$rc" -eq 0 ] && ok "the hook passes a correct file" || not_ok "the hook passes a correct file" "$(cat "$tmp/good.log")"
grep -Eq 'section55\.+Passed' "$tmp/good.log" && ok "pre-commit reports the section55 hook as Passed" \
  || not_ok "pre-commit reports the section55 hook as Passed"
grep -q 'unrelated.yaml' "$tmp/good.log" && not_ok "the hook does not run on plain .yaml files" \
  || ok "the hook does not run on plain .yaml files"

# A file pattern check without running anything: *.s55.yml is matched too.
cp "$clean" also.s55.yml && git add also.s55.yml
rc=$(run_hook "$tmp/yml.log" also.s55.yml)
grep -Eq 'section55\.+Passed' "$tmp/yml.log" && [ "$rc" -eq 0 ] && ok "the hook runs on *.s55.yml" \
  || not_ok "the hook runs on *.s55.yml" "$(cat "$tmp/yml.log")"

finish pre-commit
