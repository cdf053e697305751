#!/usr/bin/env bash
# Installs code-server (VS Code served to a browser) from the npm registry into DIR, on a machine
# that reaches the package registries but not GitHub. Usage: install-code-server.sh DIR
# (A copy of shared/recipes/install-code-server.sh, kept here so the repository is self-contained;
# it also refreshes apt's lists when they are empty.)
# Then: node DIR/node_modules/code-server/out/node/entry.js --auth none --bind-addr 127.0.0.1:PORT \
#         --disable-telemetry --disable-update-check --user-data-dir UD --extensions-dir EXT FOLDER
# and install an extension with the same entry.js plus `--install-extension FILE.vsix --extensions-dir EXT`.
set -euo pipefail
dir=${1:?usage: install-code-server.sh DIR}
version=4.100.3   # the newest line that runs on Node.js 20
mkdir -p "$dir"
cd "$dir"
if [ -f node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node ] && \
   [ -e node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ]; then
  echo "code-server already installed in $dir"; exit 0
fi
export DEBIAN_FRONTEND=noninteractive
pkgs="libkrb5-dev libsecret-1-dev pkg-config ripgrep"
if ! dpkg -s $pkgs >/dev/null 2>&1; then
  apt-get install -y -q $pkgs >/dev/null 2>&1 || { apt-get update -q >/dev/null; apt-get install -y -q $pkgs >/dev/null; }
fi
[ -f package.json ] || echo '{"private":true}' > package.json
# Install scripts would download ripgrep from GitHub: skip them and build the native parts here.
npm install --no-audit --no-fund --ignore-scripts "code-server@$version" >/dev/null
npm_config_yes=true npm rebuild argon2 --build-from-source >/dev/null
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null
npm_config_yes=true npm rebuild kerberos @parcel/watcher @vscode/spdlog native-watchdog node-pty >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null)
node "$dir/node_modules/code-server/out/node/entry.js" --version
