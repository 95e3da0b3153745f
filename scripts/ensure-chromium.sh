#!/usr/bin/env bash
# Makes sure a Chromium for Playwright exists. Playwright cannot download its own
# browsers on these machines, so we use Debian's `chromium` package instead.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then
  echo "chromium: using CHROMIUM_PATH=$CHROMIUM_PATH"
  exit 0
fi
if [ -x /usr/bin/chromium ]; then
  echo "chromium: /usr/bin/chromium present"
  exit 0
fi

echo "chromium: /usr/bin/chromium missing, installing Debian's chromium package"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "chromium: installed $(/usr/bin/chromium --version 2>/dev/null | tail -1)"
