#!/usr/bin/env bash
# (c') pre-commit's `section55` hook from the prebuilt wheel: pre-commit.sh with SECTION55_DIST
# (default dist/, built by scripts/release.sh), no cargo on PATH, installs from dist/ only.
export SECTION55_DIST=${SECTION55_DIST:-$(cd "$(dirname "$0")/../.." && pwd)/dist}
exec bash "$(dirname "$0")/pre-commit.sh"
