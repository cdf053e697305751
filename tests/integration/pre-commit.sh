#!/usr/bin/env bash
# (c) pre-commit: this repository's .pre-commit-hooks.yaml, named at one revision by the
# .pre-commit-config.yaml of a temporary git repository, as a user's repository names it. A file with an error fails the hook and the output shows the finding; a correct
# file passes; the formatter's hook rewrites a file out of order. Two builds, as a user gets them:
#   - default: `section55-from-source` and `section55-fmt-from-source` (pre-commit builds them
#     with `cargo install`);
#   - SECTION55_DIST=dist: `section55` and `section55-fmt`, which install the prebuilt wheel, here
#     from that folder (PIP_FIND_LINKS, PIP_NO_INDEX=1) with no cargo on PATH and a fresh pre-commit cache, so the
#     first run installs everything and cannot compile anything.
HARNESS=pre-commit
source "$(dirname "$0")/lib.sh"

ensure_binary
ensure_venv
if [ -n "${SECTION55_DIST:-}" ]; then HOOK=section55; else HOOK=section55-from-source; fi
section "pre-commit (hook $HOOK)"
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
without_dirs_holding() { # without_dirs_holding NAME — PATH less the folders that have NAME
  printf '%s' "$PATH" | tr ':' '\n' | while read -r d; do [ -e "$d/$1" ] || printf '%s\n' "$d"; done | paste -sd: -
}
if [ "$HOOK" = section55 ]; then
  ls "$SECTION55_DIST"/section55-*manylinux*.whl >/dev/null 2>&1 \
    || { not_ok "no Linux wheel in $SECTION55_DIST (scripts/release.sh builds it)"; finish pre-commit; exit 1; }
  PIP_FIND_LINKS=$(cd "$SECTION55_DIST" && pwd)
  export PIP_FIND_LINKS PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1
  PATH=$(without_dirs_holding cargo)
  PATH=$(without_dirs_holding section55)
  command -v cargo >/dev/null && { not_ok "cargo is still on PATH"; finish pre-commit; exit 1; }
  ok "no cargo and no section55 on PATH; pip installs from $PIP_FIND_LINKS only (PIP_NO_INDEX=1)"
else
# pre-commit builds the hook with `cargo install --path .` in a fresh clone of the hook's
# repository, once per revision. Keep that build in a cached target folder of its own,
# unoptimised: the dependencies are compiled once per machine. (A user's pre-commit builds the
# release profile.)
export CARGO_TARGET_DIR=$CACHE/pre-commit-target
export CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256
# The hook must be built from the repository, not taken from a section55 on PATH.
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vx "$(dirname "$SECTION55")" | paste -sd: -)
fi

# A fresh pre-commit store: the first call installs the hooks, as a user's first commit does.
FRESH_HOME=$(mktemp -d /tmp/s55-pre-commit-home.XXXXXX)
export PRE_COMMIT_HOME=$FRESH_HOME
tmp=$(mktemp -d /tmp/s55-pre-commit.XXXXXX)
hooks=$(mktemp -d /tmp/s55-pre-commit-hooks.XXXXXX)
trap 'rm -rf "$tmp" "$FRESH_HOME" "$hooks"' EXIT

# The hooks' repository at one revision: HOOK_REPO with its uncommitted changes to tracked files
# committed in a scratch clone (as try-repo does), so pre-commit installs the hooks once for all
# the calls below (try-repo would build them again for each).
git clone -q "$HOOK_REPO" "$hooks"
(cd "$HOOK_REPO" && git diff HEAD --binary) >"$tmp.patch"
if [ -s "$tmp.patch" ]; then
  (cd "$hooks" && git apply --index "$tmp.patch" \
    && git -c user.email=ci@example.invalid -c user.name=CI commit -qm "uncommitted changes")
fi
rm -f "$tmp.patch"
rev=$(git -C "$hooks" rev-parse HEAD)

