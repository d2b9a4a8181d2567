#!/usr/bin/env bash
# Runs every check the project has: typecheck, lint, unit tests, end-to-end tests.
# Installs what they need first, so it works on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
export PATH="$PWD/node_modules/.bin:$PATH"
results="$PWD/test-results"
mkdir -p "$results"
rm -f "$results/unit.json" "$results/e2e.json"

status=0
echo "== typecheck" && npm run --silent typecheck || status=1
echo "== lint" && npm run --silent lint || status=1
echo "== unit tests"
vitest run --reporter=default --reporter=json --outputFile.json="$results/unit.json" || status=1
echo "== end-to-end tests"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" playwright test --config e2e/playwright.config.ts --reporter=list,json || status=1

node scripts/summarize-tests.mjs "$results/unit.json" "$results/e2e.json" || status=1
exit $status
