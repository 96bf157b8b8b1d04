#!/usr/bin/env bash
# Finds a Chrome/Chromium for showtell, in the same order as the app
# (CHROME_PATH, PUPPETEER_EXECUTABLE_PATH, system, puppeteer's cache), and
# prints its path.
#
# On Debian/Ubuntu it also installs what is missing of the two Chromium
# builds, with apt-get:
# - chromium-headless-shell, the build showtell prefers: it takes snapshots
#   with about half the browser's CPU per page, and side by side;
# - chromium, the full browser, which the test suite also drives.
# Without root (or password-less sudo) a missing headless shell is only
# reported; a machine with no browser at all asks for sudo.
set -euo pipefail

for candidate in "${CHROME_PATH:-}" "${PUPPETEER_EXECUTABLE_PATH:-}"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done

system_browser() {
  local candidate
  # Debian's /usr/bin/chromium-headless-shell runs the binary below without exec; use the binary.
  for candidate in /usr/lib/chromium/chromium-headless-shell /usr/bin/chromium-headless-shell "$(command -v chromium-headless-shell 2>/dev/null || true)" \
    /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable /opt/google/chrome/chrome \
    "$(command -v chromium 2>/dev/null || true)" "$(command -v google-chrome 2>/dev/null || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  for candidate in "${PUPPETEER_CACHE_DIR:-$HOME/.cache/puppeteer}"/chrome-headless-shell/*/chrome-headless-shell-linux64/chrome-headless-shell \
    "${PUPPETEER_CACHE_DIR:-$HOME/.cache/puppeteer}"/chrome/*/chrome-linux64/chrome; do
    if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

found=$(system_browser || true)
missing=()
if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  dpkg -s chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)
  full_browser=""
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable /opt/google/chrome/chrome; do
    if [ -x "$candidate" ]; then full_browser="$candidate"; break; fi
  done
  [ -n "$full_browser" ] || missing+=(chromium)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  can_install=1
  if [ "$(id -u)" -ne 0 ]; then
    if [ -z "$found" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
    else can_install=0
    fi
  fi
  if [ "$can_install" -eq 1 ]; then
    echo "Installing ${missing[*]} (apt-get install -y ${missing[*]})..." >&2
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-liberation >&2
    found=$(system_browser || true)
  elif [ -n "$found" ]; then
    echo "Note: not installed: ${missing[*]} (sudo apt-get install -y ${missing[*]}). The headless shell makes snapshots faster; the test suite drives both." >&2
  fi
fi

if [ -n "$found" ]; then echo "$found"; exit 0; fi
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "No Chrome or Chromium found, and installing one needs root: run 'sudo apt-get install -y chromium-headless-shell chromium' or set CHROME_PATH." >&2
  exit 1
fi
echo "No Chrome or Chromium found. Install one (Debian/Ubuntu: sudo apt-get install -y chromium-headless-shell chromium; macOS: install Google Chrome), or set CHROME_PATH." >&2
exit 1
