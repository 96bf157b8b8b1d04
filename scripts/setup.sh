#!/usr/bin/env bash
# One command from a fresh clone to a finished demo deck: checks Node,
# finds (or installs) Chromium, and LibreOffice and poppler (for the tests), installs
# the packages, builds showtell and builds the demo deck from the example
# workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("showtell needs Node 20.19 or newer; this is " + process.versions.node); process.exit(1) }'

browser=$(bash scripts/find-or-install-chromium.sh)
echo "Browser: $browser"
# LibreOffice is for the test suite only (it opens deck.pptx); skipped when soffice is there.
office=$(bash scripts/find-or-install-libreoffice.sh) || echo "Note: without LibreOffice the deck.pptx tests fail; showtell itself does not need it." >&2
[ -n "${office:-}" ] && echo "LibreOffice: $office"
# So is poppler's pdfinfo (it reads deck.pdf back); skipped when it is there.
poppler=$(bash scripts/find-or-install-poppler.sh) || echo "Note: without poppler's pdfinfo the PDF reader tests fail; showtell itself does not need it." >&2
[ -n "${poppler:-}" ] && echo "pdfinfo: $poppler"

# puppeteer-core never downloads a browser; the variable also quiets any tool that would.
export PUPPETEER_SKIP_DOWNLOAD=1
npm ci --no-audit --no-fund
npm run build
CHROME_PATH="${CHROME_PATH:-$browser}" npm run demo
