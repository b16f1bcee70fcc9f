#!/usr/bin/env bash
# `npm test`: every suite — type check, unit and integration (vitest), end-to-end in Chromium with axe
# (Playwright) — then one closing line "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests (Playwright cannot download browsers here)…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null || { echo "chromium could not be installed"; echo "0 passed, 1 failed"; exit 1; }
fi
exec node --import tsx tests/run-all.ts "$@"
