#!/usr/bin/env bash
# Finds poppler's `pdfinfo` and prints its path; on Debian/Ubuntu installs
# poppler-utils when missing (a few MB). showtell itself never needs it: the
# test suite does, to read deck.pdf in a PDF reader we did not write
# (test/deck/pdf-update.test.ts).
exec bash "$(dirname "$0")/find-or-install-package.sh" pdfinfo poppler-utils "to run the PDF reader tests" "macOS: brew install poppler"
