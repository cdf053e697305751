#!/usr/bin/env bash
# (e) The exported schema in yaml-language-server (npm), driven over stdio: completion of a force
# name (modeline and yaml.schemas setting), hover text, and validation verdicts that agree with
# section55's on the examples. See yaml-language-server.mjs.
HARNESS=yaml-language-server
source "$(dirname "$0")/lib.sh"

section "yaml-language-server with the exported schema"
ensure_binary
ensure_node_modules
has_command check || missing_feature "section55 check does not exist yet"
[ -f "$MAIN_EXAMPLE" ] || missing_feature "$MAIN_EXAMPLE does not exist yet"
SECTION55=$SECTION55 SCHEMA=$SCHEMA EXAMPLES=$EXAMPLES MAIN_EXAMPLE=$MAIN_EXAMPLE \
  timeout 300 node "$HERE/yaml-language-server.mjs"