cd "$tmp"
git init -q -b main .
git config user.email ci@example.invalid
git config user.name CI
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: $HOOK
      - id: ${HOOK/#section55/section55-fmt}
YAML
git add .pre-commit-config.yaml
cp "$clean" good.s55.yaml
cp "$warned" also.s55.yml
# The correct file with a wrong deadline (an error: deadline-mismatch).
sed -E 's/^response_deadline:.*/response_deadline: 2026-06-30/' "$clean" >bad.s55.yaml
grep -q '^response_deadline: 2026-06-30' bad.s55.yaml || { not_ok "could not make a bad file"; finish pre-commit; exit 1; }
printf 'not: a response\n' >unrelated.yaml
git add good.s55.yaml also.s55.yml bad.s55.yaml unrelated.yaml

run_hook() { # run_hook LOG FILES... — pre-commit run $HOOK; prints its exit code
  local log=$1; shift
  set +e
  pre-commit run "$HOOK" --verbose --color never --files "$@" >"$log" 2>&1
  local rc=$?
  set -e
  echo $rc
}

start=$(date +%s)
rc=$(run_hook "$tmp/bad.log" bad.s55.yaml)
echo "# pre-commit run $HOOK --files bad.s55.yaml: exit $rc ($(( $(date +%s) - start ))s, installing the hook included)"
sed 's/^/#   /' "$tmp/bad.log" | grep -v '^#   *$' | head -40
cp "$tmp/bad.log" "$ARTEFACTS/pre-commit-bad.log"
[ "$rc" -ne 0 ] && ok "the hook fails on a file with an error" || not_ok "the hook fails on a file with an error" "exit $rc"
grep -Eq 'section55.*\.\.+Failed' "$tmp/bad.log" && ok "pre-commit reports the $HOOK hook as Failed" \
  || not_ok "pre-commit reports the $HOOK hook as Failed"
if [ "$HOOK" = section55 ]; then
  grep -q 'Compiling' "$tmp/bad.log" && not_ok "the first run compiles nothing" \
    || ok "the first run compiles nothing (it took $(( $(date +%s) - start ))s with the install)"
fi
grep -q 'deadline-mismatch' "$tmp/bad.log" && ok "the hook output shows the finding (deadline-mismatch)" \
  || not_ok "the hook output shows the finding (deadline-mismatch)"
grep -q 'bad.s55.yaml:[0-9]' "$tmp/bad.log" && ok "the hook output names the file and line" \
  || not_ok "the hook output names the file and line"

start=$(date +%s)
rc=$(run_hook "$tmp/good.log" good.s55.yaml also.s55.yml unrelated.yaml)
echo "# pre-commit run $HOOK --files good.s55.yaml also.s55.yml unrelated.yaml: exit $rc ($(( $(date +%s) - start ))s)"
sed 's/^/#   /' "$tmp/good.log" | grep -v '^#   *$' | head -30
cp "$tmp/good.log" "$ARTEFACTS/pre-commit-good.log"
[ "$rc" -eq 0 ] && ok "the hook passes a correct file (and one with warnings only)" \
  || not_ok "the hook passes a correct file (and one with warnings only)" "$(cat "$tmp/good.log")"
grep -Eq 'section55.*\.\.+Passed' "$tmp/good.log" && ok "pre-commit reports the $HOOK hook as Passed" \
  || not_ok "pre-commit reports the $HOOK hook as Passed"
if [ "$warned" != "$clean" ]; then
  grep -q 'also.s55.yml:[0-9]' "$tmp/good.log" && ok "the hook runs on *.s55.yml (its warnings name also.s55.yml)" \
    || not_ok "the hook runs on *.s55.yml (its warnings name also.s55.yml)"
fi
grep -q 'unrelated.yaml' "$tmp/good.log" && not_ok "the hook does not run on plain .yaml files" \
  || ok "the hook does not run on plain .yaml files"

# The formatter's hook rewrites a file out of the template's order, which fails the commit
# (pre-commit sees the file changed); the formatted file then passes.
FMT_HOOK=${HOOK/#section55/section55-fmt}
HOOK=$FMT_HOOK
{ grep -v '^force:' "$clean"; grep '^force:' "$clean"; } >unformatted.s55.yaml
cp unformatted.s55.yaml unformatted.orig
git add unformatted.s55.yaml
rc=$(run_hook "$tmp/fmt.log" unformatted.s55.yaml)
echo "# pre-commit run $FMT_HOOK --files unformatted.s55.yaml: exit $rc"
sed 's/^/#   /' "$tmp/fmt.log" | grep -v '^#   *$' | head -20
cp "$tmp/fmt.log" "$ARTEFACTS/pre-commit-fmt.log"
[ "$rc" -ne 0 ] && grep -q 'files were modified by this hook' "$tmp/fmt.log" \
  && ok "the $FMT_HOOK hook rewrites a file out of order and fails the commit" \
  || not_ok "the $FMT_HOOK hook rewrites a file out of order and fails the commit" "exit $rc"
cmp -s unformatted.s55.yaml "$clean" && ok "the rewritten file is the example again" \
  || not_ok "the rewritten file is the example again" "$(diff "$clean" unformatted.s55.yaml | head -20)"
git add unformatted.s55.yaml
rc=$(run_hook "$tmp/fmt2.log" unformatted.s55.yaml)
[ "$rc" -eq 0 ] && ok "the $FMT_HOOK hook passes a formatted file" \
  || not_ok "the $FMT_HOOK hook passes a formatted file" "$(cat "$tmp/fmt2.log")"

finish pre-commit
