#!/usr/bin/env bash
# Installs Debian's Chromium for the web app's end-to-end tests (apps/web/e2e), unless it is
# already there. Idempotent: a second run only prints the version.
# Usage: bash .ci/install-chromium.sh   (as root, or with sudo available)
set -euo pipefail

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM_PATH" ]; then
  echo "chromium already installed at $CHROMIUM_PATH"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      SUDO="sudo"
    else
      echo "install-chromium: need root (or sudo) to run apt-get install chromium" >&2
      exit 1
    fi
  fi
  echo "installing Debian's chromium with apt-get..."
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q chromium
  if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "install-chromium: apt-get finished but $CHROMIUM_PATH is still missing" >&2
    exit 1
  fi
fi

"$CHROMIUM_PATH" --version
