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
# The function and durable suites run a second time in containers when a Docker engine answers;
# scripts/docker-engine.sh starts one where none runs, and only that one is stopped at the end
# (an engine that already answered, e.g. one another run started, is left as it was).
if bash scripts/docker-engine.sh start | tee "$results/docker-engine.log"; then
  export LAMBDA_STUDIO_DOCKER_TESTS=1
  if grep -q '^docker engine: starting dockerd' "$results/docker-engine.log"; then
    trap 'bash scripts/docker-engine.sh stop' EXIT
  fi
elif [ "${CI:-}" = true ]; then
  echo "No Docker engine could be started, so the docker runner's suites cannot run." >&2
  status=1
else
  echo "No Docker engine: the docker runner's suites are skipped."
fi
echo "== typecheck" && npm run --silent typecheck || status=1
echo "== lint" && npm run --silent lint || status=1
echo "== unit tests"
vitest run --reporter=default --reporter=json --outputFile.json="$results/unit.json" || status=1
echo "== end-to-end tests"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" playwright test --config e2e/playwright.config.ts --reporter=list,json || status=1

node scripts/summarize-tests.mjs "$results/unit.json" "$results/e2e.json" || status=1
exit $status
