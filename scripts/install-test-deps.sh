#!/usr/bin/env bash
# Installs what the tests need beyond npm packages: Debian's Chromium for Playwright and its AWS CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/node ] || [ ! -d node_modules/@playwright/test ]; then
  npm install --no-audit --no-fund
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
