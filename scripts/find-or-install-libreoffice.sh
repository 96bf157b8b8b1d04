#!/usr/bin/env bash
# Finds LibreOffice's `soffice` and prints its path; on Debian/Ubuntu installs
# it when missing (apt-get, libreoffice-impress without recommends: about
# 40 s). showtell itself never needs it: the test suite does, to open
# deck.pptx in a reader we did not write (test/deck/pptx-libreoffice.test.ts).
# Without root (or sudo) a missing soffice is reported, and the script fails.
set -euo pipefail

if command -v soffice >/dev/null 2>&1; then command -v soffice; exit 0; fi

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"
    else
      echo "LibreOffice (soffice) is missing, and installing it needs root: run 'sudo apt-get install -y --no-install-recommends libreoffice-impress'." >&2
      exit 1
    fi
  fi
  echo "Installing libreoffice-impress (apt-get install -y --no-install-recommends libreoffice-impress)..." >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-impress >&2
  if command -v soffice >/dev/null 2>&1; then command -v soffice; exit 0; fi
fi
echo "LibreOffice (soffice) not found. Install it (Debian/Ubuntu: sudo apt-get install -y --no-install-recommends libreoffice-impress; macOS: brew install --cask libreoffice) to run the deck.pptx tests." >&2
exit 1
