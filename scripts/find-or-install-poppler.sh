#!/usr/bin/env bash
# Finds poppler's `pdfinfo` and prints its path; on Debian/Ubuntu installs
# poppler-utils when missing (apt-get, a few MB). showtell itself never needs
# it: the test suite does, to read deck.pdf in a PDF reader we did not write
# (test/deck/pdf-update.test.ts). Without root (or sudo) a missing pdfinfo is
# reported, and the script fails.
set -euo pipefail

if command -v pdfinfo >/dev/null 2>&1; then command -v pdfinfo; exit 0; fi

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"
    else
      echo "poppler's pdfinfo is missing, and installing it needs root: run 'sudo apt-get install -y --no-install-recommends poppler-utils'." >&2
      exit 1
    fi
  fi
  echo "Installing poppler-utils (apt-get install -y --no-install-recommends poppler-utils)..." >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends poppler-utils >&2
  if command -v pdfinfo >/dev/null 2>&1; then command -v pdfinfo; exit 0; fi
fi
echo "poppler's pdfinfo not found. Install poppler-utils (Debian/Ubuntu: sudo apt-get install -y --no-install-recommends poppler-utils; macOS: brew install poppler) to run the PDF reader tests." >&2
exit 1
