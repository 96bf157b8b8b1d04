#!/usr/bin/env bash
# Finds LibreOffice's `soffice` and prints its path; on Debian/Ubuntu installs
# libreoffice-impress when missing (about 40 s). showtell itself never needs
# it: the test suite does, to open deck.pptx in a reader we did not write
# (test/deck/pptx-libreoffice.test.ts).
exec bash "$(dirname "$0")/find-or-install-package.sh" soffice libreoffice-impress "to run the deck.pptx tests" "macOS: brew install --cask libreoffice"
