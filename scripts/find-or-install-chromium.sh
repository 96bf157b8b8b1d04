#!/usr/bin/env bash
# Finds a Chrome/Chromium for showtell, in the same order as the app
# (CHROME_PATH, PUPPETEER_EXECUTABLE_PATH, system, puppeteer's cache), and
# installs Debian's chromium with apt-get when there is none. Prints the path.
set -euo pipefail

for candidate in "${CHROME_PATH:-}" "${PUPPETEER_EXECUTABLE_PATH:-}"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable /opt/google/chrome/chrome \
  "$(command -v chromium 2>/dev/null || true)" "$(command -v google-chrome 2>/dev/null || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
for candidate in "${PUPPETEER_CACHE_DIR:-$HOME/.cache/puppeteer}"/chrome/*/chrome-linux64/chrome; do
  if [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "No Chrome or Chromium found, and installing one needs root: run 'sudo apt-get install -y chromium' or set CHROME_PATH." >&2
      exit 1
    fi
  fi
  echo "No Chrome or Chromium found: installing Debian's chromium (apt-get install -y chromium)..." >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >&2
  if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; exit 0; fi
fi
echo "No Chrome or Chromium found. Install one (Debian/Ubuntu: sudo apt-get install -y chromium; macOS: install Google Chrome), or set CHROME_PATH." >&2
exit 1
