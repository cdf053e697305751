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

# A correct example: one with no findings at all; and one with warnings only (exit 0 too).
clean=; warned=
probe=$(mktemp /tmp/s55-pc-probe.XXXXXX)
for f in "$EXAMPLES"/*.s55.yaml "$EXAMPLES"/*.s55.yml; do
  [ -f "$f" ] || continue
  "$SECTION55" check --format json "$f" >"$probe" 2>/dev/null && rc=0 || rc=$?
  n=$(json_get "$probe" 'len(d["diagnostics"])' 2>/dev/null || echo -1)
  if [ "$rc" -eq 0 ] && [ "$n" -eq 0 ] && [ -z "$clean" ]; then clean=$f; fi
  if [ "$rc" -eq 0 ] && [ "$n" -gt 0 ] && [ -z "$warned" ]; then warned=$f; fi
done
rm -f "$probe"
[ -n "$clean" ] || missing_feature "no example in examples/ has no findings"
[ -n "$warned" ] || warned=$clean
echo "# correct file: ${clean#$ROOT/}; file with warnings only: ${warned#$ROOT/}"

# The repository whose hook is tried (default: this one, with its uncommitted changes to tracked
# files; pre-commit leaves untracked files out).
HOOK_REPO=${SECTION55_HOOK_REPO:-$ROOT}
export PRE_COMMIT_HOME=$CACHE/pre-commit
# pre-commit builds the hook with `cargo install --path .` in a fresh clone, and try-repo does so
# for every call (it uses a temporary store). Keep those builds in a cached target folder of their
# own, unoptimised: the dependencies are compiled once per machine and each call only compiles
# section55 itself. (A user's pre-commit builds the release profile once per hook revision.)
export CARGO_TARGET_DIR=$CACHE/pre-commit-target
export CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256
# The hook must be built from the repository, not taken from a section55 on PATH.
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vx "$(dirname "$SECTION55")" | paste -sd: -)

tmp=$(mktemp -d /tmp/s55-pre-commit.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
git init -q -b main .
git config user.email ci@example.invalid
git config user.name CI
cp "$clean" good.s55.yaml
cp "$warned" also.s55.yml
# The correct file with a wrong deadline (an error: deadline-mismatch).
sed -E 's/^response_deadline:.*/response_deadline: 2026-06-30/' "$clean" >bad.s55.yaml
grep -q '^response_deadline: 2026-06-30' bad.s55.yaml || { not_ok "could not make a bad file"; finish pre-commit; exit 1; }
printf 'not: a response\n' >unrelated.yaml
git add good.s55.yaml also.s55.yml bad.s55.yaml unrelated.yaml

run_hook() { # run_hook LOG FILES... — pre-commit try-repo; prints its exit code
  local log=$1; shift
  set +e
  pre-commit try-repo "$HOOK_REPO" section55 --verbose --color never --files "$@" >"$log" 2>&1
  local rc=$?
  set -e
  echo $rc
}

start=$(date +%s)
rc=$(run_hook "$tmp/bad.log" bad.s55.yaml)
echo "# pre-commit try-repo ... --files bad.s55.yaml: exit $rc ($(( $(date +%s) - start ))s, building the hook included)"
sed 's/^/#   /' "$tmp/bad.log" | grep -v '^#   *$' | head -40
cp "$tmp/bad.log" "$ARTEFACTS/pre-commit-bad.log"
[ "$rc" -ne 0 ] && ok "the hook fails on a file with an error" || not_ok "the hook fails on a file with an error" "exit $rc"
grep -Eq 'section55\.+Failed' "$tmp/bad.log" && ok "pre-commit reports the section55 hook as Failed" \
  || not_ok "pre-commit reports the section55 hook as Failed"
grep -q 'deadline-mismatch' "$tmp/bad.log" && ok "the hook output shows the finding (deadline-mismatch)" \
  || not_ok "the hook output shows the finding (deadline-mismatch)"
grep -q 'bad.s55.yaml:[0-9]' "$tmp/bad.log" && ok "the hook output names the file and line" \
  || not_ok "the hook output names the file and line"

start=$(date +%s)
rc=$(run_hook "$tmp/good.log" good.s55.yaml also.s55.yml unrelated.yaml)
echo "# pre-commit try-repo ... --files good.s55.yaml also.s55.yml unrelated.yaml: exit $rc ($(( $(date +%s) - start ))s)"
sed 's/^/#   /' "$tmp/good.log" | grep -v '^#   *$' | head -30
cp "$tmp/good.log" "$ARTEFACTS/pre-commit-good.log"
[ "$rc" -eq 0 ] && ok "the hook passes a correct file (and one with warnings only)" \
  || not_ok "the hook passes a correct file (and one with warnings only)" "$(cat "$tmp/good.log")"
grep -Eq 'section55\.+Passed' "$tmp/good.log" && ok "pre-commit reports the section55 hook as Passed" \
  || not_ok "pre-commit reports the section55 hook as Passed"
if [ "$warned" != "$clean" ]; then
  grep -q 'also.s55.yml:[0-9]' "$tmp/good.log" && ok "the hook runs on *.s55.yml (its warnings name also.s55.yml)" \
    || not_ok "the hook runs on *.s55.yml (its warnings name also.s55.yml)"
fi
grep -q 'unrelated.yaml' "$tmp/good.log" && not_ok "the hook does not run on plain .yaml files" \
  || ok "the hook does not run on plain .yaml files"

finish pre-commit
