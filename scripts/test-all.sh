#!/usr/bin/env bash
# Runs every check the project has: typecheck, lint, unit tests, end-to-end tests.
# Installs what they need first, so it works on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
export PATH="$PWD/node_modules/.bin:$PATH"
echo "== typecheck" && npm run --silent typecheck
echo "== lint" && npm run --silent lint
echo "== unit tests" && npx vitest run
echo "== end-to-end tests" && npm run --silent test:e2e
