#!/usr/bin/env bash
# Installs what the tests need beyond the studio's npm packages: aws-lambda-ric in the studio's data
# folder (the local Node.js base image and its own test use it), Debian's Chromium for Playwright
# and its AWS CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/node ] || [ ! -d node_modules/@playwright/test ]; then
  npm install --no-audit --no-fund
fi
if ! node_modules/.bin/node scripts/runtime-client.ts --status >/dev/null 2>&1; then
  echo "Installing aws-lambda-ric for the docker runner's local base image (its native client is compiled: a minute or more)..."
  node_modules/.bin/node scripts/runtime-client.ts --quiet || echo "aws-lambda-ric could not be installed: the tests that need it will fail and say why." >&2
fi
apt_install() {
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  fi
}
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the end-to-end tests..."
  apt_install chromium
fi
if [ ! -x /usr/bin/aws ]; then
  # A second, independent client (botocore signs its own requests) for the Lambda API tests.
  echo "Installing Debian's awscli for the AWS CLI tests..."
  apt_install awscli || echo "Debian's awscli could not be installed: the AWS CLI tests are skipped."
fi
